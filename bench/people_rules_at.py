"""The Chinese people the rules of another commit give on dev files, for
bench/train_people_model_zh.py's cross-validation (`--earlier`): {report id: [[name, role]]}.

Round k's files were tuned on once they were in dev, so the current rules score them in-sample
(F1 0.96) and leave the model little to add; the rules as they stood before round k was moved
to dev had never read those reports, and miss what fresh reports make them miss (F1 0.81,
close to the held-out figures of issue 9). Run with the older commit on PYTHONPATH, e.g.:

  git archive 849e57e^ worker bench/bench_people.py seeds | tar -x -C /tmp/r2
  (cd /tmp/r2 && PYTHONPATH=/tmp/r2:/tmp/r2/bench python $OLDPWD/bench/people_rules_at.py \
      $OLDPWD/bench/people_earlier/round2.json $OLDPWD/bench/data/people/dev/*.round2.toml)

The commits (each the one that moved round k's files into dev, whose parent is read):
round 2 849e57e, 3 9742bab, 4 c101a8f, 5 0da818d, 6 acc84b6, 7 c3979bd, 8 8ee4656; round 9 is
made from 484535b (the parent of the commit that moves it); round 10 (collected for dev in round 7,
read for causes after 8e66da0) from 484535b too, the rules before any round-10 reading; round 11
(round 7's validation split, read for causes at the end of round 7) from 639ef7b, the rules
before it was read; round 12 (round 7's test split, moved to dev at the start of round 8) from
8d52755, the rules at the end of round 7.

The English and German readings of the same commits (bench/people_earlier/latin/roundk.json,
for bench/train_people_model.py --earlier) were made the same way in round 8 with `--latin`
first (the reports whose language is en or de instead of zh; round k's files, round k's commit
above; rounds 9 and 10 both from 484535b).

Rounds 13 and 14 (round 8's test and validation splits, moved to dev at the start of round 9)
were read, in both forms, from 6c7e186: the rules at the end of round 8. Round 15 (development
data collected in round 9) from 68cea64, the rules before it was read. Rounds 16 and 17 (round
9's test and validation splits, moved to dev at the start of round 10) from e07e714, the rules
at the end of round 9. Rounds 18 and 19 (round 10's test and validation splits, moved to dev at
the start of round 11) from a313995, the rules at the end of round 10. Rounds 20 and 21 (round
11's test and validation splits, moved to dev at the start of round 12) from 83834f2, the rules
at the end of round 11, in both forms and, with `--no-model`, rules only. Rounds 22 and 23
(round 12's test and validation splits, moved to dev at the start of round 13) from 57e47fe,
the rules at the end of round 12, the same four ways. Rounds 24 and 25 (round 13's test and
validation splits, moved to dev at the start of round 14) from 6f22a71, the rules at the end of
round 13, the same four ways. Rounds 26 and 27 (round 14's test and validation splits, moved to
dev at the start of round 15) from f2879b8, the rules at the end of round 14, the same four
ways. Rounds 28 and 29 (round 15's test and validation splits, moved to dev at the start of
round 16) from 038b2a9, the rules at the end of round 15, the same four ways. Rounds 30 and 31
(round 16's test and validation splits, moved to dev at the start of round 17) from 8ff69e8,
the rules at the end of round 16, the same four ways. Rounds 32 and 33 (round 17's test and
validation splits, moved to dev at the start of round 18) from 18580944, the rules at the end of
round 17, the same four ways. Rounds 34 and 35 (round 18's test and validation splits, moved to
dev at the start of round 19) from 6dafb82b, the rules at the end of round 18, the same four
ways. Rounds 36 and 37 (round 19's test and validation splits, moved to dev at the start of
round 20) from 2d87bd4f, the rules at the end of round 19, the same four ways. Rounds 38 and 39
(round 20's test and validation splits, moved to dev at the start of round 21) from 85835fb7,
the rules at the end of round 20, the same four ways. Rounds 40 and 41 (round 21's test and
validation splits, moved to dev at the start of round 22) from 68c8aa4a, the rules at the end of
round 21, the same four ways. Round 42 (round 22's test split, moved to dev at the start of round
23) from 7b997ae3, the rules at the end of round 22, the same four ways. Round 43 (round 23's
test split, moved to dev at the start of round 24) from 84992344, the rules at the end of round
23, the same four ways. Round 44 (round 24's test split, moved to dev at the start of round 25)
from 87ba070e, the rules at the end of round 24, the same four ways. Round 45 (round 25's test
split, moved to dev at the start of round 26) from 8d317231, the rules at the end of round 25,
the same four ways.

Round 11 (issue 9, branch issue-model11): from round 6 on, a commit's `extract_people` adds its
learned models' people, so the readings of rounds 9-19 held the model of their day (on round
18, 47 of its 519 English and German pairs): a model trained against them was judged by what
it adds beyond the model it replaces, and the shipped model could add nothing on the rounds
made after it. `--no-model` reads the rules alone; bench/people_earlier/rules_only/roundk.json
and rules_only/latin/roundk.json are rounds 9-19 read so, from the same commits (rounds 2-8's
commits had no model), and the trainers read them in place of the first readings (their
`--with-old-models` reads those). For the commits before 6c7e186, run a copy of this script
from the commit's own bench/ (today's bench_people imports what they lack):

  cp bench/people_rules_at.py /tmp/r9/bench/ && (cd /tmp/r9 && PYTHONPATH=/tmp/r9:/tmp/r9/bench \
      python bench/people_rules_at.py --no-model --latin $OLDPWD/bench/people_earlier/rules_only/\
latin/round9.json $OLDPWD/bench/data/people/dev/*.round9.toml)

(The first readings come out again byte for byte that way, with the model: rounds 9-12, 18.)
"""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path

from bench_people import load_roster

from worker.detect.people import extract_people


def rules_alone() -> None:
    """The learned models add nobody (`--no-model`): from round 6 on a commit's
    `extract_people` adds the model of its day, which a retrained model replaces."""
    from worker.detect import people_model, people_model_zh

    people_model.confident = lambda *args, **kwargs: iter(())
    people_model_zh.additions = lambda *args, **kwargs: iter(())


def main(out: str, files: list[str], languages: tuple[str, ...] = ("zh",)) -> None:
    roster = load_roster()
    found = {}
    for f in files:
        for r in tomllib.loads(Path(f).read_text(encoding="utf-8")).get("report", []):
            if r.get("language") in languages:
                people = extract_people(r["text"], roster, language=r["language"])
                found[r["id"]] = [[p.name, p.role] for p in people]
    Path(out).write_text(json.dumps(found, ensure_ascii=False, sort_keys=True) + "\n", "utf-8")
    print(out, len(found))


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[0] == "--no-model":
        rules_alone()
        args = args[1:]
    if args[0] == "--latin":
        main(args[1], args[2:], ("en", "de"))
    else:
        main(args[0], args[1:])
