// The header and the clock above the seat and the room screen: what app.chrome()
// shows, and the clock counting down between views. One place for both screens.
import { t } from "./i18n.js";
import { clockText, headerText } from "./viewdata.js";

/** The parts of the header for app.chrome(); view may be null (still waiting). */
export function headerParts(view, received, up, role) {
  // No clock before the first round or after the end: "0:00" read as "time is up".
  const running = view && view.phase === "running" && (view.clock?.index ?? -1) >= 0;
  return {
    title: view ? headerText(view) : t("header.waiting"),
    clock: running ? clockText(view, received) : "",
    paused: view?.clock?.paused,
    up,
    role,
  };
}

/** Count the header's clock down from the moment the view was received. */
export function tickClock(view, received) {
  const el = document.getElementById("clock");
  if (el && view) el.textContent = clockText(view, received);
}
