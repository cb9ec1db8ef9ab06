// Proposals on the table (support, objections with a reason, comments, amending),
// the ballot with its quorum and veto rule, and signing.
import { h } from "./dom.js";
import { num, t } from "./i18n.js";
import { startAmend, valueBar } from "./builder.js";
import { allowed, issueTitle, metricsLines, optionTitle, packageLines, roleName, ruleText, tallyText, verdictText } from "./viewdata.js";

function stances(view, title, entries, cls) {
  if (!entries.length) return null;
  return h("div", { class: cls }, h("strong", {}, title, ": "),
    h("ul.inline", {}, entries.map(([role, reason]) => h("li", {}, roleName(view, role), reason ? ` — “${reason}”` : ""))));
}

function proposalCard(seat, p) {
  const view = seat.view;
  const me = view.me;
  const mine = (me?.values || []).find((v) => v.proposal === p.id);
  const supported = me && me.role in p.support;
  const objected = me && me.role in p.objections;
  const buttons = [];
  if (me && !p.withdrawn) {
    if (allowed(view, "support")) {
      buttons.push(supported
        ? h("button.small", { type: "button", id: `support-off-${p.id}`, onclick: () => seat.act("support", { proposal: p.id, off: true }, "done.support") }, t("web.support_off"))
        : h("button.small", { type: "button", id: `support-${p.id}`, onclick: () => seat.stance("support", p) }, t("key.support")));
    }
    if (allowed(view, "object")) {
      buttons.push(objected
        ? h("button.small", { type: "button", id: `object-off-${p.id}`, onclick: () => seat.act("object", { proposal: p.id, off: true }, "done.object") }, t("web.object_off"))
        : h("button.small", { type: "button", id: `object-${p.id}`, onclick: () => seat.stance("object", p) }, t("key.object")));
    }
    if (allowed(view, "comment")) buttons.push(h("button.small", { type: "button", id: `comment-${p.id}`, onclick: () => seat.comment(p) }, t("key.comment")));
    if (allowed(view, "amend")) buttons.push(h("button.small", { type: "button", id: `amend-${p.id}`, onclick: () => startAmend(seat, p) }, t("key.amend")));
    if (allowed(view, "withdraw") && p.author === me.role) {
      buttons.push(h("button.small.secondary", { type: "button", id: `withdraw-${p.id}`, onclick: () => seat.act("withdraw", { proposal: p.id }, "done.withdraw") }, t("key.withdraw")));
    }
    buttons.push(h("button.small.secondary", { type: "button", id: `show-${p.id}`, onclick: () => seat.showOnMap(p) }, t("key.show_package")));
  }
  return h("article.card.proposal", { id: `proposal-${p.id}`, class: p.withdrawn ? "withdrawn" : "", "aria-labelledby": `proposal-${p.id}-title` },
    h("h3", { id: `proposal-${p.id}-title` }, p.id, " ", h("span.muted", {}, t("table.by", { author: roleName(view, p.author) })),
      p.parent ? h("span.muted", {}, " ", t("table.amends", { parent: p.parent })) : null,
      p.withdrawn ? h("span.tag", {}, t("web.withdrawn")) : null),
    h("ul.package", {}, packageLines(view, p.package).map((line) => h("li", {}, line))),
    p.note ? h("p.note", {}, "“", p.note, "”") : null,
    h("p.metrics", {}, metricsLines(p.metrics).join(" · ")),
    mine ? h("p", {}, h("strong", {}, t("table.my_value"), ": ", num(mine.value)), " ",
      h("span", { class: mine.clears ? "ok" : "low" }, mine.clears ? t("builder.clears") : t("builder.below"))) : null,
    stances(view, t("web.supporters"), Object.entries(p.support), "support"),
    stances(view, t("web.objections"), Object.entries(p.objections), "objections"),
    p.comments.length ? h("ul.comments", {}, p.comments.map((c) => h("li", {}, h("strong", {}, roleName(view, c.role)), ": ", c.text))) : null,
    buttons.length ? h("div.buttons", {}, buttons) : null);
}

/** What the roles shared at the table: points per option of an issue, or a reservation value. */
function disclosuresList(view) {
  // shared again (after an event): the latest numbers count, listed once
  const latest = new Map();
  for (const d of view.disclosures || []) {
    const key = `${d.role}\u0000${d.issue ?? ""}`;
    latest.delete(key);
    latest.set(key, d);
  }
  const shared = [...latest.values()];
  if (!shared.length) return null;
  return [h("h3", {}, t("web.disclosures")), h("ul.disclosures", {}, shared.map((d) => {
    const what = d.issue == null
      ? `${t("briefing.reservation")} ${num(d.values?.reservation)}`
      : `${issueTitle(view, d.issue)}: ${Object.entries(d.values || {}).map(([option, points]) => `${optionTitle(view, d.issue, option)} ${num(points)}`).join(" · ")}`;
    return h("li", {}, h("strong", {}, roleName(view, d.role)), " — ", what);
  }))];
}

export function tablePane(seat) {
  const view = seat.view;
  const live = (view.proposals || []).filter((p) => !p.withdrawn);
  const gone = (view.proposals || []).filter((p) => p.withdrawn);
  const closed = (view.ballots || []).filter((b) => !b.open);
  return [
    h("h2", {}, t("tab.table")),
    h("p.rule", {}, ruleText(view)),
    live.length ? live.map((p) => proposalCard(seat, p)) : h("p.muted", {}, t("table.empty")),
    disclosuresList(view),
    closed.length ? [h("h3", {}, t("web.ballots")), h("ul", {}, closed.map((b) => h("li", {}, tallyText(view, b), " — ", h("strong", {}, verdictText(b, view)))))] : null,
    gone.length ? h("details", { id: "withdrawn-list" }, h("summary", {}, t("web.withdrawn_list", { n: gone.length })), gone.map((p) => proposalCard(seat, p))) : null,
  ];
}

/** The ballot and signing, above every tab while they matter. */
export function ballotBanner(seat) {
  const view = seat.view;
  const me = view.me;
  const ballot = view.ballot;
  const out = [];
  if (ballot && ballot.open) {
    const p = (view.proposals || []).find((x) => x.id === ballot.proposal);
    const mine = (me.values || []).find((v) => v.proposal === ballot.proposal);
    const canVote = allowed(view, "vote") && !me.voted;
    const cast = seat.state().cast; // what she chose on this ballot, as long as the page lives
    const castText = cast?.ballot === ballot.id ? t("web.voted_choice", { choice: t(`vote.${cast.choice}`) }) : t("vote.already");
    const vote = (choice) => seat.act("vote", { choice }, "done.vote").then((ok) => {
      if (ok) seat.state().cast = { ballot: ballot.id, choice };
      seat.render();
    });
    out.push(h("section.banner.ballot", { "aria-labelledby": "ballot-title" },
      h("h2", { id: "ballot-title" }, t("vote.title", { proposal: ballot.proposal })),
      p ? h("ul.package", {}, packageLines(view, p.package).map((line) => h("li", {}, line))) : null,
      mine ? [h("p", {}, t("vote.worth", { value: num(mine.value), reservation: num(me.reservation) })), valueBar(mine.value, me.reservation)] : null,
      h("p.rule", {}, ruleText(view)),
      h("p", {}, tallyText(view, ballot)),
      canVote
        ? h("div.buttons.vote", {}, ["yes", "no", "abstain"].map((choice) =>
          h("button", { type: "button", id: `vote-${choice}`, class: `vote-${choice}`, onclick: () => vote(choice) }, t(`vote.${choice}`))))
        : h("p", {}, me.voted ? h("strong", {}, castText) : "")));
  }
  const agreement = view.agreement;
  if (agreement) {
    const signed = (agreement.signatures || []).map((r) => roleName(view, r));
    const canSign = allowed(view, "sign") && !me.signed;
    const mine = (me.values || []).find((v) => v.proposal === agreement.proposal);
    const pkg = h("ul.package", {}, packageLines(view, agreement.package).map((line) => h("li", {}, line)));
    // What is signed is shown in full until signed; then it folds away, above every tab.
    out.push(h("section.banner.agreement", { "aria-labelledby": "agreement-title" },
      h("h2", { id: "agreement-title" }, t("notice.agreement", { proposal: agreement.proposal })),
      canSign
        ? [pkg, mine ? [h("p", {}, t("vote.worth", { value: num(mine.value), reservation: num(me.reservation) })), valueBar(mine.value, me.reservation)] : null]
        : h("details", { id: "agreement-package" }, h("summary", {}, t("web.agreement_package")), pkg),
      h("p", {}, t("web.signed_by", { roles: signed.join(", ") || "–" })),
      canSign ? h("button", { type: "button", id: "sign", onclick: () => seat.act("sign", {}, "done.sign") }, t("key.sign")) : null));
  }
  return out;
}
