"""SSRF guard: a URL in, nothing out, or BlockedAddress when it points somewhere internal.

Policy (used by worker.ingest.fetch.Fetcher):
- Only http and https URLs are ever fetched.
- A feed URL the user configured is trusted on its first hop: a feed on 127.0.0.1 or an
  intranet host is the user's own choice. Every redirect after it is checked, with the feed's
  own host as the trusted host.
- A link found IN a feed (an article page) is checked on every hop with trusted_host set to
  the feed's host: a feed on 127.0.0.1 may link to pages on 127.0.0.1, but a public feed may
  not send the worker to 169.254.169.254 or 10.0.0.1.
- allow_private=True (config `[fetch] allow_private`) turns the address check off.

The host is resolved with the event loop's getaddrinfo and every address it resolves to must
be public. IPv6 forms that carry an IPv4 address are judged by that address too: IPv4-mapped
(::ffff:a.b.c.d), 6to4 (2002::/16), Teredo (2001::/32, server and client) and NAT64
(64:ff9b::/96); 64:ff9b:1::/48 is for local NAT64 only (RFC 8215) and is always internal. The connection itself resolves again, so DNS rebinding between the two lookups is
not covered; pinning the address would need a custom transport.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from concurrent.futures import Executor
from functools import partial
from urllib.parse import urlsplit

from worker.errors import BlockedAddress, FetchError

ALLOWED_SCHEMES = frozenset({"http", "https"})

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
NAT64_WELL_KNOWN = ipaddress.IPv6Network("64:ff9b::/96")
NAT64_LOCAL_USE = ipaddress.IPv6Network("64:ff9b:1::/48")


def embedded_ipv4(address: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address carries (mapped, 6to4, Teredo, NAT64), if any."""
    found = [a for a in (address.ipv4_mapped, address.sixtofour) if a is not None]
    if address.teredo is not None:
        found.extend(address.teredo)  # (server, client); the client's bits are un-obfuscated
    if address in NAT64_WELL_KNOWN:
        found.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    return found


def is_internal(address: IPAddress) -> bool:
    """True for private, loopback, link-local, multicast, reserved or unspecified addresses,
    and for IPv6 addresses that embed such an IPv4 address."""
    if isinstance(address, ipaddress.IPv6Address):
        if address in NAT64_LOCAL_USE:
            return True
        embedded = embedded_ipv4(address)
        if any(is_internal(inner) for inner in embedded):
            return True
        if address.ipv4_mapped is not None or address in NAT64_WELL_KNOWN:
            # the IPv4 host is what is reached (by the kernel, or by the NAT64 gateway of an
            # IPv6-only network): judged by it alone (64:ff9b::/96 sits inside reserved ::/8)
            return False
    return (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or not address.is_global
    )


def url_host(url: str) -> str | None:
    """The lowercased host of a URL, without port or IPv6 brackets."""
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.lower().rstrip(".") if host else None


async def check_url(
    url: str,
    *,
    allow_private: bool,
    trusted_host: str | None,
    executor: Executor | None = None,
) -> None:
    """Raise BlockedAddress unless the URL is http(s) and its host resolves to public addresses.

    The lookup runs in `executor` (default: the loop's): a lookup that hangs holds its thread
    until the system resolver gives up, so the fetcher keeps such threads apart."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        raise BlockedAddress(url, f"{url}: scheme {parts.scheme or '(none)'!r} is not http(s)")
    host = url_host(url)
    if not host:
        raise BlockedAddress(url, f"{url}: no host in URL")
    if allow_private or (trusted_host is not None and host == trusted_host.lower().rstrip(".")):
        return
    for address in await _resolve(url, host, executor):
        if is_internal(address):
            raise BlockedAddress(
                url, f"{url}: host {host} resolves to internal address {address}, not fetched"
            )


async def _resolve(url: str, host: str, executor: Executor | None) -> list[IPAddress]:
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    loop = asyncio.get_running_loop()
    lookup = partial(socket.getaddrinfo, host, None, type=socket.SOCK_STREAM)
    try:
        infos = await loop.run_in_executor(executor, lookup)
    except (OSError, UnicodeError) as exc:
        raise FetchError(
            url, f"{url}: cannot resolve host {host}: {exc}", reason="host not found"
        ) from exc
    # sockaddr[0] may carry an IPv6 scope ("fe80::1%eth0"); the scope is not part of the address.
    return [ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in infos]
