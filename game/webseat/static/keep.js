// Where a phone's seat was: its tab and the proposal being built, kept in the
// browser so that a reload (a phone that dropped the tab in its sleep) comes back
// to the same place. Only for a seat of one role: a shared laptop keeps nothing.
const PREFIX = "bb.place.";

/** The kept place of the seat with `code`, or null. */
export function keptPlace(code) {
  try {
    const place = JSON.parse(localStorage.getItem(PREFIX + code) || "null");
    return place && typeof place === "object" ? place : null;
  } catch {
    return null;
  }
}

export function keepPlace(code, place) {
  try {
    localStorage.setItem(PREFIX + code, JSON.stringify(place));
  } catch {
    /* storage full or off: the seat works without */
  }
}

/** Forget every kept place (leaving the seat). */
export function forgetPlaces() {
  for (const key of Object.keys(localStorage)) if (key.startsWith(PREFIX)) localStorage.removeItem(key);
}
