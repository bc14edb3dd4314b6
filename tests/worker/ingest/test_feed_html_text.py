"""An entry's HTML made plain text by html_to_text alone (feedparser no longer sanitizes it).

Real markup from /work/shared/corpus/articles/ronnywang-newsdiff-zh-tw (github.com/ronnywang/
newsdiff @07daf120, BSD; Taiwanese news pages of 2013-2014):

- Chinatimes__260115.html opens its body with Google Tag Manager's `<noscript><iframe ...>
  </iframe></noscript>` and then its `<script>`. html_to_text dropped the noscript while
  walking the tree, the walk ended inside the dropped subtree, and the script's code stayed in
  the text (a JSON Feed's content_html always took this path; RSS and Atom entries only once
  feedparser stopped sanitizing them).
- Libertytimes__20130813t3.html ends a paragraph with a stray U+0008: lxml keeps it in a text
  but refuses to set such a text back, so parsing a feed with it raised ValueError and the pass
  lost the whole feed (tests/worker/ingest/test_hostile_feeds.py runs it through `fetch`).
"""

from __future__ import annotations

import json
from xml.sax.saxutils import escape

from worker.ingest.extract import html_to_text
from worker.ingest.parse import parse_feed

# Chinatimes__260115.html, the first lines of its <body>
TAG_MANAGER = (
    "<noscript>\n"
    '        <iframe src="//www.googletagmanager.com/ns.html?id=GTM-9FG3" height="0" width="0"\n'
    '            style="display: none; visibility: hidden"></iframe>\n'
    "    </noscript>\n"
    "    <script>        (function (w, d, s, l, i) {\n"
    "            w[l] = w[l] || []; w[l].push({ 'gtm.start':\n"
    "    new Date().getTime(), event: 'gtm.js'\n"
    "            }); var f = d.getElementsByTagName(s)[0],\n"
    "    j = d.createElement(s), dl = l != 'dataLayer' ? '&l=' + l : ''; j.async = true; j.src =\n"
    "    '//www.googletagmanager.com/gtm.js?id=' + i + dl; f.parentNode.insertBefore(j, f);\n"
    "        })(window, document, 'script', 'dataLayer', 'GTM-9FG3');</script>"
)
REPORT = "<p>草間彌生 高雄築夢</p>"
# Libertytimes__20130813t3.html, one paragraph as published (the U+0008 before </p>)
BACKSPACED = (
    "<p>何永生說，身為改變推動者的小勞勃道尼，發現以HTC這三個英文字母為首，能排列出各式各樣"
    "詞彙組合，將廣泛引起消費者的興趣與討論。因此廣告影片將會呈現HTC在英文字母中代表的無限可能，"
    "如巨型錫箔遊艇（Humongous Tinfoil Catamaran）、潮怪洗車（Hipster Troll Carwash）等充滿創意"
    "的多樣發想。\x08</p>\n"
)


def rss_with(description_html: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire</title>'
        "<item><guid>r-1</guid><title>Report</title><link>http://example.org/r/1</link>"
        f"<description>{escape(description_html)}</description></item></channel></rss>"
    ).encode()


def test_a_script_after_a_noscript_holding_an_iframe_leaves_no_code_in_the_text() -> None:
    assert html_to_text(TAG_MANAGER + REPORT) == "草間彌生 高雄築夢"


def test_a_json_feeds_html_and_an_rss_description_give_the_report_without_its_scripts() -> None:
    json_feed = json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "Wire",
            "items": [{"id": "r-1", "content_html": TAG_MANAGER + REPORT}],
        }
    ).encode()
    for body in (json_feed, rss_with(TAG_MANAGER + REPORT)):
        (entry,) = parse_feed(body, "http://example.org/feed").entries
        assert entry.content == "草間彌生 高雄築夢"


def test_a_stray_control_character_in_a_paragraph_is_read_not_a_crash() -> None:
    text = html_to_text(BACKSPACED + "<p>宏達電HTC昨推出全球品牌行銷計畫</p>")
    assert text.startswith("何永生說，身為改變推動者的小勞勃道尼")
    assert text.endswith("等充滿創意的多樣發想。\x08\n\n宏達電HTC昨推出全球品牌行銷計畫")
    (entry,) = parse_feed(rss_with(BACKSPACED), "http://example.org/feed").entries
    assert entry.content.endswith("潮怪洗車（Hipster Troll Carwash）等充滿創意的多樣發想。\x08")
