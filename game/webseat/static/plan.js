// The execution plan of a package: its works per street segment on a month axis
// (as the terminal's plan tab), bars coloured by owner, shared trenches striped.
import { h, say } from "./dom.js";
import { num, t } from "./i18n.js";
import { roleName, segmentNames } from "./viewdata.js";

const DETAIL = ["jobs", "works", "nuisance", "cost_by_owner"];
const PENDING = "pending";

/** A package's plan, as of the events played (an event can change a plan). */
function planKey(view, pkg) {
  const choices = Object.keys(pkg).sort().map((k) => [k, pkg[k]]);
  return JSON.stringify([choices, (view.events || []).map((e) => e.id)]);
}

/**
 * The metrics of `shown` ({label, metrics, package?}) with their job list. A
 * proposal's metrics in a view have none: it is asked once per package (the
 * `plan` request) and kept on the seat; null while it comes.
 */
export function withPlan(seat, view, shown) {
  const metrics = shown.metrics;
  if (!metrics || metrics.jobs || !shown.package) return metrics;
  const plans = (seat.plans ??= new Map());
  const key = planKey(view, shown.package);
  const found = plans.get(key);
  if (found && found !== PENDING) {
    return { ...metrics, ...Object.fromEntries(DETAIL.filter((k) => k in found).map((k) => [k, found[k]])) };
  }
  if (!found) {
    if (plans.size >= 256) plans.clear();
    plans.set(key, PENDING);
    seat.conn.send({ type: "plan", package: shown.package }).then(
      (ack) => {
        plans.set(key, ack.plan);
        seat.render();
      },
      () => plans.delete(key), // asked again at the next render
    );
  }
  return null;
}

/** The plan's place while its job list is on its way. */
export function planLoading(label) {
  return h("section.plan", { "aria-labelledby": "plan-title", "aria-busy": "true" },
    h("h3", { id: "plan-title" }, t("plan.title", { package: label })),
    h("p.muted.plan-loading", {}, t("plan.loading")));
}

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
        // a phone shows no tooltip: a tap (or Enter) says what the bar is
        const tell = () => say(text);
        return h("span.plan-track", {
          role: "button", tabindex: "0", "aria-label": text, title: text, onclick: tell,
          onkeydown: (e) => (e.key === "Enter" || e.key === " ") && (e.preventDefault(), tell()),
        },
          h("span.plan-bar", {
            class: shared ? "shared" : "",
            style: `left:${(100 * j.start) / months}%;width:${Math.max(1, (100 * (j.end - j.start)) / months)}%;background-color:${COLOURS[owners.indexOf(j.owner) % COLOURS.length]}`,
          }));
      })));
  });
  return h("section.plan", { "aria-labelledby": "plan-title" },
    h("h3", { id: "plan-title" }, t("plan.title", { package: label })),
    h("p.muted", {}, t("web.plan_axis", { months }), " ", t("web.plan_tap")),
    h("ul.bars.plan-rows", {}, rows),
    h("p", {}, owners.map((o, k) => h("span.key", {}, h("span.swatch", { style: `background-color:${COLOURS[k % COLOURS.length]}` }), roleName(view, o))),
      h("span.key", {}, h("span.swatch.shared"), t("web.shared_trench"))));
}
