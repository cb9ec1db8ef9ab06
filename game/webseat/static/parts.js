// Views with parts (docs/protocol.md, "Parts"): the server sends each proposal as
// {"$part": id} and the proposal itself once, in the "parts" of the message that
// first refers to it. Per view we keep the view as sent and the parts it refers
// to; whole() and patched() give the whole view, as a plain connection gets it.

const isRef = (item) =>
  item !== null && typeof item === "object" && !Array.isArray(item) &&
  Object.keys(item).length === 1 && "$part" in item;

export function resolve(raw, parts) {
  const view = { ...raw };
  for (const [key, value] of Object.entries(raw)) {
    if (Array.isArray(value) && value.some(isRef)) {
      view[key] = value.map((item) => {
        if (!isRef(item)) return item;
        if (!(item.$part in parts)) throw new Error(`missing part ${item.$part}`);
        return parts[item.$part];
      });
    }
  }
  return view;
}

function referenced(raw, parts) {
  const kept = {};
  for (const value of Object.values(raw)) {
    if (!Array.isArray(value)) continue;
    for (const item of value) if (isRef(item)) kept[item.$part] = parts[item.$part];
  }
  return kept;
}

export class PartViews {
  constructor() {
    this.raw = new Map(); // key -> [view as sent, its parts]
  }

  /** A whole view message's view ("parts" holds every part it refers to). */
  whole(key, view, parts) {
    const resolved = resolve(view, parts);
    this.raw.set(key, [view, referenced(view, parts)]);
    return resolved;
  }

  /** The whole view after a patch, or null when its base is not the view held. */
  patched(key, msg) {
    const held = this.raw.get(key);
    if (!held || held[0].version !== msg.base) return null;
    const raw = { ...held[0], ...msg.set };
    for (const field of msg.unset || []) delete raw[field];
    try {
      return this.whole(key, raw, { ...held[1], ...msg.parts });
    } catch {
      return null; // a part we never got: ask for the whole view again
    }
  }

  forget(key) {
    this.raw.delete(key);
  }

  clear() {
    this.raw.clear();
  }
}
