"""tracker.models: identity (normalise_text, article_id) and pair parsing."""

from __future__ import annotations

import hashlib
import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tracker.models import Pair, article_id, normalise_text, parse_direction, parse_pair

# Every character str.split() splits on, and some that NFKC turns into a space.
WHITESPACE = "".join(chr(c) for c in range(0x110000) if chr(c).isspace())
SPACE_LIKE = WHITESPACE + "\u00a0\u2007\u202f\u3000\u200b"


def reference(text: str) -> str:
    """The definition that stored ids were computed with (a text with a lone surrogate never
    had an id: UTF-8 cannot encode one, so article_id raised; it is now read as U+FFFD)."""
    text = "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text)
    return " ".join(unicodedata.normalize("NFKC", text).split()).casefold()


def reference_id(text: str) -> str:
    return hashlib.sha256(reference(text).encode("utf-8")).hexdigest()[:32]


spaced = st.text(
    alphabet=st.one_of(
        st.sampled_from(" \n"),
        st.sampled_from(list(SPACE_LIKE)),
        st.characters(max_codepoint=0x7F),
        st.characters(),
    ),
    max_size=80,
)
ascii_lines = st.lists(st.text(alphabet=st.sampled_from("ab. Z\n"), max_size=12), max_size=8).map(
    "\n".join
)


# derandomize: the same 600 examples on every run (a random seed found the lone surrogate
# below on some runs only); the explicit examples are the inputs that once broke it.
@settings(max_examples=600, deadline=None, derandomize=True, database=None)
@given(st.one_of(spaced, ascii_lines, st.text(max_size=200)))
@example("\ud800")
@example("The United States praised Belarus. \udfff")
@example("caf\u00e9 \udc00\u3000x")
def test_normalise_text_is_the_definition(text):
    assert normalise_text(text) == reference(text)
    assert article_id(text) == reference_id(text)


def test_a_lone_surrogate_has_an_id():
    """Issue 16 item 1: article_id raised UnicodeEncodeError on a lone surrogate."""
    assert article_id("Belarus \udfff") == article_id("Belarus \ufffd")
    assert normalise_text("A\ud800B") == "a\ufffdb"


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n",
        "Minsk\n\nsaid",
        " Minsk said",
        "Minsk said ",
        "Minsk \nsaid",
        "Minsk\n said",
        "Minsk  said",
        "Minsk\tsaid",
        "Minsk\x1csaid",
        "Minsk\r\nsaid",
        "MINSK said",
        "Stra\u00dfe \ufb01ne",  # casefold and NFKC
        "caf\u00e9\u00a0bar",  # NFKC turns the no-break space into a space
        "caf\u00e9\u2028bar",  # a line separator: whitespace NFKC keeps
        "\u3000x\n\ny\u3000",
    ],
)
def test_normalise_text_edge_cases(text):
    assert normalise_text(text) == reference(text)


def test_article_id_ignores_case_and_spacing():
    assert article_id("Minsk said.\n\nMore.") == article_id("minsk  SAID. more.")
    assert len(article_id("x")) == 32


def test_parse_pair_and_direction():
    assert parse_pair("usa-blr") == ("BLR", "USA")
    assert parse_direction("USA>BLR") == ("USA", "BLR")
    with pytest.raises(ValueError):
        parse_pair("USA-USA")


def test_pair_is_a_sorted_tuple_that_prints_as_codes():
    pair = Pair.parse("usa:blr")
    assert pair == ("BLR", "USA") and pair == Pair.of("USA", "BLR")
    assert (pair.a, pair.b) == ("BLR", "USA")
    assert str(pair) == "BLR-USA"
    assert pair.other("USA") == "BLR" and pair.other("BLR") == "USA"
    assert {pair: 1}[("BLR", "USA")] == 1  # the same key as the tuples the coder builds


@pytest.mark.parametrize("text", ["USA", "USA-USA", "US-BLR", "USA-BLR-RUS", "ÜSA-BLR", "123-BLR"])
def test_pair_refuses_malformed_text(text):
    with pytest.raises(ValueError, match="alpha-3"):
        Pair.parse(text)


def test_pair_refuses_codes_the_gazetteer_does_not_know():
    from tracker.coding.gazetteer import state_codes

    assert Pair.parse("RUS-USA", state_codes()) == ("RUS", "USA")
    with pytest.raises(ValueError, match="unknown country code XYZ"):
        Pair.parse("USA-XYZ", state_codes())
