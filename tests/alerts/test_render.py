"""Rendering: inline insertions/deletions, attendee table, escaping, and cutting huge diffs."""

from __future__ import annotations

from html.parser import HTMLParser

from alerts import render
from alerts.message import Alert
from tests.support.events import change_event, whole_edit


class TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.add(tag)
        self.hrefs += [v or "" for k, v in attrs if k == "href"]


def tags_of(html: str) -> TagCollector:
    parser = TagCollector()
    parser.feed(html)
    return parser


def test_edit_is_marked_inside_its_context(event) -> None:
    html = render.render_html(Alert.from_event(event))
    assert (
        "was held in Beijing <del" in html
        and ">from 28 to 12 December</del><ins" in html
        and ">from 27 to 28 December</ins>." in html
    )


def test_attendee_table_lists_added_moved_and_variants(event) -> None:
    alert = Alert.from_event(event)
    html = render.render_html(alert)
    assert "<table" in html and ">Added</th>" in html and ">Li Qiang</td>" in html
    assert "Cai Qiding, Xue Xiang -&gt; Cai Qi, Ding Xuexiang" in html
    text = render.render_text(alert)
    # Li Xi and Han Zheng swapped places among the names kept in both lists
    assert "Moved: Han Zheng (#4 -> #3), Li Xi (#3 -> #4)" in text


def test_only_our_own_markup_survives(event) -> None:
    event["article"]["url"] = "javascript:alert(1)"
    event["feed"]["title"] = '"><img src=x onerror=alert(1)>'
    event["attendees"]["added"] = ["<i>Li Qiang</i>"]
    parsed = tags_of(render.render_html(Alert.from_event(event)))
    assert parsed.tags <= {
        "html",
        "head",
        "meta",
        "body",
        "h2",
        "h3",
        "p",
        "br",
        "a",
        "ul",
        "li",
        "del",
        "ins",
        "small",
        "table",
        "tr",
        "th",
        "td",
        "em",
    }
    assert all(h.startswith("https://") for h in parsed.hrefs)


def test_huge_diff_is_cut_with_a_note(event) -> None:
    edit = whole_edit("insert", "", "x" * 100, "ctx")
    event["wording"]["edits"] = [edit] * 5000
    alert = Alert.from_event(event)
    html = render.render_html(alert)
    text = render.render_text(alert)
    assert "4950 more edits not shown" in html and "4950 more edits not shown" in text
    assert len(html.encode()) < 40_000 and len(text.encode()) < 30_000


def test_one_gigantic_edit_is_clipped_by_size(event) -> None:
    event["wording"]["edits"] = [
        whole_edit("insert", "", "y" * 1_000_000),
        whole_edit("insert", "", "z" * 30_000),
    ] + [whole_edit("delete", "w" * 1500, "")] * 40
    html = render.render_html(Alert.from_event(event))
    assert len(html) < 40_000 and "more edits not shown" in html


def test_subject_is_one_line() -> None:
    article = {"url": None, "guid": None, "title": "A\r\nBcc: x@y"}
    alert = Alert.from_event(change_event("x", "title", article=article))
    assert render.subject(alert) == "[wirediff] title: A Bcc: x@y"


def test_an_event_without_titles_renders() -> None:
    article = {"url": "https://a.example/1", "guid": None, "title": None}
    alert = Alert.from_event(change_event("x", "removed", article=article, to_version=None))
    assert "https://a.example/1" in render.render_text(alert)
    assert "removed" in render.render_html(alert)


def test_digest_lists_every_change(event) -> None:
    alerts = [Alert.from_event({**event, "id": f"c{i}"}) for i in range(4)]
    html = render.render_digest_html(alerts)
    assert "digest: 4 changes" in html and html.count("<hr>") == 3
    assert render.render_digest_text(alerts).count("[wirediff] attendees:") == 4
