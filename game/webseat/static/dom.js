// A small helper to build DOM nodes without HTML strings (no markup injection).

export function h(tag, attrs = {}, ...children) {
  const [name, ...classes] = tag.split(".");
  const el = name === "svg" || SVG_TAGS.has(name) ? document.createElementNS(SVG, name) : document.createElement(name || "div");
  if (classes.length) el.setAttribute("class", classes.join(" "));
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else if (key === "style") setStyle(el, value);
    else if (key === "class") el.setAttribute("class", [el.getAttribute("class"), value].filter(Boolean).join(" "));
    else if (key === "checked" || key === "value" || key === "selected" || key === "disabled") el[key] = value;
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

/** Styles through the CSSOM: the page's Content-Security-Policy refuses style attributes. */
function setStyle(el, text) {
  for (const part of String(text).split(";")) {
    const at = part.indexOf(":");
    if (at > 0) el.style.setProperty(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
}

const SVG = "http://www.w3.org/2000/svg";
const SVG_TAGS = new Set(["line", "rect", "circle", "text", "g", "title", "path", "polygon", "desc"]);

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

/** Replace the content of `el`, keeping the focused control (by id) and its caret,
 * and the <details> (by id) that were open. */
export function fill(el, ...children) {
  const active = document.activeElement;
  const id = active && el.contains(active) ? active.id : null;
  const caret = id && "selectionStart" in active ? [active.selectionStart, active.selectionEnd] : null;
  const open = [...el.querySelectorAll("details[open][id]")].map((d) => d.id);
  el.replaceChildren();
  append(el, children);
  for (const openId of open) document.getElementById(openId)?.setAttribute("open", "");
  if (id) {
    const again = document.getElementById(id);
    if (again) {
      again.focus({ preventScroll: true });
      if (caret && again.setSelectionRange) {
        try {
          again.setSelectionRange(caret[0], caret[1]);
        } catch {
          /* not a text field */
        }
      }
    }
  }
}

let said = 0;
const lines = [];

/** Keep the status line above a bar stuck at the foot of the screen (the builder's value
 * against the reservation): a notice must not hide what the person is looking at. */
function placeStatus(status) {
  if (!status.childElementCount) {  // nothing said: nothing to measure (every redraw comes here)
    if (status.style.bottom) status.style.bottom = "";
    return;
  }
  let bottom = "";
  for (const foot of document.querySelectorAll(".builder > .summary, .builder > .pick-all")) {
    const box = foot.getBoundingClientRect();
    if (box.height && box.top < innerHeight && box.bottom >= innerHeight - 2) {
      bottom = `${Math.round(innerHeight - box.top + 8)}px`;
    }
  }
  status.style.bottom = bottom;
}

let placing = false;
/** Place the status line now and while the page scrolls or is redrawn under it. */
function followStatus(status) {
  placeStatus(status);
  if (placing) return;
  placing = true;
  const again = () => placeStatus(status);
  addEventListener("scroll", again, { passive: true });
  addEventListener("resize", again);
  new MutationObserver(again).observe(document.body, { childList: true, subtree: true });
  status.addEventListener("click", () => {  // a tap puts it away at once
    lines.length = 0;
    status.replaceChildren();
    placeStatus(status);
  });
}

/** Say `text` in the status line (read out by screen readers); the last two stay a while. */
export function say(text, kind = "info") {
  const status = document.getElementById("status");
  if (!status || !text) return;
  lines.unshift({ text, kind });
  lines.length = Math.min(lines.length, 2);
  status.replaceChildren(...lines.map((line) => {
    const p = document.createElement("p");
    p.textContent = line.text;
    p.dataset.kind = line.kind;
    return p;
  }));
  followStatus(status);
  const mine = ++said;
  setTimeout(() => {
    if (mine === said) {
      lines.length = 0;
      status.replaceChildren();
      placeStatus(status);
    }
  }, 8000);
}

/** A required field's own sentence when left empty (the browser's is in the phone's language). */
export function needed(input, message) {
  input.addEventListener("invalid", () => input.setCustomValidity(message));
  input.addEventListener("input", () => input.setCustomValidity(""));
  return input;
}
