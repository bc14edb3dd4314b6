"""The bundled roster kept built between commands (worker.service.seeds.bundled_roster): the
roster read from the file is the one built from the seeds, a change of seed or code builds
anew, and a file that does not load is built past."""

from __future__ import annotations

import marshal
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from worker import re_cache
from worker.detect.roster import Roster, RosterError
from worker.service import seeds

pytestmark = pytest.mark.skipif(
    sys.implementation.name != "cpython" or sys.version_info[:2] != (3, 11),
    reason="kept where re_cache keeps its codes: installed on CPython 3.11 only",
)


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    was = re_cache.installed()
    assert re_cache.install(tmp_path / "re.marshal")
    yield tmp_path / "wirediff"
    if not was:
        re_cache.uninstall()


def _files(where: Path) -> list[Path]:
    return sorted(where.glob("roster-*.marshal"))


def test_the_roster_read_back_is_the_one_built(cache_home: Path) -> None:
    built = seeds._build_bundled()
    first = seeds.bundled_roster()  # builds and writes
    assert len(_files(cache_home)) == 1
    second = seeds.bundled_roster()  # reads
    assert first == second == built
    assert second.given_names == built.given_names and len(built.given_names) > 20_000
    # what people reading asks of it answers the same (names of seeds/people.toml)
    for name in ("蔡奇", "Tsai Chi", "Aleksandr Lukashenko", "V.V. Putin", "習近平", "Nobody"):
        assert second.canonical(name) == built.canonical(name)
    assert second.knows_chinese("習近平") and second.is_given_name("Frank-Walter")
    assert second.current_titles("Xi Jinping") == built.current_titles("Xi Jinping")


def test_the_file_is_read_not_built_again(
    cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seeds.bundled_roster()

    def fail() -> Roster:
        raise AssertionError("built again")

    monkeypatch.setattr(seeds, "_build_bundled", fail)
    assert seeds.bundled_roster().canonical("Cai Qi") == "Cai Qi"


def test_other_seeds_or_code_build_anew_the_newest_few_kept(
    cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seeds.bundled_roster()
    (first,) = _files(cache_home)
    os.utime(first, ns=(1, 1))  # the order written in, whatever the clock's granularity
    written = [first]
    for n in range(seeds.KEPT_ROSTERS + 1):  # as many other versions of the code, in turn
        code = cache_home.parent / f"seeds{n}.py"
        code.write_bytes(Path(str(seeds.__file__)).read_bytes() + f"\n# changed {n}\n".encode())
        monkeypatch.setattr(seeds, "__file__", str(code))
        assert seeds.bundled_roster() == seeds._build_bundled()
        (new,) = set(_files(cache_home)) - set(written)
        os.utime(new, ns=(n + 2, n + 2))
        written.append(new)
    assert len(_files(cache_home)) == seeds.KEPT_ROSTERS
    assert set(_files(cache_home)) == set(written[-seeds.KEPT_ROSTERS :])  # the newest


def test_a_file_that_does_not_load_is_built_past(cache_home: Path) -> None:
    seeds.bundled_roster()
    (path,) = _files(cache_home)
    for junk in (b"not marshal", marshal.dumps((2, (), {}, frozenset())), marshal.dumps([1])):
        path.write_bytes(junk)
        assert seeds.bundled_roster() == seeds._build_bundled()
        assert Roster.rebuilt(marshal.loads(path.read_bytes())) == seeds._build_bundled()


def test_rebuilt_refuses_what_built_did_not_give() -> None:
    built = list(Roster.from_entries([{"name": "Cai Qi", "zh": "蔡奇"}]).built())
    assert Roster.rebuilt(tuple(built)).canonical("蔡奇") == "Cai Qi"
    built[2] = ["not", "a", "dict"]
    with pytest.raises(RosterError):
        Roster.rebuilt(tuple(built))


def test_without_the_command_lines_cache_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    if re_cache.installed():
        pytest.skip("re_cache installed by another test in this process")
    assert seeds.load_roster().canonical("Cai Qi") == "Cai Qi"
    assert not (tmp_path / "wirediff").exists()
