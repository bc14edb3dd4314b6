"""Precision, recall and speed of people extraction on the CCTV meetings corpus and the seed.

Input: /work/shared/corpus/meetings-zh (index.json gives, per report, the leaders named in
the sentences that say who attended) and the seed report. Output: printed figures.
Run: PYTHONPATH=. python bench/bench_people.py [CORPUS_DIR] [SEED_FILE]

Ground truth holds only the Standing Committee members named in the attendee sentences,
so recall is measured against it; precision counts an extracted attendee (role attended,
present or presided) that is on the roster's leadership list but not in the ground truth
as a false positive, and extracted names nobody could check are listed for reading.
"""

from __future__ import annotations

import json
import sys
import time
import tomllib
from pathlib import Path

from worker.detect.attendees import lead_body_diff
from worker.detect.people import extract_people
from worker.detect.roster import Roster

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/corpus/meetings-zh")
SEED = Path(sys.argv[2] if len(sys.argv) > 2 else "/work/shared/seeds/000_51e97353ff3bef23.txt")
SEED_EXPECTED = {
    ("lead", "spoke"): ["Xi Jinping"],
    ("lead", "presided"): ["Li Qiang"],
    ("lead", "attended"): ["Zhao Leji", "Wang Huning", "Cai Qiding", "Xue Xiang", "Li Xi", "Han Zheng"],
    ("body", "attended"): ["Xi Jinping", "Li Qiang", "Zhao Leji", "Wang Huning", "Cai Qi",
                           "Ding Xuexiang", "Li Xi", "Han Zheng"],
    ("body", "spoke"): ["Xi Jinping", "Wang Yi"],
    ("body", "presided"): ["Li Qiang"],  # "When presiding over the meeting, Li Qiang stressed"
}  # fmt: skip


def load_roster() -> Roster:
    return Roster.from_entries(tomllib.loads((ROOT / "seeds/people.toml").read_text())["people"])


def corpus_scores(roster: Roster) -> None:
    index = json.loads((CORPUS / "index.json").read_text(encoding="utf-8"))
    leaders = {e.zh for e in roster.entries if e.zh}
    tp = fp = fn = 0
    unchecked: list[str] = []
    texts = [(CORPUS / e["file"]).read_text(encoding="utf-8") for e in index]
    for entry, text in zip(index, texts, strict=True):
        truth = set(entry.get("leaders_named_in_attendee_sentences", []))
        people = extract_people(text, roster, language="zh")
        got = {p.name for p in people if p.role in ("attended", "present", "presided")}
        tp += len(got & truth)
        fn += len(truth - got)
        fp += len((got - truth) & leaders)
        unchecked += sorted(got - truth - leaders)
        if truth - got or (got - truth) & leaders:
            print(
                f"  {entry['file']}: missed {sorted(truth - got)} extra {sorted((got - truth) & leaders)}"
            )
    print(
        f"meetings-zh: {len(index)} reports, recall {tp / max(tp + fn, 1):.3f}, "
        f"other roster leaders named (ground truth is partial) {fp}  tp={tp} fn={fn}"
    )
    print(
        f"  other names extracted (not checkable): {len(unchecked)}: {' '.join(sorted(set(unchecked)))}"
    )
    start = time.perf_counter()
    rounds = 5
    for _ in range(rounds):
        for text in texts:
            extract_people(text, roster)
    elapsed = time.perf_counter() - start
    print(f"  throughput: {rounds * len(texts) / elapsed:.0f} reports/s")


def sentence_scores(index: list[dict[str, object]]) -> None:
    """Each attendee sentence alone, no roster: every extracted name is checked."""
    tp = fp = fn = 0
    for entry in index:
        for sentence in entry["attendee_sentences"]:  # type: ignore[attr-defined]
            truth = {n for n in entry["leaders_named_in_attendee_sentences"] if n in sentence}  # type: ignore[attr-defined]
            got = {p.name for p in extract_people(sentence, Roster.empty(), language="zh")}
            tp, fp, fn = tp + len(got & truth), fp + len(got - truth), fn + len(truth - got)
            if got != truth:
                print(
                    f"  sentence {entry['file']}: missed {sorted(truth - got)} extra {sorted(got - truth)}"
                )
    print(
        f"attendee sentences, no roster: precision {tp / max(tp + fp, 1):.3f} "
        f"recall {tp / max(tp + fn, 1):.3f}  tp={tp} fp={fp} fn={fn}"
    )


def seed_scores(roster: Roster) -> None:
    people = extract_people(SEED.read_text(encoding="utf-8"), roster)
    got = {(p.segment, p.role, p.name) for p in people}
    want = {(s, r, n) for (s, r), names in SEED_EXPECTED.items() for n in names}
    tp = len(got & want)
    print(
        f"seed: recall {tp / len(want):.3f}, precision {tp / max(len(got), 1):.3f}; "
        f"missing {sorted(want - got)} extra {sorted(got - want)}"
    )
    diff = lead_body_diff(people, roster)
    print(f"  lead vs body: {diff.to_dict() if diff else None}")


if __name__ == "__main__":
    roster = load_roster()
    corpus_scores(roster)
    sentence_scores(json.loads((CORPUS / "index.json").read_text(encoding="utf-8")))
    seed_scores(roster)
