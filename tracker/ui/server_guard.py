"""Server-side limits the page alone cannot give: a read-only dashboard refuses uploads.

Hiding the uploader is not enough: Streamlit accepts ``PUT /_stcore/upload_file/{session}/
{file}`` for any live session whether or not the page shows an uploader, and keeps the
bytes in memory (20 x 45 MB held 943 MB for over 5 minutes on a read-only dashboard).
Streamlit's upload handler reads ``server.maxUploadSize`` on every request and answers 413
for a file larger than it; :func:`refuse_uploads_when_read_only` sets it to 0 in read-only
mode, so every upload is refused at the server before it is kept. It runs as the script
starts (dashboard.py), so it holds from the first page view on; to close even the moments
before that, a public deployment also sets ``STREAMLIT_SERVER_MAX_UPLOAD_SIZE=0`` (see
docs/reliability.md).
"""

from __future__ import annotations

READ_ONLY_UPLOAD_MB = 0
_WHERE = "tracker read-only mode (TRACKER_READONLY)"


def refuse_uploads_when_read_only(read_only: bool) -> None:
    """In read-only mode, make the server refuse every upload (413)."""
    if not read_only:
        return
    from streamlit import config

    if config.get_option("server.maxUploadSize") != READ_ONLY_UPLOAD_MB:
        config.set_option("server.maxUploadSize", READ_ONLY_UPLOAD_MB, _WHERE)
