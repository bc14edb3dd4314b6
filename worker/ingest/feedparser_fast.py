"""Three of feedparser's per-element steps skipped where they return what they were given.

Set up once a process by worker/ingest/parse.py `_feedparser` (issue 10, round 25; the figures
are in bench/README.md). Each wraps the module-level function feedparser's parser calls
(`feedparser.mixin` imports them by name) and hands every other call to feedparser's own:

- **Relative URIs in markup**: `resolve_relative_uris` runs an sgmllib parser (in Python) over
  every HTML-ish field (an RSS description, an Atom summary or content), ~10% of parsing a farm
  feed. A field holding neither `<` nor `&` is one run of character data to sgmllib: its only
  handler appends it, so the field comes back as it went in; it is returned at once.
- **A field's content parameters**: `pop` deep-copies the element's FeedParserDict of content
  parameters (type, language, base) into the entry's `<field>_detail` (a dozen times a farm
  feed), through copy.deepcopy's generic reduce-and-rebuild. A FeedParserDict holding only
  strings, numbers and None is copied by setting the same items on a new one, in the same
  order, as deepcopy's rebuild does; anything else goes to copy.deepcopy.
- **Each element's xml:base**: `unknown_starttag` joins the element's base onto the current one
  with `_urljoin` at every element; with both empty (no xml:base anywhere, no Content-Location:
  how parse_feed calls feedparser) that is `urljoin("", "")`, which is "".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_MARKER = "_wirediff_fast"


def plain_text_resolver(resolve: Callable[..., Any]) -> Callable[..., Any]:
    """feedparser's `resolve_relative_uris`, returning a field without markup as it is."""

    def resolve_relative_uris(html_source: Any, base_uri: Any, encoding: Any, type_: Any) -> Any:
        if isinstance(html_source, str) and "<" not in html_source and "&" not in html_source:
            return html_source
        return resolve(html_source, base_uri, encoding, type_)

    setattr(resolve_relative_uris, _MARKER, resolve)
    return resolve_relative_uris


def empty_base_join(join: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    """feedparser's `_urljoin`, "" at once for an empty URI on an empty base."""

    def _urljoin(base: Any, uri: Any) -> Any:
        if base == "" and uri == "":
            return ""
        return join(base, uri)

    setattr(_urljoin, _MARKER, join)
    return _urljoin


_ATOMS = (str, int, float, bool, type(None))


class AtomsCopy:
    """The `copy` module as feedparser.mixin sees it: deepcopy of a FeedParserDict of atoms
    made directly, every other name and case copy's own."""

    def __init__(self, module: Any, dict_type: type[dict[str, Any]]) -> None:
        self.module = module
        self.dict_type = dict_type

    def deepcopy(self, value: Any, memo: Any = None) -> Any:
        if (
            memo is None
            and type(value) is self.dict_type
            and not value.__dict__
            and all(type(inner) in _ATOMS for inner in dict.values(value))
            and all(type(key) is str for key in dict.keys(value))
        ):
            copied = self.dict_type()
            for key, inner in dict.items(value):
                copied[key] = inner  # through the class's __setitem__, as deepcopy's rebuild
            return copied
        return self.module.deepcopy(value, memo)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.module, name)


def install(mixin: Any) -> None:
    """Wrap the two functions in feedparser.mixin and give it the copy module above (once: a
    second call changes nothing)."""
    if not isinstance(mixin.copy, AtomsCopy):
        mixin.copy = AtomsCopy(mixin.copy, mixin.FeedParserDict)
    for name, wrap in (
        ("resolve_relative_uris", plain_text_resolver),
        ("_urljoin", empty_base_join),
    ):
        current = getattr(mixin, name)
        if not hasattr(current, _MARKER):
            setattr(mixin, name, wrap(current))


def original(function: Callable[..., Any]) -> Callable[..., Any]:
    """feedparser's own function behind a wrapper (the function itself when not wrapped)."""
    found: Callable[..., Any] = getattr(function, _MARKER, function)
    return found
