"""Article text made safe to show and to export: pure functions, no I/O.

Text from articles is untrusted. Two attacks need more than HTML escaping:

- **Bidirectional controls** (U+202E RIGHT-TO-LEFT OVERRIDE and its kin): a title
  ``"Belarus praises \\u202eASU"`` shows as "Belarus praises USA" reversed, so what a reader
  sees is not what is stored. Escaping does not help: ``&#8238;`` is still an override once
  the browser parses it. :func:`display_text` removes every Unicode ``Bidi_Control``
  character (the article is English-only, so none is needed to read it).
- **Formula injection**: a CSV cell starting with ``= + - @``, a tab or a carriage return is
  run as a formula by spreadsheet programs (``=HYPERLINK(...)``, ``@SUM(...)``).
  :func:`csv_cell` prefixes such a text cell with ``'`` (OWASP's advice), which the
  spreadsheet shows as text; numbers stay numbers.
"""

from __future__ import annotations

import html
import re

import pandas as pd

# Unicode's Bidi_Control property: ALM, LRM, RLM, LRE..RLO (embeddings and overrides), and
# LRI..PDI (isolates).
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def display_text(value: object) -> str:
    """``value`` as text to show: "" for None/NaN, bidirectional controls removed."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    text = str(value)
    return _BIDI.sub("", text) if _BIDI.search(text) else text


def escape_display(value: object) -> str:
    """:func:`display_text`, HTML-escaped (quotes too): for text placed in a page."""
    return html.escape(display_text(value), quote=True)


def csv_cell(value: object) -> object:
    """A value as it may go into a CSV: text without bidi controls and never a formula."""
    if not isinstance(value, str):
        return value
    text = display_text(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def display_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with :func:`display_text` applied to its text cells."""
    return _map_text_cells(frame, display_text)


def csv_safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells went through :func:`csv_cell`."""
    return _map_text_cells(frame, csv_cell)


def _map_text_cells(frame: pd.DataFrame, func) -> pd.DataFrame:
    out = frame.copy()
    out.attrs = {}
    for column in out.columns:
        series = out[column]
        if series.dtype == object or pd.api.types.is_string_dtype(series.dtype):
            out[column] = series.map(lambda v: func(v) if isinstance(v, str) else v)
    return out
