"""Four of trafilatura's steps with less work (worker/ingest/extract_fast.py): each gives what
trafilatura's own gives, on real pages, on random trees and strings, and on the edge cases
(issue 10, rounds 24 and 26)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import lxml.etree
import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from worker.ingest import extract, extract_fast
from worker.ingest.extract_fast import InvalidChars, holds_invalid, rename_contained_links

PAGES = Path(__file__).parents[2] / "data" / "pages"


def _trafilatura() -> Any:
    return extract._trafilatura()


def test_the_steps_are_in_place() -> None:
    _trafilatura()
    import trafilatura.core
    import trafilatura.htmlprocessing
    import trafilatura.utils

    assert isinstance(trafilatura.utils.INVALID_XML_CHARS, InvalidChars)
    assert hasattr(trafilatura.htmlprocessing.convert_tags, "__wrapped__")
    assert trafilatura.core.convert_tags is trafilatura.htmlprocessing.convert_tags
    assert hasattr(trafilatura.core._extract_and_compare, "__wrapped__")
    # set up again (another call, another process's preloading): nothing wrapped twice
    assert extract_fast.speed_up(_trafilatura()) == []


def test_extraction_with_and_without_them_is_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    _trafilatura()
    import trafilatura.core
    import trafilatura.external
    import trafilatura.htmlprocessing
    import trafilatura.utils

    pages = [(p.read_bytes(), f"https://example.org/{p.name}") for p in PAGES.glob("*.html")]
    fast = [extract.extract_article(body, url) for body, url in pages]
    convert = trafilatura.htmlprocessing.convert_tags.__wrapped__
    for module in (trafilatura.htmlprocessing, trafilatura.core, trafilatura.external):
        monkeypatch.setattr(module, "convert_tags", convert)
    monkeypatch.setattr(
        trafilatura.utils, "INVALID_XML_CHARS", trafilatura.utils.INVALID_XML_CHARS.pattern
    )
    monkeypatch.setattr(
        trafilatura.core, "_extract_and_compare", trafilatura.core._extract_and_compare.__wrapped__
    )
    monkeypatch.setattr(extract, "FAST_STEPS", False)
    slow = [extract.extract_article(body, url) for body, url in pages]
    assert [(e.text, e.title) for e in fast] == [(e.text, e.title) for e in slow]


# -- readability's input ----------------------------------------------------------------------


def _readability_inputs(monkeypatch: pytest.MonkeyPatch, **kwargs: Any) -> list[bool]:
    """For each page of tests/data/pages, whether readability's comparison was given the very
    tree trafilatura_sequence was given (True) or a copy."""
    _trafilatura()
    import trafilatura.core

    given: list[Any] = []
    sequence, compare = trafilatura.core.trafilatura_sequence, trafilatura.core.compare_extraction

    def remember_sequence(tree: Any, *args: Any, **kw: Any) -> Any:
        given.append(["sequence", tree])
        return sequence(tree, *args, **kw)

    def remember_compare(cleaned: Any, raw: Any, *args: Any, **kw: Any) -> Any:
        given[-1].append(raw)
        return compare(cleaned, raw, *args, **kw)

    monkeypatch.setattr(trafilatura.core, "trafilatura_sequence", remember_sequence)
    monkeypatch.setattr(trafilatura.core, "compare_extraction", remember_compare)
    for page in sorted(PAGES.glob("*.html")):
        trafilatura.bare_extraction(page.read_bytes(), url="https://example.org/a", **kwargs)
    return [entry[1] is entry[2] for entry in given if len(entry) == 3]


def test_readability_is_given_the_raw_tree_itself_as_wirediff_extracts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # precision, no comments: nothing reads the raw tree after readability (a copy before)
    same = _readability_inputs(
        monkeypatch, favor_precision=True, include_comments=False, with_metadata=False
    )
    assert same and all(same)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"favor_precision": True, "include_comments": True},  # the forum salvage reads it
        {"favor_precision": False, "include_comments": False},  # the baseline and escalation
        {"favor_recall": True, "include_comments": False},
    ],
)
def test_readability_is_given_a_copy_where_the_raw_tree_is_read_after(
    monkeypatch: pytest.MonkeyPatch, kwargs: dict[str, Any]
) -> None:
    same = _readability_inputs(monkeypatch, with_metadata=False, **kwargs)
    assert same and not any(same)


def test_the_other_settings_extract_as_trafilatura_does(monkeypatch: pytest.MonkeyPatch) -> None:
    _trafilatura()
    import trafilatura.core

    pages = [p.read_bytes() for p in sorted(PAGES.glob("*.html"))]
    settings_ = [
        {"favor_precision": True, "include_comments": False},
        {"favor_precision": True, "include_comments": True},
        {"favor_precision": False, "include_comments": False},
    ]

    def texts() -> list[Any]:
        out = []
        for body in pages:
            for kwargs in settings_:
                document = trafilatura.bare_extraction(body, with_metadata=False, **kwargs)
                out.append(getattr(document, "text", None))
        return out

    fast = texts()
    monkeypatch.setattr(
        trafilatura.core,
        "_extract_and_compare",
        trafilatura.core._extract_and_compare.__wrapped__,
    )
    assert fast == texts()


# -- invalid XML characters -----------------------------------------------------------------

_CHARS = ["a", " ", "\t", "\n", "\r", "\x00", "\x08", "\x0b", "\x0c", "\x0e", "\x1f", "\x7f",
          "é", "中", "\ufffe", "\uffff", "\ufffd", "\ud800", "😀", "\x85", "\u2028"]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_CHARS), max_size=40).map("".join))
def test_invalid_characters_are_found_as_the_pattern_finds_them(text: str) -> None:
    _trafilatura()
    import trafilatura.utils

    pattern = trafilatura.utils.INVALID_XML_CHARS.pattern
    assert holds_invalid(text) is (pattern.search(text) is not None)
    assert trafilatura.utils.INVALID_XML_CHARS.sub("", text) == pattern.sub("", text)


def test_a_page_without_them_comes_back_as_it_is() -> None:
    _trafilatura()
    import trafilatura.utils

    page = "<html><body><p>Grüße, 中文 \ufffd</p></body></html>"
    assert trafilatura.utils.INVALID_XML_CHARS.sub("", page) is page
    assert trafilatura.utils.INVALID_XML_CHARS.sub("", "a\x08b\uffffc") == "abc"


# -- links inside a container ---------------------------------------------------------------


def _renamed(markup: str, containers: tuple[str, ...], ours: bool) -> bytes:
    tree = lxml.html.fromstring(markup)
    if ours:
        rename_contained_links(tree, containers)
    for element in tree.iter("a"):  # trafilatura's convert_tags, as it decides each link
        if next(element.iterancestors(containers), tree) is not tree:
            element.tag = "ref"
    return lxml.etree.tostring(tree)


@pytest.mark.parametrize(
    "markup",
    [
        "<html><body><a>out</a><div><a>in</a><span><a>deep</a></span></div></body></html>",
        "<div><a>root is a div: not inside</a><p><a>inside</a></p></div>",
        "<html><body><table><tr><td><a>cell</a></td></tr></table><ul><li><a>x</a></li></ul>"
        "</body></html>",
        "<html><body><a><a>nested</a></a><li><a><a>two</a></a></li></body></html>",
    ],
)
@pytest.mark.parametrize("containers", [("div", "li", "p", "table"), ("div", "li", "p")])
def test_contained_links_are_those_trafilatura_renames(markup: str, containers: tuple) -> None:
    assert _renamed(markup, containers, True) == _renamed(markup, containers, False)


_TAGS = ["div", "li", "p", "table", "span", "section", "a", "ul", "td"]


@st.composite
def _trees(draw: Any) -> str:
    def element(depth: int) -> str:
        tag = draw(st.sampled_from(_TAGS))
        children = draw(st.integers(0, 3)) if depth < 5 else 0
        inner = "".join(element(depth + 1) for _ in range(children))
        return f"<{tag}>t{inner}</{tag}>"

    root = draw(st.sampled_from(["html", "div", "li", "body"]))
    return f"<{root}>" + "".join(element(0) for _ in range(draw(st.integers(1, 4)))) + f"</{root}>"


@settings(max_examples=200, deadline=None)
@given(_trees(), st.booleans())
def test_random_trees_give_the_same_links(markup: str, tables: bool) -> None:
    containers = ("div", "li", "p", "table") if tables else ("div", "li", "p")
    assert _renamed(markup, containers, True) == _renamed(markup, containers, False)


def test_a_subtree_is_left_to_trafilatura_s_own_loop() -> None:
    # a tree with a parent: its links' containers above it count too, which the walk up
    # from a root does not look at, so only trafilatura's loop decides them
    _trafilatura()
    import trafilatura.htmlprocessing

    page = lxml.html.fromstring("<html><body><div><section><a>x</a></section></div></body></html>")
    section = page.find(".//section")
    options = extract._options().for_page("https://example.org/a")
    slow = copy.deepcopy(page).find(".//section")
    trafilatura.htmlprocessing.convert_tags(section, options)
    trafilatura.htmlprocessing.convert_tags.__wrapped__(slow, options)
    assert lxml.etree.tostring(section) == lxml.etree.tostring(slow)


# -- the options ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["https://example.org/a", "", None, "https://例子.中国/新闻?a=1", "http://x/\udc80"]
)
def test_the_options_copied_are_those_bare_extraction_builds(url: str | None) -> None:
    _trafilatura()
    from trafilatura.settings import Extractor

    built = Extractor(
        output_format="python",
        precision=extract.FAVOR_PRECISION,
        comments=False,
        tables=True,
        url=url,
        with_metadata=False,
    )
    copied = extract._options().for_page(url)
    assert {s: getattr(copied, s) for s in Extractor.__slots__} == {
        s: getattr(built, s) for s in Extractor.__slots__
    }
    assert copied is not extract._options().for_page(url)


# -- the page's tree not copied for readability (round 26) -----------------------------------


def _copies_of_the_page(monkeypatch: pytest.MonkeyPatch, body: bytes, url: str) -> list[int]:
    """The sizes (elements) of the trees trafilatura.core copies while extracting one page."""
    import trafilatura.core

    sizes: list[int] = []
    real = trafilatura.core.copy

    def counted(value: Any) -> Any:
        if isinstance(value, lxml.etree._Element):
            sizes.append(sum(1 for _ in value.iter()))
        return real(value)

    with monkeypatch.context() as patched:
        patched.setattr(trafilatura.core, "copy", counted)
        extract.extract_article(body, url)
    return sizes


def test_readability_is_given_the_page_s_tree_without_a_copy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """On main, the page's whole tree was copied once more for readability (three copies a
    page, the largest the raw tree); now two, and the text the same."""
    _trafilatura()
    import trafilatura.core

    page = next(iter(sorted(PAGES.glob("*.html"))))
    body, url = page.read_bytes(), f"https://example.org/{page.name}"
    text = extract.extract_article(body, url).text
    fast = _copies_of_the_page(monkeypatch, body, url)
    monkeypatch.setattr(
        trafilatura.core, "_extract_and_compare", trafilatura.core._extract_and_compare.__wrapped__
    )
    assert extract.extract_article(body, url).text == text
    slow = _copies_of_the_page(monkeypatch, body, url)
    assert len(slow) == len(fast) + 1
    assert max(slow) >= max(fast)


def test_other_focus_modes_keep_trafilatura_s_own_stages() -> None:
    """Only precision mode (wirediff's) skips the copy: the baseline rescue and the recall
    escalation read the tree after readability in the other modes."""
    calls: list[str] = []

    def own(*args: Any) -> str:
        calls.append("own")
        return "own"

    class Core:
        @staticmethod
        def extract_content(tree: Any, options: Any) -> tuple[str, str]:
            calls.append("extract_content")
            return "body", "text"

        @staticmethod
        def compare_extraction(*args: Any) -> str:
            calls.append(f"compare given the tree itself: {args[1] == 'tree'}")
            return "compared"

    class Opts:
        def __init__(self, focus: str, fast: bool = False, comments: bool = False) -> None:
            self.focus, self.fast, self.comments = focus, fast, comments

    step = extract_fast.compare_without_copy(own, Core)
    for opts in (
        Opts("balanced"),
        Opts("recall"),
        Opts("precision", True),
        Opts("precision", comments=True),
    ):
        calls.clear()
        assert step("cleaned", "backup", "tree", opts) == "own"
        assert calls == ["own"]
    calls.clear()
    assert step("cleaned", "backup", "tree", Opts("precision")) == "compared"
    assert calls == ["extract_content", "compare given the tree itself: True"]


def test_another_trafilatura_version_keeps_its_copy(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura
    import trafilatura.core

    _trafilatura()
    monkeypatch.setattr(
        trafilatura.core, "_extract_and_compare", trafilatura.core._extract_and_compare.__wrapped__
    )
    monkeypatch.setattr(trafilatura, "__version__", "9.9.9")
    assert "tree not copied for readability" not in extract_fast.speed_up(trafilatura)
    assert not hasattr(trafilatura.core._extract_and_compare, "__wrapped__")
    monkeypatch.setattr(trafilatura, "__version__", "2.3.1")
    assert extract_fast.speed_up(trafilatura) == ["tree not copied for readability"]
