"""aiohttp imported without loading the system's CA store (worker.ingest.transport).

aiohttp builds two default SSL contexts when it is imported; the transport imports it with
`set_default_verify_paths` loading nothing, because every session it makes carries its own
context. What must hold: the defaults it made that way fail closed (CERT_REQUIRED, hostname
checked, no CA trusted), the method is back afterwards for everything else, and https through
the fetcher is verified with httpx's CAs exactly as before. The process must import the
transport before anything else imports aiohttp, so those checks run in a fresh interpreter
(the test session's plugins may have imported aiohttp already).
"""

from __future__ import annotations

import os
import ssl
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from worker.ingest import transport

ROOT = Path(__file__).resolve().parents[3]

FRESH = textwrap.dedent(
    """
    import asyncio, os, ssl, sys, tempfile

    import trustme

    import worker.ingest.fetch  # the transport, hence aiohttp, imported here first
    import aiohttp.connector as connector

    from tests.support.httpserver import LocalServer
    from worker.errors import FetchError
    from worker.ingest.fetch import Fetcher

    verified = connector._SSL_CONTEXT_VERIFIED
    assert verified.verify_mode == ssl.CERT_REQUIRED and verified.check_hostname
    assert verified.cert_store_stats()["x509_ca"] == 0, verified.cert_store_stats()
    assert connector._SSL_CONTEXT_UNVERIFIED.cert_store_stats()["x509_ca"] == 0
    assert "set_default_verify_paths" not in ssl.SSLContext.__dict__
    print("later-context-cas", ssl.create_default_context().cert_store_stats()["x509_ca"])

    ca = trustme.CA()
    srv = LocalServer()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    srv.httpd.socket = context.wrap_socket(srv.httpd.socket, server_side=True)
    srv.base = srv.base.replace("http://", "https://")
    srv.start()
    feed = b"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title></channel></rss>"
    url = srv.static("/feed", feed)

    async def fetch():
        async with Fetcher() as fetcher:
            return await fetcher.fetch(url)

    try:
        asyncio.run(fetch())
    except FetchError as err:
        assert "certificate" in str(err).lower(), err
        print("unknown-ca refused")
    assert not srv.hits("/feed")
    pem = os.path.join(tempfile.mkdtemp(), "ca.pem")
    ca.cert_pem.write_to_path(pem)
    os.environ["SSL_CERT_FILE"] = pem  # httpx trusts SSL_CERT_FILE's CAs (trust_env)
    result = asyncio.run(fetch())
    assert result.body == feed and result.status == 200
    print("trusted-ca fetched")
    srv.stop()
    """
)


def test_aiohttp_defaults_fail_closed_and_https_is_verified_in_a_fresh_process() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("SSL_CERT_FILE", "SSL_CERT_DIR")}
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run(
        [sys.executable, "-c", FRESH],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.splitlines()
    assert "unknown-ca refused" in lines and "trusted-ca fetched" in lines
    # a context made after the import loads the system's CAs as it always did
    reference = ssl.create_default_context().cert_store_stats()["x509_ca"]
    assert f"later-context-cas {reference}" in lines


def test_the_method_is_shadowed_only_inside_and_restored_after_an_error() -> None:
    assert "set_default_verify_paths" not in ssl.SSLContext.__dict__
    with pytest.raises(RuntimeError), transport._without_default_cas():
        inside = ssl.create_default_context()
        assert inside.cert_store_stats()["x509_ca"] == 0
        assert inside.verify_mode == ssl.CERT_REQUIRED and inside.check_hostname
        raise RuntimeError("an import that fails")
    assert "set_default_verify_paths" not in ssl.SSLContext.__dict__
    after = ssl.create_default_context()
    plain = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    plain.set_default_verify_paths()
    assert after.cert_store_stats() == plain.cert_store_stats()
