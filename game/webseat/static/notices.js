// Notices (docs/protocol.md §6) as short sentences for the status line, as game/tui/notices.py.
import { num, t } from "./i18n.js";
import { roleName, verdictText } from "./viewdata.js";

// As SHOWN in game/tui/notices.py (less "signed": eleven of those in a row say little on
// a phone; the agreement banner lists who signed), and a private message to this seat.
const SHOWN = new Set([
  "round_started", "event_played", "vote_called", "vote_closed", "announcement", "paused", "resumed", "extended",
  "proposed", "agreement", "withdrawn", "revealed", "session_ended", "private_message", "bot_summary",
]);

export function noticeText(notice, view) {
  const kind = notice.kind;
  if (!SHOWN.has(kind)) return "";
  if (kind === "bot_summary") return notice.text || "";
  if (kind === "private_message" && (!view?.me || notice.to !== view.me.role)) return "";
  const values = { ...notice };
  const scenario = view?.scenario || {};
  if (kind === "round_started") values.title = scenario.rounds?.find((r) => r.id === notice.round)?.title || notice.round;
  if (kind === "event_played") values.title = scenario.events?.find((e) => e.id === notice.event)?.title || notice.event;
  if (kind === "proposed" && view) values.author = roleName(view, notice.author);
  if (kind === "private_message") Object.assign(values, { sender: roleName(view, notice.sender), to: roleName(view, notice.to) });
  if (kind === "vote_closed") values.verdict = verdictText({ passed: notice.passed, reason: notice.reason }, view);
  if (kind === "extended") values.minutes = `${notice.minutes > 0 ? "+" : ""}${num(notice.minutes)}`;
  return t(`notice.${kind}`, values);
}
