"""The detect core's errors. The core is pure and imports nothing else of worker, so it has
its own base class; the command line reports it in one line like worker.errors.WorkerError."""

from __future__ import annotations


class DetectError(Exception):
    """Base of every error of the detect core (a bad roster entry...)."""
