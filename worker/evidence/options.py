"""[storage] keep_raw and capture_dir: how long capture bodies are kept, and where.

keep_raw = "keep"     # default: every body, forever
keep_raw = "none"     # no bodies; captures' headers and digests are still stored
keep_raw = "90d"      # bodies of captures older than this are dropped (digests stay)
capture_dir = "captures"   # bodies as files under this directory (relative: to the
                           # config file's directory); default: inside the store
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storage.values import BodyPolicy
from worker.durations import parse_duration
from worker.errors import ConfigError


@dataclass(frozen=True, slots=True)
class EvidenceOptions:
    policy: BodyPolicy = field(default_factory=BodyPolicy)
    keep_for: float | None = None  # seconds a body is kept; None: forever

    @property
    def capture_dir(self) -> Path | None:
        return self.policy.directory


def evidence_options(
    storage: Mapping[str, Any], where: str, config_path: Path | None
) -> EvidenceOptions:
    """Parse the two keys of the [storage] table, or raise ConfigError naming the problem."""
    keep_raw = storage.get("keep_raw", "keep")
    directory = _capture_dir(storage.get("capture_dir"), where, config_path)
    if keep_raw is True or keep_raw == "keep":
        return EvidenceOptions(BodyPolicy(True, directory))
    if keep_raw is False or keep_raw == "none":
        return EvidenceOptions(BodyPolicy(False, directory))
    if not isinstance(keep_raw, str):
        raise ConfigError(
            f'{where}: [storage] keep_raw: expected "keep", "none" or an age such as "90d", '
            f"got {keep_raw!r}"
        )
    try:
        seconds = parse_duration(keep_raw, what=f"{where}: [storage] keep_raw")
    except ConfigError as err:
        raise ConfigError(
            f'{where}: [storage] keep_raw: expected "keep", "none" or an age such as "90d", '
            f"got {keep_raw!r}"
        ) from err
    if seconds < 1:
        raise ConfigError(f"{where}: [storage] keep_raw: must be at least 1s")
    return EvidenceOptions(BodyPolicy(True, directory), seconds)


def _capture_dir(value: Any, where: str, config_path: Path | None) -> Path | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where}: [storage] capture_dir: expected a directory path")
    path = Path(value).expanduser()
    if not path.is_absolute() and config_path is not None:
        path = config_path.parent / path
    if path.exists() and not path.is_dir():
        raise ConfigError(f"{where}: [storage] capture_dir {path}: not a directory")
    return path.resolve()
