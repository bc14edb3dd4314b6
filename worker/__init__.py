"""wirediff's pipeline: fetch -> parse -> extract -> snapshot -> detect -> alert."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("wirediff")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.0.0+checkout"

USER_AGENT = f"wirediff/{__version__} (+https://github.com/wirediff/wirediff)"
