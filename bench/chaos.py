"""Chaos run: a cluster of `wirediff run` workers under kill -9, flapping channels and one
PostgreSQL restart, while pages are edited; then what was made, recorded, delivered, duplicated
and lost.

    PYTHONPATH=. python bench/chaos.py                 # 10 minutes
    PYTHONPATH=. python bench/chaos.py --minutes 2     # a shorter run

Everything is real and local: a private PostgreSQL server (initdb in a temporary directory, as
the `postgres` user under root; never the shared server), a feed farm and a signed-webhook
receiver on 127.0.0.1 (tests/support/httpserver.py), an SMTP server (aiosmtpd), and N worker processes
exactly as a user runs them (`python -m worker run --config F`), each restarted one second
after it dies, the way systemd's Restart= would.

During the run:
- an editor changes one page every --edit-every seconds, appending a numbered sentence
  ("Revision 00017 ..."), and edits a page again only after its last edit was recorded, so
  every edit is expected to be recorded once (a poller cannot see an edit overwritten before
  its next poll; that would not be wirediff losing it);
- a killer sends SIGKILL to a random worker every 2-8 s (--kill-every);
- the webhook receiver flaps between accepting, 500, 429 with Retry-After and hanging past the
  channel's timeout; the SMTP server between accepting, 451 and being down, every 5-20 s;
- at half time the PostgreSQL server is stopped (fast), kept down --pg-down seconds, started.

Then chaos stops, the channels come back, and the run waits (up to --settle seconds) until every
edit is recorded and delivered through both channels. Figures: edits made; recorded (a change
event carrying the edit's sentence); delivered per channel (the change id received, signature
valid); duplicated (extra receipts of one change on one channel, allowed by at-least-once
delivery and dropped by receivers through the change id; and change rows for one edit beyond
the first, which the database's unique keys forbid); lost (made but never recorded, or
recorded but never delivered). Also: kills, unasked exits of workers (a worker exiting on its
own, e.g. started while the database was down: exit 1, restarted), and pool processes left
alive by killed workers.
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import sqlalchemy as sa  # noqa: E402
from aiosmtpd.controller import Controller  # noqa: E402

from storage.db import Store  # noqa: E402
from storage.engine import install_engine_schema  # noqa: E402
from tests.support.farm import REPORT, Farm  # noqa: E402
from tests.support.httpserver import LocalServer, Request, Response  # noqa: E402
from tests.support.pg import PrivateServer, create_database  # noqa: E402

SECRET = "chaos-hook-secret"
MARK = "Revision {:05d} of this report was published."


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


# -- channels --------------------------------------------------------------------------------


@dataclass
class Hook:
    """Signed-webhook receiver whose mode flaps: ok, 500, 429 (Retry-After) or hang."""

    mode: str = "ok"
    received: Counter[str] = field(default_factory=Counter)  # change id -> accepted receipts
    bad_signatures: int = 0
    attempts: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def __call__(self, req: Request, _h: BaseHTTPRequestHandler) -> Response:
        expected = "sha256=" + hmac.new(SECRET.encode(), req.body, hashlib.sha256).hexdigest()
        with self.lock:
            self.attempts += 1
            mode = self.mode
        if not hmac.compare_digest(expected, req.headers.get("x-wirediff-signature", "")):
            with self.lock:
                self.bad_signatures += 1
            return Response(401)
        if mode == "500":
            return Response(500, b"flapping")
        if mode == "429":
            return Response(429, b"slow down", {"Retry-After": "3"})
        if mode == "hang":
            time.sleep(7)  # past the channel's 5 s timeout: the sender gives up, nothing stored
            return Response(503)
        with self.lock:
            self.received[json.loads(req.body)["id"]] += 1
        return Response(204)


@dataclass
class MailHandler:
    """aiosmtpd handler: accepts (keeping the change id) or answers 451 when flapping."""

    refuse: bool = False
    received: Counter[str] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.refuse:
            return "451 4.3.0 flapping, try again later"
        raw = envelope.original_content or envelope.content
        msg = message_from_bytes(raw, policy=policy.default)
        with self.lock:
            self.received[str(msg["X-Wirediff-Change-Id"])] += 1
        return "250 Message accepted"


class Mail:
    def __init__(self, port: int) -> None:
        self.port = port
        self.handler = MailHandler()
        self.controller: Controller | None = None

    def up(self) -> None:
        if self.controller is None:
            self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)
            self.controller.start()

    def down(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


# -- workers ---------------------------------------------------------------------------------


class Workers:
    """N `wirediff run` processes, each restarted a second after it dies (systemd-like)."""

    def __init__(self, count: int, config: Path, logs: Path, run_id: str) -> None:
        self.config, self.logs = config, logs
        self.env = {
            **os.environ,
            "WD_CHAOS_SECRET": SECRET,
            "WIREDIFF_CHAOS_RUN": run_id,  # inherited by extraction pools: found after the run
            "PYTHONPATH": str(REPO),
        }
        self.env.pop("WIREDIFF_DB", None)
        self.procs: list[subprocess.Popen[bytes] | None] = [None] * count
        self.died_at: list[float | None] = [None] * count
        self.kills = 0
        self.exits: Counter[int] = Counter()  # exit codes of deaths not caused by our SIGKILL
        self.starts = 0
        self.lock = threading.Lock()
        for i in range(count):
            self._start(i)

    def _start(self, i: int) -> None:
        log_file = (self.logs / f"worker{i}.log").open("ab")
        self.procs[i] = subprocess.Popen(
            [sys.executable, "-m", "worker", "run", "--config", str(self.config)],
            cwd=REPO,
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=log_file,
        )
        log_file.close()
        self.starts += 1
        self.died_at[i] = None

    def kill_one(self, rng: random.Random) -> None:
        with self.lock:
            alive = [i for i, p in enumerate(self.procs) if p is not None and p.poll() is None]
            if not alive:
                return
            i = rng.choice(alive)
            proc = self.procs[i]
            assert proc is not None
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            self.kills += 1
            self.died_at[i] = time.monotonic()

    def supervise(self) -> None:
        """Restart dead workers after a second; count the deaths we did not cause."""
        with self.lock:
            now = time.monotonic()
            for i, proc in enumerate(self.procs):
                if proc is None or proc.poll() is None:
                    continue
                if proc.returncode != -signal.SIGKILL and self.died_at[i] is None:
                    self.exits[proc.returncode] += 1
                    self.died_at[i] = now
                died = self.died_at[i]
                if died is None:
                    self.died_at[i] = died = now
                if now - died >= 1.0:
                    self._start(i)

    def stop(self) -> list[int | None]:
        with self.lock:
            for p in self.procs:
                if p is not None and p.poll() is None:
                    p.send_signal(signal.SIGTERM)
            codes: list[int | None] = []
            for p in self.procs:
                if p is None:
                    continue
                try:
                    codes.append(p.wait(60))
                except subprocess.TimeoutExpired:
                    p.kill()
                    p.wait()
                    codes.append(None)
            return codes


def stray_pool_processes(run_id: str) -> list[int]:
    """Processes still alive that carry this run's marker (extraction pools of dead workers)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == os.getpid():
            continue
        try:
            environ = Path(f"/proc/{entry}/environ").read_bytes()
            state = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if f"WIREDIFF_CHAOS_RUN={run_id}".encode() in environ and state != "Z":
            found.append(int(entry))
    return found


# -- the run ---------------------------------------------------------------------------------


def write_config(
    path: Path, db_url: str, server: LocalServer, feeds: list[str], smtp_port: int
) -> None:
    lines = [
        f"[storage]\nurl = {json.dumps(db_url)}\n",
        "[fetch]\ntimeout = 10\nrevisit = []\n",
        '[daemon]\ntick = "1s"\ndeliver_every = "1s"\nrevisit_every = "1h"\nshutdown_grace = "5s"\n',
        # retries close together, so a 10-minute run can drain its outbox while it settles
        '[alerts_retry]\nfirst = "2s"\ncap = "15s"\nmax_age = "1d"\n',
    ]
    lines += [f'[[feeds]]\nurl = "{server.url(p)}"\ninterval = "3s"\n' for p in feeds]
    lines.append(
        f'[[alerts]]\ntype = "webhook"\nname = "hook"\nurl = "{server.url("/hook")}"\n'
        'secret_env = "WD_CHAOS_SECRET"\ntimeout = 5\n'
    )
    lines.append(
        '[[alerts]]\ntype = "email"\nname = "mail"\nto = ["desk@example.org"]\n'
        f'from = "wirediff@example.org"\nsmtp_host = "127.0.0.1"\nsmtp_port = {smtp_port}\n'
        'security = "none"\ntimeout = 5\n'
    )
    path.write_text("\n".join(lines))


class Ledger:
    """The edits made, and the change rows the store recorded for them.

    A page is edited again only once its last edit is recorded, so the k-th edit of a page is
    the change to that page's version k + 1; the change must also carry the edit's sentence.
    """

    def __init__(self, db_url: str, base: str) -> None:
        self.engine = sa.create_engine(db_url, pool_pre_ping=True, pool_size=1)
        self.base = base
        self.made: dict[int, str] = {}  # edit number -> page path
        self.by_page: dict[str, list[int]] = {}  # page path -> its edits, in order
        self.recorded: dict[int, list[str]] = {}  # edit number -> change ids recording it
        self.unexpected: list[str] = []  # change rows that match no edit (a duplicate version)

    def edit(self, number: int, page: str) -> None:
        self.made[number] = page
        self.by_page.setdefault(page, []).append(number)

    def pending(self, page: str) -> bool:
        edits = self.by_page.get(page, [])
        return bool(edits) and edits[-1] not in self.recorded

    def refresh(self) -> bool:
        """Re-read the changes; False while the database cannot be reached."""
        query = sa.text(
            "SELECT c.id, a.url, c.to_version, c.event FROM changes c "
            "JOIN articles a ON a.id = c.article_id"
        )
        try:
            with self.engine.connect() as conn:
                rows = conn.execute(query).all()
        except sa.exc.SQLAlchemyError:
            return False
        recorded: dict[int, list[str]] = {}
        unexpected = []
        for change_id, url, to_version, event in rows:
            edits = self.by_page.get(str(url).removeprefix(self.base), [])
            index = (to_version or 0) - 2
            text = event if isinstance(event, str) else json.dumps(event)
            if 0 <= index < len(edits) and MARK.format(edits[index]) in text:
                recorded.setdefault(edits[index], []).append(change_id)
            else:
                unexpected.append(change_id)
        self.recorded, self.unexpected = recorded, unexpected
        return True


class Chaos:
    """One run: the components, then the phases (warm up, chaos, settle), then the report."""

    def __init__(self, args: argparse.Namespace, work: Path, pg: PrivateServer) -> None:
        self.args, self.work, self.pg = args, work, pg
        self.rng = random.Random(args.seed)
        self.run_id = f"{os.getpid()}-{int(time.time())}"
        self.server = LocalServer().start()
        # a worker killed mid-request resets its connection: expected here, not worth a traceback
        self.server.httpd.handle_error = lambda request, client_address: None  # type: ignore[method-assign]
        self.mail = Mail(free_port())
        self.hook = Hook()
        self.farm = Farm(self.server)
        self.pages = [f"/f{i}/report.html" for i in range(args.feeds)]
        self.hook_flaps = self.mail_flaps = self.number = 0
        db_url = create_database(pg.url)
        store = Store(db_url)
        store.upgrade()
        store.dispose()
        install_engine_schema(db_url)
        for i, page in enumerate(self.pages):
            self.farm.add_page(page, f"Report {i}", [f"Conference {i} opened in Beijing.", *REPORT])
            self.farm.add_feed(f"/f{i}/rss.xml", [page])
        self.server.route("/hook", self.hook)
        self.mail.up()
        config = work / "wirediff.toml"
        feeds = [f"/f{i}/rss.xml" for i in range(args.feeds)]
        write_config(config, db_url, self.server, feeds, self.mail.port)
        log(f"private PostgreSQL on port {pg.port}, farm {self.server.base}, logs in {work}")
        self.ledger = Ledger(db_url, self.server.base)
        self.workers = Workers(args.workers, config, work, self.run_id)

    def close(self) -> None:
        self.workers.stop()
        self.ledger.engine.dispose()
        self.mail.down()
        self.server.stop()

    def warm_up(self) -> None:
        """Until every report has its first version (no change events for first versions)."""
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            self.workers.supervise()
            try:
                with self.ledger.engine.connect() as conn:
                    stored = conn.execute(sa.text("SELECT count(*) FROM versions")).scalar()
                if stored == len(self.pages):
                    log("every report stored once: chaos starts")
                    return
            except sa.exc.SQLAlchemyError:
                pass
            time.sleep(0.5)
        raise SystemExit("the workers did not store every report within 2 minutes")

    def chaos(self) -> None:
        args, rng = self.args, self.rng
        started = time.monotonic()
        end = started + args.minutes * 60
        restart_at = started + args.minutes * 30
        restart: threading.Thread | None = None
        next_edit = next_kill = next_hook_flap = next_mail_flap = started
        while (now := time.monotonic()) < end:
            self.workers.supervise()
            if now >= next_edit and self.ledger.refresh():
                self.edit()
                next_edit = now + args.edit_every
            if now >= next_kill:
                self.workers.kill_one(rng)
                next_kill = now + rng.uniform(*args.kill_every)
            if now >= next_hook_flap:
                self.hook.mode = rng.choice(["ok", "ok", "500", "429", "hang"])
                self.hook_flaps += 1
                next_hook_flap = now + rng.uniform(5, 20)
            if now >= next_mail_flap:
                self.flap_mail()
                next_mail_flap = now + rng.uniform(5, 20)
            if restart is None and now >= restart_at:
                # in a thread: the chaos (kills, flaps, restarts of workers) goes on meanwhile
                restart = threading.Thread(target=restart_pg, args=(self.pg, args.pg_down))
                restart.start()
            time.sleep(0.1)
        if restart is not None:
            restart.join()
        log(f"chaos over after {args.minutes:g} min: {self.number} edits; settling")

    def edit(self) -> None:
        """One page whose last edit is recorded gets a numbered sentence appended."""
        free = [p for p in self.pages if not self.ledger.pending(p)]
        if free:
            self.number += 1
            page = self.rng.choice(free)
            self.farm.pages[page].paragraphs[0] += " " + MARK.format(self.number)
            self.ledger.edit(self.number, page)

    def flap_mail(self) -> None:
        mode = self.rng.choice(["ok", "ok", "451", "down"])
        self.mail.handler.refuse = mode == "451"
        if mode == "down":
            self.mail.down()
        else:
            self.mail.up()
        self.mail_flaps += 1

    def settle(self) -> float:
        """Channels up, no kills: until every edit is recorded and delivered on both channels."""
        self.hook.mode = "ok"
        self.mail.handler.refuse = False
        self.mail.up()
        started = time.monotonic()
        while time.monotonic() - started < self.args.settle:
            self.workers.supervise()
            if self.ledger.refresh():
                ids = {c for cs in self.ledger.recorded.values() for c in cs}
                if (
                    len(self.ledger.recorded) == len(self.ledger.made)
                    and ids <= set(self.hook.received)
                    and ids <= set(self.mail.handler.received)
                ):
                    break
            time.sleep(1)
        return time.monotonic() - started


def run(args: argparse.Namespace) -> int:
    work = Path(tempfile.mkdtemp(prefix="wirediff-chaos-"))
    pg = PrivateServer().start()
    try:
        chaos = Chaos(args, work, pg)
        try:
            chaos.warm_up()
            chaos.chaos()
            settled = chaos.settle()
            time.sleep(3)  # a late duplicate would arrive now
            codes = chaos.workers.stop()
            chaos.ledger.refresh()
            time.sleep(2)
            strays = stray_pool_processes(chaos.run_id)
            report(chaos, codes, strays, settled)
            return 0 if len(chaos.ledger.recorded) == len(chaos.ledger.made) else 1
        finally:
            chaos.close()
    finally:
        pg.close()


def report(chaos: Chaos, codes: list[int | None], strays: list[int], settled: float) -> None:
    args, ledger, hook, mail, workers = (
        chaos.args,
        chaos.ledger,
        chaos.hook,
        chaos.mail,
        chaos.workers,
    )
    hook_flaps, mail_flaps = chaos.hook_flaps, chaos.mail_flaps
    made = len(ledger.made)
    recorded = len(ledger.recorded)
    change_ids = {c for cs in ledger.recorded.values() for c in cs}
    extra_changes = sum(len(cs) - 1 for cs in ledger.recorded.values()) + len(ledger.unexpected)
    hook_got = {c for c in change_ids if hook.received[c]}
    mail_got = {c for c in change_ids if mail.handler.received[c]}
    hook_dupes = sum(n - 1 for c, n in hook.received.items() if n > 1)
    mail_dupes = sum(n - 1 for c, n in mail.handler.received.items() if n > 1)
    print()
    print(
        f"chaos run: {args.minutes:g} min, {args.workers} workers, {args.feeds} feeds, seed "
        f"{args.seed}; {workers.kills} SIGKILLs, 1 PostgreSQL restart ({args.pg_down:g} s down), "
        f"webhook modes changed {hook_flaps} times, SMTP {mail_flaps} times; settled in "
        f"{settled:.0f} s"
    )
    rows = [
        ("edits made", made, ""),
        ("recorded", recorded, f"change rows carrying an edit: {len(change_ids)}"),
        (
            "delivered (webhook)",
            len(hook_got),
            f"{hook.attempts} POSTs, bad signatures {hook.bad_signatures}",
        ),
        ("delivered (email)", len(mail_got), ""),
        (
            "duplicated",
            extra_changes + hook_dupes + mail_dupes,
            f"change rows {extra_changes}, webhook receipts {hook_dupes}, emails {mail_dupes}",
        ),
        (
            "lost",
            (made - recorded) + len(change_ids - hook_got) + len(change_ids - mail_got),
            f"not recorded {made - recorded}, not delivered: webhook "
            f"{len(change_ids - hook_got)}, email {len(change_ids - mail_got)}",
        ),
    ]
    for name, value, note in rows:
        print(f"  {name:<20} {value:>6}   {note}")
    unasked = sum(workers.exits.values())
    print(
        f"  workers started {workers.starts}; exits not caused by SIGKILL: {unasked} "
        f"{dict(workers.exits) or ''}; exit codes at SIGTERM: {codes}; "
        f"pool processes left alive: {len(strays)}"
    )


def restart_pg(pg: PrivateServer, down: float) -> None:
    log(f"PostgreSQL: stop (fast), {down:g} s down, start")
    pg.restart(down_for=down)
    log("PostgreSQL: up again")


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--minutes", type=float, default=10.0, help="length of the chaos (default 10)")
    ap.add_argument("--workers", type=int, default=3)
    ap.add_argument("--feeds", type=int, default=20)
    ap.add_argument("--edit-every", type=float, default=1.5, help="seconds between two edits")
    ap.add_argument(
        "--kill-every", type=float, nargs=2, default=(2.0, 8.0), metavar=("MIN", "MAX"),
        help="seconds between two SIGKILLs, drawn between MIN and MAX",
    )  # fmt: skip
    ap.add_argument("--pg-down", type=float, default=5.0, help="seconds PostgreSQL stays down")
    ap.add_argument("--settle", type=float, default=240.0, help="most seconds to wait at the end")
    ap.add_argument("--seed", type=int, default=17)
    sys.exit(run(ap.parse_args()))


if __name__ == "__main__":
    main()
