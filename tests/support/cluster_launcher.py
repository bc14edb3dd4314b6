"""Test launcher: one cluster worker process (what `wirediff run` does on PostgreSQL).

In: argv CONFIG_PATH; the environment (WIREDIFF_DB, the webhook secret). Out: runs
worker.service.cluster.run_cluster until SIGTERM; logs (INFO) go to stderr.
"""

from __future__ import annotations

import logging
import os
import sys

from worker.config import load_settings
from worker.service.app import open_runtime
from worker.service.cluster import run_cluster


def main() -> None:
    logging.basicConfig(
        level=logging.INFO,
        format=f"%(asctime)s pid={os.getpid()} %(levelname)s %(name)s %(message)s",
        stream=sys.stderr,
    )
    logging.getLogger("procrastinate").setLevel(logging.WARNING)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    settings = load_settings(sys.argv[1], os.environ)
    run_cluster(open_runtime(settings, os.environ))


if __name__ == "__main__":
    main()
