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

export function verdictText(ballot) {
  if (ballot.open) return "";
  const verdict = ballot.passed ? t("vote.passed") : t("vote.failed");
  const reason = ballot.reason ? t(`vote.reason.${ballot.reason}`) : "";
  return reason && !ballot.passed ? `${verdict} (${reason})` : verdict;
}

export { num };

/** The segments under the conflicts a plan's metrics name (by conflict id). */
export function conflictSegments(view, metrics) {
  const where = Object.fromEntries((view.scenario?.conflicts || []).map((c) => [c.id, c.segment]));
  return (metrics?.conflicts || []).map((c) => where[c] || c);
}
