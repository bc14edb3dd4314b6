"""People of a report's occasion named where no cue of the rules stands (round 22, occ22).

The rules (`people`, `people_latin`, `role_cues`) give a role from the clause a name stands in.
Over the English dev rounds 1-39, 1,217 of the 1,336 labelled names they miss outright read
fine alone in a plain sentence: the clause is the cause, not the name. Most stand in a report
whose rules read people elsewhere (a later sentence telling who else was there, a list read
partly). Here the report is read once more at the level of its occasion: when the rules read
people in it, a name they gave no role gets the role the occasion's frame gives it:

- `list`: the name stands in one list with a name the rules read (the list read partly);
- `also`: the name follows "also", "as well as", "together with", "among them", "including" ...
  in a sentence that names no other role;
- `subject`: the name opens a sentence as the subject of a verb of being there, arriving,
  joining, greeting or touring (attended) or of speaking (spoke).

Each frame was kept only where its precision on the dev rounds nobody read for it was at least
0.85 on what it adds (docs/people.md, "Round 22: a report's occasion", branch issue-occ22).
Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import NamedTuple

from worker.detect.model import Person, Role, Segment
from worker.detect.people_de import negated, not_yet, preview
from worker.detect.people_latin import (
    _IRREALIS,
    _IRREALIS_BEFORE,
    Context,
    Item,
    _cached_tokens,
    _Tok,
)


class Added(NamedTuple):
    """One name the occasion gives a role: the frame that gave it, for the bench."""

    frame: str
    role: Role
    name: str
    segment: Segment


# A person in one of these roles makes the report one of an occasion with people.
_OCCASION_ROLES = frozenset(("attended", "presided"))

# Words before a list that add its people to those already told of, in the same clause.
_ALSO_EN = re.compile(
    r"\b(?:also|as well as|together with|along with|alongside|among them|among others"
    r"|including|such as|joined by|accompanied by|besides)\b[^.;:!?]*$",
    re.I,
)
_ALSO_DE = re.compile(
    r"\b(?:auch|sowie|gemeinsam mit|zusammen mit|darunter|unter ihnen|unter anderem|u\. ?a\."
    r"|begleitet von|neben)\b[^.;:!?]*$",
)

# Words that may stand between a subject and its verb: a time, "also", "then" ...
_BETWEEN = frozenset(
    "also then later too on in at today yesterday earlier first last ,"
    " monday tuesday wednesday thursday friday saturday sunday morning afternoon evening"
    " auch dann zudem anschließend ebenfalls noch heute gestern".split()
)


_OCCASION_WORD = re.compile(
    r"\b(?:meeting|talks|ceremony|event|conference|session|forum|summit|reception|celebration"
    r"|gathering|banquet|dinner|visit|Treffen|Feier|Festakt|Empfang|Sitzung|Veranstaltung"
    r"|Besuch|Gespräch|Konferenz|Versammlung)\w*",
    re.I,
)
_SAID = re.compile(r"\b(?:said|says|told|according|sagte|erklärte|betonte|laut)\b|[\"“”„]")


def _key(name: str) -> str:
    return name.casefold()


def occasion_people(
    sentences: Sequence[tuple[Segment, str]],
    people: Sequence[Person],
    ctx: Context,
    *,
    german: bool,
    frames: frozenset[str] | None = None,
    read_in: dict[str, set[str]] | None = None,
    every: bool = False,
) -> list[Added]:
    """The names of `sentences` (every sentence of the text, in order) that the rules gave
    no role (`people`), with the role their occasion's frame gives (`frames`: those asked;
    all when None)."""
    if not any(p.role in _OCCASION_ROLES for p in people):
        return []
    given: dict[str, set[Role]] = {}
    for p in people:
        given.setdefault(_key(p.name), set()).add(p.role)
        if p.canonical:
            given.setdefault(_key(p.canonical), set()).add(p.role)
    surnames = {k.rsplit(" ", 1)[-1] for k in given if " " in k}
    out: list[Added] = []
    seen: set[str] = set()
    words = _verbs_of(frames) if frames is not None else None
    asked = tuple(frames) if frames is not None else ("",)
    families = frozenset(f.split(":")[0].split("-")[0] for f in asked) if frames else None
    for segment, sentence in sentences:
        if words is not None and not any(w in sentence for w in words):
            continue  # (only verb frames asked: a substring test first, no list read)
        here = (read_in or {}).get(sentence, set())
        for frame, role, name in _sentence_frames(
            sentence, ctx, given, here, german=german, families=families
        ):
            if not frame.startswith(asked):
                continue
            key = _key(name)
            once = f"{frame} {key}" if every else key  # (`every`: each frame's own, for the bench)
            if key in given or once in seen or (" " not in key and key in surnames):
                continue
            seen.add(once)
            out.append(Added(frame, role, name, segment))
    return out


def occasion_paragraphs(
    texts: Sequence[tuple[Segment, str]], people: Sequence[Person], frames: frozenset[str]
) -> list[tuple[Segment, str]]:
    """The paragraphs of `texts` that `occasion_people` may find a name in with `frames`: none
    when the rules read nobody at an occasion; else those holding a word of a frame (all, when
    a frame asks no word). A test before any paragraph is split into sentences."""
    if not any(p.role in _OCCASION_ROLES for p in people):
        return []
    words = _verbs_of(frames)
    if words is None:
        return list(texts)
    return [(segment, text) for segment, text in texts if any(w in text for w in words)]


@lru_cache(maxsize=64)
def _verbs_of(frames: frozenset[str]) -> tuple[str, ...] | None:
    """The verbs of `frames` when all are subject frames ("subject:came:"), each between
    spaces, for a test before a sentence's lists are read; None when another frame is asked."""
    if not all(f.startswith(("subject:", "before:")) and f.count(":") >= 2 for f in frames):
        return None
    return tuple(f" {f.split(':')[1]} " for f in frames)


def _sentence_frames(
    sentence: str,
    ctx: Context,
    given: dict[str, set[Role]],
    here: set[str],
    *,
    german: bool,
    families: frozenset[str] | None = None,
) -> Iterator[tuple[str, Role, str]]:
    """Each name of the sentence's lists the rules gave no role, with the frame it stands in
    and the role that gives (`families`: the kinds of frame asked, all when None)."""
    lists = ctx.lists_in(sentence)
    if not lists or _unreal(sentence, german=german):
        return
    toks = _cached_tokens(sentence)
    for items in lists:
        names = [it for it in items if not it.possessive]
        read = [given[_key(it.name)] for it in names if _key(it.name) in given]
        missing = [it.name for it in names if _key(it.name) not in given]
        if not missing:
            continue
        if read:
            if families is None or "list" in families:
                yield from _list_frame(names, read, missing, here)
            continue
        for frame in _word_frames(sentence, toks, names, german=german, families=families):
            yield from ((frame, "attended", name) for name in missing)
        if families is None:
            occ = "occ" if _OCCASION_WORD.search(sentence) else "no-occ"
            said = "said" if _SAID.search(sentence) else "unsaid"
            yield from ((f"any:{occ}:{said}", "attended", name) for name in missing)


def _list_frame(
    names: Sequence[Item], read: list[set[Role]], missing: list[str], here: set[str]
) -> Iterator[tuple[str, Role, str]]:
    """A list the rules read partly: its other names, by the role its read names share,
    whether one was read in this sentence ("same") and whether most were ("most")."""
    role = _one_role(set.intersection(*read))
    if role:
        same = "same" if any(_key(it.name) in here for it in names) else "other"
        share = "most" if 2 * len(read) >= len(names) else "few"
        yield from ((f"list-{same}-{share}:{role}", "attended", name) for name in missing)


def _word_frames(
    sentence: str,
    toks: Sequence[_Tok],
    names: Sequence[Item],
    *,
    german: bool,
    families: frozenset[str] | None,
) -> Iterator[str]:
    """The word frames of a list no name of which the rules read: a word adding people
    before it ("also:including:"), the word after it opening a sentence ("subject:came:"),
    the word right before it ("before:featured:")."""
    first = names[0].prefix
    if families is None or "also" in families:
        found = (_ALSO_DE if german else _ALSO_EN).search(sentence, 0, toks[first].start)
        if found:
            yield f"also:{found.group().split()[0].lower() if not german else found.group()[:12]}:"
    if first <= 1 and (families is None or "subject" in families):
        word = _word_after(toks, names[-1].last)
        if word:
            yield f"subject:{word}:"
    elif (
        first >= 2 and (families is None or "before" in families) and toks[first - 1].low.isalpha()
    ):
        yield f"before:{toks[first - 1].low}:"


def _word_after(toks: Sequence[_Tok], k: int) -> str | None:
    """The first word after a sentence-opening list ending at token `k`, past a few words of
    time or "also" (`_BETWEEN`) and an apposition between commas."""
    skipped = 0
    while k < len(toks) and skipped <= 4:
        low = toks[k].low
        if low == "," and skipped == 0:
            close = next(
                (j for j in range(k + 1, min(len(toks), k + 12)) if toks[j].low == ","), None
            )
            if close is not None:
                k = close + 1
                skipped += 1
                continue
        if low not in _BETWEEN and not low.isdigit():
            return low if low.isalpha() else None
        k += 1
        skipped += 1
    return None


def _unreal(sentence: str, *, german: bool) -> bool:
    """Whether the sentence tells what is still to come, might be or was not."""
    if german:
        return preview(sentence) or not_yet(sentence) or negated(sentence)
    return bool(_IRREALIS.search(sentence) or _IRREALIS_BEFORE.search(sentence))


def _one_role(roles: set[Role]) -> Role | None:
    for role in ("attended", "presided", "spoke"):
        if role in roles:
            return role
    return None
