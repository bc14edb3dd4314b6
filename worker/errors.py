"""The worker's errors. Each carries what a user needs in one line.

WorkerError
├── ConfigError                # bad config file or flag: exit code 2
├── FetchError(url)            # transport failures, translated from httpx at the edge
│   ├── FetchTimeout
│   ├── HostUnreachable        # its connect hung a moment ago: not tried again for a while
│   ├── HTTPStatusError(status_code, retry_after)
│   ├── ResponseTooLarge
│   ├── TooManyRedirects
│   └── BlockedAddress         # SSRF guard: a link pointing at a private address
├── QueueTimeout(url)          # never sent: no free slot in time (says nothing about the site)
├── ParseError(url)            # nothing usable in a feed body
└── ExtractError               # no main text found in a page
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from storage.digests import Exchange


def one_line(err: object) -> str:
    """An error's message on one line (its lines joined), or its type's name when it has none."""
    return " ".join(str(err).split()) or type(err).__name__


class WorkerError(Exception):
    """Base of every error the worker reports to a user in one line."""


class ConfigError(WorkerError):
    """The config file, an environment variable or a flag is wrong."""


class FetchError(WorkerError):
    """`reason` is a few words for counting failures by kind (feed text used: HTTP 404 x3)."""

    reason = "fetch failed"

    def __init__(self, url: str, message: str, *, reason: str | None = None) -> None:
        super().__init__(message)
        self.url = url
        if reason is not None:
            self.reason = reason


class FetchTimeout(FetchError):
    reason = "timed out"


class HostUnreachable(FetchError):
    reason = "host did not answer"


class HTTPStatusError(FetchError):
    def __init__(
        self,
        url: str,
        status_code: int,
        retry_after: float | None = None,
        *,
        capture: Exchange | None = None,  # the 404/410 answer, kept as takedown evidence
    ) -> None:
        super().__init__(url, f"{url}: HTTP {status_code}", reason=f"HTTP {status_code}")
        self.status_code = status_code
        self.retry_after = retry_after
        self.capture = capture


class ResponseTooLarge(FetchError):
    reason = "too large"


class TooManyRedirects(FetchError):
    reason = "too many redirects"


class BlockedAddress(FetchError):
    reason = "blocked by the address guard"


class QueueTimeout(WorkerError):
    """A request waited longer than [fetch] queue_timeout for a free slot and was never sent.

    Not a FetchError: the site was not asked, so nothing may be concluded about it."""

    def __init__(self, url: str, message: str) -> None:
        super().__init__(message)
        self.url = url


class ParseError(WorkerError):
    def __init__(self, url: str, message: str) -> None:
        super().__init__(message)
        self.url = url


class ExtractError(WorkerError):
    reason = "no main text found"
