"""tracker.coding.modes: the scope of a cue, read on whole sentences."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.coding.score import score_article
from tracker.evaluate.pipeline import sentence_article


def _events(text: str) -> set[tuple[str, str | None, str | None, str]]:
    scored = score_article(sentence_article("t", text, date(2025, 11, 5)))
    return {(e.category, e.source, e.target, e.mode.value) for e in scored.events}


def test_a_denial_does_not_frame_the_verb_after_and() -> None:
    """ "denied sending the balloons and accused Vilnius": the accusation was made (it had
    been negated, the content of the denial)."""
    events = _events("Belarus denied sending the balloons and accused Vilnius of staging it.")
    assert ("ACCUSE", "BLR", "LTU", "asserted") in events, events


@pytest.mark.parametrize(
    "text",
    [
        "Russia has not imposed sanctions and frozen assets of Belarus.",
        "Russia did not impose sanctions on Belarus and freeze its assets.",
    ],
)
def test_a_negation_before_both_verbs_frames_both(text) -> None:
    assert all(e[3] == "negated" for e in _events(text))


@pytest.mark.parametrize(
    "text",
    [
        "The Kremlin said a meeting between Putin and Trump in Budapest was postponed"
        " indefinitely.",
        "The talks between Russia and Ukraine have been cancelled.",
    ],
)
def test_a_meeting_that_was_postponed_did_not_happen(text) -> None:
    """A cancel cue after the noun ("was postponed") negates it as one before it does
    ("cancelled a planned meeting"); the meeting had been asserted."""
    events = _events(text)
    assert events and all(e[3] == "negated" for e in events if e[0] == "CONSULT"), events


def test_a_meeting_that_was_held_stays_asserted() -> None:
    events = _events("The talks between Russia and Ukraine were held in Istanbul.")
    assert ("CONSULT", None, None, "asserted") in events, events


def test_a_pledge_to_send_troops_to_a_state_is_a_commitment_to_it() -> None:
    """ "pledged to send troops to Ukraine" had been a THREATEN toward Ukraine."""
    events = _events("France and Britain pledged to send troops to Ukraine after a ceasefire.")
    assert ("AGREE", "FRA", "UKR", "asserted") in events, events
    assert not [e for e in events if e[0] == "THREATEN"], events
    threat = _events("Russia is ready to deploy troops to the border with Finland.")
    assert ("THREATEN", "RUS", "FIN", "asserted") in threat, threat


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The Kremlin declined to comment on reports that Washington was preparing new"
         " sanctions on Russia.", "SANCTION"),
        ("Mexico agreed to deploy troops to its border to avert U.S. tariffs.", "SANCTION"),
    ],
)  # fmt: skip
def test_a_prepared_or_averted_act_is_not_asserted(text, category) -> None:
    events = [e for e in _events(text) if e[0] == category]
    assert events and all(e[3] == "hypothetical" for e in events), events


def test_a_modal_after_as_belongs_to_the_noun_after_as() -> None:
    """ "regard the new American sanctions as an unfriendly step that will not go
    unanswered": the sanctions are in force (they had been negated)."""
    scored = score_article(
        sentence_article(
            "t", "We regard the new American sanctions as an unfriendly step that will not go"
            " unanswered.", date(2025, 11, 5), speaker="RUS",
        )
    )  # fmt: skip
    modes = {(e.category, e.mode.value) for e in scored.events}
    assert ("SANCTION", "asserted") in modes, modes
