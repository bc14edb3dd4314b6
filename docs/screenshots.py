"""Make the README's screenshots of `wirediff serve`: docs/serve-changes.png (the changes list)
and docs/serve-change.png (one change). The store is the web tests' newsroom (a local feed
farm fetched by the real `wirediff fetch`), served by the real `wirediff serve`, shot by
Playwright driving Debian's chromium.

    PYTHONPATH=. python docs/screenshots.py
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from tests.support.browser import chromium
from tests.support.httpserver import LocalServer
from tests.support.newsroom import build
from tests.web.conftest import start_serve

DOCS = Path(__file__).resolve().parent


def main() -> None:
    farm = LocalServer().start()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        try:
            room = build(farm, tmp, f"sqlite:///{tmp / 'store.db'}")
        finally:
            farm.stop()
        served = start_serve(room.db_url, tmp / "serve.log")
        try:
            with chromium() as browser:
                page = browser.new_page(viewport={"width": 1180, "height": 760})
                page.goto(served.url + "/")
                page.screenshot(path=str(DOCS / "serve-changes.png"))
                page.set_viewport_size({"width": 1180, "height": 1000})
                page.goto(served.url + "/?kind=attendees")
                page.click("text=Central Economic Work Conference held in Beijing")
                page.click("text=side by side")
                page.wait_for_url("**view=side")
                page.screenshot(path=str(DOCS / "serve-change.png"))
        finally:
            served.stop()
    for name in ("serve-changes.png", "serve-change.png"):
        print(f"docs/{name}: {(DOCS / name).stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
