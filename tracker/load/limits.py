"""Size limits of the loader, each a guard against a hostile or mistaken upload.

The loader reads them as ``limits.NAME`` at call time (not ``from tracker.load.limits import
NAME``), so a test can lower one with ``monkeypatch.setattr(limits, "NAME", value)``.
``tracker.load.reader`` re-exports them for reading.
"""

from __future__ import annotations

MB = 1024 * 1024
MAX_FILE_BYTES = 50 * MB  # one file; a month of a busy outlet's text fits in a few MB
MAX_ARTICLE_CHARS = 300_000  # one article; the longest long-read is ~100k characters
MAX_RECORDS_PER_FILE = 200_000  # records (or zip members) per file: bounds memory and time
MAX_ZIP_UNPACKED_BYTES = 200 * MB  # all members of one zip, enforced while reading
MAX_CSV_FIELD_BYTES = 2 * MB  # one CSV cell (csv counts characters; process-wide setting)
MAX_JSON_DEPTH = 50  # records are 2 levels deep; 50 leaves room for rich metadata
HTML_PARSE_TIMEOUT_S = 20.0  # one HTML page, parsed in a worker (tracker.load.html_worker)
ZIP_READ_CHUNK = 1 * MB  # members are read in chunks so a lying header cannot overshoot
