"""The German misses of fresh reports, pooled by the shape that carries the role (issue 9, round
13): what the rules gave on rounds 16-23 before anyone had read them
(bench/people_earlier/rules_only/latin/roundk.json) against the labels of the German reports
(style de and the German scraped copies), next to what the current rules give.

A miss is a labelled (name, role) the earlier reading does not hold ("wrong": it gave that name
another role). Each is put in one shape
of the sentence that holds the name (`shape`: a pass over the sentence's structure, read by
hand afterwards; the first shape that fits wins), and marked "now too" when the current rules
still miss it. `--show` prints each with its sentence; the table counts misses, rounds and
outlets per shape (docs/people.md, "Round 13: German misses of fresh reports").

Run: PYTHONPATH=.:bench python bench/people_missed_de.py [--rounds 16-23] [--show] [--shape S]
"""

from __future__ import annotations

import re
import sys
from typing import Any

from people_false import misses_by_shape

# The shapes, in the order they are tried. Each is a shape of the sentence (where the role is
# told), not a cue word: the words below only recognise the shape.
_CAPTION = re.compile(
    r"\b(?:im Bild|[Ff]oto|v\.\s?l\.|von links|Bildtext)\b|\(v\.l\.|^\(?[A-ZÄÖÜ][^.]{0,60}\)$"
)
_GREETING = re.compile(r"begrüß|[Ww]illkommen|\bdankte?\b|[Dd]ank (?:an|galt|gilt)|bedankte")
_PASSIVE = re.compile(
    r"\b(?:wurden?|worden|wird|werden)\b[^.]{0,120}\bvon\b|\bvon\b[^.]{0,120}\b(?:wurden?|worden)\b"
    r"|\bdurch\b[^.]{0,80}\b(?:wurden?|worden)\b"
)
_ROLE_NOUN = re.compile(
    r"(?:Gastgeber|[Rr]edner|[Aa]nsprache|[Gg]rußwort|Festrede|Laudat|Moderat|Referent|"
    r"Ehrengäst|Gäste[n]?\b|Teilnehmer|Vorsitz|Leitung|Zelebrant|Festgottesdienst|Vortrag|"
    r"Begrüßung|Eröffnung|Segnung|Weihe|Festakt)"
)
_NOMINAL = re.compile(
    r"\b(?:im Beisein|in Anwesenheit|in Begleitung|unter (?:der )?(?:Leitung|Mitwirkung)|"
    r"mit dabei|zugegen|vor Ort|an der Seite|gemeinsam mit|zusammen mit)\b"
)
_QUOTED = re.compile(r"[\"“”»«]\s*,?\s*(?:so|sagte|betonte|erklärte|meinte|unterstrich)\b")
_MOTION = re.compile(
    r"\b(?:kamen|kam|eintraf|eintrafen|angereist|standen|saßen|reisten|erschien)\b"
)
_VERB_LAST = re.compile(
    r"\b(?:teil|bei|auf|vor|ein|an|fest|nieder|hinzu|mit|ge[a-zäöüß]{3,}(?:t|en))\s*[.!]?\s*$"
)
_COLON_LIST = re.compile(r":\s*(?:[A-ZÄÖÜ][\w.-]+\s){1,4}")


# A full stop after these ends no sentence ("Dr.", "a.D.", "Mag.", "i.V.", "St."): the
# sentence split of people_false.context cut names off at them.
_ABBREV = re.compile(r"(?:\b[A-Za-zÄÖÜäöü]{1,3}|\d+|Mag\.a|Prof|Bgm|Abg|Vzbgm|bzw|usw|Nr)\.$")
_END = re.compile(r"(?<=[.!?])[\"“”»«]?\s+(?=[A-ZÄÖÜ„\"])")


def sentence_of(text: str, name: str) -> tuple[str, str]:
    """The sentence holding the name (full stops of abbreviations go on) and its line."""
    at = text.find(name)
    if at < 0:
        at = text.find(name.split()[-1])
    if at < 0:
        return "(not in text)", ""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start : end if end >= 0 else len(text)]
    pos, parts, last = at - start, [], 0
    for m in _END.finditer(line):
        if _ABBREV.search(line[last : m.start()]):
            continue
        parts.append((last, m.start()))
        last = m.end()
    parts.append((last, len(line)))
    for a, b in parts:
        if a <= pos <= b:
            return re.sub(r"\s+", " ", line[a:b]).strip(), line.strip()
    return line.strip(), line.strip()


# A short line with no finite verb, not closed by a full stop: an item of a list or a table.
_VERBLESS = re.compile(r"[a-zäöüß]{3,}(?:te|ten|en|t)[ .,;]+[a-zäöüß]")


def _list_line(s: str, name: str, line: str) -> bool:
    return len(line) < 90 and not _VERBLESS.search(line) and line[-1:] != "."


def _before(s: str, name: str) -> str:
    return s[: s.find(name)] if name in s else s


def _after(s: str, name: str) -> str:
    return s[s.find(name) :] if name in s else s


# The shapes in the order tried: (name, test of sentence, name, line).
_SHAPES: tuple[tuple[str, Any], ...] = (
    ("a line of a list or table (cue in a heading above)", _list_line),
    ("a quote's speaker (\u201c, so X / sagte X)", lambda s, n, ln: _QUOTED.search(s)),
    (
        "arrival or presence told by a verb of motion or place (kamen, eintraf, standen)",
        lambda s, n, ln: _MOTION.search(s),
    ),
    ("caption", lambda s, n, ln: _CAPTION.search(s)),
    ("greeting or thanks list", lambda s, n, ln: _GREETING.search(s)),
    ("passive (von / durch X)", lambda s, n, ln: _PASSIVE.search(s)),
    (
        "participle or nominal phrase (im Beisein, zugegen, gemeinsam mit)",
        lambda s, n, ln: _NOMINAL.search(s),
    ),
    (
        "role told by a noun (Redner, Gäste, Leitung, Festakt)",
        lambda s, n, ln: _ROLE_NOUN.search(s) or re.search(r"\bals [A-ZÄÖÜ]\w+", s),
    ),
    ("list after a colon", lambda s, n, ln: _COLON_LIST.search(_before(s, n))),
    (
        "verb-final or separable verb after the list (nahm ... teil, gefeiert)",
        lambda s, n, ln: _VERB_LAST.search(_after(s, n)),
    ),
    ("long sentence, cue far from the name", lambda s, n, ln: len(s) > 260),
)


def shape(sentence: str, name: str, role: str = "", line: str = "") -> str:
    """The shape of the sentence that carries the missed role (see the module's doc)."""
    if sentence == "(not in text)":
        return "name not in the text as labelled"
    for kind, test in _SHAPES:
        if test(sentence, name, line):
            return str(kind)
    if role == "spoke":
        return "a speech told by another verb (präsentierte, referierte, zeigte auf)"
    return "other"


def german(style: str, report: dict[str, Any]) -> bool:
    return style == "de" or (style == "scraped" and report.get("language") == "de")


def main(argv: list[str]) -> None:
    misses_by_shape(
        argv,
        doc=__doc__ or "",
        keep=german,
        language=lambda report: "de",
        sentence_of=sentence_of,
        shape=shape,
    )


if __name__ == "__main__":
    main(sys.argv[1:])
