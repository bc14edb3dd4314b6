"""How well `detect_language` names the language of a report, and what it costs per text.

Two labelled sets: the events dev files' reports (bench/data/events/dev*.toml, a hand-set
`language` each, 18+ languages; the validation file dev_round16.toml is left out unless
`--validation` asks for its SCORES, never its reports) and the people dev files' reports
(bench/data/people/dev/, en, zh and de). Prints accuracy per labelled language, the confusion
(what each language was read as, when not itself), and the cost per text (microseconds per
call, the best of `--repeat` runs over the whole set).

    PYTHONPATH=.:bench python bench/bench_lang.py
    PYTHONPATH=.:bench python bench/bench_lang.py --py3langid   # the library, for comparison
    PYTHONPATH=.:bench python bench/bench_lang.py --validation  # dev_round16's scores only
    PYTHONPATH=.:bench python bench/bench_lang.py --people      # people in other languages

`--people`: the people `extract_people` finds (read in the language `detect_language` gives)
in the events dev reports labelled in another language than en, de and zh (the languages the
people rules were written for): none of them is in a labelled list, so each is a person read
by the rules of another language (the Japanese ones by the Han rules); printed with the
report's id.

`--py3langid` needs the package (not a dependency of wirediff): `pip install --target DIR
py3langid` and DIR on PYTHONPATH.
"""

from __future__ import annotations

import argparse
import time
import tomllib
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

import events_data

from worker.detect.lang import detect_language

HERE = Path(__file__).parent / "data"
VALIDATION = "dev_round16.toml"
# A label and the value the detector gives for it (Chinese in either script is "zh").
LABEL = {"zh-Hant": "zh", "zh-Hans": "zh", "zh-hant": "zh", "nb": "no"}


def events_texts(validation: bool) -> list[tuple[str, str]]:
    """(label, text) of the events dev files' reports: those of `VALIDATION` alone when
    `validation`, else every other file's (the people pool's unlisted reports not counted:
    they are the people set's)."""
    out = []
    for r in events_data.load("dev"):
        if r.file == "people pool" or (r.file == VALIDATION) != validation:
            continue
        if r.language:
            out.append((LABEL.get(r.language, r.language), r.text or r.title))
    return out


def people_texts() -> list[tuple[str, str]]:
    out = []
    for path in sorted((HERE / "people" / "dev").glob("*.toml")):
        for report in tomllib.loads(path.read_text("utf-8")).get("report", []):
            if report.get("language"):
                out.append((LABEL.get(report["language"], report["language"]), report["text"]))
    return out


def score(
    name: str,
    texts: list[tuple[str, str]],
    detect: Callable[[str], str],
    *,
    repeat: int,
    details: bool = True,
) -> None:
    got = [detect(text) for _, text in texts]
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for _, text in texts:
            detect(text)
        best = min(best, time.perf_counter() - start)
    right = sum(g == label for g, (label, _) in zip(got, texts, strict=True))
    print(
        f"{name}: {right}/{len(texts)} right ({right / max(len(texts), 1):.3f}), "
        f"{best / max(len(texts), 1) * 1e6:.0f} us per text "
        f"(mean {sum(len(t) for _, t in texts) / max(len(texts), 1):.0f} characters)"
    )
    if not details:
        return
    per: dict[str, Counter[str]] = defaultdict(Counter)
    for g, (label, _) in zip(got, texts, strict=True):
        per[label][g] += 1
    for label, counts in sorted(per.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])):
        total = sum(counts.values())
        wrong = ", ".join(f"{g} {n}" for g, n in counts.most_common() if g != label)
        print(
            f"  {label:<4} {counts[label]:>4}/{total:<4} {counts[label] / total:.2f}"
            + (f"  read as: {wrong}" if wrong else "")
        )


def people_in_other_languages() -> None:
    from worker.detect.people import extract_people
    from worker.service.seeds import load_roster

    roster = load_roster()
    found: Counter[str] = Counter()
    reports = 0
    for r in events_data.load("dev"):
        if r.file in ("people pool", VALIDATION) or r.language in ("en", "de", "zh", "zh-Hant"):
            continue
        reports += 1
        text = r.text or r.title
        language = detect_language(text)
        people = extract_people(text, roster, language=language)
        found[str(r.language)] += len(people)
        if people:
            names = ", ".join(f"{p.name} ({p.role})" for p in people)
            print(f"  {r.id} [{r.language}, read as {language}]: {names}")
    print(
        f"people found in {reports} reports in other languages than en, de, zh: "
        f"{sum(found.values())} ({', '.join(f'{k} {n}' for k, n in found.most_common() if n)})"
    )


def _py3langid() -> Callable[[str], str]:
    import py3langid  # type: ignore[import-not-found]

    def detect(text: str) -> str:
        return str(py3langid.classify(text[:20000])[0])

    return detect


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--py3langid", action="store_true", help="also score py3langid")
    parser.add_argument(
        "--validation", action="store_true", help=f"score {VALIDATION} only (figures only)"
    )
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--people", action="store_true", help="people in other languages")
    args = parser.parse_args()
    if args.people:
        people_in_other_languages()
        return
    detectors: list[tuple[str, Callable[[str], str]]] = [("detect_language", detect_language)]
    if args.py3langid:
        start = time.perf_counter()
        detectors.append(("py3langid", _py3langid()))
        detectors[-1][1]("warm up")
        print(f"py3langid: import and model load {time.perf_counter() - start:.2f} s")
    if args.validation:
        texts = events_texts(validation=True)
        for name, detect in detectors:
            score(f"{VALIDATION} {name}", texts, detect, repeat=1, details=False)
        return
    sets = [("events dev", events_texts(validation=False)), ("people dev", people_texts())]
    for set_name, texts in sets:
        for name, detect in detectors:
            score(f"{set_name} {name}", texts, detect, repeat=args.repeat)


if __name__ == "__main__":
    main()
