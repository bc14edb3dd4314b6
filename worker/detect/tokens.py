"""Tokens and sentences: text in, word tokens or sentences (with character spans) out.

Latin, Cyrillic, Greek and Hangul text is cut into words, numbers ("1,234.5", "12.5%") and
single punctuation marks; Han and Kana text into one token per character, so that a CJK run is
never one whitespace token. Sentences are cut at English . ! ? (abbreviations such as "Mr.",
"U.S.", "No. 5" excepted), at Chinese 。！？； and at line breaks.
"""

from __future__ import annotations

import re
from itertools import accumulate
from typing import NamedTuple

# Hand-written regular expressions: the available segmenters (e.g. jieba) are large, slow to
# load and word-level; the diff wants per-character CJK tokens, which a regex gives exactly.
_CJK_CHARS = (
    r"\u2e80-\u2fdf\u3005-\u3007\u3021-\u3029\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
    r"\uf900-\ufaff\U00020000-\U0002ffff"
)
_LETTER = rf"[^\W\d_{_CJK_CHARS}]"
_ALNUM = rf"[^\W_{_CJK_CHARS}]"
_CJK_TOKEN = rf"[{_CJK_CHARS}]"
_NUM_TOKEN = rf"\d+(?:[.,:]\d+)*(?:[%％‰]|{_LETTER}+)?"
_WORD_TOKEN = rf"{_LETTER}{_ALNUM}*(?:(?:['’\-]|-[ \t]*\n[ \t]*){_ALNUM}+)*"
_TOKEN = re.compile(
    rf"(?P<cjk>{_CJK_TOKEN})|(?P<num>{_NUM_TOKEN})|(?P<word>{_WORD_TOKEN})|(?P<punct>\S)"
)
# The same tokens but punctuation, as one capturing group for re.split: a punctuation token is
# one character, so leaving that branch out changes no other token.
_WORD_SPLIT = re.compile(rf"({_CJK_TOKEN}|{_NUM_TOKEN}|{_WORD_TOKEN})")
_ONE_CJK = re.compile(_CJK_TOKEN)
# Text whose only characters beyond ASCII are these marks (none a letter, digit or CJK
# character; only ’ can join a word) gives the same tokens with ASCII classes, which the
# regex engine tests about twice as fast as Unicode categories.
_BEYOND_ASCII_MARKS = re.compile(r"[^\x00-\x7f’‘“”—–…]")
_ASCII_WORD_SPLIT = re.compile(
    r"([A-Za-z][A-Za-z0-9]*(?:(?:['’\-]|-[ \t]*\n[ \t]*)[A-Za-z0-9]+)*"
    r"|[0-9]+(?:[.,:][0-9]+)*(?:%|[A-Za-z]+)?)"
)


class Token(NamedTuple):
    """One token of a text: its text, its kind and where it is.

    A named tuple, not a frozen dataclass: long texts make tens of thousands of tokens and a
    frozen dataclass costs several times more to build.
    """

    text: str
    start: int
    end: int
    kind: str  # "cjk" | "num" | "word" | "punct"


class Sentence(NamedTuple):
    """One sentence: `text == source[start:end]`; `paragraph` counts blank-line paragraphs.

    A named tuple for the reason `Token` is one: a long text has thousands of sentences.
    """

    text: str
    start: int
    end: int
    paragraph: int


def iter_tokens(text: str, offset: int = 0) -> list[Token]:
    """Return the tokens of `text` with their spans (shifted by `offset`).

    >>> [(t.text, t.kind) for t in iter_tokens("GDP 5.2%")]
    [('GDP', 'word'), ('5.2%', 'num')]
    """
    return [
        Token(m.group(), m.start() + offset, m.end() + offset, m.lastgroup or "punct")
        for m in _TOKEN.finditer(text)
    ]


def word_tokens(text: str) -> tuple[list[str], list[int]]:
    """The word tokens of `text` (`iter_tokens` without punctuation) and their boundaries:
    token k is `text[bounds[2 * k] : bounds[2 * k + 1]]`.

    Made by re.split and running sums of lengths, all in C: no object per token, which on a
    long document is most of the cost of `iter_tokens`.

    >>> word_tokens("GDP, 5.2% up")
    (['GDP', '5.2%', 'up'], [0, 3, 5, 9, 10, 12, 12])
    """
    pattern = _WORD_SPLIT if _BEYOND_ASCII_MARKS.search(text) else _ASCII_WORD_SPLIT
    parts = pattern.split(text)
    return parts[1::2], list(accumulate(map(len, parts)))


def token_kind(token: str) -> str:
    """The kind `iter_tokens` gives a word token: "cjk", "num" or "word".

    >>> [token_kind(t) for t in ("会", "5.2%", "GDP")]
    ['cjk', 'num', 'word']
    """
    if token[0].isdecimal():
        return "num"
    if len(token) == 1 and _ONE_CJK.match(token):
        return "cjk"
    return "word"


def tokenize(text: str) -> list[str]:
    """Return the tokens of `text`: words, numbers, punctuation marks, single CJK characters.

    >>> tokenize("It rose 12.5% to 1,234.5 tonnes.")
    ['It', 'rose', '12.5%', 'to', '1,234.5', 'tonnes', '.']
    >>> tokenize("习近平主持会议")
    ['习', '近', '平', '主', '持', '会', '议']
    """
    return [m.group() for m in _TOKEN.finditer(text)]


# Words after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr adm gov sen rep pres rev hon
    no nos vol vols fig figs art sec ch pp p op ed eds est approx dept univ corp inc ltd co
    vs etc al cf jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur
    thurs fri sat sun""".split()
)
# Sentence ends: runs of . ! ? 。！？；; with closing quotes or brackets, an ellipsis before a
# capital, line breaks. Written as one branch per first character, each opening with a literal:
# then the regex engine skips ahead to the next candidate character in C (a branch opening with
# a character class or a repeat makes it try the whole pattern at every position, 5x slower).
_END = re.compile(
    "|".join(rf"{re.escape(c)}[.!?。！？；;]*[\"'”’」』)）\]]*" for c in ".!?。！？；;")
    + r"|……*[\"'”’」』)）]*(?=\s*[A-Z\"“]|$)|\n\n*"
)
_LINE_HYPHEN = re.compile(r"[^\W\d_]-\n[^\W\d_]")


_NEXT_CHAR = re.compile(r"[ \t]*(.)", re.DOTALL)


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    """Whether the full stop `match` ends a sentence (other end marks always do).

    Looks at a few characters either side without slicing the rest of `text` (on a long
    document a slice to its end per full stop made splitting quadratic).
    """
    end = match.end()
    if text[end : end + 1].isalnum():
        return False  # "3.5", "U.S", "e.g": no space after the stop
    start = match.start()
    before = text[max(0, start - 40) : start]
    if before.endswith("\n"):
        before = before[:-1]  # the word before a line break still counts ("Mr\n.")
    if not before or before[-1].isspace():
        return True
    prev = before.rsplit(None, 1)[-1].lstrip("(\"'“‘[")
    if prev.lower() in _ABBREVIATIONS or (len(prev) == 1 and prev.isalpha()):
        return False  # "Mr. Li", "No. 5", the initial in "J. Smith"
    nxt = _NEXT_CHAR.match(text, end)
    return nxt is None or not nxt.group(1).islower()


def split_sentences(text: str) -> list[Sentence]:
    """Split `text` into sentences with their spans, line breaks included as boundaries.

    >>> [s.text for s in split_sentences("Mr. Li met U.S. officials. He left.\\n\\n会议召开。他讲话！")]
    ['Mr. Li met U.S. officials.', 'He left.', '会议召开。', '他讲话！']
    """
    sentences: list[Sentence] = []
    paragraph = 0
    start = 0
    for match in _END.finditer(text):
        mark = match.group()
        if mark[0] == "\n":
            if mark == "\n" and _LINE_HYPHEN.fullmatch(text, match.start() - 2, match.end() + 1):
                continue  # "inter-\nnational" is one word broken at a line end
            _add_sentence(sentences, text, start, match.start(), paragraph)
            start = match.end()
            if len(mark) >= 2 and sentences:
                paragraph += 1
            continue
        if mark[0] == "." and not _ends_sentence(text, match):
            continue
        end = match.end()
        _add_sentence(sentences, text, start, end, paragraph)
        start = end
    _add_sentence(sentences, text, start, len(text), paragraph)
    return sentences


def _add_sentence(
    sentences: list[Sentence], text: str, start: int, end: int, paragraph: int
) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        s = start + len(chunk) - len(chunk.lstrip())
        sentences.append(Sentence(stripped, s, s + len(stripped), paragraph))
