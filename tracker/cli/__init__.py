"""The `tracker` command: a thin layer over the library, one module per group of commands.

Each command parses its options, calls one library function and turns the project's errors
into one-line messages (exit status 1 for failures, 2 for usage errors). Importing this package
registers every command on :data:`main`.
"""

from tracker.cli import analysis, archive, gdelt, ingest, sources, store
from tracker.cli.common import main

__all__ = ["analysis", "archive", "gdelt", "ingest", "main", "sources", "store"]
