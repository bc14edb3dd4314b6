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


def test_discrepancies_are_alerted_only_when_asked_for(tmp_path):
    assert load_settings(write(tmp_path / "d.toml", ""), {}).alert_discrepancies is False
    path = write(tmp_path / "a.toml", "[events]\nalert_discrepancies = true\n")
    assert load_settings(path, {}).alert_discrepancies is True


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


@st.composite
def wrong_values(draw):
    table, key, accepted = draw(st.sampled_from(KEYS))
    kind = draw(st.sampled_from(sorted(set(_TOML) - accepted)))
    return table, key, kind, draw(_TOML[kind])


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(case=wrong_values())
def test_any_wrong_type_for_any_key_is_one_line_and_exit_2(tmp_path, case):
    table, key, _kind, value = case
    doc: dict[str, object] = {"feeds": [dict(FEED)]}
    if table == "feeds":
        doc["feeds"] = [{**FEED, key: value}]
    elif table:
        doc[table] = {key: value}
    else:
        doc[key] = value
    path = tmp_path / "random.toml"
    path.write_text(tomli_w.dumps(doc))
    result = CliRunner().invoke(
        cli, ["fetch", "--config", str(path), "--db", f"sqlite:///{tmp_path / 'w.db'}"]
    )
    assert result.exit_code == 2, (doc, result.output)
    assert result.output.count("\n") == 1 and result.output.startswith("wirediff: error: ")
    assert str(path) in result.output and key in result.output, result.output
    assert "Traceback" not in result.output and "msgspec" not in result.output
