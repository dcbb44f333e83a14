"""tracker.coding.venues: mentions that are no party (non-state heads)."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.coding.actors import ActorMatcher

ON = date(2025, 11, 5)


@pytest.fixture(scope="module")
def matcher() -> ActorMatcher:
    return ActorMatcher()


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # opponents of a government are not its state
        ("The exiled Belarusian opposition leader met Nawrocki.", ["POL"]),
        ("Belarus's opposition in exile condemned the decision.", []),
        ("Belarusian exiles in Vilnius urged Washington to act.", ["USA"]),
        ("Minsk said it would arrest Polish activists.", ["BLR", "POL"]),  # their state's
        ("The Belarusian human rights group Viasna said.", []),
        # ... unless the state's own opposition "to" something is meant
        ("Russia's opposition to NATO expansion has hardened.", ["RUS"]),
    ],
)
def test_a_government_s_opponents_are_no_state(matcher, text, codes) -> None:
    assert [m.code for m in matcher.find(text, ON)] == codes


def test_the_agent_after_a_description_is_no_modifier(matcher) -> None:
    """ ", a move condemned by Lithuania and Poland": Lithuania had been dropped as if it
    modified the description's noun (", a key U.S. ally")."""
    text = "Russia deployed troops to Belarus, a move condemned by Lithuania and Poland."
    assert [m.code for m in matcher.find(text, ON)] == ["RUS", "BLR", "LTU", "POL"]
    text = "Pakistan, a key U.S. ally, has refused to deploy peacekeepers."
    assert [m.code for m in matcher.find(text, ON)] == ["PAK"]
