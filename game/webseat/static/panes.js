// Seat tabs: the press release, the briefing with the role's own scoring table, messages.
import { h } from "./dom.js";
import { num, t } from "./i18n.js";
import { allowed, issueTitle, optionTitle, roleName } from "./viewdata.js";

/** A little Markdown: headings, bullets, paragraphs, **bold**. */
export function markdown(text) {
  const out = [];
  let list = null;
  let para = [];
  const flush = () => {
    if (para.length) out.push(h("p", {}, inline(para.join(" "))));
    para = [];
  };
  for (const raw of String(text || "").split("\n")) {
    const line = raw.trim();
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    const bullet = /^[-*]\s+(.*)$/.exec(line);
    if (!line) {
      flush();
      list = null;
    } else if (heading) {
      flush();
      list = null;
      out.push(h(`h${Math.min(heading[1].length + 2, 6)}`, {}, inline(heading[2])));
    } else if (bullet) {
      flush();
      if (!list) out.push((list = h("ul")));
      list.append(h("li", {}, inline(bullet[1])));
    } else {
      list = null;
      para.push(line);
    }
  }
  flush();
  return out;
}

function inline(text) {
  return text.split(/(\*\*[^*]+\*\*)/).map((part) => (part.startsWith("**") && part.endsWith("**") ? h("strong", {}, part.slice(2, -2)) : part));
}

export function eventCard(event) {
  return h("article.card.event", { "aria-label": t("notice.event_played", { title: event.title }) },
    h("h3", {}, "⚡ ", event.title), markdown(event.text));
}

export function pressPane(seat) {
  const view = seat.view;
  const events = [...(view.events || [])].reverse();
  const notes = [...(view.announcements || [])].reverse();
  return [
    h("h2", {}, view.scenario?.title || ""),
    view.round?.instructions ? h("p.instructions", {}, view.round.instructions) : null,
    events.length ? [h("h3", {}, t("press.events")), events.map(eventCard)] : null,
    notes.length ? [h("h3", {}, t("press.announcements")), h("ul", {}, notes.map((a) => h("li", {}, a.text)))] : null,
    h("section.press", { "aria-label": t("tab.press") }, markdown(view.scenario?.press_release)),
  ];
}

export function briefingPane(seat) {
  const view = seat.view;
  const me = view.me;
  const canShare = allowed(view, "disclose");
  const disclosed = new Set(me.disclosed || []);
  const rows = [];
  for (const issue of view.scenario.issues) {
    const points = me.points[issue.id] || {};
    const fixed = !issue.live;
    const shared = disclosed.has(issue.id);
    const head = h("th", { scope: "rowgroup", colspan: 2, class: "issue-head" }, issue.title,
      fixed ? h("span.tag", {}, t("briefing.preset")) : null,
      shared ? h("span.tag.ok", {}, t("briefing.shared")) : null,
      canShare && issue.live && !shared
        ? h("button.small", { type: "button", id: `disclose-${issue.id}`, onclick: () => seat.act("disclose", { issue: issue.id }, "done.disclose") },
          t("web.share_issue"))
        : null);
    rows.push(h("tbody", {}, h("tr", {}, head),
      issue.options.map((o) => {
        // A fixed issue: its preset option stands out, the others are greyed.
        const set = fixed && issue.preset === o.id;
        return h("tr", { class: fixed ? (set ? "preset" : "muted") : "" },
          h("td", {}, o.title, set ? h("span.tag.ok", {}, "✓ ", t("briefing.preset_option")) : null),
          h("td.num", {}, num(points[o.id] ?? 0)));
      })));
  }
  const rules = (me.rules || []).map((r) => {
    const when = Object.entries(r.when).map(([issue, opts]) => `${issueTitle(view, issue)}: ${opts.map((o) => optionTitle(view, issue, o)).join(" / ")}`);
    return h("li", {}, `${r.points > 0 ? "+" : ""}${num(r.points)} ${t("briefing.when")} ${when.join(" + ")}`, r.note ? ` — ${r.note}` : "");
  });
  const terms = (me.metric_terms || []).map((term) =>
    h("li", {}, `${term.weight > 0 ? "+" : ""}${num(term.weight)} × ${t(`metric.${term.metric}`)}`, term.note ? ` — ${term.note}` : ""));
  // The reservation value's disclosure has no issue (null).
  const sharedReservation = disclosed.has(null) || (view.disclosures || []).some((d) => d.role === me.role && d.issue == null);
  return [
    h("h2", {}, t("tab.briefing"), ": ", roleName(view, me.role)),
    h("p.reservation", {},
      h("strong", {}, t("briefing.reservation"), ": ", num(me.reservation)),
      sharedReservation ? h("span.tag.ok", {}, t("briefing.shared")) : null,
      me.veto ? [" · ", h("strong.veto", {}, t("briefing.veto"))] : null,
      canShare && !sharedReservation
        ? h("button.small", { type: "button", id: "disclose-reservation", onclick: () => seat.act("disclose", { reservation: true }, "done.disclose") }, t("key.disclose_reservation"))
        : null),
    h("div.scroll", {}, h("table.points", {},
      h("caption", {}, t("web.points_caption")),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("briefing.option")), h("th", { scope: "col", class: "num" }, t("briefing.points")))),
      rows)),
    rules.length ? [h("h3", {}, t("web.rules")), h("ul", {}, rules)] : null,
    terms.length ? [h("h3", {}, t("web.plan_terms")), h("ul", {}, terms)] : null,
    h("section.briefing", {}, markdown(me.briefing)),
  ];
}

export function chatPane(seat) {
  const view = seat.view;
  const me = view.me.role;
  const all = [...(view.messages || []), ...(view.private_messages || [])].sort((a, b) => a.at - b.at);
  const others = (view.roles || []).filter((r) => r.in_play && r.id !== me);
  const draft = seat.draft("chat");
  const canPublic = allowed(view, "message");
  const canPrivate = allowed(view, "private_message");
  if (!canPublic && canPrivate && !others.some((r) => r.id === draft.to)) draft.to = others[0]?.id || "";
  const send = (event) => {
    event.preventDefault();
    const text = draft.text.trim();
    if (!text) return;
    const to = draft.to || "";
    const move = to ? ["private_message", { to, text }] : ["message", { text }];
    seat.act(move[0], move[1], null).then((ok) => {
      if (ok) {
        draft.text = "";
        seat.render();
      }
    });
  };
  const list = all.length
    ? h("ol.messages", { "aria-label": t("tab.chat") }, all.map((m) => h("li", { class: m.to ? "private" : "" },
      h("strong", {}, roleName(view, m.sender)),
      m.to ? h("span.tag", {}, `${t("chat.private")} → ${roleName(view, m.to)}`) : null,
      ": ", m.text)))
    : h("p.muted", {}, t("web.chat_empty"));
  const form = canPublic || canPrivate
    ? h("form.chat-form", { onsubmit: send },
      h("label", { for: "chat-to" }, t("web.chat_to")),
      h("select", { id: "chat-to", onchange: (e) => (draft.to = e.target.value) },
        canPublic ? h("option", { value: "", selected: !draft.to }, t("chat.everyone")) : null,
        canPrivate ? others.map((r) => h("option", { value: r.id, selected: draft.to === r.id }, r.short_name || r.name)) : null),
      h("label", { for: "chat-text" }, t("web.chat_text")),
      h("textarea", { id: "chat-text", rows: 2, maxlength: 500, value: draft.text, oninput: (e) => (draft.text = e.target.value) }),
      h("button", { type: "submit" }, t("web.send")))
    : h("p.muted", {}, t("web.chat_closed"));
  return [h("h2", {}, t("tab.chat")), list, form];
}
