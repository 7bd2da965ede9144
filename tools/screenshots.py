"""Screenshots of the dashboard over a store, for docs/dashboard.md.

Takes PNGs of the overview (filters, timeline and map), of the event with the most mentions and of
the story with the most events, in headless Debian chromium (needs the `dev` extra: Playwright).

Usage: ``python tools/screenshots.py --db STORE --out docs/screenshots/ [--name demo]
[--pages overview,event,story]`` (for stores of third-party articles, take the overview only:
event and story pages show their text).
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, sync_playwright

from eventwire.api import create_app
from eventwire.config import Settings
from eventwire.web.headless import CHROMIUM_ARGS, background_server

PAGES = ("overview", "event", "story")
WIDTH = 1280
DRAWN = """() => {
    const view = document.getElementById('view');
    return view.dataset.route === (location.hash || '#/') && view.dataset.state !== 'loading';
}"""


def show(page: Page, url: str) -> None:
    """Open a dashboard route, wait until it is drawn and the map has settled."""
    page.goto(url)
    page.wait_for_function(DRAWN, timeout=30_000)
    if page.get_attribute("#view", "data-state") != "ready":
        raise SystemExit(f"{url}: {page.locator('#view').inner_text()}")
    page.wait_for_timeout(600)


def get(page: Page, base: str, path: str) -> Any:
    response = page.request.get(base + path)
    if not response.ok:
        raise SystemExit(f"{path}: {response.status} {response.text()}")
    return response.json()


def below(page: Page, selector: str) -> float:
    """The page y just below the element *selector*."""
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    return box["y"] + box["height"] + 16


def overview(page: Page, base: str, out: Path) -> None:
    show(page, f"{base}/#/")
    page.screenshot(
        path=out, full_page=True, clip={"x": 0, "y": 0, "width": WIDTH, "height": below(page, "#map")}
    )


def event(page: Page, base: str, out: Path) -> None:
    items = get(page, base, "/api/events?limit=500")["items"]
    chosen = max(items, key=lambda e: (len(e["mentions"]), bool(e["location"]), e["id"]))
    show(page, f"{base}/#/event/{chosen['id']}")
    height = min(below(page, "article.mention"), 1400)
    page.screenshot(path=out, full_page=True, clip={"x": 0, "y": 0, "width": WIDTH, "height": height})


def story(page: Page, base: str, out: Path) -> None:
    stories = get(page, base, "/api/stories?limit=500")["items"]
    if not stories:
        raise SystemExit("the store has no story to show")
    chosen = max(stories, key=lambda s: (len(s["event_ids"]), s["id"]))
    show(page, f"{base}/#/story/{chosen['id']}")
    height = min(below(page, "ul.articles"), 2200)
    page.screenshot(path=out, full_page=True, clip={"x": 0, "y": 0, "width": WIDTH, "height": height})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="the store to show")
    parser.add_argument("--out", default="docs/screenshots", type=Path, help="folder for the PNGs")
    parser.add_argument("--name", default="demo", help="file name prefix: NAME-PAGE.png")
    parser.add_argument("--pages", default=",".join(PAGES), help=f"comma-separated, of {', '.join(PAGES)}")
    args = parser.parse_args()
    chromium = shutil.which("chromium")
    if chromium is None:
        sys.exit("chromium is not installed: run the set-up (`make install`)")
    args.out.mkdir(parents=True, exist_ok=True)
    takers = {"overview": overview, "event": event, "story": story}
    with background_server(create_app(args.db, Settings(db=args.db))) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=list(CHROMIUM_ARGS))
        page = browser.new_page(viewport={"width": WIDTH, "height": 900})
        for name in args.pages.split(","):
            out = args.out / f"{args.name}-{name}.png"
            takers[name](page, base, out)
            print(f"wrote {out}")
        browser.close()


if __name__ == "__main__":
    main()
