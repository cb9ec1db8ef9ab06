// Why each failed ballot failed, for the debrief (after the reveal only): who voted no,
// what the proposal was worth to them against their reservation value, and what in their
// hidden interests it went against most. All from the reveal's "failed" (the engine's
// game/engine/view_ballots.py); the same sentences as game/tui/widgets/debrief_why.py.
import { h } from "./dom.js";
import { language, num, t } from "./i18n.js";
import { ballotReason, issueTitle, optionTitle, roleName, segmentNames } from "./viewdata.js";

const LOCALES = { nl: "nl-NL", en: "en-GB" };

/** "Wethouder, Netbeheerder en Corporatie" ("…, and …" in English). */
export function andList(words) {
  return new Intl.ListFormat(LOCALES[language()] || "nl-NL", { type: "conjunction" }).format(words);
}

/** A number with a true minus ("−20"), as the terminal has it. */
function n(value) {
  return num(value).replace("-", "−");
}

/** A change with its sign: "+3", "−19,5". */
function signed(value) {
  return value > 0 ? `+${n(value)}` : n(value);
}

/** One thing a proposal cost a role: an option, a rule of its own or a metric. */
export function itemText(view, item) {
  if (item.type === "issue") {
    return t("why.item.issue", {
      issue: issueTitle(view, item.issue),
      option: optionTitle(view, item.issue, item.option),
      points: n(item.points),
      best: n(item.best),
    });
  }
  const points = signed(item.points);
  if (item.type === "rule") {
    const note = String(item.note || "").replace(/[. ]+$/, "");
    return note ? t("why.item.rule", { note, points }) : t("why.item.rule_bare", { points });
  }
  const names = segmentNames(view);
  const where = (item.segments || []).map((s) => names[s] || s);
  return t("why.item.metric", {
    metric: t(`metric.${item.metric}`),
    where: where.length ? t("why.item.where", { segments: andList(where) }) : "",
    value: n(item.value),
    points,
  });
}

/** "P3 was 32 waard voor Corporatie (reservewaarde 62); het zwaarst woog …". */
export function worthText(view, proposal, role, against) {
  // a no from a role the proposal gave more than its reservation value: "toch tegen"
  const above = Number(against.score ?? 0) >= Number(against.reservation ?? 0);
  let text = t(above ? "why.worth_above" : "why.worth", { proposal, role: roleName(view, role), score: n(against.score), reservation: n(against.reservation) });
  const heaviest = (against.heaviest || []).map((item) => itemText(view, item));
  if (heaviest.length) text += t("why.heaviest", { item: heaviest[0] });
  if (heaviest.length > 1) text += t("why.then", { item: heaviest[1] });
  return `${text}.`;
}

/** The sentences for one failed ballot: the verdict with who voted no, then why. */
export function ballotLines(view, failed) {
  const proposal = String(failed.proposal);
  const reason = String(failed.reason || "");
  const [kind, ...rest] = reason.split(":");
  const vetoer = rest.join(":");
  const no = failed.no || [];
  const against = failed.against || {};
  let head;
  let explained = [];
  if (kind === "veto" && vetoer) {
    head = t("why.veto", { proposal, role: roleName(view, vetoer) });
    const others = no.filter((r) => r !== vetoer).map((r) => roleName(view, r));
    if (others.length) head += ` ${t("why.also_no", { roles: andList(others) })}`;
    // every veto among the no votes is explained (the reason names the first)
    const vetoes = new Set((view.roles || []).filter((r) => r.veto).map((r) => r.id));
    explained = [vetoer, ...no.filter((r) => r !== vetoer && vetoes.has(r))];
  } else {
    head = kind === "quorum"
      ? t("why.quorum", { proposal, yes: String(failed.yes ?? 0), quorum: String(failed.quorum ?? 0), short: String(failed.short ?? 0) })
      : t("why.other", { proposal, reason: ballotReason(view, reason) });
    if (no.length) head += ` ${t("why.no", { roles: andList(no.map((r) => roleName(view, r))) })}`;
    const abstain = (failed.abstain || []).map((r) => roleName(view, r));
    if (abstain.length) head += ` ${t("why.abstain", { roles: andList(abstain) })}`;
    if (kind === "quorum") explained = no;
  }
  return [head, ...explained.filter((r) => r in against).map((r) => worthText(view, proposal, r, against[r]))];
}

/** The debrief's section on failed ballots, or null when none failed (or before the reveal). */
export function failedSection(view) {
  const failed = view.reveal?.failed || [];
  if (!failed.length) return null;
  return h("section.why", {},
    h("h3", {}, t("why.title")),
    failed.map((ballot) => {
      const [head, ...rest] = ballotLines(view, ballot);
      return h("div.why-ballot", {}, h("p", {}, h("strong", {}, head)), rest.length ? h("ul", {}, rest.map((line) => h("li", {}, line))) : null);
    }));
}
