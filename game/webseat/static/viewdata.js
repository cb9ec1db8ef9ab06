// Reading the engine's views (game/engine/views.py): names, titles, packages, rules.
import { num, orList, t } from "./i18n.js";

export function roleNames(view) {
  const names = {};
  for (const role of view.roles || []) names[role.id] = role.short_name || role.name || role.id;
  return names;
}

export function roleName(view, id) {
  if (id === "facilitator") return t("chat.facilitator");
  return roleNames(view)[id] || id;
}

export function issues(view) {
  return view.scenario?.issues || [];
}

export function liveIssues(view) {
  return issues(view).filter((issue) => issue.live);
}

export function issueTitle(view, id) {
  return issues(view).find((issue) => issue.id === id)?.title || id;
}

export function optionTitle(view, issueId, optionId) {
  const issue = issues(view).find((i) => i.id === issueId);
  return issue?.options.find((o) => o.id === optionId)?.title || optionId;
}

export function segmentNames(view) {
  const names = {};
  for (const seg of view.scenario?.segments || []) names[seg.id] = seg.name;
  return names;
}

/** "Issue: option" lines of a package. */
export function packageLines(view, pkg) {
  return Object.entries(pkg || {}).map(([issue, option]) => `${issueTitle(view, issue)}: ${optionTitle(view, issue, option)}`);
}

/** May a participant make `move` now (the round allows it and the clock runs)? */
export function allowed(view, move) {
  if (!view || view.phase !== "running" || view.clock?.paused) return false;
  if (view.me && (view.me.locked || !view.me.in_play)) return false;
  return (view.round?.moves || []).includes(move);
}

export function headerText(view) {
  const clock = view.clock || {};
  if (view.phase === "lobby" || clock.index < 0) return t("header.waiting");
  if (view.phase === "ended") return `${view.round?.title || ""} — ${t("header.ended")}`;
  return t("header.round", { n: clock.index + 1, total: clock.rounds, title: view.round?.title || "" });
}

/** The clock as m:ss, counted down from when the view arrived. */
export function clockText(view, receivedAt) {
  const clock = view.clock || {};
  let left = Number(clock.remaining || 0);
  if (clock.running) left -= (Date.now() - receivedAt) / 1000;
  left = Math.max(0, Math.round(left));
  const minutes = Math.floor(left / 60);
  return `${minutes}:${String(left % 60).padStart(2, "0")}`;
}

export function ruleText(view) {
  const rule = view.agreement_rule || {};
  const parts = [t("rule.quorum", { quorum: rule.effective_quorum ?? rule.quorum, n: rule.in_play })];
  const veto = (rule.veto_roles || []).map((r) => roleName(view, r));
  if (veto.length) parts.push(t("rule.veto", { roles: orList(veto) }));
  return parts.join(" ");
}

export function metricsLines(metrics) {
  if (!metrics) return [];
  const lines = [
    t("metrics.openings", { n: metrics.openings_total ?? 0 }),
    t("metrics.cost", { cost: metrics.cost ?? 0 }),
    t("metrics.nuisance", { months: metrics.nuisance_total ?? 0 }),
  ];
  if (metrics.saved) lines.push(t("metrics.saved", { saved: metrics.saved }));
  if ((metrics.missed || []).length) lines.push(t("metrics.missed", { n: metrics.missed.length }));
  if ((metrics.conflicts || []).length) lines.push(t("metrics.conflicts", { n: metrics.conflicts.length }));
  return lines;
}

export function tallyText(view, ballot) {
  const tally = ballot.tally || {};
  return t("vote.tally", {
    proposal: ballot.proposal,
    yes: tally.yes ?? 0,
    no: tally.no ?? 0,
    abstain: tally.abstain ?? 0,
    quorum: ballot.quorum,
  });
}

const BALLOT_REASONS = ["quorum", "veto", "infeasible", "closed"];

/** Why a ballot failed, in words: "veto:net" is "veto van Netbeheerder" (as game/tui/notices.py). */
export function ballotReason(view, reason) {
  const text = String(reason || "");
  if (!text) return "";
  const [kind, ...rest] = text.split(":");
  const role = rest.join(":");
  if (kind === "veto") return role ? t("vote.reason.veto_by", { role: view ? roleName(view, role) : role }) : t("vote.reason.veto");
  return BALLOT_REASONS.includes(kind) ? t(`vote.reason.${kind}`) : t("vote.reason.other");
}

/** "AANGENOMEN", or "VERWORPEN: veto van Wethouder"; "" while the ballot is open. */
export function verdictText(ballot, view = null) {
  if (ballot.open) return "";
  if (ballot.passed) return t("vote.passed");
  const why = ballotReason(view, ballot.reason);
  return why ? `${t("vote.failed")}: ${why}` : t("vote.failed");
}

export { num };

/** The segments under the conflicts a plan's metrics name (by conflict id). */
export function conflictSegments(view, metrics) {
  const where = Object.fromEntries((view.scenario?.conflicts || []).map((c) => [c.id, c.segment]));
  return (metrics?.conflicts || []).map((c) => where[c] || c);
}
