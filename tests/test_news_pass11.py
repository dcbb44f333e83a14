"""Rules from the eleventh reading of real news copy (issue 13; docs/tone_and_events.md
N274-). The sentences are written for these tests in the style of the copy that showed each
error; none is taken from an article or an evaluation set.
"""

from __future__ import annotations

import pytest
from event_helpers import sentence_events as _events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kyiv has been lobbying Washington for air defence.", ("REQUEST", "UKR", "USA")),
        (
            "Warsaw went to Washington to lobby the United States for troops.",
            ("REQUEST", "POL", "USA"),
        ),
        ("Poland will lobby Washington for more troops.", ("REQUEST", "POL", "USA")),
        (
            "Relations are held back by hawks in Congress, where a strong anti-Russian lobby"
            " persists, Lavrov said.",
            None,
        ),
    ],
)
def test_the_bare_lobby_is_a_verb_only_after_to_or_a_modal(text, expected) -> None:
    requests = {e[:3] for e in _events(text) if e[0] == "REQUEST"}
    assert requests == ({expected} if expected else set())


def test_officials_named_alone_speak_for_their_state() -> None:
    assert ("CONSULT", "USA", "RUS", "asserted") in _events(
        "Mr Ratcliffe has spoken by phone with Alexander Bortnikov several times this year."
    )
