"""The whole feed corpus through `wirediff fetch`, as a user would run it, on a fresh store.

    python bench/corpus_run.py [--corpus /work/shared/corpus/feeds] [--follow on|off|both]
                               [--passes 2] [--isolate] [--keep DIR]

Every feed file of the corpus (about 380: RSS, Atom, RDF, JSON Feed, ill-formed ones, odd
encodings) is served from one local HTTP server, listed in a config, and fetched by the real
command (`python -m worker fetch --config ... --json`) in a fresh WIREDIFF_HOME, once per
--passes, with links followed (--follow on: article pages are fetched; the corpus links to real
sites) and not (off). Prints per pass: wall time, feeds ok / not modified / error / deferred,
errors by reason, entries that took the feed's own text and why, and how many feeds or pages
were reported timed out.

--isolate runs it all in a network namespace of its own (`unshare -nm`, loopback only) whose
resolver is a local DNS server that never answers: the corpus's article links then hang in
their DNS lookup as sites that cannot be reached do, and no packet leaves the machine. Without
--isolate, following links makes real DNS lookups and connections: do not use it where only
loopback traffic is allowed.

--keep DIR copies each store (follow-on.db, follow-off.db) and the corpus's base URL (base.txt)
into DIR for comparing two trees' stores (bench/corpus_texts.py).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FEED_SUFFIXES = {".xml", ".rss", ".atom", ".rdf", ".json", ".html", ".txt"}
TYPES = {".json": "application/json", ".html": "text/html", ".txt": "text/plain"}


def corpus_feeds(corpus: Path) -> list[Path]:
    """Every feed file: not the PROVENANCE/README notes, not rss-parser's expected outputs."""
    return sorted(
        p
        for p in corpus.rglob("*")
        if p.is_file()
        and p.suffix.lower() in FEED_SUFFIXES
        and "output" not in p.relative_to(corpus).parts
    )


class _Handler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def guess_type(self, path: str | os.PathLike[str]) -> str:
        return TYPES.get(Path(path).suffix.lower(), "application/xml")


def serve(corpus: Path) -> tuple[ThreadingHTTPServer, str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Handler, directory=str(corpus)))
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


def dns_that_never_answers() -> None:
    """A resolver on 127.0.0.1:53 that reads every query and answers none."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 53))

    def swallow() -> None:
        while True:
            sock.recvfrom(4096)

    threading.Thread(target=swallow, daemon=True).start()


def isolate_here(work: Path) -> None:
    """Inside `unshare -nm`: loopback up, /etc/resolv.conf pointing at the silent resolver."""
    subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
    resolv = work / "resolv.conf"
    resolv.write_text("nameserver 127.0.0.1\n")
    subprocess.run(["mount", "--bind", str(resolv), "/etc/resolv.conf"], check=True)
    dns_that_never_answers()


def reason(message: str, url: str) -> str:
    """An error or warning in a few words: the URL and the specifics taken out."""
    text = message.removeprefix(f"{url}: ")
    text = re.sub(r"https?://\S+", "URL", text)
    text = re.sub(r"'[^']*'|\"[^\"]*\"", "'...'", text)
    text = re.sub(r"\(at line \d+, column \d+\)|line \d+, column \d+(?:: )?", "", text)
    text = re.sub(r"\d+", "N", text)
    return " ".join(text.split())[:90]


def one_pass(config: Path, env: dict[str, str]) -> tuple[float, list[dict[str, object]], str]:
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "worker", "fetch", "--config", str(config), "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=3600,
    )
    seconds = time.monotonic() - started
    objects = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    return seconds, objects, done.stderr


def versions_by_source(db: Path) -> dict[str, int]:
    """Versions stored so far, by where their text came from (page or the feed's own text)."""
    with sqlite3.connect(db) as conn:
        return dict(conn.execute("SELECT source, count(*) FROM versions GROUP BY source"))


def report(label: str, seconds: float, objects: list[dict[str, object]], stderr: str) -> None:
    feeds = [o for o in objects if o["type"] == "feed"]
    summary = next((o for o in objects if o["type"] == "summary"), {})
    status = Counter(str(o["status"]) for o in feeds)
    errors = Counter(reason(str(o["error"]), str(o["url"])) for o in feeds if o["error"])
    warnings = Counter(reason(str(o["warning"]), str(o["url"])) for o in feeds if o.get("warning"))
    fell_back: Counter[str] = Counter()
    for o in feeds:
        fell_back.update(o.get("fell_back_reasons") or {})  # type: ignore[arg-type]
    timed_out = sum(
        "timed out" in str(o["error"]) or "no complete answer" in str(o["error"]) for o in feeds
    )
    pages_timed_out = fell_back.get("timed out", 0)
    print(f"\n## {label}: {seconds:.1f} s wall, {len(feeds)} feeds")
    print(
        f"ok {status['ok']}, not modified {status['not_modified']}, error {status['error']}, "
        f"deferred {status['deferred']}; new versions {summary.get('new_versions')}, "
        f"changes {summary.get('changes')}; reported timed out: {timed_out} feeds, "
        f"{pages_timed_out} pages"
    )
    print(
        f"entries that took the feed's own text: {sum(fell_back.values())} "
        + (f"({', '.join(f'{k} {v}' for k, v in fell_back.most_common())})" if fell_back else "")
    )
    if errors:
        print("errors by reason:")
        for text, n in errors.most_common():
            print(f"  {n:4}  {text}")
    if warnings:
        print("warnings (feeds still ok) by reason:")
        for text, n in warnings.most_common(12):
            print(f"  {n:4}  {text}")
    tracebacks = stderr.count("Traceback")
    if tracebacks:
        print(f"TRACEBACKS on stderr: {tracebacks}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=Path("/work/shared/corpus/feeds"))
    parser.add_argument("--follow", choices=["on", "off", "both"], default="both")
    parser.add_argument("--passes", type=int, default=2)
    parser.add_argument("--isolate", action="store_true")
    parser.add_argument("--isolated", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--keep", type=Path, help="copy the stores into this directory")
    args = parser.parse_args()
    if args.isolate and not args.isolated:
        argv = [a for a in sys.argv[1:] if a != "--isolate"]
        os.execvp("unshare", ["unshare", "-nm", sys.executable, __file__, "--isolated", *argv])
    work = Path(tempfile.mkdtemp(prefix="wirediff-corpus-"))
    try:
        if args.isolated:
            isolate_here(work)
        files = corpus_feeds(args.corpus)
        httpd, base = serve(args.corpus)
        urls = [f"{base}/{p.relative_to(args.corpus).as_posix()}" for p in files]
        modes = ["on", "off"] if args.follow == "both" else [args.follow]
        print(f"{len(files)} feed files served from {base}; network isolated: {args.isolated}")
        for follow in modes:
            home = work / f"follow-{follow}"
            home.mkdir()
            config = home / "wirediff.toml"
            config.write_text(
                f'[storage]\nurl = "sqlite:///{home / "wirediff.db"}"\n'
                + "".join(
                    f'[[feeds]]\nurl = "{u}"\ninterval = "1h"\n'
                    f"follow_links = {'true' if follow == 'on' else 'false'}\n"
                    for u in urls
                )
            )
            env = {k: v for k, v in os.environ.items() if not k.startswith("WIREDIFF_")}
            env |= {"WIREDIFF_HOME": str(home), "PYTHONPATH": str(ROOT)}
            for n in range(1, args.passes + 1):
                seconds, objects, stderr = one_pass(config, env)
                report(f"links {follow}, pass {n}", seconds, objects, stderr)
                print(
                    f"versions in the store by source: {versions_by_source(home / 'wirediff.db')}"
                )
            if args.keep:
                args.keep.mkdir(parents=True, exist_ok=True)
                with (  # the backup API: a copy of the file alone would miss the WAL's pages
                    sqlite3.connect(home / "wirediff.db") as source,
                    sqlite3.connect(args.keep / f"follow-{follow}.db") as copy,
                ):
                    source.backup(copy)
                (args.keep / "base.txt").write_text(base)
        httpd.shutdown()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
