"""Entry identity: feed fields in, a stable key and canonical link out.

An entry is known by its GUID/id, else by its canonical link (absolute, fragment and tracking
parameters removed, host lowercased), else by "title|date". The same report seen twice, with a
different utm_ tag or fragment, keeps one key, so its versions line up.
"""

from __future__ import annotations

from datetime import datetime
from urllib.parse import unquote_plus, urljoin, urlsplit, urlunsplit

# Query parameters that only track the reader, never select the content.
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "gclsrc",
        "dclid",
        "msclkid",
        "yclid",
        "igshid",
        "twclid",
        "mc_cid",
        "mc_eid",
        "spm",
        "from",
        "_ga",
        "_gl",
        "_hsenc",
        "_hsmi",
        "mkt_tok",
        "ocid",
        "cmpid",
        "ncid",
        "sr_share",
        "share",
        "ref_src",
        "wt.mc_id",
        "wt_mc_id",
        "wt_mc",
        "wt_zmc",
    }
)
TRACKING_PREFIXES = ("utm_", "at_", "pk_")
DEFAULT_PORTS = {"http": 80, "https": 443}


def is_tracking_param(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def canonical_link(url: str, base: str | None = None) -> str:
    """Absolute URL without fragment or tracking parameters, scheme and host lowercased.

    canonical_link("/a?id=3&utm_source=x#top", "https://News.Example/feed")
    -> "https://news.example/a?id=3"
    """
    absolute = urljoin(base, url.strip()) if base else url.strip()
    try:
        parts = urlsplit(absolute)
        port = parts.port
    except ValueError:  # a malformed port or IPv6 literal: keep the text, minus the fragment
        return absolute.split("#", 1)[0]
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        return absolute.split("#", 1)[0]
    host = parts.hostname.lower()
    if ":" in host:
        host = f"[{host}]"
    if port is not None and port != DEFAULT_PORTS[scheme]:
        host = f"{host}:{port}"
    userinfo = parts.netloc.rpartition("@")[0]
    netloc = f"{userinfo}@{host}" if userinfo else host
    # Filter the raw "k=v" pieces so the remaining parameters keep their exact encoding.
    kept = [
        piece
        for piece in parts.query.split("&")
        if piece and not is_tracking_param(unquote_plus(piece.split("=", 1)[0]))
    ]
    return urlunsplit((scheme, netloc, parts.path or "/", "&".join(kept), ""))


def entry_key(
    guid: str | None, link: str | None, title: str | None, published: datetime | None
) -> str:
    """The entry's identity: GUID, else canonical link, else "title|ISO date"."""
    if guid and guid.strip():
        return guid.strip()
    if link and link.strip():
        return link.strip()
    date = published.isoformat() if published is not None else ""
    return f"{(title or '').strip()}|{date}"
