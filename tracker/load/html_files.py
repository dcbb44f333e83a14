"""HTML files: trafilatura (main text, title, site) and htmldate through it.

Dates come from the markup only (no guessing from the text: text dates are the DATELINE
rule of tracker.load.dates). Paragraphs are joined by blank lines; no markup or script survives.
When trafilatura finds no main text, lxml's visible text (scripts, styles, frames removed)
is used, with a warning.
"""

from __future__ import annotations

from datetime import date

from tracker.load import dates, limits
from tracker.load.documents import Draft, draft_document

_TRAFILATURA_CONFIG = None


def html_draft(name: str, html: str, warnings: tuple[str, ...]) -> Draft:
    """The Draft of an .html/.htm file."""
    import trafilatura  # imported late: ~0.5 s, only HTML needs it

    global _TRAFILATURA_CONFIG
    if _TRAFILATURA_CONFIG is None:
        from trafilatura.settings import use_config

        config = use_config()
        config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # no signal handlers in workers
        config.set("DEFAULT", "MAX_FILE_SIZE", str(limits.MAX_FILE_BYTES))
        _TRAFILATURA_CONFIG = config
    meta: dict[str, str] = {}
    html_date: date | None = None
    text = ""
    try:
        result = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            config=_TRAFILATURA_CONFIG,
            date_extraction_params={
                "extensive_search": False,  # markup only: text dates are ours (DATELINE)
                "original_date": True,
                "min_date": dates.EARLIEST_DATE.isoformat(),
                "max_date": dates.latest_date().isoformat(),
            },
        )
    except Exception:  # trafilatura/lxml on hostile markup: fall back to visible text
        result = None
    if result is not None:
        lines = (line.strip() for line in (result.text or "").split("\n"))
        text = "\n\n".join(line for line in lines if line)
        for field in ("title", "url"):
            value = getattr(result, field, None)
            if isinstance(value, str) and value.strip():
                meta[field] = value.strip()
        if isinstance(result.sitename, str) and result.sitename.strip():
            meta["source"] = result.sitename.strip()
        if isinstance(result.date, str):
            try:
                found = date.fromisoformat(result.date[:10])
            except ValueError:
                found = None
            if found is not None and dates.range_problem(found) is None:
                html_date = found
    if not text.strip():
        text = _visible_text(html)
        if text.strip():
            warnings += ("no main article text found in the HTML; used all visible text",)
    return draft_document(name, name, text, meta, warnings, html_date=html_date)


_INVISIBLE = "//script|//style|//noscript|//template|//iframe|//frame|//object|//embed|//svg"
_INVISIBLE_TAGS = frozenset(_INVISIBLE.replace("//", "").split("|"))
# fmt: off
_BLOCKS = frozenset((
    "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
    "header", "footer", "blockquote", "pre",
))
# fmt: on


def _visible_text(html: str) -> str:
    """Visible text of markup trafilatura found no article in, one block per paragraph."""
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
        if not isinstance(root.tag, str) or root.tag.lower() in _INVISIBLE_TAGS:
            return ""
        for node in root.xpath(_INVISIBLE):
            node.drop_tree()
        for node in root.iter():
            if isinstance(node.tag, str) and node.tag.lower() in _BLOCKS:
                node.tail = "\n\n" + (node.tail or "")
        raw = root.text_content()
    except Exception:  # empty or unparseable markup: no text
        return ""
    return "\n\n".join(" ".join(p.split()) for p in raw.split("\n\n") if p.strip())
