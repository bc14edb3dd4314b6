"""`/people` and `/people/<name>`: who the stored reports list, and one person's timeline.

The JSON twins (`/people.json`, `/people/<name>.json` or `Accept: application/json`) hold the
objects of `wirediff people --json` and `wirediff people NAME --json` (SPEC.md "Events and
people over time"), built by the same functions.
"""

from __future__ import annotations

from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from storage import appearances
from worker.detect.appearances import find_changes
from worker.pipeline.appearances import appearance_record, finding_record, history, person_records
from worker.web.pages import wants_json
from worker.web.site import error, render, site_of


def people_page(request: Request) -> Response:
    site = site_of(request)
    with site.store.read() as session:
        people = person_records(appearances.rows(session))
    if wants_json(request):
        return JSONResponse({"people": people})
    return render(request, "people.html", people=people)


def person_page(request: Request) -> Response:
    site = site_of(request)
    name = request.path_params["name"]
    as_json = name.endswith(".json") or wants_json(request)
    name = name.removesuffix(".json")
    with site.store.read() as session:
        canonical = _canonical(session, site.roster.canonical(name), name)
        if canonical is None:
            return error(
                request, 404, f"no one called {name!r} in the stored reports", as_json=as_json
            )
        rows = appearances.rows(session, canonical=[canonical])
        found = find_changes(history(appearances.rows(session)), site.people)
    person = person_records(rows)[0]
    timeline = [appearance_record(r) for r in rows]
    findings = [finding_record(f) for f in found if canonical in f.people]
    if as_json:
        return JSONResponse({"person": person, "appearances": timeline, "findings": findings})
    return render(request, "person.html", person=person, timeline=timeline, findings=findings)


def _canonical(session: Session, known: str | None, name: str) -> str | None:
    candidates = [known] if known else []
    candidates += appearances.canonical_names(session, name)
    for canonical in dict.fromkeys(candidates):
        if appearances.rows(session, canonical=[canonical]):
            return canonical
    return None
