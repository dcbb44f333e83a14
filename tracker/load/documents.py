"""One Document from text and metadata: the text, title, language and date rules.

Every format reader (text_files, html_files, records) ends here, in two steps:
``draft_document`` cleans the text and checks it is not empty nor over MAX_ARTICLE_CHARS (a
``Draft``, whose id is known); ``finish_document`` checks it is English, derives a title when
there is none, and dates it (tracker.load.dates: FIELD > HTML_META > DATELINE > FILENAME).
``make_document`` is both. Ingest finishes only the drafts whose id is not stored yet.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from tracker.coding.sentences import split_sentences
from tracker.errors import IngestError
from tracker.load import dates, limits
from tracker.load.language import language_problem
from tracker.load.titles import clean_title
from tracker.models import DateSource, Document, article_id

HEADLINE_MAX_CHARS = 200  # a longer first line is prose, not a headline
HEADLINE_MAX_WORDS = 25
TITLE_MAX_CHARS = 120  # a title derived from the first sentence is cut at a word here

# Record keys and front-matter keys (case-insensitive) -> Document fields
FIELD_ALIASES = {
    "text": ("text", "body", "content"),
    "title": ("title", "headline"),
    "date": ("published_at", "date", "published", "publication_date"),
    "url": ("url", "link"),
    "source": ("source", "outlet"),
    "speaker": ("speaker", "source_country", "speaker_country"),
}


T = TypeVar("T")


def document_or_error(origin: str, build: Callable[[], T]) -> T | IngestError:
    """build(), with an IngestError (or a ValueError, as one) returned instead of raised."""
    try:
        return build()
    except IngestError as error:
        return error
    except ValueError as error:
        return IngestError(origin, str(error))


class Draft:
    """A document read and cleaned, not yet checked: text, metadata and its identity.

    The id depends on the cleaned text only, so a caller can decide "already stored"
    before paying for the language, title and date rules (:func:`finish_document`).
    """

    __slots__ = ("_id", "fields", "html_date", "name", "origin", "text", "warnings")

    def __init__(
        self,
        origin: str,
        name: str,
        text: str,
        fields: dict[str, object],
        warnings: tuple[str, ...],
        html_date: date | None,
    ) -> None:
        self.origin, self.name, self.text = origin, name, text
        self.fields, self.warnings, self.html_date = fields, warnings, html_date
        self._id: str | None = None

    @property
    def id(self) -> str:
        if self._id is None:
            self._id = article_id(self.text)
        return self._id


def draft_document(
    origin: str,
    name: str,
    text: str,
    fields: dict[str, object],
    warnings: tuple[str, ...],
    html_date: date | None = None,
) -> Draft:
    """The cleaned text with its metadata; raises IngestError when it is empty or too long."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        raise IngestError(origin, "no text: the article is empty after extraction")
    if len(text) > limits.MAX_ARTICLE_CHARS:
        raise IngestError(
            origin,
            f"text is {len(text):,} characters, over the {limits.MAX_ARTICLE_CHARS:,} limit per "
            "article; split it",
        )
    return Draft(origin, name, text, fields, warnings, html_date)


def finish_document(draft: Draft) -> Document:
    """The Document of a draft, applying the language, title and date rules."""
    origin, text, fields, warnings = draft.origin, draft.text, draft.fields, draft.warnings
    refusal = language_problem(text)
    if refusal:
        raise IngestError(origin, refusal)
    title = fields.get("title")
    if isinstance(title, str):
        title = clean_title(title)
    if not isinstance(title, str) or not title.strip():
        title, derived = derive_title(text)
        if derived:
            warnings += ("title taken from first sentence",)
    published, source = _resolve_date(origin, draft.name, text, fields.get("date"), draft.html_date)
    url, outlet, speaker = fields.get("url"), fields.get("source"), fields.get("speaker")
    return Document(
        origin=origin,
        title=clean_title(title),
        text=text,
        published_at=published,
        date_source=source,
        url=url if isinstance(url, str) else None,
        source=outlet if isinstance(outlet, str) else None,
        lang="en",
        warnings=warnings,
        speaker=" ".join(speaker.split())[:80] or None if isinstance(speaker, str) else None,
    )


def make_document(
    origin: str,
    name: str,
    text: str,
    fields: dict[str, object],
    warnings: tuple[str, ...],
    html_date: date | None = None,
) -> Document:
    """Document from text and metadata, applying the text, language and date rules."""
    return finish_document(draft_document(origin, name, text, fields, warnings, html_date))


def _resolve_date(
    origin: str, name: str, text: str, field: object, html_date: date | None
) -> tuple[date | None, DateSource | None]:
    if field is not None and not (isinstance(field, str) and not field.strip()):
        try:
            return dates.parse_date_field(field), DateSource.FIELD
        except ValueError as error:
            raise IngestError(origin, str(error)) from None
    if html_date is not None:
        return html_date, DateSource.HTML_META
    from_name, year = dates.date_from_filename(name)
    written = dates.find_written_date(text, year)
    if written is not None:
        return written, DateSource.DATELINE
    if from_name is not None:
        return from_name, DateSource.FILENAME
    return None, None


def derive_title(text: str) -> tuple[str, bool]:
    """(title, derived_from_sentence): the first line if it looks like a headline."""
    first = next((line.strip() for line in text.split("\n", 50) if line.strip()), "")
    first = clean_title(first)
    if (
        len(first) <= HEADLINE_MAX_CHARS
        and len(first.split()) <= HEADLINE_MAX_WORDS
        and not first.endswith((".", ",", ";", ":"))
    ):
        return first, False
    sentences = split_sentences(first[: TITLE_MAX_CHARS * 4])  # "U.S." does not end one
    title = sentences[0].text if sentences else first
    if len(title) > TITLE_MAX_CHARS:
        cut = title[:TITLE_MAX_CHARS].rsplit(" ", 1)[0] or title[:TITLE_MAX_CHARS]
        title = cut.rstrip(" ,;:") + "…"
    return title, True
