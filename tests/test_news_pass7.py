"""Rules from a seventh reading of real news copy (issue 13; docs/tone_and_events.md N178-).
The sentences are written for these tests in the style of the copy that showed each error;
none is taken from an article or an evaluation set.
"""

from __future__ import annotations

import pytest
from event_helpers import pairs_by_sentence
from event_helpers import sentence_events as _events


@pytest.mark.parametrize(
    "text",
    [
        "Washington may want to bring Beijing into the talks, turning the agreement with"
        " Russia into a three-way one.",
        "Moscow regretted that the United States would not revise the agreement with Russia.",
        "Putin spoke about New START, the last big arms agreement between Washington and Moscow.",
        "Under the agreement, Russia will sell more gas to Belarus.",
    ],
)
def test_an_agreement_already_made_is_no_agreeing(text) -> None:
    """A definite agreement named as the object or the frame of something else was made
    before: no AGREE of the day."""
    assert not {e for e in _events(text) if e[0] == "AGREE"}


@pytest.mark.parametrize(
    "text, event",
    [
        (
            "Minsk freed 40 detainees after an agreement with the United States.",
            ("AGREE", "BLR", "USA", "asserted"),
        ),
        (
            "There was no agreement between Washington and Moscow, Peskov said.",
            ("AGREE", None, None, "negated"),
        ),
    ],
)
def test_an_agreement_made_or_missed_is_still_coded(text, event) -> None:
    assert event in _events(text)


def test_the_two_sides_reach_back_over_a_quotation() -> None:
    """A quotation or two between the pair and "the two sides" hides no antecedent."""
    text = (
        "Minsk freed 40 detainees after Washington lifted sanctions on Belarusian potash."
        "\n\n"
        '"Following the instructions of our president, we are lifting them," said the envoy.'
        ' "This is a good step for everyone."'
        "\n\n"
        "The two sides also discussed reopening embassies."
    )
    assert ("BLR", "USA") in pairs_by_sentence(text)[3]


@pytest.mark.parametrize(
    "text",
    [
        "The envoy said his goal was to restore relations between Washington and Minsk.",
        "Rubio said the aim is to restore relations between Washington and Moscow.",
    ],
)
def test_a_goal_is_not_yet_done(text) -> None:
    support = {e for e in _events(text) if e[0] == "SUPPORT"}
    assert support and {e[3] for e in support} == {"hypothetical"}


@pytest.mark.parametrize(
    "text",
    [
        "Minsk has freed 40 prisoners, including several opposition figures, in a deal that"
        " saw the United States agree to lift sanctions.",
        "Minsk has freed 40 prisoners, among them two journalists, in a deal that saw the"
        " United States agree to lift sanctions.",
    ],
)
def test_a_list_of_examples_aside_ends_no_clause(text) -> None:
    """The release keeps its opposition figures (no released statistics), and the deal's
    agreement, past the aside's comma, is still the United States' toward Belarus."""
    events = _events(text)
    assert ("RETREAT", "BLR", "USA", "asserted") in events
    assert ("AGREE", "USA", "BLR", "asserted") in events


def test_an_act_in_a_clause_of_its_own_still_lends_nothing() -> None:
    text = "The United States imposed sanctions on Belarus, after Minsk forced a jet to land."
    assert not {e for e in _events(text) if e[1] == "BLR" and e[2] == "USA"}


def test_what_something_is_regarding_is_a_topic() -> None:
    """A course "regarding a peace agreement" is about an agreement, not one made."""
    text = "Lukashenko said Washington had set a course regarding a peace agreement with Russia."
    assert not {e for e in _events(text) if e[0] == "AGREE"}


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. envoy asked the Russian leader as he walked in.",
        "Witkoff asked Putin how he was.",
    ],
)
def test_asking_someone_a_question_is_no_request(text) -> None:
    assert not {e for e in _events(text) if e[0] == "REQUEST"}


@pytest.mark.parametrize(
    "text, event",
    [
        ("Minsk asked Washington to reopen its embassy.", ("REQUEST", "BLR", "USA", "asserted")),
        ("Kyiv asked Washington for more air defence.", ("REQUEST", "UKR", "USA", "asserted")),
        (
            "Zelensky asked Trump and European leaders to send more Patriots.",
            ("REQUEST", "UKR", "USA", "asserted"),
        ),
    ],
)
def test_asking_someone_to_do_or_for_something_is_a_request(text, event) -> None:
    assert event in _events(text)


def test_information_on_a_state_makes_it_a_topic() -> None:
    pairs = pairs_by_sentence(
        "Moscow said it had received new information on Ukraine from Washington."
    )
    assert pairs.get(0) == {("RUS", "USA")}


@pytest.mark.parametrize(
    "text",
    [
        "Both Moscow and Washington acknowledged the necessity of a conversation between Putin"
        " and Trump.",
        "Lavrov stressed the need for talks with the United States.",
    ],
)
def test_a_needed_meeting_is_not_yet_held(text) -> None:
    consult = {e for e in _events(text) if e[0] == "CONSULT"}
    assert consult and {e[3] for e in consult} == {"hypothetical"}


@pytest.mark.parametrize(
    "text, event",
    [
        (
            "Trump previously set an Aug. 8 deadline for Moscow to agree to a ceasefire.",
            ("THREATEN", "USA", "RUS", "asserted"),
        ),
        (
            "Kyiv has been lobbying Washington for more air defence systems.",
            ("REQUEST", "UKR", "USA", "asserted"),
        ),
        (
            "Putin expressed his readiness to work with the United States on a settlement.",
            ("COOPERATE", "RUS", "USA", "hypothetical"),
        ),
        ("Washington worked with Warsaw on air defence.", ("COOPERATE", "USA", "POL", "asserted")),
    ],
)
def test_deadlines_with_a_date_lobbying_and_working_with(text, event) -> None:
    assert event in _events(text)


def test_a_pledge_to_work_with_a_state_is_not_yet_cooperation() -> None:
    text = '"We pledge to work with Minsk on migration," a senior U.S. official told reporters.'
    assert ("COOPERATE", "USA", "BLR", "asserted") not in _events(text)


@pytest.mark.parametrize(
    "text",
    [
        '"What we are seeing is that they\'re launching more strikes against Ukraine," Rubio said.',
        '"We believe he will sanction Russia," Zelensky said.',
    ],
)
def test_a_third_person_subject_after_the_speaker_s_we_is_not_the_speaker(text) -> None:
    """The pronoun between the speaker's "we" and the act is the act's subject."""
    assert not {e for e in _events(text) if e[1] in ("USA", "UKR")}


@pytest.mark.parametrize(
    "text",
    [
        '"We will impose sanctions on Russia," Rubio said.',
        "The US said they would impose sanctions on Russia.",
    ],
)
def test_the_speaker_s_own_act_keeps_its_source(text) -> None:
    assert ("SANCTION", "USA", "RUS", "hypothetical") in _events(text)
