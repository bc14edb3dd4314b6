"""The `wirediff` command line as users script it: exit codes, JSON Lines, feeds, OPML, history."""

from __future__ import annotations

import gzip
import html
import json
import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from storage import feeds
from storage.db import open_store
from storage.feeds import FeedSpec
from tests.conftest import DATA
from tests.support.farm import REPORT, Farm
from tests.support.httpserver import Response
from worker.cli import cli


@pytest.fixture
def runner(tmp_path, monkeypatch) -> CliRunner:
    # The embedded default store goes under tmp_path; nothing reads the user's home.
    monkeypatch.setenv("WIREDIFF_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("WIREDIFF_DB", raising=False)
    monkeypatch.delenv("WIREDIFF_CONFIG", raising=False)
    return CliRunner()


def lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def invoke(runner: CliRunner, *args: str):
    return runner.invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def farm(server) -> Farm:
    f = Farm(server)
    for i in range(4):
        f.add_page(f"/a/{i}.html", f"Report {i}", [f"Story {i}.", *REPORT])
    f.add_feed("/rss.xml", [f"/a/{i}.html" for i in range(4)])
    return f


def test_version_and_help(runner):
    result = invoke(runner, "--version")
    assert result.exit_code == 0 and "wirediff" in result.output
    for command in (
        "fetch",
        "run",
        "feeds",
        "changes",
        "history",
        "diff",
        "compare",
        "alerts",
        "db",
        "demo",
    ):
        assert invoke(runner, command, "--help").exit_code == 0


def _command_lines() -> list[list[str]]:
    """Every command as typed: each group's sub-commands, and the group itself when it runs
    without one (`wirediff events`)."""
    import click

    from worker.cli import COMMANDS

    found: list[list[str]] = []

    def walk(words: list[str], command: click.Command) -> None:
        if not isinstance(command, click.Group) or command.invoke_without_command:
            found.append(words)
        if isinstance(command, click.Group):
            for name, sub in command.commands.items():
                walk([*words, name], sub)

    for name in COMMANDS:
        walk([name], cli.get_command(click.Context(cli), name))
    return found


@pytest.mark.parametrize("words", _command_lines(), ids=" ".join)
def test_every_command_takes_v_after_its_name(runner, words):
    """The README: -v and -vv go before or after the command's name. `wirediff events -v`
    was "No such option: -v" (a group that runs on its own got none)."""
    for verbose in ("-v", "-vv"):
        result = runner.invoke(cli, [*words, verbose, "--help"])
        assert result.exit_code == 0, result.output
        assert "-v, --verbose" in result.output


def test_wrong_flag_is_usage_error(runner):
    result = runner.invoke(cli, ["fetch", "--no-such-flag"])
    assert result.exit_code == 2
    assert "No such option" in result.output


def test_a_misspelt_command_gets_the_close_one_suggested():
    """As click does for a misspelt option and a sub-command (`feeds ad`): the top-level
    commands are loaded lazily, so click had none to suggest from."""
    for typed, meant in (("fecth", "fetch"), ("chnages", "changes"), ("evnets", "events")):
        done = subprocess.run(
            [sys.executable, "-m", "worker", typed],
            capture_output=True,
            text=True,
            timeout=60,
            cwd=Path(__file__).resolve().parents[3],
        )
        assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
        assert f"Error: No such command '{typed}'. Did you mean '{meant}'?" in done.stderr
    far = subprocess.run(
        [sys.executable, "-m", "worker", "xyzzy"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parents[3],
    )
    assert far.returncode == 2 and far.stderr.strip().endswith("No such command 'xyzzy'.")


def test_fetch_round_trip_json_lines(runner, farm, server, tmp_path):
    db = f"sqlite:///{tmp_path / 'w.db'}"
    feed = server.url("/rss.xml")
    first = invoke(runner, "fetch", "--db", db, "--feed", feed, "--json")
    assert first.exit_code == 0, first.output
    objs = lines(first.output)
    assert [o["type"] for o in objs] == ["feed", "summary"]
    assert objs[0] == {
        "type": "feed",
        "url": feed,
        "status": "ok",
        "error": None,
        "warning": None,
        "entries": 4,
        "new_versions": 4,
        "fell_back": 0,
        "fell_back_reasons": {},
    }
    assert objs[1]["feeds"] == 1 and objs[1]["new_versions"] == 4 and objs[1]["changes"] == 0

    second = lines(invoke(runner, "fetch", "--db", db, "--feed", feed, "--json").output)
    assert second[0]["status"] == "not_modified" and second[-1]["new_versions"] == 0

    farm.pages["/a/3.html"].paragraphs[3] = (
        farm.pages["/a/3.html"].paragraphs[3].replace("5.2", "5.4")
    )
    farm.descriptions["/a/3.html"] = "edited"
    third = lines(invoke(runner, "fetch", "--db", db, "--feed", feed, "--json").output)
    assert [o["type"] for o in third] == ["feed", "change", "summary"]
    assert third[0]["new_versions"] == 1
    change = third[1]
    assert change["kind"] == "wording" and change["schema"] == 1
    assert change["article"]["url"] == server.url("/a/3.html")
    assert any(e["before"] == "5.2" and e["after"] == "5.4" for e in change["wording"]["edits"])

    history = lines(invoke(runner, "history", server.url("/a/3.html"), "--db", db, "--json").output)
    assert [h["version"] for h in history] == [1, 2]
    assert {h["source"] for h in history} == {"page"}
    assert history[0]["text_hash"] != history[1]["text_hash"]

    changes = lines(invoke(runner, "changes", "--db", db, "--json").output)
    assert [c["id"] for c in changes] == [change["id"]]

    text = invoke(runner, "diff", server.url("/a/3.html"), "--db", db, "--format", "text")
    assert text.exit_code == 0 and "[-5.2-]" in text.output and "{+5.4+}" in text.output


def test_a_local_feed_file_can_be_fetched(runner, farm, server, tmp_path):
    # a feed saved to disk whose links point at the local server (no traffic beyond loopback)
    path = tmp_path / "saved feed.xml"
    path.write_bytes(farm.feed_xml("/rss.xml"))
    result = invoke(
        runner, "fetch", "--db", f"sqlite:///{tmp_path / 'w.db'}", "--json", "--feed", str(path)
    )
    objs = lines(result.output)
    assert result.exit_code == 0
    assert objs[0]["url"] == path.resolve().as_uri()
    assert objs[0]["status"] == "ok" and objs[0]["new_versions"] == 4
    missing = runner.invoke(cli, ["fetch", "--feed", str(tmp_path / "nope.xml")])
    assert missing.exit_code == 2 and "no such file" in missing.output
    # the file is read only when its path is on the command line: a pass over every feed
    # reports it as not fetched, and does not read it
    path.write_bytes(b"not even a feed any more")
    later = lines(
        invoke(runner, "fetch", "--db", f"sqlite:///{tmp_path / 'w.db'}", "--json").output
    )
    assert later[0]["status"] == "error" and "fetch --feed PATH" in later[0]["error"]


def test_a_real_feed_parses_without_following_links(runner, server, tmp_path):
    source = DATA / "feeds" / "rss-parser_guardian.rss"
    url = server.static("/guardian.rss", source.read_bytes())
    config = tmp_path / "w.toml"
    config.write_text(f'[[feeds]]\nurl = "{url}"\nfollow_links = false\n')
    result = invoke(
        runner, "fetch", "--config", str(config), "--db", f"sqlite:///{tmp_path / 'w.db'}", "--json"
    )
    objs = lines(result.output)
    assert objs[0]["status"] == "ok" and objs[0]["entries"] > 10
    assert objs[0]["new_versions"] == objs[0]["entries"]


def test_default_store_path_is_printed_and_used(runner, farm, server, tmp_path):
    result = runner.invoke(cli, ["fetch", "--feed", server.url("/rss.xml")])
    assert result.exit_code == 0
    assert f"store: sqlite:///{tmp_path / 'home' / 'wirediff.db'}" in result.output
    assert (tmp_path / "home" / "wirediff.db").exists()


HOSTILE = {
    "/malformed.xml": (
        200,
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>'
        b"<item><title>A & B</title><link>http://127.0.0.1:1/a</link></item>"
        b"<item><title>C</title></channel>",
        {},
    ),
    "/html.xml": (
        200,
        b"<!doctype html><html><body><h1>Not a feed</h1></body></html>",
        {"Content-Type": "text/html"},
    ),
    "/empty.xml": (200, b"", {}),
    "/500.xml": (500, b"oops", {}),
    "/404.xml": (404, b"no", {}),
    "/429.xml": (429, b"slow down", {"Retry-After": "120"}),
    "/bomb.xml": (200, gzip.compress(b"<" + b"a" * 30_000_000), {"Content-Encoding": "gzip"}),
    "/huge.xml": (200, b"<rss>" + b" " * 2_000_000, {}),
    "/loop.xml": (302, b"", {"Location": "/loop.xml"}),
    "/entities.xml": (
        200,
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><rss version="2.0"><channel><title>&b;</title></channel></rss>',
        {},
    ),
}


def test_hostile_feeds_give_one_line_errors_and_the_pass_goes_on(runner, farm, server, tmp_path):
    for path, (status, body, headers) in HOSTILE.items():
        server.route(path, lambda req, h, s=status, b=body, hd=headers: Response(s, b, dict(hd)))

    def trickle(req, handler):
        handler.send_response(200)
        handler.send_header("Content-Length", "1000000")
        handler.end_headers()
        for _ in range(100):
            handler.wfile.write(b" ")
            handler.wfile.flush()
            time.sleep(0.2)

    server.route("/slow.xml", trickle)
    config = tmp_path / "wirediff.toml"
    urls = [*HOSTILE, "/slow.xml", "/rss.xml"]
    config.write_text(
        f'[storage]\nurl = "sqlite:///{tmp_path / "w.db"}"\n[fetch]\ntimeout = 2\nmax_bytes = 1000000\n'
        + "".join(f'[[feeds]]\nurl = "{server.url(u)}"\ninterval = "1m"\n' for u in urls)
    )
    # bounded by the 2 s fetch deadline (the trickling server is cut) and pytest's timeout
    result = invoke(runner, "fetch", "--config", str(config), "--json")
    assert result.exit_code == 0
    by_url = {o["url"]: o for o in lines(result.output) if o["type"] == "feed"}
    assert by_url[server.url("/rss.xml")]["new_versions"] == 4  # the good feed is unaffected
    assert by_url[server.url("/malformed.xml")]["status"] == "ok"
    assert by_url[server.url("/malformed.xml")]["warning"]
    for path in (
        "/html.xml",
        "/empty.xml",
        "/500.xml",
        "/404.xml",
        "/429.xml",
        "/bomb.xml",
        "/huge.xml",
        "/loop.xml",
        "/slow.xml",
        "/entities.xml",
    ):
        line = by_url[server.url(path)]
        assert line["status"] == "error", path
        assert "\n" not in line["error"] and server.url(path) in line["error"], line
    assert "HTTP 500" in by_url[server.url("/500.xml")]["error"]
    summary = lines(result.output)[-1]
    assert summary["errors"] == 10 and summary["feeds"] == 12

    listed = {
        f["url"]: f
        for f in lines(invoke(runner, "feeds", "list", "--config", str(config), "--json").output)
    }
    assert listed[server.url("/500.xml")]["error_count"] == 1
    assert "HTTP 500" in listed[server.url("/500.xml")]["last_error"]
    assert listed[server.url("/rss.xml")]["last_ok_at"] is not None
    # Retry-After is honoured: the next fetch is not before two minutes from now
    assert (
        listed[server.url("/429.xml")]["next_fetch_at"]
        > listed[server.url("/500.xml")]["next_fetch_at"]
    )


def test_broken_config_files_exit_2_with_one_line(runner, tmp_path):
    cases = {
        "bad.toml": "[fetch\ntimeout = ",
        "badtype.toml": '[fetch]\ntimeout = "soon"\n',
        "nourl.toml": "[[feeds]]\nname = 'x'\n",
        "baddb.toml": '[storage]\nurl = "mysql://u@h/db"\n',
        "badinterval.toml": '[[feeds]]\nurl = "https://e.org/rss"\ninterval = "0s"\n',
        "badalert.toml": '[[alerts]]\ntype = "email"\nto = ["not an address"]\nfrom = "a@example.org"\n',
        "badsecret.toml": '[[alerts]]\ntype = "webhook"\nurl = "https://e.org/h"\nsecret_env = "WIREDIFF_NOPE_UNSET"\n',
    }
    for name, text in cases.items():
        path = tmp_path / name
        path.write_text(text)
        result = runner.invoke(cli, ["fetch", "--config", str(path)])
        assert result.exit_code == 2, (name, result.output)
        assert "Traceback" not in result.output
        errors = [
            line for line in result.output.splitlines() if line.startswith("wirediff: error:")
        ]
        assert len(errors) == 1, (name, result.output)
        assert str(path) in errors[0] or name == "baddb.toml", errors[0]
    missing = runner.invoke(cli, ["fetch", "--config", str(tmp_path / "nope.toml")])
    assert missing.exit_code == 2 and "not found" in missing.output


def test_unknown_database_url_exits_2(runner):
    result = runner.invoke(cli, ["changes", "--db", "oracle://x@y/z"])
    assert result.exit_code == 2
    assert "unsupported database" in result.output
    # the hint survives the masking of credentials in URLs (it read "psycopg://***@HOST/DB")
    assert "postgresql+psycopg://HOST/DB, with a user as USER@HOST)" in result.output


def test_migrate_to_a_store_that_is_not_postgresql_names_the_url_to_give(runner, tmp_path):
    db = f"sqlite:///{tmp_path / 'w.db'}"
    assert invoke(runner, "feeds", "add", "https://e.org/rss", "--db", db).exit_code == 0
    result = runner.invoke(cli, ["db", "migrate-to", f"sqlite:///{tmp_path / 'b.db'}", "--db", db])
    assert result.exit_code == 2, result.output
    assert "(postgresql+psycopg://HOST/DB, with a user as USER@HOST)" in result.output


def test_database_down_exits_1_with_one_line(runner):
    result = runner.invoke(
        cli, ["db", "upgrade", "--db", "postgresql+psycopg://postgres@127.0.0.1:1/x"]
    )
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "wirediff: error:" in result.output


def test_feeds_add_list_remove_and_opml_round_trip(runner, tmp_path):
    db = f"sqlite:///{tmp_path / 'w.db'}"
    assert (
        invoke(
            runner,
            "feeds",
            "add",
            "https://e.org/a.xml",
            "--db",
            db,
            "--interval",
            "30m",
            "--name",
            "A",
            "--category",
            "Wires/Asia",
        ).exit_code
        == 0
    )
    assert (
        invoke(runner, "feeds", "add", "https://e.org/b.xml", "--db", db, "--no-follow").exit_code
        == 0
    )
    dup = runner.invoke(cli, ["feeds", "add", "https://e.org/a.xml", "--db", db])
    assert dup.exit_code == 2 and "already" in dup.output
    bad = runner.invoke(
        cli, ["feeds", "add", "https://e.org/c.xml", "--db", db, "--interval", "soon"]
    )
    assert bad.exit_code == 2
    listed = lines(invoke(runner, "feeds", "list", "--db", db, "--json").output)
    assert [(f["url"], f["interval"], f["follow_links"]) for f in listed] == [
        ("https://e.org/a.xml", "30m", True),
        ("https://e.org/b.xml", "15m", False),
    ]
    assert set(listed[0]) >= {
        "url",
        "name",
        "interval",
        "last_ok_at",
        "error_count",
        "last_error",
        "next_fetch_at",
    }

    opml = invoke(runner, "feeds", "export", "--db", db).output
    assert "<opml" in opml and 'text="Wires"' in opml
    exported = tmp_path / "feeds.opml"
    exported.write_text(opml)
    other = f"sqlite:///{tmp_path / 'other.db'}"
    imported = invoke(runner, "feeds", "import", str(exported), "--db", other)
    assert "imported 2 new feeds" in imported.output
    again = lines(invoke(runner, "feeds", "list", "--db", other, "--json").output)
    assert {(f["url"], f["name"], f["category"]) for f in again} == {
        ("https://e.org/a.xml", "A", "Wires/Asia"),
        ("https://e.org/b.xml", "https://e.org/b.xml", None),
    }

    broken = tmp_path / "broken.opml"
    broken.write_text("<opml><body><outline")
    result = runner.invoke(cli, ["feeds", "import", str(broken), "--db", other])
    assert result.exit_code == 2 and str(broken) in result.output

    assert invoke(runner, "feeds", "remove", "https://e.org/a.xml", "--db", db).exit_code == 0
    gone = runner.invoke(cli, ["feeds", "remove", "https://e.org/a.xml", "--db", db])
    assert gone.exit_code == 2 and "not in the store" in gone.output


def test_db_upgrade_on_sqlite_and_postgres(runner, db_url):
    result = invoke(runner, "db", "upgrade", "--db", db_url)
    assert result.exit_code == 0 and "schema revision" in result.output
    assert invoke(runner, "db", "upgrade", "--db", db_url).exit_code == 0


def test_history_of_an_unknown_article_is_a_clear_error(runner, tmp_path):
    db = f"sqlite:///{tmp_path / 'w.db'}"
    assert invoke(runner, "db", "upgrade", "--db", db).exit_code == 0
    result = runner.invoke(cli, ["history", "https://e.org/none", "--db", db])
    assert result.exit_code == 2 and "no stored report" in result.output


@pytest.mark.parametrize(
    "command",
    [
        ["changes"],
        ["history", "https://e.org/a"],
        ["diff", "https://e.org/a"],
        ["feeds", "list"],
        ["feeds", "export"],
        ["feeds", "remove", "https://e.org/a"],
        ["alerts", "pending"],
    ],
)
def test_read_only_commands_never_create_a_store(runner, tmp_path, command):
    missing = tmp_path / "nonexistent" / "dir" / "x.db"
    result = runner.invoke(cli, [*command, "--db", f"sqlite:///{missing}"])
    assert result.exit_code == 2, result.output
    assert result.output.startswith(f"wirediff: error: no store at {missing}")
    assert not (tmp_path / "nonexistent").exists()
    # the default store of a new home is not created either
    fresh = runner.invoke(cli, command, env={"WIREDIFF_HOME": str(tmp_path / "home")})
    assert fresh.exit_code == 2 and "no store at" in fresh.output
    assert not (tmp_path / "home").exists()


def test_a_store_path_that_is_a_directory_is_a_clear_error(runner, tmp_path):
    for command in (["changes"], ["fetch", "--feed", "https://e.org/rss"]):
        result = runner.invoke(cli, [*command, "--db", f"sqlite:///{tmp_path}"])
        assert result.exit_code == 2
        assert (
            result.output
            == f"wirediff: error: store {tmp_path} is a directory, not a database file\n"
        )


@pytest.mark.parametrize(
    "content",
    [b"\x8f\x00random bytes" * 300, b"[storage]\nurl = 'x'\n"],
    ids=["random bytes", "a config file"],
)
def test_a_store_file_that_is_not_a_database_is_one_line_and_left_alone(runner, tmp_path, content):
    # It was a traceback (sqlite3.DatabaseError: file is not a database) and exit 1.
    store = tmp_path / "wirediff.db"
    store.write_bytes(content)
    for command in (["changes"], ["feeds", "list"], ["fetch", "--feed", "https://e.org/rss"]):
        result = runner.invoke(cli, [*command, "--db", f"sqlite:///{store}"])
        assert result.exit_code == 2, result.output
        assert result.output == (
            f"wirediff: error: store {store} is not an SQLite database file (it does not "
            "start with 'SQLite format 3'): give a wirediff store, or a path where none is yet\n"
        )
        assert "Traceback" not in result.output
    assert store.read_bytes() == content
    assert not (tmp_path / "wirediff.db-wal").exists()


def test_a_damaged_store_is_one_line_and_exit_1(runner, tmp_path):
    # A store whose header is sound and whose other pages are not (a copy taken mid-write, a
    # failing disk): SQLite says "database disk image is malformed". It was a traceback.
    store = tmp_path / "wirediff.db"
    opened = open_store(f"sqlite:///{store}")
    with opened.write() as session:
        feeds.add(session, FeedSpec("https://e.org/rss"))
    opened.dispose()  # the last connection checkpoints the WAL into the file
    assert not (tmp_path / "wirediff.db-wal").exists()
    data = bytearray(store.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page:] = b"\xa5" * (len(data) - page)
    store.write_bytes(bytes(data))
    for command in (["changes"], ["feeds", "list"], ["fetch"]):
        result = runner.invoke(cli, [*command, "--db", f"sqlite:///{store}"])
        assert result.exit_code == 1, result.output
        assert result.output.startswith(f"wirediff: error: store sqlite:///{store} is damaged: ")
        assert result.output.endswith(
            "restore it from a backup (docs/deploy.md, 'Backups of the SQLite store')\n"
        )
        assert len(result.output.splitlines()) == 1
        assert "Traceback" not in result.output


def test_two_commands_on_a_new_store_at_once_both_succeed(tmp_path):
    # Real processes, started together on a new WIREDIFF_HOME: the first one creates the
    # store, the other waits for it (it failed with "table ... already exists" before; the
    # race itself is exercised many times in tests/storage/test_store.py).
    env = {**os.environ, "WIREDIFF_HOME": str(tmp_path / "home")}
    env.pop("WIREDIFF_DB", None)
    env.pop("WIREDIFF_CONFIG", None)
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "worker", "feeds", "add", f"https://e.org/{i}.xml"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for i in range(2)
    ]
    outputs = [proc.communicate(timeout=60)[0] for proc in procs]
    assert [proc.returncode for proc in procs] == [0, 0], outputs
    listed = CliRunner().invoke(cli, ["feeds", "list", "--json"], env=env)
    assert sorted(o["url"] for o in lines(listed.output)) == [
        "https://e.org/0.xml",
        "https://e.org/1.xml",
    ]


def test_demo_runs_offline_and_reports_the_seed(runner):
    result = invoke(runner, "demo", "--json")
    assert result.exit_code == 0, result.output
    objs = lines(result.output)
    report = objs[0]
    assert report["type"] == "report"
    finding = next(f for f in report["findings"] if f["kind"] == "attendees")
    assert {"before": ["Cai Qiding", "Xue Xiang"], "after": ["Cai Qi", "Ding Xuexiang"]} in finding[
        "detail"
    ]["attendees"]["variants"]
    assert any(f["kind"] == "date" for f in report["findings"])
    changes = [o for o in objs if o["type"] == "change"]
    assert [c["kind"] for c in changes] == ["attendees", "attendees"]
    assert changes[0]["attendees"]["variants"] == [
        {"before": ["Cai Qiding", "Xue Xiang"], "after": ["Cai Qi", "Ding Xuexiang"]}
    ]
    assert changes[1]["attendees"]["removed"] == ["Ding Xuexiang"]
    summaries = [o for o in objs if o["type"] == "summary"]
    assert [s["new_versions"] for s in summaries] == [1, 1, 1, 1]
    assert [s["changes"] for s in summaries] == [0, 1, 1, 0]


def test_seeds_ship_in_the_package():
    from worker.service.seeds import default_feeds, load_roster, seed_report

    assert len(default_feeds()) >= 10
    assert "Cai Qiding" in seed_report()
    assert load_roster().canonical("蔡奇") == "Cai Qi"
    assert Path(__file__).parents[3].joinpath("seeds", "feeds.toml").exists()


def test_interval_warnings_only_where_feeds_are_polled_and_once(runner, server, tmp_path):
    server.static("/rss.xml", b'<rss version="2.0"><channel><title>t</title></channel></rss>')
    config = tmp_path / "w.toml"
    config.write_text(
        f'[storage]\nurl = "sqlite:///{tmp_path / "w.db"}"\n'
        + "".join(
            f'[[feeds]]\nurl = "{server.url("/rss.xml")}?{i}"\ninterval = "10s"\n' for i in range(4)
        )
    )
    fetched = runner.invoke(cli, ["fetch", "--config", str(config)])
    warnings = [line for line in fetched.output.splitlines() if "warning" in line]
    assert len(warnings) == 4 and "1 more warnings like these" in warnings[-1]
    for command in (["changes"], ["feeds", "list"], ["alerts", "pending"]):
        result = runner.invoke(cli, [*command, "--config", str(config)])
        assert result.exit_code == 0 and "warning" not in result.output, command


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("http://", "no host"),
        ("127.0.0.1/x.xml", "no scheme"),
        ("file:///etc/passwd", "local files are not feeds here"),
        ("javascript:alert(1)", "scheme 'javascript' is refused"),
        ("data:text/xml,<rss/>", "scheme 'data' is refused"),
    ],
)
def test_feeds_add_refuses_what_is_not_an_http_feed_url(runner, tmp_path, url, problem):
    result = runner.invoke(cli, ["feeds", "add", url, "--db", f"sqlite:///{tmp_path / 'w.db'}"])
    assert result.exit_code == 2
    assert result.output.startswith(f"wirediff: error: feed URL {url!r}: {problem}")
    assert result.output.count("\n") == 1


def test_opml_import_takes_http_feeds_and_refuses_the_rest_one_line_each(runner, tmp_path):
    opml = tmp_path / "list.opml"
    bad = ["file:///dev/zero", "javascript:alert(1)", "data:text/xml,<rss/>", "example.org/rss"]
    opml.write_text(
        "<opml version='2.0'><body>"
        + "".join(
            f"<outline text='x' xmlUrl='{html.escape(u)}'/>"
            for u in ["https://e.org/good.xml", *bad]
        )
        + "</body></opml>"
    )
    db = f"sqlite:///{tmp_path / 'w.db'}"
    result = runner.invoke(cli, ["feeds", "import", str(opml), "--db", db])
    assert result.exit_code == 2
    errors = [line for line in result.output.splitlines() if line.startswith("wirediff: error:")]
    assert len(errors) == 4
    for url, line in zip(bad, errors, strict=True):
        assert line.startswith(f"wirediff: error: {opml}: feed URL {url!r}: ")
        assert line.endswith("not imported")
    assert "imported 1 new feed from" in result.output and "4 refused" in result.output
    listed = lines(invoke(runner, "feeds", "list", "--db", db, "--json").output)
    assert [f["url"] for f in listed] == ["https://e.org/good.xml"]


def test_feeds_stored_with_a_bad_url_are_not_fetched(runner, farm, server, tmp_path):
    # Stored by an older wirediff, before URLs were checked where they enter.
    secret = tmp_path / "secret.txt"
    secret.write_text(
        "<rss version='2.0'><channel><item><title>private</title></item></channel></rss>"
    )
    db = f"sqlite:///{tmp_path / 'w.db'}"
    store = open_store(db)
    bad = [secret.as_uri(), "javascript:alert(1)", "127.0.0.1/x.xml"]
    with store.write() as session:
        for url in [*bad, server.url("/rss.xml")]:
            feeds.add(session, FeedSpec(url))
    store.dispose()
    result = invoke(runner, "fetch", "--db", db, "--json")
    assert result.exit_code == 0
    by_url = {o["url"]: o for o in lines(result.output) if o["type"] == "feed"}
    for url in bad:
        assert by_url[url]["status"] == "error"
        assert "not fetched" in by_url[url]["error"] and "\n" not in by_url[url]["error"]
    assert by_url[server.url("/rss.xml")]["new_versions"] == 4
    history = runner.invoke(cli, ["changes", "--db", db, "--json"])
    assert "private" not in history.output


def test_a_device_named_with_feed_stops_at_the_size_cap(runner, tmp_path):
    config = tmp_path / "w.toml"
    config.write_text("[fetch]\nmax_bytes = 100000\n")
    db = f"sqlite:///{tmp_path / 'w.db'}"
    result = invoke(runner, "fetch", "--config", str(config), "--db", db, "--feed", "/dev/zero")
    assert result.exit_code == 0
    (line,) = [o for o in lines(invoke(runner, "feeds", "list", "--db", db, "--json").output)]
    assert line["url"] == "file:///dev/zero" and line["error_count"] == 1
    assert "more than the 100000 byte cap" in line["last_error"]


def test_feeds_list_and_history_tell_in_the_feed_left_it_and_taken_down_apart(
    runner, farm, server, tmp_path
):
    db = f"sqlite:///{tmp_path / 'w.db'}"
    feed = server.url("/rss.xml")
    assert invoke(runner, "fetch", "--db", db, "--feed", feed).exit_code == 0
    farm.feed_items["/rss.xml"] = ["/a/0.html", "/a/1.html", "/a/2.html"]  # /a/3 leaves
    farm.pages["/a/2.html"].status = 404
    farm.descriptions["/a/2.html"] = "changed, so the page is asked again"
    invoke(runner, "fetch", "--db", db, "--feed", feed)
    (listed,) = lines(invoke(runner, "feeds", "list", "--db", db, "--json").output)
    assert listed["articles"] == {"in_feed": 2, "left_feed": 1, "removed": 1}
    states = {
        path: lines(invoke(runner, "history", server.url(path), "--db", db, "--json").output)[-1][
            "article_state"
        ]
        for path in ("/a/0.html", "/a/2.html", "/a/3.html")
    }
    assert states == {"/a/0.html": "in_feed", "/a/2.html": "removed", "/a/3.html": "left_feed"}
    text = invoke(runner, "history", server.url("/a/3.html"), "--db", db).output
    assert text.splitlines()[-1].startswith(
        f"1 version of {server.url('/a/3.html')} (live; left its feed"
    )
    # it comes back: in the feed again
    farm.feed_items["/rss.xml"].append("/a/3.html")
    invoke(runner, "fetch", "--db", db, "--feed", feed)
    (listed,) = lines(invoke(runner, "feeds", "list", "--db", db, "--json").output)
    assert listed["articles"] == {"in_feed": 3, "left_feed": 0, "removed": 1}


def test_a_feed_served_cut_short_is_an_error_and_its_reports_stay_in_it(
    runner, farm, server, tmp_path
):
    """A feed whose XML breaks off in its first item was `ok` (a warning) with no entries: its
    reports all "left the feed" and `feeds list` showed nothing wrong."""
    db = f"sqlite:///{tmp_path / 'w.db'}"
    whole = farm.feed_xml("/rss.xml")
    assert invoke(runner, "fetch", "--db", db, "--feed", server.url("/rss.xml")).exit_code == 0
    cut = whole[: whole.index(b"<item>") + len(b"<item><tit")]
    server.route("/rss.xml", lambda _req, _h: Response(200, cut, {"Content-Type": "text/xml"}))
    result = invoke(runner, "fetch", "--db", db, "--feed", server.url("/rss.xml"), "--json")
    assert result.exit_code == 0
    (feed,) = [o for o in lines(result.output) if o["type"] == "feed"]
    assert feed["status"] == "error"
    assert feed["error"].startswith(
        f"{server.url('/rss.xml')}: malformed XML, no item or entry could be read: "
    )
    (listed,) = lines(invoke(runner, "feeds", "list", "--db", db, "--json").output)
    assert listed["articles"] == {"in_feed": 4, "left_feed": 0, "removed": 0}
    assert listed["error_count"] == 1 and listed["last_error"] == feed["error"]


HINTED = (
    '<?xml version="1.0"?><rss version="2.0" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">'
    "<channel><title>Hinted</title><sy:updatePeriod>hourly</sy:updatePeriod>"
    "<item><title>A</title><description>Text.</description><guid>a</guid></item>"
    "</channel></rss>"
)


def test_a_feeds_hint_shows_as_its_effective_interval_and_strict_interval_wins(
    runner, server, tmp_path
):
    url = server.static("/hinted.xml", HINTED, Cache_Control="max-age=600")
    db = f"sqlite:///{tmp_path / 'w.db'}"
    for strict in (False, True):
        config = tmp_path / f"{strict}.toml"
        config.write_text(
            f'[storage]\nurl = "{db}"\n[[feeds]]\nurl = "{url}"\ninterval = "10s"\n'
            f"strict_interval = {str(strict).lower()}\n"
        )
        assert invoke(runner, "fetch", "--config", str(config)).exit_code == 0
        (listed,) = lines(invoke(runner, "feeds", "list", "--db", db, "--json").output)
        assert listed["interval"] == "10s" and listed["strict_interval"] is strict
        if strict:
            assert listed["effective_interval"] == "10s"
            assert listed["interval_reason"] == "the configured interval"
        else:
            assert listed["effective_interval"] == "1h"
            assert listed["interval_reason"] == "the feed's sy:updatePeriod hourly"
        due = datetime.fromisoformat(listed["next_fetch_at"].replace("Z", "+00:00"))
        assert (due - datetime.now(UTC)).total_seconds() < (11 if strict else 3601)
        assert (due - datetime.now(UTC)).total_seconds() > (0 if strict else 3500)
    piped = invoke(runner, "feeds", "list", "--db", db).output
    assert piped.splitlines()[1].split("\t")[:3] == [url, "Hinted", "10s"]


def test_feed_text_fallbacks_are_counted_per_feed_in_fetch_and_feeds_list(
    runner, farm, server, tmp_path
):
    farm.pages["/a/1.html"].status = 500
    farm.pages["/a/2.html"].status = 404
    db = f"sqlite:///{tmp_path / 'w.db'}"
    feed = server.url("/rss.xml")
    out = lines(invoke(runner, "fetch", "--db", db, "--feed", feed, "--json").output)
    assert out[0]["fell_back"] == 2
    assert out[0]["fell_back_reasons"] == {"HTTP 500": 1, "HTTP 404": 1}
    assert out[-1]["fell_back"] == 2
    text = invoke(runner, "fetch", "--db", f"sqlite:///{tmp_path / 'x.db'}", "--feed", feed)
    assert (
        f"feed text {feed}: 2 entries took the feed's own text (page: HTTP 500 x1, HTTP 404 x1)"
        in text.output
    )
    assert "2 entries from the feed's text" in text.output.splitlines()[-1]
    (listed,) = lines(invoke(runner, "feeds", "list", "--db", db, "--json").output)
    assert (listed["entries"], listed["fell_back"]) == (4, 2)
    piped = invoke(runner, "feeds", "list", "--db", db).output.splitlines()
    assert len(piped) == 2 and piped[1].startswith(f"{feed}\t")
    assert piped[1].endswith(
        "2 of 4 entries took the feed's own text (page: HTTP 500 x1, HTTP 404 x1)"
    )
