"""Rules from a fourth reading of real news copy (issue 13; docs/tone_and_events.md N107-).
The sentences are written for these tests in the style of the copy that showed each error;
none is taken from an article or an evaluation set.
"""

from __future__ import annotations

from event_helpers import sentence_events as _events
from event_helpers import sentence_pairs as _pairs


def test_a_quotation_opening_the_sentence_is_its_speakers_when_more_follows() -> None:
    # the tail wrapper needed the verb's clause to end the sentence: ", adding ..." hid it
    text = (
        '"Moscow must stop its attacks on Ukrainian cities," Rubio said, adding that the'
        ' department "will keep working with our partners."'
    )
    assert ("RUS", "USA") in _pairs(text)
    assert ("REQUEST", "USA", "RUS", "asserted") in _events(text)


def test_an_act_after_the_wrapper_is_the_speakers_not_the_quoted_states() -> None:
    text = (
        '"We are sanctioning Russia\'s largest oil companies," Bessent said, adding that the'
        ' department "is prepared to support President Trump\'s effort to end the war."'
    )
    events = _events(text)
    assert ("SANCTION", "USA", "RUS", "asserted") in events
    assert not any(cat == "SUPPORT" and src == "RUS" for cat, src, _, _ in events), events
