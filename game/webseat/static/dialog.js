// One modal dialog (the native <dialog>: focus stays inside, Escape cancels).
import { h, needed } from "./dom.js";
import { t } from "./i18n.js";

/**
 * Show what `build(finish)` makes in the one dialog: it returns [children, the control
 * to focus]. Resolves with the first value given to `finish`, or `cancelled` when the
 * dialog closes otherwise (Escape).
 */
function modal(cancelled, build) {
  const dialog = document.getElementById("dialog");
  return new Promise((resolve) => {
    let answered = false;
    const finish = (value) => {
      if (answered) return;
      answered = true;
      dialog.close();
      resolve(value);
    };
    const [children, focus] = build(finish);
    dialog.setAttribute("aria-labelledby", "dialog-title");
    dialog.replaceChildren(...children);
    dialog.onclose = () => finish(cancelled);
    dialog.showModal();
    focus.focus();
  });
}

/**
 * Ask for a line of text. Resolves with the text, or null when cancelled.
 * fields: {title, label, required, secret (a PIN), maxlength, multiline}
 */
export function ask({ title, label, required = false, secret = false, maxlength = 500, multiline = false, confirm }) {
  return modal(null, (finish) => {
    const input = multiline
      ? h("textarea", { id: "dialog-input", rows: 3, maxlength, required })
      : h("input", {
        id: "dialog-input", type: secret ? "password" : "text", maxlength, required, autocomplete: "off",
        inputmode: secret ? "numeric" : undefined,
      });
    if (required) needed(input, t("web.required"));
    const form = h("form", {
      method: "dialog",
      onsubmit: (event) => {
        event.preventDefault();
        const value = input.value.trim();
        if (required && !value) {
          input.value = "";
          input.reportValidity();
          input.focus();
          return;
        }
        finish(value);
      },
    },
    h("h2", { id: "dialog-title" }, title),
    h("label", { for: "dialog-input" }, label),
    input,
    h("div.buttons", {},
      h("button", { type: "submit" }, confirm || t("dialog.ok")),
      h("button.secondary", { type: "button", onclick: () => finish(null) }, t("key.cancel"))));
    return [[form], input];
  });
}

/** Ask a yes-or-no question. Resolves true for `yes`, false when cancelled. */
export function confirmed({ title, text, yes }) {
  return modal(false, (finish) => {
    const cancel = h("button.secondary", { type: "button", id: "dialog-cancel", onclick: () => finish(false) }, t("key.cancel"));
    return [[
      h("h2", { id: "dialog-title" }, title),
      h("p", {}, text),
      h("div.buttons", {},
        h("button", { type: "button", id: "dialog-yes", onclick: () => finish(true) }, yes),
        cancel),
    ], cancel];
  });
}
