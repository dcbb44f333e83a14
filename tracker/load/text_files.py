"""Plain text and Markdown files: front matter, headings, body.

Optional front matter (a ``---`` block, or plain leading ``key: value`` lines for
date/title/source/url); line structure and blank lines are kept so tracker.coding.sentences sees
headings; Markdown ``#`` markers and rules are dropped.
"""

from __future__ import annotations

import re

from tracker.load.documents import FIELD_ALIASES, Draft, draft_document

FRONT_MATTER_MAX_CHARS = 8000  # front matter is a few lines at the very top
FRONT_LINE_MAX_CHARS = 2000  # a longer line is prose, not a key: value pair
_FRONT_KEYS = {alias: field for field, names in FIELD_ALIASES.items() for alias in names}
_FRONT_LINE = re.compile(r"[ \t]*([A-Za-z_][\w -]{0,30}?)[ \t]*:(.*)")
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*)$", re.MULTILINE)
_MD_RULE = re.compile(r"^[ \t]*(?:=+|-{3,})[ \t]*$\n?", re.MULTILINE)


def text_draft(name: str, text: str, markdown: bool, warnings: tuple[str, ...]) -> Draft:
    """The Draft of a .txt (or, with ``markdown``, .md) file."""
    meta, body = split_front_matter(text)
    if markdown:
        body = _MD_RULE.sub("", _MD_HEADING.sub(_heading_text, body))
    return draft_document(name, name, body, meta, warnings)


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """({field: value}, body) from a ``---`` block or leading ``key: value`` lines.

    A careful line parser, not YAML: values stay strings (YAML would turn ``2025-08-15`` into
    a date and ``no`` into False), anchors/aliases cannot blow up, and it costs microseconds.
    Unknown keys inside a ``---`` block are ignored; plain leading lines end at the first
    line that is not a known key.
    """
    text = text.lstrip("\ufeff")
    head = text[:FRONT_MATTER_MAX_CHARS]
    meta: dict[str, str] = {}
    if head.startswith("---"):
        lines = head.split("\n")
        if lines[0].strip() == "---":
            for i, line in enumerate(lines[1:], start=1):
                if line.strip() in ("---", "..."):
                    for entry in lines[1:i]:
                        _front_line(entry, meta)
                    consumed = sum(len(x) + 1 for x in lines[: i + 1])
                    return meta, text[consumed:]
        return meta, text
    pos = 0
    while pos < len(head):
        end = head.find("\n", pos)
        end = len(text) if end == -1 else end
        line = text[pos:end]
        if not line.strip():
            if meta:
                pos = end + 1
            break
        if not _front_line(line, meta, known_only=True):
            break
        pos = end + 1
    return meta, text[pos:] if meta else text


def _heading_text(match: re.Match[str]) -> str:
    """'## Background ##' -> 'Background' (string ops: a regex here could backtrack)."""
    heading = match.group(1).rstrip()
    closed = heading.rstrip("#")
    if closed != heading and (not closed or closed[-1] in " \t"):
        heading = closed.rstrip()
    return heading


def _front_line(line: str, meta: dict[str, str], known_only: bool = False) -> bool:
    if len(line) > FRONT_LINE_MAX_CHARS:
        return False
    match = _FRONT_LINE.fullmatch(line.rstrip("\r"))
    if not match:
        return False
    field = _FRONT_KEYS.get(match.group(1).strip().lower())
    if field is None or field == "text":
        return not known_only
    meta[field] = match.group(2).strip().strip("\"'").strip()
    return True
