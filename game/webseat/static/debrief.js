// The debrief after the reveal: scores against reservations (a chart), the outcome,
// the plan against the status quo, openings per segment (a chart), hidden interests,
// the table's indicators and the lessons. The same for seats and the room screen.
import { h } from "./dom.js";
import { num, pct, t } from "./i18n.js";
import { issueTitle, optionTitle, packageLines, roleName, segmentNames } from "./viewdata.js";

const INDICATORS = ["openness", "cooperation", "result_orientation", "reliability", "rising_above_own_interest"];

/** Horizontal bars: each role's score, with its reservation as a tick. */
function scoreChart(view, outcome) {
  const roles = outcome.roles || [];
  const top = Math.max(1, ...roles.map((r) => Math.max(outcome.scores[r], outcome.reservations[r])));
  const row = 34;
  const left = 170;
  const width = 600;
  const bars = roles.map((role, n) => {
    const y = n * row + 6;
    const score = outcome.scores[role];
    const reservation = outcome.reservations[role];
    const clears = score >= reservation;
    const w = ((width - left - 60) * Math.max(0, score)) / top;
    const rx = left + ((width - left - 60) * reservation) / top;
    return h("g", {},
      h("text", { x: left - 8, y: y + 18, "text-anchor": "end", "font-size": 15, fill: "#111" }, roleName(view, role).slice(0, 20)),
      h("rect", { x: left, y, width: Math.max(w, 1), height: 22, fill: clears ? "#2e7d32" : "#c62828" },
        h("title", {}, `${roleName(view, role)}: ${num(score)} / ${num(reservation)}`)),
      h("line", { x1: rx, x2: rx, y1: y - 3, y2: y + 25, stroke: "#111", "stroke-width": 3 }),
      h("text", { x: left + w + 6, y: y + 17, "font-size": 14, fill: "#111" }, num(score, 0)));
  });
  return h("figure.chart", {},
    h("svg", { viewBox: `0 0 ${width} ${roles.length * row + 12}`, role: "img", "aria-label": t("debrief.title") }, bars),
    h("figcaption", {}, t("web.score_legend")));
}

/** Grouped bars: openings per segment for the result, the status quo and the best plan. */
function openingsChart(view, series) {
  const names = segmentNames(view);
  const ids = Object.keys(names);
  const colours = ["#1a4d8f", "#9aa5ab", "#2e7d32"];
  const top = Math.max(1, ...series.flatMap((s) => ids.map((id) => s.openings[id] || 0)));
  const row = 14 * series.length + 14;
  const left = 170;
  const width = 600;
  const groups = ids.map((id, n) => {
    const y = n * row + 4;
    return h("g", {},
      h("text", { x: left - 8, y: y + 7 * series.length + 5, "text-anchor": "end", "font-size": 14, fill: "#111" }, names[id].slice(0, 22)),
      series.map((s, k) => {
        const value = s.openings[id] || 0;
        const w = ((width - left - 40) * value) / top;
        return h("g", {},
          h("rect", { x: left, y: y + k * 14, width: Math.max(w, 1), height: 12, fill: colours[k] }, h("title", {}, `${names[id]} · ${s.label}: ${value}`)),
          h("text", { x: left + w + 4, y: y + k * 14 + 11, "font-size": 12, fill: "#111" }, String(value)));
      }));
  });
  return h("figure.chart", {},
    h("svg", { viewBox: `0 0 ${width} ${ids.length * row + 8}`, role: "img", "aria-label": t("debrief.openings_per_segment") }, groups),
    h("figcaption", {}, series.map((s, k) => h("span.key", {}, h("span.swatch", { style: `background:${colours[k]}` }), s.label))));
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

function possibleSection(view, possible) {
  if (!possible) return null;
  const best = possible.max_welfare?.joint;
  if (best === undefined || best === null) return [h("h3", {}, t("debrief.possible")), h("p", {}, t("debrief.nothing_passes"))];
  const plan = possible.best_plan;
  return [
    h("h3", {}, t("debrief.possible")),
    h("ul", {},
      h("li", {}, t("debrief.share", { share: pct(possible.share), best: num(best) })),
      h("li", {}, possible.better_count ? t("debrief.better", { count: possible.better_count }) : t("debrief.better_none")),
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
    return h("details", {}, h("summary", {}, roleName(view, role), ` — ${t("debrief.reservation")} ${num(prof.reservation)}`, prof.veto ? `, ${t("briefing.veto")}` : ""), h("ul", {}, items));
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
    possibleSection(view, possible),
    planTable(outcome, best),
    h("h3", {}, t("debrief.openings_per_segment")),
    openingsChart(view, series),
    h("div.scroll", {}, h("table", {},
      h("caption", {}, t("debrief.scores")),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("debrief.role")), h("th.num", { scope: "col" }, t("debrief.score")), h("th.num", { scope: "col" }, t("debrief.reservation")))),
      h("tbody", {}, (outcome.roles || []).map((role) => h("tr", {},
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
