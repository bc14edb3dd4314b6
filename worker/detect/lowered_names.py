"""Names a machine translation or a scraper wrote in lower case, capitalised again.

Some machine translations and copies lower-case names ("Treasurer gerhard blumm reported",
"vice president kamala harris", "President of France Emmanuel macron", "council chairman hu
wei"): the name readers of `people_latin` look for capitalised words and pass them by. A name is
restored where a title stands right before it (the title in any case) and it has the shape of
a name in one of three ways: a known given name and a surname ("gerhard blumm", "Donald trump"),
a common Chinese surname and a given name of pinyin ("xie chunfeng"), or a roster name whose
first word is in lower case; and so are the further names of its list ("honorary members
reinhold fritz and egon schreck"). Only a sentence the rules read (a cue word's) that gives no
list is restored and read again (`lowered_names_read`): a scan of every English text cost 15%
of the reading's instructions.

Round 25 (issue 9, mt25): round 44's odd mt_en and scraped reports and the older dev rounds'
lower-case names, counted by class (docs/people.md).
"""

from __future__ import annotations

import re
from functools import lru_cache

from worker.detect import role_cues as cues
from worker.detect.model import Role
from worker.detect.people_latin import (
    _ARABIC_PARTICLES,
    _BREAK,
    _CAPITAL_SURNAMES,
    _ENGLISH_LOOKALIKES,
    _ENGLISH_SYLLABLES,
    _NOBLE_PARTICLES,
    _PARTICLES,
    _PINYIN_WORD,
    _ROMANCE_PARTICLES,
    _TITLE_WORDS,
    Context,
    latin_lists,
)
from worker.detect.roster import Roster

# The titles of `people_latin`, and a club's or firm's officers a local report names the same
# way ("Treasurer gerhard blumm reported on the finances", scraped-t24a25).
_TITLES = frozenset(w for w in _TITLE_WORDS if w.replace("-", "").isalpha()) | {
    "treasurer",
    "treasurers",
}
_PARTICLES = _PARTICLES | _ARABIC_PARTICLES | _ROMANCE_PARTICLES | _NOBLE_PARTICLES
_LOWER = r"[a-z][a-z'’]+(?:-[A-Za-z][a-z]+)?"
_UPPER = r"[A-Z][a-z'’]+(?:-[A-Za-z][a-z]+)?"
_WORD = rf"(?:{_LOWER}|{_UPPER})"
# A title, lower-case or capitalised, then two words of which the first or the second opens in
# lower case. (A space first, then a lookahead: re skips from space to space, and the words
# are not taken, so a title among them is tried too; three times cheaper than `\b` and the
# title in any case.)
_TITLED = re.compile(
    " (?:"
    + cues.literal_trie(sorted(_TITLES | {t[:1].upper() + t[1:] for t in _TITLES}))
    + rf") (?=({_LOWER}) ({_WORD})\b|({_UPPER}) ({_LOWER})\b)"
)
# The next name of the same list: "..., X Y", "... and X Y", "... as well as members X Y".
_NEXT_IN_LIST = re.compile(
    rf"(?:,| and| as well as)(?: [a-z]+){{0,2}}? ({_WORD}) ({_WORD})\b(?![’'-])"
)
# Words that end neither a surname nor a given name in running English: verb forms, adverbs.
_NOT_A_SURNAME = re.compile(r".*(?:ed|ing|ly)$")


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    """English function and common words (jusText's stoplist, a dependency of trafilatura)."""
    import justext  # (loaded once, only when a text has a lower-case word after a title)

    return frozenset(justext.get_stoplist("English"))


def _name_shape(first: str, last: str, roster: Roster) -> bool:
    """Whether `first last` (one of them in lower case) is a name a machine lower-cased."""
    if first[0].isupper() and last[0].isupper():
        return False
    stop = _stopwords()
    low_first, low_last = first.casefold(), last.casefold()
    if low_first in stop or low_last in stop or low_last in _BREAK:
        return False
    if low_first in _PARTICLES or low_last in _PARTICLES:
        return False  # ("Mohammed bin Abdulrahman": a particle stays in lower case)
    if low_first in _TITLE_WORDS or low_last in _TITLE_WORDS:
        return False  # ("deputy governor Ivanov": a title in lower case, no name)
    if last.islower() and _NOT_A_SURNAME.fullmatch(low_last):
        return False
    if roster.is_given_name(first) and len(low_last) > 2:
        return True
    if (
        first.capitalize() in _CAPITAL_SURNAMES
        and _PINYIN_WORD.fullmatch(low_last)
        and low_last not in _ENGLISH_SYLLABLES
        and low_last not in _ENGLISH_LOOKALIKES
    ):
        return True
    return first.islower() and roster.canonical(f"{first.capitalize()} {last}") is not None


def _capitalised(word: str) -> str:
    return "-".join(p[:1].upper() + p[1:] for p in word.split("-"))


def lowered_names_restored(sentence: str, roster: Roster) -> str:
    """`sentence` with the names a machine lower-cased capitalised (see the module's
    docstring); case only, so every offset holds."""
    spans: list[tuple[int, str]] = []
    padded = " " + sentence  # (a title may open the sentence)
    for m in _TITLED.finditer(padded):
        first, last = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        if not _name_shape(first, last, roster):
            continue
        at = m.end() - 1  # the name's offset in `sentence`
        spans.append((at, f"{_capitalised(first)} {_capitalised(last)}"))
        end = m.end() + len(first) + len(last) + 1
        while (n := _NEXT_IN_LIST.match(padded, end)) and _name_shape(n[1], n[2], roster):
            spans.append((n.start(1) - 1, f"{_capitalised(n[1])} {_capitalised(n[2])}"))
            end = n.end()
    if not spans:
        return sentence
    out = list(sentence)
    for at, name in spans:
        out[at : at + len(name)] = name
    return "".join(out)


def lowered_names_read(sentence: str, ctx: Context) -> tuple[str, list[tuple[Role, list[str]]]]:
    """The lists of `sentence`, a sentence the rules read (`latin_lists`), and the sentence as
    read: when it gives none in English, read again with its lower-cased names restored, if
    any. Their words are then no longer the text's common words for `ctx`, which reads the
    text as written ("fedor fetsch" twice in a text is no phrase of the language). (Only a
    sentence that gives no list is tried: a scan of each sentence read cost 2.5% of the
    English reading's instructions, this way +0.8% in all.)"""
    found = list(latin_lists(sentence, ctx, german=ctx.german))
    if found or ctx.german:
        return sentence, found
    restored = lowered_names_restored(sentence, ctx.roster)
    if restored is sentence:
        return sentence, found
    words = zip(sentence.split(), restored.split(), strict=True)
    ctx.lowered.update(w.casefold() for w, r in words if w != r)
    return restored, list(latin_lists(restored, ctx, german=False))
