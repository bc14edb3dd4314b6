"""Feed URLs: the one check every feed URL passes where it enters wirediff.

`feeds add`, `feeds import` (OPML), `[[feeds]]` in the config and `fetch --feed URL` all call
`check_feed_url`; a feed already stored with a URL that fails it is not fetched (an error on
that feed). Only http and https URLs with a host are feeds: `file:`, `javascript:`, `data:` and
URLs without a scheme are refused. Reading a local feed file is possible only for a path given
on the command line (`wirediff fetch --feed PATH`), never for a URL from a file or the store.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import httpx

from worker.errors import ConfigError

FEED_SCHEMES = ("http", "https")


class FeedURLError(ConfigError):
    """A feed URL that is not http(s) with a host; the message is one line naming it."""

    def __init__(self, url: str, problem: str) -> None:
        super().__init__(f"feed URL {url!r}: {problem}")
        self.url = url
        self.problem = problem


def check_feed_url(raw: str) -> str:
    """The URL without surrounding spaces, or FeedURLError saying what is wrong with it."""
    passed = _PASSED.get(raw)
    if passed is not None:
        return passed
    url = _checked(raw)
    if len(_PASSED) < _PASSED_MAX:
        _PASSED[raw] = url
    return url


# URLs that passed, and what check_feed_url returned for them: the check is a pure function
# of the string, and a pass checks each feed's URL twice (the config's [[feeds]] as they are
# read, then each feed before it is fetched), each time through httpx.URL's parser (~40 us;
# 0.5% of a 5%-edited pass of 100 feeds). Bounded, for a daemon adding feeds for months.
_PASSED: dict[str, str] = {}
_PASSED_MAX = 100_000


def _checked(raw: str) -> str:
    url = raw.strip()
    if not url:
        raise FeedURLError(url, "empty")
    if any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in url):
        raise FeedURLError(url, "contains spaces or control characters")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  # raises ValueError on a bad port
    except ValueError as err:
        raise FeedURLError(url, f"not a valid URL: {err}") from err
    scheme = parts.scheme.lower()
    if "://" not in url or scheme not in FEED_SCHEMES:
        raise FeedURLError(url, _scheme_problem(scheme, url))
    if not parts.hostname:
        raise FeedURLError(url, "no host")
    try:
        httpx.URL(url)
    except httpx.InvalidURL as err:
        raise FeedURLError(url, f"not a valid URL: {err}") from err
    return url


def _scheme_problem(scheme: str, url: str) -> str:
    if scheme == "file":
        return (
            "local files are not feeds here (read one with `wirediff fetch --feed PATH`); "
            "only http:// and https:// URLs"
        )
    if scheme in FEED_SCHEMES:
        return f"write {scheme}:// with two slashes before the host"
    if "://" in url or scheme in _OTHER_SCHEMES:
        return f"scheme {scheme!r} is refused: only http:// and https:// URLs are feeds"
    return "no scheme: write http:// or https:// in front"


# Schemes written without "//": "localhost:8080/x.xml" has none of them, so it lacks a scheme.
_OTHER_SCHEMES = frozenset({"javascript", "data", "mailto", "about", "tel", "blob", "vbscript"})
