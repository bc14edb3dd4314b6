"""Fetch stage: a URL (+ validators) in, a FetchResult out, or a worker.errors.FetchError.

Conditional GET, gzip/deflate/brotli, redirects followed by hand (each hop checked by the SSRF
guard and counted), a cap on the decompressed body enforced while streaming. 304 is a value
(FetchResult.not_modified); Retry-After and cache lifetimes are parsed for the scheduler, never
slept on here.

Time is counted where it is spent, so a busy pass never blames a healthy site:
- a request first waits in line for its slots: one of its host's (`per_host`, politeness), one
  of the overall ones (`concurrency`), and, while its host has not answered yet, one of the
  slots new hosts may hold (at most half of them, so hosts whose connects hang cannot take
  every slot). That wait is bounded by `queue_timeout`; a request that waited longer is
  never sent and raises QueueTimeout, which says nothing about the site;
- once sent, the request has `timeout` seconds in all (hops, headers and body), and its
  connect (DNS lookup included) `connect_timeout` of them. A host whose connect hung is not
  tried again for a while (HostUnreachable at once), so its other pages do not queue behind it;
- those seconds are this process's running time (`_Deadline`): a stretch in which the event
  loop could not run (CPU work on it, the process starved on a loaded machine) is the
  fetcher's, not the site's: an answer that arrived meanwhile is waiting in the socket when the
  loop runs again, and is read, not cut. Such stalls are credited up to `timeout` again (at
  least STALL_CREDIT_MIN s) per request, so a server that never finishes is still cut.

The exchange as received rides along for the evidence (FetchResult.capture and
HTTPStatusError.capture for a 404/410: storage.digests.Exchange, body with its content coding).
"""

from __future__ import annotations

import asyncio
import time
import zlib
from collections.abc import AsyncIterator, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from types import TracebackType
from typing import Protocol
from urllib.parse import urlsplit

import brotli
import httpx

from alerts.backoff import parse_retry_after
from storage.digests import Exchange, Hop
from worker.errors import (
    FetchError,
    FetchTimeout,
    HostUnreachable,
    HTTPStatusError,
    QueueTimeout,
    ResponseTooLarge,
    TooManyRedirects,
    one_line,
)
from worker.ingest.guard import check_url, url_host
from worker.ingest.options import FetchOptions as FetchOptions  # defined there, used from here too
from worker.ingest.transport import aiohttp_transport

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 * 1024  # most decompressed bytes produced per step: bounds memory on a bomb
HUNG_HOST_PAUSE = 300  # seconds a host whose connect hung is not tried again
# A 404/410 body is read for the evidence (a takedown answer), within these bounds; past them
# (or on a broken body) the status still counts and the capture keeps the headers, no body.
GONE_CAPTURE = frozenset({404, 410})
_GONE_BODY_BYTES = 1024 * 1024
_GONE_BODY_SECONDS = 5.0
# A request's deadline looks at the clock at least every _LOOK seconds; a look later than
# planned by more than _LATE means the event loop could not run meanwhile (a stall).
_LOOK = 0.25
_LATE = 0.05
STALL_CREDIT_MIN = 5.0  # seconds of stalls a request is credited at least (else `timeout`)


@dataclass(frozen=True, slots=True)
class Validators:
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, slots=True)
class FetchResult:
    url: str  # final URL after redirects
    status: int
    body: bytes  # b"" when not_modified
    content_type: str | None
    validators: Validators  # from the response (ETag / Last-Modified)
    not_modified: bool  # 304 is a value, not an error
    redirected: bool
    retry_after: float | None  # seconds, from Retry-After (delta or HTTP date)
    cache_max_age: float | None  # from Cache-Control max-age / Expires, for the scheduler
    elapsed: float
    capture: Exchange | None = None  # the exchange as received (raw body), for the evidence


class _SetCookies(httpx.Cookies):
    """The client's cookie jar, read only from responses that set a cookie. httpx hands every
    response to urllib's CookieJar through a urllib Request it builds for it (~0.2 ms, a sixth
    of the fetcher's CPU per request on the fetch benchmark), which without a Set-Cookie (or
    Set-Cookie2) header finds nothing to store."""

    def extract_cookies(self, response: httpx.Response) -> None:
        headers = response.headers
        if "set-cookie" in headers or "set-cookie2" in headers:
            super().extract_cookies(response)


@dataclass(frozen=True, slots=True)
class _Answer:
    response: httpx.Response
    body: bytes  # decoded
    capture: Exchange | None


class Fetcher:
    """One shared HTTP client with concurrency limits; use as an async context manager."""

    def __init__(
        self,
        options: FetchOptions = FetchOptions(),  # noqa: B008  # frozen: a shared default is safe
        *,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.options = options
        self._client = httpx.AsyncClient(
            transport=transport if transport is not None else aiohttp_transport(),
            follow_redirects=False,
            # No read timeout: a hop's whole answer is bounded by `timeout` already (`_hop`), so
            # aiohttp's timer re-armed on every chunk read (a call_later and a cancelled handle
            # in the loop's heap each time) never fired first (issue 10, round 22). No pool
            # timeout either (aiohttp's `connect`: a free connection, then the connect): the
            # connector is not capped (the slots are), and its wall-clock timer fired after a
            # stall of this process, as a hung connect that paused a healthy host (round 24).
            timeout=httpx.Timeout(
                options.timeout, connect=options.connect_timeout, read=None, pool=None
            ),
            headers={"User-Agent": options.user_agent, "Accept-Encoding": "gzip, deflate, br"},
        )
        # The client keeps cookies across requests (a site that sets one on a redirect gets it
        # back on the next hop); its `cookies` setter would wrap a jar in a plain Cookies.
        self._client._cookies = _SetCookies()
        self._global = asyncio.Semaphore(options.concurrency)
        # Hosts that have not answered yet may hold at most half the slots: when their
        # connects hang, the other half still serves the hosts known to answer.
        self._first_contact = asyncio.Semaphore(max(1, options.concurrency // 2))
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self._answered: set[str] = set()
        # The SSRF guard's DNS lookups get threads of their own: a lookup that hangs holds its
        # thread until the system resolver gives up, and must not hold one of the threads the
        # pipeline stores and parses with (asyncio.to_thread).
        self._dns = ThreadPoolExecutor(options.concurrency, thread_name_prefix="wirediff-dns")
        self._hung: dict[str, tuple[float, str]] = {}  # host -> (not before, why)

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._client.aclose()
        self._dns.shutdown(wait=False, cancel_futures=True)  # a hung lookup ends on its own

    async def fetch(
        self, url: str, validators: Validators | None = None, *, trusted_host: str | None = None
    ) -> FetchResult:
        """GET url. trusted_host=None: a user-configured feed URL (first hop not checked);
        otherwise a link found in the feed at trusted_host, checked on every hop.

        Only the time spent on the hops counts against `timeout`; waiting in line for a slot
        does not (see the module's docstring)."""
        started = time.monotonic()
        check_first = trusted_host is not None
        trusted = trusted_host if trusted_host is not None else url_host(url)
        seen = {url}
        current = url
        budget = _Budget(self.options.timeout)
        hops: list[Hop] = []
        for hop in range(self.options.max_redirects + 1):
            async with self._slot(url, current):
                try:
                    if check_first or hop > 0:
                        await self._check(current, trusted, budget)
                    answer = await self._hop(current, validators, budget)
                except HTTPStatusError as err:
                    if err.capture is not None:
                        err.capture = replace(err.capture, url=url, redirects=tuple(hops))
                    raise
            response, body = answer.response, answer.body
            location = _redirect_target(response)
            if location is None:
                capture = answer.capture
                if capture is not None:
                    capture = replace(capture, url=url, redirects=tuple(hops))
                return _result(response, body, validators, hop > 0, started, capture)
            hops.append(Hop(current, response.status_code, _raw_headers(response.headers)))
            if location in seen:
                raise TooManyRedirects(url, f"{url}: redirect loop at {location}")
            seen.add(location)
            current = location
        raise TooManyRedirects(url, f"{url}: more than {self.options.max_redirects} redirects")

    @asynccontextmanager
    async def _slot(self, url: str, current: str) -> AsyncIterator[None]:
        """Wait in line for the slots `current` needs (at most queue_timeout), then hold them."""
        key = _host_key(current)
        self._raise_if_hung(url, key)
        gates = [self._hosts.setdefault(key, asyncio.Semaphore(self.options.per_host))]
        if key not in self._answered:
            gates.append(self._first_contact)
        gates.append(self._global)
        held: list[asyncio.Semaphore] = []
        try:
            async with asyncio.timeout(self.options.queue_timeout):
                for gate in gates:
                    await gate.acquire()
                    held.append(gate)
        except BaseException as exc:
            # Timed out or cancelled while waiting: the slots already taken go back, or a
            # cancelled request would keep its host's slot for the rest of the run.
            for gate in reversed(held):
                gate.release()
            if not isinstance(exc, TimeoutError):
                raise
            raise QueueTimeout(
                url,
                f"{url}: not sent: waited {self.options.queue_timeout:g} s in line for a free "
                "connection slot (other requests held them; [fetch] queue_timeout)",
            ) from None
        try:
            self._raise_if_hung(url, key)  # it may have hung while this request waited
            yield
        finally:
            for gate in reversed(held):
                gate.release()

    def _raise_if_hung(self, url: str, key: str) -> None:
        hung = self._hung.get(key)
        if hung is not None and time.monotonic() < hung[0]:
            raise HostUnreachable(url, f"{url}: {hung[1]}")

    async def _check(self, url: str, trusted: str | None, budget: _Budget) -> None:
        """The SSRF guard, its DNS lookup bounded like a connect (and counted in the request's
        time)."""
        try:
            async with _Deadline(self.options.connect_timeout, budget):
                await check_url(
                    url,
                    allow_private=self.options.allow_private,
                    trusted_host=trusted,
                    executor=self._dns,
                )
        except TimeoutError:
            raise self._hang(
                url,
                f"looking up its host took more than {self.options.connect_timeout:g} s",
                reason="host lookup hung",
            ) from None

    def _hang(self, url: str, what: str, *, reason: str = "could not connect") -> FetchTimeout:
        """Remember a host whose connect hung, so its other requests fail at once for a while."""
        until = time.monotonic() + HUNG_HOST_PAUSE
        clock = time.strftime("%H:%M:%S")
        self._hung[_host_key(url)] = (
            until,
            f"host did not answer at {clock} ({what}); not tried again for {HUNG_HOST_PAUSE // 60:g} min",
        )
        return FetchTimeout(url, f"{url}: {what}", reason=reason)

    async def _hop(self, url: str, validators: Validators | None, budget: _Budget) -> _Answer:
        deadline = _Deadline(budget.timeout - budget.spent, budget)
        try:
            async with deadline:
                answer = await self._send(url, validators)
        except TimeoutError as exc:
            raise FetchTimeout(
                url, f"{url}: no complete answer within {self.options.timeout:g} s"
            ) from exc
        except httpx.ConnectTimeout as exc:
            left = budget.timeout - budget.spent
            if deadline.stalled and not budget.retried and left >= self.options.connect_timeout:
                # The connect's own timer (aiohttp's, wall clock) fired while this process
                # could not run: not the host's hang. Sent once more when the time left allows
                # a whole connect (else the host is paused as before).
                budget.retried = True
                return await self._hop(url, validators, budget)
            raise self._hang(
                url, f"could not connect within {self.options.connect_timeout:g} s"
            ) from exc
        except httpx.TimeoutException as exc:
            raise FetchTimeout(url, f"{url}: timed out ({type(exc).__name__})") from exc
        except httpx.InvalidURL as exc:
            raise FetchError(url, f"{url}: invalid URL: {exc}") from exc
        except HTTPStatusError:
            self._answered.add(_host_key(url))
            raise
        except httpx.HTTPError as exc:
            reason = "could not connect" if isinstance(exc, httpx.ConnectError) else None
            raise FetchError(
                url, f"{url}: {type(exc).__name__}: {one_line(exc)}", reason=reason
            ) from exc
        self._answered.add(_host_key(url))
        return answer

    async def _send(self, url: str, validators: Validators | None) -> _Answer:
        request = self._client.build_request("GET", url, headers=_conditional(validators))
        requested_at = datetime.now(UTC)
        response = await self._client.send(request, stream=True)
        try:
            status = response.status_code
            peer = _peer(response)
            if status == 304 or _redirect_target(response) is not None:
                return _Answer(response, b"", None)
            if status >= 400:
                retry = parse_retry_after(response.headers.get("retry-after"))
                capture = None
                if status in GONE_CAPTURE:
                    raw = await self._read_gone_body(url, response)
                    capture = _exchange(request, response, raw, requested_at, peer)
                raise HTTPStatusError(url, status, retry, capture=capture)
            body, raw = await self._read_capped(url, response, self.options.max_bytes)
            return _Answer(response, body, _exchange(request, response, raw, requested_at, peer))
        finally:
            await response.aclose()

    async def _read_gone_body(self, url: str, response: httpx.Response) -> bytes:
        """The body of a 404/410, for the evidence only: small, quick, never an error."""
        try:
            async with asyncio.timeout(_GONE_BODY_SECONDS):
                cap = min(self.options.max_bytes, _GONE_BODY_BYTES)
                return (await self._read_capped(url, response, cap))[1]
        except (TimeoutError, FetchError, httpx.HTTPError):
            return b""

    async def _read_capped(
        self, url: str, response: httpx.Response, cap: int
    ) -> tuple[bytes, bytes]:
        """(decoded body, body as received). Both are capped: a few bytes of padding around a
        tiny compressed stream must not grow the raw copy without bound either."""
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            raise ResponseTooLarge(url, f"{url}: body of {declared} bytes is over the {cap} cap")
        decoder = _decoder(url, response.headers.get("content-encoding", ""))
        parts: list[bytes] = []
        raws: list[bytes] = []
        size = raw_size = 0
        async for raw in response.aiter_raw():
            raw_size += len(raw)
            if raw_size > cap:
                raise ResponseTooLarge(url, f"{url}: body is over the {cap} byte cap")
            raws.append(raw)
            for piece in decoder.decode(raw):
                size += len(piece)
                if size > cap:
                    raise ResponseTooLarge(url, f"{url}: body is over the {cap} byte cap")
                parts.append(piece)
        parts.append(decoder.flush())
        size += len(parts[-1])
        if size > cap:
            raise ResponseTooLarge(url, f"{url}: body is over the {cap} byte cap")
        body = b"".join(parts)
        # Without a content coding the two are the same bytes: one copy in memory.
        return body, body if isinstance(decoder, _Identity) else b"".join(raws)


class _Budget:
    """One request's time: `timeout` s of this process's running time for all its hops (what
    they spent so far: `spent`), and the stalls it may still be credited (`credit`)."""

    __slots__ = ("credit", "retried", "spent", "timeout")

    def __init__(self, timeout: float) -> None:
        self.timeout = timeout
        self.spent = 0.0
        self.credit = max(timeout, STALL_CREDIT_MIN)
        self.retried = False  # a connect cut in a stall of this process is tried again once


class _Deadline:
    """asyncio.timeout(seconds) for one step of a request, counting only the time this process
    could run: the time between two looks at the clock (every _LOOK s at most) is charged to the
    request (`budget.spent` too), except a look later than planned by more than _LATE: the event
    loop could not run meanwhile, and an answer that came then is waiting to be read when it
    runs again (the timer of asyncio.timeout would fire in the same turn and cut it). That
    lateness is credited from `budget.credit` while any is left, charged after. Once `seconds`
    are charged the task is cancelled and TimeoutError raised, as asyncio.timeout does.

    `stalled`: some time was credited (the loop could not run while this step waited). A
    request answered within _LOOK s costs what asyncio.timeout did: one timer, cancelled."""

    __slots__ = ("_budget", "_last", "_left", "_look", "_loop", "_step", "_timeout", "stalled")

    def __init__(self, seconds: float, budget: _Budget) -> None:
        self._left = seconds
        self._budget = budget
        self._look: asyncio.TimerHandle | None = None
        self.stalled = False

    async def __aenter__(self) -> None:
        self._timeout = asyncio.timeout(None)
        await self._timeout.__aenter__()
        self._loop = loop = asyncio.get_running_loop()
        self._last = loop.time()
        if self._left <= 0:
            self._timeout.reschedule(self._last)
        else:
            self._arm()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._look is not None:
            self._look.cancel()
            self._look = None
            self._charge(self._loop.time())
        await self._timeout.__aexit__(exc_type, exc, tb)

    def _arm(self) -> None:
        self._step = min(_LOOK, self._left)
        self._look = self._loop.call_at(self._last + self._step, self._on_look)

    def _charge(self, now: float) -> None:
        gap = now - self._last
        late = gap - self._step - _LATE
        if late > 0:  # the loop could not run: credited while there is credit
            self.stalled = True
            credited = min(late, self._budget.credit)
            self._budget.credit -= credited
            gap -= credited
        self._left -= gap
        self._budget.spent += gap
        self._last = now

    def _on_look(self) -> None:
        now = self._loop.time()
        self._charge(now)
        if self._left > 0:
            self._arm()
        else:
            self._look = None
            self._timeout.reschedule(now)  # cancels the task on the loop's next turn


def _host_key(url: str) -> str:
    """host:port: the unit of politeness (two ports of one address are two servers)."""
    try:
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError:
        return url_host(url) or ""
    return f"{url_host(url) or ''}:{port}"


def _conditional(validators: Validators | None) -> dict[str, str]:
    headers: dict[str, str] = {}
    if validators is not None and validators.etag:
        headers["If-None-Match"] = validators.etag
    if validators is not None and validators.last_modified:
        headers["If-Modified-Since"] = validators.last_modified
    return headers


def _redirect_target(response: httpx.Response) -> str | None:
    location = response.headers.get("location")
    if response.status_code not in REDIRECT_STATUSES or not location:
        return None
    try:
        return str(response.url.join(location))
    except httpx.InvalidURL:
        return None


def _result(
    response: httpx.Response,
    body: bytes,
    sent: Validators | None,
    redirected: bool,
    started: float,
    capture: Exchange | None = None,
) -> FetchResult:
    headers = response.headers
    not_modified = response.status_code == 304
    old = sent or Validators()
    # A 304 may omit the validators; the ones sent are still the current ones then.
    validators = Validators(
        etag=headers.get("etag") or (old.etag if not_modified else None),
        last_modified=headers.get("last-modified") or (old.last_modified if not_modified else None),
    )
    return FetchResult(
        url=str(response.url),
        status=response.status_code,
        body=body,
        content_type=headers.get("content-type"),
        validators=validators,
        not_modified=not_modified,
        redirected=redirected,
        retry_after=parse_retry_after(headers.get("retry-after")),
        cache_max_age=parse_max_age(headers),
        elapsed=time.monotonic() - started,
        capture=capture,
    )


def _raw_headers(headers: httpx.Headers) -> tuple[tuple[str, str], ...]:
    """Headers as sent on the wire: order, case and repeats kept."""
    return tuple((k.decode("latin-1"), v.decode("latin-1")) for k, v in headers.raw)


def _peer(response: httpx.Response) -> str | None:
    """The address:port the response came from (None when the transport does not say)."""
    stream = response.extensions.get("network_stream")
    address = stream.get_extra_info("server_addr") if stream is not None else None
    if not address:
        return None
    host, port = str(address[0]), address[1]
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def _exchange(
    request: httpx.Request,
    response: httpx.Response,
    raw: bytes,
    requested_at: datetime,
    peer: str | None,
) -> Exchange:
    return Exchange(
        url=str(request.url),
        final_url=str(response.url),
        status=response.status_code,
        reason=response.reason_phrase,
        http_version=response.http_version,
        requested_at=requested_at,
        peer=peer,
        request_headers=_raw_headers(request.headers),
        response_headers=_raw_headers(response.headers),
        body=raw,
    )


def parse_max_age(headers: httpx.Headers) -> float | None:
    """Freshness lifetime: Cache-Control max-age, else Expires minus Date (RFC 9111 4.2.1)."""
    for directive in headers.get("cache-control", "").split(","):
        name, _, arg = directive.strip().partition("=")
        if name.lower() == "max-age" and arg.strip().strip('"').isdigit():
            return float(arg.strip().strip('"'))
    expires = headers.get("expires")
    if not expires:
        return None
    try:
        end = parsedate_to_datetime(expires)
        date = parsedate_to_datetime(headers["date"]) if "date" in headers else None
    except (TypeError, ValueError):
        return 0.0  # RFC 9111 5.3: an invalid Expires means "already expired"
    if end.tzinfo is None:
        return 0.0
    now = date.timestamp() if date is not None and date.tzinfo else time.time()
    return max(end.timestamp() - now, 0.0)


# httpx's own decoders decompress each network chunk in one call with no output limit, so a
# few KB of brotli can expand to gigabytes before the cap is seen; these bound every step.
class _Decoder(Protocol):
    def decode(self, data: bytes) -> Iterator[bytes]: ...
    def flush(self) -> bytes: ...


class _Identity:
    def decode(self, data: bytes) -> Iterator[bytes]:
        yield data

    def flush(self) -> bytes:
        return b""


class _Zlib:
    def __init__(self, url: str, wbits: int, name: str) -> None:
        self._url, self._name, self._wbits = url, name, wbits
        self._d = zlib.decompressobj(wbits)
        self._started = False

    def decode(self, data: bytes) -> Iterator[bytes]:
        buf = data
        while True:
            try:
                out = self._d.decompress(buf, _CHUNK)
            except zlib.error as exc:
                if self._name == "deflate" and not self._started and self._wbits > 0:
                    # RFC 9110 says zlib-wrapped, but many servers send raw deflate.
                    self._wbits = -zlib.MAX_WBITS
                    self._d = zlib.decompressobj(self._wbits)
                    continue
                raise FetchError(self._url, f"{self._url}: bad {self._name} body: {exc}") from exc
            self._started = True
            if out:
                yield out
            buf = self._d.unconsumed_tail
            # Stop at the stream end (trailing bytes ignored) or once input and output are drained.
            if self._d.eof or (not buf and len(out) < _CHUNK):
                return

    def flush(self) -> bytes:
        try:
            return self._d.flush()
        except zlib.error as exc:
            raise FetchError(self._url, f"{self._url}: bad {self._name} body: {exc}") from exc


class _Brotli:
    def __init__(self, url: str) -> None:
        self._url = url
        self._d = brotli.Decompressor()

    def decode(self, data: bytes) -> Iterator[bytes]:
        try:
            yield self._d.process(data, output_buffer_limit=_CHUNK)
            while not self._d.can_accept_more_data() and not self._d.is_finished():
                yield self._d.process(b"", output_buffer_limit=_CHUNK)
        except brotli.error as exc:
            raise FetchError(self._url, f"{self._url}: bad br body: {exc}") from exc

    def flush(self) -> bytes:
        return b""


def _decoder(url: str, content_encoding: str) -> _Decoder:
    codings = [c.strip().lower() for c in content_encoding.split(",") if c.strip()]
    codings = [c for c in codings if c != "identity"]
    if not codings:
        return _Identity()
    if len(codings) > 1:
        raise FetchError(url, f"{url}: stacked content encodings {content_encoding!r} refused")
    coding = codings[0]
    if coding in ("gzip", "x-gzip"):
        return _Zlib(url, 16 + zlib.MAX_WBITS, "gzip")
    if coding == "deflate":
        return _Zlib(url, zlib.MAX_WBITS, "deflate")
    if coding == "br":
        return _Brotli(url)
    raise FetchError(url, f"{url}: unsupported content encoding {coding!r}")
