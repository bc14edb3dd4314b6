"""Language guess, good enough to pick a tokenizer and a set of name patterns."""

from __future__ import annotations

import codecs
import re
from bisect import bisect_right
from collections import Counter
from unicodedata import category

from worker.detect.normalize import HAN as _HAN
from worker.detect.normalize import HAN_RANGES

# Hiragana and katakana, without the katakana middle dot "・" (U+30FB): Chinese writes it between
# the parts of a foreign name ("雷克斯・蒂勒森", people dev zh_hant-t611) and in datelines
# ("2020-11-22・中時", events dev_round14 golden-horse-2020-turnnews-chinatimes).
_KANA = re.compile(r"[\u3040-\u30fa\u30fc-\u30ff]")
_KANA_RUN = re.compile(r"[\u3040-\u30fa\u30fc-\u30ff][\u3040-\u30fa\u30fc-\u30ff]*")
# A text is Japanese when kana make this share of its Han and kana at least: Japanese news
# writes 18% and more (events dev, 31 reports in Japanese: 0.18 to 0.6); a Chinese page with a
# line of Japanese in it, CNA's "こちらのページは繁体字版です。日本語版「フォーカス台湾」に移動しますか。"
# (people dev zh_hant, none_zh, rounds 14-26), 7% at most.
_KANA_SHARE = 0.1
# Han (or Han and kana) read as the text's language against its Latin letters when they are a
# third of them at least: one Han character writes what English writes in about three letters, so
# a page in English with a paragraph of Chinese (a bilingual lesson, a Chinese site's menu around
# an English report: people dev none-t512, xinhua_en-r13v03, han/latin 0.15-0.28) is English,
# and a Chinese report with English menus and links (han/latin 0.54 and more) Chinese.
_HAN_PER_LATIN = 1 / 3
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
# Function words that are frequent in one language and rare in the others, as Latin-1 bytes.
# English and German: the lists of rounds 1-11 (their decision between them is unchanged);
# the others since round 12 (lang12), each a language of the events dev files' reports. A word
# several languages share counts for each of them: the words only one of them has decide.
_DE_WORDS = frozenset(
    w.encode("latin-1")
    for w in "der die das und nicht mit den dem des ist ein eine sich auf für von zu im bei wurde"
    " in zur zum als auch nach aus über wird sind werden einer einen seiner seine um".split()
)
_EN_WORDS = frozenset(
    w.encode("latin-1")
    for w in "the and of to in is was with for on that by at from as were has an".split()
)
# In the order ties are broken (a text with as many Danish as Norwegian words is Danish).
_OTHER_WORDS: dict[str, str] = {
    "es": "de el la los las del y en que por con para una se al es fue su más pero sus también ha"
    " entre este esta como",
    "pt": "de o os da do das dos e em um uma para com não que no na ao pela pelo foi como mais seu"
    " sua são também à",
    "it": "il la di che è per un una del della dei delle nel nella con non sono ha alla dal al"
    " gli le da si anche",
    "fr": "de le la les des du et est une un dans pour qui que sur au aux par pas ont avec il ce"
    " cette son été à",
    "nl": "de het een van en op dat met voor niet zijn te aan werd door ook bij naar om heeft",
    "id": "yang dan di ini itu dengan untuk dari dalam pada tidak akan ke adalah juga oleh telah"
    " bahwa tersebut kata",
    "ms": "yang dan di ini itu dengan untuk dari dalam pada tidak akan ke adalah juga oleh telah"
    " bahawa kerana iaitu ialah daripada",
    "da": "og i er det at en til af på med som for har den de ikke blev var fra efter",
    "no": "og i er det at en til av på med som for har den de ikke ble var fra etter",
    "pl": "w i na z do nie jest to oraz przez dla jak od przy tym jego przed roku który które"
    " która po się",
    "hr": "i je u na da se za su od koji kao ali nije bio bila godine te ili",
    "sl": "in je v na da se za so od ki tudi pa bo ter iz po pri",
    "hu": "a az és hogy nem is egy meg volt már mint csak után szerint pedig miatt amely",
    "sq": "dhe të në e i për një me nga që është u se ka nuk",
    # (round 15: Turkish's dotless "ı" is no Latin-1 letter and splits a word: its list holds
    # words without it)
    "tr": "ve bir bu için ile olarak olan daha çok gibi sonra kadar göre ise ancak yüzde",
}
# A letter (or a combining mark: "İ" case-folds to "i" and a dot above) outside Latin-1 is
# written "÷" (0xF7), a letter of the word it is in; any other character a space (round 15).
# Until round 14 it was written "?" and split its word there: Turkish's "ı", Polish's "ł",
# Czech's "č" cut words into pieces ("açıklama" into "aç" and "klama", "İmamoğlu" into "i",
# "mamo", "lu"), and the pieces "i", "e", "a" counted for the languages whose word they are
# (events dev_round17 e12-alone-turkey-runoff-tr was read as Croatian).
_OTHER_LETTER = "wirediff-other-letter"


def _other_letter(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeEncodeError)
    run = error.object[error.start : error.end]
    # A word of another script (a run of letters only: `isalpha` is category L, as
    # `category` tells it) at once, and a lone character (a curly quote, a dash) without a
    # generator: the same bytes, in a quarter fewer instructions of the language a page
    # (bench/README.md, issue 10 round 17: the handler runs for every such run of a text).
    if run.isalpha():
        return "\xf7" * len(run), error.end
    if len(run) == 1:
        return ("\xf7" if category(run)[0] in "LM" else " "), error.end
    return "".join("\xf7" if category(c)[0] in "LM" else " " for c in run), error.end


codecs.register_error(_OTHER_LETTER, _other_letter)
_WORDS: dict[bytes, tuple[int, ...]] = {}  # word -> the indexes in `_LANGUAGES` that have it
_LANGUAGES = ("en", "de", *_OTHER_WORDS)
for _i, _words in enumerate((_EN_WORDS, _DE_WORDS)):
    for _w in _words:
        _WORDS[_w] = (*_WORDS.get(_w, ()), _i)
for _i, _text in enumerate(_OTHER_WORDS.values(), start=2):
    for _w in frozenset(w.encode("latin-1", _OTHER_LETTER) for w in _text.split()):
        _WORDS[_w] = (*_WORDS.get(_w, ()), _i)
_ALL_WORDS = frozenset(_WORDS)
# Another language than English or German is read only on this many of its words or more, and
# half as many again as English's or German's (a German council's minutes, "9:00 bis ... Do",
# "i. V.", are not Polish).
_OTHER_AT_LEAST = 2
_OTHER_OVER = 1.5
# ... and that many words of its list, not one word many times: a list of names "O'Brien,
# O'Neill" has many an "o" (Portuguese's article), an attendance list many an "i. V."
_OTHER_WORDS_AT_LEAST = 3
# Words are runs of a-z and the Latin-1 letters in the case-folded text: each of those letters
# is one byte in Latin-1, where every other byte becomes a space (a letter outside Latin-1 is
# written "÷", a letter too since round 15: `_OTHER_LETTER`).
_WORD_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyz" + bytes(range(0xDF, 0x100)))
_NOT_WORD_TO_SPACE = bytes(c if c in _WORD_BYTES else 0x20 for c in range(256))
# Letters of the scripts of one language or a few, between Greek (U+0370) and Greek Extended
# (U+1FFF): a text holding none is read by the above (one scan tells). Each block's first code
# point and the language of its script (Cyrillic and Arabic are told apart further, `_CYRILLIC_
# LANGUAGE`, `_ARABIC_LANGUAGE`); None: no letters of a language (the gaps, combining marks).
_SCRIPT = re.compile(r"[\u0370-\u1fff]")
_SCRIPT_RUN = re.compile(r"[\u0370-\u1fff][\u0370-\u1fff]*")
_BLOCKS: tuple[tuple[int, str | None], ...] = (
    (0x0370, "el"),
    (0x0400, "cyrillic"),
    (0x0530, "hy"),
    (0x0590, "he"),
    (0x0600, "arabic"),
    (0x0700, None),  # Syriac, Thaana, N'Ko ...
    (0x0750, "arabic"),  # Arabic Supplement
    (0x0780, None),
    (0x0900, "hi"),  # Devanagari (Marathi and Nepali are read as Hindi)
    (0x0980, "bn"),
    (0x0A00, "pa"),
    (0x0A80, "gu"),
    (0x0B00, "or"),
    (0x0B80, "ta"),
    (0x0C00, "te"),
    (0x0C80, "kn"),
    (0x0D00, "ml"),
    (0x0D80, "si"),
    (0x0E00, "th"),
    (0x0E80, "lo"),
    (0x0F00, "bo"),
    (0x1000, "my"),
    (0x10A0, "ka"),
    (0x1100, None),  # Hangul Jamo (Korean is read with the CJK scripts)
    (0x1200, "am"),  # Ethiopic
    (0x13A0, None),
    (0x1780, "km"),
    (0x1800, None),
    (0x1E00, "vi"),  # Latin Extended Additional: Vietnamese's tone marks
    (0x1F00, "el"),  # Greek Extended
)
_BLOCK_STARTS = [start for start, _ in _BLOCKS]
# Cyrillic letters only some of its languages write, in the order they are asked: Macedonian's
# ѓ ќ ѕ, Serbian's ђ ћ џ ј љ њ, Kazakh's ә ғ қ ң ұ һ, Belarusian's ў, Ukrainian's є ї ґ and і,
# Bulgarian's ъ without Russian's ы and э; else Russian.
_CYRILLIC_MARKS = (
    ("mk", "ѓќѕ"),
    ("sr", "ђћџјљњ"),
    ("kk", "әғқңұһ"),
    ("be", "ў"),
    ("uk", "єїґі"),
)
# Arabic letters of Urdu (ٹ ڈ ڑ ں ے) and Persian (پ چ ژ گ ک ی), not of Arabic.
_ARABIC_MARKS = (("ur", "ٹڈڑںے"), ("fa", "پچژگکی"))
# A script's own letters are told (Vietnamese's marked Latin letters: of all Latin letters)
# on this share of its letters at least.
_MARKS_SHARE = 0.01
_VIETNAMESE_SHARE = 0.03


def detect_language(text: str) -> str:
    """The language of `text`: an ISO 639-1 code, or "und" (undetermined: no letters).

    Han, kana or Hangul: "zh", "ja" or "ko" (rounds 1-11), by the share of the text each script
    writes (round 15: `_KANA_SHARE`, `_HAN_PER_LATIN`), not by a few characters of one.
    Letters of another script than the Latin one outnumbering the Latin letters: that script's
    language (`_BLOCKS`; Cyrillic and Arabic told apart by the letters of each language). Latin letters: the language whose
    function words the text uses most, clearly ("en" and "de" as before round 12; "es", "pt", "it",
    "fr", "nl", "id", "ms", "da", "no", "pl", "hr", "sl", "hu", "sq" since), English when none
    stands out; "vi" for Vietnamese's marked letters.

    >>> detect_language("习近平主持会议")
    'zh'
    >>> detect_language("Xi Jinping presided over the meeting")
    'en'
    >>> detect_language("An der Sitzung nahmen die Minister teil")
    'de'
    >>> detect_language("El presidente de la República asistió a la reunión con los ministros")
    'es'
    >>> detect_language("Президент провёл совещание с членами правительства")
    'ru'
    """
    sample = text[:20000]
    if sample.isascii():
        # no CJK letter nor one of `_SCRIPT` (`isascii` reads a flag the string keeps, where
        # each search reads the text: round 17)
        return _latin_language(sample) if _LATIN.search(sample) else "und"
    if _CJK.search(sample) is None:  # Latin letters are counted only against Han or Hangul
        if _SCRIPT.search(sample) is not None:
            return _script_language(sample)
        return _latin_language(sample) if _LATIN.search(sample) else "und"
    han = _HAN.search(sample) is not None
    letters = "".join(_LETTERS.findall(sample))
    latin = sum(map(len, _LATIN_RUN.findall(letters)))
    if _KANA.search(letters) and _japanese(sample, letters, latin):
        return "ja"
    if sum(map(len, _HANGUL_RUN.findall(letters))) > latin:
        return "ko"
    if han and _at_least(_HAN_RUN, sample, latin * _HAN_PER_LATIN):
        return "zh"
    return _latin_language(sample) if latin else "und"


def _japanese(sample: str, letters: str, latin: int) -> bool:
    """Whether a text holding kana is Japanese: kana `_KANA_SHARE` of its Han and kana, and
    those `_HAN_PER_LATIN` of its Latin letters (not a line of Japanese in a page of Chinese or
    English)."""
    kana = sum(map(len, _KANA_RUN.findall(letters)))
    han = sum(map(len, _HAN_RUN.findall(sample)))
    return kana >= _KANA_SHARE * (kana + han) and kana + han >= latin * _HAN_PER_LATIN


def _script_language(sample: str) -> str:
    """The language of a text holding letters of a script other than Latin and CJK: that
    script's when its letters outnumber the Latin ones, else the Latin letters' language."""
    runs: dict[str, list[str]] = {}
    for run in _SCRIPT_RUN.findall(sample):
        script = _BLOCKS[bisect_right(_BLOCK_STARTS, ord(run[0])) - 1][1]
        if script is not None:
            runs.setdefault(script, []).append(run)
    counts = {script: sum(map(len, found)) for script, found in runs.items()}
    vietnamese = counts.pop("vi", 0)
    latin = sum(map(len, _LATIN_RUN.findall(sample)))
    if counts:
        script = max(counts, key=counts.__getitem__)
        if counts[script] > latin:
            if script == "cyrillic":
                return _cyrillic_language("".join(runs[script]).lower())
            if script == "arabic":
                return _marked("".join(runs[script]), _ARABIC_MARKS) or "ar"
            return script
    if not latin:
        return "und"
    if vietnamese >= _VIETNAMESE_SHARE * (latin + vietnamese):
        return "vi"
    return _latin_language(sample)


def _marked(letters: str, marks: tuple[tuple[str, str], ...]) -> str | None:
    """The first language some of whose own letters make `_MARKS_SHARE` of `letters` (two at
    least: a name quoted from a neighbouring language is not enough)."""
    for language, own in marks:
        found = sum(letters.count(c) for c in own)
        if found >= 2 and found >= _MARKS_SHARE * len(letters):
            return language
    return None


def _cyrillic_language(letters: str) -> str:
    """Russian unless the letters of another Cyrillic language show (`_CYRILLIC_MARKS`)."""
    marked = _marked(letters, _CYRILLIC_MARKS)
    if marked is not None:
        return marked
    russian = letters.count("ы") + letters.count("э")
    if russian == 0 and letters.count("ъ") >= max(2, _MARKS_SHARE * len(letters)):
        return "bg"
    return "ru"


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
    """The language whose function words (`_WORDS`) `sample` uses most: another than English
    and German on `_OTHER_AT_LEAST` of its words, `_OTHER_WORDS_AT_LEAST` distinct ones, and
    `_OTHER_OVER` times English's and German's each;
    else "de" when German function words outnumber English ones, else "en" (as in rounds
    1-11)."""
    # counted in C once, then looked up for the words the text and the lists share; the words
    # split from bytes (the same words as re.findall("[a-zß-ÿ]+"), in a third of its time:
    # a match object per word cost more than the count)
    folded = sample.casefold().encode("latin-1", _OTHER_LETTER)
    # (only the words of the lists counted: a test per word in C costs less than a count)
    counts = Counter(filter(_ALL_WORDS.__contains__, folded.translate(_NOT_WORD_TO_SPACE).split()))
    score = [0] * len(_LANGUAGES)
    distinct = [0] * len(_LANGUAGES)
    for word in counts:
        n = counts[word]
        for i in _WORDS[word]:
            score[i] += n
            distinct[i] += 1
    en, de = score[0], score[1]
    best = max(range(2, len(score)), key=score.__getitem__)  # (the first of equals)
    if (
        score[best] >= _OTHER_AT_LEAST
        and distinct[best] >= _OTHER_WORDS_AT_LEAST
        and score[best] > _OTHER_OVER * max(en, de)
    ):
        return _LANGUAGES[best]
    return "de" if de > en else "en"
