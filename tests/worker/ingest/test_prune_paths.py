"""trafilatura's pruning XPaths evaluated in Python (worker/ingest/prune_paths.py): the same
elements as libxml2's XPath, on real pages, on random trees and on the edge cases of XPath 1.0
(issue 10, round 21)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import lxml.etree
import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from worker.ingest import extract
from worker.ingest.prune_paths import LISTS, PrunePath, Unsupported, compiled

PAGES = Path(__file__).parents[2] / "data" / "pages"
REGEXP = {"re": "http://exslt.org/regular-expressions"}


def _trafilatura_xpaths() -> list[tuple[str, Any]]:
    """Every member of trafilatura's pruning lists, as libxml2 XPath objects."""
    extract._trafilatura()
    import trafilatura.xpaths

    out = []
    for name in LISTS:
        for i, member in enumerate(getattr(trafilatura.xpaths, name, [])):
            xpath = member.xpath if isinstance(member, PrunePath) else member
            out.append((f"{name}[{i}]", xpath))
    return out


XPATHS = _trafilatura_xpaths()
SUPPORTED = []
for _label, _xpath in XPATHS:
    try:
        SUPPORTED.append((_label, _xpath, compiled(_xpath.path, "re")))
    except Unsupported:
        pass


def test_the_expressions_extraction_spends_most_on_are_translated() -> None:
    # the shipped trafilatura: all but `.//header`, `.//cite|.//quote`, `//time|//figure`,
    # `(.//article)[1]` and BODY_XPATH[4] (a union)
    translated = {label for label, _, _ in SUPPORTED}
    for label in (
        "OVERALL_DISCARD_XPATH[0]",
        "OVERALL_DISCARD_XPATH[1]",
        "REMOVE_COMMENTS_AND_LISTS_XPATH[0]",
        "REMOVE_COMMENTS_XPATH[0]",
        "BODY_XPATH[0]",
        "BODY_XPATH[2]",
        "BODY_XPATH[3]",
        "RAW_TREE_PRUNE_XPATH[0]",
        "RAW_TREE_PRUNE_XPATH[1]",
        "PRECISION_DISCARD_XPATH[1]",
        "TEASER_DISCARD_XPATH[0]",
        "DISCARD_IMAGE_ELEMENTS[0]",
    ):
        assert label in translated
    import trafilatura.xpaths

    assert all(
        isinstance(member, PrunePath)
        for member in trafilatura.xpaths.OVERALL_DISCARD_XPATH
        + trafilatura.xpaths.REMOVE_COMMENTS_XPATH
    )


def _same(tree: Any) -> None:
    for label, xpath, find in SUPPORTED:
        assert find(tree) == xpath(tree), label


@pytest.mark.parametrize("name", sorted(p.name for p in PAGES.glob("*.html")))
def test_real_pages_give_the_same_elements(name: str) -> None:
    import trafilatura.utils

    _same(trafilatura.utils.load_html((PAGES / name).read_bytes()))


class _Checked:
    """A PrunePath that also asks libxml2 and compares, counting its calls."""

    calls = 0

    def __init__(self, member: PrunePath) -> None:
        self.member, self.path = member, member.path

    def __call__(self, node: Any, **variables: Any) -> list[Any]:
        mine, theirs = self.member(node, **variables), self.member.xpath(node, **variables)
        assert mine == theirs, self.path
        _Checked.calls += 1
        return mine


def _swapped(change: Any) -> dict[str, list[Any]]:
    """trafilatura's pruning lists changed in place (its modules hold these very lists);
    returns their members as they were."""
    import trafilatura.xpaths

    saved = {}
    for name in LISTS:
        members = getattr(trafilatura.xpaths, name)
        saved[name] = list(members)
        members[:] = [change(m) if isinstance(m, PrunePath) else m for m in members]
    return saved


def _restore(saved: dict[str, list[Any]]) -> None:
    import trafilatura.xpaths

    for name, members in saved.items():
        getattr(trafilatura.xpaths, name)[:] = members


@pytest.mark.parametrize("name", sorted(p.name for p in PAGES.glob("*.html")))
def test_every_call_during_extraction_gives_what_libxml2_gives(name: str) -> None:
    # on the trees trafilatura prunes as it goes (raw, cleaned, converted to its own tags)
    _Checked.calls = 0
    saved = _swapped(_Checked)
    try:
        extract.extract_article((PAGES / name).read_bytes(), "https://example.org/a")
    finally:
        _restore(saved)
    assert _Checked.calls >= 8


def test_extraction_with_and_without_them_is_the_same() -> None:
    pages = [(p.read_bytes(), f"https://example.org/{p.name}") for p in PAGES.glob("*.html")]
    fast = [extract.extract_article(body, url) for body, url in pages]
    saved = _swapped(lambda member: member.xpath)
    try:
        slow = [extract.extract_article(body, url) for body, url in pages]
    finally:
        _restore(saved)
    assert [(e.text, e.title) for e in fast] == [(e.text, e.title) for e in slow]


# -- XPath 1.0's meaning, case by case --------------------------------------------------------


def _both(path: str, markup: str) -> tuple[list[str], list[str]]:
    root = lxml.html.fromstring(markup)
    find = compiled(path, "re")
    xpath = lxml.etree.XPath(path, namespaces=REGEXP)
    label = lambda found: [e.get("n") for e in found]  # noqa: E731
    return label(find(root)), label(xpath(root))


@pytest.mark.parametrize(
    ("path", "markup", "expected"),
    [
        # a union's string is the first attribute the element lists, whichever it is
        (
            ".//*[starts-with(@id|@class, 'x')]",
            '<div><p n="1" class="x" id="y"></p><p n="2" id="y" class="x"></p></div>',
            ["1"],
        ),
        (
            ".//*[re:test(@id|@style, 'hidden')]",
            '<div><p n="1" style="hidden"></p><p n="2" style="a" id="hidden"></p></div>',
            ["1"],
        ),
        # an attribute without a value is present, its value empty
        (".//*[@hidden]", '<div><p n="1" hidden></p><p n="2"></p></div>', ["1"]),
        (".//*[@id='']", '<div><p n="1" id></p><p n="2" id="a"></p><p n="3"></p></div>', ["1"]),
        # translate() maps the first occurrence of each character; shorter `to` deletes
        (
            ".//*[contains(translate(@role, 'NNa', 'nx'), 'nv')]",
            '<div><p n="1" role="NaV"></p><p n="2" role="nav"></p></div>',
            ["2"],  # NaV -> nV, nav -> nv
        ),
        (
            ".//*[contains(translate(@role, 'N', 'n'), 'nav')]",
            '<div><p n="1" role="NAV"></p><p n="2" role="Nav"></p></div>',
            ["2"],
        ),
        # the context element itself is not a descendant; comments are not elements
        (
            ".//*[self::div]",
            '<div n="0"><!-- c --><div n="1"><div n="2"></div></div></div>',
            ["1", "2"],
        ),
        # a descendant named so, at any depth
        (
            ".//*[self::section][not(.//h1)]",
            '<div><section n="1"><p><h1></h1></p></section><section n="2"><p/></section></div>',
            ["2"],
        ),
        # flags of re:test
        (
            ".//*[re:test(@class, 'ABC', 'i')]",
            '<div><p n="1" class="xabcx"></p><p n="2" class="ab"></p></div>',
            ["1"],
        ),
        (".//*[contains(@class, '')]", '<div><p n="1"></p></div>', ["1"]),
        # [1]: of each element's children that pass, the first; (...)[1]: the first of all
        (
            ".//*[self::section][@a][1]",
            '<div><section n="1"></section><section n="2" a=""><section n="3" a=""></section>'
            '<section n="4" a=""></section></section><section n="5" a=""></section>'
            '<span><section n="6" a=""></section></span></div>',
            ["2", "3", "6"],
        ),
        (
            "(.//*[self::p][@a])[1]",
            '<div><p n="1"></p><span><p n="2" a=""></p></span><p n="3" a=""></p></div>',
            ["2"],
        ),
        ("(.//*[self::p][@a])[1]", '<div><p n="1"></p></div>', []),
        (
            ".//*[self::p and (@a or @b) and not(@c)]",
            '<div><p n="1" a=""></p><p n="2" b="1" c="2"></p><span n="3" a=""></span></div>',
            ["1"],
        ),
    ],
)
def test_xpath_meaning_kept(path: str, markup: str, expected: list[str]) -> None:
    mine, libxml2 = _both(path, markup)
    assert mine == libxml2 == expected


@pytest.mark.parametrize(
    "path",
    [
        ".//header",
        ".//cite|.//quote",
        "//time|//figure",
        "(.//article)[1]",
        "(.//*[self::div])[2]",
        ".//*[self::div][1][@id]",
        "(.//*[self::div][1])[1]",
        ".//*[contains(text(), 'x')]",
        ".//*[count(p) > 1]",
        ".//*[@a|@b]",
        ".//*[ancestor::div]",
        ".//*[re:match(@id, 'x')]",
        './/*[@id="a"][position() = 1]',
        ".//div[@id]",
    ],
)
def test_what_is_not_of_the_subset_stays_with_libxml2(path: str) -> None:
    with pytest.raises(Unsupported):
        compiled(path, "re")


def test_a_whole_document_goes_to_the_xpath_itself() -> None:
    xpath = lxml.etree.XPath(".//*[self::p]")
    member = PrunePath(xpath, compiled(xpath.path))
    tree = lxml.html.fromstring("<div><p>x</p></div>").getroottree()
    assert member(tree) == xpath(tree) and len(member(tree)) == 1


# -- random trees ---------------------------------------------------------------------------

_TAGS = ["div", "section", "aside", "p", "span", "list", "item", "ol", "ul", "details", "h1", "a"]
_ATTRIBUTES = ["id", "class", "style", "role", "aria-hidden", "data-component", "hidden"]
_WORDS = [
    "comment", "Comment", "commentary", "comol", "disqus_thread", "article-comments", "share",
    "Share", "social", "nav", "NAV", "menu", " ad ", "ad-", "dfpAd", "widget", "footer",
    "hidden", "display:none", "display: none", "reply-", "-reply-", "hide-", " hide", "bottom",
    "link", "teaser", "Teaser", "caption", "mvp-post-add-box", "infinite-scroll", "cookie",
    "elementor-share-buttons", "MostPopularStories", "true", "tags", "bar", "x", "", " ",
]  # fmt: skip


@st.composite
def _trees(draw: Any) -> str:
    def element(depth: int) -> str:
        tag = draw(st.sampled_from(_TAGS))
        names = draw(st.lists(st.sampled_from(_ATTRIBUTES), unique=True, max_size=4))
        attributes = ""
        for name in names:
            if name == "hidden" and draw(st.booleans()):
                attributes += " hidden"
                continue
            value = "".join(draw(st.lists(st.sampled_from(_WORDS), max_size=3)))
            attributes += f' {name}="{value}"'
        children = draw(st.integers(0, 3)) if depth < 4 else 0
        inner = "".join(element(depth + 1) for _ in range(children))
        return f"<{tag}{attributes}>{inner}</{tag}>"

    return (
        "<html><body>"
        + "".join(element(0) for _ in range(draw(st.integers(1, 4))))
        + "</body></html>"
    )


@settings(max_examples=150, deadline=None)
@given(_trees())
def test_random_trees_give_the_same_elements(markup: str) -> None:
    root = lxml.html.fromstring(markup)
    _same(root)
    for element in root.iter("div", "section", "list"):
        _same(element)  # called on a subtree as trafilatura does


# -- answers kept by tag and attributes (round 26) -----------------------------------------------


def test_an_answer_is_kept_by_the_tag_and_attributes_and_found_again() -> None:
    from worker.ingest import prune_paths

    path = ".//*[self::div or self::span][not(self::span) or re:test(@class, 'nav')]"
    find = compiled(path, "re")
    assert find.__globals__["_memo"] == {}
    markup = (
        '<html><body><div class="nav">a</div><span class="nav">b</span><p class="nav">c</p>'
        '<div class="nav">d</div><span class="x">e</span><span class="x">f</span>'
        "<div>g</div></body></html>"
    )
    root = lxml.html.fromstring(markup)
    xpath = lxml.etree.XPath(path, namespaces=REGEXP)
    assert [e.text for e in find(root)] == [e.text for e in xpath(root)] == list("abdg")
    # one answer per tag and attribute list met (a div and a span of class "nav" apart)
    assert len(find.__globals__["_memo"]) == 3
    assert prune_paths.MEMO


def test_the_kept_answers_are_emptied_when_full(monkeypatch: pytest.MonkeyPatch) -> None:
    from worker.ingest import prune_paths

    monkeypatch.setattr(prune_paths, "MEMO_SIZE", 4)
    label, xpath, _ = next(s for s in SUPPORTED if s[0] == "OVERALL_DISCARD_XPATH[0]")
    find = compiled(xpath.path, "re")
    for page in sorted(PAGES.glob("*.html")):
        import trafilatura.utils

        tree = trafilatura.utils.load_html(page.read_bytes())
        assert find(tree) == xpath(tree), (label, page.name)
        assert len(find.__globals__["_memo"]) <= 4


def test_without_kept_answers_the_same_elements(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura.utils

    from worker.ingest import prune_paths

    monkeypatch.setattr(prune_paths, "MEMO", False)
    plain = [(label, compiled(xpath.path, "re")) for label, xpath, _ in SUPPORTED]
    for page in sorted(PAGES.glob("*.html")):
        tree = trafilatura.utils.load_html(page.read_bytes())
        for (label, find), (_, _, kept) in zip(plain, SUPPORTED, strict=True):
            assert "_memo" not in find.__globals__
            assert find(tree) == kept(tree), (label, page.name)
