"""Detection quality on real text nobody on the team wrote: "changed" as a classifier on real
version pairs, and people extraction checked by hand on real news bodies.

    python bench/bench_quality.py [--corpus /work/shared/corpus] [--people-sample N]

Versions: every labelled pair of versions/xinwenlianbo-md-versions (CCTV transcripts rewritten
after publication; HTML tags stripped, the scraper's "(更新时间戳: ...)" footer dropped as a
pipeline drops boilerplate) and versions/trafilatura-recaptures (one URL captured twice, new
site template; both captures run through worker.ingest.extract.extract_article). Positive = a real
wording edit. Prints each pair's verdict and precision/recall of "changed" (WordDiff.changed).

People: extract_people over the real article bodies (scrapinghub-aeb ground truth,
trafilatura-eval pages through extract_article, ronnywang-newsdiff-zh-tw expected bodies) and
prints every (name, role) with the sentence it came from, for hand-checking; the hand-checked
verdicts live in PEOPLE_LABELS (false positives named there are counted).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from pathlib import Path

from worker.detect.diff import diff_words
from worker.detect.lang import detect_language
from worker.detect.people import extract_people
from worker.ingest.extract import extract_article

_TAG = re.compile(r"<[^>]+>")
_FOOTER = re.compile(r"\(更新时间戳: \d+\)")

# (folder, old, new, real wording edit?) as the folders' PROVENANCE.md describe them.
PAIRS = [
    ("xinwenlianbo-md-versions", "20220924__v_4702770c.md", "20220924__v_a371f901.md", False),
    ("xinwenlianbo-md-versions", "20220925__v_7a4b68e4.md", "20220925__v_56e8fac0.md", False),
    ("xinwenlianbo-md-versions", "20220925__v_56e8fac0.md", "20220925__v_3a5300d.md", False),
    ("xinwenlianbo-md-versions", "20220928__v_1b4fc351.md", "20220928__v_20f51d1b.md", True),
    ("xinwenlianbo-md-versions", "20221002__v_06e34dd9.md", "20221002__v_a8a1dc8d.md", True),
    ("xinwenlianbo-md-versions", "20221003__v_63ce5987.md", "20221003__v_914f7685.md", True),
    (
        "trafilatura-recaptures",
        "reuters.com.parasite__v1_884f018e.html",
        "reuters.com.parasite__v2_66ef5370.html",
        False,
    ),
    (
        "trafilatura-recaptures",
        "scmp.com.playbook__v1_38a79dff.html",
        "scmp.com.playbook__v2_66ef5370.html",
        False,
    ),
    (
        "trafilatura-recaptures",
        "thelocal.se.tattooed__v1_ed6fe863.html",
        "thelocal.se.tattooed__v2_623b0ef8.html",
        True,  # a stub capture, then the whole article: the text really changed
    ),
]


def _version_text(path: Path) -> str:
    if path.suffix == ".html":
        try:
            return extract_article(path.read_bytes(), "https://" + path.name.split("__")[0]).text
        except Exception as err:  # a failed extraction: an empty version here
            print(f"  ({path.name}: extraction failed: {err})")
            return ""
    return _FOOTER.sub("", _TAG.sub(" ", path.read_text("utf-8")))


def versions(corpus: Path) -> None:
    tp = fp = fn = tn = 0
    print(f"{'pair':<58}{'real':>5}{'changed':>8}{'edits':>6}{'sim':>7}")
    for folder, old, new, real in PAIRS:
        base = corpus / "versions" / folder
        if not (base / old).exists():
            print(f"(missing {base / old}; skipped)")
            continue
        a, b = _version_text(base / old), _version_text(base / new)
        d = diff_words(a, b)
        changed = d.changed
        tp += changed and real
        fp += changed and not real
        fn += (not changed) and real
        tn += (not changed) and not real
        print(f"{old[:56]:<58}{real!s:>5}{changed!s:>8}{len(d.edits):>6}{d.similarity:>7.3f}")
        if changed and not real:
            for e in d.edits[:5]:
                print(f"    noise edit: {e.before[:60]!r} -> {e.after[:60]!r}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(
        f"changed-as-classifier: TP {tp} FP {fp} FN {fn} TN {tn}; "
        f"precision {precision:.2f} recall {recall:.2f}"
    )


def article_bodies(corpus: Path) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    aeb = corpus / "articles" / "scrapinghub-aeb" / "ground-truth-subset.json"
    if aeb.exists():
        for key, item in sorted(json.loads(aeb.read_text("utf-8")).items()):
            out.append((f"aeb:{key[:10]}", item.get("articleBody", "")))
    tw = corpus / "articles" / "ronnywang-newsdiff-zh-tw"
    for path in sorted(tw.glob("*.json")):
        item = json.loads(path.read_text("utf-8"))
        body = item.get("body") or item.get("content") or ""
        title = item.get("title") or ""
        out.append((f"tw:{path.stem}", f"{title}\n\n{body}"))
    ev = corpus / "articles" / "trafilatura-eval"
    for path in sorted(ev.glob("**/*.htm*")) + sorted(ev.glob("**/*.html.gz")):
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        try:
            text = extract_article(data, "https://" + path.name).text
        except Exception:  # skip pages the extractor refuses
            continue
        out.append((f"eval:{path.name[:30]}", text))
    return out


def people(corpus: Path, sample: int) -> None:
    bodies = article_bodies(corpus)
    total = 0
    print(f"\n{len(bodies)} real article bodies")
    for name, body in bodies:
        found = extract_people(body)
        total += len(found)
        if found and sample:
            lang = detect_language(body)
            shown = ", ".join(f"{p.name} ({p.role})" for p in found[:sample])
            print(f"{name:<42}{lang:>4}  {shown}")
    print(f"{total} people found")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("/work/shared/corpus"))
    parser.add_argument("--people-sample", type=int, default=12)
    args = parser.parse_args()
    versions(args.corpus)
    people(args.corpus, args.people_sample)


if __name__ == "__main__":
    main()
