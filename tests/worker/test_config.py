"""Settings: the config file's schema, precedence of the layers, one-line errors."""

from __future__ import annotations

import datetime as dt
import typing
from pathlib import Path

import msgspec
import pytest
import tomli_w
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from worker.cli import cli
from worker.config import (
    ConfigFile,
    FeedURL,
    ListenAddress,
    Seconds,
    load_settings,
)
from worker.detect.appearances import PeopleWatch
from worker.errors import ConfigError

FEED = {"url": "http://127.0.0.1:9/feed.xml", "interval": "1m"}  # port 9: nothing is fetched


def write(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


def error_of(path: Path, environ: dict[str, str] | None = None) -> str:
    with pytest.raises(ConfigError) as info:
        load_settings(path, environ or {})
    return str(info.value)


# -- unknown keys and tables -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[fetch]\ntimout = 5\n", "[fetch]: unknown key 'timout' (did you mean 'timeout'?)"),
        ("[fecth]\ntimeout = 5\n", "unknown table [fecth] (did you mean [fetch]?)"),
        (
            '[[feeds]]\nurl = "https://e.org/a"\nintervall = "1m"\n',
            "[[feeds]] #1: unknown key 'intervall' (did you mean 'interval'?)",
        ),
        ("[[feed]]\nurl = 'https://e.org/a'\n", "unknown table [[feed]] (did you mean [[feeds]]?)"),
        (
            "[daemon]\nlog_fromat = 'json'\n",
            "unknown key 'log_fromat' (did you mean 'log_format'?)",
        ),
        ("colour = 'red'\n", "unknown key 'colour'"),
    ],
)
def test_unknown_keys_and_misspelt_tables_are_named_with_the_close_match(tmp_path, text, expected):
    path = write(tmp_path / "w.toml", text)
    message = error_of(path)
    assert message.startswith(f"{path}: ") and expected in message
    assert "\n" not in message


def test_unknown_keys_of_an_alert_channel_are_named_too(tmp_path):
    path = write(
        tmp_path / "w.toml",
        '[[alerts]]\ntype = "webhook"\nurl = "https://e.org/h"\nsecret_env = "S"\n'
        "min_chnage = 0.5\n",
    )
    result = CliRunner().invoke(cli, ["alerts", "test", "--config", str(path)], env={"S": "x"})
    assert result.exit_code == 2
    assert result.output == (
        f"wirediff: error: {path}: [[alerts]] alert channel webhook:1: unknown key "
        "'min_chnage' (did you mean 'min_change'?)\n"
    )


# -- the cases of issue 11 -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[fetch]\nrevisit = 5\n", "[fetch] revisit: expected a list, got a whole number (5)"),
        ("[people]\nroster = 5\n", "[people] roster: expected a string or a list"),
        ("[fetch]\ntimeout = [1]\n", "[fetch] timeout: expected a duration"),
        (
            '[[feeds]]\nurl = "https://e.org/a"\ninterval = [15]\n',
            "[[feeds]] #1 (https://e.org/a) interval: expected a duration",
        ),
        ("[daemon]\nmetrics = 9108\n", "[daemon] metrics: expected HOST:PORT"),
        ("[daemon]\nmetrics = 'localhost'\n", "[daemon] metrics: expected HOST:PORT"),
        (
            "[fetch]\nconcurrency = 0\n",
            "[fetch] concurrency: expected a whole number of at least 1",
        ),
        ("[fetch]\nrevisit = ['1m', 'soon']\n", "[fetch] revisit #2: 'soon' is not a duration"),
        ("[fetch]\ntimeout = -3\n", "[fetch] timeout: a duration cannot be -3"),
        ("[daemon]\nmin_interval_factor = 9.0\n", "min_interval_factor (9) is above"),
        ("[[feeds]]\nname = 'x'\n", "[[feeds]] #1: missing key 'url'"),
        ("[events]\nalert_discrepancies = 'yes'\n", "[events] alert_discrepancies: expected"),
        ("[events]\nmerge = 1.5\n", "[events] merge: expected"),
        ("[events]\nday_slack = -1\n", "[events] day_slack: expected"),
        ("[people]\nmiss_chance = 1.5\n", "[people] miss_chance: expected a number below 1.0"),
        ("[people]\nstable_reports = 0\n", "[people] stable_reports: expected a whole number"),
        ("[people]\nwindow = 'soon'\n", "[people] window: 'soon' is not a duration"),
    ],
)
def test_wrong_values_are_one_line_naming_the_key_and_the_file(tmp_path, text, expected):
    path = write(tmp_path / "w.toml", text)
    message = error_of(path)
    assert message.startswith(f"{path}: ") and expected in message, message
    assert "\n" not in message


def test_a_single_roster_string_is_one_path(tmp_path):
    path = write(tmp_path / "w.toml", '[people]\nroster = "~/people.toml"\n')
    assert load_settings(path, {}).roster_files == (Path("~/people.toml").expanduser(),)


def test_grouping_into_events_is_off_unless_enabled(tmp_path):
    assert load_settings(write(tmp_path / "d.toml", ""), {}).events is None
    assert load_settings(None, {}).events is None
    path = write(tmp_path / "on.toml", '[events]\nenabled = true\nwindow = "3d"\n')
    events = load_settings(path, {}).events
    assert events is not None and events.window_days == 3


def test_the_merge_threshold_of_grouping_is_configurable(tmp_path):
    path = write(tmp_path / "m.toml", "[events]\nenabled = true\nmerge = 0.95\n")
    events = load_settings(path, {}).events
    assert events is not None and events.merge == 0.95


def test_the_day_and_people_thresholds_of_grouping_are_configurable(tmp_path):
    path = write(
        tmp_path / "d.toml",
        "[events]\nenabled = true\nday_slack = 1\nundated_days = 2\nmany_people = 5\n",
    )
    events = load_settings(path, {}).events
    assert events is not None
    assert (events.day_slack, events.undated_days, events.many_people) == (1, 2, 5)
    default = load_settings(write(tmp_path / "e.toml", "[events]\nenabled = true\n"), {}).events
    assert default is not None and (default.day_slack, default.undated_days) == (0, 1)


def test_the_cohesion_of_an_event_is_configurable_and_checked(tmp_path):
    default = load_settings(write(tmp_path / "e.toml", "[events]\nenabled = true\n"), {}).events
    assert default is not None and default.cohesion == 0.3
    path = write(tmp_path / "c.toml", "[events]\nenabled = true\ncohesion = 0\n")
    events = load_settings(path, {}).events
    assert events is not None and events.cohesion == 0.0
    with pytest.raises(ConfigError, match="cohesion"):
        load_settings(write(tmp_path / "x.toml", "[events]\nenabled = true\ncohesion = 1.5\n"), {})


def test_the_strict_merge_is_on_by_default_and_can_be_turned_off(tmp_path):
    default = load_settings(write(tmp_path / "e.toml", "[events]\nenabled = true\n"), {}).events
    assert default is not None and default.strict_merge is True
    path = write(tmp_path / "s.toml", "[events]\nenabled = true\nstrict_merge = false\n")
    events = load_settings(path, {}).events
    assert events is not None and events.strict_merge is False
    with pytest.raises(ConfigError, match="strict_merge"):
        load_settings(write(tmp_path / "x.toml", "[events]\nstrict_merge = 2\n"), {})


def test_discrepancies_are_alerted_only_when_asked_for(tmp_path):
    assert load_settings(write(tmp_path / "d.toml", ""), {}).alert_discrepancies is False
    path = write(tmp_path / "a.toml", "[events]\nalert_discrepancies = true\n")
    assert load_settings(path, {}).alert_discrepancies is True


def test_people_over_time_thresholds_come_from_the_people_table(tmp_path):
    path = write(
        tmp_path / "w.toml",
        '[people]\nmin_appearances = 4\nwindow = "180d"\nabsent_after = "30d"\n'
        "miss_chance = 0.01\npeer_quorum = 0.8\nstable_reports = 5\nadopt_reports = 2\n",
    )
    watch = load_settings(path, {}).people
    assert (watch.min_appearances, watch.window_days, watch.absent_days) == (4, 180, 30)
    assert (watch.miss_chance, watch.peer_quorum, watch.peer_share) == (0.01, 0.8, 0.5)
    assert (watch.stable_reports, watch.adopt_reports) == (5, 2)
    assert load_settings(None, {}).people == PeopleWatch()


def test_every_duration_key_takes_the_one_grammar(tmp_path):
    path = write(
        tmp_path / "w.toml",
        '[fetch]\ntimeout = "1m30s"\nbackoff_cap = "2h"\nrevisit = [90, "1d"]\n'
        '[daemon]\ntick = "500ms"\nstale_after = "2w"\n'
        '[alerts_retry]\nfirst = 5\ncap = "1h 30m"\n'
        '[[feeds]]\nurl = "https://e.org/a"\ninterval = "1h30m"\n',
    )
    got = load_settings(path, {})
    assert got.fetch.timeout == 90 and got.backoff_cap == 7200 and got.revisit == (90, 86400)
    assert got.daemon.tick == 0.5 and got.daemon.stale_after == 14 * 86400
    assert got.alert_retry.first == 5 and got.alert_retry.cap == 5400
    assert got.feeds[0].interval_s == 5400


# -- precedence: flags > environment > file > defaults -------------------------------------------


def test_environment_wins_over_the_file_and_flags_over_the_environment(tmp_path):
    path = write(
        tmp_path / "w.toml",
        f'[storage]\nurl = "sqlite:///{tmp_path}/file.db"\n'
        '[daemon]\nmetrics = "127.0.0.1:1"\nlog_format = "text"\n'
        '[alerts_retry]\nfirst = "1m"\n',
    )
    environ = {
        "WIREDIFF_DB": f"sqlite:///{tmp_path}/env.db",
        "WIREDIFF_METRICS": "127.0.0.1:2",
        "WIREDIFF_LOG_FORMAT": "json",
        "WIREDIFF_ALERT_RETRY_FIRST": "30s",
    }
    assert load_settings(path, {}).metrics == "127.0.0.1:1"
    got = load_settings(path, environ)
    assert (got.metrics, got.log_format, got.alert_retry.first) == ("127.0.0.1:2", "json", 30)
    assert (got.database_url, got.database_source) == (f"sqlite:///{tmp_path}/env.db", "env")
    flagged = load_settings(path, environ, db_url=f"sqlite:///{tmp_path}/flag.db")
    assert (flagged.database_url, flagged.database_source) == (
        f"sqlite:///{tmp_path}/flag.db",
        "flag",
    )
    bad = load_settings_error(path, {**environ, "WIREDIFF_LOG_FORMAT": "xml"})
    assert bad.startswith("environment WIREDIFF_LOG_FORMAT: [daemon] log_format: expected one of")


def load_settings_error(path: Path, environ: dict[str, str]) -> str:
    with pytest.raises(ConfigError) as info:
        load_settings(path, environ)
    return str(info.value)


# -- every key, every wrong TOML type: one line, exit 2 (Hypothesis) ------------------------------

_TOML = {
    "string": st.text(max_size=20),
    "integer": st.integers(min_value=-(2**63), max_value=2**63 - 1),
    "float": st.floats(allow_nan=True, allow_infinity=True),
    "boolean": st.booleans(),
    "datetime": st.datetimes(timezones=st.just(dt.UTC)),
    "local datetime": st.datetimes(),
    "date": st.dates(),
    "time": st.times(),
    "array": st.lists(st.integers(min_value=-9, max_value=9) | st.text(max_size=5), max_size=3),
    "table": st.dictionaries(st.sampled_from(["a", "b", "url"]), st.integers(), max_size=2),
}


def _accepted(hint: object) -> set[str]:
    """The TOML kinds a schema annotation takes."""
    if typing.get_origin(hint) is typing.Annotated:
        return _accepted(typing.get_args(hint)[0])
    if typing.get_origin(hint) in (typing.Union, type(int | str)):
        return set().union(*(_accepted(a) for a in typing.get_args(hint)))
    if typing.get_origin(hint) is typing.Literal or hint in (str, FeedURL, ListenAddress):
        return {"string"}
    if typing.get_origin(hint) in (tuple, list):
        return {"array"}
    if typing.get_origin(hint) is dict or hint is dict:
        return {"table"}
    if isinstance(hint, type) and issubclass(hint, Seconds):
        return {"string", "integer", "float"}
    if hint is bool:
        return {"boolean"}
    if hint is int:
        return {"integer"}
    if hint is float:
        return {"integer", "float"}
    if hint is type(None):
        return set()
    raise AssertionError(f"no TOML kinds known for {hint!r}")


def _keys() -> list[tuple[str, str, frozenset[str]]]:
    """(table, key, accepted kinds) for every key of the schema; the table "" is the top."""
    out = []
    for table, hint in typing.get_type_hints(ConfigFile).items():
        inner = typing.get_args(hint)[0] if typing.get_origin(hint) is tuple else hint
        if isinstance(inner, type) and issubclass(inner, msgspec.Struct):
            for key, sub in typing.get_type_hints(inner, include_extras=True).items():
                out.append((table, key, frozenset(_accepted(sub))))
        else:
            out.append(("", table, frozenset(_accepted(hint))))
    return out


KEYS = _keys()


# [[alerts]] tables are checked by alerts/config.py (alerts never imports the worker): their
# keys by channel type, with a valid table of each type that the wrong value is put into.
_STRINGS = frozenset({"string", "array"})  # a string or a list of strings
_NUMBER = frozenset({"integer", "float"})
_COMMON = {
    "type": frozenset({"string"}),
    "name": frozenset({"string"}),
    "feeds": _STRINGS,
    "kinds": _STRINGS,
    "people": _STRINGS,
    "words": _STRINGS,
    "min_change": _NUMBER,
    "digest": frozenset({"string", "integer", "float", "boolean"}),  # false: no digest
}
CHANNELS: dict[str, tuple[dict[str, object], dict[str, frozenset[str]]]] = {
    "email": (
        {"type": "email", "to": "desk@example.org", "from": "wirediff@example.org"},
        {
            "to": _STRINGS,
            "from": frozenset({"string"}),
            "smtp_host": frozenset({"string"}),
            "smtp_port": _NUMBER,
            "security": frozenset({"string"}),
            "username_env": frozenset({"string"}),
            "password_env": frozenset({"string"}),
            "timeout": _NUMBER,
            "ca_file": frozenset({"string"}),
        },
    ),
    "webhook": (
        {"type": "webhook", "url": "http://127.0.0.1:9/hook", "secret_env": "HOOK_SECRET"},
        {
            "url": frozenset({"string"}),
            "secret_env": frozenset({"string"}),
            "timeout": _NUMBER,
            "headers": frozenset({"table"}),
        },
    ),
    "apprise": (
        {"type": "apprise", "urls": "json://127.0.0.1:9/"},
        {"urls": _STRINGS, "urls_env": frozenset({"string"})},
    ),
}
ALERT_KEYS = [
    (f"alerts:{kind}", key, accepted)
    for kind, (_table, keys) in CHANNELS.items()
    for key, accepted in {**_COMMON, **keys}.items()
]


def _document(table: str, key: str, value: object) -> dict[str, object]:
    """A config whose only fault is `value` at `key` (every feed on 127.0.0.1's port 9)."""
    doc: dict[str, object] = {"feeds": [dict(FEED)]}
    if table == "feeds":
        doc["feeds"] = [{**FEED, key: value}]
    elif table.startswith("alerts:"):
        base = CHANNELS[table.removeprefix("alerts:")][0]
        doc["alerts"] = [{**base, key: value}]
    elif table:
        doc[table] = {key: value}
    else:
        doc[key] = value
    return doc


@pytest.mark.parametrize(
    ("table", "key", "accepted"),
    [*KEYS, *ALERT_KEYS],
    ids=[f"{t or 'top'}.{k}" for t, k, _a in [*KEYS, *ALERT_KEYS]],
)
@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_wrong_type_for_any_key_is_one_line_and_exit_2(tmp_path, table, key, accepted, data):
    """Every key of the schema and of each alert channel, each TOML type it does not take."""
    kind = data.draw(st.sampled_from(sorted(set(_TOML) - accepted)), label="kind")
    doc = _document(table, key, data.draw(_TOML[kind], label="value"))
    path = tmp_path / "random.toml"
    path.write_text(tomli_w.dumps(doc))
    result = CliRunner().invoke(
        cli,
        ["fetch", "--config", str(path), "--db", f"sqlite:///{tmp_path / 'w.db'}"],
        env={"HOOK_SECRET": "s"},
    )
    assert result.exit_code == 2, (doc, result.output)
    assert result.output.count("\n") == 1 and result.output.startswith("wirediff: error: ")
    assert str(path) in result.output and key in result.output, result.output
    assert "Traceback" not in result.output and "msgspec" not in result.output


def test_every_key_of_the_schema_is_tested() -> None:
    """A key added to the schema or a channel is in the test above without editing it."""
    from alerts.config import COMMON_KEYS, KEYS_BY_TYPE

    assert set(_COMMON) == COMMON_KEYS
    assert set(CHANNELS) == set(KEYS_BY_TYPE)
    for kind, (_base, keys) in CHANNELS.items():
        assert set(keys) | COMMON_KEYS == KEYS_BY_TYPE[kind], kind


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("[fetch]\nrevisit = 5\n", "[fetch] revisit"),
        ("[people]\nroster = 5\n", "[people] roster"),
        ("[fetch]\ntimeout = [1]\n", "[fetch] timeout"),
        ('[[feeds]]\nurl = "http://127.0.0.1:9/a"\ninterval = [15]\n', "interval"),
        ("[daemon]\nmetrics = 9108\n", "[daemon] metrics"),
        ('[[feeds]]\nurl = "file:///etc/passwd"\n', "url"),
        ('[[feeds]]\nurl = "javascript:alert(1)"\n', "url"),
        (
            "[[alerts]]\ntype = 'webhook'\nurl = 'http://127.0.0.1:9/h'\nsecret_env = 'HOOK_SECRET'\nname = 5\n",
            "name",
        ),
    ],
)
def test_the_cases_of_issue_11_are_one_line_naming_key_and_file_exit_2(tmp_path, text, key):
    path = write(tmp_path / "w.toml", '[[feeds]]\nurl = "http://127.0.0.1:9/f"\n' + text)
    # `feeds list` reads the settings but not the alert channels, which it does not use
    commands = [["fetch"], ["run", "--once"]] + ([] if "alerts" in text else [["feeds", "list"]])
    for command in commands:
        result = CliRunner().invoke(
            cli,
            [*command, "--config", str(path), "--db", f"sqlite:///{tmp_path / 'w.db'}"],
            env={"HOOK_SECRET": "s"},
        )
        assert result.exit_code == 2, (command, result.output)
        assert result.output.count("\n") == 1 and result.output.startswith("wirediff: error: ")
        assert str(path) in result.output and key in result.output, result.output


def test_the_environment_beats_the_file_for_metrics_and_log_format(tmp_path):
    path = write(tmp_path / "w.toml", '[daemon]\nmetrics = "127.0.0.1:1"\nlog_format = "text"\n')
    got = load_settings(path, {"WIREDIFF_METRICS": "127.0.0.1:2", "WIREDIFF_LOG_FORMAT": "json"})
    assert (got.metrics, got.log_format) == ("127.0.0.1:2", "json")
    bad = load_settings_error(path, {"WIREDIFF_METRICS": "9108"})
    assert bad.startswith("environment WIREDIFF_METRICS: [daemon] metrics: expected HOST:PORT")


def test_the_readme_configuration_example_loads_as_written(tmp_path):
    """A user copies the README's example to start from: it had `timeout` and `max_bytes`
    twice in [fetch], which TOML refuses ("Cannot overwrite a value")."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    section = readme.split("\n## Configuration\n", 1)[1]
    example = section.split("```toml\n", 1)[1].split("\n```", 1)[0]
    config = write(tmp_path / "w.toml", example)
    settings = load_settings(config, {})
    assert settings.fetch.timeout == 30 and settings.fetch.max_bytes == 10485760
    assert [f.url for f in settings.feeds] == ["https://example.org/rss.xml"]
    assert [a["type"] for a in settings.alerts] == ["email", "webhook", "apprise"]
