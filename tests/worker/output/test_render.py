"""Whole-document diffs: marks sit where the change was, with each text's own spacing."""

from __future__ import annotations

import pytest

from worker.output.render import render_diff_html, render_diff_text


@pytest.mark.parametrize(
    ("before", "after", "marked"),
    [
        # issue 16: no space is added after a deletion
        (
            "Chang-Diaz, Ellen Ochoa and Bob",
            "Chang-Diaz and Bob",
            "Chang-Diaz[-, Ellen Ochoa-] and Bob",
        ),
        ("蔡奇、丁薛祥、李希", "蔡奇、李希", "蔡奇、[-丁薛祥、-]李希"),
        ("grew 5.2 percent", "grew 5.4 percent", "grew [-5.2-]{+5.4+} percent"),
        ("A B C", "A C", "A [-B-] C"),
        ("A C", "A B C", "A {+B+} C"),
        ("end here now", "end here", "end here [-now-]"),
        ("one.\n\nTwo words here.", "one.\n\nTwo here.", "one.\n\nTwo [-words-] here."),
    ],
)
def test_marks_keep_each_texts_spacing(before: str, after: str, marked: str) -> None:
    text = render_diff_text(before, after, color=False)
    assert text.split("\n", 2)[2] == marked + "\n"
    # taking the marks away gives back each version
    unmarked_after = marked.replace("{+", "").replace("+}", "")
    while "[-" in unmarked_after:
        start = unmarked_after.index("[-")
        unmarked_after = unmarked_after[:start] + unmarked_after[unmarked_after.index("-]") + 2 :]
    assert " ".join(unmarked_after.split()) == " ".join(after.split())


def test_the_header_names_the_article_and_the_versions() -> None:
    header = ["https://e.org/a", "v1 fetched 2026-12-01 10:00 UTC (page) -> v2 fetched ..."]
    text = render_diff_text("a b", "a c", color=False, header=header)
    assert text.splitlines()[:2] == [f"# {line}" for line in header]
    html = render_diff_html("a b", "a c", title="T <x>", header=header)
    assert "<p>https://e.org/a</p>" in html and "T &lt;x&gt;" in html
