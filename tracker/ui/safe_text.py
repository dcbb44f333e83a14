"""Article text as inert HTML for st.markdown: neither HTML nor Markdown can act on it."""

from __future__ import annotations

import re

import pandas as pd

from tracker.present.safe_text import display_text


def safe_inline(text: object) -> str:
    """Text as inert HTML: every character that is not a letter, digit or space becomes a
    numeric character reference, so neither HTML nor Markdown (nor Streamlit's :colour[]
    and $math$) can act on it. Line breaks become spaces."""
    if text is None or (isinstance(text, float) and pd.isna(text)):
        return ""
    out = []
    for ch in re.sub(r"\s+", " ", display_text(text)):  # no bidi controls (issue 16 #11)
        out.append(ch if ch.isalnum() or ch == " " else f"&#{ord(ch)};")
    return "".join(out)
