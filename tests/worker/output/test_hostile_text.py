"""Titles that carry console markup and terminal escape sequences, end to end.

A real feed and page on 127.0.0.1 whose titles hold rich markup ("[/b] [link=...]"), ESC[2J,
an OSC 8 hyperlink, a colour code, BEL, NUL and U+202E; a real fetch, an edit, a second fetch
that alerts through a real SMTP server and a webhook receiver. Then what a user sees: `feeds
list`, `changes`, `history` piped and on a real terminal (a pty), `changes --json`, the mail's
headers and the webhook body. Text from feeds is shown, never interpreted or executed.
"""

from __future__ import annotations

import html
import json
import os
import pty
import subprocess
import sys
import unicodedata
from pathlib import Path

from tests.support.alerting import Hook, Mail, json_lines, run_cli, write_config
from tests.support.farm import REPORT, Farm
from tests.support.httpserver import LocalServer, Request, Response

ROOT = Path(__file__).resolve().parents[3]
MARKUP = "Evil [/b] [link=https://evil.example/]click[/link]"
HOSTILE = (
    f"{MARKUP} \x1b[2J\x1b]8;;https://evil.example/\x1b\\OSC link\x1b]8;;\x1b\\ "
    "\x1b[31mred\x07 nul\x00 \u202egnp.exe"
)
# What must never reach a terminal, a header or a log: the sequences and the raw controls.
EXECUTABLE = ("\x1b", "\x07", "\x00", "\u202e", "\x9b")


def hostile_feed(farm: Farm, server: LocalServer) -> str:
    """An RSS feed whose channel and item titles are HOSTILE (raw, so the XML is recovered)."""

    def serve(req: Request, _h: object) -> Response:
        link = server.url("/a/1.html")
        body = (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{HOSTILE}</title><link>{server.base}/</link><description>d</description>"
            f"<item><title>{html.escape(HOSTILE)}</title><link>{link}</link><guid>{link}</guid>"
            f"<description>{html.escape(farm.pages['/a/1.html'].paragraphs[0])}</description>"
            "</item></channel></rss>"
        )
        return Response(200, body.encode(), {"Content-Type": "application/rss+xml"})

    farm.add_page("/a/1.html", HOSTILE, [f"Story of {HOSTILE}.", *REPORT])
    return server.route("/hostile.xml", serve)


def assert_inert(text: str, where: str) -> None:
    for char in EXECUTABLE:
        assert char not in text, f"{where}: {char!r} reached the output"


def on_a_terminal(args: list[str], env: dict[str, str]) -> str:
    """Run `wirediff ARGS` with stdout and stderr on a pseudo-terminal; everything it wrote."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "worker", *args],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        stdout=slave,
        stderr=slave,
        env={**os.environ, **env, "TERM": "xterm-256color", "COLUMNS": "400"},
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    assert proc.wait(30) == 0, b"".join(chunks).decode(errors="replace")
    return b"".join(chunks).decode("utf-8", errors="replace")


def test_markup_and_escape_sequences_in_titles_are_shown_never_interpreted(
    server: LocalServer, tmp_path: Path
) -> None:
    farm = Farm(server)
    feed = hostile_feed(farm, server)
    mail, hook = Mail().start(), Hook(server)
    try:
        db = f"sqlite:///{tmp_path / 'w.db'}"
        # the feed has no configured name, so `feeds list` shows its hostile channel title
        config = write_config(tmp_path, db, server.url("/none.xml"), mail=mail, hook=hook)
        config.write_text(
            config.read_text()
            .replace(server.url("/none.xml"), feed)
            .replace('name = "Test wire"\n', "")
        )
        first = run_cli(["fetch", "--config", str(config)])
        assert first.exit_code == 0, first.output
        page = farm.pages["/a/1.html"]
        page.paragraphs[0] = page.paragraphs[0].replace("Story of", "The story of")
        second = run_cli(["fetch", "--config", str(config)])
        assert second.exit_code == 0, second.output
        assert_inert(first.output + second.output, "fetch")
        assert "␛[2J" in second.output  # the change line shows the title, visibly

        # `feeds list` no longer crashes on markup: the title is printed as written.
        listed = run_cli(["feeds", "list", "--config", str(config)], env={"COLUMNS": "400"})
        assert listed.exit_code == 0, listed.output
        assert MARKUP in listed.output and "<U+202E>gnp.exe" in listed.output
        assert_inert(listed.output, "feeds list")

        changes = run_cli(["changes", "--config", str(config)])
        assert changes.exit_code == 0 and "1 change\n" in changes.output
        assert "␛[2J␛]8;;https://evil.example/␛\\OSC link" in changes.output
        assert_inert(changes.output, "changes")
        history = run_cli(["history", server.url("/a/1.html"), "--config", str(config)])
        assert history.exit_code == 0 and "2 versions" in history.output
        assert_inert(history.output, "history")
        for fmt in ("text", "html"):
            diff = run_cli(
                ["diff", server.url("/a/1.html"), "--config", str(config), "--format", fmt]
            )
            assert diff.exit_code == 0 and "[link=https://evil.example/]" in diff.output
            assert_inert(diff.output, f"diff --format {fmt}")

        # JSON keeps the text exactly, with the dangerous characters as JSON escapes.
        as_json = run_cli(["changes", "--config", str(config), "--json"])
        assert_inert(as_json.output, "changes --json")
        (event,) = json_lines(as_json.output)
        assert event["article"]["title"].startswith(f"{MARKUP} \x1b[2J")
        assert "\u202egnp.exe" in event["article"]["title"]

        # The mail: no control character in any header; the subject shows them as symbols.
        (message,) = mail.messages()
        for name, value in message.items():
            assert not any(unicodedata.category(c) in ("Cc", "Cf") for c in str(value)), name
        assert message["Subject"].startswith(f"[wirediff] wording: {MARKUP} ␛[2J")
        assert "<U+202E>gnp.exe" in message["Subject"]
        for part in message.walk():
            if part.get_content_maintype() == "text":
                assert_inert(part.get_content(), f"mail {part.get_content_type()}")
        # The webhook body is JSON: the same text, nothing a terminal would act on left raw.
        (attempt,) = hook.attempts
        assert_inert(attempt.body.decode("utf-8"), "webhook body")
        assert json.loads(attempt.body)["article"]["title"] == event["article"]["title"]

        # On a real terminal (rich writes colour there) the feed's sequences stay inert too.
        env = {"WIREDIFF_CONFIG": str(config), "WIREDIFF_HOME": str(tmp_path / "home")}
        for args in (["changes"], ["feeds", "list"]):
            shown = on_a_terminal(args, env)
            assert "␛[2J" in shown, shown
            for sequence in ("\x1b[2J", "\x1b]8;", "\x1b[31m", "\x07", "\u202e"):
                assert sequence not in shown, (args, sequence)
    finally:
        mail.stop()
