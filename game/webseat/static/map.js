// The area map as SVG, drawn from the segments in the view: streets as lines,
// squares and parks as boxes, coloured by kind or by the openings of a package.
import { h } from "./dom.js";
import { t } from "./i18n.js";

const KINDS = {
  shopping: "#b8691f",
  residential: "#4f7a90",
  main: "#3d4a52",
  square: "#a88718",
  park: "#4a8a3c",
  other: "#7d8a91",
};
const WIDTHS = { main: 15, shopping: 13, residential: 10, square: 12, park: 12, other: 9 };
const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const WIDTH = 720;
const MARGIN = 48;

/** Colour of a segment opened `count` times (fewer is better). */
export function openingsColour(count) {
  if (count <= 0) return "#9aa5ab";
  if (count === 1) return "#2e7d32";
  if (count === 2) return "#c77700";
  return "#c62828";
}

function frame(segments) {
  const xs = segments.flatMap((s) => [s.from[0], s.to[0]]);
  const ys = segments.flatMap((s) => [s.from[1], s.to[1]]);
  const x0 = Math.min(...xs, 0);
  const y0 = Math.min(...ys, 0);
  const span = Math.max(Math.max(...xs) - x0, Math.max(...ys) - y0, 1);
  const unit = (WIDTH - 2 * MARGIN) / span;
  return {
    at: ([x, y]) => [MARGIN + (x - x0) * unit, MARGIN + (y - y0) * unit],
    height: (Math.max(...ys) - y0) * unit + 2 * MARGIN,
  };
}

/**
 * The map. `openings`: {segment: count} of the package at hand (or null: colour by kind);
 * `marks`: the view's marks; `conflicts`: segment ids with a conflict underground.
 */
export function areaMap(view, { openings = null, label = "", marks = [], conflicts = [] } = {}) {
  const segments = view.scenario?.segments || [];
  if (!segments.length) return h("p", {}, t("map.empty"));
  const f = frame(segments);
  const shapes = [];
  const labels = [];
  const legend = [];
  segments.forEach((seg, n) => {
    const letter = LETTERS[n % LETTERS.length];
    const count = openings ? openings[seg.id] || 0 : null;
    const colour = openings ? openingsColour(count) : KINDS[seg.kind] || KINDS.other;
    const width = WIDTHS[seg.kind] || 9;
    const [x1, y1] = f.at(seg.from);
    const [x2, y2] = f.at(seg.to);
    const title = h("title", {}, seg.name);
    let cx = (x1 + x2) / 2;
    let cy = (y1 + y2) / 2;
    if (x1 !== x2 && y1 !== y2 && (seg.kind === "square" || seg.kind === "park")) {
      shapes.push(
        h("rect", {
          x: Math.min(x1, x2), y: Math.min(y1, y2), width: Math.abs(x2 - x1), height: Math.abs(y2 - y1),
          rx: 4, fill: colour, "fill-opacity": 0.6, stroke: colour, "stroke-width": 3, "data-segment": seg.id,
        }, title),
      );
    } else if (x1 === x2 && y1 === y2) {
      shapes.push(h("circle", { cx: x1, cy: y1, r: width + 4, fill: colour, "data-segment": seg.id }, title));
    } else {
      shapes.push(
        h("line", {
          x1, y1, x2, y2, stroke: colour, "stroke-width": width, "stroke-linecap": "round", "data-segment": seg.id,
        }, title),
      );
      cy -= width / 2 + 6;
    }
    const flags = marks.filter((m) => m.segment === seg.id);
    labels.push(
      h("g", { class: "map-label" },
        h("circle", { cx, cy, r: 17, fill: "#fff", stroke: "#222", "stroke-width": 2 }),
        h("text", { x: cx, y: cy + 7, "text-anchor": "middle", "font-size": 20, "font-weight": 700, fill: "#111" }, letter),
        conflicts.includes(seg.id) ? h("text", { x: cx + 22, y: cy + 7, "font-size": 22, fill: "#b00020" }, "⚠") : null,
        flags.length ? h("text", { x: cx - 40, y: cy + 7, "font-size": 22, fill: "#1a4d8f" }, flags.map((m) => (m.kind === "opportunity" ? "◆" : "▲")).join("")) : null,
      ),
    );
    const bits = [h("strong", {}, `${letter} `), seg.name];
    if (openings) bits.push(" — ", h("span.opened", { style: `--c:${colour}` }, t("map.opened", { n: count })));
    if (conflicts.includes(seg.id)) bits.push(" ", t("map.conflict"));
    for (const m of flags) bits.push(" · ", m.kind === "opportunity" ? `◆ ${t("map.opportunity")}` : `▲ ${t("map.bottleneck")}`, m.note ? `: ${m.note}` : "");
    legend.push(h("li", {}, bits));
  });
  const caption = openings ? t("map.openings_of", { package: label }) : view.scenario?.area || "";
  return h("figure.map", {},
    h("svg", {
      viewBox: `0 0 ${WIDTH} ${Math.max(f.height, 160)}`, role: "img", "aria-label": `${t("tab.map")}: ${caption}`,
      class: "map-svg",
    }, shapes, labels),
    h("figcaption", {}, caption),
    h("ol.legend", {}, legend),
  );
}
