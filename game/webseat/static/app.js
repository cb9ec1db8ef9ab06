// The browser seat's entry: the join page, a role's seat (#code=…), the room screen (#screen=…).
import { confirmed } from "./dialog.js";
import { fill, h, needed, say } from "./dom.js";
import { language, loadCatalog, otherLanguage, setLanguage, t } from "./i18n.js";
import { Room } from "./room.js";
import { Seat } from "./seat.js";
import { forgetPlaces } from "./keep.js";

const STORE = "bb.codes";
let screen = null; // the Seat or Room on show

function storedCodes() {
  const raw = sessionStorage.getItem(STORE) || localStorage.getItem(STORE);
  try {
    const codes = JSON.parse(raw || "null");
    return Array.isArray(codes) && codes.length ? codes : null;
  } catch {
    return null;
  }
}

function remember(codes) {
  sessionStorage.setItem(STORE, JSON.stringify(codes));
  // A phone's own seat also survives the browser dropping the tab; a shared laptop's does not.
  if (codes.length === 1) localStorage.setItem(STORE, JSON.stringify(codes));
  else localStorage.removeItem(STORE);
}

function forget() {
  sessionStorage.removeItem(STORE);
  localStorage.removeItem(STORE);
  forgetPlaces();
}

/** The codes typed: case, spaces and dashes do not matter ("br7 k4q" is BR7-K4Q). */
export function splitCodes(text) {
  const parts = String(text).toUpperCase().split(/[\s,;]+/).map((c) => c.replace(/[^0-9A-Z]/g, "")).filter(Boolean);
  const codes = [];
  for (let n = 0; n < parts.length; n++) {
    if (parts[n].length === 3 && parts[n + 1]?.length === 3) codes.push(parts[n] + parts[++n]);
    else codes.push(parts[n]);
  }
  return codes.map((c) => (c.length === 6 ? `${c.slice(0, 3)}-${c.slice(3)}` : c));
}

const app = {
  chrome({ title, clock, paused, up, role }) {
    fill(document.getElementById("top"),
      h("div.top-row", {},
        h("span.role", {}, role || "Botsende belangen"),
        clock ? h("span", { id: "clock", class: paused ? "clock paused" : "clock", role: "timer", "aria-label": t("web.clock") }, clock) : null,
        paused ? h("span.tag.low", {}, t("header.paused")) : null,
        h("span", { class: up ? "link up" : "link down" }, up ? t("link.up") : t("link.down"))),
      h("h1.round", {}, title));
    footer(true);
  },
  leave(error) {
    screen?.stop();
    screen = null;
    forget();
    if (location.hash) history.replaceState(null, "", location.pathname + location.search);
    joinPage(error);
  },
  room(conn) {
    screen = new Room(app, null, conn);
    screen.start();
  },
};

/** Language and leaving, at the foot of the page (out of the way on a phone). */
function footer(leave) {
  fill(document.getElementById("foot"),
    h("button.small.secondary", { type: "button", lang: otherLanguage(), onclick: switchLanguage }, t("web.language")),
    leave ? h("button.small.secondary", { type: "button", id: "leave", onclick: askToLeave }, t("web.leave")) : null);
}

/** Leaving forgets the codes: one stray tap on a phone must not throw her out. */
async function askToLeave() {
  if (await confirmed({ title: t("web.leave_title"), text: t("web.leave_text"), yes: t("web.leave") })) app.leave();
}

function switchLanguage() {
  setLanguage(otherLanguage());
  document.getElementById("skip").textContent = t("web.skip");
  if (screen) screen.render();
  else joinPage();
}

function joinPage(error) {
  document.getElementById("skip").textContent = t("web.skip");
  fill(document.getElementById("top"), h("div.top-row", {}, h("span.role", {}, "Botsende belangen")));
  footer(false);
  const input = needed(h("input", { id: "codes", name: "codes", type: "text", autocomplete: "off", autocapitalize: "characters", spellcheck: "false", required: true, "aria-describedby": "codes-help" + (error ? " join-error" : "") }), t("web.required"));
  fill(document.getElementById("main"),
    h("section.join", { "aria-labelledby": "join-title" },
      h("h1", { id: "join-title" }, t("web.join_title")),
      h("form", {
        onsubmit: (event) => {
          event.preventDefault();
          const codes = splitCodes(input.value);
          if (codes.length) startSeat(codes);
        },
      },
      h("label", { for: "codes" }, t("web.join_label")),
      input,
      h("p", { id: "codes-help", class: "help" }, t("web.join_help")),
      error ? h("p", { id: "join-error", class: "error", role: "alert" }, error) : null,
      h("button", { type: "submit" }, t("web.join")))));
  if (!matchMedia("(pointer: coarse)").matches) input.focus();
}

function startSeat(codes) {
  screen?.stop();
  remember(codes);
  screen = new Seat(app, codes);
  screen.start();
}

function startRoom(code) {
  screen?.stop();
  screen = new Room(app, code);
  screen.start();
}

function route() {
  const params = new URLSearchParams(location.hash.slice(1));
  if (params.get("code")) startSeat(splitCodes(params.get("code")));
  else if (params.get("screen")) startRoom(params.get("screen"));
  else if (storedCodes()) startSeat(storedCodes());
  else joinPage();
}

async function main() {
  await loadCatalog();
  document.getElementById("skip").textContent = t("web.skip");
  window.addEventListener("hashchange", route);
  document.addEventListener("keydown", (event) => screen?.key(event));
  setInterval(() => screen?.tick(), 1000);
  route();
  if (language() !== document.documentElement.lang) setLanguage(language(), false);
}

main().catch((error) => say(String(error), "error"));
