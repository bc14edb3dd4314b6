"""normalize_text (display form) and fold_text (comparison form)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from worker.detect.normalize import fold_text, normalize_text

NORMALIZE = [
    ("crlf-and-blank-lines", "a\r\n\r\n\r\n\r\nb\rc", "a\n\nb\nc"),
    ("spaces-tabs-nbsp", "a  \t b\u00a0\u3000c ", "a b c"),
    ("soft-hyphen-zero-width", "secu\u00adrity\u200b council\ufeff", "security council"),
    ("nfc", "Cafe\u0301", "Café"),
    ("lines-trimmed", "  one  \n   two  ", "one\ntwo"),
    ("keeps-quotes-and-width", "“Ｈｉ”", "“Ｈｉ”"),
]


@pytest.mark.parametrize(
    ("raw", "expected"), [c[1:] for c in NORMALIZE], ids=[c[0] for c in NORMALIZE]
)
def test_normalize_text(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


FOLD = [
    ("fullwidth", "ＧＤＰ增长５．２％", "GDP增长5.2%"),
    ("quotes", "“a” ‘b’ «c» 「d」『e』", '"a" \'b\' "c" "d""e"'),
    ("dashes", "a — b – c ―― d", "a - b - c - d"),
    ("hyphenation", "inter-\nnational", "international"),
    ("traditional", "國務院總理李強主持會議", "国务院总理李强主持会议"),
    ("space-between-cjk", "中国 人民\n银行", "中国人民银行"),
    ("whitespace", " a \n\n b\t", "a b"),
]


@pytest.mark.parametrize(("raw", "expected"), [c[1:] for c in FOLD], ids=[c[0] for c in FOLD])
def test_fold_text(raw: str, expected: str) -> None:
    assert fold_text(raw) == expected


def test_fold_keeps_case_and_letters() -> None:
    assert fold_text("Vice President") != fold_text("vice president")


_TEXT = st.text(
    st.sampled_from(
        list("ab 中國國务\n\r\t-—“”‘’«»「」ＡＢ１２\u00ad\u200b\u3000\u00a0.,。，e\u0301")
    ),
    max_size=60,
)


@given(_TEXT)
@settings(max_examples=300, deadline=None)
def test_normalize_text_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


@given(_TEXT)
@settings(max_examples=300, deadline=None)
def test_fold_text_is_idempotent(text: str) -> None:
    once = fold_text(text)
    assert fold_text(once) == once


@given(st.text(max_size=40))
@settings(max_examples=200, deadline=None)
def test_any_unicode_folds_idempotently(text: str) -> None:
    assert fold_text(fold_text(text)) == fold_text(text)
    assert normalize_text(normalize_text(text)) == normalize_text(text)
