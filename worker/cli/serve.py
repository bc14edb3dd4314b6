"""`wirediff serve`: the read-only web interface, run by uvicorn.

Input: --config/--db (the store, the roster, [serve]), --bind, --token-env. Output: a server
that answers until SIGTERM or SIGINT (exit 0). A bind address other than loopback without a
token is refused with one line and exit 2.
"""

from __future__ import annotations

import logging
import signal
import socket

import click

from worker.cli.common import UserError, load, store_options, user_errors
from worker.config import environment
from worker.errors import ConfigError
from worker.web.bind import Bind, parse_bind

MIN_TOKEN = 16


def _bind(flag: str | None, configured: str, where: str) -> Bind:
    try:
        if flag is not None:
            return parse_bind(flag, what="--bind")
        return parse_bind(configured, what=f"{where}: [serve] bind")
    except ConfigError as err:
        raise UserError(str(err)) from err


def _token(variable: str, bind: Bind) -> str | None:
    token = environment().get(variable, "").strip() or None
    if token is None and not bind.loopback:
        raise UserError(
            f"serve: {bind.host}:{bind.port} is not a loopback address, so a token is needed: "
            f"set {variable} (the variable is named by [serve] token_env or --token-env)"
        )
    if token is not None and len(token) < MIN_TOKEN:
        raise UserError(f"serve: the token in {variable} is shorter than {MIN_TOKEN} characters")
    return token


def _listen(bind: Bind) -> socket.socket:
    """The listening socket, bound here so port 0 can be reported as the port it became."""
    family = socket.AF_INET6 if ":" in bind.host else socket.AF_INET
    try:
        af, kind, proto, _, address = socket.getaddrinfo(
            bind.host, bind.port, family, socket.SOCK_STREAM
        )[0]
        # proto must say TCP: asyncio only turns Nagle off (TCP_NODELAY) on such sockets, and
        # without that every page waits out the client's delayed ACK (~40 ms)
        sock = socket.socket(af, kind, proto or socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
    except OSError as err:
        raise UserError(
            f"serve: cannot listen on {bind.host}:{bind.port}: {err.strerror or err}"
        ) from err
    sock.listen(128)
    return sock


@click.command("serve")
@store_options
@click.option(
    "--bind",
    "bind_flag",
    metavar="HOST:PORT",
    help="Where to listen (default: [serve] bind, else 127.0.0.1:8080; port 0 picks a free one). "
    "Any address but loopback needs a token.",
)
@click.option(
    "--token-env",
    metavar="NAME",
    help="Environment variable holding the access token (default: [serve] token_env, "
    "else WIREDIFF_UI_TOKEN). The token never goes on the command line.",
)
def serve_cmd(
    config_path: str | None, db_url: str | None, bind_flag: str | None, token_env: str | None
) -> None:
    """Read-only web pages over the store, with JSON twins and Atom feeds of changes.

    Pages: changes newest first with filters (feed, kind, person, period, text), one change
    (inline and side-by-side diff, people, deliveries), one report's versions, feed health.
    Add .json to a path (or send Accept: application/json) for the --json objects;
    /changes.atom takes the same filters as the changes page.

    It can run while `fetch` or `run` writes to the same store. With a token (from the
    environment variable [serve] token_env names) every request needs it: Authorization:
    Bearer, HTTP Basic with the token as password, or the login form.
    """
    import uvicorn

    from storage.browse import read_only
    from storage.db import open_store
    from worker.service.seeds import load_roster
    from worker.web.app import create_app

    settings = load(config_path, db_url)
    where = str(settings.config_path) if settings.config_path else "settings"
    bind = _bind(bind_flag, settings.serve.bind, where)
    token = _token(token_env or settings.serve.token_env, bind)
    with user_errors():
        roster = load_roster(settings.roster_files)
        store = open_store(settings.database_url)
    read_only(store)
    sock = _listen(bind)
    port = sock.getsockname()[1]
    guard = "token required" if token else "loopback only"
    click.echo(
        f"wirediff: serving {bind.url(port)} (read-only, {guard}; store {store.display_url})",
        err=True,
    )
    verbose = logging.getLogger().getEffectiveLevel() <= logging.INFO
    config = uvicorn.Config(
        create_app(store, roster, token=token, people=settings.people),
        log_level="info" if verbose else "warning",
        access_log=verbose,
        server_header=False,
        proxy_headers=False,
        lifespan="off",
    )
    # uvicorn shuts down gracefully on SIGTERM/SIGINT, then raises the signal again for the
    # handler that was there before: with ours there, a requested stop exits 0, as `run` does.
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, _stopped)
    uvicorn.Server(config).run(sockets=[sock])


def _stopped(_sig: int, _frame: object) -> None:
    """Nothing left to do: uvicorn has finished the requests in flight."""
