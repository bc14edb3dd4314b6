"""worker.re_cache: the stored codes of compiled patterns give the patterns re compiles.

Each check runs in a fresh interpreter (the cache replaces re's compiler process-wide, and the
modules must be imported afresh to compile their patterns), with the file in tmp_path.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.cli_process import ROOT
from worker import re_cache

pytestmark = pytest.mark.skipif(
    sys.implementation.name != "cpython" or sys.version_info[:2] != (3, 11),
    reason="the stored codes are CPython 3.11's",
)

# A command that reads people and detects a change: what the cache is for.
READERS = "import worker.detect.people, worker.detect.changes, worker.service.seeds"


def run(code: str, path: Path) -> dict[str, object]:
    script = (
        "import json, re, sys\n"
        "from pathlib import Path\n"
        "from worker import re_cache\n"
        f"assert re_cache.install(Path({str(path)!r}))\n"
        f"{code}\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    out: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return out


def test_every_stored_pattern_is_the_one_re_compiles(tmp_path: Path) -> None:
    path = tmp_path / "re.marshal"
    first = run(
        f"{READERS}\nre_cache.save()\nprint(json.dumps({{'new': len(re_cache.stored())}}))",
        path,
    )
    assert isinstance(first["new"], int) and first["new"] > 300  # people reading's patterns
    assert path.is_file()
    second = run(
        f"{READERS}\n"
        "table = re_cache.stored()\n"
        "same = sum(re.compile(p, f) == re_cache._original(p, f) for p, f in table)\n"
        "print(json.dumps({'stored': len(table), 'same': same, 'new': re_cache._new}))",
        path,
    )
    assert second["new"] == 0  # every pattern of the second run came from the file
    assert second["same"] == second["stored"] == first["new"]


def test_people_are_read_the_same_from_stored_codes(tmp_path: Path) -> None:
    """A real dev excerpt (the roster's and the readers' patterns, made from the file)."""
    path = tmp_path / "re.marshal"
    text = (
        "BEIJING, Dec. 1 (Xinhua) -- Chinese President Xi Jinping met with visiting Kenyan "
        "President William Ruto in Beijing on Monday. Foreign Minister Wang Yi attended the talks."
    )
    code = (
        f"{READERS}\n"
        "from worker.detect.people import extract_people\n"
        "from worker.service.seeds import load_roster\n"
        f"found = extract_people({text!r}, load_roster())\n"
        "re_cache.save()\n"
        "print(json.dumps({'people': [repr(p) for p in found], 'new': re_cache._new}))"
    )
    compiled, stored = run(code, path), run(code, path)
    assert compiled["people"] == stored["people"] and compiled["people"]


def test_an_unreadable_file_is_compiled_past(tmp_path: Path) -> None:
    path = tmp_path / "re.marshal"
    path.write_bytes(b"not marshal data")
    out = run("print(json.dumps({'ok': bool(re.compile('a(?P<b>c)+').match('acc'))}))", path)
    assert out == {"ok": True}


def test_a_wrong_code_is_compiled_again(tmp_path: Path) -> None:
    import marshal

    path = tmp_path / "re.marshal"
    bogus = (0, b"\x00\x00\x00\x00", 0, {}, ())
    path.write_bytes(marshal.dumps({"version": 1, ("x+y", 0): bogus}))
    out = run("print(json.dumps({'m': re.compile('x+y').match('xxy').group()}))", path)
    assert out == {"m": "xxy"}


def test_bad_patterns_fail_as_in_re(tmp_path: Path) -> None:
    out = run(
        "try:\n    re.compile('a(b')\nexcept re.error as e:\n    print(json.dumps({'e': str(e)}))",
        tmp_path / "re.marshal",
    )
    assert out == {"e": "missing ), unterminated subpattern at position 1"}


def test_few_new_patterns_leave_the_file_alone(tmp_path: Path) -> None:
    path = tmp_path / "re.marshal"
    run("re.compile('only one'); re_cache.save(); print('{}')", path)
    assert not path.exists()
    assert re_cache.MIN_NEW > 1


def test_only_the_command_line_installs_it() -> None:
    """Importing wirediff's modules leaves re's compiler as it is (this process)."""
    import re

    import worker.cli  # noqa: F401

    assert not re_cache.installed()
    assert type(re.compile("(?P<x>a)")).__name__ == "Pattern"


def test_the_command_line_keeps_them_and_says_the_same(tmp_path: Path) -> None:
    """`wirediff compare` twice: the first compiles and writes the file, the second reads it
    (and finds nothing new to write); the same output both times."""
    import os

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Foreign Minister Wang Yi met Kenyan President William Ruto.", encoding="utf-8")
    b.write_text("Foreign Minister Wang Yi met Kenyan Vice President Kithure Kindiki.", "utf-8")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    cmd = [sys.executable, "-m", "worker", "compare", str(a), str(b), "--json"]

    def compare() -> list[dict[str, object]]:
        done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=True)
        lines = [json.loads(line) for line in done.stdout.splitlines()]
        for line in lines:
            line.pop("detected_at", None)
        return lines

    first = compare()
    files = list((tmp_path / "cache" / "wirediff").glob("re-*.marshal"))
    assert len(files) == 1
    written = files[0].stat().st_mtime_ns
    assert compare() == first
    assert files[0].stat().st_mtime_ns == written
