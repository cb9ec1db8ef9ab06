"""Make the PNG screenshots of the browser seat in docs/screens/ (web-*.png).

Run: ``.venv/bin/python docs/screens/make_web.py`` — a short Leeuwaerdenhout
game on a game server in this process: the wethouder on a 390×844 phone, the
eleven other roles played by live bots, the room screen on 1280×800, in
Debian's Chromium driven by Playwright (as the browser tests do).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "e2e"))

from webseat_helpers import LAPTOP, LEEUWAERDENHOUT, PHONE, LiveHost, chromium  # noqa: E402

OUT = Path(__file__).resolve().parent
ME = "wethouder"


def save(page: Any, name: str) -> None:
    page.evaluate("document.getElementById('status').hidden = true")
    page.screenshot(path=str(OUT / f"web-{name}.png"))
    page.evaluate("document.getElementById('status').hidden = false")
    print("wrote", OUT / f"web-{name}.png")


def tab(page: Any, name: str) -> None:
    page.click(f"#tab-{name}")
    page.wait_for_selector(f"#tab-{name}[aria-selected='true']")
    page.evaluate("window.scrollTo(0, 0)")


def main() -> None:
    live = LiveHost(LEEUWAERDENHOUT)
    try:
        scenario = live.hosted.scenario
        live.bots([r for r in scenario.role_ids if r != ME], pace=0.05)
        with chromium() as browser:
            join = browser.new_context(viewport=PHONE).new_page()
            join.goto(live.base)
            join.wait_for_selector("#codes")
            save(join, "phone-join")
            phone = browser.new_context(viewport=PHONE).new_page()
            phone.goto(live.base + "#code=" + live.role_code(ME))
            room = browser.new_context(viewport=LAPTOP).new_page()
            room.goto(live.base + "#screen=" + live.screen_code())
            phone.wait_for_selector("#tab-press")

            live.facilitator("start")
            phone.wait_for_selector("text=Ronde 1/")
            save(phone, "phone-press")
            tab(phone, "briefing")
            save(phone, "phone-briefing")

            live.facilitator("next_round")  # ontwerpen
            phone.wait_for_selector("text=Ronde 2/")
            tab(phone, "builder")
            points = scenario.role(ME).scoring.points
            for issue in live.state.mode_def.issues:
                options = points.get(issue) or {}
                best = max(options, key=lambda o: options[o]) if options else None
                option = best or scenario.issue(issue).option_ids[0]
                phone.check(f"#opt-{issue}-{option}")
            phone.wait_for_selector(".summary .valuebar")
            time.sleep(0.5)
            phone.evaluate("document.querySelector('.summary').scrollIntoView({block: 'center'})")
            save(phone, "phone-builder")
            tab(phone, "map")
            save(phone, "phone-map")
            live.wait(lambda s: len(s.proposals) >= 3, timeout=30)
            time.sleep(1.5)
            tab(phone, "table")
            save(phone, "phone-table")

            live.facilitator("next_round")  # besluit
            live.facilitator("extend", {"minutes": -60})
            open_ = [p for p in live.state.proposals if not p.withdrawn]
            best_p = max(open_, key=lambda p: (len(p.support), -int(p.id[1:])))
            live.facilitator("call_vote", {"proposal": best_p.id})
            phone.wait_for_selector("#ballot-title")
            phone.evaluate("window.scrollTo(0, 0)")
            room.wait_for_selector("#room-ballot")
            time.sleep(1.0)
            save(phone, "phone-ballot")
            save(room, "room-ballot")
            phone.click("button.vote-yes")
            live.wait(lambda s: s.open_ballot is None, timeout=30)
            time.sleep(1.0)

            live.facilitator("next_round")  # the reveal
            tab(phone, "debrief")
            phone.wait_for_selector("figure.chart")
            save(phone, "phone-debrief")
            room.wait_for_selector(".room-debrief")
            time.sleep(0.5)
            save(room, "room-debrief")
    finally:
        live.close()


if __name__ == "__main__":
    main()
