"""The event pages of `wirediff serve`: /events (newest first) and /events/{id}, each with its
JSON twin holding the `wirediff events --json` objects."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from storage import events as stored
from worker.output.event_records import event_record
from worker.web.pages import wants_json
from worker.web.site import error, render, site_of

LISTED = 100  # the newest events on /events


def events_page(request: Request) -> Response:
    site = site_of(request)
    with site.store.read() as session:
        records = [event_record(session, e) for e in stored.query(session, limit=LISTED)]
    if wants_json(request):
        return JSONResponse({"events": records})
    return render(request, "events.html", events=records)


def event_page(request: Request) -> Response:
    site = site_of(request)
    event_id = str(request.path_params["event_id"]).removesuffix(".json")
    as_json = wants_json(request, request.url.path.endswith(".json"))
    with site.store.read() as session:
        event = stored.find(session, event_id)  # an event merged into another: that one
        record = event_record(session, event) if event is not None else None
    if record is None:
        return error(request, 404, f"no event with id {event_id}", as_json=as_json)
    if as_json:
        return JSONResponse(record)
    return render(request, "event.html", event=record)
