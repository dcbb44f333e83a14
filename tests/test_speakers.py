"""Speakers (tracker/coding/speakers.py): who a document or a quotation speaks for, and
first-person actors that stand for it."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.coding.actors import default_matcher
from tracker.coding.score import score_article
from tracker.coding.speakers import document_speaker, domain_speaker, with_first_person
from tracker.evaluate.pipeline import sentence_article
from tracker.models import Article, DateSource, article_id

ON = date(2025, 3, 1)


def speaker_of(text: str, speaker: str | None = None, url: str | None = None):
    return document_speaker(text, ON, default_matcher(), speaker, url)


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("https://www.state.gov/releases/office-of-the-spokesperson/2025/03/x", "USA"),
        ("https://whitehouse.gov/briefings/", "USA"),
        ("http://mid.ru/en/foreign_policy/news/1/", "RUS"),
        ("https://en.kremlin.ru/events/president/news/1", "RUS"),
        ("https://president.gov.by/en/events/x", "BLR"),
        ("https://mfa.gov.by/en/press/news_mfa/x", "BLR"),
        ("https://www.notstate.gov.example.com/x", None),
        ("https://example.com/state.gov", None),
        (None, None),
    ],
)
def test_official_domains_name_their_state(url, code):
    assert domain_speaker(url) == code


def test_metadata_then_url_then_byline():
    assert speaker_of("We act.", speaker="usa") == ("USA", "metadata")
    assert speaker_of("We act.", speaker="Republic of Belarus") == ("BLR", "metadata")
    assert speaker_of("We act.", url="https://mid.ru/x") == ("RUS", "url")
    byline = "Press Statement\nOffice of the Spokesperson, U.S. Department of State\n\nWe act."
    assert speaker_of(byline) == ("USA", "byline")
    assert speaker_of("Russia and the United States met. We act.") == (None, "")


def test_a_heading_names_its_official_on_another_line():
    """ "Press Statement / Marco Rubio, Secretary of State / date": the statement's word on
    one line, the official on the next; a heading naming two states names no speaker."""
    heading = "Press Statement\nMarco Rubio, Secretary of State\nOctober 24, 2025\n\nWe act."
    assert document_speaker(heading, date(2025, 10, 24), default_matcher()) == ("USA", "byline")
    two = "Press Statement\nRussia and the United States\n\nWe act."
    assert speaker_of(two) == (None, "")


def test_the_speaker_after_a_comma_and_opens_its_own_clause():
    """ "..., and we call on Minsk to end it": we (the U.S.) call, not we and Ukraine."""
    text = (
        "We remain deeply concerned by Belarus's support for Russia's war against Ukraine, and"
        " we call on Minsk to end it."
    )
    article = sentence_article("t", text, date(2025, 10, 24), speaker="USA")
    requests = [
        (e.source, e.target) for e in score_article(article).events if e.category == "REQUEST"
    ]
    assert requests == [("USA", "BLR")]


def test_first_person_words_become_speaker_mentions_at_their_offsets():
    text = "We reaffirm our support, and I thank us all; US forces and Iowa stay."
    found = with_first_person(text, [], "USA")
    assert [(m.surface, m.start, m.kind) for m in found] == [
        ("We", 0, "speaker"),
        ("our", 12, "speaker"),
        ("I", 29, "speaker"),
        ("us", 37, "speaker"),
    ]
    assert with_first_person(text, [], None) == []


def test_a_quotation_has_its_own_speaker():
    text = '"We will not accept this," Lavrov said, and we disagree.'
    matcher = default_matcher()
    mentions = matcher.find(text, ON)
    found = [(m.surface, m.code) for m in with_first_person(text, mentions, "USA")]
    assert ("We", "RUS") in found and ("we", "USA") in found


def scored(text: str, speaker: str | None = None, url: str | None = None):
    article = Article(
        article_id(text), "t", "", text, ON, DateSource.CALLER, url=url, speaker=speaker
    )
    return score_article(article).events


def test_the_speaking_government_is_the_actor_of_its_statement():
    text = (
        "We reaffirm our support for the Ukrainian people, who are suffering from Russia's bombing."
    )
    got = {(e.source, e.target, e.category, e.source_basis) for e in scored(text, "USA")}
    assert ("USA", "UKR", "SUPPORT", "speaker") in got
    assert not [e for e in got if e[:3] == ("RUS", "UKR", "SUPPORT")]
    condemn = scored("We condemn Russia's attack on Ukraine.", url="https://www.state.gov/x")
    assert ("USA", "RUS", "ACCUSE") in {(e.source, e.target, e.category) for e in condemn}


def test_without_a_speaker_we_is_nobody():
    events = scored("We condemn Russia's attack on Ukraine and thank Poland.")
    assert {(e.source, e.target, e.category) for e in events} == {("RUS", "UKR", "ASSAULT")}


def test_a_readout_speaks_for_the_official_whose_call_it_reports():
    """ "Readout: Secretary Rubio's Call with Russian Foreign Minister Lavrov": two states in
    the heading, and the readout is Rubio's (it had no speaker: "We welcomed" was nobody)."""
    heading = (
        "Readout: Secretary Rubio's Call with Russian Foreign Minister Lavrov\n"
        "Office of the Spokesperson\nNovember 5, 2025\n\nWe welcomed Russia's decision."
    )
    assert document_speaker(heading, date(2025, 11, 5), default_matcher()) == ("USA", "byline")
    both = "Readout: Secretary Rubio and Foreign Minister Lavrov\n\nWe act."
    assert document_speaker(both, date(2025, 11, 5), default_matcher()) == (None, "")


def test_a_statement_s_title_names_its_speaker() -> None:
    title = "Statement of the Ministry of Foreign Affairs of Ukraine on Yet Another Provocation"
    assert document_speaker("We reject it.", ON, default_matcher(), title=title) == ("UKR", "title")


def test_a_joint_statement_s_title_names_no_one() -> None:
    title = "Joint Statement by the United States and Poland on Energy Security"
    assert document_speaker("We agree.", ON, default_matcher(), title=title) == (None, "")


def test_a_title_that_heads_no_statement_names_no_speaker() -> None:
    title = "Ukraine says Belarus is massing troops"
    assert document_speaker("We reject it.", ON, default_matcher(), title=title) == (None, "")
