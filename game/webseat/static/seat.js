// A participant's seat in the browser: one role, or several on a shared laptop
// behind their PINs. Renders the views the server sends; sends moves.
import { builderPane } from "./builder.js";
import { debriefPane } from "./debrief.js";
import { ask } from "./dialog.js";
import { fill, h, say } from "./dom.js";
import { headerParts, tickClock } from "./header.js";
import { errorText, t } from "./i18n.js";
import { areaMap } from "./map.js";
import { Connection } from "./net.js";
import { briefingPane, chatPane, pressPane } from "./panes.js";
import { ballotBanner, tablePane } from "./table.js";
import { allowed, conflictSegments, roleName } from "./viewdata.js";
import { noticeText } from "./notices.js";
import { planLoading, planTimeline, withPlan } from "./plan.js";
import { keepPlace, keptPlace } from "./keep.js";

const TABS = ["press", "briefing", "map", "builder", "table", "chat", "debrief"];

export class Seat {
  /** app: {chrome(parts), leave(error), room(conn)} */
  constructor(app, codes) {
    this.app = app;
    this.codes = codes;
    this.roles = [];
    this.locked = new Set();
    this.pins = new Map(); // in memory only: to unlock again after a reconnect
    this.current = null;
    this.views = {};
    this.received = {};
    this.tab = "press";
    this.perRole = {};
    this.focus = null;
    this.pendingRender = false;
    this.up = false;
    this.shared = codes.length > 1;
    // A phone's own seat comes back on its tab, with the proposal it was building.
    this.place = this.shared ? null : keptPlace(codes[0]);
    if (TABS.includes(this.place?.tab)) this.tab = this.place.tab;
    this.scrollBack = Number(this.place?.scroll) || 0; // where she was on that tab
    this.keep = () => this.keepPlace();
    this.conn = new Connection({ codes, client: "seat", locked: this.shared }, {
      welcome: (msg) => this.welcome(msg),
      view: (table, as, view) => this.gotView(as, view),
      notice: (msg) => this.notice(msg),
      status: (up) => {
        this.up = up;
        this.render();
      },
      fatal: (code) => this.app.leave(code === "policy" ? t("web.refused") : errorText(code)),
      reset: () => {
        this.views = {};
        this.render();
      },
    });
  }

  start() {
    this.conn.start();
    document.addEventListener("visibilitychange", this.keep);
    window.addEventListener("pagehide", this.keep);
    this.render();
  }

  stop() {
    this.keepPlace();
    this.stopped = true; // no more drawing: the join page or another screen is on show
    document.removeEventListener("visibilitychange", this.keep);
    window.removeEventListener("pagehide", this.keep);
    this.conn.stop();
  }

  keepPlace() {
    if (this.shared || !this.current) return;
    const b = this.perRole[this.current]?.builder;
    const builder = b ? { choice: b.choice, note: b.note, amending: b.amending } : this.place?.builder;
    keepPlace(this.codes[0], { tab: this.tab, builder, scroll: Math.round(window.scrollY) });
  }

  get view() {
    return this.current ? this.views[this.current] : null;
  }

  get role() {
    return this.current;
  }

  welcome(msg) {
    if (msg.screen && !msg.seats.length) {
      this.app.room(this.conn);
      return;
    }
    this.roles = msg.seats.map((s) => s.role);
    this.locked = new Set(msg.seats.filter((s) => s.locked).map((s) => s.role));
    for (const [role, pin] of this.pins) {
      if (this.locked.has(role)) this.unlockWith(role, pin, false);
    }
    if (!this.current && this.roles.length === 1 && !this.locked.size) this.current = this.roles[0];
    this.render();
  }

  gotView(as, view) {
    if (as === "room") return;
    this.views[as] = view;
    this.received[as] = Date.now();
    for (const r of view.roles || []) this.names = { ...(this.names || {}), [r.id]: r.short_name || r.name };
    if (!this.current && !this.locked.has(as)) this.current = as;
    this.render();
  }

  notice(msg) {
    const n = msg.notice || {};
    if (n.to && n.to !== this.current && n.sender !== this.current && n.role !== this.current) return;
    const text = noticeText(n, this.view);
    if (text) say(text, "notice");
    // A ballot or an agreement to sign comes into sight, wherever she had scrolled to.
    if (n.kind === "vote_called") this.reveal = "ballot-title";
    if (n.kind === "agreement") this.reveal = "agreement-title";
    if (this.reveal) this.render();
  }

  /** Scroll the banner a notice asked for into sight (not while she types). */
  bringIntoSight() {
    const el = this.reveal && document.getElementById(this.reveal);
    if (!el) return;
    this.reveal = null;
    if (document.activeElement?.closest?.("input, textarea, select, dialog")) return;
    const box = el.getBoundingClientRect();
    // The whole banner, below the sticky header (its scroll-margin-top), title first.
    if (box.top < 0 || box.bottom > innerHeight) (el.closest(".banner") || el).scrollIntoView({ block: "start" });
  }

  builder() {
    const kept = this.shared ? null : this.place?.builder;
    return (this.state().builder ??= {
      choice: { ...(kept?.choice || {}) }, note: String(kept?.note || ""), amending: kept?.amending || null, preview: null, previewKey: null,
    });
  }

  draft(name) {
    return (this.state()[name] ??= { text: "", to: "" });
  }

  state() {
    return (this.perRole[this.current] ??= {});
  }

  /** Make a move as the current role; says what happened. Resolves true when accepted. */
  act(move, data, doneKey) {
    const role = this.current;
    if (!role) return Promise.resolve(false);
    return this.conn.move(role, move, data).then(
      () => {
        if (doneKey) say(t(doneKey));
        return true;
      },
      (error) => {
        say(errorText(error.code, error.message), "error");
        return false;
      },
    );
  }

  async stance(kind, proposal) {
    const reason = await ask({
      title: `${t(`key.${kind}`)}: ${proposal.id}`,
      label: t(kind === "support" ? "table.support_reason" : "table.object_reason", { proposal: proposal.id }),
      required: kind === "object",
    });
    if (reason === null) return;
    const data = { proposal: proposal.id };
    if (reason) data.reason = reason;
    await this.act(kind, data, `done.${kind}`);
  }

  async comment(proposal) {
    const text = await ask({ title: t("key.comment"), label: t("table.comment", { proposal: proposal.id }), required: true, multiline: true });
    if (text) await this.act("comment", { proposal: proposal.id, text }, "done.comment");
  }

  showOnMap(proposal) {
    this.state().focus = { label: proposal.id, metrics: proposal.metrics, package: proposal.package };
    this.showTab("map");
  }

  showTab(name) {
    this.tab = name;
    this.render();
    document.getElementById(`tab-${name}`)?.focus();
  }

  async chooseRole(role) {
    if (!this.locked.has(role)) {
      this.current = role;
      this.render();
      return;
    }
    const pin = await ask({ title: t("pin.title", { role: this.roleLabel(role) }), label: t("pin.placeholder"), required: true, secret: true, maxlength: 8, confirm: t("pin.open") });
    if (pin) await this.unlockWith(role, pin, true);
  }

  async unlockWith(role, pin, switchTo) {
    try {
      await this.conn.send({ type: "unlock", role, pin });
      this.locked.delete(role);
      this.pins.set(role, pin);
      if (switchTo) this.current = role;
      this.render();
    } catch (error) {
      say(errorText(error.code), "error");
    }
  }

  async lock() {
    const role = this.current;
    if (!role) return;
    this.current = null;
    delete this.views[role];
    delete this.perRole[role];
    this.pins.delete(role);
    this.locked.add(role);
    this.conn.drop(1, role);
    for (const key of [...this.conn.views.keys()]) if (key.endsWith(`:${role}`)) this.conn.views.delete(key);
    this.render();
    say(t("lock.done"));
    try {
      await this.conn.send({ type: "lock", role });
    } catch {
      /* the view is gone here already */
    }
  }

  roleLabel(role) {
    const plain = role.replace(/_/g, " ");
    return this.names?.[role] || plain.charAt(0).toUpperCase() + plain.slice(1);
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
    tickClock(this.view, this.received[this.current]);
  }

  draw() {
    const view = this.view;
    const role = view ? roleName(view, this.current) : "";
    this.app.chrome(headerParts(view, this.received[this.current], this.up, role));
    const main = document.getElementById("main");
    fill(main, this.roleBar(), view ? this.seatBody(view) : this.lockedBody());
    if (view && this.scrollBack) {
      window.scrollTo(0, this.scrollBack);
      this.scrollBack = 0;
    }
    this.keepPlace();
    this.bringIntoSight();
  }

  roleBar() {
    if (!this.shared) return null;
    return h("nav.rolebar", { "aria-label": t("web.roles") },
      this.roles.map((role) => h("button", {
        type: "button", id: `role-${role}`, class: role === this.current ? "current" : "secondary",
        "aria-pressed": role === this.current ? "true" : "false", onclick: () => this.chooseRole(role),
      }, this.locked.has(role) ? "🔒 " : "", this.roleLabel(role))),
      this.current ? h("button.secondary", { type: "button", id: "lock-button", onclick: () => this.lock() }, t("key.lock")) : null);
  }

  lockedBody() {
    if (!this.up && !this.roles.length) return h("p", {}, t("web.connecting"));
    if (this.shared) return h("section.locked", {}, h("h2", {}, t("lock.title")), h("p", {}, t("web.lock_help")));
    return h("p", {}, t("web.connecting"));
  }

  seatBody(view) {
    const tabs = h("div.tabs", { role: "tablist", "aria-label": t("web.tabs") },
      TABS.map((name) => h("button", {
        type: "button", role: "tab", id: `tab-${name}`, "aria-selected": name === this.tab ? "true" : "false",
        "aria-controls": "panel", tabindex: name === this.tab ? "0" : "-1",
        onclick: () => this.showTab(name),
        onkeydown: (event) => this.tabKey(event, name),
      }, t(`tab.short.${name}`))));
    return [
      ballotBanner(this),
      tabs,
      h("section.panel", { id: "panel", role: "tabpanel", "aria-labelledby": `tab-${this.tab}`, tabindex: "0" }, this.pane(view)),
    ];
  }

  tabKey(event, name) {
    const n = TABS.indexOf(name);
    const to = { ArrowRight: n + 1, ArrowLeft: n - 1, Home: 0, End: TABS.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    this.showTab(TABS[(to + TABS.length) % TABS.length]);
  }

  pane(view) {
    switch (this.tab) {
      case "press":
        return pressPane(this);
      case "briefing":
        return briefingPane(this);
      case "map":
        return this.mapPane(view);
      case "builder":
        return builderPane(this);
      case "table":
        return tablePane(this);
      case "chat":
        return chatPane(this);
      default:
        return debriefPane(view);
    }
  }

  mapPane(view) {
    const focus = this.state().focus;
    const agreed = view.agreement ? (view.proposals || []).find((p) => p.id === view.agreement.proposal) : null;
    const built = this.state().builder?.preview;
    const shown = focus
      || (agreed ? { label: agreed.id, metrics: agreed.metrics, package: agreed.package } : null)
      || (built ? { label: t("builder.mine"), metrics: built.metrics } : null);
    const mark = this.draft("mark");
    const segments = view.scenario.segments || [];
    const form = allowed(view, "mark")
      ? h("form.mark-form", {
        onsubmit: (event) => {
          event.preventDefault();
          const data = { segment: mark.segment || segments[0]?.id, kind: mark.kind || "opportunity" };
          if (mark.text.trim()) data.note = mark.text.trim();
          this.act("mark", data, "done.mark").then((ok) => ok && ((mark.text = ""), this.render()));
        },
      },
      h("h3", {}, t("key.mark")),
      h("label", { for: "mark-segment" }, t("mark.segment")),
      h("select", { id: "mark-segment", onchange: (e) => (mark.segment = e.target.value) },
        segments.map((s) => h("option", { value: s.id, selected: mark.segment === s.id }, s.name))),
      h("label", { for: "mark-kind" }, t("mark.kind")),
      h("select", { id: "mark-kind", onchange: (e) => (mark.kind = e.target.value) },
        ["opportunity", "bottleneck"].map((k) => h("option", { value: k, selected: mark.kind === k }, t(`map.${k}`)))),
      h("label", { for: "mark-note" }, t("mark.note")),
      h("input", { id: "mark-note", type: "text", maxlength: 200, value: mark.text, oninput: (e) => (mark.text = e.target.value) }),
      h("button", { type: "submit" }, t("key.mark")))
      : null;
    return [
      h("h2", {}, t("tab.map")),
      focus ? h("button.small.secondary", { type: "button", onclick: () => { this.state().focus = null; this.render(); } }, t("web.map_plain")) : null,
      areaMap(view, {
        openings: shown ? shown.metrics?.openings || {} : null,
        label: shown?.label || "",
        marks: view.marks || [],
        conflicts: conflictSegments(view, shown?.metrics),
      }),
      shown ? this.plan(view, shown) : h("p.muted", {}, t("web.plan_none")),
      form,
    ];
  }

  plan(view, shown) {
    const metrics = withPlan(this, view, shown);
    return metrics ? planTimeline(view, metrics, shown.label) : planLoading(shown.label);
  }

  key(event) {
    if (event.target.closest("input, textarea, select, dialog") || event.ctrlKey || event.metaKey || event.altKey) return;
    const n = Number(event.key);
    if (n >= 1 && n <= TABS.length && this.view) this.showTab(TABS[n - 1]);
  }
}
