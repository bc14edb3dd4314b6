"""People reading's import made cheaper in round 25 (speed25), with the same tables: the German
clause gates' entries found by a search per gate word, and the Chinese place names folded to
simplified characters only when a name in Chinese characters is read."""

from __future__ import annotations

import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from worker.detect import people, people_de
from worker.detect import role_cues as cues


def _every_pair(words: list[str], entries: list[tuple[str, ...]]) -> dict[str, frozenset[int]]:
    """The table as it was built before: every word against every gate of every entry."""
    return {
        w: frozenset(k for k, gates in enumerate(entries) if any(w.startswith(g) for g in gates))
        for w in words
    }


def test_the_gate_table_is_the_one_every_pair_gives() -> None:
    gates = [tuple(g) for g in cues.DE_CLAUSE_GATES]
    assert people_de._GATE_ENTRIES == _every_pair(people_de._GATE_WORDS, gates)


@given(st.lists(st.lists(st.text("abcä", max_size=4), min_size=1, max_size=4), max_size=8))
def test_gate_entries_match_every_pair_on_any_gates(entries: list[list[str]]) -> None:
    # prefixes of each other, the empty word, repeats: each word's entries as testing all gave
    gates = [tuple(e) for e in entries]
    words = sorted({g for e in gates for g in e})
    assert people_de._gate_entries(words, gates) == _every_pair(words, gates)


def test_reading_a_report_without_chinese_builds_no_chinese_converter() -> None:
    # OpenCC's converter (its dictionaries loaded) is built on the first name in Chinese
    # characters, not when people reading is imported
    code = (
        "from worker.detect import people, roster\n"
        "found = people.extract_people('Chancellor Olaf Scholz met President Emmanuel Macron"
        " in Berlin. Foreign Minister Annalena Baerbock attended the talks.')\n"
        "print(len(found), roster._t2s.cache_info().currsize)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    named, converters = map(int, done.stdout.split())
    assert named > 0
    assert converters == 0


def test_a_place_written_in_traditional_characters_is_no_person() -> None:
    # the gazetteer's Chinese names, folded to simplified on first use, as they were on import
    assert people._han_no_person("莫斯科")
    assert people._han_no_person("臺北")
    assert not people._han_no_person("习近平")
