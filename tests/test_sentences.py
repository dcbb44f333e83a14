import pytest

from tracker.coding.sentences import iter_paragraphs, split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.S. imposed sanctions. Russia responded.",
            ["The U.S. imposed sanctions.", "Russia responded."],
        ),
        ("Mr. Lukashenko spoke. He smiled.", ["Mr. Lukashenko spoke.", "He smiled."]),
        (
            "MINSK, Aug. 15 (Reuters) — Talks began. More later.",
            ["MINSK, Aug. 15 (Reuters) — Talks began.", "More later."],
        ),
        (
            "Sen. J. Smith met Dr. Brown in Washington, D.C. on Monday.",
            ["Sen. J. Smith met Dr. Brown in Washington, D.C. on Monday."],
        ),
        ('He said "no." Then he left.', ['He said "no."', "Then he left."]),
        ("Is it over? Yes! It is.", ["Is it over?", "Yes!", "It is."]),
        (
            "Talks with the U.N. and the E.U. resumed.",
            ["Talks with the U.N. and the E.U. resumed."],
        ),
        (
            "Prices rose 2.5 percent. Analysts were surprised.",
            ["Prices rose 2.5 percent.", "Analysts were surprised."],
        ),
        ("the deal, e.g. the grain deal, held. ok", ["the deal, e.g. the grain deal, held. ok"]),
        ("", []),
    ],
)
def test_split_sentences(text, expected):
    assert [s.text for s in split_sentences(text)] == expected


def test_offsets_point_into_the_text():
    text = "Headline Here\n\nFirst one. Second  one.\nThird line continues.\n"
    for sentence in split_sentences(text):
        assert " ".join(text[sentence.start : sentence.end].split()) == sentence.text


def test_heading_on_its_own_line_stays_separate():
    text = "Relations were frozen.\nBackground & Context\nThe US imposed sanctions in 2020."
    assert [p for _, p in iter_paragraphs(text)] == [
        "Relations were frozen.",
        "Background & Context",
        "The US imposed sanctions in 2020.",
    ]
    sentences = split_sentences(text)
    assert [s.paragraph for s in sentences] == [0, 1, 2]
    assert sentences[1].text == "Background & Context"


def test_wrapped_prose_lines_join_into_one_paragraph():
    text = (
        "The talks in Geneva lasted for most of the day and ended with a\n"
        "short statement by both delegations."
    )
    sentences = split_sentences(text)
    assert len(sentences) == 1
    assert sentences[0].text.endswith("both delegations.")


def test_indices_are_consecutive():
    sentences = split_sentences("A one. B two.\n\nC three.")
    assert [s.index for s in sentences] == [0, 1, 2]
    assert [s.paragraph for s in sentences] == [0, 0, 1]


def test_a_time_before_a_bracketed_number_does_not_end_the_sentence() -> None:
    text = "The leaders meet at 11 a.m. (1900 GMT), with talks expected to last hours."
    assert [s.text for s in split_sentences(text)] == [text]
    assert len(split_sentences("They met at 9 a.m. The talks lasted hours.")) == 2
    assert len(split_sentences("Talks ended in Geneva. (1) The first point.")) == 2
