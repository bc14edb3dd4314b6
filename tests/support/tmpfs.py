"""A real small filesystem for tests of full and read-only disks: a tmpfs mounted under a test's
folder. Mounting needs root (as CI runs); elsewhere the test skips saying so."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def mounted_tmpfs(mount: Path, *, size: str, mode: str, needed_for: str) -> Iterator[Path]:
    """A tmpfs of `size` at `mount` (made here), unmounted afterwards."""
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode={mode}", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"{needed_for} needs `mount -t tmpfs` (root): {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)
