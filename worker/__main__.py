"""`python -m worker` is the same as the `wirediff` command."""

from worker.cli import main

main()
