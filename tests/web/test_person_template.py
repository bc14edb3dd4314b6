"""The person page's header line, rendered from its template alone (tests/web/test_people_pages.py
drives the whole page over a real store)."""

from __future__ import annotations

from types import SimpleNamespace

from worker.web.site import templates


def _meta_line(names: list[str]) -> str:
    person = {
        "canonical": "Cai Qi",
        "names": names,
        "appearances": 1,
        "first_seen": "2023-12-28",
        "last_seen": "2023-12-28",
        "usual_position": 4,
    }
    request = SimpleNamespace(url=SimpleNamespace(path="/people/Cai%20Qi"))
    page = (
        templates()
        .env.get_template("person.html")
        .render(request=request, person=person, timeline=[], findings=[])
    )
    return next(line for line in page.splitlines() if 'class="meta"' in line)


def test_other_spellings_lead_the_line_when_there_are_some() -> None:
    assert '<p class="meta">蔡奇 · 1 report, 2023-12-28 to 2023-12-28 · usually #4 · ' in (
        _meta_line(["Cai Qi", "蔡奇"])
    )


def test_a_person_known_by_one_spelling_has_no_dangling_separator() -> None:
    """It began "· 1 report, ..." (the empty list of other spellings, then its separator)."""
    assert '<p class="meta">1 report, 2023-12-28 to 2023-12-28 · usually #4 · ' in _meta_line(
        ["Cai Qi"]
    )
