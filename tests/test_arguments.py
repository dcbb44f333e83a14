"""Noun arguments of tracker.coding.arguments: "at the invitation/request of X" names the one
who invited or asked; a non-veridical "any" keeps an act from being asserted."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.coding.score import score_article
from tracker.evaluate.pipeline import sentence_article
from tracker.models import Mode


def _events(text: str, on: date = date(2025, 10, 25)) -> list[tuple[str, str, str, Mode]]:
    scored = score_article(sentence_article("t", text, on))
    return [(e.category, e.source, e.target, e.mode) for e in scored.events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The U.S. sent observers to the drills at the invitation of Belarus.",
         ("REQUEST", "BLR", "USA")),
        ("Russia freed 23 prisoners at the request of America.", ("REQUEST", "USA", "RUS")),
    ],
)  # fmt: skip
def test_at_the_invitation_of_x_is_xs_request(text, expected) -> None:
    requests = [e[:3] for e in _events(text) if e[0] == "REQUEST"]
    assert requests == [expected]


def test_the_invasion_of_x_keeps_x_as_target() -> None:
    events = _events("Biden condemned Russia's invasion of Ukraine.", date(2022, 3, 1))
    assert ("ASSAULT", "RUS", "UKR", Mode.ASSERTED) in events


def test_any_act_is_not_asserted() -> None:
    events = _events(
        "Medvedev warned that Russia could deploy nuclear weapons in response to any U.S."
        " move to send Tomahawk missiles to Ukraine."
    )
    sends = [e for e in events if e[1] == "USA" and e[2] == "UKR"]
    assert sends and all(e[3] is Mode.HYPOTHETICAL for e in sends), events


def test_a_purpose_shares_a_hypothetical_or_negated_meeting() -> None:
    """ "did not meet Blinken in Vienna to discuss": no discussion took place either."""
    events = _events(
        "Lavrov did not meet Blinken in Vienna to discuss the border dispute.", date(2022, 1, 10)
    )
    consults = [e for e in events if e[0] == "CONSULT"]
    assert consults and all(e[3] is Mode.NEGATED for e in consults), events


def test_a_promised_act_is_the_promise() -> None:
    """ "pledged $5 billion in aid": one AGREE (an intent, CAMEO 033), no asserted aid."""
    events = _events("Japan pledged 5 billion dollars in aid to Ukraine.")
    assert [e[:3] for e in events] == [("AGREE", "JPN", "UKR")], events
