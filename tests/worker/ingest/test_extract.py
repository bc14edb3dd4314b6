"""Article extraction on real news pages (trafilatura eval snippets) and feed HTML to text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from worker.errors import ExtractError
from worker.ingest.extract import EXTRACTOR_VERSION, extract_article, html_to_text

PAGES = Path(__file__).parents[2] / "data" / "pages"

CASES = [
    (
        "xinhuanet.com.c_1125597921.html",
        "http://www.xinhuanet.com/local/2020-02/19/c_1125597921.htm",
        ["2月17日", "能过关。", "萧海川"],
        ["纠错", "关注新华网", "半月谈"],
    ),
    (
        "archive.org.he.xinhuanet.com.25340717.html",
        "https://web.archive.org/web/20120611024252/http://www.he.xinhuanet.com/news/2012-06/04/content_25340717.htm",
        [
            "一个约定，信守15年，感人至深；一段真情，延续15年",
            "秦皇岛、承德、张家口等10个设区市演出(此前已在保定市演出多场)，引起强烈反响。",
        ],
        ["copyright (c) 2000", "ICP证010042号", "河北探索农村劳动力就地就近转移培训"],
    ),
    (
        "nhk.or.jp.k100.html",
        "https://www3.nhk.or.jp/news/easy/k10011959621000/k10011959621000.html",
        ["法律では虐待をした親に専門家が子どもの育て方を"],
        ["Copyright NHK (Japan Broadcasting Corporation)."],
    ),
    (
        "dw.com-elephants.html",
        "https://www.dw.com/fr/a-6533123",
        ["24 milliards de tonnes", "d'une étude menée"],
        ["et vidéos sur le sujet", "Permalien"],
    ),
]


@pytest.mark.parametrize(("name", "url", "must", "must_not"), CASES, ids=[c[0] for c in CASES])
def test_main_text_is_extracted_without_boilerplate(name, url, must, must_not) -> None:
    result = extract_article((PAGES / name).read_bytes(), url)
    for snippet in must:
        assert snippet in result.text
    for snippet in must_not:
        assert snippet not in result.text
    assert result.extractor == "trafilatura" and result.extractor_version == EXTRACTOR_VERSION


def test_gb2312_page_without_http_charset_decodes() -> None:
    # the page's charset is only in a <meta> tag; the title comes from the feed, not the page
    result = extract_article((PAGES / CASES[1][0]).read_bytes(), CASES[1][1])
    assert "约定无期限" in result.text and "\ufffd" not in result.text


@pytest.mark.parametrize(
    "page",
    [
        b"",
        b"   ",
        b"<html><head><title>Home</title></head><body><img src=a.png></body></html>",
        bytes(range(256)) * 10,
    ],
    ids=["empty", "blank", "no-text", "binary"],
)
def test_pages_without_main_text_raise_extract_error(page: bytes) -> None:
    with pytest.raises(ExtractError, match=r"^https://example\.org/a: ") as info:
        extract_article(page, "https://example.org/a")
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(
    ("fragment", "text"),
    [
        ("<p>One <b>two</b></p><p>Three</p>", "One two\n\nThree"),
        ("<p>Line<br/>break</p>", "Line\nbreak"),
        ("A &amp; B", "A & B"),
        ("<div>x<script>alert(1)</script><style>p{}</style></div>tail", "x\n\ntail"),
        ("<ul><li>Li Qiang</li><li>Zhao Leji</li></ul>", "Li Qiang\n\nZhao Leji"),
        ("<p>赵乐际、王沪宁出席会议</p>", "赵乐际、王沪宁出席会议"),
        ("", ""),
        ("<?xml version='1.0'?><p>x</p>", "x"),
    ],
)
def test_html_to_text_keeps_paragraphs(fragment: str, text: str) -> None:
    assert html_to_text(fragment) == text


@pytest.mark.parametrize("name", [c[0] for c in CASES])
def test_plain_element_classes_extract_what_lxml_html_classes_do(name: str) -> None:
    # trafilatura's parser makes plain HtmlElements (no Python call per element, issue 10):
    # the same text and title as with lxml.html's own per-tag classes, forms included (the
    # xinhuanet and dw.com pages hold <form>, <input> and <select>)
    import lxml.html
    import trafilatura.utils

    from worker.ingest import extract

    page, url = (PAGES / name).read_bytes(), dict((c[0], c[1]) for c in CASES)[name]
    plain = extract_article(page, url)
    parser = trafilatura.utils.HTML_PARSER
    assert type(parser.makeelement("form")) is lxml.html.HtmlElement
    parser.set_element_class_lookup(lxml.html.HtmlElementClassLookup())
    try:
        assert type(parser.makeelement("form")) is lxml.html.FormElement
        per_tag = extract_article(page, url)
    finally:
        extract._trafilatura.cache_clear()  # sets the plain lookup again
        extract._trafilatura()
    assert type(parser.makeelement("form")) is lxml.html.HtmlElement
    assert (plain.text, plain.title) == (per_tag.text, per_tag.title)


def _tidy_every_run(text: str) -> str:
    """tidy_text as it was before issue 10's round 21: every run of spaces replaced."""
    import re

    spaces = re.compile(r"[ \t\r\f\v\u00a0\u3000]+")
    paragraphs = []
    for block in re.split(r"\n\s*\n", text):
        lines = [spaces.sub(" ", line).strip() for line in block.split("\n")]
        joined = "\n".join(line for line in lines if line)
        if joined:
            paragraphs.append(joined)
    return "\n\n".join(paragraphs)


@settings(max_examples=2000)
@given(st.text(alphabet=" \t\r\f\v\u00a0\u3000\u2003\n\x85ab", max_size=30))
def test_tidy_text_replaces_only_runs_that_differ_from_one_space(text: str) -> None:
    from worker.ingest.extract import tidy_text

    assert tidy_text(text) == _tidy_every_run(text)


_CONCURRENT_FIRST_PAGES = """
import threading
from pathlib import Path

from worker.ingest import extract, prune_paths

translated = []
compiled = prune_paths.compiled


def counting(path, prefix):
    translated.append(path)
    return compiled(path, prefix)


prune_paths.compiled = counting
page = Path({page!r}).read_bytes()
start = threading.Barrier(6)
texts = []


def first_page():
    start.wait()
    texts.append(extract.extract_article(page, "https://example.org/a").text)


threads = [threading.Thread(target=first_page) for _ in range(6)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
once = len(translated)
extract._trafilatura.cache_clear()
extract._trafilatura()  # set up again: the paths in place are not translated again
print(once, len(set(translated)), len(translated) - once, len(set(texts)), len(texts))
"""


def test_pages_extracted_in_threads_at_once_set_trafilatura_up_once() -> None:
    # A pass's first pages go to several threads together: one sets trafilatura up (its
    # pruning paths translated once each), the others wait for it, and all get the same text.
    import subprocess
    import sys

    page = PAGES / "dw.com-elephants.html"
    code = _CONCURRENT_FIRST_PAGES.format(page=str(page))
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    once, distinct, again, texts, pages = map(int, done.stdout.split())
    assert once == distinct > 0  # each path translated once
    assert again < once  # a second set-up translates only what it could not before
    assert (texts, pages) == (1, 6)
