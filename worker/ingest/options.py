"""The fetcher's options, importable without the HTTP stack (the settings need them)."""

from __future__ import annotations

from dataclasses import dataclass

import worker


@dataclass(frozen=True, slots=True)
class FetchOptions:
    timeout: float = 30.0  # one request once sent: every hop, headers and body
    connect_timeout: float = 10.0  # a connect (DNS lookup included) that hangs is cut here
    queue_timeout: float = 300.0  # longest wait in line for a free slot; then QueueTimeout
    max_bytes: int = 10 * 1024 * 1024  # cap on the DECOMPRESSED body, enforced while streaming
    max_redirects: int = 5
    allow_private: bool = False  # see worker.ingest.guard
    concurrency: int = 16  # global
    per_host: int = 2  # polite default
    user_agent: str = worker.USER_AGENT
