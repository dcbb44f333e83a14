"""tracker/coding/reported_self.py: a leader's "he" in what the leader is reported to say."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.coding.actors import ActorMatcher, load_gazetteer
from tracker.coding.reported_self import with_reported_self
from tracker.coding.speakers import SPEAKER

ON = date(2025, 10, 1)


@pytest.fixture(scope="module")
def matcher() -> ActorMatcher:
    return ActorMatcher(load_gazetteer())


def _added(matcher: ActorMatcher, text: str) -> list[tuple[str, str]]:
    found = matcher.find(text, ON)
    return [(m.code, m.surface) for m in with_reported_self(text, found) if m.kind == SPEAKER]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trump said he and Putin agreed to meet.", [("USA", "he")]),
        ("Trump on Wednesday said that he and Putin would talk.", [("USA", "he")]),
        ("Trump said he would call Putin.", []),  # alone: the argument finder's pronoun rules
        ("Meloni said she and Zelensky would meet.", [("ITA", "she")]),
        ("Trump, who met Putin, said he and Xi would meet.", []),  # a comma: not the subject
        ("Putin told Trump he and Xi would meet.", []),  # after "told X", "he" may be X
        ("The Kremlin said he and Xi would meet.", []),  # no person named
        ("Trump said Putin and he agreed.", []),  # not right after the verb
    ],
)
def test_he_after_a_leader_s_verb_of_speech(matcher, text, expected) -> None:
    assert _added(matcher, text) == expected


def test_a_sentence_without_he_or_she_is_returned_as_it_is(matcher) -> None:
    text = "Trump said Russia would face sanctions."
    found = matcher.find(text, ON)
    assert with_reported_self(text, found) is found


def test_a_leader_who_is_an_object_before_and_said_is_not_the_speaker(matcher) -> None:
    assert _added(matcher, "Trump met Putin and said he and Xi would talk.") == []
