"""trafilatura's settings against the text wirediff extracts now: same text on every page?

For each variant, every page is extracted with `worker.ingest.extract.extract_article` as it
is, but with the variant's keyword arguments given to trafilatura's `bare_extraction` on top
of wirediff's own; then the pages whose text or title differ from the unchanged extraction
are counted (farm pages and /work/shared/corpus pages apart) and the CPU a page took
(process time, the variants alternated `--repeat` times, the median kept: on a shared
machine it is noise within ~5%). A setting that changes the text of any page changes what
wirediff stores and reports as edits, so only variants with 0 differing pages are candidates.
The last variant is not a setting: trafilatura's pruning XPaths evaluated by libxml2, as before
issue 10's round 21 (worker/ingest/prune_paths.py evaluates them in Python as shipped).

The pages: the fetch benchmark's farm (100 x 5, seed 1, as bench/cg_stages.py) and every
HTML page under /work/shared/corpus (`.html`, `.htm`, gzipped or not).

    PYTHONPATH=.:bench python bench/extract_settings.py [--repeat 3] [--show]
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import time
from pathlib import Path
from typing import Any

CORPUS = Path("/work/shared/corpus")
LIBXML2 = "_pruning_in_libxml2"
VARIANTS: dict[str, dict[str, Any]] = {
    "as shipped": {},
    "fast (no readability, no justext)": {"fast": True},
    "include_tables=False": {"include_tables": False},
    "favor_precision=False": {"favor_precision": False},
    "include_images=True": {"include_images": True},
    "include_comments=True": {"include_comments": True},
    # not a setting: trafilatura's pruning XPaths left to libxml2, as before issue 10's round 21
    # (worker/ingest/prune_paths.py evaluates them in Python as shipped)
    "pruning XPaths in libxml2": {LIBXML2: True},
}


def pages() -> list[tuple[str, bytes, str]]:
    from bench.farm import Farm

    farm = Farm(100, 5, seed=1, hosts=10)
    out = [
        (f"farm {f}/{j}", farm.page_bytes(f, j), farm.page_url(f, j))
        for f in range(100)
        for j in range(5)
    ]
    return out + html_pages(CORPUS)


def html_pages(root: Path) -> list[tuple[str, bytes, str]]:
    """Every HTML page under `root` (gzipped ones decompressed): (path, body, an example.org
    URL of the file's name); bench/article_ir.py reads the corpus's articles through it too."""
    out = []
    for path in sorted(root.rglob("*")):
        name = path.name
        if name.endswith((".html", ".htm")):
            out.append((str(path), path.read_bytes(), f"https://example.org/{name}"))
        elif name.endswith((".html.gz", ".htm.gz")):
            body = gzip.decompress(path.read_bytes())
            out.append((str(path), body, f"https://example.org/{name[:-3]}"))
    return out


def extract_all(
    chosen: list[tuple[str, bytes, str]], extra: dict[str, Any]
) -> tuple[dict[str, tuple[str, str | None]], float]:
    """Every page's (text, title) (or the error's name) and the CPU per page in ms."""
    import worker.ingest.extract as ex
    from worker.errors import ExtractError

    module = ex._trafilatura()
    shipped = module.bare_extraction
    extra = dict(extra)
    saved = _pruning_in_libxml2() if extra.pop(LIBXML2, False) else {}

    def with_extra(*args: Any, **kwargs: Any) -> Any:
        return shipped(*args, **{**kwargs, **extra})

    module.bare_extraction = with_extra
    found: dict[str, tuple[str, str | None]] = {}
    try:
        started = time.process_time()
        for name, body, url in chosen:
            try:
                extracted = ex.extract_article(body, url)
                found[name] = (extracted.text, extracted.title)
            except ExtractError as err:
                found[name] = ("error", type(err).__name__)
        spent = time.process_time() - started
    finally:
        module.bare_extraction = shipped
        for name, members in saved.items():
            getattr(module.xpaths, name)[:] = members
    return found, spent / len(chosen) * 1e3


def _pruning_in_libxml2() -> dict[str, list[Any]]:
    """trafilatura.xpaths' lists with their XPath objects back (in place: trafilatura's
    modules hold these very lists); returns their members as they were."""
    import trafilatura.xpaths

    from worker.ingest.prune_paths import LISTS, PrunePath

    saved = {}
    for name in LISTS:
        members = getattr(trafilatura.xpaths, name, None)
        if isinstance(members, list):
            saved[name] = list(members)
            members[:] = [m.xpath if isinstance(m, PrunePath) else m for m in members]
    return saved


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--repeat", type=int, default=3, help="alternated runs of every variant")
    ap.add_argument("--show", action="store_true", help="name the pages that differ")
    args = ap.parse_args()
    chosen = pages()
    farm = sum(name.startswith("farm") for name, _, _ in chosen)
    print(f"{len(chosen)} pages: {farm} farm, {len(chosen) - farm} corpus")
    extract_all(chosen[:5], {})  # imports, the parser's set-up
    cpu: dict[str, list[float]] = {v: [] for v in VARIANTS}
    texts: dict[str, dict[str, tuple[str, str | None]]] = {}
    for _ in range(args.repeat):
        for variant, extra in VARIANTS.items():
            texts[variant], ms = extract_all(chosen, extra)
            cpu[variant].append(ms)
    base = texts["as shipped"]
    print(f"{'variant':<36} {'differ':>7} {'farm':>5} {'corpus':>7} {'ms CPU/page':>12}")
    for variant in VARIANTS:
        differ = [n for n in base if texts[variant][n] != base[n]]
        on_farm = sum(n.startswith("farm") for n in differ)
        print(
            f"{variant:<36} {len(differ):>7} {on_farm:>5} {len(differ) - on_farm:>7}"
            f" {statistics.median(cpu[variant]):>12.2f}"
        )
        if args.show:
            for name in differ:
                print(f"    {name}")


if __name__ == "__main__":
    main()
