"""Round 14 (branch issue-ev14b): Pope Francis, Leo XIV and Charles III in the roster, so a
report in any language names them under one key. Excerpts of real dev reports (ids and sources
in bench/data/events/dev*.toml)."""

from __future__ import annotations

from datetime import date

import pytest

from worker.detect.events import person_key, report_features
from worker.service.seeds import load_roster

ROSTER = load_roster()

CASES = [
    # (id, title, lead, published, the roster's canonical name both ways)
    (
        "pope-francis-death-quotidiano",  # dev_round13
        "Morto Papa Francesco",
        "Roma, 21 aprile 2025 – E’ morto Papa Francesco.",
        date(2025, 4, 21),
        "Pope Francis",
    ),
    (
        "e13-pope-francis-death-2025-de-evangelisch",  # dev_round18
        "",
        '"Der Bischof von Rom, Franziskus, ist in das Haus des Vaters zurückgekehrt", sagte '
        "Kardinal Farrell. Papst Franziskus hatte am Ostersonntag noch den Segen gespendet.",
        date(2025, 4, 21),
        "Pope Francis",
    ),
    (
        "canonization-unionesarda",  # dev_round11
        "L'annuncio di Leone XIV: Frassati e Acutis sono santi.",
        "Papa Leone XIV ha pronunciato, in latino, la formula di canonizzazione.",
        date(2025, 9, 7),
        "Leo XIV",
    ),
    (
        "e13-pope-leo-inauguration-2025-zh-cnhubei",  # dev_round18
        "",
        "当地时间18日,罗马教皇利奥十四世正式任职。",
        date(2025, 5, 18),
        "Leo XIV",
    ),
]


@pytest.mark.parametrize(("rid", "title", "lead", "published", "name"), CASES)
def test_a_pope_is_one_key_in_every_language(
    rid: str, title: str, lead: str, published: date, name: str
) -> None:
    key, _ = person_key(name, name)
    assert key in report_features(title, lead, published, ROSTER).all_keys, rid
