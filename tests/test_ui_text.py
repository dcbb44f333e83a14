"""The dashboard's pure text functions: markdown and HTML in article text neutralised
(tracker/ui/safe_text.py, drilldown.py), a shared link's state parsed and checked (ui/state.py)."""

from __future__ import annotations

import pytest

from tracker.ui.drilldown import highlight_sentence
from tracker.ui.safe_text import safe_inline
from tracker.ui.state import parse_view


def test_safe_inline_neutralises_html_and_markdown():
    out = safe_inline("<script>x</script> **b** [l](javascript:a) :red[c] $x$")
    assert "<" not in out and "*" not in out and "[" not in out and "$" not in out
    assert "&#60;script&#62;" in out


def test_highlight_marks_actors_and_events_with_escaped_text():
    text = "Trump <praised> Lukashenko"
    marked = highlight_sentence(text, [[0, 5, "USA", "leader", "Trump"]], [(6, 15, "SUPPORT")])
    assert marked.count("<mark") == 2
    assert "<praised>" not in marked and "&#60;praised&#62;" in marked


@pytest.mark.parametrize(
    ("params", "pairs", "warned"),
    [
        ({"pairs": "usa-blr"}, (("BLR", "USA"),), False),
        ({"pairs": "USA-USA"}, (), True),
        ({"pairs": "A" * 1000}, (), False),
        ({"from": "2021-02-30"}, (), True),
        ({"freq": "Y"}, (), True),
    ],
)
def test_parse_view(params, pairs, warned):
    view = parse_view(params, [("BLR", "USA")])
    assert view.pairs == pairs
    assert bool(view.warnings) == warned
