"""`wirediff serve` read over HTTP (httpx): pages, filters, keyset pages, JSON twins equal to
the command line's --json, the Atom feed read by feedparser, escaping, and the read-only rule."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

import feedparser
import pytest

from tests.support.alerting import json_lines, run_cli
from tests.support.newsroom import JS_LINK, SHOWN_HOSTILE_TITLE, Newsroom
from tests.web.conftest import Served


def cli_objects(room: Newsroom, *args: str) -> list[dict[str, Any]]:
    result = run_cli([*args, "--config", str(room.config)])
    assert result.exit_code == 0, result.output
    return json_lines(result.stdout)


def listed(served: Served, path: str = "/changes.json", **params: str) -> list[dict[str, Any]]:
    with served.client() as client:
        response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    changes: list[dict[str, Any]] = response.json()["changes"]
    return changes


def by_kind(served: Served, kind: str) -> list[dict[str, Any]]:
    return listed(served, kind=kind)


def test_changes_page_lists_every_change_newest_first(served: Served, room: Newsroom) -> None:
    cli = cli_objects(room, "changes", "--json")
    assert len(cli) == 8
    with served.client() as client:
        page = client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    rows = re.findall(r'<a href="/changes/([0-9a-f]+)">', page.text)
    newest_first = sorted(cli, key=lambda e: (e["detected_at"], e["id"]), reverse=True)
    assert rows == [e["id"] for e in newest_first]
    for title in ("Storm kills two, cuts power to thousands", "中央经济工作会议在北京举行"):
        assert title in page.text
    assert "人民网 时政" in page.text  # the feed's configured name


def test_json_twins_hold_the_objects_of_the_command_line(served: Served, room: Newsroom) -> None:
    cli = {e["id"]: e for e in cli_objects(room, "changes", "--json")}
    web = listed(served)
    assert {e["id"]: e for e in web} == cli
    with served.client() as client:
        negotiated = client.get("/", headers={"Accept": "application/json"}).json()["changes"]
        assert negotiated == web
        one = web[0]
        assert client.get(f"/changes/{one['id']}.json").json() == cli[one["id"]]
        assert (
            client.get(f"/changes/{one['id']}", headers={"Accept": "application/json"}).json()
            == cli[one["id"]]
        )
        feeds = client.get("/feeds.json").json()["feeds"]
        conference = room.pages["conference"]
        report = client.get("/reports.json", params={"url": conference, "from": 1, "to": 2}).json()
    cli_feeds = {f["url"]: f for f in cli_objects(room, "feeds", "list", "--json")}
    assert {
        f["url"]: {k: v for k, v in f.items() if k != "newest_change"} for f in feeds
    } == cli_feeds
    newest = {f["url"]: f["newest_change"] for f in feeds}
    assert newest[room.feeds["Test wire"]]["kind"] == "title"
    assert report["versions"] == cli_objects(room, "history", conference, "--json")
    [diff] = cli_objects(room, "diff", conference, "--from", "1", "--to", "2", "--format", "json")
    assert {k: v for k, v in report["diff"].items() if k != "detected_at"} == {
        k: v for k, v in diff.items() if k != "detected_at"
    }
    assert [c["kind"] for c in report["changes"]] == ["attendees"]


def test_filters_narrow_the_list(served: Served, room: Newsroom) -> None:
    everything = listed(served)
    assert {e["kind"] for e in by_kind(served, "attendees")} == {"attendees"}
    assert len(by_kind(served, "attendees")) == 2
    zh_feed = listed(served, feed=room.feeds["人民网 时政"])
    assert [e["article"]["url"] for e in zh_feed] == [room.pages["zh"]]
    # a person in either script, through the roster: 蔡奇 is Cai Qi
    for name in ("蔡奇", "Cai Qi", "cai qi"):
        found = {e["article"]["url"] for e in listed(served, person=name)}
        assert found == {room.pages["zh"], room.pages["conference"]}, name
    dropped = {e["article"]["url"] for e in listed(served, person="Ding Xuexiang")}
    assert dropped == {room.pages["zh"], room.pages["conference"]}
    assert listed(served, person="Qian") == []  # a whole name, not a part of one (Li Qiang)
    assert [e["kind"] for e in listed(served, q="storm")] == ["title"]
    assert len(listed(served, q="PROVINCIAL official")) == 2  # removed, then restored
    assert listed(served, since="2000-01-01") == everything
    assert listed(served, since="1h") == everything
    assert listed(served, until="2000-01-01") == []
    assert (
        listed(served, kind="attendees", person="蔡奇", feed=room.feeds["Xinhua English"])[0][
            "article"
        ]["url"]
        == room.pages["conference"]
    )


def test_every_filter_is_in_the_url_of_the_page_and_its_links(
    served: Served, room: Newsroom
) -> None:
    with served.client() as client:
        page = client.get("/", params={"kind": "attendees", "person": "蔡奇", "limit": "1"}).text
    assert 'value="蔡奇"' in page
    assert '<option value="attendees" selected>' in page
    older = re.search(r'<a rel="next" href="([^"]+)"', page)
    assert older is not None
    link = older.group(1).replace("&amp;", "&")
    assert "kind=attendees" in link and "person=" + quote("蔡奇") in link and "cursor=" in link
    atom = re.search(r'type="application/atom\+xml" title="[^"]*" href="([^"]+)"', page)
    assert atom is not None and "kind=attendees" in atom.group(1)


def test_pages_are_keyset_paginated_without_gaps_or_repeats(served: Served) -> None:
    everything = [e["id"] for e in listed(served)]
    seen: list[str] = []
    url: str | None = "/changes.json?limit=3"
    with served.client() as client:
        while url:
            body = client.get(url).json()
            assert len(body["changes"]) <= 3
            seen += [e["id"] for e in body["changes"]]
            url = body["next"]
    assert seen == everything


def test_bad_parameters_are_refused_with_one_line_naming_them(
    served: Served, room: Newsroom
) -> None:
    with served.client() as client:
        for params, word in (
            ({"since": "last tuesday"}, "since"),
            ({"kind": "bogus"}, "kind"),
            ({"cursor": "nonsense"}, "cursor"),
            ({"limit": "0"}, "limit"),
        ):
            response = client.get("/changes.json", params=params)
            assert response.status_code == 400
            assert response.json()["error"].startswith(word)
            html = client.get("/", params=params)
            assert html.status_code == 400 and word in html.text
        assert client.get("/changes/0000").status_code == 404
        assert client.get("/changes/0000.json").json() == {"error": "no change with id 0000"}
        assert client.get("/reports").status_code == 400
        assert (
            client.get("/reports", params={"url": "https://nowhere.example/x"}).status_code == 404
        )
        missing = client.get("/reports.json", params={"url": room.pages["zh"], "from": 1, "to": 9})
        assert missing.status_code == 404 and "have 1, 2" in missing.json()["error"]
        assert client.get("/no/such/page").status_code == 404


def test_one_change_shows_both_diffs_people_versions_and_deliveries(
    served: Served, room: Newsroom
) -> None:
    [change] = [
        e for e in by_kind(served, "attendees") if e["article"]["url"] == room.pages["conference"]
    ]
    with served.client() as client:
        inline = client.get(f"/changes/{change['id']}").text
        side = client.get(f"/changes/{change['id']}", params={"view": "side"}).text
    assert '<del class="touch">Qiding<sup class="tag">name</sup></del>' in inline
    assert '<ins class="touch">Qi<sup class="tag">name</sup></ins>' in inline
    assert '<del class="touch">28<sup class="tag">number, date</sup></del>' in inline
    assert "written differently: Cai Qiding, Xue Xiang → Cai Qi, Ding Xuexiang" in inline
    assert "version 1 (" in inline and "version 2 (" in inline
    assert f'href="{room.pages["conference"]}"' in inline
    # the webhook that took it and the one that is down
    hook_row = inline.split('<th scope="row">hook</th>')[1].split("</tr>")[0]
    assert "sent" in hook_row
    down_row = inline.split('<th scope="row">backup-hook</th>')[1].split("</tr>")[0]
    assert "pending" in down_row and "503" in down_row
    assert "Version 1 (earlier)" in side and "Version 2 (later)" in side
    left, right = side.split('<td data-label="Version 2 (later)">', 1)
    assert "<del" in left and "Qiding" in left
    assert "<ins" in right and "Ding Xuexiang" in right


def test_moved_sentences_and_number_edits_are_marked(served: Served, room: Newsroom) -> None:
    [change] = [
        e for e in by_kind(served, "wording") if e["article"]["url"] == room.pages["economy"]
    ]
    assert any(e["op"] == "move" for e in change["wording"]["edits"])
    with served.client() as client:
        page = client.get(f"/changes/{change['id']}").text
    assert 'class="moved"' in page and "moved here:" in page
    assert '<sup class="tag">number</sup>' in page


def test_report_page_shows_the_timeline_and_compares_any_two_versions(
    served: Served, room: Newsroom
) -> None:
    with served.client() as client:
        takedown = client.get("/reports", params={"url": room.pages["takedown"]}).text
        versions = client.get("/reports.json", params={"url": room.pages["takedown"]}).json()
        compared = client.get(
            "/reports", params={"url": room.pages["conference"], "from": 2, "to": 1, "view": "side"}
        ).text
    assert takedown.index("Version 1") < takedown.index("Taken down") < takedown.index("Restored")
    [v1] = versions["versions"]
    assert v1["raw_hash"][:16] in takedown and v1["extractor"] in takedown
    assert [c["kind"] for c in versions["changes"]] == ["removed", "restored"]
    # backwards is a comparison too: version 2 to version 1 puts the old names back
    assert "Version 2" in compared and "Version 1" in compared
    assert "<ins" in compared and "Qiding" in compared


def test_feeds_page_shows_health_and_the_newest_change(served: Served, room: Newsroom) -> None:
    with served.client() as client:
        page = client.get("/feeds").text
    for name in room.feeds:
        assert name in page or name.split()[0] in page
    assert page.count('<span class="state state-sent">ok</span>') == len(room.feeds)
    assert "title</span> title changed from" in page


def test_text_from_feeds_and_pages_is_escaped_everywhere(served: Served, room: Newsroom) -> None:
    hostile = [e for e in listed(served) if "<script>" in (e["article"]["title"] or "")]
    assert {e["article"]["url"] for e in hostile} == {room.pages["hostile"], JS_LINK}
    assert SHOWN_HOSTILE_TITLE in {e["article"]["title"] for e in hostile}
    paths = ["/", "/feeds", "/changes.atom", "/?q=statement"]
    paths += [f"/changes/{e['id']}" for e in hostile]
    paths += [f"/changes/{e['id']}?view=side" for e in hostile]
    paths += [f"/reports?url={quote(room.pages['hostile'])}&from=1&to=2"]
    paths += [f"/reports?url={quote(JS_LINK)}&from=1&to=2&view=side"]
    with served.client() as client:
        for path in paths:
            response = client.get(path)
            assert response.status_code == 200, path
            body = response.text
            assert "<script" not in body.lower(), path
            assert "<img" not in body.lower(), path
            assert 'href="javascript:' not in body.lower(), path
            assert "onerror=" not in body.replace("onerror=alert", "").lower() or "&lt;img" in body
        page = client.get(f"/changes/{hostile[0]['id']}").text
    assert "&lt;script&gt;" in page
    assert JS_LINK in listed(served, q="Statement")[0]["article"]["url"]


def test_every_response_forbids_scripts_and_nothing_can_be_written(served: Served) -> None:
    with served.client() as client:
        for path in ("/", "/changes.json", "/static/style.css", "/nope", "/changes.atom"):
            csp = client.get(path).headers["content-security-policy"]
            assert "default-src 'none'" in csp and "script-src" not in csp
        for method in ("POST", "PUT", "DELETE", "PATCH"):
            assert client.request(method, "/").status_code == 405
            assert client.request(method, "/changes.json").status_code == 405
        assert client.post("/login", data={"token": "x"}).status_code in (404, 405)


def test_a_loopback_server_answers_only_to_loopback_host_names(served: Served) -> None:
    # a page elsewhere that rebinds its own DNS name to 127.0.0.1 sends its own Host header
    with served.client() as client:
        assert client.get("/", headers={"Host": "attacker.example"}).status_code == 421
        assert client.get("/", headers={"Host": "localhost"}).status_code == 200


def test_atom_feed_is_valid_and_filtered(served: Served, room: Newsroom) -> None:
    everything = listed(served)
    with served.client() as client:
        response = client.get("/changes.atom")
        attendees = client.get("/changes.atom", params={"kind": "attendees"})
        person = client.get("/changes.atom", params={"person": "丁薛祥"})
    assert response.headers["content-type"] == "application/atom+xml; charset=utf-8"
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert [e.id for e in parsed.entries] == [f"urn:wirediff:change:{e['id']}" for e in everything]
    first = parsed.entries[0]
    assert first.link == f"{served.url}/changes/{everything[0]['id']}"
    assert first.summary == everything[0]["summary"]
    [conference] = [
        entry
        for entry, event in zip(parsed.entries, everything, strict=True)
        if event["article"]["url"] == room.pages["conference"]
    ]
    [content] = conference.content
    assert content.type == "text/html"
    assert (
        "<del" in content.value and "Qiding" in content.value and "Ding Xuexiang" in content.value
    )
    # the raw XML carries markup only escaped: no element a reader could take for a script
    assert b"<script" not in response.content and b"<img" not in response.content
    kinds = {e.tags[0].term for e in feedparser.parse(attendees.content).entries}
    assert kinds == {"attendees"}
    assert len(feedparser.parse(person.content).entries) == 2


@pytest.mark.parametrize("view", ["inline", "side"])
def test_a_takedown_has_no_diff_but_says_so(served: Served, view: str) -> None:
    [removed] = by_kind(served, "removed")
    with served.client() as client:
        page = client.get(f"/changes/{removed['id']}", params={"view": view}).text
    assert "The report was taken down" in page
