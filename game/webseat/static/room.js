// The web room screen for the projector: big clock, round and instructions, the latest
// event card, proposals, the live tally, the map, and the debrief after the reveal.
import { debriefPane } from "./debrief.js";
import { fill, h, say } from "./dom.js";
import { headerParts, tickClock } from "./header.js";
import { errorText, t } from "./i18n.js";
import { areaMap } from "./map.js";
import { Connection } from "./net.js";
import { noticeText } from "./notices.js";
import { eventCard } from "./panes.js";
import { metricsLines, packageLines, roleName, ruleText, tallyText, verdictText } from "./viewdata.js";

export class Room {
  constructor(app, code, conn = null) {
    this.app = app;
    this.view = null;
    this.received = Date.now();
    this.up = false;
    this.pendingRender = false;
    const on = {
      welcome: () => {},
      view: (table, as, view) => {
        if (as !== "room") return;
        this.view = view;
        this.received = Date.now();
        this.render();
      },
      notice: (msg) => {
        const text = noticeText(msg.notice || {}, this.view);
        if (text) say(text, "notice");
      },
      status: (up) => {
        this.up = up;
        this.render();
      },
      fatal: (code) => this.app.leave(errorText(code)),
      reset: () => {
        this.view = null;
        this.render();
      },
    };
    if (conn) {
      this.conn = conn;
      conn.on = on;
      this.up = conn.up;
      for (const [key, view] of conn.views) if (key.endsWith(":room")) this.view = view;
    } else {
      this.conn = new Connection({ codes: [code], client: "screen" }, on);
    }
  }

  start() {
    if (!this.conn.ws) this.conn.start();
    document.body.classList.add("room");
    this.render();
  }

  stop() {
    this.stopped = true; // no more drawing: the join page is on show
    this.conn.stop();
    document.body.classList.remove("room");
  }

  render() {
    if (this.pendingRender || this.stopped) return;
    this.pendingRender = true;
    requestAnimationFrame(() => {
      this.pendingRender = false;
      if (!this.stopped) this.draw();
    });
  }

  tick() {
    tickClock(this.view, this.received);
  }

  key() {}

  /** How to join, while people arrive: the one address (the server's own; else this
   * page's, unless that is the laptop itself), a role card's QR code or code. */
  joinHow() {
    let address = this.conn.address || "";
    if (!address && !/^(localhost|127\.|\[::1\])/.test(location.host)) address = location.origin + "/";
    if (!address) return null;
    const url = address.replace(/^ws(s?):\/\//, "http$1://");
    const short = url.replace(/^https?:\/\//, "").replace(/\/$/, "");
    return h("section.room-join", { "aria-labelledby": "room-join" },
      h("h2", { id: "room-join" }, t("room.join.title")),
      h("p", {}, t("room.join.browser"), " ", h("strong", {}, url), " ", t("room.join.card")),
      h("p", {}, t("room.join.terminal"), " ", h("code", {}, `botsende-belangen join ${short} --code …`)));
  }

  draw() {
    const view = this.view;
    this.app.chrome(headerParts(view, this.received, this.up, t("console.room_screen")));
    const main = document.getElementById("main");
    if (!view) {
      fill(main, h("p", {}, t("web.connecting")));
      return;
    }
    if (view.reveal) {
      fill(main, h("div.room-debrief", {}, debriefPane(view)));
      return;
    }
    const event = (view.events || []).at(-1);
    const note = (view.announcements || []).at(-1);
    const arriving = view.phase === "lobby" || (!view.clock?.index && !event && !note);
    const ballot = view.ballot || (view.ballots || []).at(-1);
    const live = (view.proposals || []).filter((p) => !p.withdrawn);
    const focusId = view.agreement?.proposal || view.ballot?.proposal || live.at(-1)?.id;
    const focus = (view.proposals || []).find((p) => p.id === focusId);
    fill(main, h("div.room-grid", {}, h("div.room-side", {},
      arriving ? this.joinHow() : null,
      h("section.room-round", { "aria-labelledby": "room-round" },
        h("h2", { id: "room-round" }, view.round?.title || view.scenario?.title || ""),
        view.round?.instructions ? h("p.instructions", {}, view.round.instructions) : null,
        note ? h("p.announcement", {}, `${t("chat.facilitator")}: ${note.text}`) : null,
        h("p.rule", {}, ruleText(view))),
      event ? h("section.room-event", { "aria-label": t("press.events") }, eventCard(event)) : null,
      ballot ? h("section.room-ballot", { "aria-labelledby": "room-ballot" },
        h("h2", { id: "room-ballot" }, t("vote.title", { proposal: ballot.proposal })),
        h("p.tally", {}, tallyText(view, ballot)),
        ballot.open ? h("p", {}, t("web.voted", { n: (ballot.voted || []).length, total: view.agreement_rule?.in_play ?? "?" })) : h("p.verdict", {}, verdictText(ballot, view))) : null,
      h("section.room-proposals", { "aria-labelledby": "room-proposals" },
        h("h2", { id: "room-proposals" }, t("tab.table")),
        live.length
          ? h("ul.room-list", {}, live.map((p) => h("li", {},
            h("strong", {}, p.id), ` ${t("table.by", { author: roleName(view, p.author) })} · `,
            t("web.support_count", { n: Object.keys(p.support).length }), " · ",
            t("web.objection_count", { n: Object.keys(p.objections).length }),
            h("div.muted", {}, metricsLines(p.metrics).slice(0, 3).join(" · ")))))
          : h("p", {}, t("table.empty")))),
      h("section.room-map", { "aria-label": t("tab.map") },
        focus ? h("ul.package", {}, packageLines(view, focus.package).map((line) => h("li", {}, line))) : null,
        areaMap(view, { openings: focus ? focus.metrics?.openings || {} : null, label: focus?.id || "", marks: view.marks || [] }))));
  }
}
