"""How the pages cut a diff: paragraphs, side-by-side rows that stay aligned, moves, and edits
touching a number, date or name (worker/web/diffview.py, over worker.output.render.diff_runs)."""

from __future__ import annotations

from tests.support.farm import REPORT
from worker.web.diffview import Marks, inline, people, side_by_side

OLD = "\n\n".join(REPORT)


def text(paragraphs: list[list]) -> list[str]:
    return ["".join(p.text for p in para) for para in paragraphs]


def test_inline_keeps_the_paragraphs_of_the_later_version() -> None:
    new = OLD.replace("5.2 percent", "4.9 percent")
    paragraphs = inline(OLD, new)
    assert len(paragraphs) == len(REPORT)
    changed = [p for para in paragraphs for p in para if p.kind != "equal"]
    assert [(p.kind, p.text) for p in changed] == [("delete", "5.2"), ("insert", "4.9")]


def test_side_by_side_pairs_paragraphs_and_keeps_an_inserted_one_beside_its_place() -> None:
    added = "A new paragraph was added by the editors after publication, without a note."
    parts = list(REPORT)
    parts.insert(2, added)
    rows = side_by_side(OLD, "\n\n".join(parts))
    # every unchanged paragraph has its own row with the same text on both sides
    same = [r for r in rows if not r.changed]
    assert all(text(r.before) == text(r.after) for r in same)
    [changed] = [r for r in rows if r.changed]
    assert any(added in t for t in text(changed.after))
    assert not any(added in t for t in text(changed.before))
    assert sum(len(r.before) for r in rows) == len(REPORT)  # the earlier version, whole
    assert sum(len(r.after) for r in rows) == len(REPORT) + 1  # the later version, whole


def test_a_swap_of_paragraphs_is_shown_as_a_move_on_both_sides() -> None:
    parts = list(REPORT)
    parts[2], parts[3] = parts[3], parts[2]
    pieces = [p for para in inline(OLD, "\n\n".join(parts)) for p in para if p.kind != "equal"]
    moved = [p for p in pieces if p.moved]
    assert {p.kind for p in moved} == {"delete", "insert"}
    assert all(len(p.text) >= 20 for p in moved)


def test_edits_touching_numbers_dates_and_names_are_marked_from_the_event() -> None:
    event = {
        "wording": {
            "edits": [
                {"op": "replace", "before": "5.2", "after": "4.9", "touches": ["number"]},
                {"op": "replace", "before": "Cai Qi", "after": "Cai Qiding", "touches": ["name"]},
            ]
        }
    }
    new = OLD.replace("5.2 percent", "4.9 percent")
    pieces = [p for para in inline(OLD, new, Marks.of(event)) for p in para if p.kind != "equal"]
    assert [p.touches for p in pieces] == [("number",), ("number",)]


def test_the_people_table_gives_positions_and_what_happened() -> None:
    event = {
        "attendees": {
            "before": ["Li Qiang", "Zhao Leji", "Cai Qiding", "Xue Xiang", "Wang Yi"],
            "after": ["Zhao Leji", "Li Qiang", "Cai Qi", "Ding Xuexiang", "Li Xi"],
            "added": ["Li Xi"],
            "removed": ["Wang Yi"],
            "reordered": True,
            "variants": [
                {"before": ["Cai Qiding", "Xue Xiang"], "after": ["Cai Qi", "Ding Xuexiang"]}
            ],
            "role_changes": [{"name": "Zhao Leji", "before": "attended", "after": "presided"}],
        }
    }
    rows = {r.name: r for r in people(event)}
    assert (rows["Li Xi"].before, rows["Li Xi"].after, rows["Li Xi"].notes) == (None, 5, ("added",))
    assert rows["Wang Yi"].notes == ("removed",)
    assert rows["Li Qiang"].notes == ("moved #1 → #2 (among names kept)",)
    assert "role: attended → presided" in rows["Zhao Leji"].notes
    assert rows["Cai Qiding"].notes == (
        "written differently: Cai Qiding, Xue Xiang → Cai Qi, Ding Xuexiang",
    )
    assert people({"wording": {"edits": []}}) == []
