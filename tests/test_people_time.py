"""People over time end to end: real CCTV reports (tests/data/people_time) served by a feed on
127.0.0.1 in date order, read by the real `wirediff fetch`, findings alerted through a real
signed-webhook receiver, and read back with `wirediff people`.

- the real history of a stable leadership gives no absence and no rank finding;
- a person removed from every report after a date is flagged once, with their real last
  appearance, and alerted once;
- two people swapped in every list after a date are flagged once, at the first report listing
  both, alerted once, and only to the channel watching one of them;
- a report edited or taken down changes the timeline accordingly.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import pytest

from storage.db import Store
from tests.alerting import SECRET_ENV, Hook, json_lines, run_cli
from tests.farm import Farm
from tests.httpserver import LocalServer, Request, Response

DATA = Path(__file__).parent / "data" / "people_time"
pytestmark = pytest.mark.timeout(300)

Edit = Callable[[dt.date, str], str]


@dataclass
class Wire:
    """A feed of real reports with their broadcast dates; `release` lets history advance."""

    server: LocalServer
    edit: Edit = lambda _day, text: text
    reports: list[tuple[dt.date, str, str]] = field(default_factory=list)
    released: int = 0

    def __post_init__(self) -> None:
        for path in sorted(DATA.glob("*.txt")):
            day = dt.datetime.strptime(path.name[:8], "%Y%m%d").date()
            self.reports.append((day, path.stem, path.read_text(encoding="utf-8")))
        self.server.route("/xwlb.xml", self._feed)

    @property
    def url(self) -> str:
        return self.server.url("/xwlb.xml")

    def release(self, until: dt.date) -> None:
        self.released = sum(1 for day, _, _ in self.reports if day <= until)

    def _feed(self, _req: Request, _h: object) -> Response:
        items = []
        for day, key, text in reversed(self.reports[: self.released]):  # newest first
            text = self.edit(day, text)
            paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n") if p)
            when = dt.datetime.combine(day, dt.time(19, 30), tzinfo=dt.UTC)
            items.append(
                f"<item><title>{html.escape(text.splitlines()[0])}</title>"
                f"<link>{self.server.url('/news/' + key)}</link><guid>{key}</guid>"
                f"<pubDate>{format_datetime(when)}</pubDate>"
                f"<description>{html.escape(paragraphs)}</description></item>"
            )
        body = (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>新闻联播</title><link>{self.server.base}/</link><description>t</description>"
            f"{''.join(items)}</channel></rss>"
        )
        return Response(200, body.encode(), {"Content-Type": "application/rss+xml"})


def config(tmp_path: Path, db_url: str, feed_url: str, hooks: dict[str, tuple[Hook, str]]) -> Path:
    parts = [
        f'[storage]\nurl = "{db_url}"\n',
        '[fetch]\ntimeout = 5\nrevisit = ["1d"]\n',
        f'[[feeds]]\nurl = "{feed_url}"\nname = "CCTV"\ninterval = "1m"\nfollow_links = false\n',
    ]
    for name, (hook, filters) in hooks.items():
        parts.append(
            f'[[alerts]]\ntype = "webhook"\nname = "{name}"\nurl = "{hook.url}"\n'
            f'secret_env = "{SECRET_ENV}"\ntimeout = 5\n{filters}\n'
        )
    store = Store(db_url)
    store.upgrade()
    store.dispose()
    path = tmp_path / "wirediff.toml"
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def replay(wire: Wire, cfg: Path, steps: int = 4) -> list[dict[str, Any]]:
    """History released in `steps` date-ordered batches, one `fetch` each: the events seen."""
    days = sorted({day for day, _, _ in wire.reports})
    events: list[dict[str, Any]] = []
    for i in range(1, steps + 1):
        wire.release(days[len(days) * i // steps - 1])
        result = run_cli(["fetch", "--config", str(cfg), "--json"])
        assert result.exit_code == 0, result.output
        events += [e for e in json_lines(result.stdout) if e["type"] == "change"]
    return events


def people(cfg: Path, *args: str) -> list[dict[str, Any]]:
    result = run_cli(["people", "--config", str(cfg), "--json", *args])
    assert result.exit_code == 0, result.output
    return json_lines(result.stdout)


def after(change: str, edit: Callable[[str], str]) -> Edit:
    day = dt.date.fromisoformat(change)
    return lambda d, text: edit(text) if d >= day else text


def removing(zh: str) -> Callable[[str], str]:
    return lambda text: text.replace(zh + "、", "").replace("、" + zh, "").replace(zh, "")


def swapping(a: str, b: str) -> Callable[[str], str]:
    """The two names exchanged in each sentence naming both: their order changes, not who."""

    def swap(text: str) -> str:
        return "。".join(
            s.replace(a, "\0").replace(b, a).replace("\0", b) if a in s and b in s else s
            for s in text.split("。")
        )

    return swap


def test_real_history_of_a_stable_leadership_gives_no_finding_and_a_timeline(
    db_url: str, tmp_path: Path, server: LocalServer
) -> None:
    wire = Wire(server)
    hook = Hook(server)
    cfg = config(tmp_path, db_url, wire.url, {"hook": (hook, "")})

    events = replay(wire, cfg)

    assert [e for e in events if e["kind"] in ("absence", "rank")] == []
    assert hook.received == []
    assert people(cfg, "--absent") == [] and people(cfg, "--rank") == []

    timeline = people(cfg, "丁薛祥")  # asked for in Chinese, stored under the canonical name
    assert {a["canonical"] for a in timeline} == {"Ding Xuexiang"}
    assert [a["date"] for a in timeline][:3] == ["2022-10-13", "2022-11-01", "2023-01-10"]
    ccdi = next(a for a in timeline if a["date"] == "2023-01-10")
    assert ccdi["role"] == "attended" and ccdi["position"] == 5 and ccdi["event"] is None
    assert ccdi["with"] == ["Li Qiang", "Zhao Leji", "Wang Huning", "Cai Qi", "Li Xi"]

    everyone = {p["canonical"]: p for p in people(cfg)}
    cai = everyone["Cai Qi"]
    assert cai["type"] == "person" and "蔡奇" in cai["names"]
    assert cai["first_seen"] == "2022-09-30"  # presiding, as Beijing party chief
    assert cai["last_seen"] == "2026-08-17"
    assert cai["appearances"] == len({a["report"] for a in people(cfg, "Cai Qi")})


def test_a_person_who_vanishes_is_flagged_once_with_the_right_last_appearance(
    db_url: str, tmp_path: Path, server: LocalServer
) -> None:
    wire = Wire(server, edit=after("2024-01-01", removing("丁薛祥")))
    hook = Hook(server)
    cfg = config(tmp_path, db_url, wire.url, {"hook": (hook, 'kinds = ["absence"]')})

    events = replay(wire, cfg)

    [event] = [e for e in events if e["kind"] in ("absence", "rank")]
    assert event["kind"] == "absence" and event["absence"]["canonical"] == "Ding Xuexiang"
    assert event["absence"]["last_appearance"]["date"] == "2023-12-26"
    assert "丁薛祥" in event["absence"]["names"]
    assert [r["event"]["id"] for r in hook.received] == [event["id"]]  # alerted once
    [finding] = people(cfg, "--absent")
    assert finding["canonical"] == "Ding Xuexiang" and finding["kind"] == "absence"
    assert people(cfg, "Ding Xuexiang")[-1]["date"] == "2023-12-26"


def test_a_swap_in_rank_is_flagged_once_and_reaches_the_channel_watching_them(
    db_url: str, tmp_path: Path, server: LocalServer
) -> None:
    wire = Wire(server, edit=after("2024-01-01", swapping("蔡奇", "丁薛祥")))
    watching, other = Hook(server), Hook(server, path="/other")
    cfg = config(
        tmp_path,
        db_url,
        wire.url,
        {"watching": (watching, 'people = ["丁薛祥"]'), "other": (other, 'people = ["王沪宁"]')},
    )

    events = replay(wire, cfg)

    [event] = [e for e in events if e["kind"] in ("absence", "rank")]
    assert event["kind"] == "rank"
    assert event["rank"]["moved"][0]["above"] == "Ding Xuexiang"
    assert event["rank"]["moved"][0]["below"] == "Cai Qi"
    assert event["rank"]["date"] == "2024-01-08"  # the first report listing both after the swap
    assert [r["event"]["id"] for r in watching.received] == [event["id"]]
    assert other.received == []


def test_the_timeline_follows_edits_and_takedowns(
    db_url: str, tmp_path: Path, server: LocalServer
) -> None:
    farm = Farm(server)
    text = "Beijing, Jan 10 (Xinhua) -- Li Qiang, Zhao Leji and Cai Qi attended the meeting."
    farm.add_page("/a.html", "Meeting", ["Meeting held", text])
    farm.add_page("/b.html", "Symposium", ["Symposium held", text.replace("meeting", "symposium")])
    hook = Hook(server)
    cfg = config(tmp_path, db_url, farm.add_feed("/rss.xml", ["/a.html", "/b.html"]), {})
    cfg.write_text(cfg.read_text().replace("follow_links = false", "follow_links = true"))

    assert run_cli(["fetch", "--config", str(cfg)]).exit_code == 0
    assert len(people(cfg, "Cai Qi")) == 2

    farm.pages["/a.html"].paragraphs[1] = text.replace(", Zhao Leji and Cai Qi", " and Zhao Leji")
    farm.descriptions["/a.html"] = "edited"
    assert run_cli(["fetch", "--config", str(cfg)]).exit_code == 0
    [left] = people(cfg, "Cai Qi")
    assert left["report"].endswith("/b.html")
    assert sorted(a["version"] for a in people(cfg, "Zhao Leji")) == [1, 2]

    farm.pages["/b.html"].status = 404
    farm.descriptions["/b.html"] = "gone"
    assert run_cli(["fetch", "--config", str(cfg)]).exit_code == 0
    assert people(cfg, "Li Qiang")[0]["report"].endswith("/a.html")
    assert len(people(cfg, "Li Qiang")) == 1
    result = run_cli(["people", "--config", str(cfg), "Cai Qi"])
    assert result.exit_code == 2 and "no one by that name" in result.output
    assert hook.received == []
