"""People read the same in every process: a choice among names must not follow the order a set
gives, which changes with each process's string hashing (PYTHONHASHSEED). Found by dumping
every dev report's people twice (bench/people_reader_cost.py, round 22, issue-reader22b)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

# agency_en-t17a02 (bench/data/people/dev/agency_en.round32.toml, round 17): a machine
# translation writing Zelensky's given name two ways, each 18 letters long; "Zelensky" alone
# attends, the one fuller name it stands for
TEXT = (
    "EU leaders visit Kyiv and meet Zelensky\n\nStory full\n\nEuropean Prime Minister meets "
    "with Ukrainian President Zelensky in Kyiv\n\nThe Prime Ministers of Poland, the Czech "
    "Republic and Slovenia visited Kiiv on Tuesday, March 15, to meet with Ukrainian President "
    "Wolodimir Zelensky. Three leaders, Polish Prime Minister Mateus Morawicki, Czech Prime "
    "Minister Petrfiara, and Slovenian Prime Minister Janez Janša — spoke directly with "
    "Zelensky as Russian troops continued to target the Ukrainian capital and threatened "
    "cities across the country. The meeting was virtually part of Zelensky’s whirlwind "
    "diplomatic schedule, which spoke to Parliament of Canada at the beginning of Tuesday and "
    "asked for additional additions. Supports and encourages no-fly zones. On Wednesday, the "
    "President of Ukraine will address the US Parliament. Published on Zelensky’s Facebook "
    "page, this video shows him meeting a European delegation in Kyiv. Also attended were "
    "Ukrainian Prime Minister Denys Shmyhali and Polish Deputy Prime Minister Jaroslaw "
    "Kaczynski. Credits: Volodymyr Zelensky via Storyful\n"
)

READ = (
    "import json, sys\n"
    "from worker.detect.people import extract_people\n"
    "from worker.service.seeds import load_roster\n"
    "people = extract_people(sys.stdin.read(), load_roster(), language='en')\n"
    "print(json.dumps([[p.name, p.role, p.segment] for p in people]))\n"
)


def _read(seed: str) -> list[list[str]]:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", READ],
        input=TEXT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return json.loads(done.stdout)


def test_two_spellings_as_long_give_the_first_written_in_every_process() -> None:
    """Seeds 1 and 3 gave "Volodymyr" and "Wolodimir" before (`Context._one` took the first
    of a set); now both give the spelling written first."""
    one, three = _read("1"), _read("3")
    assert one == three
    assert [n for n, _, _ in one if "Zelensky" in n] == ["Wolodimir Zelensky"] * 2
