"""Rules from a fifth reading of real news copy (issue 13; docs/tone_and_events.md N125-).
The sentences are written for these tests in the style of the copy that showed each error;
none is taken from an article or an evaluation set.
"""

from __future__ import annotations

import pytest
from event_helpers import sentence_events as _events
from event_helpers import sentence_pairs as _pairs


@pytest.mark.parametrize(
    "text",
    [
        # a wish's content is hypothetical, but what "since" dates happened
        "Hosting Putin gives the Kremlin the standing it has sought since Russia's invasion of"
        " Ukraine three years ago.",
        # negation frames the meeting, not the invasion
        "Putin and Trump have not met in person since Russia's invasion of Ukraine.",
    ],
)
def test_what_since_dates_happened_whatever_frames_its_clause(text) -> None:
    assert ("ASSAULT", "RUS", "UKR", "historical") in _events(text)
