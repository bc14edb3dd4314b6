"""Credentials in feed and webhook URLs never reach a log line or an output.

A private feed reached as http://reader:PASSWORD@host/feed?token=TOKEN (with relative links,
so its articles' URLs carry the credentials too) and a webhook at
http://user:PASSWORD@host/hook?token=TOKEN, through the real `wirediff -vv fetch` (httpx logs
every request at that level), then every command that prints them.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from tests.support.alerting import SECRET, SECRET_ENV, Hook, Mail, json_lines, run_cli, write_config
from tests.support.cli_process import wirediff
from tests.support.farm import REPORT, Farm
from tests.support.httpserver import LocalServer, Request, Response

SECRETS = ("hunter2", "feed-t0ken", "hookpass", "hook-t0ken")


def private_feed(farm: Farm, server: LocalServer) -> None:
    farm.add_page("/a/1.html", "Private report", ["Story one.", *REPORT])

    def serve(req: Request, _h: object) -> Response:
        first = html.escape(farm.pages["/a/1.html"].paragraphs[0])
        body = (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Private wire</title>'
            "<link>/</link><description>d</description><item><title>Private report</title>"
            f"<link>/a/1.html</link><description>{first}</description></item></channel></rss>"
        )
        return Response(200, body.encode(), {"Content-Type": "application/rss+xml"})

    server.route("/private.xml", serve)


def test_credentials_are_masked_in_logs_outputs_and_alerts(
    server: LocalServer, tmp_path: Path
) -> None:
    farm = Farm(server)
    private_feed(farm, server)
    host = server.base.removeprefix("http://")
    feed = f"http://reader:hunter2@{host}/private.xml?token=feed-t0ken&page=1"
    hook_url = f"http://hookuser:hookpass@{host}/hook?token=hook-t0ken"
    mail, hook = Mail().start(), Hook(server)
    try:
        config = write_config(
            tmp_path,
            f"sqlite:///{tmp_path / 'w.db'}",
            feed,
            mail=mail,
            extra=(
                f'[[alerts]]\ntype = "webhook"\nname = "hook"\nurl = "{hook_url}"\n'
                f'secret_env = "{SECRET_ENV}"\ntimeout = 5\n'
            ),
        )
        env = {SECRET_ENV: SECRET, "WIREDIFF_HOME": str(tmp_path / "home")}
        first = wirediff("-vv", "fetch", "--config", str(config), "--json", env=env)
        assert first.returncode == 0, first.stderr
        page = farm.pages["/a/1.html"]
        page.paragraphs[0] = "Story one, edited."
        second = wirediff("-vv", "fetch", "--config", str(config), "--json", env=env)
        assert second.returncode == 0, second.stderr
        assert len(hook.received) == 1 and len(mail.messages()) == 1

        logs = first.stderr + second.stderr
        # httpx logged each request, with the credentials masked
        assert f"HTTP Request: GET http://reader:***@{host}/private.xml?token=***&page=1" in logs
        assert f"HTTP Request: POST http://hookuser:***@{host}/hook?token=***" in logs
        fetched = json_lines(second.stdout)
        assert fetched[0]["url"] == f"http://reader:***@{host}/private.xml?token=***&page=1"
        (change,) = [o for o in fetched if o["type"] == "change"]
        article = f"http://reader:***@{host}/a/1.html"
        assert change["article"]["url"] == article

        outputs = {
            "fetch": first.stdout + second.stdout + logs,
            "feeds list": run_cli(
                ["feeds", "list", "--config", str(config)], {"COLUMNS": "300"}
            ).output,
            "feeds list --json": run_cli(
                ["feeds", "list", "--config", str(config), "--json"]
            ).output,
            "changes": run_cli(["changes", "--config", str(config)]).output,
            "changes --json": run_cli(["changes", "--config", str(config), "--json"]).output,
            "webhook body": json.dumps(hook.received),
            "mail": "\n".join(m.as_string() for m in mail.messages()),
        }
        for where, text in outputs.items():
            for secret in SECRETS:
                assert secret not in text, f"{secret} in {where}"
        assert f"reader:***@{host}/private.xml?token=***" in outputs["feeds list"]
        assert hook.received[0]["event"]["feed"]["url"].endswith("private.xml?token=***&page=1")

        # The masked article URL, as printed, still finds the report.
        history = run_cli(["history", article, "--config", str(config)])
        assert history.exit_code == 0 and "2 versions" in history.output, history.output
    finally:
        mail.stop()
