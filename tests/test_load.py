"""tracker.load.reader: formats, front matter, titles, encodings, input files (dates:
test_load_dates.py)."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date

import pytest
from load_helpers import BODY, DAY, HTML, article, error, only

from tracker.errors import IngestError, UsageError
from tracker.load.reader import (
    SUPPORTED_EXTENSIONS,
    iter_input_files,
    load_articles,
    read_documents,
)
from tracker.models import Article, DateSource, Document, article_id


def test_supported_extensions():
    assert {".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".csv", ".zip"} == set(
        SUPPORTED_EXTENSIONS
    )


# --- txt / md --------------------------------------------------------------------------------
def test_txt_happy_path():
    text = f"US envoy meets Lukashenko\n\n{BODY}\n"
    a = article("story.txt", text.encode(), DAY)
    assert a.title == "US envoy meets Lukashenko"
    assert a.text == text.strip()
    assert a.id == article_id(a.text)
    assert a.published_at == DAY and a.date_source is DateSource.CALLER
    assert a.lang == "en"


def test_headings_and_blank_lines_are_kept():
    text = f"Headline here\n\n{BODY}\n\nBackground & Context\n\nSecond paragraph.\nWrapped line."
    a = article("a.txt", text.encode(), DAY)
    assert "\n\nBackground & Context\n\n" in a.text
    assert "Second paragraph.\nWrapped line." in a.text


def test_title_from_first_sentence_when_first_line_is_prose():
    doc = only(read_documents("a.txt", (BODY * 3).encode()))
    assert isinstance(doc, Document)
    assert (
        doc.title == "The U.S. envoy met Belarusian leader Alexander Lukashenko on Friday in Minsk."
    )
    assert "title taken from first sentence" in doc.warnings


def test_long_first_sentence_title_is_truncated():
    long = "Officials " + "from many countries " * 30 + "met."
    doc = only(read_documents("a.txt", long.encode()))
    assert doc.title.endswith("…") and len(doc.title) <= 121


@pytest.mark.parametrize(
    ("first_line", "is_headline"),
    [
        ("US envoy meets Lukashenko", True),
        ("Will Minsk free more prisoners?", True),
        ("The envoy met the president.", False),
        ("word " * 40, False),
    ],
)
def test_headline_detection(first_line, is_headline):
    doc = only(read_documents("a.txt", f"{first_line}\n\n{BODY}".encode()))
    assert ("title taken from first sentence" not in doc.warnings) is is_headline
    if is_headline:
        assert doc.title == first_line


def test_yaml_front_matter():
    data = (
        '---\ntitle: "Envoy in Minsk"\ndate: 2025-08-15\nsource: Reuters\n'
        "url: https://example.com/a\ntags: [x, y]\n---\nFirst line\n\n" + BODY
    ).encode()
    a = article("a.md", data)
    assert a.title == "Envoy in Minsk"
    assert a.published_at == DAY and a.date_source is DateSource.FIELD
    assert a.source == "Reuters" and a.url == "https://example.com/a"
    assert a.text.startswith("First line") and "tags" not in a.text


def test_plain_leading_key_value_lines():
    data = f"Title: Talks resume\nDate: 15 August 2025\n\n{BODY}".encode()
    a = article("a.txt", data)
    assert a.title == "Talks resume" and a.published_at == DAY
    assert a.text == BODY


def test_markdown_heading_markers_dropped():
    data = f"# Envoy meets Lukashenko\n\n{BODY}\n\n## Background ##\n\nMore text.".encode()
    a = article("a.md", data, DAY)
    assert a.title == "Envoy meets Lukashenko"
    assert "\n\nBackground\n\n" in a.text and "#" not in a.text


# --- html ------------------------------------------------------------------------------------


@pytest.mark.parametrize("ext", [".html", ".htm"])
def test_html_happy_path(ext):
    a = article("page" + ext, HTML.encode())
    assert a.title == "US envoy meets Lukashenko"
    assert a.published_at == DAY and a.date_source is DateSource.HTML_META
    assert "<" not in a.text and "praised him" in a.text
    assert "\n\nBackground\n\n" in a.text


def test_tiny_html_is_read():
    doc = only(read_documents("a.html", b"<p>Hello from Minsk.</p><script>alert('X')</script>"))
    assert doc.text == "Hello from Minsk."


def test_html_falls_back_to_visible_text_when_trafilatura_finds_none(monkeypatch):
    import trafilatura

    from tracker.load.html_worker import stop_html_worker

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *a, **k: None)
    stop_html_worker()  # HTML is parsed in a forked worker: fork it again, patched
    try:
        html = b"<div>Hello <b>from</b> Minsk.<script>alert('X')</script></div><p>Second.</p>"
        doc = only(read_documents("a.html", html))
    finally:
        monkeypatch.undo()
        stop_html_worker()
    assert doc.text == "Hello from Minsk.\n\nSecond."
    assert any("visible text" in w for w in doc.warnings)


# --- records ---------------------------------------------------------------------------------
def test_json_list_of_objects_case_insensitive():
    records = [
        {"Title": "One", "Text": BODY, "Published_At": "2025-08-15", "URL": "u", "Source": "s"},
        {"title": "Two", "body": BODY + " Two.", "date": "2025-08-16T09:00:00Z"},
        {"headline": "Three", "content": BODY + " Three."},
    ]
    items = list(load_articles("batch.json", json.dumps(records).encode(), date(2025, 1, 1)))
    assert [a.origin for a in items] == ["batch.json#1", "batch.json#2", "batch.json#3"]
    assert [a.title for a in items] == ["One", "Two", "Three"]
    assert items[0].url == "u" and items[0].source == "s"
    assert items[1].published_at == date(2025, 8, 16)
    assert items[2].date_source is DateSource.CALLER


@pytest.mark.parametrize(
    "payload",
    [{"title": "One", "text": BODY}, {"articles": [{"title": "One", "text": BODY}]}],
)
def test_json_single_object_or_wrapped_list(payload):
    a = article("a.json", json.dumps(payload).encode(), DAY)
    assert a.title == "One" and a.origin == "a.json#1"


def test_jsonl_record_without_text_does_not_stop_the_others():
    lines = [
        json.dumps({"title": "A", "text": BODY}),
        "",
        json.dumps({"title": "B"}),
        json.dumps({"title": "C", "text": BODY + " C."}),
    ]
    items = list(load_articles("batch.jsonl", "\n".join(lines).encode(), DAY))
    assert isinstance(items[0], Article) and items[0].origin == "batch.jsonl#1"
    assert isinstance(items[1], IngestError)
    assert str(items[1]) == "batch.jsonl#2: record has no text"
    assert isinstance(items[2], Article) and items[2].origin == "batch.jsonl#3"


def test_csv_happy_path_and_delimiters():
    data = f'Title,Text,Date,URL\nOne,"{BODY}",2025-08-15,http://x\nTwo,"{BODY} 2",,\n'
    items = list(load_articles("a.csv", data.encode(), date(2025, 1, 1)))
    assert [(a.origin, a.title, a.published_at) for a in items] == [
        ("a.csv#1", "One", DAY),
        ("a.csv#2", "Two", date(2025, 1, 1)),
    ]
    semi = f"title;body\nOne;{BODY}\n".encode()
    assert article("b.csv", semi, DAY).title == "One"
    tab = f"title\tcontent\nOne\t{BODY}\n".encode()
    assert article("c.csv", tab, DAY).title == "One"


def test_csv_without_text_column():
    err = error("a.csv", b"title,date\nx,2025-01-01\n")
    assert "no text column" in err.reason and err.file == "a.csv"


# --- zip -------------------------------------------------------------------------------------
def make_zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_zip_reads_supported_members_in_memory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    data = make_zip(
        {
            "inner/a.txt": f"A headline\n\n{BODY}".encode(),
            "inner/b.jsonl": json.dumps({"text": BODY + " B."}).encode(),
            "image.png": b"\x89PNG",
            ".hidden.txt": b"secret",
            "__MACOSX/._a.txt": b"junk",
        }
    )
    items = list(load_articles("bundle.zip", data, DAY))
    assert [a.origin for a in items] == ["bundle.zip/inner/a.txt", "bundle.zip/inner/b.jsonl#1"]
    assert all(isinstance(a, Article) for a in items)
    assert list(tmp_path.iterdir()) == []  # nothing extracted


def test_zip_without_supported_files():
    err = error("bundle.zip", make_zip({"a.png": b"x"}))
    assert "no supported files" in err.reason


# --- encodings -------------------------------------------------------------------------------
SAMPLE = "Envoy’s “talks” in Minsk — café résumé\n\n" + BODY


@pytest.mark.parametrize(
    ("encoded", "warned"),
    [
        (SAMPLE.encode("utf-8"), False),
        (SAMPLE.encode("utf-8-sig"), False),
        (SAMPLE.encode("utf-16"), False),
        (b"\xff\xfe" + SAMPLE.encode("utf-16-le"), False),
        (b"\xfe\xff" + SAMPLE.encode("utf-16-be"), False),
        (SAMPLE.encode("utf-16-le"), True),
        (SAMPLE.encode("utf-16-be"), True),
        (SAMPLE.encode("cp1252"), True),
    ],
)
def test_encodings(encoded, warned):
    doc = only(read_documents("a.txt", encoded))
    assert isinstance(doc, Document), doc
    assert doc.text == SAMPLE
    assert any("encoding detected" in w for w in doc.warnings) is warned


def test_latin1():
    text = "Cafe owners in Zurich said the talks were fine. Señor Müller agreed. " * 3
    doc = only(read_documents("a.txt", text.encode("latin-1")))
    assert doc.text == text.strip()
    assert any("encoding detected as" in w for w in doc.warnings)


@pytest.mark.parametrize("codec", ["cp1251", "koi8_r", "utf-8", "utf-16"])
def test_russian_text_is_refused_in_any_encoding(codec):
    text = "Президент Беларуси Александр Лукашенко встретился с посланником США в Минске."
    err = error("ru.txt", text.encode(codec), DAY)
    assert "Russian/Belarusian" in err.reason and "only English" in err.reason


def test_cp1251_is_detected_and_english_with_a_russian_quote_is_kept():
    text = (
        "Lukashenko said the talks in Minsk were good for both sides and for the region. "
        "He added, in Russian, 'Мы готовы к диалогу.' The envoy agreed with that view."
    )
    doc = only(read_documents("a.txt", text.encode("cp1251")))
    assert isinstance(doc, Document), doc
    assert doc.text == text and "encoding detected as cp1251" in doc.warnings


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Der Präsident traf sich am Freitag mit dem Gesandten in Minsk. " * 8, "German"),
        ("Le président a rencontré vendredi l'envoyé des États-Unis. " * 8, "French"),
    ],
)
def test_other_latin_languages_are_refused(text, language):
    err = error("a.txt", text.encode(), DAY)
    assert language in err.reason and "only English" in err.reason


@pytest.mark.parametrize("byte", [*range(1, 32), 127])  # NUL: the UTF-16 branch
def test_control_characters_are_judged_as_by_the_regex(byte):
    from tracker.load.encoding import _CONTROL, CONTROL_SAMPLE_CHARS, UndecodableError, decode_bytes

    for text in (
        f"Talks in Minsk{chr(byte)} went well. " * 3,  # one in 41: over the 1% limit
        "Talks in Minsk went well. " * 200 + chr(byte),  # one in 5,201
        "x" * CONTROL_SAMPLE_CHARS + chr(byte) * 50,  # only after the sample
        "caf\u00e9 " * 20 + chr(byte),
    ):
        sample = text[:CONTROL_SAMPLE_CHARS]
        binary = "\x00" in sample or len(_CONTROL.findall(sample)) > 0.01 * len(sample)
        try:
            decoded = decode_bytes(text.encode())
        except UndecodableError:
            assert binary
        else:
            assert not binary and decoded.text == text


def test_function_words_counted_in_slices_decide_as_the_whole_count():
    import random

    from tracker.load.language import _FUNCTION_WORDS, _enough_function_words

    rng = random.Random(3)
    vocabulary = [*sorted(_FUNCTION_WORDS), "minsk", "talks", "envoy", "der", "le", "sanctions"]
    for size in (0, 1, 40, 63, 64, 65, 200, 333):
        for _ in range(20):
            words = rng.choices(vocabulary, weights=[1] * 31 + [20] * 6, k=size)
            for needed in (0.0, 0.08 * size, 0.3 * size, size + 1.0):
                whole = sum(w in _FUNCTION_WORDS for w in words) >= needed
                assert _enough_function_words(words, needed) == whole


# --- input files -----------------------------------------------------------------------------
def test_iter_input_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("x")
    (tmp_path / "b" / "a.json").write_text("x")
    (tmp_path / "b" / "skip.pdf").write_text("x")
    (tmp_path / "b" / ".hidden.txt").write_text("x")
    (tmp_path / "b" / ".git").mkdir()
    (tmp_path / "b" / ".git" / "c.txt").write_text("x")
    (tmp_path / "a.md").write_text("x")
    (tmp_path / "odd.pdf").write_text("x")
    found = list(iter_input_files([str(tmp_path / "b"), str(tmp_path / "*.md")]))
    assert found == [tmp_path / "b" / "a.json", tmp_path / "b" / "z.txt", tmp_path / "a.md"]
    # a file named explicitly is passed on (the loader reports its type); duplicates once
    explicit = [str(tmp_path / "odd.pdf"), str(tmp_path / "a.md"), str(tmp_path / "a.md")]
    assert list(iter_input_files(explicit)) == [tmp_path / "odd.pdf", tmp_path / "a.md"]
    assert list(iter_input_files([str(tmp_path / "**" / "*.txt")])) == [tmp_path / "b" / "z.txt"]


@pytest.mark.parametrize("pattern", ["missing.txt", "*.nothing", "empty"])
def test_iter_input_files_nothing_matched(tmp_path, pattern):
    (tmp_path / "empty").mkdir()
    with pytest.raises(UsageError):
        iter_input_files([str(tmp_path / pattern)])


def test_unsupported_extension():
    err = error("a.pdf", b"%PDF")
    assert "unsupported file type '.pdf'" in err.reason


def test_a_records_speaker_or_source_country_field_is_kept():
    data = json.dumps(
        [
            {"text": "We condemn the attack.", "date": "2025-03-01", "speaker": "USA"},
            {"text": "We reject it.", "date": "2025-03-01", "source_country": " Belarus "},
            {"text": "No speaker here.", "date": "2025-03-01"},
        ]
    ).encode()
    got = [a.speaker for a in load_articles("statements.json", data)]
    assert got == ["USA", "Belarus", None]
