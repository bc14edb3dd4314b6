"""The `--json` objects of events (SPEC.md "Events and people over time"): built here for the
`events` commands and the web interface alike."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

from alerts.safe_text import mask_url
from storage import events as stored
from storage.models import Event


def _when(value: Any) -> str | None:
    return value.isoformat().replace("+00:00", "Z") if value is not None else None


def event_record(session: Session, event: Event) -> dict[str, Any]:
    rows = stored.members(session, event.id)
    reports = []
    people: dict[str, dict[str, Any]] = {}
    for row in rows:
        url = mask_url(row.url)
        features = row.features
        reports.append(
            {
                "url": url,
                "feed": mask_url(row.feed_url),
                "language": features.get("language"),
                "title": row.title,
                "published": _when(row.published) or row.day,
                "version": row.version,
            }
        )
        for key, canonical, name, role, _position in features.get("people") or ():
            person = people.setdefault(
                key, {"canonical": canonical, "names": [], "roles": [], "reports": []}
            )
            for field, value in (("names", name), ("roles", role), ("reports", url)):
                if value not in person[field]:
                    person[field].append(value)
    found = [
        {
            "kind": f.kind,
            "summary": f.summary,
            "reports": [mask_url(u) for u in json.loads(f.reports)],
            "detail": json.loads(f.detail),
        }
        for f in stored.findings(session, event.id)
    ]
    return {
        "type": "event",
        "id": event.id,
        "date": event.day,
        "title": event.title,
        "reports": reports,
        "people": list(people.values()),
        "discrepancies": found,
    }
