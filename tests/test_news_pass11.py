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


def test_acts_carried_out_and_supported_by_someone_are_theirs_whoever_speaks() -> None:
    events = _events(
        "Lavrov warned that the strikes carried out by Ukraine and supported by Washington"
        " violate international law."
    )
    assert not [e for e in events if e[:2] in (("SUPPORT", "RUS"), ("ASSAULT", "RUS"))]
    assert ("SUPPORT", "USA", "RUS") not in {
        e[:3] for e in _events("Russia vetoed a resolution backed by the United States.")
    }


def test_strikes_launched_by_a_state_are_attacks_not_walkouts() -> None:
    events = _events("Iran condemned the strikes launched by Israel on Tehran.")
    assert ("ASSAULT", "ISR", "IRN", "asserted") in events
    assert "PROTEST" not in {e[0] for e in events}
