"""JSON Feed's content_text and titles are plain text: a real feed on 127.0.0.1, the real
`wirediff fetch`, and what `wirediff diff` shows of the stored versions."""

from __future__ import annotations

import json

from click.testing import CliRunner

from tests.support.httpserver import LocalServer, Request, Response
from worker.cli import cli

TEXT = "Profits of x<y AT&amp;T rose by 5%; a <b> is not bold here."


def json_feed(text: str, title: str) -> bytes:
    item = {
        "id": "r-1",
        "url": "http://example.org/r/1",
        "title": title,
        "content_text": text,
    }
    doc = {"version": "https://jsonfeed.org/version/1.1", "title": "Wire <JSON>", "items": [item]}
    return json.dumps(doc).encode()


def test_content_text_and_titles_keep_every_character(server: LocalServer, tmp_path) -> None:
    bodies = [json_feed(TEXT, "x<y & AT&amp;T"), json_feed(TEXT.replace("rose", "fell"), "x<y")]

    def feed(_request: Request, _raw: object) -> Response:
        return Response(200, bodies[0], {"Content-Type": "application/feed+json"})

    url = server.route("/feed.json", feed)
    db = f"sqlite:///{tmp_path / 'w.db'}"
    config = tmp_path / "wirediff.toml"
    config.write_text(
        f'[storage]\nurl = "{db}"\n[fetch]\nrevisit = []\n'
        f'[[feeds]]\nurl = "{url}"\nfollow_links = false\n'
    )
    runner = CliRunner()
    for _edit in range(2):  # the first version, then an edit of the item
        result = runner.invoke(cli, ["fetch", "--config", str(config), "--json"])
        assert result.exit_code == 0, result.output
        del bodies[0]

    history = runner.invoke(cli, ["history", "http://example.org/r/1", "--db", db, "--json"])
    titles = [json.loads(line)["title"] for line in history.output.splitlines()]
    assert titles == ["x<y & AT&amp;T", "x<y"]
    shown = runner.invoke(
        cli, ["diff", "http://example.org/r/1", "--db", db, "--from", "1", "--to", "2"]
    )
    assert shown.exit_code == 0, shown.output
    assert "x<y AT&amp;T" in shown.output and "a <b> is not bold" in shown.output
