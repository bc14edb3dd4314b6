"""`wirediff --version` says the version pyproject.toml gives the package."""

from __future__ import annotations

import tomllib
from pathlib import Path

import worker

ROOT = Path(__file__).resolve().parents[1]


def test_the_version_is_pyprojects() -> None:
    with (ROOT / "pyproject.toml").open("rb") as fh:
        assert worker.__version__ == tomllib.load(fh)["project"]["version"]
