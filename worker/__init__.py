"""wirediff's pipeline: fetch -> parse -> extract -> snapshot -> detect -> alert."""

from __future__ import annotations

# pyproject.toml's [project] version (tests/test_version.py keeps the two equal): reading it
# from the installed metadata imported importlib.metadata, ~30-40 ms of every command's start.
__version__ = "0.1.0"

USER_AGENT = f"wirediff/{__version__} (+https://github.com/wirediff/wirediff)"
