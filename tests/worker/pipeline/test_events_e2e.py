"""Events end to end, through the real `wirediff` CLI and real feeds on 127.0.0.1: reports of
one meeting from several feeds and two languages form one event, the same meeting a year later
stays apart, an unrelated report of the same day joins nothing, and an outlet's copy that drops
an attendee is a `discrepancy`, alerted exactly once through a real webhook receiver."""

from __future__ import annotations

import html
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

import pytest

from tests.support.alerting import Hook, json_lines, run_cli, write_config
from tests.support.httpserver import LocalServer, Request, Response
from tests.web.conftest import start_serve

DATA = Path(__file__).parents[2] / "data" / "events"


def text(name: str) -> tuple[str, list[str]]:
    lines = [line for line in (DATA / name).read_text("utf-8").splitlines() if line.strip()]
    return lines[0], lines[1:]


class Wire:
    """Feeds with one item each, published on a given day, and their pages."""

    def __init__(self, server: LocalServer) -> None:
        self.server = server
        self.items: dict[str, list[tuple[str, str, datetime]]] = {}
        self.pages: dict[str, tuple[str, list[str]]] = {}

    def add(self, feed: str, page: str, title: str, paragraphs: list[str], day: datetime) -> str:
        self.pages[page] = (title, paragraphs)
        self.items.setdefault(feed, []).append((page, title, day))
        self.server.route(page, self._page)
        self.server.route(feed, self._feed)
        return self.server.url(page)

    def _page(self, req: Request, _h: object) -> Response:
        title, paragraphs = self.pages[req.path]
        body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
        page = (
            f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)}"
            f"</title></head><body><article><h1>{html.escape(title)}</h1>{body}</article>"
            "</body></html>"
        )
        return Response(200, page.encode(), {"Content-Type": "text/html; charset=utf-8"})

    def _feed(self, req: Request, _h: object) -> Response:
        items = "".join(
            f"<item><title>{html.escape(title)}</title><link>{self.server.url(page)}</link>"
            f"<guid>{self.server.url(page)}</guid><pubDate>{format_datetime(day)}</pubDate>"
            f"<description>{html.escape(self.pages[page][1][0][:80])}</description></item>"
            for page, title, day in self.items[req.path]
        )
        rss = (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>wire'
            f"</title><link>{self.server.base}/</link><description>t</description>{items}"
            "</channel></rss>"
        )
        return Response(200, rss.encode(), {"Content-Type": "application/rss+xml"})


def day(y: int, m: int, d: int) -> datetime:
    return datetime(y, m, d, 8, tzinfo=UTC)


@pytest.fixture
def wire(server: LocalServer) -> tuple[Wire, dict[str, str]]:
    w = Wire(server)
    title, paras = text("ccdi2024_peoplecn_en.txt")
    copied = [p.replace("Zhao Leji, ", "") for p in paras]  # a copy that drops an attendee
    urls = {
        "xinhua": w.add("/xinhua/rss.xml", "/xinhua/ccdi.html", title, paras, day(2024, 1, 10)),
        "tdi": w.add(
            "/tdi/rss.xml", "/tdi/ccdi.html", *text("ccdi2024_tdi_en.txt"), day(2024, 1, 9)
        ),
        "cctv": w.add(
            "/cctv/rss.xml", "/cctv/2024.html", *text("ccdi2024_cctv_zh.txt"), day(2024, 1, 8)
        ),
        "cctv2025": w.add(
            "/cctv/rss.xml", "/cctv/2025.html", *text("ccdi2025_cctv_zh.txt"), day(2025, 1, 6)
        ),
        "copy": w.add("/copy/rss.xml", "/copy/ccdi.html", title, copied, day(2024, 1, 10)),
        "other": w.add(
            "/other/rss.xml",
            "/other/bb.html",
            "BlackBerry sales miss forecasts",
            text("unrelated_reuters_en.txt")[1],
            day(2024, 1, 9),
        ),
    }
    return w, urls


def configured(
    tmp_path: Path,
    server: LocalServer,
    db_url: str,
    hook: Hook,
    *,
    alert: bool,
    kinds: str,
    grouping: bool = True,
    name: str = "config.toml",
) -> Path:
    """The five feeds, the webhook (`kinds` its filter line) and [events]: grouping turned on
    explicitly (it is off by default), alert_discrepancies as asked."""
    feeds = [server.url(f"/{name}/rss.xml") for name in ("xinhua", "tdi", "cctv", "copy", "other")]
    extra = "".join(f'[[feeds]]\nurl = "{u}"\ninterval = "1m"\n' for u in feeds[1:])
    if grouping:
        extra += "[events]\nenabled = true\n" + ("alert_discrepancies = true\n" if alert else "")
    folder = tmp_path / name.removesuffix(".toml")
    folder.mkdir()
    config = write_config(folder, db_url, feeds[0], hook=hook, extra=extra)
    toml = config.read_text("utf-8").replace('name = "hook"\n', f'name = "hook"\n{kinds}')
    config.write_text(toml, "utf-8")
    return config


def test_one_meeting_across_feeds_and_languages_and_its_dropped_attendee(
    tmp_path: Path, server: LocalServer, db_url: str, wire: tuple[Wire, dict[str, str]]
) -> None:
    _, urls = wire
    hook = Hook(server)
    # discrepancies alerted (opt-in), and the webhook asks for them only
    config = configured(
        tmp_path, server, db_url, hook, alert=True, kinds='kinds = ["discrepancy"]\n'
    )

    first = run_cli(["fetch", "--config", str(config), "--json"])
    assert first.exit_code == 0, first.output
    again = run_cli(["fetch", "--config", str(config), "--json"])  # a quiet pass: nothing new
    assert again.exit_code == 0, again.output

    listed = run_cli(["events", "--config", str(config), "--json"])
    assert listed.exit_code == 0, listed.output
    events = json_lines(listed.stdout)
    groups = sorted(sorted(r["url"] for r in e["reports"]) for e in events)
    meeting = sorted(urls[k] for k in ("xinhua", "tdi", "cctv", "copy"))
    assert groups == sorted([meeting, [urls["cctv2025"]], [urls["other"]]])
    (event,) = [e for e in events if len(e["reports"]) == 4]
    assert {r["language"] for r in event["reports"]} == {"en", "zh"}
    assert event["date"] == "2024-01-08"
    zhao = next(p for p in event["people"] if p["canonical"] == "Zhao Leji")
    assert set(zhao["names"]) == {"Zhao Leji", "赵乐际"}
    missing = [d for d in event["discrepancies"] if d["kind"] == "missing"]
    assert [(d["reports"], d["detail"]["person"]) for d in missing] == [
        ([urls["copy"]], "Zhao Leji")
    ]

    shown = run_cli(["events", "show", event["id"], "--config", str(config), "--json"])
    assert json_lines(shown.stdout) == [event]
    by_person = run_cli(["events", "--person", "赵乐际", "--config", str(config), "--json"])
    assert sorted(e["id"] for e in json_lines(by_person.stdout)) == sorted(
        e["id"] for e in events if any(p["canonical"] == "Zhao Leji" for p in e["people"])
    )

    alerted = [h["event"] for h in hook.received]
    dropped = [a for a in alerted if a["discrepancy"]["detail"].get("person") == "Zhao Leji"]
    assert len(dropped) == 1, alerted
    assert dropped[0]["article"]["url"] == urls["copy"]
    assert dropped[0]["discrepancy"]["event"] == event["id"]
    assert all(a["kind"] == "discrepancy" for a in alerted)  # the channel's filter
    # a difference between two reports only is never alerted
    assert all(a["discrepancy"]["detail"].get("consensus", True) for a in alerted)

    served = start_serve(db_url, tmp_path / "serve.log")
    try:
        with served.client() as client:
            assert client.get(f"/events/{event['id']}.json").json() == event
            assert event in client.get("/events.json").json()["events"]
            page = client.get(f"/events/{event['id']}")
            assert page.status_code == 200
            assert "Zhao Leji" in page.text and "missing" in page.text
            assert client.get("/events/nope").status_code == 404
    finally:
        assert served.stop() == 0


def test_discrepancies_are_shown_but_never_alerted_unless_asked_for(
    tmp_path: Path, server: LocalServer, db_url: str, wire: tuple[Wire, dict[str, str]]
) -> None:
    """By default ([events] alert_discrepancies = false) the dropped attendee is a finding of
    the event, shown by `events`, yet no change and no alert: a channel taking every kind gets
    nothing, `changes` lists nothing."""
    _, urls = wire
    hook = Hook(server)
    config = configured(tmp_path, server, db_url, hook, alert=False, kinds="")
    for _ in range(2):
        done = run_cli(["fetch", "--config", str(config), "--json"])
        assert done.exit_code == 0, done.output
        assert [e for e in json_lines(done.stdout) if e.get("kind") == "discrepancy"] == []

    listed = run_cli(["events", "--config", str(config), "--json"])
    (event,) = [e for e in json_lines(listed.stdout) if len(e["reports"]) == 4]
    missing = [d for d in event["discrepancies"] if d["kind"] == "missing"]
    assert [(d["reports"], d["detail"]["person"]) for d in missing] == [
        ([urls["copy"]], "Zhao Leji")
    ]
    listed_changes = run_cli(["changes", "--config", str(config), "--json"])
    assert listed_changes.exit_code == 0, listed_changes.output
    assert json_lines(listed_changes.stdout) == []
    assert hook.received == []


def test_grouping_is_off_by_default_and_the_command_says_how_to_turn_it_on(
    tmp_path: Path, server: LocalServer, db_url: str, wire: tuple[Wire, dict[str, str]]
) -> None:
    """No [events] table: the reports are stored and compared as always, but none is grouped,
    and `wirediff events` says so in one line (stderr under --json, so JSON stays clean)."""
    hook = Hook(server)
    config = configured(tmp_path, server, db_url, hook, alert=True, kinds="", grouping=False)
    done = run_cli(["fetch", "--config", str(config), "--json"])
    assert done.exit_code == 0, done.output

    listed = run_cli(["events", "--config", str(config)])
    assert listed.exit_code == 0, listed.output
    notice = [line for line in listed.stdout.splitlines() if "grouping is off" in line]
    assert len(notice) == 1 and "[events] enabled = true" in notice[0]
    assert listed.stdout.splitlines()[-1] == "0 events"
    as_json = run_cli(["events", "--config", str(config), "--json"])
    assert as_json.stdout.strip() == ""
    assert "[events] enabled = true" in as_json.stderr
    assert hook.received == []


def test_events_stored_while_grouping_was_on_are_still_listed_when_it_is_off(
    tmp_path: Path, server: LocalServer, db_url: str, wire: tuple[Wire, dict[str, str]]
) -> None:
    _, urls = wire
    hook = Hook(server)
    on = configured(tmp_path, server, db_url, hook, alert=False, kinds="", name="on.toml")
    assert run_cli(["fetch", "--config", str(on), "--json"]).exit_code == 0
    before = json_lines(run_cli(["events", "--config", str(on), "--json"]).stdout)
    assert len(before) == 3

    off = configured(
        tmp_path, server, db_url, hook, alert=False, kinds="", grouping=False, name="off.toml"
    )
    listed = run_cli(["events", "--config", str(off), "--json"])
    assert listed.exit_code == 0, listed.output
    assert json_lines(listed.stdout) == before
    assert "grouping is off" in listed.stderr
    text = run_cli(["events", "--config", str(off)])
    assert "grouping is off" in text.stdout and text.stdout.splitlines()[-1] == "3 events"
    assert any(urls["copy"] in str(e["reports"]) for e in before)
