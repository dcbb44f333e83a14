"""Imported once by the forkserver that local workers are forked from (session.py): the
tracker's modules and the default scorer are built there, so each worker starts with them
(copy-on-write pages), as the workers of local ingest's forked pool do."""

from tracker.cluster import tasks  # noqa: F401 - the worker's code and all it imports
from tracker.coding.score import default_scorer

default_scorer()
