"""At a terminal: Ctrl-C during a pass, one line per feed error, logs above the progress bar."""

from __future__ import annotations

import os
import re
import signal
import time

import sqlalchemy as sa

from storage.db import open_store
from storage.models import Version
from tests.support.farm import REPORT, Farm
from tests.support.terminal import Terminal


def _env(tmp_path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WIREDIFF_")}
    return {**env, "WIREDIFF_HOME": str(tmp_path / "home"), "TERM": "xterm", "COLUMNS": "120"}


def _config(tmp_path, urls: list[str], extra: str = "") -> str:
    path = tmp_path / "w.toml"
    path.write_text(
        f'[storage]\nurl = "sqlite:///{tmp_path / "w.db"}"\n{extra}'
        + "".join(f'[[feeds]]\nurl = "{u}"\ninterval = "1m"\n' for u in urls)
    )
    return str(path)


def test_ctrl_c_during_fetch_says_what_was_done_and_exits_130(tmp_path, server):
    farm = Farm(server)
    feeds = []
    for f in range(20):
        paths = [f"/f{f}/{p}.html" for p in range(2)]
        for path in paths:
            farm.add_page(path, f"Report {path}", [f"Story {path}.", *REPORT[:2]])
            server.route(path, _slowly(farm._serve_page, 0.4))
        feeds.append(farm.add_feed(f"/f{f}.xml", paths))
    config = _config(tmp_path, feeds, "[fetch]\nconcurrency = 2\nper_host = 2\n")
    term = Terminal(["fetch", "--config", config], _env(tmp_path))
    assert term.read_until(lambda text: re.search(r"\b[1-9]\d*/20\b", text) is not None)
    term.press(b"\x03")  # Ctrl-C: the terminal sends SIGINT to the whole process group
    assert term.wait() == 130, term.text
    said = re.search(
        r"wirediff: interrupted after (\d+)/20 feeds; (\d+) new versions? stored", term.text
    )
    assert said, term.text
    assert "Aborted!" not in term.text and "Traceback" not in term.text
    store = open_store(f"sqlite:///{tmp_path / 'w.db'}", create=False)
    with store.read() as session:
        stored = session.scalar(sa.select(sa.func.count()).select_from(Version))
    assert stored == int(said[2]) > 0  # what was stored before Ctrl-C stays stored
    assert int(said[1]) < 20


def test_each_feed_error_is_one_line_and_logs_print_above_the_progress_bar(tmp_path, server):
    farm = Farm(server)
    good = []
    for f in range(8):
        path = f"/f{f}/0.html"
        farm.add_page(path, f"Report {f}", [f"Story {f}.", *REPORT[:2]])
        server.route(path, _slowly(farm._serve_page, 0.2))
        good.append(farm.add_feed(f"/f{f}.xml", [path]))
    for f in range(4):  # their pages answer 404: "using feed text" is logged at -v mid-pass
        farm.pages[f"/f{f}/0.html"].status = 404
    broken = [server.static(f"/broken{i}.xml", b"oops", 500) for i in range(3)]
    config = _config(tmp_path, [*good[:4], *broken, *good[4:]])
    term = Terminal(["fetch", "-v", "--config", config], _env(tmp_path))
    assert term.wait() == 0, term.text
    for url in broken:
        said = [s for s in term.segments() if url in s and not s.startswith(("INFO", "DEBUG"))]
        assert len(said) == 1 and said[0].startswith(f"error {url}: HTTP 500"), said
    logs = [
        s for s in term.segments() if s.startswith("INFO worker.pipeline.refresh using feed text")
    ]
    assert len(logs) == 4, term.text  # -v after the command's name works
    torn = [s for s in term.segments() if "fetching" in s and "INFO" in s]
    assert torn == [], torn


def _slowly(handler, delay: float):
    def serve(req, h):
        time.sleep(delay)
        return handler(req, h)

    return serve


def _children(pid: int) -> list[tuple[int, str]]:
    """The processes whose parent is `pid`, with their command lines."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                cmdline = f.read().replace(b"\0", b" ").decode(errors="replace")
        except (OSError, ValueError, IndexError):
            continue
        if ppid == pid:
            found.append((int(entry), cmdline))
    return found


def _forkserver(pid: int) -> int | None:
    return next((child for child, cmd in _children(pid) if "forkserver" in cmd), None)


def _python_catches_sigint(pid: int | None) -> bool:
    """Whether process `pid` has a handler for SIGINT (Python's, once it has started)."""
    if pid is None:
        return False
    try:
        with open(f"/proc/{pid}/status") as f:
            caught = next(line for line in f if line.startswith("SigCgt:"))
    except (OSError, StopIteration):
        return False
    return bool(int(caught.split()[1], 16) & (1 << (signal.SIGINT - 1)))


def test_ctrl_c_while_the_extraction_pool_starts_prints_no_traceback(tmp_path, server):
    """Ctrl-C reaches the whole process group, the extraction pool's forkserver too: pressed
    while that process was still importing the extractor, it printed a KeyboardInterrupt
    traceback from the forkserver and the resource tracker's warning about leaked semaphores
    under the one-line summary."""
    farm = Farm(server)
    feeds = []
    for f in range(25):  # more than POOL_EXPECT / NEW_FEED_PAGES feeds
        paths = [f"/f{f}/{p}.html" for p in range(3)]
        for path in paths:
            farm.add_page(path, f"Report {path}", [f"Story {path}.", *REPORT[:2]])
        feeds.append(farm.add_feed(f"/f{f}.xml", paths))
    # A first pass over many pages starts its pool before the first request
    config = _config(tmp_path, feeds, "[fetch]\nextract_workers = 1\n")
    term = Terminal(["fetch", "--config", config], _env(tmp_path))
    end = time.monotonic() + 30
    while time.monotonic() < end and not _python_catches_sigint(_forkserver(term.pid)):
        time.sleep(0.002)
    # Python has started in the forkserver and imports the extractor (~0.5 s)
    assert _python_catches_sigint(_forkserver(term.pid)), "no extraction pool started"
    term.press(b"\x03")
    assert term.wait() == 130, term.text
    assert "wirediff: interrupted after" in term.text
    assert "Traceback" not in term.text and "KeyboardInterrupt" not in term.text, term.text
    assert "leaked" not in term.text, term.text
