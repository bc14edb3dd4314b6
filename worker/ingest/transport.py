"""The fetcher's HTTP transport: aiohttp under the httpx interface (httpx-aiohttp).

Why: with many feeds over a few hosts, httpcore's connection pool spends most of a request's
CPU on bookkeeping (every pooled connection's `has_expired` asks anyio for its socket's
attributes, a getpeername each time); aiohttp's pool does not. Measured in bench/README.md
(`python bench/bench_fetch.py`, and the transport alone): 0.6 ms of CPU per feed check
answered 304 against 1.8-2.7 ms with httpx's default transport.

httpx stays the API (requests, responses, streaming, our own decoders and caps). This wrapper
adds what httpx-aiohttp leaves out:
- its exception mapping turns a refused connection or a server that hangs up into
  `httpx.ConnectTimeout`, which the fetcher reads as "connect hung" (the host is paused);
  here each aiohttp error becomes the httpx error that says what happened;
- aiohttp's own cookie jar, decompression and redirects stay off (httpx and the fetcher do
  these), connections are kept per host and not capped here (the fetcher's slots bound them);
- the peer address (`network_stream` extension, for the evidence) is read from the connection;
- credentials in a URL reach aiohttp only as httpx's Authorization header (it refuses both).

aiohttp is imported without loading the system's CA store (`_without_default_cas`, below).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import socket
import ssl
import sys
import types
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx


@contextlib.contextmanager
def _without_default_cas() -> Iterator[None]:
    """While it runs, `set_default_verify_paths` loads no CA: for `import aiohttp` alone.

    aiohttp's connector builds two SSL contexts when it is imported, each loading the system's
    CA store (`ssl.create_default_context()`, and `set_default_verify_paths()` on the one that
    verifies nothing): 50-60 ms of CPU in every fetching process, the pass where nothing changed
    included, measured in bench/README.md (issue 10, round 13). It uses them only for a request
    or a connector whose `ssl` is True or False; wirediff never makes one: every session below
    is given its own context (httpx's verified one for https, a context that can only fail for
    http), and httpx-aiohttp hands that context to every request. Made without the CAs, the
    verifying default keeps CERT_REQUIRED and hostname checks and trusts no CA, so anything
    that did reach it could only fail to connect, never connect unverified; the other one
    verifies nothing either way. Not a copy of aiohttp's code: the method is shadowed on
    ssl.SSLContext for the import and restored after it, even when the import fails (a context
    made meanwhile by another thread would trust no CA: it fails closed too)."""
    cls = ssl.SSLContext
    own = cls.__dict__.get("set_default_verify_paths")  # None: inherited from _ssl._SSLContext

    def load_nothing(self: ssl.SSLContext) -> None:
        return None

    cls.set_default_verify_paths = load_nothing  # type: ignore[method-assign]
    try:
        yield
    finally:
        if own is None:
            del cls.set_default_verify_paths
        else:
            cls.set_default_verify_paths = own  # type: ignore[method-assign]


@contextlib.contextmanager
def _aiohttp_version_known() -> Iterator[None]:
    """While it runs, `from importlib import metadata` gives a stand-in whose `version` answers
    aiohttp's own `__version__` for "aiohttp" (anything else: importlib.metadata's answer): for
    `import httpx_aiohttp` alone.

    httpx-aiohttp imports importlib.metadata to compare aiohttp's version with 3.10 once, as it
    is imported, and importlib.metadata imports zipfile, importlib.resources and their
    helpers: ~30 M instructions in every fetching process, 4% of a pass where nothing changed,
    all before its first request (bench/README.md, issue 10, round 24). A process that imports
    importlib.metadata for itself (SQLAlchemy, trafilatura) still gets the real module: the
    stand-in is only in sys.modules while httpx_aiohttp is imported, and only when
    importlib.metadata was not imported before."""
    name = "importlib.metadata"
    if name in sys.modules:
        yield
        return
    stand_in = types.ModuleType(name)

    def version(distribution: str) -> str:
        if distribution == "aiohttp":
            return str(aiohttp.__version__)
        if sys.modules.get(name) is stand_in:  # any other question: the real module's answer
            del sys.modules[name]
        from importlib import metadata

        return metadata.version(distribution)

    stand_in.version = version  # type: ignore[attr-defined]
    sys.modules[name] = stand_in
    try:
        yield
    finally:
        if sys.modules.get(name) is stand_in:
            del sys.modules[name]


with _without_default_cas():
    import aiohttp

with _aiohttp_version_known():
    from httpx_aiohttp import AiohttpTransport  # (imports aiohttp: after it)

KEEPALIVE_SECONDS = 30.0  # an idle connection to a host is kept this long for its next request


def aiohttp_transport() -> httpx.AsyncBaseTransport:
    """The fetcher's transport (the request's httpx.Timeout still applies: connect, and read
    when one is set; the fetcher sets none, its deadline bounds the whole answer)."""
    return _Remapped()


def _aiohttp(verify: ssl.SSLContext | None = None) -> AiohttpTransport:
    """httpx-aiohttp's transport on our session. Without `verify` it builds httpx's own SSL
    context (the CA bundle httpx would verify with), and our session verifies with that same
    context: loading the bundle for a second one cost ~30 ms of CPU."""
    transport = AiohttpTransport() if verify is None else AiohttpTransport(verify=verify)
    transport.client = functools.partial(_session, transport.ssl_context)
    return transport


def _session(ssl_context: ssl.SSLContext) -> aiohttp.ClientSession:
    connector = aiohttp.TCPConnector(
        limit=0,  # the fetcher's slots (concurrency, per_host) bound the connections
        limit_per_host=0,
        keepalive_timeout=KEEPALIVE_SECONDS,
        ssl=ssl_context,
        family=socket.AF_UNSPEC,
    )
    return aiohttp.ClientSession(
        connector=connector,
        # h11 (httpx's default) takes a header block of up to 16 KB; aiohttp's defaults refuse a
        # single header over 8 KB, which real sites' cookies and CSPs reach. Still bounded.
        max_line_size=16 * 1024,
        max_field_size=16 * 1024,
        max_headers=256,
        cookie_jar=aiohttp.DummyCookieJar(),  # httpx keeps the cookies
        auto_decompress=False,  # the fetcher decodes, under its byte cap
        trust_env=False,  # httpx mounts proxies from the environment itself
    )


class _Peer:
    """What `worker.ingest.fetch._peer` reads: the address the response came from."""

    def __init__(self, address: Any) -> None:
        self._address = address

    def get_extra_info(self, name: str) -> Any:
        return self._address if name == "server_addr" else None


class _Remapped(httpx.AsyncBaseTransport):
    """Plain http and TLS go through two sessions, and the TLS one (with httpx's SSL context,
    whose CA bundle takes ~20-25 ms of CPU to load) is made with the first https request: a
    pass over plain-http feeds (a local network, the benchmark's farm) sends its first request
    without loading it; an https feed list loads it before its first request as before. The
    plain session's context verifies with no CA at all: a TLS connection through it could only
    fail, never go unverified (and only requests whose scheme is "http" are sent there)."""

    def __init__(self) -> None:
        self._plain = _aiohttp(ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT))
        self._tls: AiohttpTransport | None = None

    def _inner(self, request: httpx.Request) -> AiohttpTransport:
        if request.url.scheme == "http":
            return self._plain
        if self._tls is None:
            self._tls = _aiohttp()
        return self._tls

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        inner = self._inner(request)
        if request.url.userinfo:
            # httpx has turned the URL's credentials into an Authorization header already;
            # aiohttp refuses a request that has both (ValueError). httpx sets the response's
            # request back to the original, so the URL it reports keeps them.
            request = _without_userinfo(request)
        try:
            response = await inner.handle_async_request(request)
        except (httpx.TransportError, aiohttp.ClientError, ValueError) as exc:
            raise _httpx_error(exc) from exc
        stream = response.stream
        raw = getattr(stream, "_aiohttp_response", None)  # httpx-aiohttp's response stream
        # the connection, or once a short body is read whole and the connection released,
        # the protocol that read it (aiohttp keeps it on the response)
        connection = getattr(raw, "connection", None) or getattr(raw, "_protocol", None)
        transport = getattr(connection, "transport", None)
        if transport is not None:
            response.extensions["network_stream"] = _Peer(transport.get_extra_info("peername"))
        if isinstance(stream, httpx.AsyncByteStream):
            response.stream = _RemappedStream(stream)
        return response

    async def aclose(self) -> None:
        await self._plain.aclose()
        if self._tls is not None:
            await self._tls.aclose()


def _without_userinfo(request: httpx.Request) -> httpx.Request:
    url = request.url.copy_with(userinfo=b"")
    try:
        content = request.content  # read already (the fetcher's GETs: b"")
    except httpx.RequestNotRead:
        return httpx.Request(
            request.method,
            url,
            headers=request.headers,
            stream=request.stream,
            extensions=request.extensions,
        )
    return httpx.Request(
        request.method, url, headers=request.headers, content=content, extensions=request.extensions
    )


class _RemappedStream(httpx.AsyncByteStream):
    def __init__(self, inner: httpx.AsyncByteStream) -> None:
        self._inner = inner

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in self._inner:
                yield chunk
        except (httpx.TransportError, aiohttp.ClientError) as exc:
            raise _httpx_error(exc) from exc

    async def aclose(self) -> None:
        await self._inner.aclose()


def _connect_failure(err: aiohttp.ClientConnectorError) -> str:
    """What went wrong connecting, in words ("cannot connect to example.org:443: connection
    refused"): aiohttp's own text names its SSL setting ("ssl:default") even for plain http."""
    cause = err.os_error
    if isinstance(err, aiohttp.ClientConnectorDNSError):
        why = f"host not found ({cause.strerror or cause})"
    elif isinstance(cause, ConnectionRefusedError):
        why = "connection refused"
    else:
        why = " ".join(str(cause.strerror or cause).split()) or type(cause).__name__
    return f"cannot connect to {err.host}:{err.port}: {why}"


def _httpx_error(exc: BaseException) -> httpx.TransportError:
    """The httpx error for what aiohttp saw (the original, httpx-aiohttp's mapping undone)."""
    cause = exc.__cause__ if isinstance(exc, httpx.TransportError) and exc.__cause__ else exc
    text = " ".join(str(cause).split()) or type(cause).__name__
    if isinstance(cause, aiohttp.ConnectionTimeoutError):
        return httpx.ConnectTimeout(text)
    if isinstance(cause, aiohttp.ServerTimeoutError | asyncio.TimeoutError):
        return httpx.ReadTimeout(text)
    if isinstance(cause, aiohttp.ClientConnectorError):
        return httpx.ConnectError(_connect_failure(cause))
    if isinstance(cause, aiohttp.ServerDisconnectedError | aiohttp.ClientPayloadError):
        return httpx.RemoteProtocolError(text)
    if isinstance(cause, aiohttp.ClientResponseError):  # a malformed answer (status line, headers)
        return httpx.RemoteProtocolError(text)
    if isinstance(cause, aiohttp.InvalidURL):
        return httpx.UnsupportedProtocol(text)
    if isinstance(cause, ValueError):  # aiohttp refused to send the request as given
        return httpx.LocalProtocolError(text)
    if isinstance(exc, httpx.TransportError) and exc.__cause__ is None:
        return exc
    return httpx.ReadError(text)
