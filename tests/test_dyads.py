"""Tests for tracker.coding.dyads: which pairs a sentence describes, direction, coreference."""

from __future__ import annotations

import re
import sys
from datetime import date

import pytest

from tracker.coding.actors import ActorMatcher
from tracker.coding.dyads import attribute_dyads
from tracker.coding.relation_words import Phrases, fold_for_phrases, relation_words
from tracker.coding.sentences import split_sentences
from tracker.models import Dyad, Mention, Sentence

ON = date(2025, 12, 1)
_MATCHER = ActorMatcher()


def dyads_of(text: str, on: date = ON) -> list[tuple[int, str]]:
    """(sentence index, "SRC>TGT" or "A=B" for mutual) for every dyad of ``text``."""
    sentences = split_sentences(text)
    mentions = [_MATCHER.find(s.text, on) for s in sentences]
    out = []
    for dyad, _ in attribute_dyads(sentences, mentions):
        label = f"{dyad.source}>{dyad.target}" if dyad.source else "=".join(dyad.pair)
        out.append((dyad.sentence_index, label))
    return out


def labels(text: str, on: date = ON) -> set[str]:
    return {label for _, label in dyads_of(text, on)}


CASES = [
    # co-occurrence is not interaction
    (
        "Trump has previously urged Ukraine to consider territorial concessions in peace talks "
        "with Putin.",
        {"USA>UKR", "RUS=UKR"},
    ),
    (
        "Trump praised Lukashenko for his role in the release of 16 political prisoners.",
        {"USA>BLR"},
    ),
    # a call or meeting keeps the subject as source (documented choice)
    (
        "U.S. President Donald Trump held a phone call with Belarusian President Alexander "
        "Lukashenko.",
        {"USA>BLR"},
    ),
    ("Russia and the United States agreed to extend New START.", {"RUS=USA"}),
    ("The United States imposed sanctions on Russia.", {"USA>RUS"}),
    ("U.S. sanctions on Russia took effect.", {"USA>RUS"}),
    ("Sanctions were imposed on Belarus by the United States.", {"USA>BLR"}),
    ("Belarus was sanctioned by the United States.", {"USA>BLR"}),
    ("Relations between Washington and Minsk have thawed.", {"BLR=USA"}),
    ("Trump wants to improve relations between Washington and Minsk.", {"BLR=USA"}),
    ("Russia's economy grew while the U.S. market fell.", set()),
    ("Belarus released prisoners to the US.", {"BLR>USA"}),
    ("Poland bought gas from Russia.", {"RUS>POL"}),
    ("The United States urged China to pressure Russia.", {"USA>CHN", "CHN>RUS"}),
    ("Trump praised Lukashenko and Putin.", {"USA>BLR", "USA>RUS"}),
    ("Washington imposed sanctions against Minsk and Moscow.", {"USA>BLR", "USA>RUS"}),
    ("Trump and Putin met in Alaska.", {"RUS=USA"}),
    (
        "U.S. President Donald Trump and Russian President Vladimir Putin met in Anchorage.",
        {"RUS=USA"},
    ),
    ("Washington and Moscow exchanged prisoners.", {"RUS=USA"}),
    ("The Russia-Ukraine war dominated the agenda.", {"RUS=UKR"}),
    ("U.S.-Russia relations are at a low.", {"RUS=USA"}),
    ("The Kremlin rejected the US proposal.", {"RUS>USA"}),
    ("Russian President Vladimir Putin arrived in Russia's far east.", set()),  # one actor
    ("The US and Russia, along with China, signed the accord.", {"RUS=USA", "CHN=USA", "CHN=RUS"}),
    ("Georgia accused Russia of occupying South Ossetia.", {"GEO>RUS"}),
    ("Chad accused Sudan of backing rebels.", {"TCD>SDN"}),
    ("Jordan condemned Israel's strike.", {"JOR>ISR"}),
    # a relative clause between commas is an aside: its own clause, with the actor it
    # describes; the main clause reads on without it
    ("Lukashenko, who has ruled Belarus since 1994, met Trump's envoy.", {"BLR>USA"}),
    ("Putin, who met Trump in Alaska, praised Lukashenko.", {"RUS>BLR", "RUS>USA"}),
    ("Lithuania, which borders Belarus, expelled two Russian diplomats.", {"LTU>RUS", "LTU>BLR"}),
    # "the president of X": the subject's own state, not a prepositional object
    ("The president of Belarus met Putin on Monday.", {"BLR>RUS"}),
    ("A delegation from Minsk visited Washington.", {"BLR>USA"}),
    ("The Korean Air flight from Seoul landed safely in Tokyo.", set()),  # an origin
    (
        "Druze inhabitants of the Syrian Golan Heights threatened a strike unless Israel"
        " rescinded its annexation.",
        {"SYR>ISR"},
    ),
    # a description after an actor is read as if it were not there
    (
        "Dmitry Medvedev, the deputy chairman of Russia's Security Council, said the United"
        " States was Russia's adversary.",
        {"RUS>USA"},
    ),
    # a leading adverbial's preposition does not reach past its comma
    ("In 2022, Russia invaded Ukraine.", {"RUS>UKR"}),
    # a possessor acts on its noun's "of" object
    ("Trump condemned Russia's invasion of Ukraine.", {"USA>RUS", "RUS>UKR"}),
    # coordinated adjectives are no second verb phrase
    (
        "Trump condemned Russia's unprovoked and unjustified attack on Ukraine.",
        {"USA>RUS", "RUS>UKR"},
    ),
    ("China's support of Moscow worries Washington.", {"CHN>RUS"}),
    ("Poland and Lithuania urged Belarus to open the border.", {"POL>BLR", "LTU>BLR"}),
    ("In Moscow, Putin met Lukashenko.", {"RUS>BLR"}),
    ("In talks with Putin, Trump said the war must end.", {"USA>RUS"}),
    ("The Minsk agreements were signed by Russia and Ukraine.", {"RUS=UKR"}),
    # reported speech
    ("Ukraine shelled the city, Russia said.", {"RUS>UKR"}),
    (
        "The United States will impose new sanctions on Belarus, the State Department said.",
        {"USA>BLR"},
    ),
    ("Russia attacked Ukraine, Poland said.", {"RUS>UKR"}),  # speaker only reports
    ("According to Moscow, Kyiv attacked the plant.", {"RUS>UKR"}),
    # clause boundaries
    ("China praised the deal; India criticised it.", set()),
    ("Russia attacked Ukraine, but Belarus stayed out.", {"RUS>UKR"}),
    # a coordinated subject with only places after it: partners ("near the Polish border")
    ("Russia and Belarus held drills near the Polish border.", {"BLR=RUS", "RUS>POL", "BLR>POL"}),
    # ... but not when it acts on an object: the tone is about the object
    ("The US and Britain condemned Russia.", {"USA>RUS", "GBR>RUS"}),
    # ambiguity traps: no second actor
    ("Michael Jordan visited Russia.", set()),
    ("Chad Smith met Russian officials.", set()),
    ("Georgia's governor met Russian diplomats in Atlanta.", set()),
    ("Families ate turkey as the US watched.", set()),
    ("Russia said it still backs the Minsk agreements.", set()),
    ("The Washington Post reported on Russia.", set()),
    ("Let us hope Russia listens.", set()),
    ("The Paris Agreement binds China.", set()),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_sentence_dyads(text, expected):
    assert labels(text) == expected


def test_at_least_forty_cases():
    assert len(CASES) >= 40


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Trump spoke with Putin on Friday. The two leaders agreed to meet again.",
            [(0, "USA>RUS"), (1, "RUS=USA")],
        ),
        (
            "Trump met Putin in Alaska. Both sides called the talks constructive.",
            [(0, "USA>RUS"), (1, "RUS=USA")],
        ),
        ("Trump met Putin in Alaska. They agreed to meet again.", [(0, "USA>RUS"), (1, "RUS=USA")]),
        (
            "Trump spoke with Putin on Friday. The two leaders discussed Ukraine.",
            [(0, "USA>RUS"), (1, "RUS=USA")],
        ),
        ("Trump met reporters on Friday. He also praised Lukashenko.", [(1, "USA>BLR")]),
        ("Trump praised Putin. He also praised Lukashenko.", [(0, "USA>RUS"), (1, "USA>BLR")]),
        ("Lukashenko met Putin in Sochi.\n\nHe praised Trump.", [(0, "BLR>RUS"), (1, "BLR>USA")]),
        ("Trump met reporters. He was praised by Lukashenko.", [(1, "BLR>USA")]),
        # "He" in a sentence with dyads of its own acts on the first state it names ...
        (
            "Trump spoke with Putin. He accused Russia of attacking Ukraine.",
            [(0, "USA>RUS"), (1, "RUS>UKR"), (1, "USA>RUS")],
        ),
        # ... unless its own state is named: the sentence's reading stands
        (
            "Trump spoke with Putin. He urged Congress to pass military aid for Ukraine.",
            [(0, "USA>RUS"), (1, "USA>UKR")],
        ),
        # no antecedent: nothing inherited
        ("The weather was fine. The two leaders met.", []),
        ("He praised Lukashenko.", []),
        # too far back inside the paragraph (look-back of two sentences) ...
        ("Trump met Putin. It rained. It was cold. They left together.", [(0, "USA>RUS")]),
        # ... except for a phrase that names the pair as such (four sentences: quotations
        # often stand between the pair and "the two sides")
        (
            "Trump met Putin. It rained. It was cold. The two leaders left.",
            [(0, "USA>RUS"), (3, "RUS=USA")],
        ),
        (
            "Trump met Putin. It rained. It was cold. It snowed. It froze. The two leaders left.",
            [(0, "USA>RUS")],
        ),
        # an antecedent with two pairs is ambiguous: no inheritance
        (
            "Trump praised Lukashenko and Putin. The two leaders thanked him.",
            [(0, "USA>BLR"), (0, "USA>RUS")],
        ),
    ],
)
def test_coreference(text, expected):
    assert sorted(dyads_of(text)) == sorted(expected)


def test_inherited_mentions_are_pronouns():
    text = "Trump spoke with Putin on Friday. The two leaders agreed to meet again."
    sentences = split_sentences(text)
    mentions = [_MATCHER.find(s.text, ON) for s in sentences]
    dyad, support = attribute_dyads(sentences, mentions)[1]
    assert dyad == Dyad(("RUS", "USA"), 1, None, None)
    assert {m.code for m in support} == {"RUS", "USA"}
    assert all(m.kind == "pronoun" and m.start == m.end == -1 for m in support)
    assert support[0].surface == "The two leaders"


def test_pronoun_subject_keeps_own_mention():
    text = "Trump met reporters on Friday. He also praised Lukashenko."
    sentences = split_sentences(text)
    mentions = [_MATCHER.find(s.text, ON) for s in sentences]
    [(dyad, support)] = attribute_dyads(sentences, mentions)
    assert (dyad.source, dyad.target) == ("USA", "BLR")
    assert [(m.code, m.kind, m.surface) for m in support] == [
        ("BLR", "leader", "Lukashenko"),
        ("USA", "pronoun", "He"),
    ]


def test_dyad_mentions_support_the_pair():
    text = "U.S. President Donald Trump held a phone call with Belarusian President Lukashenko."
    sentences = split_sentences(text)
    mentions = [_MATCHER.find(s.text, ON) for s in sentences]
    [(dyad, support)] = attribute_dyads(sentences, mentions)
    assert dyad.pair == ("BLR", "USA")
    assert [m.surface for m in support] == ["U.S.", "Donald Trump", "Belarusian", "Lukashenko"]


def test_leader_out_of_tenure_makes_no_dyad():
    text = "Trump praised Lukashenko."
    assert labels(text, date(2019, 6, 1)) == {"USA>BLR"}
    assert labels(text, date(2022, 6, 1)) == set()


def test_same_code_never_pairs():
    s = [Sentence(0, 0, 0, 30, "Moscow said Russia will respond")]
    m = [[Mention("RUS", 0, 6, "Moscow", "capital"), Mention("RUS", 12, 18, "Russia", "country")]]
    assert attribute_dyads(s, m) == []


def test_mismatched_lengths_raise():
    with pytest.raises(ValueError):
        attribute_dyads([Sentence(0, 0, 0, 1, "x")], [])


def test_one_dyad_per_pair_per_sentence():
    # opposite directions in one sentence resolve to one mutual dyad
    assert dyads_of("Russia attacked Ukraine; Ukraine attacked Russia.") == [(0, "RUS=UKR")]
    assert dyads_of("Sanctions on Russia by the US and US sanctions on Russia.") == [(0, "USA>RUS")]


@pytest.mark.parametrize(
    "text",
    [
        "France won the World Cup, beating Croatia 4-2 in the final at the stadium in Moscow.",
        "The United States finished at the top of the medal table, overtaking China.",
        "Russia and Saudi Arabia are among the world's largest oil exporters.",
        "Meteorologists in the United States and Canada expected temperatures to ease.",
    ],
)
def test_side_by_side_is_not_interaction(text):
    assert labels(text) == set()


def test_ascii_twins_are_every_non_ascii_case_match():
    # The phrase pre-test maps these before lower-casing; any other non-ASCII character that
    # a case-insensitive regex matched to an ASCII one would let it skip a real match.
    any_ascii = re.compile("[a-z0-9 .'&/-]", re.IGNORECASE)
    found = {chr(c) for c in range(128, sys.maxunicode + 1) if any_ascii.fullmatch(chr(c))}
    assert found == {"İ", "ı", "ſ", "\u212a"}
    assert fold_for_phrases("İ ı ſ \u212a") == "i i s k"


@pytest.mark.parametrize(
    "text",
    [
        "THE TWO LEADERS met.",
        "The two natıons and BOTH SİDES agreed.",
        "Each Other, one  another",  # two spaces: no phrase
        "They spoke with eachother.",
        "The Two ſides — “bilateral” ties.",
        "Bilaterally speaking, the two leaders.",
        "",
    ],
)
def test_phrase_pretest_never_hides_a_match(text):
    def span(match):
        return match.span() if match else None

    words = relation_words()
    for phrases in (words.coref_mutual, words.non_political, words.speech):
        assert span(phrases.search(text)) == span(phrases.pattern.search(text))


def test_phrase_substrings_cover_every_phrase():
    phrases = ["the two leaders", "the two sides", "both sides", "heat wave", "heatwave", "x y"]
    found = Phrases.of(phrases).substrings
    assert all(any(s in p for s in found) for p in phrases)
    assert len(found) < len(phrases)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The two leaders also discussed trade.", True),
        ("They also discussed trade.", True),
        ("The talks lasted two hours.", True),
        ("Oil prices rose on Tuesday.", False),
        ("He also praised the deal.", False),  # a pronoun needs a named state to pair with
    ],
)
def test_a_sentence_naming_no_state_inherits_only_through_a_cue(text, cue):
    from tracker.coding.coreference import refers_back

    assert refers_back(text) is cue
    first = "Trump met Putin in Alaska."
    sentences = split_sentences(f"{first} {text}")
    mentions = [ActorMatcher().find(s.text, date(2025, 8, 15)) for s in sentences]
    inherited = [d for d, _ in attribute_dyads(sentences, mentions) if d.sentence_index == 1]
    assert bool(inherited) is cue


def test_a_clause_opened_by_after_has_a_subject_not_a_place():
    """ "..., after Russia and Belarus began joint drills": the group after the conjunction
    is the clause's coordinated subject (it had been a circumstance: no Russia-Belarus pair)."""
    found = dyads_of(
        "Poland closed its border with Belarus, after Russia and Belarus began joint drills."
    )
    assert (0, "BLR=RUS") in found and (0, "POL>BLR") in found, found
    assert dyads_of("Talks resumed after Russia's invasion of Ukraine.") == [(0, "RUS>UKR")]


def test_a_conjunction_inside_a_clause_opens_a_clause_of_its_own():
    """ "called off after Lavrov and Rubio failed to agree": they are the subject of the
    clause "after" opens (there was no Russia-U.S. pair)."""
    text = "The planned summit was called off after Lavrov and Rubio failed to agree on an agenda."
    assert dyads_of(text, date(2025, 11, 5)) == [(0, "RUS=USA")]
    found = dyads_of("Poland closed its border with Belarus after Russia and Belarus began drills.")
    assert (0, "BLR=RUS") in found and (0, "POL>BLR") in found, found


def test_the_ministers_of_two_states_are_a_coordinated_subject():
    """ "The foreign ministers of Russia and Belarus met in Minsk": "of" names the subject's
    own states (the lone group had been read as a place: no pair)."""
    found = dyads_of("The foreign ministers of Russia and Belarus met in Minsk.")
    assert found == [(0, "BLR=RUS")], found
