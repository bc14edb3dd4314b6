"""trafilatura's pruning XPaths evaluated by Python functions that find the same elements.

(And those that find the article's body, of the same shape.)

trafilatura prunes boilerplate with XPath expressions of one shape: every element under the
context node whose tag and attributes pass some tests (`.//*[self::div or self::section][
re:test(@class, 'share|social') or contains(@style, 'display:none')]`). libxml2 evaluates such
a predicate on every element, building a node set and a string for each attribute reference
and calling back into Python for each `re:test` (lxml's EXSLT regular expressions): ~45% of
extraction's instructions on the fetch benchmark's pages (issue 10, round 21). A loop in
Python over the same elements, reading the attributes once each, finds the same elements for
a fifth of that.

`compiled(path)` translates an expression of that shape into such a function, and raises
`Unsupported` for anything else, which then stays with libxml2. The subset, with XPath 1.0's
meaning:

    path       .//*  followed by predicates, and maybe [1] (of each element's children that
               pass, the first), or  ( .//* predicates )[1]  (the first element that passes);
               .//NAME alone is as fast in libxml2 and left there
    predicate  [ expr ]        expr: or / and / not(expr) / ( expr ) / test
    test       self::NAME | .//NAME (a descendant so named) | @NAME (present)
               | @NAME = 'lit' | contains(S, 'lit') | starts-with(S, 'lit')
               | re:test(S, 'regex' [, 'flags'])   (lxml's: Python's re, `i` ignores case)
    S          @NAME | @A|@B|... (the first of them on the element, as its attributes are
               listed: XPath's document order) | translate(S, 'from', 'to')

No position but those [1], no text, no other axis: a predicate depends only on the element's
own tag and attributes (and, for .//NAME, its descendants' tags), so the elements are those
XPath gives, in document order. tests/worker/ingest/test_prune_paths.py compares both on real
pages, at every call of an extraction and on random trees; `speed_up` uses a function only for
an expression it translated.
"""

from __future__ import annotations
import __future__

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import lxml.etree

from worker import code_cache

# the lists of trafilatura.xpaths whose members trafilatura calls on a tree, using the
# elements they return: htmlprocessing.prune_unwanted_nodes deletes them, main_extractor's
# _extract takes the first of BODY_XPATH's that finds one
LISTS = (
    "BODY_XPATH",
    "RAW_TREE_PRUNE_XPATH",
    "REMOVE_COMMENTS_XPATH",
    "REMOVE_COMMENTS_AND_LISTS_XPATH",
    "OVERALL_DISCARD_XPATH",
    "DISCARD_IMAGE_ELEMENTS",
    "TEASER_DISCARD_XPATH",
    "PRECISION_DISCARD_XPATH",
    "COMMENTS_DISCARD_XPATH",
    "AUTHOR_DISCARD_XPATHS",
)
_EXSLT_REGEXP = "http://exslt.org/regular-expressions"
# The flags the builtins would inherit from this module (its `from __future__` import), given
# to the code compiled here (worker.code_cache.compiled)
_FLAGS = __future__.annotations.compiler_flag

_TOKEN = re.compile(
    r"""\s*(?:
    (?P<lit>'[^']*'|"[^"]*")
    | (?P<op>\.//|::|\[|\]|\(|\)|,|\||=|@|\*|1\b)
    | (?P<name>[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)
    )""",
    re.VERBOSE,
)
_NAME = re.compile(r"[A-Za-z_][\w.-]*\Z")


# An element's answer kept by its tag and attribute list, for the next element that has the
# same (issue 10, round 26): ~half the elements a page's pruning looks at repeat one before
# them. At most MEMO_SIZE answers a path, emptied when full.
MEMO = True
MEMO_SIZE = 8192


class Unsupported(Exception):
    """The expression is not of the subset this module evaluates."""


def _tokens(path: str) -> list[str]:
    out: list[str] = []
    at = 0
    while at < len(path):
        if path[at:].strip() == "":
            break
        match = _TOKEN.match(path, at)
        if match is None or match.end() == at:
            raise Unsupported(f"cannot read {path[at : at + 20]!r}")
        out.append(match.group(match.lastgroup or "op"))
        at = match.end()
    return out


class _Parser:
    """Recursive descent over the tokens, emitting one Python expression per predicate.

    In the emitted code `e` is the element, `tag` its tag, `items` its attributes in their
    order and `_v0`, `_v1`... the values of those read (None when absent: `attributes_read`);
    constants (regular expressions' search, translation tables, name sets) are `_k0`, `_k1`...
    (`names`)."""

    def __init__(self, tokens: list[str], regexp_prefix: str | None) -> None:
        self.tokens, self.at = tokens, 0
        self.regexp_prefix = regexp_prefix
        self.names: dict[str, Any] = {}
        self.attributes_read: dict[str, str] = {}  # attribute name -> its local's name

    def value(self, attribute: str) -> str:
        """The local holding the attribute's value (None when the element has none)."""
        if attribute not in self.attributes_read:
            self.attributes_read[attribute] = f"_v{len(self.attributes_read)}"
        return self.attributes_read[attribute]

    def peek(self) -> str | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self, expected: str | None = None) -> str:
        token = self.peek()
        if token is None or (expected is not None and token != expected):
            raise Unsupported(f"expected {expected or 'more'}, found {token!r}")
        self.at += 1
        return token

    def constant(self, value: object) -> str:
        name = f"_k{len(self.names)}"
        self.names[name] = value
        return name

    def name(self) -> str:
        token = self.take()
        if not _NAME.match(token) or token in ("or", "and"):
            raise Unsupported(f"not a plain name: {token!r}")
        return token

    def literal(self) -> str:
        token = self.take()
        if token[:1] not in ("'", '"'):
            raise Unsupported(f"expected a literal, found {token!r}")
        return token[1:-1]

    # expr := and_expr ('or' and_expr)*
    def expr(self) -> str:
        parts = [self.and_expr()]
        while self.peek() == "or":
            self.take()
            parts.append(self.and_expr())
        return parts[0] if len(parts) == 1 else "(" + " or ".join(parts) + ")"

    def and_expr(self) -> str:
        parts = [self.test()]
        while self.peek() == "and":
            self.take()
            parts.append(self.test())
        return parts[0] if len(parts) == 1 else "(" + " and ".join(parts) + ")"

    def test(self) -> str:
        token = self.peek()
        if token == "(":
            self.take()
            inner = self.expr()
            self.take(")")
            return inner
        if token == ".//":
            self.take()
            return f"_has_descendant(e, {self.name()!r})"
        if token == "@":
            attribute = self.attributes()
            if self.peek() == "=":
                self.take()
                if len(attribute) != 1:
                    raise Unsupported("a union compared")
                return f"({self.value(attribute[0])} == {self.literal()!r})"
            if len(attribute) != 1:
                raise Unsupported("a union as a boolean")
            return f"({self.value(attribute[0])} is not None)"
        name = self.take()
        if name == "self":
            self.take("::")
            return f"(tag == {self.name()!r})"
        if name == "not":
            self.take("(")
            inner = self.expr()
            self.take(")")
            return f"(not {inner})"
        return self.function(name)

    def function(self, name: str) -> str:
        """contains(), starts-with() and re:test() of a string argument."""
        if name in ("contains", "starts-with"):
            self.take("(")
            value = self.string()
            self.take(",")
            literal = self.literal()
            self.take(")")
            if name == "contains":
                return f"({literal!r} in {value})"
            return f"{value}.startswith({literal!r})"
        if self.regexp_prefix is not None and name == f"{self.regexp_prefix}:test":
            self.take("(")
            value = self.string()
            self.take(",")
            pattern = self.literal()
            flags = ""
            if self.peek() == ",":
                self.take()
                flags = self.literal()
            self.take(")")
            compiled = re.compile(pattern, re.UNICODE | (re.IGNORECASE if "i" in flags else 0))
            return f"({self.constant(compiled.search)}({value}) is not None)"
        raise Unsupported(f"not in the subset: {name!r}")

    def attributes(self) -> tuple[str, ...]:
        names = []
        while True:
            self.take("@")
            names.append(self.name())
            if self.peek() != "|":
                return tuple(names)
            self.take("|")

    def string(self) -> str:
        """A string argument: an attribute's value, the first of several, or translate()."""
        token = self.peek()
        if token == "@":
            attribute = self.attributes()
            values = [self.value(a) for a in attribute]
            if len(attribute) == 1:
                return f"({values[0]} or '')"
            # one of them present: its value; several: the first the element lists
            present = " + ".join(f"({v} is not None)" for v in values)
            alone = "".join(f"{v} if {v} is not None else " for v in values) + "''"
            names = self.constant(frozenset(attribute))
            return f"(({alone}) if {present} < 2 else _first(items, {names}))"
        if token == "translate":
            self.take()
            self.take("(")
            value = self.string()
            self.take(",")
            source = self.literal()
            self.take(",")
            target = self.literal()
            self.take(")")
            table = {ord(c): (target[i] if i < len(target) else None) for i, c in _firsts(source)}
            return f"{value}.translate({self.constant(table)})"
        raise Unsupported(f"not a string argument: {token!r}")


def _firsts(source: str) -> Iterator[tuple[int, str]]:
    """translate()'s characters with their positions, the first occurrence of each."""
    seen: set[str] = set()
    for i, c in enumerate(source):
        if c not in seen:
            seen.add(c)
            yield i, c


def _first(items: list[tuple[str, str]], names: frozenset[str]) -> str:
    """The string value of @a|@b|...: the first such attribute in the element's list."""
    for key, value in items:
        if key in names:
            return value
    return ""


def _has_descendant(element: Any, name: str) -> bool:
    return any(d.tag == name for d in element.iterdescendants())


_SELF_TESTS = re.compile(
    r"\(tag == '[\w.-]+'\)|\(\(tag == '[\w.-]+'\)(?: or \(tag == '[\w.-]+'\))+\)"
)


@dataclass
class _Path:
    """A parsed expression: its predicates as Python expressions, and which [1] it ends in."""

    parser: _Parser
    predicates: list[str]
    whole_first: bool  # (.//*[...])[1]: the first element found
    first_child: bool  # .//*[...][1]: of each element's children that pass, the first


def _parse(path: str, regexp_prefix: str | None) -> _Path:
    parser = _Parser(_tokens(path), regexp_prefix)
    whole_first = parser.peek() == "("
    if whole_first:
        parser.take("(")
    parser.take(".//")
    parser.take("*")
    predicates: list[str] = []
    first_child = False
    while parser.peek() == "[" and not first_child:
        parser.take("[")
        if parser.peek() == "1":
            parser.take("1")
            first_child = True
        else:
            predicates.append(parser.expr())
        parser.take("]")
    if whole_first:
        for token in (")", "[", "1", "]"):
            parser.take(token)
    if parser.peek() is not None or not predicates or (whole_first and first_child):
        raise Unsupported(f"more than predicates: {parser.peek()!r}")
    return _Path(parser, predicates, whole_first, first_child)


def compiled(path: str, regexp_prefix: str | None = None) -> Callable[[Any], list[Any]]:
    """A function giving the elements `path` finds under an element, in document order;
    `regexp_prefix` is the prefix the expression's namespaces bind to EXSLT's regular
    expressions (`re` in trafilatura), if any.

    Raises Unsupported when `path` is not of this module's subset."""
    parsed = _parse(path, regexp_prefix)
    predicates, attributes = list(parsed.predicates), parsed.parser.attributes_read
    scope: dict[str, Any] = {"_first": _first, "_has_descendant": _has_descendant}
    scope.update(parsed.parser.names)
    scope["_elements"] = lxml.etree.Element  # iterdescendants(Element): elements only
    tags: list[str] = []
    if _SELF_TESTS.fullmatch(predicates[0]):
        # a first predicate of self:: tests only: lxml's iteration matches the names (an
        # element of that local name and no namespace, as XPath's name test does)
        tags = re.findall(r"tag == '([\w.-]+)'", predicates.pop(0))
    values = list(attributes.values())
    # a predicate that reads neither the tag nor the descendants is a constant for elements
    # without attributes: when it is false there, such elements are passed over at once
    none = dict.fromkeys(values, None)
    skip_bare = any(
        not eval(code_cache.compiled(p, "eval", _FLAGS), {**scope, **none, "items": []})
        for p in predicates
        if "tag ==" not in p and "_has_descendant" not in p
    )
    lines = ["def find(node):", "    found = []", "    parents = set()"]
    lines.append(
        f"    for e in node.iterdescendants(*{tags!r}):"
        if tags
        else "    for e in node.iterdescendants(_elements):"
    )
    reads_tag = any("tag ==" in p for p in predicates)
    if reads_tag:
        lines.append("        tag = e.tag")
    memo = MEMO and values and not any("_has_descendant" in p for p in predicates)
    if memo:
        # the predicates read only the tag and the attributes: their answer for an element is
        # its tag's and attribute list's, kept (`_memo`) for the next element that has the same
        scope["_memo"] = {}
        key = "(tag, tuple(items))" if reads_tag else "tuple(items)"
        lines += ["        items = e.items()", "        if items:", f"            key = {key}"]
        lines += ["            ok = _memo.get(key)", "            if ok is None:"]
        lines.append("                a = dict(items)")
        lines += [f"                {v} = a.get({n!r})" for n, v in attributes.items()]
        joined = " and ".join(predicates)
        lines.append(f"                ok = bool({joined})")
        lines += [
            f"                if len(_memo) >= {MEMO_SIZE}:",
            "                    _memo.clear()",
            "                _memo[key] = ok",
            "            if not ok:",
            "                continue",
            "        else:",
        ]
        if skip_bare:
            lines.append("            continue")
        else:
            lines.append(f"            {' = '.join(values)} = None")
            lines += ["            if not (" + joined + "):", "                continue"]
        predicates = []
    elif values:
        lines += ["        items = e.items()", "        if items:", "            a = dict(items)"]
        lines += [f"            {v} = a.get({n!r})" for n, v in attributes.items()]
        lines.append("        else:")
        lines.append(
            "            continue" if skip_bare else f"            {' = '.join(values)} = None"
        )
    for condition in predicates:
        lines += [f"        if not {condition}:", "            continue"]
    if parsed.whole_first:
        lines.append("        return [e]")
    elif parsed.first_child:  # one element per parent: the first of its children that passed
        lines.append("        parent = e.getparent()")
        lines += [
            "        if parent in parents:",
            "            continue",
            "        parents.add(parent)",
        ]
    lines += ["        found.append(e)", "    return found"]
    # its literals enter as repr(); compiled once a Python (worker.code_cache) when the command
    # line keeps generated code
    exec(code_cache.compiled("\n".join(lines), "exec", _FLAGS), scope)
    function: Callable[[Any], list[Any]] = scope["find"]
    return function


class PrunePath:
    """Stands in for one of trafilatura's XPath objects: called on an element, the elements
    the expression finds there; on anything else (a whole document), the XPath itself."""

    __slots__ = ("_find", "path", "xpath")

    def __init__(self, xpath: Any, find: Callable[[Any], list[Any]]) -> None:
        self.xpath, self.path, self._find = xpath, xpath.path, find

    def __call__(self, node: Any, **variables: Any) -> list[Any]:
        if variables or not isinstance(node, lxml.etree._Element):
            return self.xpath(node, **variables)  # type: ignore[no-any-return]
        return self._find(node)


def speed_up(xpaths: Any) -> int:
    """Put a PrunePath in place of each XPath of trafilatura.xpaths' pruning lists whose
    expression is of the subset. Returns how many were replaced.

    An XPath object does not tell its namespaces: trafilatura makes every expression that
    uses regular expressions with `namespaces={"re": REGEXP_NS}`, its module's constant, so
    `re:` is taken for EXSLT's prefix only when that constant is EXSLT's namespace."""
    prefix = "re" if getattr(xpaths, "REGEXP_NS", None) == _EXSLT_REGEXP else None
    done = 0
    for list_name in LISTS:
        members = getattr(xpaths, list_name, None)
        if not isinstance(members, list):
            continue
        for i, member in enumerate(members):
            path = getattr(member, "path", None)
            if isinstance(member, PrunePath) or not isinstance(path, str):
                continue
            try:
                find = compiled(path, prefix)
            except (Unsupported, re.error):
                continue
            members[i] = PrunePath(member, find)
            done += 1
    return done
