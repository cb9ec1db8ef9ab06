// The proposal builder: pick an option per live issue; the role's own value against
// its reservation and the plan's openings, cost and nuisance update as options change.
import { h } from "./dom.js";
import { num, t } from "./i18n.js";
import { areaMap } from "./map.js";
import { allowed, conflictSegments, issueTitle, liveIssues, metricsLines, optionTitle, packageLines } from "./viewdata.js";

/** A hint of the terminal's (written in lower case) as a line of its own: "Kies bij …". */
function sentence(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function complete(view, choice) {
  return liveIssues(view).every((issue) => choice[issue.id]);
}

/** Ask the server what the builder's package is worth (the reply redraws the pane). */
export function refreshPreview(seat) {
  const b = seat.builder();
  const view = seat.view;
  if (!complete(view, b.choice)) {
    b.preview = null;
    return;
  }
  const pkg = Object.fromEntries(liveIssues(view).map((i) => [i.id, b.choice[i.id]]));
  // A package's value changes only when an event card changes the scoring: ask again then.
  const key = JSON.stringify([(view.events || []).length, view.infeasible, pkg]);
  if (b.previewKey === key) return;
  b.previewKey = key;
  seat.conn.send({ type: "preview", as: seat.role, package: pkg }).then(
    (ack) => {
      if (b.previewKey === key) {
        b.preview = ack.preview;
        seat.render();
      }
    },
    () => {
      if (b.previewKey === key) b.previewKey = null;
    },
  );
}

export function valueBar(value, reservation, max = 100) {
  const top = Math.max(max, value, reservation, 1);
  const clears = value >= reservation;
  return h("div.valuebar", { role: "img", "aria-label": `${t("builder.value")}: ${num(value)}; ${t("briefing.reservation")}: ${num(reservation)}` },
    h("div.valuebar-fill", { class: clears ? "ok" : "low", style: `width:${(100 * Math.max(0, value)) / top}%` }),
    h("div.valuebar-mark", { style: `left:${(100 * reservation) / top}%` }));
}

export function builderPane(seat) {
  const view = seat.view;
  const me = view.me;
  const b = seat.builder();
  refreshPreview(seat);
  const canPropose = allowed(view, b.amending ? "amend" : "propose");
  const choose = (issue, option) => {
    b.choice[issue] = option;
    seat.render();
  };
  const gone = new Set((view.infeasible || []).map(([issue, option]) => `${issue}:${option}`));
  const fieldsets = view.scenario.issues.map((issue) => {
    const points = me.points[issue.id] || {};
    if (!issue.live) {
      return h("p.preset", {}, h("strong", {}, issue.title), ": ", optionTitle(view, issue.id, issue.preset), " ", h("span.tag", {}, t("briefing.preset")));
    }
    return h("fieldset.issue", {},
      h("legend", {}, issue.title),
      issue.question ? h("p.question", {}, issue.question) : null,
      issue.options.map((o) => {
        const id = `opt-${issue.id}-${o.id}`;
        const out = gone.has(`${issue.id}:${o.id}`); // an event card forbade it
        return h("div.option", { class: out ? "gone" : "" },
          h("input", { type: "radio", id, name: `issue-${issue.id}`, value: o.id, checked: b.choice[issue.id] === o.id, disabled: out, onchange: () => choose(issue.id, o.id) }),
          h("label", { for: id }, o.title, h("span.points", {}, ` (${num(points[o.id] ?? 0)})`), out ? h("span.tag.low", {}, t("web.option_gone")) : null));
      }));
  });
  const preview = b.preview && complete(view, b.choice) ? b.preview : null;
  let summary;
  if (!preview) summary = h("p.muted.pick-all", {}, sentence(t("builder.pick_all")));
  else {
    summary = h("div.summary", { "aria-live": "polite" },
      h("p.value", {}, h("strong", {}, t("builder.value"), ": ", num(preview.value)), " · ", t("briefing.reservation"), " ", num(preview.reservation), " — ",
        h("span", { class: preview.clears ? "ok" : "low" }, preview.clears ? t("builder.clears") : t("builder.below"))),
      valueBar(preview.value, preview.reservation),
      preview.feasible === false
        ? h("p.low", {}, t("builder.infeasible", { options: (preview.infeasible || []).map(([issue, option]) => `${issueTitle(view, issue)}: ${optionTitle(view, issue, option)}`).join(", ") }))
        : null,
      h("ul.metrics", {}, metricsLines(preview.metrics).map((line) => h("li", {}, line))));
  }
  const submit = (event) => {
    event.preventDefault();
    const pkg = Object.fromEntries(liveIssues(view).map((i) => [i.id, b.choice[i.id]]));
    if (b.amending) {
      const base = (view.proposals || []).find((p) => p.id === b.amending)?.package || {};
      const changes = Object.fromEntries(Object.entries(pkg).filter(([k, v]) => base[k] !== v));
      seat.act("amend", { proposal: b.amending, changes, note: b.note }, "done.amended").then((ok) => {
        if (ok) Object.assign(b, { amending: null, note: "" });
      });
    } else {
      seat.act("propose", { package: pkg, note: b.note }, "done.proposed").then((ok) => {
        if (ok) b.note = "";
      });
    }
  };
  return [
    h("h2", {}, b.amending ? t("builder.amend_of", { proposal: b.amending }) : t("tab.builder")),
    h("p.help", {}, t("web.builder_help")),
    h("form.builder", { onsubmit: submit },
      fieldsets,
      summary,
      canPropose
        ? [h("label", { for: "builder-note" }, sentence(t("builder.note_hint"))),
          h("textarea", { id: "builder-note", rows: 2, maxlength: 500, value: b.note, oninput: (e) => (b.note = e.target.value) }),
          h("div.buttons", {},
            h("button", { type: "submit", disabled: !complete(view, b.choice) }, b.amending ? t("key.amend") : t("key.propose")),
            b.amending ? h("button.secondary", { type: "button", onclick: () => { b.amending = null; seat.render(); } }, t("key.cancel")) : null)]
        : h("p.muted", {}, t("web.propose_closed"))),
    preview ? areaMap(view, { openings: preview.metrics?.openings || {}, label: t("builder.mine"), marks: view.marks, conflicts: conflictSegments(view, preview.metrics) }) : null,
  ];
}

/** Load a proposal on the table into the builder, to amend it. */
export function startAmend(seat, proposal) {
  const b = seat.builder();
  b.choice = { ...proposal.package };
  b.amending = proposal.id;
  b.note = "";
  seat.showTab("builder");
}

export { packageLines };
