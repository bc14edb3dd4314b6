"""The configured alert channels, checked before the network (with the store or without it:
a pass where nothing changed starts without the store's SQLAlchemy layer, worker/service/quick.py)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from alerts.errors import AlertConfigError
from worker.config import Settings
from worker.errors import ConfigError

if TYPE_CHECKING:
    from alerts.config import ChannelConfig


def parse_alert_channels(
    settings: Settings, environ: Mapping[str, str]
) -> tuple[ChannelConfig, ...]:
    if not settings.alerts:
        return ()
    from alerts.config import parse_channels  # ~30 ms: only with [[alerts]] configured

    try:
        return parse_channels(list(settings.alerts), environ)
    except AlertConfigError as err:
        where = settings.config_path or "config"
        raise ConfigError(f"{where}: [[alerts]] {err}") from err
