// Interface strings and numbers: one catalog (game/tui/i18n, served as /i18n.json),
// Dutch by default, English available; numbers formatted per language (874,1 in Dutch).

const LOCALES = { nl: "nl-NL", en: "en-GB" };
let catalogs = { nl: {}, en: {} };
let current = "nl";
const formats = new Map();

export async function loadCatalog() {
  const response = await fetch("i18n.json", { cache: "no-cache" });
  catalogs = await response.json();
  const asked = new URLSearchParams(location.search).get("lang");
  if (asked in catalogs) return setLanguage(asked, true);
  // The person's own choice on this browser, else the host's language (its --lang).
  const chosen = localStorage.getItem("bb.lang");
  const host = response.headers.get("Content-Language");
  setLanguage(chosen in catalogs ? chosen : host in catalogs ? host : "nl", false);
}

/** Switch the language; `keep`: remember it as this browser's choice. */
export function setLanguage(lang, keep = true) {
  current = lang in LOCALES ? lang : "nl";
  if (keep) localStorage.setItem("bb.lang", current);
  document.documentElement.lang = current;
}

export function language() {
  return current;
}

export function otherLanguage() {
  return current === "nl" ? "en" : "nl";
}

/** A number in the interface's language, with at most `digits` decimals. */
export function num(value, digits = 1, fixed = false) {
  if (value === null || value === undefined || Number.isNaN(Number(value))) return "–";
  const key = `${current}:${digits}:${fixed}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[current], {
      maximumFractionDigits: digits,
      minimumFractionDigits: fixed ? digits : 0,
    });
    formats.set(key, format);
  }
  return format.format(Number(value));
}

/** A share (0..1) as a whole percentage. */
export function pct(value) {
  if (value === null || value === undefined) return "–";
  return new Intl.NumberFormat(LOCALES[current], { style: "percent", maximumFractionDigits: 0 }).format(
    Number(value),
  );
}

/** "Wethouder, Netbeheerder of Corporatie" ("…, or …" in English): any one of them. */
export function orList(words) {
  return new Intl.ListFormat(LOCALES[current], { type: "disjunction" }).format(words);
}

/** The string for `key`, with `{name}` and `{name:.1f}` filled from `values`. */
export function t(key, values = {}) {
  const text = catalogs[current]?.[key] ?? catalogs.nl?.[key] ?? key;
  return text.replace(/\{(\w+)(?::\.(\d)f)?\}/g, (whole, name, digits) => {
    if (!(name in values)) return whole;
    const value = values[name];
    if (digits !== undefined) return num(value, Number(digits), true);
    return typeof value === "number" ? num(value) : String(value);
  });
}

/** A sentence for an error code of the engine or the server. */
export function errorText(code, reason = "") {
  const key = `error.${code}`;
  if (key in (catalogs[current] || {})) return t(key);
  return t("error.unknown", { code, reason: "" });
}
