// The debrief after the reveal: scores against reservations (a chart), the outcome,
// why failed ballots failed (why.js), the plan against the status quo, openings per
// segment (a chart), hidden interests, the table's indicators and the lessons. The
// same for seats and the room screen.
import { h } from "./dom.js";
import { num, pct, t } from "./i18n.js";
import { issueTitle, optionTitle, packageLines, roleName, segmentNames } from "./viewdata.js";
import { failedSection } from "./why.js";

const INDICATORS = ["openness", "cooperation", "result_orientation", "reliability", "rising_above_own_interest"];

/** Horizontal bars (HTML, so they read well on a phone and a projector alike). */
function bar(value, top, cls, title) {
  return h("span.bar", { class: cls, style: `width:${(100 * Math.max(0, value)) / top}%`, title });
}

/** Each role's score as a bar, its reservation as a tick. */
function scoreChart(view, outcome) {
  const roles = outcome.roles || [];
  const top = Math.max(1, ...roles.map((r) => Math.max(outcome.scores[r], outcome.reservations[r]))) * 1.05;
  return h("figure.chart", {},
    h("ul.bars", { "aria-label": t("debrief.title") }, roles.map((role) => {
      const score = outcome.scores[role];
      const reservation = outcome.reservations[role];
      const clears = score >= reservation;
      return h("li", { class: role === view.me?.role ? "me" : "" },
        h("span.bar-label", {}, roleName(view, role)),
        h("span.bar-track", { role: "img", "aria-label": `${roleName(view, role)}: ${t("debrief.score")} ${num(score)}, ${t("debrief.reservation")} ${num(reservation)}` },
          bar(score, top, clears ? "ok" : "low"),
          h("span.tick", { style: `left:${(100 * reservation) / top}%` })),
        h("span.bar-value", {}, num(score, 0)));
    })),
    h("figcaption", {}, t("web.score_legend")));
}

/** Openings per segment: the result, the status quo and the best plan side by side. */
function openingsChart(view, series) {
  const names = segmentNames(view);
  const top = Math.max(1, ...series.flatMap((s) => Object.keys(names).map((id) => s.openings[id] || 0)));
  return h("figure.chart", {},
    h("ul.bars.grouped", { "aria-label": t("debrief.openings_per_segment") }, Object.entries(names).map(([id, name]) =>
      h("li", {},
        h("span.bar-label", {}, name),
        h("span.bar-group", {}, series.map((s, k) => h("span.bar-row", {},
          h("span.bar-track", { role: "img", "aria-label": `${name}, ${s.label}: ${s.openings[id] || 0}` }, bar(s.openings[id] || 0, top, `series-${k}`)),
          h("span.bar-value", {}, String(s.openings[id] || 0)))))))),
    h("figcaption", {}, series.map((s, k) => h("span.key", {}, h("span.swatch", { class: `series-${k}` }), s.label))));
}

function planTable(outcome, best) {
  const metrics = outcome.metrics || {};
  const base = outcome.status_quo?.metrics || {};
  const columns = [[t("debrief.result"), metrics], [t("debrief.status_quo"), base]];
  if (best) columns.push([t("debrief.best_plan"), best]);
  const rows = [
    ["openings_total", t("debrief.openings")],
    ["cost", t("debrief.cost")],
    ["saved", t("debrief.saved")],
    ["nuisance_total", t("debrief.nuisance")],
  ];
  return h("div.scroll", {}, h("table", {},
    h("caption", {}, t("debrief.plan")),
    h("thead", {}, h("tr", {}, h("td"), columns.map(([label]) => h("th", { scope: "col", class: "num" }, label)))),
    h("tbody", {},
      rows.map(([key, label]) => h("tr", {}, h("th", { scope: "row" }, label), columns.map(([, m]) => h("td.num", {}, num(m[key] ?? 0))))),
      h("tr", {}, h("th", { scope: "row" }, t("debrief.missed")), columns.map(([, m]) => h("td.num", {}, num((m.missed || []).length)))))));
}

/** The catalog key for the number of better packages: none, one, or more. */
export function betterKey(count) {
  if (!count) return "debrief.better_none";
  return count === 1 ? "debrief.better_one" : "debrief.better";
}

function possibleSection(view, possible) {
  if (!possible) return null;
  const best = possible.max_welfare?.joint;
  if (best === undefined || best === null) return [h("h3", {}, t("debrief.possible")), h("p", {}, t("debrief.nothing_passes"))];
  const plan = possible.best_plan;
  return [
    h("h3", {}, t("debrief.possible")),
    h("ul", {},
      h("li", {}, t("debrief.share", { share: pct(possible.share), best: num(best) })),
      h("li", {}, t(betterKey(possible.better_count), { count: possible.better_count })),
      plan ? h("li", {}, t(plan.basis === "better" ? "debrief.best_better" : "debrief.best_passing", { openings: plan.openings_total }),
        h("ul", {}, packageLines(view, plan.package).map((line) => h("li", {}, line)))) : null),
  ];
}

function interests(view, profiles) {
  return Object.entries(profiles || {}).map(([role, prof]) => {
    const items = [];
    for (const [issue, pts] of Object.entries(prof.points || {})) {
      const options = Object.keys(pts);
      if (!options.length) continue;
      const best = options.reduce((a, b) => (pts[b] > pts[a] ? b : a));
      items.push(h("li", {}, `${issueTitle(view, issue)}: ${t("debrief.prefers")} ${optionTitle(view, issue, best)} (${num(pts[best])})`));
    }
    for (const rule of prof.rules || []) if (rule.note) items.push(h("li", {}, `${rule.points > 0 ? "+" : ""}${num(rule.points)}: ${rule.note}`));
    for (const term of prof.metric_terms || []) items.push(h("li", {}, `${term.weight > 0 ? "+" : ""}${num(term.weight)} × ${t(`metric.${term.metric}`)}${term.note ? `: ${term.note}` : ""}`));
    return h("details", { id: `interests-${role}` }, h("summary", {}, roleName(view, role), ` — ${t("debrief.reservation")} ${num(prof.reservation)}`, prof.veto ? `, ${t("debrief.veto")}` : ""), h("ul", {}, items));
  });
}

export function debriefPane(view) {
  const reveal = view.reveal;
  if (!reveal) return [h("h2", {}, t("tab.debrief")), h("p", {}, t("debrief.wait"))];
  const outcome = reveal.outcome || {};
  const possible = reveal.possible;
  const best = possible?.best_plan || null;
  const series = [
    { label: t("debrief.result"), openings: outcome.metrics?.openings || {} },
    { label: t("debrief.status_quo"), openings: outcome.status_quo?.metrics?.openings || {} },
  ];
  if (best) series.push({ label: t("debrief.best_plan"), openings: best.openings || {} });
  const indicators = outcome.indicators?.table || {};
  const lessons = view.scenario?.lessons || [];
  return [
    h("h2", {}, t("debrief.title")),
    scoreChart(view, outcome),
    h("h3", {}, t("debrief.outcome")),
    outcome.agreement
      ? [h("p.ok", {}, h("strong", {}, t("debrief.agreed", { proposal: outcome.proposal }))),
        h("ul.package", {}, packageLines(view, outcome.package).map((line) => h("li", {}, line))),
        outcome.in_time === false ? h("p.low", {}, t("debrief.late")) : null]
      : h("p.low", {}, t("debrief.no_agreement")),
    failedSection(view),
    possibleSection(view, possible),
    planTable(outcome, best),
    h("h3", {}, t("debrief.openings_per_segment")),
    openingsChart(view, series),
    h("div.scroll", {}, h("table", {},
      h("caption", {}, t("debrief.scores")),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("debrief.role")), h("th.num", { scope: "col" }, t("debrief.score")), h("th.num", { scope: "col" }, t("debrief.reservation")))),
      h("tbody", {}, (outcome.roles || []).map((role) => h("tr", { class: role === view.me?.role ? "me" : "" },
        h("th", { scope: "row" }, roleName(view, role)),
        h("td.num", { class: outcome.cleared?.[role] ? "ok" : "low" }, num(outcome.scores[role], 0)),
        h("td.num", {}, num(outcome.reservations[role], 0))))))),
    h("h3", {}, t("debrief.interests")),
    interests(view, reveal.profiles),
    h("h3", {}, t("debrief.indicators")),
    h("ul", {}, INDICATORS.map((k) => h("li", {}, `${t(`indicator.${k}`)}: ${pct(indicators[k])}`))),
    lessons.length ? [h("h3", {}, t("debrief.lessons")), h("ul", {}, lessons.map((le) => h("li", {}, h("strong", {}, le.title), " — ", le.text)))] : null,
  ];
}
