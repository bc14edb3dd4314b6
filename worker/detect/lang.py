"""Language guess, good enough to pick a tokenizer and a set of name patterns."""

from __future__ import annotations

import re
from collections import Counter

from worker.detect.normalize import HAN as _HAN

_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_KANA_OR_HANGUL = re.compile(r"[\u3040-\u30ff\uac00-\ud7af]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_WORD = re.compile(r"[a-zäöüß]+")
# Function words that are frequent in one language and rare in the other.
_DE_WORDS = frozenset(
    "der die das und nicht mit den dem des ist ein eine sich auf für von zu im bei wurde".split()
)
_EN_WORDS = frozenset("the and of to in is was with for on that by at from as were has an".split())


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
    han = _HAN.search(sample) is not None
    other = _KANA_OR_HANGUL.search(sample) is not None  # one scan for both, mostly absent
    if other and han and _KANA.search(sample):
        return "ja"
    hangul = other and _HANGUL.search(sample) is not None
    # Latin letters are counted only against Han or Hangul; otherwise one is enough
    latin = len(_LATIN.findall(sample)) if han or hangul else int(bool(_LATIN.search(sample)))
    if hangul and len(_HANGUL.findall(sample)) > latin:
        return "ko"
    if han and _at_least(_HAN, sample, latin / 8):
        return "zh"
    return _latin_language(sample) if latin else "und"


def _at_least(pattern: re.Pattern[str], sample: str, count: float) -> bool:
    """Whether `pattern` matches `count` times or more; stops counting there (a Chinese text
    holds thousands of Han characters and a handful of Latin letters)."""
    if count <= 0:
        return True
    for seen, _ in enumerate(pattern.finditer(sample), start=1):
        if seen >= count:
            return True
    return False


def _latin_language(sample: str) -> str:
    """ "de" when German function words outnumber English ones, else "en"."""
    # counted in C once, then looked up for the 20 words of each list (a sum over every word
    # of a 20,000-character sample was 4% of reading an English text's people)
    counts = Counter(_WORD.findall(sample.casefold()))
    de = sum(counts[w] for w in _DE_WORDS)
    en = sum(counts[w] for w in _EN_WORDS)
    return "de" if de > en else "en"
