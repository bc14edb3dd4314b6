"""Language guess, good enough to pick a tokenizer and a set of name patterns."""

from __future__ import annotations

import re
from collections import Counter

from worker.detect.normalize import HAN as _HAN
from worker.detect.normalize import HAN_RANGES

_KANA = re.compile(r"[\u3040-\u30ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
# Han, kana or Hangul: most texts hold none, which one scan tells.
_CJK = re.compile(rf"[{HAN_RANGES}\u3040-\u30ff\uac00-\ud7af]")
# The letters of kana, Hangul and the Latin script, gathered in one scan of a text that holds
# Han characters (a Chinese text has few of them; they are then counted by script). Runs of
# them, not single letters, counted by their runs' lengths (a string per letter cost more),
# and written `[x][x]*`, not `[x]+`, for re to skip to the first letter of a run (with `+` it
# tries a match at every character): a third fewer instructions over meetings-zh (round 11).
_LETTER_CLASS = r"[A-Za-z\u00c0-\u024f\u3040-\u30ff\uac00-\ud7af]"
_LETTERS = re.compile(f"{_LETTER_CLASS}{_LETTER_CLASS}*")
_LATIN_RUN = re.compile(r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f]*")
_HANGUL_RUN = re.compile(r"[\uac00-\ud7af][\uac00-\ud7af]*")
_HAN_RUN = re.compile(f"[{HAN_RANGES}][{HAN_RANGES}]*")
# Function words that are frequent in one language and rare in the other, as Latin-1 bytes.
_DE_WORDS = frozenset(
    w.encode("latin-1")
    for w in "der die das und nicht mit den dem des ist ein eine sich auf für von zu im bei wurde".split()
)
_EN_WORDS = frozenset(
    w.encode("latin-1")
    for w in "the and of to in is was with for on that by at from as were has an".split()
)
# Words are runs of a-z, ä, ö, ü and ß in the case-folded text: each of those letters is one
# byte in Latin-1, where every other byte becomes a space (a character outside Latin-1 is
# written "?", a space too).
_WORD_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyz" + "äöüß".encode("latin-1"))
_NOT_WORD_TO_SPACE = bytes(c if c in _WORD_BYTES else 0x20 for c in range(256))


def detect_language(text: str) -> str:
    """Return "zh", "ja", "ko", "de", "en" or "und" from the script mix of `text`.

    >>> detect_language("习近平主持会议")
    'zh'
    >>> detect_language("Xi Jinping presided over the meeting")
    'en'
    >>> detect_language("An der Sitzung nahmen die Minister teil")
    'de'
    """
    sample = text[:20000]
    if _CJK.search(sample) is None:  # Latin letters are counted only against Han or Hangul
        return _latin_language(sample) if _LATIN.search(sample) else "und"
    han = _HAN.search(sample) is not None
    letters = "".join(_LETTERS.findall(sample))
    if han and _KANA.search(letters):
        return "ja"
    latin = sum(map(len, _LATIN_RUN.findall(letters)))
    if sum(map(len, _HANGUL_RUN.findall(letters))) > latin:
        return "ko"
    if han and _at_least(_HAN_RUN, sample, latin / 8):
        return "zh"
    return _latin_language(sample) if latin else "und"


def _at_least(runs: re.Pattern[str], sample: str, count: float) -> bool:
    """Whether the characters of the `runs` found in `sample` are `count` or more; stops
    counting there (a Chinese text holds thousands of Han characters and a handful of Latin
    letters: its first run of Han mostly answers)."""
    if count <= 0:
        return True
    seen = 0
    for m in runs.finditer(sample):
        seen += m.end() - m.start()
        if seen >= count:
            return True
    return False


def _latin_language(sample: str) -> str:
    """ "de" when German function words outnumber English ones, else "en"."""
    # counted in C once, then looked up for the 20 words of each list (a sum over every word
    # of a 20,000-character sample was 4% of reading an English text's people); the words
    # split from bytes (the same words as re.findall("[a-zäöüß]+"), in a third of its time:
    # a match object per word cost more than the count)
    folded = sample.casefold().encode("latin-1", "replace")
    counts = Counter(folded.translate(_NOT_WORD_TO_SPACE).split())
    de = sum(counts[w] for w in _DE_WORDS)
    en = sum(counts[w] for w in _EN_WORDS)
    return "de" if de > en else "en"
