"""Wording diff: two texts in, a `WordDiff` (classified, tagged edits and a similarity) out.

How it works, in four steps, each linear or handed to rapidfuzz's C code:

1. Both texts are normalized, cut into sentences and word tokens (punctuation is kept for
   display but left out of the comparison); each token gets a folded comparison key
   (`fold_text`), interned to an int, and each sentence the tuple of its keys, interned too.
2. The two lists of sentence ids are aligned with rapidfuzz's Indel opcodes. Sentences that left
   one place and reappear in another, unchanged or nearly, are reported as moves.
3. Inside every changed block the word-key lists are aligned with rapidfuzz again; changes split
   by a short run of equal words are merged (diff-match-patch's "semantic cleanup" rule).
4. Each change becomes an `Edit` with before, after and the sentence(s) it sits in as context,
   classified and tagged; changes that vanish once punctuation is removed are dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import Indel

from worker.detect.dates import find_dates
from worker.detect.model import Edit, EditClass, Op, Touch, WordDiff
from worker.detect.normalize import fold_text, normalize_text, to_simplified
from worker.detect.tokens import Sentence, split_sentences, token_kind, word_tokens

Opcode = tuple[str, int, int, int, int]

_CONTEXT_CHARS = 200
_MOVE_SIMILARITY = 0.9  # a sentence found elsewhere at least this similar has moved
_MOVE_MIN_TOKENS = 4  # shorter sentences ("Yes.", a date line) are too common to call moves
_MOVE_PAIRS_CAP = 250_000  # fuzzy move search only when |deleted| x |inserted| is below this
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
# Everything but letters and digits, except a separator between two digits ("2.5" != "25").
_NOT_BARE = re.compile(r"[^\w.,:]|_|[.,:](?<!\d[.,:])|[.,:](?!\d)")
_DIGIT = re.compile(r"\d")
_WORD_CHAR = re.compile(r"[^\W_]")
_IN_WORD_PUNCT = re.compile(r"['\-](?<=[^\W_]['\-])(?=[^\W_])")
# Punctuation, except a separator between two digits. Each branch opens with a character
# class: a leading lookaround would be tried at every position of the text.
# Speed on long texts: the patterns applied to whole documents open with a character class, so
# the regex engine skips ahead in C (a leading alternation or repeat makes it try every
# position), and leave single spaces alone.
_KEY_PUNCT = re.compile(r"[^\w\s\x00](?!(?<=\d[.,:])\d)")  # and "_", replaced apart
_WHITESPACE = re.compile(r"[^\S\x00 ][^\S\x00]*")  # a whitespace run opening with no space
_SPACES = re.compile(r"  +")
_CJK = (
    r"\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    r"\uff00-\uffef\U00020000-\U0002ffff"
)
_SPACE_NEAR_CJK = re.compile(rf" (?:(?<=[{_CJK}] )|(?=[{_CJK}]))")
_COUNTABLE = re.compile(rf"[{_CJK}]|[^\s{_CJK}]+")  # what the tokenizer would count as words
_ANY_CJK = re.compile(rf"[{_CJK}]")
# Without CJK, the same as _RAW_COUNTABLE: one match per run of non-spaces holding a letter or
# digit (from its first letter or digit).
_WORD_RUN = re.compile(r"[^\W_]\S*")
# The same count on unfolded text: CJK characters and runs holding a letter or digit.
_RAW_COUNTABLE = re.compile(rf"[{_CJK}]|[^\s{_CJK}]*[^\W_][^\s{_CJK}]*")
_ZH_NUMERAL = re.compile(r"[〇零一二两三四五六七八九十百千万亿兆]")
_NUMBER_WORDS = frozenset(
    """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty
    ninety hundred hundreds thousand thousands million millions billion billions trillion
    dozen dozens half quarter first second third fourth fifth sixth seventh eighth ninth tenth
    percent twice""".split()
)
_CAPITALISED_RUN = re.compile(r"\b[A-Z][a-z'’\-]+(?:[ \t]+[A-Z][a-z'’\-]+)+\b")
_CAPITAL = re.compile(r"[A-Z]")
_RUN_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'’-")
# What a word of a date expression (dates.py) holds: a digit, a month or weekday name, a range
# word ("28 to 30 May") or a Chinese date character; a superset is fine (it only filters).
_DATE_CLUE = re.compile(
    r"\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun"
    r"|to|and|til|thr|[〇零一二两三四五六七八九十廿卅年月日号至到星期礼拜禮周週天]"
)
# Capitalised words that open sentences or name institutions and places, not people.
_NOT_NAME_WORDS = frozenset(
    """The A An And But Or Of In On At To For From By With As This That These Those It Its He She
    They We Our His Her Their When While After Before Since Under Over Mr Mrs Ms Dr President
    Premier Vice Minister Secretary General Chairman Chairwoman Member Members Comrade Comrades
    Party Central Committee Commission Council Congress Bureau Ministry Department Office State
    National People People's Republic Government Standing Political Military Court Procuratorate
    University Institute Association Federation Union United Nations Kingdom States China Chinese
    Beijing Shanghai Hong Kong Xinhua News Agency Daily Conference Meeting Forum Summit Thought
    Foreign Affairs Work Provincial Municipal Communist CPC NPC CPPCC Supreme Court January
    February March April May June July August September October November December Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday New Year Belt Road Initiative Global Development
    Security Civilization Western Eastern Northern Southern East West North South""".split()
)


def token_opcodes(a_tokens: Sequence[str], b_tokens: Sequence[str]) -> list[Opcode]:
    """Align two token lists with rapidfuzz; adjacent deletions and insertions become "replace".

    Tokens are interned to ints first (rapidfuzz compares hashes; ints make that fast). The
    opcodes have difflib's shape and cover both lists: applying them to `a_tokens` gives
    `b_tokens`.

    >>> token_opcodes("a b c".split(), "a x c".split())
    [('equal', 0, 1, 0, 1), ('replace', 1, 2, 1, 2), ('equal', 2, 3, 2, 3)]
    """
    table: dict[str, int] = {}
    a_ids = [table.setdefault(t, len(table)) for t in a_tokens]
    b_ids = [table.setdefault(t, len(table)) for t in b_tokens]
    return _opcodes(a_ids, b_ids)


def _opcodes(a: Sequence[int], b: Sequence[int]) -> list[Opcode]:
    ops: list[Opcode] = []
    for opcode in Indel.opcodes(a, b):
        tag, i1, i2, j1, j2 = (
            opcode.tag,
            opcode.src_start,
            opcode.src_end,
            opcode.dest_start,
            opcode.dest_end,
        )
        if tag != "equal" and ops and ops[-1][0] != "equal":
            _, pi1, _, pj1, _ = ops.pop()
            i1, j1 = pi1, pj1
        if tag != "equal":
            tag = "replace" if i2 > i1 and j2 > j1 else ("delete" if i2 > i1 else "insert")
        ops.append((tag, i1, i2, j1, j2))
    return ops


def _cleanup(ops: list[Opcode]) -> list[Opcode]:
    """Merge two changes split by an equal run no longer than either of them."""
    out: list[Opcode] = []
    for op in ops:
        if (
            op[0] != "equal"
            and len(out) >= 2
            and out[-1][0] == "equal"
            and out[-2][0] != "equal"
            and _size(out[-1]) <= min(_size(out[-2]), _size(op))
        ):
            out.pop()
            _, i1, _, j1, _ = out.pop()
            op = ("replace", i1, op[2], j1, op[4])
        if op[0] != "equal" and out and out[-1][0] != "equal":
            _, i1, _, j1, _ = out.pop()
            op = ("replace", i1, op[2], j1, op[4])
        out.append(op)
    return out


def _size(op: Opcode) -> int:
    return max(op[2] - op[1], op[4] - op[3])


@lru_cache(maxsize=100_000)
def _fold_token(token: str) -> str:
    return fold_text(token)


@lru_cache(maxsize=100_000)
def _bare(text: str) -> str:
    return _NOT_BARE.sub("", fold_text(text))


_Words = tuple[list[str], list[int], list[int]]


@dataclass(slots=True)
class _Doc:
    """One side of the diff: normalized text, its sentences with their keys and token counts.

    Sentences are tokenized (token texts, interned keys, boundaries) only when they fall in a
    changed block: most sentences of a long document never need it.
    """

    text: str
    interner: _Interner
    sentences: list[Sentence] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # sentence start offsets, for bisect
    keys: list[str] = field(default_factory=list)
    ids: list[int] = field(default_factory=list)
    counts: list[int] = field(default_factory=list)
    cache: dict[int, _Words] = field(default_factory=dict)

    def words(self, i: int) -> _Words:
        """Sentence `i`'s word tokens, their interned comparison keys and their boundaries
        (`word_tokens`' form, relative to the sentence start)."""
        found = self.cache.get(i)
        if found is not None:
            return found
        text = self.sentences[i].text
        tokens, bounds = word_tokens(text)
        folded = to_simplified(text) if _HAN.search(text) else None
        if folded is not None and len(folded) == len(text):
            # Han folded in context (OpenCC converts phrases), then read back per character.
            keys = [
                _fold_token(folded[bounds[2 * k]] if token_kind(t) == "cjk" else t)
                for k, t in enumerate(tokens)
            ]
        else:  # no Han, or a phrase changed length: fold token by token
            keys = list(map(_fold_token, tokens))
        found = (tokens, list(map(self.interner.tokens.__getitem__, keys)), bounds)
        self.cache[i] = found
        return found

    def span(self, sentence_ids: list[int], firsts: list[int], g1: int, g2: int) -> tuple[int, int]:
        """Where tokens g1 .. g2-1 of a block lie in the text; the block holds the sentences
        `sentence_ids`, the first of whose tokens have block indices `firsts`."""
        return self._offset(sentence_ids, firsts, g1, 0), self._offset(
            sentence_ids, firsts, g2 - 1, 1
        )

    def _offset(self, sentence_ids: list[int], firsts: list[int], g: int, side: int) -> int:
        n = bisect_right(firsts, g) - 1
        i = sentence_ids[n]
        return self.sentences[i].start + self.cache[i][2][2 * (g - firsts[n]) + side]


class _Ids(dict[str, int]):
    """Interning table: a new key gets the next int. Looked up through dict's C __getitem__."""

    def __missing__(self, key: str) -> int:
        self[key] = n = len(self)
        return n


class _Interner:
    def __init__(self) -> None:
        self.tokens = _Ids()
        self.sentences = _Ids()


def _sentence_keys(texts: list[str]) -> list[str]:
    """Each sentence's words in comparison form, punctuation dropped: equal keys, no edits.

    The sentences are folded joined by NUL, in one pass of each regex over the whole text
    (thousands of small calls cost several times more); one by one if a text holds a NUL.
    """
    joined = "\x00".join(texts)
    if joined.count("\x00") != len(texts) - 1:
        return [_sentence_key(t) for t in texts]
    keys = _sentence_key(joined).split("\x00")
    if len(keys) != len(texts):
        return [_sentence_key(t) for t in texts]
    return [k.strip() for k in keys]


def _sentence_key(text: str) -> str:
    folded = _IN_WORD_PUNCT.sub("", fold_text(text))
    if "_" in folded:
        folded = folded.replace("_", " ")
    folded = _WHITESPACE.sub(" ", _KEY_PUNCT.sub(" ", folded))
    if "  " in folded:
        folded = _SPACES.sub(" ", folded)
    folded = folded.strip()
    return _SPACE_NEAR_CJK.sub("", folded) if _ANY_CJK.search(folded) else folded


def _prepare_pair(
    raw_a: str, raw_b: str, interner: _Interner, normalized: tuple[bool, bool] = (False, False)
) -> tuple[_Doc, _Doc]:
    """Both sides, normalized (those `normalized` does not say are) and cut into keyed
    sentences.

    A sentence whose text occurs unchanged on the other side is keyed by its text as is:
    folding it could only give the same key on both sides. Only the sentences found on one
    side alone are folded, which on a long document with few edits is a small part.
    """
    raw_a = raw_a if normalized[0] else normalize_text(raw_a)
    raw_b = raw_b if normalized[1] else normalize_text(raw_b)
    docs = (_Doc(raw_a, interner), _Doc(raw_b, interner))
    split = [split_sentences(d.text) for d in docs]
    texts = [[s.text for s in side] for side in split]
    shared = set(texts[0]).intersection(texts[1])
    raw_counts: dict[str, int] = {}  # word counts of shared texts, counted once for both sides
    # Raw counts are taken of shared texts only, which A holds: without CJK in A, none in them.
    raw_countable = _RAW_COUNTABLE if _ANY_CJK.search(docs[0].text) else _WORD_RUN
    for doc, sentences, side_texts in zip(docs, split, texts, strict=True):
        alone = [t for t in side_texts if t not in shared]
        folded = dict(zip(alone, _sentence_keys(alone), strict=True))
        for sentence, text in zip(sentences, side_texts, strict=True):
            key = folded.get(text)
            if key is None:
                key = "\x01" + text  # the same text on both sides (never a folded key)
                count = raw_counts.get(text)
                if count is None:
                    count = raw_counts[text] = len(raw_countable.findall(text))
            elif _ANY_CJK.search(key):
                count = len(_COUNTABLE.findall(key))
            else:
                count = len(key.split())  # words of a key are separated by single spaces
            if not count:
                continue  # a line of dashes or stars carries no words
            doc.sentences.append(sentence)
            doc.starts.append(sentence.start)
            doc.keys.append(key)
            doc.ids.append(interner.sentences[key])
            doc.counts.append(count)
    return docs


@dataclass(slots=True)
class _Block:
    """A changed run of sentences: indices into the sentence lists of A and of B."""

    a: list[int]
    b: list[int]


def diff_words(
    a: str, b: str, *, names: Collection[str] = (), normalized: tuple[bool, bool] = (False, False)
) -> WordDiff:
    """Compare two texts word by word, aligned by sentence.

    `names` are person names the caller knows of; an edit overlapping one (or a capitalised
    name-like word sequence) is tagged "name". `normalized`: whether each text (a, b) is this
    code's `normalize_text` output already (it is idempotent: such a text is not normalized
    again).

    >>> d = diff_words("He met 3 ministers.", "He met 5 ministers.")
    >>> [(e.op, e.before, e.after, e.cls, e.touches) for e in d.edits]
    [('replace', '3', '5', 'edit', ('number',))]
    >>> diff_words("“Hello,”  she said.", '"Hello" she said').trivial
    True
    """
    interner = _Interner()
    da, db = _prepare_pair(a, b, interner, normalized)
    if da.ids == db.ids:
        return WordDiff(edits=(), similarity=1.0, trivial=True)

    blocks: list[_Block] = []
    matched = 0.0
    for tag, i1, i2, j1, j2 in _opcodes(da.ids, db.ids):
        if tag == "equal":
            matched += sum(da.counts[i1:i2])
        else:
            blocks.append(_Block(list(range(i1, i2)), list(range(j1, j2))))

    builder = _EditBuilder(da, db, names)
    for ia, ib in _find_moves(da, db, blocks):
        builder.move(ia, ib)
        # A moved sentence's words count half as matched: the words stayed, their place did not
        # (a pure reordering is neither 1.0 nor scored as if deleted and written anew).
        if da.ids[ia] == db.ids[ib]:
            matched += da.counts[ia] / 2
        else:  # moved and edited: the words that changed inside it are edits of their own
            matched += builder.block(_Block([ia], [ib])) / 2
    for block in blocks:
        matched += builder.block(block)

    edits = tuple(builder.edits)
    if not edits:
        return WordDiff(edits=(), similarity=1.0, trivial=True)
    total = sum(da.counts) + sum(db.counts)
    similarity = 2 * matched / total if total else 1.0
    return WordDiff(edits=edits, similarity=round(min(1.0, similarity), 4))


def _find_moves(da: _Doc, db: _Doc, blocks: list[_Block]) -> list[tuple[int, int]]:
    """Pair sentences deleted in one block with the same (or nearly) inserted in another.

    Exact matches anywhere; near matches (similarity >= _MOVE_SIMILARITY) only between blocks
    that lost sentences and blocks that gained some, since an edit in place keeps the count.
    The paired sentences are taken out of their blocks.
    """
    where_a = {i: n for n, blk in enumerate(blocks) for i in blk.a}
    where_b = {j: n for n, blk in enumerate(blocks) for j in blk.b}
    by_id: dict[int, list[int]] = {}
    for i in where_a:
        if da.counts[i] >= _MOVE_MIN_TOKENS:
            by_id.setdefault(da.ids[i], []).append(i)
    moves: list[tuple[int, int]] = []
    for j in where_b:
        candidates = by_id.get(db.ids[j])
        if candidates:
            moves.append((candidates.pop(0), j))
    taken_a = {i for i, _ in moves}
    taken_b = {j for _, j in moves}
    net: dict[int, int] = {}
    for n, blk in enumerate(blocks):
        net[n] = sum(1 for i in blk.a if i not in taken_a) - sum(
            1 for j in blk.b if j not in taken_b
        )
    rest_a = [
        i
        for i, n in where_a.items()
        if i not in taken_a and net[n] > 0 and da.counts[i] >= _MOVE_MIN_TOKENS
    ]
    rest_b = [
        j
        for j, n in where_b.items()
        if j not in taken_b and net[n] < 0 and db.counts[j] >= _MOVE_MIN_TOKENS
    ]
    if rest_a and rest_b and len(rest_a) * len(rest_b) <= _MOVE_PAIRS_CAP:
        choices = {i: da.keys[i] for i in rest_a}
        for j in rest_b:
            for _, _score, i in process.extract(
                db.keys[j],
                choices,
                scorer=Indel.normalized_similarity,
                score_cutoff=_MOVE_SIMILARITY,
                limit=4,
            ):
                if where_a[i] != where_b[j]:  # in the same block it is an edit in place
                    moves.append((i, j))
                    del choices[i]
                    break
            if not choices:
                break
    taken_a = {i for i, _ in moves}
    taken_b = {j for _, j in moves}
    for blk in blocks:
        blk.a = [i for i in blk.a if i not in taken_a]
        blk.b = [j for j in blk.b if j not in taken_b]
    return sorted(moves, key=lambda m: m[1])


class _EditBuilder:
    """Turns aligned blocks into `Edit`s: slices display text, finds context and tags."""

    def __init__(self, da: _Doc, db: _Doc, names: Collection[str]) -> None:
        self.da, self.db = da, db
        self.names = [fold_text(n) for n in names if n.strip()]
        self.edits: list[Edit] = []

    def move(self, ia: int, ib: int) -> None:
        before, after = self.da.sentences[ia].text, self.db.sentences[ib].text
        self.edits.append(Edit("move", before, after, _trim(after, 0, len(after)), "move"))

    def block(self, blk: _Block) -> int:
        """Add the edits of one changed block; return how many word tokens matched in it."""
        ta: list[str] = []
        tb: list[str] = []
        ka: list[int] = []
        kb: list[int] = []
        firsts_a: list[int] = []
        firsts_b: list[int] = []
        for i in blk.a:
            tokens, keys, _ = self.da.words(i)
            firsts_a.append(len(ta))
            ta += tokens
            ka += keys
        for j in blk.b:
            tokens, keys, _ = self.db.words(j)
            firsts_b.append(len(tb))
            tb += tokens
            kb += keys
        if not ka and not kb:
            return 0
        ops = _opcodes(ka, kb)
        matched = sum(i2 - i1 for tag, i1, i2, _, _ in ops if tag == "equal")
        for tag, i1, i2, j1, j2 in _cleanup(ops):
            if tag == "equal":
                continue
            span_a = self.da.span(blk.a, firsts_a, i1, i2) if i2 > i1 else None
            span_b = self.db.span(blk.b, firsts_b, j1, j2) if j2 > j1 else None
            self._add(ta[i1:i2], tb[j1:j2], span_a, span_b)
        return matched

    def _add(
        self,
        ta: list[str],
        tb: list[str],
        span_a: tuple[int, int] | None,
        span_b: tuple[int, int] | None,
    ) -> None:
        """One edit: tokens `ta` at `span_a` of A became `tb` at `span_b` of B (None: none)."""
        before = _slice(self.da, *span_a) if span_a else ""
        after = _slice(self.db, *span_b) if span_b else ""
        if _bare(before) == _bare(after):
            return  # punctuation, quotes, hyphenation or width only
        op: Op
        cls: EditClass
        if before and after:
            op, cls = "replace", "edit"
        elif after:
            op, cls = "insert", "addition"
        else:
            op, cls = "delete", "deletion"
        doc, span = (self.db, span_b) if span_b else (self.da, span_a)
        assert span is not None  # an edit has tokens on one side at least
        context = _context(doc, *span)
        touches = self._touches(ta, tb, span_a, span_b, before, after)
        self.edits.append(Edit(op, before, after, context, cls, touches))

    def _touches(
        self,
        ta: list[str],
        tb: list[str],
        span_a: tuple[int, int] | None,
        span_b: tuple[int, int] | None,
        before: str,
        after: str,
    ) -> tuple[Touch, ...]:
        found: list[Touch] = []
        if any(map(_is_number, ta)) or any(map(_is_number, tb)):
            found.append("number")
        if (span_a and _touches_date(self.da, *span_a)) or (
            span_b and _touches_date(self.db, *span_b)
        ):
            found.append("date")
        if self._touches_name(ta, tb, before, after) or (
            (span_a and _in_capitalised_run(self.da, *span_a))
            or (span_b and _in_capitalised_run(self.db, *span_b))
        ):
            found.append("name")
        return tuple(found)

    def _touches_name(self, ta: list[str], tb: list[str], before: str, after: str) -> bool:
        """Whether the edit touches one of the caller's known names."""
        if not self.names:
            return False
        changed = {_fold_token(t).lower() for t in (*ta, *tb) if token_kind(t) != "num"}
        sides = [fold_text(s) for s in (before, after) if s]
        for name in self.names:
            parts = {p.lower() for p in name.split() if len(p) > 1}
            if parts & changed or any(name in s or (len(s) >= 2 and s in name) for s in sides):
                return True
        return False


def _slice(doc: _Doc, start: int, end: int) -> str:
    """The text from `start` to `end`; whole sentences with their closing punctuation."""
    first, last = _sentence_of(doc, start), _sentence_of(doc, end - 1)
    head, tail = doc.text[first.start : start], doc.text[end : last.end]
    if not _WORD_CHAR.search(head) and not _WORD_CHAR.search(tail):
        start, end = first.start, last.end
    return doc.text[start:end]


def _is_number(token: str) -> bool:
    kind = token_kind(token)
    if kind == "num" or _DIGIT.search(token):
        return True
    if kind == "cjk":
        return bool(_ZH_NUMERAL.match(token))
    return token.lower() in _NUMBER_WORDS


def _sentence_of(doc: _Doc, pos: int) -> Sentence:
    """The sentence of `doc` holding character `pos` (binary search on the start offsets)."""
    return doc.sentences[max(0, bisect_right(doc.starts, pos) - 1)]


def _context(doc: _Doc, start: int, end: int) -> str:
    first, last = _sentence_of(doc, start), _sentence_of(doc, max(start, end - 1))
    text = doc.text[first.start : last.end]
    return _trim(text, start - first.start, end - first.start)


def _trim(text: str, start: int, end: int) -> str:
    """Cut `text` to about _CONTEXT_CHARS characters around text[start:end]."""
    if len(text) <= _CONTEXT_CHARS + 40:
        return text
    lo = max(0, start - 80)
    hi = min(len(text), max(end + 80, lo + _CONTEXT_CHARS))
    hi = min(hi, lo + 2 * _CONTEXT_CHARS)
    return ("…" if lo else "") + text[lo:hi].strip() + ("…" if hi < len(text) else "")


def _window(doc: _Doc, start: int, end: int, margin: int) -> tuple[int, int]:
    """About `margin` characters either side of [start, end), within its sentences, cut at spaces.

    Date and name patterns are short: matching them near the change, not over the whole
    sentence, keeps tagging cheap on long documents.
    """
    first, last = _sentence_of(doc, start), _sentence_of(doc, max(start, end - 1))
    lo, hi = max(first.start, start - margin), min(last.end, end + margin)
    if lo > first.start:
        lo = max(doc.text.rfind(" ", first.start, lo) + 1, first.start)
    if hi < last.end:
        space = doc.text.find(" ", hi, last.end)
        hi = space if space >= 0 else last.end
    return lo, hi


def _touches_date(doc: _Doc, start: int, end: int) -> bool:
    """Whether a date expression overlaps text[start:end] (which begins and ends with a word).

    A date overlapping it shares at least one word token with it, whole (tokens are maximal
    runs of letters and digits): a digit, a month or weekday name, a range word or a Chinese
    date character. Without one, no date can touch the edit and the date patterns are not run.
    """
    if not _DATE_CLUE.search(doc.text, start, end):
        return False
    lo, hi = _window(doc, start, end, 40)
    for d in find_dates(doc.text[lo:hi]):
        if d.span[0] + lo < end and start < d.span[1] + lo:
            return True
    return False


def _in_capitalised_run(doc: _Doc, start: int, end: int) -> bool:
    """Whether a run of capitalised words (a name-like sequence) overlaps text[start:end].

    A run overlapping it has a capital inside it unless text[start:end] begins inside one of
    the run's words: the cheap test first, the run pattern only when it passes.
    """
    if not _CAPITAL.search(doc.text, start, end) and not (
        start > 0 and doc.text[start - 1] in _RUN_WORD_CHARS
    ):
        return False
    lo, hi = _window(doc, start, end, 60)
    for m in _CAPITALISED_RUN.finditer(doc.text, lo, hi):
        words = m.group().split()
        if len(words) < 2 or any(w in _NOT_NAME_WORDS for w in words):
            continue
        if m.start() < end and start < m.end():
            return True
    return False
