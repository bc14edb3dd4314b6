"""What every page handler shares: the store, the roster, the templates, and error pages.

Templates are Jinja2 with autoescape on for every file: text from feeds and pages is always
escaped, and no template marks anything safe. Only http(s) addresses become links.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import jinja2
from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.templating import Jinja2Templates

import worker
from alerts.safe_text import visible
from storage.db import Store
from worker.detect.appearances import PeopleWatch
from worker.detect.roster import Roster


@dataclass(frozen=True, slots=True)
class Site:
    store: Store
    roster: Roster
    templates: Jinja2Templates
    token: bool  # whether a token guards the pages (the login form is shown then)
    people: PeopleWatch = field(
        default_factory=PeopleWatch
    )  # [people]: the thresholds findings are replayed with


def http_url(value: Any) -> bool:
    """True for http and https addresses; javascript:, data: and the rest stay plain text."""
    return isinstance(value, str) and value.lower().startswith(("http://", "https://"))


def when(value: datetime | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return value.strftime("%Y-%m-%d %H:%M UTC")


def machine_time(value: datetime | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return value.isoformat().replace("+00:00", "Z")


def _shown(value: object) -> object:
    if isinstance(value, Markup):  # built here from escaped text: keep it markup
        return Markup(visible(str(value), multiline=True))
    return visible(value, multiline=True) if isinstance(value, str) else value


def templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("worker.web", "templates"),
        autoescape=True,  # every template, whatever its file name
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        # text from feeds may hold control characters (ESC, U+202E): shown, never acted on
        finalize=_shown,
    )
    env.filters["when"] = when
    env.filters["machine_time"] = machine_time
    env.tests["http_url"] = http_url
    env.globals["version"] = worker.__version__
    return Jinja2Templates(env=env)


def site_of(request: Request) -> Site:
    site: Site = request.app.state.site
    return site


def render(request: Request, name: str, status: int = 200, **context: Any) -> Response:
    site = site_of(request)
    context.setdefault("token", site.token)
    return site.templates.TemplateResponse(request, name, context, status_code=status)


def error(request: Request, status: int, message: str, *, as_json: bool) -> Response:
    if as_json:
        return JSONResponse({"error": message}, status_code=status)
    return render(request, "error.html", status=status, status_code=status, message=message)
