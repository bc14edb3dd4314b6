"""The Apprise channel delivering for real: a json:// URL posts to the local test server."""

from __future__ import annotations

import json
import sys

import pytest

from alerts.channels import deliver
from alerts.config import AppriseChannelConfig, parse_channels
from alerts.errors import AlertConfigError, DeliveryError
from alerts.message import Alert
from tests.alerts.conftest import free_port
from tests.support.httpserver import LocalServer

pytest.importorskip("apprise")


def json_url(server: LocalServer, path: str) -> str:
    return f"json://127.0.0.1:{server.port}{path}"


async def test_apprise_posts_title_and_body(server: LocalServer, event) -> None:
    server.static("/notify", "ok")
    (cfg,) = parse_channels([{"type": "apprise", "urls": [json_url(server, "/notify")]}], {})
    assert isinstance(cfg, AppriseChannelConfig) and cfg.name == "apprise:1"
    await deliver(cfg, Alert.from_event(event))
    (req,) = server.hits("/notify")
    sent = json.loads(req.body)
    assert sent["title"].startswith("[wirediff] attendees: Foreign Affairs")
    assert "{+Cai Qi, Ding Xuexiang+}" in sent["message"]


async def test_apprise_urls_from_environment(server: LocalServer, event) -> None:
    server.static("/a", "ok")
    server.static("/b", "ok")
    env = {"APPRISE_URLS": f"{json_url(server, '/a')}, {json_url(server, '/b')}"}
    (cfg,) = parse_channels([{"type": "apprise", "urls_env": "APPRISE_URLS"}], env)
    await deliver(cfg, Alert.from_event(event))
    assert len(server.hits("/a")) == len(server.hits("/b")) == 1


async def test_apprise_failure_is_transient(event) -> None:
    url = f"json://127.0.0.1:{free_port()}/down"
    (cfg,) = parse_channels([{"type": "apprise", "urls": [url]}], {})
    with pytest.raises(DeliveryError) as err:
        await deliver(cfg, Alert.from_event(event))
    assert not err.value.permanent and "apprise:1" in str(err.value)


def test_unusable_apprise_url_is_a_config_error_without_leaking_it() -> None:
    with pytest.raises(AlertConfigError) as err:
        parse_channels([{"type": "apprise", "urls": ["nosuchservice://token-abc@x"]}], {})
    assert "apprise:1" in str(err.value) and "token-abc" not in str(err.value)


def test_missing_apprise_extra_is_a_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "apprise", None)  # what an install without the extra sees
    with pytest.raises(AlertConfigError) as err:
        parse_channels([{"type": "apprise", "urls": ["json://127.0.0.1/x"]}], {})
    assert "apprise:1" in str(err.value)
    assert "pip install 'wirediff[apprise]'" in str(err.value)
