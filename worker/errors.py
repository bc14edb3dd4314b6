"""The worker's errors. Each carries what a user needs in one line.

WorkerError
├── ConfigError                # bad config file or flag: exit code 2
├── FetchError(url)            # transport failures, translated from httpx at the edge
│   ├── FetchTimeout
│   ├── HTTPStatusError(status_code, retry_after)
│   ├── ResponseTooLarge
│   ├── TooManyRedirects
│   └── BlockedAddress         # SSRF guard: a link pointing at a private address
├── ParseError(url)            # nothing usable in a feed body
└── ExtractError               # no main text found in a page
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from storage.digests import Exchange


class WorkerError(Exception):
    """Base of every error the worker reports to a user in one line."""


class ConfigError(WorkerError):
    """The config file, an environment variable or a flag is wrong."""


class FetchError(WorkerError):
    def __init__(self, url: str, message: str) -> None:
        super().__init__(message)
        self.url = url


class FetchTimeout(FetchError):
    pass


class HTTPStatusError(FetchError):
    def __init__(
        self,
        url: str,
        status_code: int,
        retry_after: float | None = None,
        *,
        capture: Exchange | None = None,  # the 404/410 answer, kept as takedown evidence
    ) -> None:
        super().__init__(url, f"{url}: HTTP {status_code}")
        self.status_code = status_code
        self.retry_after = retry_after
        self.capture = capture


class ResponseTooLarge(FetchError):
    pass


class TooManyRedirects(FetchError):
    pass


class BlockedAddress(FetchError):
    pass


class ParseError(WorkerError):
    def __init__(self, url: str, message: str) -> None:
        super().__init__(message)
        self.url = url


class ExtractError(WorkerError):
    pass
