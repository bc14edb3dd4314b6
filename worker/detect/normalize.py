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
# Speed on long texts: each pattern opens with a character class (the regex engine then skips
# ahead in C; an opening repeat or alternation makes it try the pattern at every position) and
# leaves alone what is already in normal form (a single space, a lone line break, a blank
# line). What a class cannot express is first looked for with `in`, a fast substring search.
_LINE_ENDINGS = re.compile(r"[\r\u2028\u2029\x85\x0b\x0c]")  # after "\r\n" -> "\n"
_HSPACE_CHARS = r"\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_HSPACE = re.compile(rf"[{_HSPACE_CHARS}][ {_HSPACE_CHARS}]*")  # a run opening with no space
_SPACE_RUN = re.compile(r"  +")
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
_WHITESPACE = re.compile(r"[^\S ]\s*")  # a whitespace run opening with no space
# CJK scripts do not separate words with spaces: a space next to a CJK character is layout.
_CJK = (
    r"\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3190-\u31ff"
    r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0002ffff"
)
_SPACE_NEAR_CJK = re.compile(rf" (?:(?<=[{_CJK}] )|(?=[{_CJK}]))")
_HAS_CJK = re.compile(rf"[{_CJK}]")
# Han characters (CJK ideographs with extensions and compatibility forms): the one copy in
# the detect core; lang.py counts with it. roster.py and people_zh.py (owned by the Chinese
# people work) still carry their own, narrower ranges: see docs/architecture.md.
HAN_RANGES = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
HAN = re.compile(f"[{HAN_RANGES}]")


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
    if not HAN.search(text):
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
    text = _line_endings(_nfc(_INVISIBLE.sub("", text)))
    text = _single_spaces(_HSPACE.sub(" ", text))
    if " \n" in text or "\n " in text:
        text = _SPACE_AROUND_NEWLINE.sub("\n", text)
    if "\n\n\n" in text:
        text = _PARAGRAPH_BREAK.sub("\n\n", text)
    return _nfc(text.strip())


def _line_endings(text: str) -> str:
    if "\r\n" in text:
        text = text.replace("\r\n", "\n")
    return _LINE_ENDINGS.sub("\n", text)


def _single_spaces(text: str) -> str:
    """Runs of spaces collapsed to one (a text where every other space run was made one space
    first: together, every run of spaces becomes one space)."""
    return _SPACE_RUN.sub(" ", text) if "  " in text else text


def _nfc(text: str) -> str:
    # is_normalized answers from a quick check table; most texts are already NFC.
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


_NFKC_PIECE = 2000


def _nfkc(text: str) -> str:
    """NFKC of `text`; a long text piece by piece, each cut before a space.

    A space is a starter that composes with nothing, so the pieces normalize independently;
    `unicodedata.normalize` returns a piece as is when its quick check passes. One "½" in a long
    text then costs the normalization of one piece instead of a full pass over the text.
    """
    if len(text) <= _NFKC_PIECE or text.isascii():
        return unicodedata.normalize("NFKC", text)
    pieces: list[str] = []
    start = 0
    while start < len(text):
        cut = text.find(" ", start + _NFKC_PIECE)
        cut = len(text) if cut < 0 else cut
        pieces.append(unicodedata.normalize("NFKC", text[start:cut]))
        start = cut
    return "".join(pieces)


def fold_text(text: str) -> str:
    """Return the comparison form of `text`: never displayed, only compared.

    On top of `normalize_text`: NFKC (full-width to half-width), quote and dash styles unified,
    words hyphenated at a line break joined, traditional Chinese folded to simplified, all
    whitespace collapsed to single spaces and spaces next to CJK characters removed. Idempotent.

    >>> fold_text("“Ｈｅｌｌｏ” inter-\\nnational — 發展 ２０２３")
    '"Hello" international -发展2023'
    """
    text = _nfkc(_INVISIBLE.sub("", text))
    # Replacing punctuation or whitespace by ASCII punctuation or a space keeps the text NFKC;
    # removing characters or converting Han may join a letter to a combining mark, so only
    # then is NFKC applied again (a second pass over a long text costs as much as the first).
    joined = False
    text = _QUOTES.sub(_quote, _line_endings(text))
    if "--" in text:
        text = _DASH_RUN.sub("-", text)
    if "\n" in text:
        size = len(text)
        text = _LINE_HYPHEN.sub("", text)
        joined = len(text) != size
    simplified = to_simplified(text)
    joined = joined or simplified != text
    text = _single_spaces(_WHITESPACE.sub(" ", simplified)).strip()
    if _HAS_CJK.search(text):
        size = len(text)
        text = _SPACE_NEAR_CJK.sub("", text)
        joined = joined or len(text) != size
    return _nfkc(text) if joined and not text.isascii() else text
