"""Who speaks a quotation (tracker/coding/quotations.py): the speaker of a quotation over
several paragraphs, opened by a leader's line that ends with a colon. The articles are
written for these tests."""

from __future__ import annotations

from datetime import date

from event_helpers import sentence_events as _events

from tracker.coding.quotations import running_quotes
from tracker.models import Mention

_STATEMENT = (
    "President Alexander Lukashenko commented on his meeting with the U.S. envoy:\n\n"
    '"Good afternoon. The talks were long and frank.\n\n'
    '"First of all, I thanked the President of the United States for his attention.\n\n'
    '"We agreed with the American side to continue the dialogue."'
)


def test_a_leader_s_line_with_a_colon_speaks_the_paragraphs_that_follow() -> None:
    events = _events(_STATEMENT, date(2025, 9, 12))
    assert ("SUPPORT", "BLR", "USA", "asserted") in events  # "I thanked the President ..."
    assert ("AGREE", "BLR", "USA", "asserted") in events  # "We agreed with the American side"


def test_without_a_speaker_line_the_paragraphs_have_no_speaker() -> None:
    text = _STATEMENT.replace("President Alexander Lukashenko commented", "A source commented")
    events = _events(text, date(2025, 9, 12))
    assert not {e for e in events if e[1] == "BLR"}


def _leader(code: str, start: int, end: int) -> Mention:
    return Mention(code, start, end, "x" * (end - start), "leader")


def test_running_quotes_reopens_a_quotation_at_each_paragraph() -> None:
    texts = ["Putin said after the call:", '"It was useful.', "We agreed.", '"We will meet."']
    mentions = [[_leader("RUS", 0, 5)], [], [], []]
    flat = running_quotes(texts, mentions, {}, frozenset())  # read as one paragraph
    paragraphs = running_quotes(texts, mentions, {}, frozenset({0, 1, 3}))
    assert {i: q[0] for i, q in paragraphs.items()} == {1: "RUS", 2: "RUS", 3: "RUS"}
    assert paragraphs[3][1] <= 1 < paragraphs[3][2]  # "We" is inside Putin's quotation
    assert not flat[3][1] <= 1 < flat[3][2]  # read as one paragraph, the mark closes it


def test_a_quotation_said_of_a_leader_has_him_as_its_he() -> None:
    """'"He killed our people ...," Zelensky said of Putin': Zelensky speaks, Putin is
    "he" (before, the two leaders in the attribution made no one the speaker)."""
    events = _events(
        '"He killed our people, and he didn\'t exchange prisoners," Zelensky said of Putin.'
    )
    assert ("ASSAULT", "RUS", "UKR", "asserted") in events


def test_a_quotation_said_of_a_thing_names_no_one() -> None:
    assert _events('"He will respond," Lavrov said of the sanctions.') == set()
