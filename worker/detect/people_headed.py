"""A list under a heading that holds no cue word of its own (round 11).

Reports name a group at its occasion in one sentence and list its members in the next:
"Xi Jinping received the credentials of 28 new ambassadors ... . The ambassadors are: --
André Haspels from the Netherlands -- ..." (xinhua_en-r10v04, one "-- Name from Country" a
paragraph); "These thirteen newly-appointed Ambassadors are A, B, ... and M" (xinhua_en-r10v05).
The heading ("The ambassadors are:", "X include:", "X were, namely") holds no cue; the group noun
it opens with ("ambassadors") is the link to the occasion. The list's names are set after that
noun in the sentence before that names it ("... the credentials of 28 new ambassadors A, B and
C to China ..."), and that sentence is read by the ordinary rules: whatever role they give the
inserted names, every name of the list gets. A list of another kind (winners, victims,
candidates) stays unread unless a cue of the sentence before gives its group a role.

`list_lines` joins the lines of such a list to its heading (`people._paragraphs`): a heading
line ending in ":" and the item lines after it (a dash or bullet, or a short line with no
sentence end), up to the first line that is no item.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from worker.detect.model import Role

# "The ambassadors are:", "These thirteen newly-appointed Ambassadors are A, B ...", "Those
# attending included:", "The guests were, namely, ...": up to four words before a plural noun.
LIST_HEAD = re.compile(
    r"^(?:The|These|Those|Its|Their|Other|All(?:\s+the)?)\s+(?:[\w’'-]+\s+){0,4}?"
    r"(?P<noun>[A-Za-z][a-z-]*[a-z]s)\s+(?:are|were|include|included)"
    r"(?:\s*:|\s*,?\s+namely\b[:,]?|\s+(?=[A-ZÀ-Þ\-–—•]))"
)
# (a paragraph may hold one at a sentence's start: tested before its sentences are split)
HEAD_IN = re.compile(r"(?:^|(?<=[.!?] ))" + LIST_HEAD.pattern[1:])
# (a period only after an initial or a two-letter abbreviation: "Michael S. Christensen",
# "Md. Nazmul Islam")
_ITEM = re.compile(
    r"^(?:[-–—•*·]+\s*)?[A-ZÀ-Þ](?:[^.!?]|(?<=\b[A-Z])\.|(?<=\b[A-Z][a-z])\.){2,90}[^.!?:;,]$"
)
_BULLET = re.compile(r"^[-–—•*·]+\s*")


def list_lines(heading: str, lines: Sequence[str]) -> int:
    """How many of `lines` (those after `heading`) are items of the list `heading` opens:
    0 when `heading` opens none ("The ambassadors are:" / "-- André Haspels from the
    Netherlands" / ...); a list is two items or more."""
    if not heading.endswith(":") or len(heading) > 120 or not LIST_HEAD.match(heading):
        return 0
    n = 0
    for line in lines:
        if not _ITEM.match(line) or (not _BULLET.match(line) and len(line.split()) > 8):
            break
        n += 1
    return n if n >= 2 else 0


def join_lists(lines: list[str]) -> list[str]:
    """`lines` with each list under a heading (`list_lines`) joined to its heading as one
    line: "The ambassadors are: A from X; B from Y"."""
    if not any(line[-1:] == ":" for line in lines):
        return lines
    out: list[str] = []
    i = 0
    while i < len(lines):
        n = list_lines(lines[i], lines[i + 1 :]) if lines[i][-1:] == ":" else 0
        items = lines[i + 1 : i + 1 + n]
        out.append(
            f"{lines[i]} " + "; ".join(_BULLET.sub("", it) for it in items) if n else lines[i]
        )
        i += 1 + n
    return out


def headed_roles(
    sentence: str,
    earlier: Sequence[str],
    names_of: Callable[[str], list[str]],
    roles_of: Callable[[str, list[str]], list[Role]],
) -> tuple[list[Role], list[str]]:
    """The roles of the names a heading `sentence` lists, and those names: the roles the rules
    (`roles_of(text, names)`: the roles a text gives any of `names`) give them set after the
    heading's group noun in the nearest of the `earlier` sentences (the last one first) that
    names it. `names_of`: the names a text holds. ([], []) when `sentence` is no such list."""
    m = LIST_HEAD.match(sentence)
    if m is None:
        return [], []
    # (item by item where `join_lists` joined them: a long list read whole loses names)
    parts = sentence[m.end() :].split("; ")
    names = list(dict.fromkeys(name for part in parts for name in names_of(part)))
    if len(names) < 2:
        return [], []
    noun = re.compile(rf"\b{re.escape(m.group('noun'))}\b", re.I)
    listed = ", ".join(names[:-1]) + f" and {names[-1]}"
    for text in earlier:
        at = noun.search(text)
        if at is None:
            continue
        roles = roles_of(f"{text[: at.end()]} {listed}{text[at.end() :]}", names)
        if roles:
            return roles, names
    return [], names


# The same in Chinese, in one sentence: a group the clause before it puts at the occasion,
# then the copula that opens its list ("出席会议的领导分别是：A、B", "今天...的负责人先后是：A、B",
# "到场嘉宾依次为A、B"). The copula is read as "有" ("出席会议的领导有：A、B"), which the Chinese
# rules read as the list of that group; a group no cue puts at the occasion ("获奖者分别是")
# stays unread, as "有" leaves it.
_ZH_LIST_ADVERBS = ("先后", "分别", "分別", "依次", "依序")
_ZH_LIST_COPULA = re.compile(
    r"(?<=[的之])([^，,。；、：:的]{1,14}?)(?:"
    + "|".join(_ZH_LIST_ADVERBS)
    + r")(?:是|为|為)(?=[:：]?\S)"
)


def zh_copula(sentence: str) -> str:
    """`sentence` with a copula opening a list of a group ("分别是", "先后是", "依次为") read
    as "有"."""
    # (the pattern opens on a lookbehind, so re tries it at every character: only a sentence
    # holding one of its adverbs is searched: 1 of the 369 of meetings-zh with 是, 为 or 為)
    if "是" not in sentence and "为" not in sentence and "為" not in sentence:
        return sentence
    for adverb in _ZH_LIST_ADVERBS:  # (a loop: no generator per sentence)
        if adverb in sentence:
            return _ZH_LIST_COPULA.sub(r"\1有", sentence)
    return sentence
