"""`wirediff serve` in a real browser (Playwright driving chromium): pages render with their
stylesheet under the CSP, filters narrow the list, the side-by-side view shows both versions,
a hostile report runs no script, and the pages work at phone width, by keyboard and in print."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pytest

from tests.support.browser import chromium, require_chromium
from tests.support.newsroom import JS_LINK, Newsroom
from tests.web.conftest import Served

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    require_chromium()
    with chromium() as b:
        yield b


@dataclass
class Watched:
    """A page with every dialog, console error and uncaught script error it produced."""

    page: Page
    dialogs: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def on_dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console_errors.append(message.text)


def watch(browser: Browser, **context: Any) -> Watched:
    page = browser.new_context(**context).new_page()
    watched = Watched(page)
    page.on("dialog", watched.on_dialog)
    page.on("console", watched.on_console)
    page.on("pageerror", lambda err: watched.page_errors.append(str(err)))
    return watched


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    watched = watch(browser)
    yield watched.page
    watched.page.context.close()
    assert watched.console_errors == [] and watched.page_errors == []


def rows(page: Page) -> int:
    return page.locator("table.changes tbody tr:not(:has(td.empty))").count()


def test_pages_render_with_their_stylesheet_and_filters_narrow_the_list(
    served: Served, page: Page
) -> None:
    page.goto(served.url + "/")
    assert page.locator("h1").inner_text() == "Changes"
    assert rows(page) == 8
    # the stylesheet loads under the CSP: the header has its border, kinds their frame
    border = page.evaluate(
        "getComputedStyle(document.querySelector('header.top')).borderBottomStyle"
    )
    assert border == "solid"
    page.select_option("select[name=kind]", "attendees")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**kind=attendees**")
    assert rows(page) == 2
    page.select_option("select[name=feed]", label="人民网 时政")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**feed=**")
    assert rows(page) == 1
    assert "丁薛祥" in page.locator("table.changes").inner_text()
    page.click("text=Clear")
    page.wait_for_url(served.url + "/")
    page.fill("input[name=person]", "Cai Qi")
    page.press("input[name=person]", "Enter")
    page.wait_for_url("**person=Cai+Qi**")
    assert rows(page) == 2
    page.fill("input[name=person]", "")
    page.fill("input[name=q]", "storm")
    page.press("input[name=q]", "Enter")
    page.wait_for_url("**q=storm**")
    assert rows(page) == 1


def test_side_by_side_shows_both_versions(served: Served, room: Newsroom, page: Page) -> None:
    page.goto(served.url + "/?kind=attendees")
    page.click("text=Central Economic Work Conference held in Beijing")
    page.wait_for_url("**/changes/**")
    page.click("text=side by side")
    page.wait_for_url("**view=side")
    table = page.locator("table.side")
    headers = table.locator("thead th").all_inner_texts()
    assert headers == ["Version 1 (earlier)", "Version 2 (later)"]
    row = table.locator("tbody tr", has_text="attended the meeting")
    left, right = row.locator("td").nth(0), row.locator("td").nth(1)
    assert "Qiding" in left.locator("del").all_inner_texts()[0]
    assert left.locator("ins").count() == 0 and right.locator("del").count() == 0
    assert "Ding Xuexiang" in " ".join(right.locator("ins").all_inner_texts())
    lbox, rbox = left.bounding_box(), right.bounding_box()
    assert lbox is not None and rbox is not None
    assert lbox["x"] + lbox["width"] <= rbox["x"] + 1 and abs(lbox["y"] - rbox["y"]) < 2
    page.click("text=inline")
    assert page.locator("div.inline del").count() >= 2


def test_a_hostile_report_runs_no_script(served: Served, room: Newsroom, browser: Browser) -> None:
    watched = watch(browser)
    page = watched.page
    page.goto(served.url + "/")
    hostile = page.locator("table.changes a", has_text="<script>")
    assert hostile.count() == 2  # both reports' titles, shown as text
    targets = [hostile.nth(i).get_attribute("href") for i in range(hostile.count())]
    for href in targets:
        for view in ("", "?view=side"):
            page.goto(served.url + f"{href}{view}")
            assert "<script>" in page.locator("h1").inner_text()
            assert page.locator("script, img, iframe, object, embed").count() == 0
            assert page.locator('a[href^="javascript:"]').count() == 0
    page.goto(served.url + "/reports?" + f"url={JS_LINK}&from=1&to=2")
    assert JS_LINK in page.locator("dl.facts").inner_text()  # shown, not a link
    page.goto(served.url + "/reports?url=" + room.pages["hostile"] + "&from=1&to=2&view=side")
    page.goto(served.url + "/feeds")
    page.goto(served.url + "/?q=statement")
    assert watched.dialogs == []
    assert watched.page_errors == []
    assert watched.console_errors == []  # a blocked script would be a CSP error here
    watched.page.context.close()


def test_phone_width_keyboard_and_print(served: Served, room: Newsroom, browser: Browser) -> None:
    watched = watch(browser, viewport={"width": 390, "height": 844})
    page = watched.page
    change = page.context.request.get(served.url + "/changes.json?kind=attendees").json()
    pages = ["/", "/feeds", f"/changes/{change['changes'][-1]['id']}?view=side"]
    pages.append("/reports?url=" + room.pages["conference"] + "&from=1&to=2")
    for path in pages:
        page.goto(served.url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, path
    # keyboard: the skip link first, then the filter form, submitted with Enter
    page.goto(served.url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "person":
            break
    else:
        raise AssertionError("the person filter cannot be reached with Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"  # focus is visible
    page.keyboard.type("丁薛祥")
    page.keyboard.press("Enter")
    page.wait_for_url("**person=**")
    assert rows(page) == 2
    # print: the content without the controls
    page.emulate_media(media="print")
    assert page.locator("form.filters").is_hidden() and page.locator("header.top").is_hidden()
    assert page.locator("table.changes").is_visible()
    assert watched.console_errors == [] and watched.page_errors == []
    page.context.close()
