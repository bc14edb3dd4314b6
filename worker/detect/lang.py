"""Language guess, good enough to pick a tokenizer and a set of name patterns."""

from __future__ import annotations

import re

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


def detect_language(text: str) -> str:
    """Return "zh", "ja", "ko", "en" or "und" from the script mix of `text`.

    >>> detect_language("习近平主持会议")
    'zh'
    >>> detect_language("Xi Jinping presided over the meeting")
    'en'
    """
    sample = text[:20000]
    han = len(_HAN.findall(sample))
    latin = len(_LATIN.findall(sample))
    if _KANA.search(sample) and han:
        return "ja"
    if len(_HANGUL.findall(sample)) > latin:
        return "ko"
    if han and han * 2 >= latin / 4:
        return "zh"
    return "en" if latin else "und"
