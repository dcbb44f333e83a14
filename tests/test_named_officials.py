"""An official introduced with a state and a title, named later by surname
(tracker/coding/named_officials.py)."""

from __future__ import annotations

from datetime import date

from tracker.coding.actors import ActorMatcher
from tracker.coding.named_officials import introduced, with_named_officials
from tracker.coding.score import score_article
from tracker.evaluate.pipeline import sentence_article

ON = date(2025, 3, 2)


def _mentions(texts: list[str]) -> list[list[tuple[str, str]]]:
    matcher = ActorMatcher()
    found = with_named_officials(texts, [matcher.find(t, ON) for t in texts])
    return [[(m.surface, m.code) for m in ms] for ms in found]


def test_a_surname_after_a_titled_introduction_is_its_states() -> None:
    texts = [
        "Guyanese President Irfaan Ali said a Venezuelan patrol entered Guyanese waters.",
        "The Venezuelan government denied Ali's allegations.",
        "Irfaan Ali is lying, Caracas said.",
    ]
    found = _mentions(texts)
    assert ("Ali", "GUY") in found[1]
    assert ("Irfaan Ali", "GUY") in found[2]


def test_a_family_name_first_and_a_lower_case_rank_are_read() -> None:
    texts = [
        "Chinese Foreign Ministry Spokesperson Mao Ning said the man was held.",
        "Russia's deputy foreign minister Sergei Vershinin met the envoy.",
        "Ms Mao said Japan must do more; Vershinin declined to comment.",
    ]
    found = _mentions(texts)
    assert ("Mao", "CHN") in found[2] and ("Vershinin", "RUS") in found[2]


def test_names_inside_longer_names_and_names_of_two_states_are_left_alone() -> None:
    texts = [
        "Guyanese Ambassador Hassan Ali met Qatari Ambassador Omar Ali.",
        "Egyptian Ambassador Ahmed Said spoke.",
        "Ali said nothing, and Mohammad Said and Said Jalili did not either.",
    ]
    assert introduced(texts, [ActorMatcher().find(t, ON) for t in texts])["Ali"][0] is None
    found = _mentions(texts)
    assert not [m for m in found[2] if m[0] in ("Ali", "Said")]


def test_the_introduction_itself_and_earlier_sentences_get_no_new_mention() -> None:
    texts = ["Ozerov arrived.", "Moldova summoned Russian Ambassador Oleg Ozerov."]
    found = _mentions(texts)
    assert found[0] == []
    assert [code for _, code in found[1]] == ["MDA", "RUS"]


def test_a_denial_of_a_named_officials_allegations_is_toward_the_officials_state() -> None:
    article = sentence_article(
        "t",
        "Guyanese President Irfaan Ali said a Venezuelan coast guard patrol entered Guyanese "
        "waters.\n\nThe Venezuelan government denied Ali's allegations.",
        ON,
    )
    events = {(e.category, e.source, e.target) for e in score_article(article).events}
    assert ("REJECT", "VEN", "GUY") in events
    assert ("ASSAULT", "VEN", "GUY") in events  # "entered Guyanese waters" (N341)


def test_a_leader_the_table_knows_is_left_to_its_tenure_and_a_former_one_to_history() -> None:
    matcher = ActorMatcher()
    on = date(2022, 6, 1)  # Trump out of office
    texts = [
        "U.S. President Donald Trump once praised the Kremlin.",
        "Former Guyanese President David Granger met Venezuelan envoys.",
        "Trump and Granger said nothing.",
    ]
    found = with_named_officials(texts, [matcher.find(t, on) for t in texts])
    assert found[2] == []
