"""Who may read the pages: a token when one is set, loopback Host names when not.

With a token every request needs it: `Authorization: Bearer <token>`, HTTP Basic with the
token as the password (what most feed readers can send), or the cookie the login form sets
(an HMAC of the token, so the token itself is never stored in the browser). Without a token
the server is bound to a loopback address (the command refuses anything else), and requests
must name a loopback host, so a web page that rebinds its own DNS name to 127.0.0.1 cannot
read the store through the visitor's browser.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

from starlette.datastructures import Headers
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from worker.web.bind import Bind

COOKIE = "wirediff_session"
OPEN_PATHS = ("/login", "/static/")


def session_value(token: str) -> str:
    return hmac.new(token.encode(), b"wirediff serve session", hashlib.sha256).hexdigest()


def same_secret(given: str, expected: str) -> bool:
    """Compared in constant time, so response times tell nothing about the token."""
    return hmac.compare_digest(given.encode(), expected.encode())


def authorized(headers: Headers, token: str) -> bool:
    scheme, _, value = headers.get("authorization", "").partition(" ")
    value = value.strip()
    if scheme.lower() == "bearer" and value:
        return same_secret(value, token)
    if scheme.lower() == "basic" and value:
        try:
            _, _, password = base64.b64decode(value, validate=True).decode().partition(":")
        except (ValueError, UnicodeDecodeError):
            return False
        return same_secret(password, token)
    cookie = SimpleCookie(headers.get("cookie", ""))
    morsel = cookie.get(COOKIE)
    return morsel is not None and same_secret(morsel.value, session_value(token))


def host_name(headers: Headers) -> str:
    host = headers.get("host", "")
    return urlsplit(f"//{host}").hostname or ""


def safe_next(target: str | None) -> str:
    """A local path to return to after login; anything else (another site) becomes /."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


class Gate:
    """ASGI middleware: the token check (or, without a token, the loopback Host check)."""

    def __init__(self, app: ASGIApp, *, token: str | None) -> None:
        self.app = app
        self.token = token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        refusal = self._refusal(scope, headers)
        if refusal is None:
            await self.app(scope, receive, send)
        else:
            await refusal(scope, receive, send)

    def _refusal(self, scope: Scope, headers: Headers) -> Response | None:
        path: str = scope["path"]
        if self.token is None:
            if Bind(host_name(headers), 0).loopback:
                return None
            return PlainTextResponse("wirediff: this server only answers to localhost\n", 421)
        if path.startswith(OPEN_PATHS) or authorized(headers, self.token):
            return None
        accept = headers.get("accept", "")
        if scope["method"] == "GET" and "text/html" in accept:
            query = scope.get("query_string", b"").decode("latin-1")
            here = path + (f"?{query}" if query else "")
            return RedirectResponse(f"/login?{urlencode({'next': here})}", 303)
        return PlainTextResponse(
            "wirediff: a token is needed (Authorization: Bearer, or Basic with the token as password)\n",
            401,
            headers={"WWW-Authenticate": 'Bearer realm="wirediff", Basic realm="wirediff"'},
        )
