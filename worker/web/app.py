"""The ASGI application of `wirediff serve` (Starlette): routes, security headers, the gate.

Read-only: every route answers GET (and HEAD); the one POST is the login form, which only
sets a cookie. The Content-Security-Policy allows no script at all, inline or not, and only
our own stylesheet, so even markup that slipped past escaping could not run.
"""

from __future__ import annotations

import logging
from urllib.parse import parse_qs

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from storage.db import Store
from storage.errors import StoreUnavailable
from worker.detect.appearances import PeopleWatch
from worker.detect.roster import Roster
from worker.web import event_pages, pages, people_pages
from worker.web.auth import COOKIE, Gate, safe_next, same_secret, session_value
from worker.web.site import Site, error, render, templates

logger = logging.getLogger(__name__)

CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
MAX_FORM = 4096


class SecurityHeaders:
    """Adds the CSP and friends to every response, error pages included."""

    def __init__(self, app: ASGIApp, *, private: bool) -> None:
        self.app = app
        self.headers = SECURITY_HEADERS + (
            [(b"cache-control", b"private, no-store")] if private else []
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + self.headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def login_form(request: Request) -> Response:
    return render(
        request, "login.html", next=safe_next(request.query_params.get("next")), failed=False
    )


async def login(request: Request) -> Response:
    """Check the token typed into the form; on success set the session cookie and go back."""
    token: str = request.app.state.token
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM:
            return error(request, 413, "the login form is larger than a token", as_json=False)
    fields = parse_qs(body.decode("utf-8", "replace"))
    given = (fields.get("token") or [""])[0].strip()
    target = safe_next((fields.get("next") or ["/"])[0])
    if not given or not same_secret(given, token):
        return render(request, "login.html", status=401, next=target, failed=True)
    response = RedirectResponse(target, 303)
    response.set_cookie(
        COOKIE,
        session_value(token),
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    return response


async def not_found(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 404
    message = "no such page" if status == 404 else str(getattr(exc, "detail", "")) or "refused"
    return error(request, status, message, as_json=pages.wants_json(request))


async def store_down(request: Request, exc: Exception) -> Response:
    logger.error("store unavailable: %s", exc)
    return error(request, 503, str(exc), as_json=pages.wants_json(request))


def create_app(
    store: Store,
    roster: Roster,
    *,
    token: str | None = None,
    people: PeopleWatch | None = None,
) -> Starlette:
    routes = [
        Route("/", pages.changes_page),
        Route("/changes", pages.changes_page),
        Route("/changes.json", pages.changes_page),
        Route("/changes.atom", pages.changes_atom),
        Route("/changes/{change_id}", pages.change_page),
        Route("/reports", pages.report_page),
        Route("/reports.json", pages.report_page),
        Route("/feeds", pages.feeds_page),
        Route("/feeds.json", pages.feeds_page),
        Route("/events", event_pages.events_page),
        Route("/events.json", event_pages.events_page),
        Route("/events/{event_id}", event_pages.event_page),
        Route("/people", people_pages.people_page),
        Route("/people.json", people_pages.people_page),
        Route("/people/{name}", people_pages.person_page),
        Mount("/static", StaticFiles(packages=[("worker.web", "static")]), name="static"),
    ]
    if token:
        routes += [
            Route("/login", login_form, methods=["GET"]),
            Route("/login", login, methods=["POST"]),
        ]
    app = Starlette(
        routes=routes,
        exception_handlers={HTTPException: not_found, StoreUnavailable: store_down},
    )
    app.state.site = Site(
        store, roster, templates(), token=bool(token), people=people or PeopleWatch()
    )
    app.state.token = token
    app.add_middleware(Gate, token=token)
    app.add_middleware(SecurityHeaders, private=bool(token))
    return app
