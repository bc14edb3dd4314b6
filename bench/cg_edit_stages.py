"""Instructions per edited article of each stage outside the store, on the articles the 5%-edited
pass sees (bench/farm.py 100 x 5, seed 1, `edit(0.05, Random(2))` as bench/cg_passes.py): the
extraction of the new page, normalizing, the language, the new text's people, the previous
text's people (as change detection read them before round 17), change detection given both
lists, the text's hash and compression (full and delta), the previous text read back from a
store (`read-prev`: SQLite, the ORM's lookup and the decompression, once as since round 18),
and parsing the article's feed (`feed`: each edited article's feed as the edited farm serves
it, 24 feeds for 25 articles; feedparser and the entries' links, texts and hashes). Each stage in a fresh process
under `valgrind --tool=cachegrind --cache-sim=no`; every run loads the same modules, reads
every article's people once and warms every stage on the first article; the baseline run
stops there, a stage's run then runs the stage over the N edited articles: (run - baseline) / N.

    PYTHONHASHSEED=0 PYTHONPATH=CHECKOUT python bench/cg_edit_stages.py [STAGE ...]
    (WORK=DIR BASE=COUNT: reuse a work directory's articles and the baseline's count)
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

STAGES = (
    "extract",
    "normalize",
    "language",
    "people-new",
    "people-prev",
    "detect",
    "compress",
    "read-prev",
    "feed",
)


def data(path: Path) -> None:
    from bench.farm import Farm
    from worker.detect.normalize import normalize_text
    from worker.ingest.extract import extract_article

    farm = Farm(100, 5, seed=1, hosts=10)
    before = {}
    for f in range(100):
        for j in range(5):
            before[farm.page_url(f, j)] = (f, j, farm.page_bytes(f, j))
    urls = farm.edit(0.05, random.Random(2))
    out = []
    for url in urls:
        f, j, old = before[url]
        new = farm.page_bytes(f, j)
        out.append(
            {
                "url": url,
                "old_html": old.decode(),
                "new_html": new.decode(),
                "old_text": extract_article(old, url).text,
                "new_text": extract_article(new, url).text,
                "feed_url": farm.feed_url(f),
                "feed_xml": farm._resources[farm.feed_path(f)].body.decode(),
            }
        )
    for p in out:
        p["old_norm"], p["new_norm"] = normalize_text(p["old_text"]), normalize_text(p["new_text"])
    path.write_text(json.dumps(out), encoding="utf-8")


def child(name: str, path: Path, n: int) -> None:
    from worker.detect.people import extract_people
    from worker.service.seeds import load_roster

    roster = load_roster()
    items = json.loads(path.read_text(encoding="utf-8"))
    _STORE.update(_previous_store(items))
    pre = {
        i: (extract_people(p["old_norm"], roster), extract_people(p["new_norm"], roster))
        for i, p in enumerate(items)
    }  # in every run, the baseline too
    # warm-up: every stage once over the first article (the shared baseline runs only this)
    for stage in STAGES:
        one(
            stage,
            items[0],
            roster,
            (
                extract_people(items[0]["old_norm"], roster),
                extract_people(items[0]["new_norm"], roster),
            ),
        )
    for i, p in enumerate(items[:n]):
        one(name, p, roster, pre.get(i))


_STORE: dict = {}


def _previous_store(items):
    """An SQLite store holding each article's previous text, as the edited pass finds it."""
    from storage import bodies
    from storage.db import Store
    from storage.models import Body

    store = Store(f"sqlite:///{tempfile.mkdtemp(prefix='cg-edit-store-')}/s.db")
    store.upgrade()
    with store.write() as s:
        for p in items:
            h = bodies.text_hash(p["old_norm"])
            if s.get(Body, h) is None:
                s.add(
                    Body(
                        hash=h,
                        size=len(p["old_norm"].encode()),
                        data=bodies.compress(p["old_norm"]),
                    )
                )
    return {"store": store}


def one(name, p, roster, pre):
    from storage import bodies
    from worker.detect.changes import Text, detect_change
    from worker.detect.lang import detect_language
    from worker.detect.normalize import normalize_text
    from worker.detect.people import extract_people
    from worker.ingest.extract import extract_article

    if True:
        if name == "extract":
            extract_article(p["new_html"].encode(), p["url"])
        elif name == "normalize":
            normalize_text(p["new_text"])
        elif name == "language":
            detect_language(p["new_norm"])
        elif name == "people-new":
            extract_people(p["new_norm"], roster, language=detect_language(p["new_norm"]))
        elif name == "people-prev":
            extract_people(p["old_norm"], roster)
        elif name == "detect":
            detect_change(Text("T", p["old_norm"]), Text("T", p["new_norm"]), roster, people=pre)
        elif name == "compress":
            bodies.text_hash(p["new_norm"])
            bodies.compress(p["new_norm"])
            bodies.compress(p["new_norm"], p["old_norm"])
        elif name == "read-prev":
            with _STORE["store"].write() as s:
                bodies.read(s, bodies.text_hash(p["old_norm"]))
        elif name == "feed":
            from worker.ingest.parse import parse_feed

            parse_feed(p["feed_xml"].encode(), p["feed_url"], "application/rss+xml; charset=utf-8")


def count(name, path, n, out):
    cmd = [
        "valgrind",
        "--tool=cachegrind",
        "--cache-sim=no",
        f"--cachegrind-out-file={out}",
        sys.executable,
        __file__,
        "--child",
        name,
        str(n),
        str(path),
    ]
    subprocess.run(cmd, check=True, capture_output=True)
    return int(re.search(r"^summary: (\d+)", out.read_text(), re.M).group(1))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], Path(sys.argv[4]), int(sys.argv[3]))
        sys.exit()
    work = (
        Path(os.environ["WORK"])
        if os.environ.get("WORK")
        else Path(tempfile.mkdtemp(prefix="cg-edit-"))
    )
    d = work / "data.json"
    if not d.exists():
        data(d)
    n = len(json.loads(d.read_text()))
    print(f"{n} edited articles", flush=True)
    a = int(os.environ["BASE"]) if os.environ.get("BASE") else count("base", d, 0, work / "base.0")
    for name in sys.argv[1:] or STAGES:
        b = count(name, d, n, work / f"{name}.n")
        print(f"{name:12s} {(b - a) / n / 1e6:8.2f} M instructions an edited article", flush=True)
