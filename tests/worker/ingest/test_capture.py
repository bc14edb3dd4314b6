"""What the fetcher captures for the evidence: the exchange as it went over the wire."""

from __future__ import annotations

import gzip
import zlib

import pytest

from tests.support.httpserver import LocalServer, Response
from worker.errors import HTTPStatusError, ResponseTooLarge
from worker.ingest.fetch import Fetcher, FetchOptions

PAGE = b"<html><body><p>" + b"The meeting was held in Beijing. " * 200 + b"</p></body></html>"


async def test_capture_keeps_the_body_as_received_with_headers_time_and_peer(server: LocalServer):
    packed = gzip.compress(PAGE)
    url = server.static(
        "/p", packed, Content_Encoding="gzip", Content_Type="text/html", X_Order="1"
    )
    async with Fetcher() as fetcher:
        result = await fetcher.fetch(url)
    capture = result.capture
    assert capture is not None and result.body == PAGE
    assert capture.body == packed  # content coding kept: what the server sent
    assert gzip.decompress(capture.body) == result.body
    assert capture.url == capture.final_url == url and capture.status == 200
    assert capture.peer == f"127.0.0.1:{server.port}"
    assert capture.http_version == "HTTP/1.1" and capture.reason == "OK"
    names = [k.lower() for k, _ in capture.response_headers]
    assert names.index("content-encoding") < names.index("x-order")  # order as received
    sent = dict((k.lower(), v) for k, v in capture.request_headers)
    assert sent["user-agent"].startswith("wirediff/") and sent["host"] == f"127.0.0.1:{server.port}"
    assert capture.requested_at.tzinfo is not None


async def test_capture_names_the_redirect_hops(server: LocalServer):
    final = server.static("/new", PAGE)
    server.route("/old", lambda req, h: Response(301, b"", {"Location": "/new"}))
    async with Fetcher() as fetcher:
        result = await fetcher.fetch(server.url("/old"))
    capture = result.capture
    assert capture is not None
    assert capture.url == server.url("/old") and capture.final_url == final
    assert [(h.url, h.status) for h in capture.redirects] == [(server.url("/old"), 301)]


async def test_a_404_answer_is_captured_with_its_body(server: LocalServer):
    url = server.static("/gone", b"<h1>Not here</h1>", status=404)
    async with Fetcher() as fetcher:
        with pytest.raises(HTTPStatusError) as caught:
            await fetcher.fetch(url)
    assert caught.value.status_code == 404
    capture = caught.value.capture
    assert capture is not None and capture.status == 404 and capture.body == b"<h1>Not here</h1>"


async def test_other_errors_are_not_read_for_capture(server: LocalServer):
    url = server.static("/busy", b"try later", status=503)
    async with Fetcher() as fetcher:
        with pytest.raises(HTTPStatusError) as caught:
            await fetcher.fetch(url)
    assert caught.value.capture is None


async def test_bytes_received_are_capped_too(server: LocalServer):
    # A tiny gzip stream followed by padding: small once decoded, large as received.
    padded = gzip.compress(b"tiny") + b"\0" * 200_000
    url = server.static("/padded", padded, Content_Encoding="gzip")
    async with Fetcher(FetchOptions(max_bytes=100_000)) as fetcher:
        with pytest.raises(ResponseTooLarge):
            await fetcher.fetch(url)


async def test_a_deflate_bomb_still_stops_at_the_cap(server: LocalServer):
    bomb = zlib.compress(b"\0" * 50_000_000, 9)
    url = server.static("/bomb", bomb, Content_Encoding="deflate")
    async with Fetcher(FetchOptions(max_bytes=1_000_000)) as fetcher:
        with pytest.raises(ResponseTooLarge):
            await fetcher.fetch(url)


async def test_a_huge_404_body_is_not_kept_but_the_404_counts(server: LocalServer):
    url = server.static("/gone-big", b"x" * (2 * 1024 * 1024), status=404)
    async with Fetcher() as fetcher:
        with pytest.raises(HTTPStatusError) as caught:
            await fetcher.fetch(url)
    assert caught.value.status_code == 404
    assert caught.value.capture is not None and caught.value.capture.body == b""
