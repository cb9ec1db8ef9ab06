// The protocol of docs/protocol.md from the browser: hello, views and patches,
// requests with ids, moves with a client key, and reconnecting by itself.

import { PartViews } from "./parts.js";

const FATAL_AT_HELLO = new Set(["bad_code", "bad_protocol", "bad_fields", "wrong_table"]);
const POLICY = 1008;
/** A phone back from its sleep asks the server for a pong; none in this time: the line is dead. */
const PROBE_MS = 5000;
/** While the page is on screen, it checks the line this often (a dead one looks open). */
const CHECK_MS = 30000;

/** A random key for a move (crypto.randomUUID needs https; this does not). */
export function freshKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export class ServerError extends Error {
  constructor(code, reason) {
    super(reason || code);
    this.code = code;
  }
}

export class Connection {
  /**
   * @param {object} options  hello: the hello's fields (codes, client, locked);
   *   on.welcome(msg), on.view(table, as, view), on.drop(table, as), on.notice(msg),
   *   on.status(up), on.fatal(code)
   */
  constructor(hello, on) {
    this.hello = hello;
    this.on = on;
    this.url = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/ws`;
    this.views = new Map(); // "table:as" -> view
    this.parts = new PartViews(); // views with parts, as sent
    this.pending = new Map(); // id -> {message, resolve, reject, keyed}
    this.ids = 0;
    this.attempt = 0;
    this.session = null;
    this.keys = null; // does the server take a move's "key"? null: not known yet
    this.up = false;
    this.stopped = false;
    this.timer = null;
    this.lastVersion = 0;
    this.probing = false;
    // Back on screen (the phone unlocked, the tab shown again, the network back): a
    // closed line reconnects now; an open one is checked, for after a sleep the
    // browser may still hold a socket the server dropped long ago (no views come).
    this.wake = () => {
      if (this.stopped || document.visibilityState !== "visible") return;
      if (!this.up) this.reconnectNow();
      else this.probe();
    };
    document.addEventListener("visibilitychange", this.wake);
    window.addEventListener("online", this.wake);
    window.addEventListener("pageshow", this.wake);
    this.checker = setInterval(this.wake, CHECK_MS);
  }

  start() {
    this.stopped = false;
    this.open();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.checker);
    document.removeEventListener("visibilitychange", this.wake);
    window.removeEventListener("online", this.wake);
    window.removeEventListener("pageshow", this.wake);
    if (this.ws) this.ws.close(1000, "bye");
  }

  open() {
    clearTimeout(this.timer);
    const ws = new WebSocket(this.url);
    this.ws = ws;
    ws.onopen = () => {
      const id = `h${++this.ids}`;
      const hello = { type: "hello", protocol: 1, patches: true, parts: true, id, ...this.hello };
      if (this.lastVersion) hello.resume_version = this.lastVersion;
      this.helloId = id;
      ws.send(JSON.stringify(hello));
    };
    ws.onmessage = (event) => this.receive(ws, event.data);
    ws.onclose = (event) => this.closed(ws, event);
  }

  reconnectNow() {
    clearTimeout(this.timer);
    this.attempt = 0;
    if (!this.ws || this.ws.readyState === WebSocket.CLOSED) this.open();
  }

  /** Ask for a pong; without one in PROBE_MS, give the socket up and connect again. */
  probe() {
    if (this.probing) return;
    this.probing = true;
    const ws = this.ws;
    const timer = setTimeout(() => this.abandon(ws), PROBE_MS);
    this.send({ type: "ping" }).then(
      () => clearTimeout(timer),
      () => {}, // lost meanwhile: closed() reconnects
    ).finally(() => {
      this.probing = false;
    });
  }

  /** Give up a socket that no longer answers (its close may never come). */
  abandon(ws) {
    if (ws !== this.ws || this.stopped) return;
    ws.onclose = null;
    ws.onmessage = null;
    try {
      ws.close();
    } catch {
      /* closing a dead socket */
    }
    this.attempt = 0;
    this.closed(ws, { code: 1006 });
  }

  closed(ws, event) {
    if (ws !== this.ws) return;
    this.setUp(false);
    for (const [id, entry] of this.pending) {
      if (entry.keyed && this.keys) continue; // resent with the same key after the welcome
      entry.reject(new ServerError("offline", "connection lost"));
      this.pending.delete(id);
    }
    if (this.stopped) return;
    if (event.code === POLICY) {
      this.on.fatal?.("policy");
      return;
    }
    const wait = Math.min(8, 0.25 * 2 ** this.attempt) * (0.5 + Math.random() / 2);
    this.attempt += 1;
    this.timer = setTimeout(() => this.open(), wait * 1000);
  }

  setUp(up) {
    if (this.up !== up) {
      this.up = up;
      this.on.status?.(up);
    }
  }

  receive(ws, data) {
    let msg;
    try {
      msg = JSON.parse(data);
    } catch {
      return;
    }
    switch (msg.type) {
      case "welcome":
        return this.welcome(msg);
      case "view":
        if (msg.parts) {
          return this.view(msg.table, msg.as, msg.version, this.parts.whole(`${msg.table}:${msg.as}`, msg.view, msg.parts));
        }
        return this.view(msg.table, msg.as, msg.version, msg.view);
      case "patch":
        return this.patch(msg);
      case "notice":
        return this.on.notice?.(msg);
      case "error":
        if (msg.id === this.helloId) return this.helloFailed(ws, msg);
        return this.answer(msg);
      default:
        if (msg.id !== undefined) this.answer(msg);
    }
  }

  welcome(msg) {
    this.attempt = 0;
    if (this.session && this.session !== msg.session) {
      this.views.clear(); // another game: drop everything
      this.parts.clear();
      this.on.reset?.();
    }
    this.session = msg.session;
    this.address = msg.address || this.address; // the one address participants use
    this.setUp(true);
    this.on.welcome?.(msg);
    for (const [id, entry] of this.pending) {
      if (entry.keyed) this.ws.send(JSON.stringify({ ...entry.message, id }));
    }
  }

  helloFailed(ws, msg) {
    if (FATAL_AT_HELLO.has(msg.code)) {
      this.stopped = true;
      this.on.fatal?.(msg.code);
      ws.close(1000, "bad hello");
    }
  }

  view(table, as, version, view) {
    const key = `${table}:${as}`;
    const held = this.views.get(key);
    if (held && held.version > version) return;
    this.lastVersion = Math.max(this.lastVersion, version);
    this.views.set(key, view);
    this.on.view?.(table, as, view);
  }

  patch(msg) {
    const key = `${msg.table}:${msg.as}`;
    const held = this.views.get(key);
    let view = null;
    if (msg.parts) view = this.parts.patched(key, msg);
    else if (held && held.version === msg.base) {
      view = { ...held, ...msg.set };
      for (const field of msg.unset || []) delete view[field];
    }
    if (!view) {
      this.send({ type: "sync" }).catch(() => {});
      return;
    }
    this.view(msg.table, msg.as, msg.version, view);
  }

  /** Forget a role's view (it was locked on this connection). */
  drop(table, as) {
    this.views.delete(`${table}:${as}`);
    this.parts.forget(`${table}:${as}`);
  }

  answer(msg) {
    const entry = this.pending.get(msg.id);
    if (!entry) return;
    if (msg.type === "error" && entry.keyed && this.keys === null && msg.code === "bad_fields") {
      // A server without move keys: send it again without one, and stop sending keys.
      this.keys = false;
      delete entry.message.key;
      entry.keyed = false;
      this.ws.send(JSON.stringify({ ...entry.message, id: msg.id }));
      return;
    }
    this.pending.delete(msg.id);
    if (msg.type === "error") entry.reject(new ServerError(msg.code, msg.reason));
    else {
      if (entry.keyed) this.keys = true;
      entry.resolve(msg);
    }
  }

  /** Send a request; resolves with its ack, rejects with a ServerError. */
  send(message) {
    return new Promise((resolve, reject) => {
      if (!this.up || this.ws.readyState !== WebSocket.OPEN) {
        reject(new ServerError("offline", "not connected"));
        return;
      }
      const id = ++this.ids;
      this.pending.set(id, { message, resolve, reject, keyed: "key" in message });
      this.ws.send(JSON.stringify({ ...message, id }));
    });
  }

  /** A move as `as`, with a fresh client key (resent with that key after a reconnect). */
  move(as, move, data = {}) {
    const message = { type: "move", as, move, data };
    if (this.keys !== false) message.key = freshKey();
    return this.send(message);
  }
}
