"""The fetcher over TLS: certificates verified with the CAs httpx trusts, whether https is the
first request of the process or comes after plain http (a redirect)."""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from pathlib import Path

import pytest
import trustme

from tests.support.httpserver import LocalServer
from worker.errors import FetchError
from worker.ingest.fetch import Fetcher, FetchOptions

FEED = b"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title></channel></rss>"


@pytest.fixture
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture
def tls_server(ca: trustme.CA) -> Iterator[LocalServer]:
    """A LocalServer speaking https with a certificate for 127.0.0.1 from `ca`."""
    srv = LocalServer()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    srv.httpd.socket = context.wrap_socket(srv.httpd.socket, server_side=True)
    srv.base = srv.base.replace("http://", "https://")
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()


def trust(ca: trustme.CA, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """httpx trusts the CAs of SSL_CERT_FILE (its trust_env) instead of certifi's."""
    pem = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(pem))
    monkeypatch.setenv("SSL_CERT_FILE", str(pem))


async def test_a_certificate_from_an_unknown_ca_is_refused(tls_server: LocalServer) -> None:
    url = tls_server.static("/feed", FEED)
    async with Fetcher() as fetcher:
        with pytest.raises(FetchError, match=r"(?i)certificate"):
            await fetcher.fetch(url)
    assert not tls_server.hits("/feed")


async def test_https_from_a_trusted_ca_is_fetched(
    tls_server: LocalServer, ca: trustme.CA, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    trust(ca, tmp_path, monkeypatch)
    url = tls_server.static("/feed", FEED)
    async with Fetcher() as fetcher:
        result = await fetcher.fetch(url)
    assert result.body == FEED and result.status == 200


async def test_plain_http_then_https_both_answer_and_https_is_verified(
    server: LocalServer,
    tls_server: LocalServer,
    ca: trustme.CA,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    trust(ca, tmp_path, monkeypatch)
    target = tls_server.static("/feed", FEED)
    start = server.static("/old", b"", 301, Location=target)
    plain = server.static("/plain", FEED)
    async with Fetcher(FetchOptions(allow_private=True)) as fetcher:
        first = await fetcher.fetch(plain)
        moved = await fetcher.fetch(start)
    assert first.body == FEED and not first.redirected
    assert moved.body == FEED and moved.redirected
    assert len(tls_server.hits("/feed")) == 1
