"""The title rule: labels and hashtags that open a headline are not part of it.

"#BREAKING — In a significant development, ..." -> "In a significant development, ...";
"UPDATE 2 - Talks resume" -> "Talks resume". The labels are package data
(tracker/data/title_labels.txt); hashtags at the start are dropped whatever they say. A
title that would be empty after the rule is kept as it was.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

_SEPARATOR = r"\s*(?:[—–\-:|•·]+|\s)\s*"
_HASHTAG = r"#[^\s#—–\-:|]+"


@cache
def _prefix() -> re.Pattern[str]:
    text = files("tracker.data").joinpath("title_labels.txt").read_text(encoding="utf-8")
    labels = [
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    ]
    words = "|".join(
        r"\s+".join(re.escape(w) for w in label.split())
        for label in sorted(labels, key=len, reverse=True)
    )
    label = rf"(?:{words})(?:\s+\d+)?\s*[—–\-:|•·]+\s*"
    return re.compile(rf"^(?:(?:{_HASHTAG}){_SEPARATOR}|(?:{label}))+", re.IGNORECASE)


def clean_title(title: str) -> str:
    """The title without leading wire labels and hashtags, whitespace collapsed."""
    collapsed = " ".join(title.split())
    cleaned = _prefix().sub("", collapsed, count=1).strip()
    return cleaned or collapsed
