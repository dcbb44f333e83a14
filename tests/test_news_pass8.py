"""Rules from a ninth reading of real news copy (issue 13; docs/tone_and_events.md N195-).
The sentences are written for these tests in the style of the copy that showed each error;
none is taken from an article or an evaluation set.
"""

from __future__ import annotations

import pytest
from event_helpers import sentence_events as _events


@pytest.mark.parametrize(
    "text, event",
    [
        ("Rubio's Minsk visit won praise at home.", ("CONSULT", "USA", "BLR", "asserted")),
        ("Lavrov's first U.S. visit angered Kyiv.", ("CONSULT", "RUS", "USA", "asserted")),
        (
            "After Witkoff's recent Moscow visit, the Kremlin sounded upbeat.",
            ("CONSULT", "USA", "RUS", "asserted"),
        ),
    ],
)
def test_a_possessor_visits_the_place_that_modifies_the_visit(text, event) -> None:
    """In "<possessor>'s <place> visit" the possessor travels and the place is visited."""
    assert event in _events(text)


def test_a_place_alone_before_a_visit_is_still_its_only_party() -> None:
    assert ("CONSULT", "USA", "BLR", "asserted") in _events(
        "The U.S. delegation's visit to Minsk lasted two days."
    )


@pytest.mark.parametrize(
    "text, event",
    [
        (
            'Trump has called Lukashenko a "truly respected" statesman.',
            ("SUPPORT", "USA", "BLR", "asserted"),
        ),
        (
            "Lavrov described Washington as a reliable partner.",
            ("SUPPORT", "RUS", "USA", "asserted"),
        ),
        ("Lukashenko called Trump a wise man.", ("SUPPORT", "BLR", "USA", "asserted")),
    ],
)
def test_calling_a_leader_something_good_is_praise(text, event) -> None:
    assert event in _events(text)


def test_what_a_state_calls_something_is_not_praise() -> None:
    assert not {e for e in _events("Minsk released what Washington called a wise gesture.")
                if e[0] == "SUPPORT"}  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "When Rubio was asked what guarantees Moscow wants to see, he gave no answer.",
        "Witkoff asked Putin whether Russia was ready to talk.",
        "Lukashenko asked Coale how Washington planned to ease sanctions.",
    ],
)
def test_asking_a_question_with_a_later_to_is_no_request(text) -> None:
    assert not {e for e in _events(text) if e[0] == "REQUEST"}


def test_asking_to_with_a_question_word_later_is_still_a_request() -> None:
    assert ("REQUEST", "BLR", "USA", "asserted") in _events(
        "Minsk asked Washington to explain what the sanctions were for."
    )


@pytest.mark.parametrize(
    "text, event",
    [
        (
            "Peskov did not comment on Witkoff's Moscow visit.",
            ("CONSULT", "USA", "RUS", "asserted"),
        ),
        (
            "The Kremlin has not commented on the new U.S. sanctions against Russia.",
            ("SANCTION", "USA", "RUS", "asserted"),
        ),
    ],
)
def test_a_negated_comment_does_not_negate_what_it_is_about(text, event) -> None:
    assert event in _events(text)


def test_a_negation_of_its_own_after_the_comment_still_negates() -> None:
    events = _events("Peskov commented that there had been no talks with Washington.")
    assert not {e for e in events if e[0] == "CONSULT" and e[3] == "asserted"}
