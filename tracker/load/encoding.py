"""Bytes -> text for the loaders: byte-order marks, UTF-16 without a BOM, legacy encodings.

Order of decisions (first that applies wins):

1. a byte-order mark: UTF-32 LE/BE, UTF-8, UTF-16 LE/BE (decoded strictly);
2. NUL bytes: UTF-16 without a BOM when they sit on every other byte (ASCII-range text
   encoded as UTF-16 has a NUL in one byte of each pair); any other NUL -> binary;
3. strict UTF-8 (the fast path for almost every file);
4. UTF-8 with a few stray bytes (at most 1 in 1,000 invalid, or at most
   UTF8_DAMAGE_MIN_BYTES in a short file, and more real multi-byte characters than bad
   bytes) -> UTF-8 with U+FFFD replacements and a warning;
5. charset-normalizer restricted to the legacy encodings we expect from news archives
   (cp1252, cp1251, latin-1, KOI8-R); a cp1251/cp1252 tie is broken by counting words that
   mix Latin and Cyrillic letters ("cafй" is cp1252 read as cp1251).

After decoding, text whose control characters exceed CONTROL_CHAR_RATIO is binary data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Legacy encodings charset-normalizer may choose from. Restricting the set makes it faster
# and keeps it from choosing exotic code pages (cp775, cp1250) for Western text.
LEGACY_ENCODINGS = ("cp1252", "cp1251", "latin_1", "koi8_r")
# Share of control characters (other than tab/newline/CR/FF) above which text is binary:
# real text has none; 1% leaves room for a stray form feed or escape character.
CONTROL_CHAR_RATIO = 0.01
# Sample sizes: enough to judge, small enough to stay fast on a 50 MB file.
SNIFF_BYTES = 8192
CONTROL_SAMPLE_CHARS = 65_536
# UTF-8 with at most 1 invalid byte in this many is read with replacements (a damaged file),
# not handed to legacy detection (which would garble its real multi-byte characters).
UTF8_DAMAGE_PER_BYTES = 1000
# ... and this many bad bytes are always damage, whatever the file's size: one stray byte in
# a 2 KB article is a damaged UTF-8 file, not a cp1251 one (which would garble every "é").
UTF8_DAMAGE_MIN_BYTES = 3

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Every byte but those _CONTROL matches: deleting them leaves the control bytes (in UTF-8 a
# control character is always that one byte), so an empty result means no control character.
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if not _CONTROL.match(chr(b)))
_C1_CONTROL = re.compile(r"[\x80-\x9f]")
_MIXED_WORD = re.compile(r"\b(?=\w*[A-Za-z])(?=\w*[\u0400-\u04ff])\w+\b")

BINARY_REASON = "looks like binary data, not text"
UNDECODABLE_REASON = (
    "the bytes are not UTF-8 and do not look like cp1252, cp1251, latin-1 or KOI8-R "
    "text; save the file as UTF-8 and try again"
)


class UndecodableError(ValueError):
    """The bytes are not text we can read; ``str(error)`` says why and what to do."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
    (b"\xef\xbb\xbf", "utf-8", "UTF-8"),
    (b"\xff\xfe", "utf-16-le", "UTF-16"),
    (b"\xfe\xff", "utf-16-be", "UTF-16"),
)


def decode_bytes(data: bytes) -> Decoded:
    """Decode file bytes to text or raise UndecodableError with a reason for the user."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError:
                raise UndecodableError(
                    f"the file starts with a {label} byte-order mark but is not valid {label}; "
                    "save it as UTF-8 and try again"
                ) from None
            _check_not_binary(text)
            return Decoded(text, codec)
    if b"\x00" in data:
        codec = _utf16_without_bom(data)
        if codec is None:
            raise UndecodableError(BINARY_REASON)
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            raise UndecodableError(BINARY_REASON) from None
        _check_not_binary(text)
        return Decoded(text, codec, (f"encoding detected as {codec.upper()} (no byte-order mark)",))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if data.translate(None, _NOT_CONTROL_BYTES):  # ~1 us on 5 KB; the regex takes ~20
            _check_not_binary(text)
        return Decoded(text, "utf-8")
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return damaged
    return _decode_legacy(data)


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NULs sit on every other byte, else None."""
    sample = data[:SNIFF_BYTES]
    if len(sample) < 2 or len(data) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul > 0.3 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.3 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _damaged_utf8(data: bytes) -> Decoded | None:
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    rare = bad * UTF8_DAMAGE_PER_BYTES <= len(data)
    if not rare and bad > UTF8_DAMAGE_MIN_BYTES:
        return None
    sample = text[:CONTROL_SAMPLE_CHARS]
    real = sum(1 for c in sample if ord(c) > 0x7F and c != "\ufffd")
    if not real or (not rare and real < bad):
        return None  # too few real multi-byte characters: more likely a legacy file
    _check_not_binary(text)
    return Decoded(text, "utf-8", (f"{bad} invalid UTF-8 byte(s) replaced with '\ufffd'",))


def _decode_legacy(data: bytes) -> Decoded:
    from charset_normalizer import from_bytes  # imported late: ~50 ms, rarely needed

    best = from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)).best()
    if best is None:
        raise UndecodableError(UNDECODABLE_REASON)
    encoding = best.encoding
    text = str(best)
    if encoding in ("cp1251", "cp1252"):
        other = "cp1252" if encoding == "cp1251" else "cp1251"
        try:
            alternative = data.decode(other)
        except UnicodeDecodeError:
            alternative = None
        if alternative is not None and _mixed_words(alternative) < _mixed_words(text):
            encoding, text = other, alternative
    if _C1_CONTROL.search(text[:CONTROL_SAMPLE_CHARS]):
        raise UndecodableError(UNDECODABLE_REASON)  # latin-1 read of bytes that are no text
    _check_not_binary(text)
    return Decoded(text, encoding, (f"encoding detected as {encoding}",))


def _mixed_words(text: str) -> int:
    return len(_MIXED_WORD.findall(text[:CONTROL_SAMPLE_CHARS]))


def _check_not_binary(text: str) -> None:
    sample = text[:CONTROL_SAMPLE_CHARS]
    if not _CONTROL.search(sample):
        return
    if "\x00" in sample or len(_CONTROL.findall(sample)) > CONTROL_CHAR_RATIO * len(sample):
        raise UndecodableError(BINARY_REASON)
