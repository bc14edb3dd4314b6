"""Instructions a new article costs, stage by stage, warm, on real pages (issue 10, round 26).

The pages: every article page under /work/shared/corpus/articles (`.html`, `.htm`, gzipped or
not). Each page goes through what the pipeline does with a new page once everything is loaded,
in its order (worker/pipeline/refresh.py, snapshot.py):

- `raw-hash`: the page's SHA-256 (refresh.extract_entry_text);
- `extract`: `extract_article` (trafilatura: decode, parse, prune, extract; `tidy_text`);
- `normalize`, `text-hash`: `normalize_text` and `bodies.text_hash` (snapshot.Reading);
- `language`, `people`: `detect_language`, `extract_people` with the bundled roster;
- `store-text`: the text's delta against the previous version (`bodies.compress`) and its
  people as kept with the version (`snapshot.people_json`);
- `detect`: `detect_change` against the previous version, both people lists given, as
  snapshot._detect calls it. The previous version is the page's own text with its second
  paragraph's first sentence taken out (an edit of one sentence; a one-paragraph text loses
  its last word), its people read as the new text's.

Counting: the process runs under `valgrind --tool=callgrind` and asks callgrind to dump its
counts after every stage (`CALLGRIND_DUMP_STATS_AT`, through a two-line C library built here
with gcc and loaded by ctypes); each dump's total is that stage's instructions. Before the
measured pages, every stage runs over the warm-up texts (the trafilatura recaptures' first
captures and the Chinese transcripts under corpus/versions: pages the measured set does not
hold, so no cache keyed by a text is warm for a measured page).

    PYTHONPATH=.:bench python bench/article_ir.py [--pages N] [--out FILE.json]
    PYTHONPATH=.:bench python bench/article_ir.py --profile [STAGE]   # cProfile, warm loop

Prints instructions a page per stage (mean over the pages) and the pages' sum.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

CORPUS = Path("/work/shared/corpus")
STAGES = (
    "raw-hash",
    "extract",
    "normalize",
    "text-hash",
    "language",
    "people",
    "store-text",
    "detect",
)


def pages() -> list[tuple[str, bytes, str]]:
    from extract_settings import html_pages

    return html_pages(CORPUS / "articles")


def warm_pages() -> list[tuple[str, bytes, str]]:
    out = []
    for path in sorted((CORPUS / "versions" / "trafilatura-recaptures").glob("*__v1_*.html")):
        out.append((str(path), path.read_bytes(), f"https://example.org/{path.name}"))
    for path in sorted((CORPUS / "versions" / "xinwenlianbo-md-versions").glob("*.md"))[:3]:
        text = path.read_text(encoding="utf-8")
        paragraphs = "".join(f"<p>{line}</p>" for line in text.splitlines() if line.strip())
        body = f"<html><body><article>{paragraphs}</article></body></html>".encode()
        out.append((str(path), body, f"https://example.org/{path.name}.html"))
    return out


def previous_of(text: str) -> str:
    """The page's text before a one-sentence edit (see the module's docstring)."""
    paragraphs = text.split("\n\n")
    if len(paragraphs) > 1:
        second = paragraphs[1]
        cut = re.search(r"[.!?。！？](\s|$)", second)
        paragraphs[1] = second[cut.end() :] if cut and cut.end() < len(second) else ""
        return "\n\n".join(p for p in paragraphs if p)
    return text.rsplit(" ", 1)[0] if " " in text else text[: len(text) // 2]


def run(
    chosen: list[tuple[str, bytes, str]],
    mark: Callable[[str], None],
    begin: Callable[[str], None] = lambda stage: None,
) -> dict[str, str]:
    """Every stage over every page, `begin(stage)` before and `mark(stage)` after each (and
    `mark("other")` after the harness's own work); the pages' texts (or errors)."""
    import hashlib

    from storage import bodies
    from worker.detect.changes import Text, detect_change
    from worker.detect.lang import detect_language
    from worker.detect.normalize import normalize_text
    from worker.detect.people import extract_people
    from worker.errors import ExtractError
    from worker.ingest.extract import extract_article
    from worker.pipeline.snapshot import people_json
    from worker.service.seeds import load_roster

    roster = load_roster()
    texts: dict[str, str] = {}
    mark("set-up")

    def step(stage: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        begin(stage)
        try:
            return fn(*args, **kwargs)
        finally:
            mark(stage)

    def store_text(text: str, old: str, people: Any) -> None:
        bodies.compress(text, old)
        people_json(people)

    for name, body, url in chosen:
        step("raw-hash", lambda b: hashlib.sha256(b).hexdigest(), body)
        try:
            extracted = step("extract", extract_article, body, url)
        except ExtractError as err:
            texts[name] = f"ExtractError: {err}"
            continue
        text = step("normalize", normalize_text, extracted.text)
        step("text-hash", bodies.text_hash, text)
        language = step("language", detect_language, text)
        people = step("people", extract_people, text, roster, language=language)
        old = previous_of(text)
        mark("other")
        step("store-text", store_text, text, old, people)
        before, after = Text("T", old), Text("T", text)
        step(
            "detect",
            detect_change,
            before,
            after,
            roster,
            people=(people, people),
            normalized=(False, True),
        )
        mark("other")
        texts[name] = text
    return texts


def _dumper() -> Callable[[str], None]:
    work = Path(tempfile.mkdtemp(prefix="article-ir-"))
    (work / "d.c").write_text(
        "#include <valgrind/callgrind.h>\n"
        "void dump(const char *s) { CALLGRIND_DUMP_STATS_AT(s); }\n"
    )
    subprocess.run(
        ["gcc", "-shared", "-fPIC", "-O2", "-o", str(work / "d.so"), str(work / "d.c")],
        check=True,
    )
    lib = ctypes.CDLL(str(work / "d.so"))
    return lambda label: lib.dump(label.encode())


def child(n: int, texts_out: str) -> None:
    dump = _dumper()
    run(warm_pages(), lambda stage: dump("warm"))
    dump("warm")
    texts = run(pages()[:n], dump)
    Path(texts_out).write_text(json.dumps(texts, ensure_ascii=False, sort_keys=True))


def count(n: int) -> tuple[dict[str, list[int]], dict[str, str]]:
    work = Path(tempfile.mkdtemp(prefix="article-ir-"))
    out = work / "cg.out"
    cmd = [
        "valgrind",
        "--tool=callgrind",
        "--dump-instr=no",
        "--dump-line=no",
        f"--callgrind-out-file={out}",
        sys.executable,
        __file__,
        "--child",
        str(n),
        str(work / "texts.json"),
    ]
    subprocess.run(cmd, check=True, capture_output=True)
    stages: dict[str, list[int]] = {}
    for dump in work.glob("cg.out*"):
        head = dump.read_text(errors="replace")
        trigger = re.search(r"^desc: Trigger: Client Request: (\S+)", head, re.M)
        total = re.search(r"^(?:summary|totals): (\d+)", head, re.M)
        if trigger and total:
            stages.setdefault(trigger.group(1), []).append(int(total.group(1)))
    texts = json.loads((work / "texts.json").read_text())
    return stages, texts


def profile(stage: str | None) -> None:
    """cProfile (process time) over the measured pages, warm: all stages, or one."""
    import cProfile
    import pstats
    import time

    run(warm_pages(), lambda s: None)
    prof = cProfile.Profile(time.process_time)
    if stage is None:
        prof.enable()
        run(pages(), lambda s: None)
        prof.disable()
    else:

        def begin(s: str) -> None:
            if s == stage:
                prof.enable()

        def end(s: str) -> None:
            if s == stage:
                prof.disable()

        run(pages(), end, begin)
    pstats.Stats(prof).sort_stats(os.environ.get("SORT", "cumulative")).print_stats(60)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(int(sys.argv[2]), sys.argv[3])
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--out", help="write the counts and texts as JSON")
    parser.add_argument("--profile", nargs="?", const="", default=None)
    args = parser.parse_args()
    if args.profile is not None:
        profile(args.profile or None)
        return
    stages, texts = count(args.pages)
    n = len(texts)
    print(f"{n} pages ({sum(t.startswith('ExtractError') for t in texts.values())} without text)")
    total = 0
    for stage in STAGES:
        counts = stages.get(stage, [])
        total += sum(counts)
        print(f"{stage:12s} {sum(counts) / max(n, 1) / 1e6:9.2f} M a page  ({len(counts)} runs)")
    print(f"{'all':12s} {total / max(n, 1) / 1e6:9.2f} M a page")
    if args.out:
        Path(args.out).write_text(
            json.dumps({"stages": stages, "texts": texts}, ensure_ascii=False)
        )


if __name__ == "__main__":
    main()
