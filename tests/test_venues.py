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
