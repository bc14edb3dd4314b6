"""Four of trafilatura's steps done with less work, each giving what trafilatura's own gives.

Set up once a process by worker/ingest/extract.py `_trafilatura` (issue 10, round 24; the
figures are in bench/README.md):

- **Invalid XML characters**: `load_html` removes C0 controls and U+FFFE/U+FFFF from every
  decoded page with one regular expression (`INVALID_XML_CHARS.sub("", page)`), which walks the
  whole page character by character (~6% of a farm page's extraction) to find, nearly always,
  none. `InvalidChars.sub` looks for them first with C-level scans (`str.__contains__`, or the
  page's UTF-8 bytes through `bytes.translate`) and runs the expression only on a page that
  holds one.
- **Links inside a container**: `convert_tags` renames every `<a>` whose nearest `div`, `li`,
  `p` (or `table`) ancestor is not the tree's root to `<ref>`, asking each link for its
  ancestors with a tag filter that lxml builds anew per call (a nav list of 230 links: ~0.3 ms).
  `rename_contained_links` renames the same links first, from one walk up per link that stops
  at the first ancestor already decided; trafilatura's own loop then finds only the links left
  (those outside any container) and decides them as before.
- **The options**: `bare_extraction` builds an `Extractor` per page, reading eight values of
  its configuration through ConfigParser each time. `Options.for_page` copies one built with
  the same arguments and sets the page's URL, as the constructor does.
- **The page's tree not copied for readability** (round 26): `_extract_and_compare` hands
  readability (`compare_extraction`, which drops elements from what it is given) a deep copy
  of the page's whole tree, so that the later stages of `trafilatura_sequence` can read the
  tree as it was: the baseline rescue (only when `focus` is not "precision") and the recall
  escalation (only when `focus` is "balanced"), and the forum salvage (only with comments).
  wirediff extracts with `favor_precision` and no comments, so none runs and nothing reads the
  tree after readability: `compare_without_copy` hands it the tree itself (~4% of a farm
  page's extraction was that copy). Any other focus, or comments, go to trafilatura's own
  function. The stage gates are trafilatura's code, read in the versions of
  `NO_COPY_VERSIONS`: with another version the step is not put in place.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

# C0 controls but tab, newline and carriage return, as bytes (in UTF-8 each is that one byte
# and no other character's encoding holds a byte below 0x80), and the two non-characters
_CONTROLS = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
_CONTROL_CHARS = tuple(chr(c) for c in _CONTROLS)
_NONCHARS = ("\ufffe", "\uffff")
# what trafilatura's expression matches, checked before it is replaced (utils.INVALID_XML_CHARS)
_INVALID_PATTERN = "[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\ufffe\\uffff]"


def holds_invalid(text: str) -> bool:
    """Whether `text` holds a character trafilatura's INVALID_XML_CHARS matches."""
    if text.isascii():  # one byte a character: str.__contains__ is a memchr each
        return any(c in text for c in _CONTROL_CHARS)
    data = text.encode("utf-8", "surrogatepass")
    return (
        len(data.translate(None, _CONTROLS)) != len(data)
        or _NONCHARS[0] in text
        or _NONCHARS[1] in text
    )


class InvalidChars:
    """trafilatura's INVALID_XML_CHARS (a compiled pattern) with a `sub` that returns a string
    holding none of them as it is, without running the pattern over it."""

    __slots__ = ("pattern",)

    def __init__(self, pattern: Any) -> None:
        self.pattern = pattern

    def sub(self, repl: Any, string: str, count: int = 0) -> str:
        if isinstance(string, str) and not holds_invalid(string):
            return string
        return self.pattern.sub(repl, string, count)  # type: ignore[no-any-return]

    def __getattr__(self, name: str) -> Any:
        return getattr(self.pattern, name)


def rename_contained_links(tree: Any, containers: tuple[str, ...]) -> None:
    """Rename to `ref` each `a` under `tree` (a document's root element) that has an ancestor
    tagged one of `containers` other than `tree`: the links trafilatura's `convert_tags`
    renames (`next(elem.iterancestors(containers), tree) is not tree`)."""
    inside: dict[Any, bool] = {tree: False}  # element -> it or an ancestor below the root is one
    for link in tree.iter("a"):
        parent = link.getparent()
        chain = []
        while parent is not None and parent not in inside:
            chain.append(parent)
            parent = parent.getparent()
        known = inside[parent] if parent is not None else False
        for element in reversed(chain):
            known = known or element.tag in containers
            inside[element] = known
        if known:
            link.tag = "ref"


def fast_convert_tags(convert_tags: Callable[..., Any]) -> Callable[..., Any]:
    """trafilatura's `convert_tags` with its contained links renamed first (when the tree is a
    document's root and links are not kept: the case its loop handles)."""

    def converted(tree: Any, options: Any, url: str | None = None) -> Any:
        if not options.links and tree.getparent() is None:
            containers = ("div", "li", "p", "table") if options.tables else ("div", "li", "p")
            rename_contained_links(tree, containers)
        return convert_tags(tree, options, url)

    converted.__wrapped__ = convert_tags  # type: ignore[attr-defined]
    return converted


class Options:
    """trafilatura Extractors for pages, built once per set of arguments and copied per page."""

    def __init__(self, extractor: type, **kwargs: Any) -> None:
        self.template = extractor(**kwargs)

    def for_page(self, url: str | None) -> Any:
        options = copy.copy(self.template)
        options.url = url
        source = url or None  # as Extractor.__init__ (`source = url or source`, none given)
        options.source = source and source.encode("utf-8", "replace").decode("utf-8")
        return options


# trafilatura versions whose `trafilatura_sequence` reads the page's tree after
# `_extract_and_compare` only when `focus` is not "precision" (read in its core.py)
NO_COPY_VERSIONS = frozenset({"2.3.1"})


def compare_without_copy(extract_and_compare: Callable[..., Any], core: Any) -> Callable[..., Any]:
    """trafilatura's `_extract_and_compare` (stages 1 and 2 of `trafilatura_sequence`), which
    in precision mode without comments gives readability the page's tree itself instead of a
    copy of it (speed26b's reading added the comments: the forum salvage reads the tree)."""

    def extracted(cleaned_tree: Any, cleaned_tree_backup: Any, tree: Any, options: Any) -> Any:
        if options.focus != "precision" or options.fast or options.comments:
            return extract_and_compare(cleaned_tree, cleaned_tree_backup, tree, options)
        postbody, temp_text = core.extract_content(cleaned_tree, options)
        return core.compare_extraction(cleaned_tree_backup, tree, postbody, temp_text, options)

    extracted.__wrapped__ = extract_and_compare  # type: ignore[attr-defined]
    return extracted


def speed_up(trafilatura: Any) -> list[str]:
    """Put the steps above in place in trafilatura's modules (each only when what it replaces
    is as expected); returns the names of those put in place."""
    import trafilatura.core
    import trafilatura.external
    import trafilatura.htmlprocessing
    import trafilatura.utils

    done = []
    pattern = getattr(trafilatura.utils, "INVALID_XML_CHARS", None)
    if (
        getattr(pattern, "pattern", None) == _INVALID_PATTERN
        and not getattr(pattern, "flags", 0) & ~32
    ):
        trafilatura.utils.INVALID_XML_CHARS = InvalidChars(pattern)
        done.append("invalid characters")
    convert = getattr(trafilatura.htmlprocessing, "convert_tags", None)
    if callable(convert) and not hasattr(convert, "__wrapped__"):
        fast = fast_convert_tags(convert)
        for module in (trafilatura.htmlprocessing, trafilatura.core, trafilatura.external):
            if getattr(module, "convert_tags", None) is convert:
                module.convert_tags = fast
        done.append("contained links")
    compare = getattr(trafilatura.core, "_extract_and_compare", None)
    if (
        callable(compare)
        and not hasattr(compare, "__wrapped__")
        and getattr(trafilatura, "__version__", None) in NO_COPY_VERSIONS
        and callable(getattr(trafilatura.core, "extract_content", None))
        and callable(getattr(trafilatura.core, "compare_extraction", None))
    ):
        trafilatura.core._extract_and_compare = compare_without_copy(compare, trafilatura.core)
        done.append("tree not copied for readability")
    return done
