"""A fetched page's bytes -> a ``Pending`` document for ingest, through the loader.

The same path as an uploaded ``.html`` file (tracker.load: size limit, encoding detection,
trafilatura main text and htmldate metadata, then the text, language, title and date rules
of ``Pending.article()``), so a page from a feed is judged exactly as an upload would be:

- the page URL is its origin (what reports name) and its stored ``url``;
- the feed entry's date is the *caller's date*: it is used only when the page itself gives
  none (HTML metadata, a dateline, a date in the URL's file name come first);
- the feed's title is the outlet when the page names none.

No markup survives extraction (scripts, styles and frames are dropped; article text is
never rendered as HTML anywhere).
"""

from __future__ import annotations

from datetime import date

from tracker.errors import IngestError
from tracker.load.documents import document_or_error
from tracker.load.encoding import UndecodableError, decode_bytes
from tracker.load.html_files import html_draft
from tracker.load.reader import Pending, file_size_problem


def page_item(
    url: str, body: bytes, *, entry_date: date | None = None, outlet: str | None = None
) -> Pending | IngestError:
    """The page as a Pending document (id known, rules not run yet), or why it cannot be."""
    if too_big := file_size_problem(len(body)):
        return IngestError(url, too_big)
    if not body.strip():
        return IngestError(url, "page is empty")
    try:
        decoded = decode_bytes(body)
    except UndecodableError as error:
        return IngestError(url, str(error))
    draft = document_or_error(url, lambda: html_draft(url, decoded.text, decoded.warnings))
    if isinstance(draft, IngestError):
        return draft
    draft.fields["url"] = url  # the address fetched, not a canonical link the page claims
    if outlet and not draft.fields.get("source"):
        draft.fields["source"] = outlet
    return Pending(draft, entry_date, url)
