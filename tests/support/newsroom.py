"""A small newsroom on the test server, fetched by the real `wirediff fetch` into a store:
every kind of change the web pages show, alert deliveries sent and failing, and one report
whose title and body carry script, event-handler and javascript: markup as text.

Used by the web tests and by docs/screenshots.py (the README's screenshots).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tests.support.alerting import Hook, json_lines, run_cli, write_config
from tests.support.farm import REPORT, Farm
from tests.support.httpserver import LocalServer, Response

# The farm escapes titles once more, and feedparser decodes twice: the stored title is the
# markup as text, <script>... (as in tests/alerts/test_e2e.py)
HOSTILE_TITLE = '&lt;script&gt;alert("title")&lt;/script&gt; Minister &lt;img src=x onerror=alert(1)&gt; resigns'
SHOWN_HOSTILE_TITLE = (
    '<script>alert("title")</script> Minister <img src=x onerror=alert(1)> resigns'
)
JS_LINK = "javascript:alert(document.domain)"
HOSTILE_BODY = [
    "Officials said <script>alert(2)</script> the minister resigned on Monday.",
    'Details: <img src=x onerror="alert(3)"> and <a href="javascript:alert(4)">the statement</a>.',
    "The ministry confirmed the resignation in a short statement to reporters in the capital.",
]

CONFERENCE = [
    "Beijing, 12 Dec (Xinhua) -- The Central Economic Work Conference was held in Beijing "
    "from 28 to 12 December. Xi Jinping delivered an important speech at the meeting.",
    "Li Qiang, Zhao Leji, Wang Huning, Cai Qiding, Xue Xiang and Li Xi attended the meeting.",
    *REPORT[2:],
]
ZH_MEETING = [
    "新华社北京12月12日电 中央经济工作会议12月11日至12日在北京举行。习近平出席会议并发表重要讲话。",
    "李强、赵乐际、王沪宁、蔡奇、丁薛祥、李希出席会议。",
    "会议认为，今年经济运行总体平稳，就业和物价基本稳定，高质量发展扎实推进。",
]


@dataclass
class Newsroom:
    server: LocalServer
    db_url: str
    config: Path
    farm: Farm
    feeds: dict[str, str] = field(default_factory=dict)  # name -> feed URL
    pages: dict[str, str] = field(default_factory=dict)  # name -> article URL

    def fetch(self) -> list[dict[str, object]]:
        result = run_cli(["fetch", "--config", str(self.config), "--json"], QUICK_RETRY)
        assert result.exit_code == 0, result.output
        return json_lines(result.stdout)


QUICK_RETRY = {"WIREDIFF_ALERT_RETRY_FIRST": "1h", "WIREDIFF_ALERT_RETRY_CAP": "1h"}


def build(server: LocalServer, tmp_path: Path, db_url: str) -> Newsroom:
    """Three passes of `wirediff fetch`: first versions, edits, then a takedown's return."""
    farm = Farm(server)
    en = {
        "conference": (
            "/en/2026/conference.html",
            "Central Economic Work Conference held in Beijing",
            CONFERENCE,
        ),
        "economy": (
            "/en/2026/economy.html",
            "Economy grew 5.2 percent, meeting says",
            list(REPORT),
        ),
        "takedown": (
            "/en/2026/takedown.html",
            "Provincial official under investigation",
            [
                "A provincial official is under investigation for serious violations of discipline.",
                "The official had served as vice governor since 2021, the commission said.",
            ],
        ),
        "hostile": ("/en/2026/hostile.html", HOSTILE_TITLE, list(HOSTILE_BODY)),
    }
    room = Newsroom(server, db_url, tmp_path / "wirediff.toml", farm)
    for name, (path, title, paragraphs) in en.items():
        room.pages[name] = farm.add_page(path, title, list(paragraphs))
    room.pages["zh"] = farm.add_page(
        "/zh/2026/meeting.html", "中央经济工作会议在北京举行", list(ZH_MEETING)
    )
    room.pages["title"] = farm.add_page(
        "/wire/2026/storm.html",
        "Storm hits coast",
        [
            "A storm hit the coast on Tuesday, cutting power to thousands of homes.",
            "Rescue teams were sent to the worst-hit towns, officials said.",
        ],
    )
    room.feeds["Xinhua English"] = farm.add_feed("/xinhua.xml", [p for p, _, _ in en.values()])
    room.feeds["人民网 时政"] = farm.add_feed("/renmin.xml", ["/zh/2026/meeting.html"])
    room.feeds["Test wire"] = farm.add_feed("/wire.xml", ["/wire/2026/storm.html"])
    room.feeds["Hostile wire"] = _hostile_feed(server)
    hook = Hook(server)
    server.route("/hook-down", lambda req, h: Response(503, b"receiver down"))
    extra = (
        f'[[alerts]]\ntype = "webhook"\nname = "backup-hook"\nurl = "{server.url("/hook-down")}"\n'
        'secret_env = "WD_TEST_HOOK_SECRET"\ntimeout = 5\nkinds = ["attendees"]\n'
    )
    for name, url in room.feeds.items():
        if name != "Test wire":
            follow = "false" if name == "Hostile wire" else "true"
            extra += (
                f'[[feeds]]\nurl = "{url}"\nname = "{name}"\ninterval = "1m"\n'
                f"follow_links = {follow}\n"
            )
    room.config = write_config(tmp_path, db_url, room.feeds["Test wire"], hook=hook, extra=extra)

    room.fetch()  # first versions: nothing to report yet
    pages = farm.pages
    conf = pages["/en/2026/conference.html"]
    conf.paragraphs[0] = conf.paragraphs[0].replace(
        "from 28 to 12 December", "from 11 to 12 December"
    )
    conf.paragraphs[1] = (
        "Li Qiang, Zhao Leji, Wang Huning, Cai Qi, Ding Xuexiang and Li Xi attended the meeting."
    )
    eco = pages["/en/2026/economy.html"]
    eco.paragraphs[2] = eco.paragraphs[2].replace("5.2 percent", "4.9 percent")
    eco.paragraphs[2], eco.paragraphs[3] = eco.paragraphs[3], eco.paragraphs[2]
    pages["/en/2026/hostile.html"].paragraphs[2] = (
        "The ministry denied <script>alert(5)</script> the resignation in a statement."
    )
    pages["/zh/2026/meeting.html"].paragraphs[1] = "李强、赵乐际、王沪宁、蔡奇、李希出席会议。"
    pages["/wire/2026/storm.html"].title = "Storm kills two, cuts power to thousands"
    pages["/en/2026/takedown.html"].status = 404
    HOSTILE_ITEM["text"] = HOSTILE_ITEM["text"].replace("first", "second")
    for path in farm.pages:
        farm.descriptions[path] = "edited"  # the feed item changes, so every page is fetched again
    room.fetch()
    pages["/en/2026/takedown.html"].status = 200
    farm.descriptions["/en/2026/takedown.html"] = "back again"
    room.fetch()
    return room


# A feed read without following links, whose one item links to javascript: and whose title
# and text carry markup as text (escaped twice, so it survives feedparser's sanitizer).
HOSTILE_ITEM = {
    "text": "The first &amp;lt;img src=x onerror=alert(6)&amp;gt; statement was "
    "&amp;lt;a href=&amp;quot;javascript:alert(7)&amp;quot;&amp;gt;here&amp;lt;/a&amp;gt; today."
}


def _hostile_feed(server: LocalServer) -> str:
    def serve(req: object, handler: object) -> Response:
        body = (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            "<title>Hostile wire &amp;lt;script&amp;gt;alert(8)&amp;lt;/script&amp;gt;</title>"
            "<link>http://127.0.0.1/</link><description>d</description>"
            "<item><title>&amp;lt;script&amp;gt;alert(9)&amp;lt;/script&amp;gt; Statement</title>"
            f'<link>{JS_LINK}</link><guid isPermaLink="false">hostile-statement</guid>'
            f"<description>{HOSTILE_ITEM['text']}</description></item></channel></rss>"
        )
        return Response(200, body.encode(), {"Content-Type": "application/rss+xml"})

    return server.route("/hostile.xml", serve)
