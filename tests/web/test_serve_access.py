"""Who may read: an open bind needs a token (refused with one line and exit 2 without one),
and with a token every page needs it (Bearer, Basic, or the login form's cookie). And the
same pages over a PostgreSQL store."""

from __future__ import annotations

import base64
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner, Result

from tests.support.alerting import json_lines, run_cli
from tests.support.httpserver import LocalServer
from tests.support.newsroom import build
from tests.web.conftest import REPO, serve_env, start_serve
from worker.cli import cli

TOKEN = "a-long-enough-test-token-0123456789"


def serve_once(args: list[str], tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """`wirediff serve` expected to refuse before it listens."""
    return subprocess.run(
        [sys.executable, "-m", "worker", "serve", "--db", f"sqlite:///{tmp_path / 's.db'}", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**serve_env(**env), "WIREDIFF_HOME": str(tmp_path)},
        timeout=60,
    )


def test_an_open_bind_without_a_token_is_refused_with_one_line(tmp_path: Path) -> None:
    result = serve_once(["--bind", "0.0.0.0:0"], tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("wirediff: error: serve: ")
    assert "not a loopback address" in line and "WIREDIFF_UI_TOKEN" in line


def serve_in_process(tmp_path: Path, *args: str, **env: str | None) -> Result:
    """The same command in this process (quicker): for refusals that happen before listening."""
    db = f"sqlite:///{tmp_path / 's.db'}"
    return CliRunner().invoke(
        cli, ["serve", "--db", db, *args], env={"WIREDIFF_UI_TOKEN": None, **env}
    )


@pytest.mark.parametrize("bind", ["[::]:0", "example.org:8080", "192.168.1.20:8080"])
def test_no_open_address_is_served_without_a_token(tmp_path: Path, bind: str) -> None:
    result = serve_in_process(tmp_path, "--bind", bind)
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert "not a loopback address" in line


def test_the_refusal_names_the_configured_variable_and_bind(tmp_path: Path) -> None:
    config = tmp_path / "wirediff.toml"
    config.write_text('[serve]\nbind = "0.0.0.0:0"\ntoken_env = "DESK_UI_TOKEN"\n')
    result = serve_in_process(tmp_path, "--config", str(config), DESK_UI_TOKEN=None)
    assert result.exit_code == 2
    assert "0.0.0.0:0 is not a loopback address" in result.stderr
    assert "DESK_UI_TOKEN" in result.stderr


@pytest.mark.parametrize(
    ("args", "env", "words"),
    [
        (["--bind", "0.0.0.0:0"], {"WIREDIFF_UI_TOKEN": "short"}, "shorter than 16"),
        (["--bind", "localhost"], {}, "expected HOST:PORT"),
        (["--bind", "127.0.0.1:99999"], {}, "expected HOST:PORT"),
    ],
)
def test_bad_serve_settings_are_usage_errors(
    tmp_path: Path, args: list[str], env: dict[str, str], words: str
) -> None:
    result = serve_in_process(tmp_path, *args, **env)
    assert result.exit_code == 2, result.output
    [line] = result.stderr.splitlines()
    assert words in line


def test_a_bad_serve_table_in_the_config_is_a_usage_error(tmp_path: Path) -> None:
    config = tmp_path / "wirediff.toml"
    config.write_text("[serve]\nbind = 8080\n")
    result = run_cli(["serve", "--config", str(config)])
    assert result.exit_code == 2
    assert "[serve] bind: expected HOST:PORT" in result.output and "8080" in result.output


def test_with_a_token_every_page_needs_it(tmp_path: Path) -> None:
    log = tmp_path / "serve.log"
    served = start_serve(
        f"sqlite:///{tmp_path / 's.db'}",
        log,
        "--token-env",
        "DESK_TOKEN",
        env=serve_env(DESK_TOKEN=TOKEN),
    )
    try:
        with served.client() as anonymous:
            for path in ("/", "/changes.json", "/changes.atom", "/feeds", "/reports?url=x"):
                refused = anonymous.get(path)
                assert refused.status_code == 401, path
                assert "Bearer" in refused.headers["www-authenticate"]
            to_login = anonymous.get("/feeds?x=1", headers={"Accept": "text/html"})
            assert to_login.status_code == 303
            assert to_login.headers["location"] == "/login?next=%2Ffeeds%3Fx%3D1"
            assert anonymous.get("/static/style.css").status_code == 200  # the login page's style
            assert anonymous.get("/", headers={"Authorization": "Bearer wrong"}).status_code == 401
            basic = base64.b64encode(f"reader:{TOKEN}".encode()).decode()
            assert (
                anonymous.get("/feeds", headers={"Authorization": f"Basic {basic}"}).status_code
                == 200
            )
            assert (
                anonymous.get("/", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
            )
            # a token guards the pages, so the loopback Host rule is not needed (reverse proxies)
            proxied = anonymous.get(
                "/", headers={"Authorization": f"Bearer {TOKEN}", "Host": "wirediff.example.org"}
            )
            assert proxied.status_code == 200
            assert "private" in proxied.headers["cache-control"]
        with served.client() as browser:
            failed = browser.post("/login", data={"token": "wrong", "next": "/feeds"})
            assert failed.status_code == 401 and "not right" in failed.text
            assert "wirediff_session" not in browser.cookies
            signed_in = browser.post("/login", data={"token": TOKEN, "next": "/feeds"})
            assert signed_in.status_code == 303 and signed_in.headers["location"] == "/feeds"
            cookie = signed_in.headers["set-cookie"]
            assert "HttpOnly" in cookie and "SameSite=strict" in cookie and TOKEN not in cookie
            assert browser.get("/feeds").status_code == 200
        with served.client() as other:
            away = other.post("/login", data={"token": TOKEN, "next": "//evil.example/"})
            assert away.headers["location"] == "/"
            huge = other.post("/login", data={"token": "x" * 100_000})
            assert huge.status_code == 413
    finally:
        assert served.stop() == 0


@pytest.mark.postgres
def test_the_pages_over_a_postgresql_store(pg_url: str, tmp_path: Path) -> None:
    farm = LocalServer().start()
    try:
        room = build(farm, tmp_path, pg_url)
    finally:
        farm.stop()
    served = start_serve(pg_url, tmp_path / "serve.log")
    try:
        cli = json_lines(run_cli(["changes", "--json", "--db", pg_url]).stdout)
        with served.client() as client:
            web = client.get("/changes.json").json()["changes"]
            assert {e["id"]: e for e in web} == {e["id"]: e for e in cli}
            assert [e["id"] for e in web] == [
                e["id"]
                for e in sorted(cli, key=lambda e: (e["detected_at"], e["id"]), reverse=True)
            ]
            person = client.get("/changes.json", params={"person": "蔡奇"}).json()["changes"]
            assert {e["article"]["url"] for e in person} == {
                room.pages["zh"],
                room.pages["conference"],
            }
            shouty = client.get("/changes.json", params={"q": "STORM"}).json()["changes"]
            assert [e["kind"] for e in shouty] == ["title"]  # case ignored on PostgreSQL too
            paged, url = [], "/changes.json?limit=3"
            while url:
                body = client.get(url).json()
                paged += [e["id"] for e in body["changes"]]
                url = body["next"]
            assert paged == [e["id"] for e in web]
            for path in (f"/changes/{web[0]['id']}", "/feeds", f"/reports?url={room.pages['zh']}"):
                assert client.get(path).status_code == 200, path
            assert httpx.get(served.url + "/changes.atom", timeout=30).status_code == 200
    finally:
        assert served.stop() == 0


def test_serve_help_says_what_it_shows_and_how_it_is_guarded() -> None:
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    for words in ("Read-only web pages", "--bind HOST:PORT", "--token-env NAME", "/changes.atom"):
        assert words in result.output


async def test_a_store_that_is_down_is_a_503_naming_it(tmp_path: Path) -> None:
    from storage.db import Store
    from worker.detect.roster import Roster
    from worker.web.app import create_app

    # a PostgreSQL server that does not listen: every read fails as the store being down
    store = Store("postgresql+psycopg://nobody@127.0.0.1:1/gone")
    app = create_app(store, Roster.empty())
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
        page = await client.get("/")
        data = await client.get("/changes.json")
    assert page.status_code == 503 and "127.0.0.1:1" in page.text
    assert data.status_code == 503 and data.json()["error"].startswith("store postgresql")
