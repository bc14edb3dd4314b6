"""The properties' settings every run uses (tests/conftest.py)."""

from __future__ import annotations

from hypothesis import settings


def test_no_property_has_a_deadline_per_example() -> None:
    # A deadline per example failed the README's whole-suite run on a loaded machine
    # (DeadlineExceeded on an example's first, cold call), a failure no rerun showed again.
    assert settings.default.deadline is None
