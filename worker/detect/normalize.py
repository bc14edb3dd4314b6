"""Text normalization: raw extracted text in, canonical text out.

`normalize_text` gives the stored and displayed form (readable, only cosmetic noise removed);
`fold_text` gives the comparison form, never displayed, in which formatting-only differences
(full-width forms, quote and dash styles, line-break hyphenation, traditional versus simplified
Chinese characters, whitespace) disappear.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Protocol

# Soft hyphen, zero-width space/non-joiner/joiner, word joiner, BOM, Mongolian vowel separator.
# Regex substitution rather than str.translate: translate with a dict costs per character,
# a character-class scan runs in C and these characters are rare.
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e]")
_LINE_ENDINGS = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")
# The patterns below leave alone what is already in normal form (a single space, a lone line
# break, a blank line): a substitution that matches nothing is one scan, while replacing each
# of a long text's spaces by a space builds the text again piece by piece.
_HSPACE_CHARS = r"\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_HSPACE = re.compile(rf"[{_HSPACE_CHARS}][ {_HSPACE_CHARS}]*| [ {_HSPACE_CHARS}]+")
_SPACE_AROUND_NEWLINE = re.compile(r" +\n *|\n +")
_PARAGRAPH_BREAK = re.compile(r"\n{3,}")

# Quote and dash styles, mapped to their ASCII form (after NFKC, so full-width forms are gone).
_QUOTE_MAP = {
    **dict.fromkeys("“”„‟«»「」『』〝〞〟″‶", '"'),
    **dict.fromkeys("‘’‚‛‹›′‵`´", "'"),
    **dict.fromkeys("‐‑‒–—―−⁃﹘﹣", "-"),
    **dict.fromkeys("〜～", "~"),
    **dict.fromkeys("・･", "·"),
}
_QUOTES = re.compile("[" + re.escape("".join(_QUOTE_MAP)) + "]")
_DASH_RUN = re.compile(r"-{2,}")
# A word broken at a line end: "inter-\nnational" -> "international".
_LINE_HYPHEN = re.compile(r"-(?<=[^\W\d_]-)[ \t]*\n[ \t]*(?=[^\W\d_])")
_WHITESPACE = re.compile(r"[^\S ]\s*| \s+")  # any whitespace run but a single space
# CJK scripts do not separate words with spaces: a space next to a CJK character is layout.
_CJK = (
    r"\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3190-\u31ff"
    r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0002ffff"
)
_SPACE_NEAR_CJK = re.compile(rf" (?:(?<=[{_CJK}] )|(?=[{_CJK}]))")
_HAS_CJK = re.compile(rf"[{_CJK}]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")


def _quote(match: re.Match[str]) -> str:
    return _QUOTE_MAP[match.group()]


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


@lru_cache(maxsize=1)
def _t2s() -> _Converter:
    """The traditional-to-simplified converter, built once on first use."""
    from opencc import OpenCC

    converter: _Converter = OpenCC("t2s")
    return converter


def to_simplified(text: str) -> str:
    """Fold traditional Chinese characters to simplified ones; text without Han is returned as is.

    >>> to_simplified("臺灣發展")
    '台湾发展'
    """
    if not _HAN.search(text):
        return text
    return _t2s().convert(text)


def normalize_text(text: str) -> str:
    """Return the stored and displayed form of `text`.

    Unicode NFC, line endings to "\\n", soft hyphens and zero-width characters removed, runs of
    spaces and tabs collapsed to one space, lines trimmed, paragraphs separated by exactly one
    blank line, the whole trimmed. Idempotent.

    >>> normalize_text("  Hello\\u00ad  world\\r\\n\\r\\n\\r\\n\\tBye ")
    'Hello world\\n\\nBye'
    """
    text = _nfc(_INVISIBLE.sub("", text))
    text = _LINE_ENDINGS.sub("\n", text)
    text = _HSPACE.sub(" ", text)
    text = _SPACE_AROUND_NEWLINE.sub("\n", text)
    text = _PARAGRAPH_BREAK.sub("\n\n", text).strip()
    return _nfc(text)


def _nfc(text: str) -> str:
    # is_normalized answers from a quick check table; most texts are already NFC.
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def fold_text(text: str) -> str:
    """Return the comparison form of `text`: never displayed, only compared.

    On top of `normalize_text`: NFKC (full-width to half-width), quote and dash styles unified,
    words hyphenated at a line break joined, traditional Chinese folded to simplified, all
    whitespace collapsed to single spaces and spaces next to CJK characters removed. Idempotent.

    >>> fold_text("“Ｈｅｌｌｏ” inter-\\nnational — 發展 ２０２３")
    '"Hello" international -发展2023'
    """
    text = unicodedata.normalize("NFKC", _INVISIBLE.sub("", text))
    text = _QUOTES.sub(_quote, _LINE_ENDINGS.sub("\n", text))
    text = _DASH_RUN.sub("-", text)
    if "\n" in text:
        text = _LINE_HYPHEN.sub("", text)
    text = to_simplified(text)
    text = _WHITESPACE.sub(" ", text).strip()
    if _HAS_CJK.search(text):
        text = _SPACE_NEAR_CJK.sub("", text)
    return text if text.isascii() else unicodedata.normalize("NFKC", text)
