"""``person_subjects``: a named person who is no actor as an act's subject (N367)."""

from __future__ import annotations

import pytest

from tracker.coding.argument_groups import Group
from tracker.coding.events import default_event_coder
from tracker.coding.person_subjects import person_with_verb
from tracker.models import Mention


def _trigger(text: str, word: str):
    return next(m for m in default_event_coder().match(text, 2022) if word in text[m.start : m.end])


@pytest.mark.parametrize(
    ("text", "word", "person"),
    [
        ("China said it acted because Pelosi visited Taiwan.", "visited", True),
        ("China acted after Pelosi's visit to Taiwan.", "visit", True),
        ("China said Officials visited Taiwan.", "visited", False),  # no person's name
        ("China acted after Monday's visit to Taiwan.", "visit", False),
        ("China, and the European Union visited Taiwan.", "visited", False),  # a co-subject
        ("China said fans of the Prophet Mohammed met Taiwan.", "met", False),
    ],
)
def test_a_named_person_with_verb(text, word, person) -> None:
    china = Group(("CHN",), 0, 5)
    taiwan = text.index("Taiwan")
    placed = [
        Mention("CHN", 0, 5, "China", "country"),
        Mention("TWN", taiwan, taiwan + 6, "Taiwan", "country"),
    ]
    assert person_with_verb(text, _trigger(text, word), [china], placed) is person


def test_a_name_that_is_an_actor_is_no_person_subject() -> None:
    text = "China said it acted because Taiwan visited Japan."
    taiwan = text.index("Taiwan")
    placed = [Mention("TWN", taiwan, taiwan + 6, "Taiwan", "country")]
    assert not person_with_verb(text, _trigger(text, "visited"), [Group(("CHN",), 0, 5)], placed)
