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

from pathlib import Path

import pytest

from tests.support.alerting import Hook, run_cli
from tests.support.farm import Farm
from tests.support.httpserver import LocalServer
from tests.support.people_feed import Wire, after, config, people, removing, replay, swapping

pytestmark = pytest.mark.timeout(300)


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
