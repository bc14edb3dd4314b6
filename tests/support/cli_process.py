"""The real `wirediff` command in a child process, as a user runs it (exit code, stdout, stderr)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def wirediff(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """`python -m worker ARGS` from the repository, with `env` added to this environment."""
    return subprocess.run(
        [sys.executable, "-m", "worker", *args],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
