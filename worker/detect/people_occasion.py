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
from typing import NamedTuple

from worker.detect.model import Person, Role, Segment
from worker.detect.people_de import negated, not_yet, preview
from worker.detect.people_latin import _IRREALIS, _IRREALIS_BEFORE, Context, Item, _cached_tokens


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

# A verb opening the predicate after a subject list (English, lower case), by the role it gives.
_SUBJECT_VERBS_EN: dict[str, Role] = {
    **dict.fromkeys(
        "arrived came reached landed joined greeted welcomed toured visited inspected viewed"
        " walked laid stood sat gathered accompanied watched witnessed met".split(),
        "attended",
    ),
    **dict.fromkeys(
        "spoke addressed delivered told stressed noted emphasized emphasised remarked said"
        " thanked praised highlighted underlined underscored urged called".split(),
        "spoke",
    ),
}
_SUBJECT_VERBS_DE: dict[str, Role] = {
    **dict.fromkeys(
        "kam kamen erschien erschienen besuchte besuchten begleitete begleiteten"
        " besichtigte besichtigten legte legten traf trafen war waren".split(),
        "attended",
    ),
    **dict.fromkeys(
        "sprach sprachen betonte betonten sagte sagten dankte dankten lobte lobten"
        " erklärte erklärten erinnerte erinnerten würdigte würdigten hob hoben"
        " begrüßte begrüßten unterstrich".split(),
        "spoke",
    ),
}
# Words that may stand between a subject and its verb: a time, "also", "then" ...
_BETWEEN = frozenset(
    "also then later too on in at today yesterday earlier first last ,"
    " monday tuesday wednesday thursday friday saturday sunday morning afternoon evening"
    " auch dann zudem anschließend ebenfalls noch heute gestern".split()
)


_OCCASION_WORD = re.compile(
    r"\b(?:meeting|talks|ceremony|event|conference|session|forum|summit|reception|celebration"
    r"|gathering|banquet|dinner|visit|Treffen|Feier|Festakt|Empfang|Sitzung|Veranstaltung"
    r"|Besuch|Gespräch|Konferenz|Versammlung)\w*", re.I)
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
    for segment, sentence in sentences:
        if words is not None and not any(w in sentence for w in words):
            continue  # (only verb frames asked: a substring test first, no list read)
        here = (read_in or {}).get(sentence, set())
        for frame, role, name in _sentence_frames(sentence, ctx, given, here, german=german):
            if frames is not None and not frame.startswith(tuple(frames)):
                continue
            key = _key(name)
            if key in given or key in seen or (" " not in key and key in surnames):
                continue
            seen.add(key)
            out.append(Added(frame, role, name, segment))
    return out


def _verbs_of(frames: frozenset[str]) -> tuple[str, ...] | None:
    """The verbs of `frames` when all are subject frames ("subject:came:"), each between
    spaces, for a test before a sentence's lists are read; None when another frame is asked."""
    if not all(f.startswith("subject:") and f.count(":") >= 2 for f in frames):
        return None
    return tuple(f" {f.split(':')[1]} " for f in frames)


def _sentence_frames(
    sentence: str, ctx: Context, given: dict[str, set[Role]], here: set[str], *, german: bool
) -> Iterator[tuple[str, Role, str]]:
    lists = ctx.lists_in(sentence)
    if not lists or _unreal(sentence, german=german):
        return
    toks = _cached_tokens(sentence)
    for items in lists:
        names = [it for it in items if not it.possessive]
        if not names:
            continue
        read = [given[_key(it.name)] for it in names if _key(it.name) in given]
        missing = [it for it in names if _key(it.name) not in given]
        if not missing:
            continue
        if read:
            roles = set.intersection(*read)
            role = _one_role(roles)
            same = "same" if any(_key(it.name) in here for it in names) else "other"
            share = "most" if 2 * len(read) >= len(names) else "few"
            if role:
                for it in missing:
                    yield f"list-{same}-{share}:{role}", "attended", it.name
            continue
        start = toks[names[0].prefix].start
        before = sentence[:start]
        if also := (_ALSO_DE if german else _ALSO_EN).search(before):
            word = also.group().split()[0].lower() if not german else also.group()[:12]
            for it in missing:
                yield f"also:{word}", "attended", it.name
            continue
        verb = _subject_verb(toks, names, german=german) if names[0].prefix <= 1 else None
        if verb:
            frame, role = verb
            for it in missing:
                yield f"{frame}:{role}", "attended", it.name
            continue
        occ = "occ" if _OCCASION_WORD.search(sentence) else "no-occ"
        said = "said" if _SAID.search(sentence) else "unsaid"
        for it in missing:
            yield f"any:{occ}:{said}", "attended", it.name


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


def _subject_verb(toks: Sequence, items: Sequence[Item], *, german: bool) -> tuple[str, Role] | None:
    """The frame and role the verb after a sentence-opening list gives, if it is one of
    `_SUBJECT_VERBS_*` (a few words of time or "also" may stand between)."""
    verbs = _SUBJECT_VERBS_DE if german else _SUBJECT_VERBS_EN
    k = items[-1].last
    skipped = 0
    while k < len(toks) and skipped <= 4:
        low = toks[k].low
        role = verbs.get(low)
        if role:
            return f"subject:{low}", role
        if low not in _BETWEEN and not low.isdigit():
            return None
        k += 1
        skipped += 1
    return None
