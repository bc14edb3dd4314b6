"""Tokens and sentences."""

from __future__ import annotations

import pytest

from worker.detect.tokens import split_sentences, tokenize

TOKENS = [
    ("words-and-punct", "Hello, world!", ["Hello", ",", "world", "!"]),
    ("numbers-whole", "1,234.5 tonnes, up 12.5%", ["1,234.5", "tonnes", ",", "up", "12.5%"]),
    ("ordinal", "the 18th congress", ["the", "18th", "congress"]),
    ("apostrophe-hyphen", "people's well-known", ["people's", "well-known"]),
    ("cyrillic", "Путин встретился", ["Путин", "встретился"]),
    ("han-per-char", "习近平主持", ["习", "近", "平", "主", "持"]),
    ("kana-per-char", "ニュース", ["ニ", "ュ", "ー", "ス"]),
    ("mixed", "GDP增长5.2%。", ["GDP", "增", "长", "5.2%", "。"]),
    ("line-hyphen-one-word", "inter-\nnational", ["inter-\nnational"]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in TOKENS], ids=[c[0] for c in TOKENS])
def test_tokenize(text: str, expected: list[str]) -> None:
    assert tokenize(text) == expected


SENTENCES = [
    ("english", "It rained. Then it stopped! Why?", ["It rained.", "Then it stopped!", "Why?"]),
    (
        "abbreviations",
        "Mr. Li met U.S. officials in Room No. 5 today. Done.",
        ["Mr. Li met U.S. officials in Room No. 5 today.", "Done."],
    ),
    ("decimal", "Growth was 5.2 percent. Fine.", ["Growth was 5.2 percent.", "Fine."]),
    ("initial", "J. Smith spoke. He left.", ["J. Smith spoke.", "He left."]),
    ("quote-close", 'He said: "We won." They cheered.', ['He said: "We won."', "They cheered."]),
    (
        "chinese",
        "会议召开。他讲话！是吗？要坚持；要推进。",
        ["会议召开。", "他讲话！", "是吗？", "要坚持；", "要推进。"],
    ),
    ("chinese-quote", "他说：“要团结。”会议结束。", ["他说：“要团结。”", "会议结束。"]),
    ("paragraphs", "Title line\n\nBody one. Body two.", ["Title line", "Body one.", "Body two."]),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in SENTENCES], ids=[c[0] for c in SENTENCES]
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == expected
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_paragraph_numbers() -> None:
    sentences = split_sentences("A one. A two.\n\nB one.\nB two.")
    assert [s.paragraph for s in sentences] == [0, 0, 1, 1]
