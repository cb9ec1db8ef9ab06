// The execution plan of a package: its works per street segment on a month axis
// (as the terminal's plan tab), bars coloured by owner, shared trenches striped.
import { h } from "./dom.js";
import { num, t } from "./i18n.js";
import { roleName, segmentNames } from "./viewdata.js";

const COLOURS = ["#1a4d8f", "#8e2c8a", "#a15c00", "#2e7d32", "#006d77", "#b3261e", "#5b5f97", "#6d4c41"];

export function planTimeline(view, metrics, label) {
  const jobs = metrics?.jobs || [];
  if (!jobs.length) return null;
  const months = Math.max(1, Math.ceil(Math.max(...jobs.map((j) => j.end))));
  const works = Object.fromEntries((view.scenario?.works || []).map((w) => [w.id, w.title]));
  const owners = [...new Set(jobs.map((j) => j.owner))].sort();
  const trench = {};
  for (const j of jobs) trench[`${j.segment}:${j.trench}`] = (trench[`${j.segment}:${j.trench}`] || 0) + 1;
  const rows = Object.entries(segmentNames(view)).map(([id, name]) => {
    const mine = jobs.filter((j) => j.segment === id).sort((a, b) => a.start - b.start);
    if (!mine.length) return null;
    return h("li", {},
      h("span.bar-label", {}, name),
      h("span.plan-jobs", {}, mine.map((j) => {
        const shared = trench[`${j.segment}:${j.trench}`] > 1;
        const text = `${works[j.work] || j.work} (${roleName(view, j.owner)}): ${t("plan.month")} ${num(j.start)}–${num(j.end)}${shared ? ` · ${t("web.shared_trench")}` : ""}`;
        return h("span.plan-track", { role: "img", "aria-label": text, title: text },
          h("span.plan-bar", {
            class: shared ? "shared" : "",
            style: `left:${(100 * j.start) / months}%;width:${Math.max(1, (100 * (j.end - j.start)) / months)}%;background-color:${COLOURS[owners.indexOf(j.owner) % COLOURS.length]}`,
          }));
      })));
  });
  return h("section.plan", { "aria-labelledby": "plan-title" },
    h("h3", { id: "plan-title" }, t("plan.title", { package: label })),
    h("p.muted", {}, t("web.plan_axis", { months })),
    h("ul.bars.plan-rows", {}, rows),
    h("p", {}, owners.map((o, k) => h("span.key", {}, h("span.swatch", { style: `background-color:${COLOURS[k % COLOURS.length]}` }), roleName(view, o))),
      h("span.key", {}, h("span.swatch.shared"), t("web.shared_trench"))));
}
