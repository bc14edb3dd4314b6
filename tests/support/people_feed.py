"""A feed on the test server that replays the real CCTV reports of tests/data/people_time in
date order, with optional edits (a person removed, two swapped), plus the config and CLI
helpers the people-over-time tests share."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import format_datetime
from pathlib import Path
from typing import Any

from storage.db import Store
from tests.support.alerting import SECRET_ENV, Hook, json_lines, run_cli
from tests.support.httpserver import LocalServer, Request, Response

DATA = Path(__file__).resolve().parents[1] / "data" / "people_time"

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
