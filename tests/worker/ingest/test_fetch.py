"""Fetcher against a real HTTP server on 127.0.0.1: conditional GET, encodings, hostile servers."""

from __future__ import annotations

import asyncio
import gzip
import ipaddress
import socket
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler

import brotli
import httpx
import pytest

from tests.support.httpserver import LocalServer, Request, Response
from worker.errors import (
    BlockedAddress,
    FetchError,
    FetchTimeout,
    HostUnreachable,
    HTTPStatusError,
    ResponseTooLarge,
    TooManyRedirects,
)
from worker.ingest.fetch import Fetcher, FetchOptions, Validators, parse_max_age, parse_retry_after
from worker.ingest.guard import is_internal

FEED = b"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title></channel></rss>"


async def test_plain_get_sends_user_agent_and_returns_validators(server: LocalServer) -> None:
    url = server.static(
        "/feed",
        FEED,
        ETag='"v1"',
        Last_Modified="Wed, 01 Jan 2025 00:00:00 GMT",
        Content_Type="application/rss+xml",
        Cache_Control="public, max-age=300",
    )
    async with Fetcher() as fetcher:
        result = await fetcher.fetch(url)
    assert result.body == FEED
    assert result.status == 200 and not result.not_modified and not result.redirected
    assert result.validators == Validators('"v1"', "Wed, 01 Jan 2025 00:00:00 GMT")
    assert result.content_type == "application/rss+xml"
    assert result.cache_max_age == 300
    assert server.hits("/feed")[0].headers["user-agent"].startswith("wirediff/")


async def test_conditional_get_answered_304_is_a_value(server: LocalServer) -> None:
    def handler(req: Request, _: BaseHTTPRequestHandler) -> Response:
        if req.headers.get("if-none-match") == '"v1"':
            return Response(304, b"", {"ETag": '"v1"'})
        return Response(200, FEED, {"ETag": '"v1"'})

    url = server.route("/feed", handler)
    async with Fetcher() as fetcher:
        first = await fetcher.fetch(url)
        second = await fetcher.fetch(url, first.validators)
    assert first.body == FEED and not first.not_modified
    assert second.not_modified and second.body == b"" and second.status == 304
    assert second.validators.etag == '"v1"'


@pytest.mark.parametrize(
    ("encoding", "compress"),
    [("gzip", gzip.compress), ("br", brotli.compress), ("deflate", zlib.compress)],
)
async def test_compressed_bodies_are_decoded(server: LocalServer, encoding, compress) -> None:
    body = FEED * 200
    url = server.static("/feed", compress(body), Content_Encoding=encoding)
    async with Fetcher() as fetcher:
        result = await fetcher.fetch(url)
    assert result.body == body
    assert "br" in server.hits("/feed")[0].headers["accept-encoding"]


async def test_bad_gzip_body_is_a_fetch_error(server: LocalServer) -> None:
    url = server.static("/feed", b"this is not gzip at all", Content_Encoding="gzip")
    async with Fetcher() as fetcher:
        with pytest.raises(FetchError, match=r"bad gzip body") as info:
            await fetcher.fetch(url)
    assert url in str(info.value)


@pytest.mark.parametrize(("status", "retry"), [(503, "120"), (429, "120"), (404, None)])
async def test_error_status_carries_retry_after(server: LocalServer, status, retry) -> None:
    headers = {"Retry-After": retry} if retry else {}
    url = server.route("/feed", lambda req, h: Response(status, b"busy", headers))
    async with Fetcher() as fetcher:
        with pytest.raises(HTTPStatusError) as info:
            await fetcher.fetch(url)
    assert info.value.status_code == status
    assert info.value.retry_after == (120.0 if retry else None)
    assert info.value.url == url


def test_retry_after_http_date_and_garbage() -> None:
    future = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(time.time() + 600))
    assert 500 < (parse_retry_after(future) or 0) <= 600
    assert parse_retry_after("Wed, 01 Jan 2000 00:00:00 GMT") == 0.0
    assert parse_retry_after("Wed, 01 Jan 2000 00:00:00") == 0.0  # no zone: taken as UTC
    assert parse_retry_after("soon") is None


def test_max_age_from_expires() -> None:
    import httpx

    headers = httpx.Headers(
        {"Date": "Wed, 01 Jan 2025 00:00:00 GMT", "Expires": "Wed, 01 Jan 2025 00:10:00 GMT"}
    )
    assert parse_max_age(headers) == 600
    assert parse_max_age(httpx.Headers({"Expires": "0"})) == 0.0
    assert parse_max_age(httpx.Headers({})) is None


async def test_redirects_are_followed_and_reported(server: LocalServer) -> None:
    server.static("/new", FEED)
    url = server.static("/old", b"", 301, Location="/new")
    async with Fetcher() as fetcher:
        result = await fetcher.fetch(url)
    assert result.redirected and result.url == server.url("/new") and result.body == FEED


async def test_redirect_loop_is_refused(server: LocalServer) -> None:
    server.static("/a", b"", 302, Location="/b")
    url = server.static("/b", b"", 302, Location="/a")
    async with Fetcher() as fetcher:
        with pytest.raises(TooManyRedirects, match="redirect loop"):
            await fetcher.fetch(url)
    assert len(server.requests) == 2


async def test_redirect_chain_longer_than_the_limit_is_refused(server: LocalServer) -> None:
    for i in range(10):
        server.static(f"/r{i}", b"", 302, Location=f"/r{i + 1}")
    async with Fetcher(FetchOptions(max_redirects=3)) as fetcher:
        with pytest.raises(TooManyRedirects, match="more than 3 redirects"):
            await fetcher.fetch(server.url("/r0"))
    assert len(server.requests) == 4


async def test_body_over_cap_with_content_length(server: LocalServer) -> None:
    url = server.static("/big", b"x" * 5000)
    async with Fetcher(FetchOptions(max_bytes=1000)) as fetcher:
        with pytest.raises(ResponseTooLarge, match="over the 1000"):
            await fetcher.fetch(url)


def _stream_without_length(chunks: int, size: int):
    def handler(req: Request, h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Connection", "close")
        h.end_headers()
        h.close_connection = True
        for _ in range(chunks):
            h.wfile.write(b"x" * size)
            h.wfile.flush()

    return handler


async def test_body_over_cap_without_content_length(server: LocalServer) -> None:
    url = server.route("/big", _stream_without_length(chunks=50, size=10_000))
    async with Fetcher(FetchOptions(max_bytes=100_000)) as fetcher:
        with pytest.raises(ResponseTooLarge, match="over the 100000 byte cap"):
            await fetcher.fetch(url)


@pytest.fixture(scope="module")
def zeros_20mb() -> bytes:
    return bytes(20 * 1024 * 1024)


@pytest.mark.parametrize("encoding", ["gzip", "br"])
async def test_decompression_bomb_stops_at_the_cap(
    server: LocalServer, zeros_20mb: bytes, encoding: str
) -> None:
    if encoding == "gzip":
        bomb = gzip.compress(zeros_20mb, compresslevel=9)
    else:
        bomb = brotli.compress(zeros_20mb, quality=5)
    assert len(bomb) < 100_000  # small on the wire
    url = server.static("/bomb", bomb, Content_Encoding=encoding)
    async with Fetcher(FetchOptions(max_bytes=1024 * 1024)) as fetcher:
        with pytest.raises(ResponseTooLarge, match="byte cap"):
            await fetcher.fetch(url)


def _trickle(req: Request, h: BaseHTTPRequestHandler) -> None:
    """A byte every 0.1 s of a 1000-byte body: a server that never finishes in time."""
    h.send_response(200)
    h.send_header("Content-Length", "1000")
    h.end_headers()
    for _ in range(100):  # bounded: at most 10 s even if nobody hangs up
        h.wfile.write(b"x")
        h.wfile.flush()
        time.sleep(0.1)


async def test_trickling_server_is_cut_at_the_total_deadline(server: LocalServer) -> None:
    url = server.route("/slow", _trickle)
    async with Fetcher(FetchOptions(timeout=1.5)) as fetcher:
        with pytest.raises(FetchTimeout, match=r"no complete answer within 1.5 s") as info:
            await fetcher.fetch(url)
    assert url in str(info.value)


async def test_a_server_gone_silent_mid_body_is_cut_at_the_total_deadline(
    server: LocalServer,
) -> None:
    # The fetcher sets no read timeout (issue 10, round 22): its deadline bounds the answer.
    def stall(req: Request, h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Length", "1000")
        h.end_headers()
        h.wfile.write(b"x" * 10)
        h.wfile.flush()
        time.sleep(4)  # bounded: the test's own end

    url = server.route("/silent", stall)
    started = time.monotonic()
    async with Fetcher(FetchOptions(timeout=1.0)) as fetcher:
        with pytest.raises(FetchTimeout, match=r"no complete answer within 1 s"):
            await fetcher.fetch(url)
    assert time.monotonic() - started < 3.5


async def test_connection_refused_is_a_fetch_error() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/feed"
    async with Fetcher() as fetcher:
        with pytest.raises(FetchError, match="ConnectError") as info:
            await fetcher.fetch(url)
    assert url in str(info.value)
    # In words, without aiohttp's "ssl:default" for a plain-http address.
    assert f"cannot connect to 127.0.0.1:{port}: connection refused" in str(info.value)
    assert "ssl" not in str(info.value)


async def test_server_hanging_up_is_a_fetch_error_and_the_host_is_tried_again(
    server: LocalServer,
) -> None:
    def hang_up(req: Request, h: BaseHTTPRequestHandler) -> None:
        h.close_connection = True  # no status line: the connection just closes

    url = server.route("/gone", hang_up)
    fine = server.static("/fine", FEED)
    async with Fetcher() as fetcher:
        with pytest.raises(FetchError) as info:
            await fetcher.fetch(url)
        # not taken for a connect that hung (that would pause the host for minutes)
        assert not isinstance(info.value, FetchTimeout) and url in str(info.value)
        assert (await fetcher.fetch(fine)).body == FEED


async def test_credentials_in_the_url_are_sent_as_basic_auth(server: LocalServer) -> None:
    def echo(req: Request, h: BaseHTTPRequestHandler) -> Response:
        return Response(200, req.headers.get("authorization", "none").encode(), {})

    url = server.route("/private", echo).replace("http://", "http://reader:hunter2@")
    async with Fetcher() as fetcher:
        result = await fetcher.fetch(url)
    assert result.body == b"Basic cmVhZGVyOmh1bnRlcjI="  # reader:hunter2


async def test_a_12_kb_header_is_read_as_httpx_would(server: LocalServer) -> None:
    url = server.static("/cookie", FEED, Set_Cookie="c=" + "x" * 12_000)
    async with Fetcher() as fetcher:
        assert (await fetcher.fetch(url)).body == FEED


# --- SSRF guard. Blocked hosts are only resolved, never connected to. ---


@pytest.mark.parametrize(
    "link",
    [
        "http://localhost:{port}/page",
        "http://10.0.0.1/page",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]:{port}/page",
        "http://0.0.0.0:{port}/page",
        "http://[::ffff:127.0.0.1]:{port}/page",
        "http://[2002:7f00:2::]:{port}/page",  # 6to4 of 127.0.0.2
        "http://[2002:a9fe:a9fe::1]/latest/meta-data/",  # 6to4 of 169.254.169.254
        "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/page",  # Teredo, client 127.0.0.1
        "http://[64:ff9b::a00:1]/page",  # NAT64 of 10.0.0.1
        "http://[64:ff9b::7f00:1]:{port}/page",  # NAT64 of 127.0.0.1
        "http://[64:ff9b:1::808:808]/page",  # local-use NAT64 prefix
    ],
)
async def test_links_to_internal_addresses_are_blocked(server: LocalServer, link: str) -> None:
    url = link.format(port=server.port)
    async with Fetcher() as fetcher:
        with pytest.raises(BlockedAddress, match="internal address") as info:
            await fetcher.fetch(url, trusted_host="feeds.example.org")
    assert url in str(info.value)
    assert server.requests == []


@pytest.mark.parametrize(
    "address",
    ["2002:808:808::1", "64:ff9b::808:808", "2606:4700:4700::1111", "::ffff:8.8.8.8", "8.8.8.8"],
)
def test_public_addresses_and_public_embedded_ipv4_pass(address: str) -> None:
    assert not is_internal(ipaddress.ip_address(address))


async def test_non_http_scheme_is_blocked() -> None:
    async with Fetcher() as fetcher:
        with pytest.raises(BlockedAddress, match="not http"):
            await fetcher.fetch("file:///etc/passwd", trusted_host="example.org")


async def test_link_on_the_feeds_own_host_is_allowed(server: LocalServer) -> None:
    url = server.static("/page", b"<html>ok</html>")
    async with Fetcher() as fetcher:
        result = await fetcher.fetch(url, trusted_host="127.0.0.1")
    assert result.body == b"<html>ok</html>"


async def test_allow_private_lets_internal_links_through(server: LocalServer) -> None:
    url = server.static("/page", b"ok").replace("127.0.0.1", "localhost")
    async with Fetcher(FetchOptions(allow_private=True)) as fetcher:
        result = await fetcher.fetch(url, trusted_host="feeds.example.org")
    assert result.body == b"ok"


async def test_feed_redirect_to_metadata_address_is_blocked(server: LocalServer) -> None:
    url = server.static("/feed", b"", 302, Location="http://169.254.169.254/latest/")
    async with Fetcher() as fetcher:
        with pytest.raises(BlockedAddress, match=r"169\.254\.169\.254"):
            await fetcher.fetch(url)
    assert len(server.requests) == 1


async def test_a_cookie_set_on_a_redirect_is_sent_to_the_next_hop(server: LocalServer) -> None:
    # Cookies are read only from responses that set one (worker.ingest.fetch._SetCookies):
    # a site that sets its consent cookie, then redirects, still gets it back.
    def page(req: Request, _: BaseHTTPRequestHandler) -> Response:
        return Response(200, req.headers.get("cookie", "none").encode(), {})

    target = server.route("/page", page)
    start = server.static("/start", b"", 302, Location=target, Set_Cookie="consent=yes; Path=/")
    plain = server.static("/plain", FEED)
    async with Fetcher() as fetcher:
        assert (await fetcher.fetch(plain)).body == FEED  # no Set-Cookie: nothing kept
        assert len(fetcher._client.cookies.jar) == 0
        assert (await fetcher.fetch(start)).body == b"consent=yes"
        assert (await fetcher.fetch(target)).body == b"consent=yes"  # and kept


async def test_an_answer_that_came_while_this_process_was_stalled_is_not_a_timeout(
    server: LocalServer,
) -> None:
    # The event loop blocked (CPU work on it, or the process starved on a loaded machine) for
    # longer than the deadline while the page's answer arrived: when the loop runs again the
    # answer is waiting in the socket and the deadline's timer is due in the same turn. The page
    # answered at once; the stall was this process's, so it is not the page's timeout.
    asked = threading.Event()
    answer = threading.Event()

    def page(req: Request, h: BaseHTTPRequestHandler) -> Response:
        asked.set()
        answer.wait(2)  # bounded: released by the test once it blocks the loop
        return Response(200, b"<html>ok</html>")

    url = server.route("/page", page)
    warm = server.static("/warm", b"ok")
    async with Fetcher(FetchOptions(timeout=0.5)) as fetcher:
        await fetcher.fetch(warm)  # connection open, host known: the next request goes at once
        request = asyncio.create_task(fetcher.fetch(url))
        assert await asyncio.to_thread(asked.wait, 2)
        answer.set()
        time.sleep(1.2)  # the loop is blocked; the server's thread answers meanwhile
        result = await request
    assert result.status == 200 and result.body == b"<html>ok</html>"


async def test_a_stalled_process_still_cuts_a_trickling_server(server: LocalServer) -> None:
    # Time this process could not run is not held against a request, up to the request's
    # `timeout` again: a server that never finishes is still cut.
    url = server.route("/slow", _trickle)
    started = time.monotonic()
    async with Fetcher(FetchOptions(timeout=1.0)) as fetcher:
        request = asyncio.create_task(fetcher.fetch(url))
        await asyncio.sleep(0.3)
        time.sleep(0.8)  # a stall of this process: credited, but for one look's 0.3 s
        with pytest.raises(FetchTimeout, match=r"no complete answer within 1 s"):
            await request
    took = time.monotonic() - started
    # 1 s of running time plus ~0.5 s of the stall; never more than 1 s + 5 s of credit
    assert 1.4 < took < 6.5, took


class _ConnectCutInAStall(httpx.AsyncBaseTransport):
    """A connect whose own (wall-clock) timer fires while this process was stalled, then an
    answer: what aiohttp does when the loop could not run past its `sock_connect` time."""

    def __init__(self) -> None:
        self.calls = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.calls += 1
        if self.calls == 1:
            time.sleep(0.6)  # the loop is blocked: a stall of this process
            raise httpx.ConnectTimeout("timed out")
        return httpx.Response(200, stream=httpx.ByteStream(b"ok"), request=request)


async def test_a_connect_cut_while_this_process_stalled_does_not_pause_the_host() -> None:
    transport = _ConnectCutInAStall()
    async with Fetcher(FetchOptions(timeout=2, connect_timeout=1), transport=transport) as fetcher:
        result = await fetcher.fetch("http://example.org/a")
        again = await fetcher.fetch("http://example.org/b")  # the host was not paused
    assert result.status == 200 and again.status == 200
    assert transport.calls == 3


async def test_a_connect_that_hangs_without_a_stall_still_pauses_the_host() -> None:
    class Hung(httpx.AsyncBaseTransport):
        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            raise httpx.ConnectTimeout("timed out")

    async with Fetcher(FetchOptions(timeout=2), transport=Hung()) as fetcher:
        with pytest.raises(FetchTimeout, match="could not connect"):
            await fetcher.fetch("http://example.org/a")
        with pytest.raises(HostUnreachable, match="not tried again"):
            await fetcher.fetch("http://example.org/b")
