"""`/people` and `/people/<name>` of the real `wirediff serve`, over a store that `wirediff fetch`
filled from the real CCTV reports (tests/support/people_feed.py, with two leaders swapped after
2024-01-01 so a finding exists): the JSON twins hold what `wirediff people --json` prints, and
the HTML page shows the timeline and the finding."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest

from tests.support.httpserver import LocalServer
from tests.support.people_feed import Wire, after, config, people, replay, swapping
from tests.web.conftest import start_serve

pytestmark = pytest.mark.timeout(300)


def test_person_page_shows_the_timeline_and_findings_of_the_command_line(
    tmp_path: Path, server: LocalServer
) -> None:
    db_url = f"sqlite:///{tmp_path / 'store.db'}"
    wire = Wire(server, edit=after("2024-01-01", swapping("蔡奇", "丁薛祥")))
    cfg = config(tmp_path, db_url, wire.url, {})
    replay(wire, cfg, steps=2)
    cli_timeline = people(cfg, "Ding Xuexiang")
    cli_people = people(cfg)

    served = start_serve(db_url, tmp_path / "serve.log")
    try:
        with served.client() as client:
            everyone = client.get("/people.json").json()["people"]
            twin = client.get(f"/people/{quote('丁薛祥')}.json").json()
            page = client.get(f"/people/{quote('Ding Xuexiang')}")
            listing = client.get("/people")
            missing = client.get("/people/Nobody%20Here")
    finally:
        assert served.stop() == 0, served.log.read_text()

    assert everyone == cli_people
    assert twin["person"] == next(p for p in cli_people if p["canonical"] == "Ding Xuexiang")
    assert twin["appearances"] == cli_timeline
    [finding] = twin["findings"]
    assert finding["kind"] == "rank" and finding["detail"]["date"] == "2024-01-08"

    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    html = page.text
    assert "<h1>Ding Xuexiang</h1>" in html and "丁薛祥" in html
    assert html.count('<time datetime="') == len(cli_timeline)
    assert "Ding Xuexiang listed above Cai Qi" in html
    assert listing.status_code == 200 and 'href="/people/Ding%20Xuexiang"' in listing.text
    assert missing.status_code == 404
