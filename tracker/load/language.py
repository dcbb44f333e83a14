"""The language rule: only English articles are scored.

Over the letters of the first LANGUAGE_SAMPLE_CHARS characters: if more than
NON_LATIN_LETTER_SHARE (30%) are Cyrillic, the record is refused as Russian/Belarusian; if
more than 30% are in another non-Latin script (Arabic, CJK, Greek...), it is refused naming
that script. Latin-script text of at least MIN_WORDS_FOR_LANGUAGE words with fewer than
MIN_ENGLISH_FUNCTION_WORDS (8%) English-only function words (the, of, and, said... ~25% of
English news) is checked with py3langid (~7 ms, so only then) and refused when it names one
of the common European languages in _LANGUAGE_NAMES. Everything else is taken as English.
"""

from __future__ import annotations

import re
import unicodedata

LANGUAGE_SAMPLE_CHARS = 5000
NON_LATIN_LETTER_SHARE = 0.30  # the documented rule: >30% Cyrillic letters -> refused
MIN_WORDS_FOR_LANGUAGE = 40  # shorter Latin text is too little evidence to refuse
MIN_ENGLISH_FUNCTION_WORDS = 0.08  # English news: ~25-35%; German, French: 1-5% ("in", "a")

_LETTER = re.compile(r"[^\W\d_]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_NON_LATIN_LETTER = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_CYRILLIC = re.compile(r"[\u0400-\u052f]")
# fmt: off
# Function words that are English and not also words of other Latin-script languages
# ("in", "a", "an", "on", "is", "was", "die" are): ~25% of English news, ~0-2% elsewhere.
_FUNCTION_WORDS = frozenset((
    "the", "of", "and", "to", "for", "with", "were", "said", "by", "that", "it", "has",
    "have", "be", "its", "this", "will", "not", "but", "which", "who", "their", "they", "he",
    "she", "his", "her", "from", "are", "would", "been",
))
# fmt: on


def language_problem(text: str) -> str | None:
    """Why the text is refused as not English, or None when it is taken as English."""
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    if not sample.isascii() and _NON_LATIN_LETTER.search(sample):
        letters = len(_LETTER.findall(sample))
        if len(_NON_LATIN_LETTER.findall(sample)) > NON_LATIN_LETTER_SHARE * letters:
            if len(_CYRILLIC.findall(sample)) > NON_LATIN_LETTER_SHARE * letters:
                return (
                    "language not supported: the text is Russian/Belarusian (Cyrillic); "
                    "only English articles are scored"
                )
            return (
                f"language not supported: the text is in {_main_script(sample)} script; "
                "only English articles are scored"
            )
    words = sample[:2000].lower().split()
    if len(words) < MIN_WORDS_FOR_LANGUAGE:
        return None
    if _enough_function_words(words, MIN_ENGLISH_FUNCTION_WORDS * len(words)):
        return None
    import py3langid  # ~7 ms per call: only for text that already looks non-English

    lang, _ = py3langid.classify(sample[:2000])
    if lang not in _LANGUAGE_NAMES:  # English, or a guess on odd text: do not refuse
        return None
    return (
        f"language not supported: the text looks like {_LANGUAGE_NAMES[lang]}; "
        "only English articles are scored"
    )


def _enough_function_words(words: list[str], needed: float) -> bool:
    """At least ``needed`` English function words; counted in slices, stopping when reached
    (English news gets there in its first ~100 words)."""
    count = 0
    for start in range(0, len(words), _COUNT_SLICE):
        count += sum(map(_FUNCTION_WORDS.__contains__, words[start : start + _COUNT_SLICE]))
        if count >= needed:
            return True
    return count >= needed


_COUNT_SLICE = 64

_LANGUAGE_NAMES = {
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "pl": "Polish",
    "nl": "Dutch",
    "tr": "Turkish",
    "cs": "Czech",
    "lt": "Lithuanian",
    "lv": "Latvian",
    "ro": "Romanian",
    "sv": "Swedish",
    "fi": "Finnish",
    "hu": "Hungarian",
    "da": "Danish",
    "no": "Norwegian",
    "sk": "Slovak",
    "sl": "Slovenian",
    "hr": "Croatian",
    "et": "Estonian",
    "id": "Indonesian",
    "vi": "Vietnamese",
    "ca": "Catalan",
}  # fmt: skip; the languages refused when py3langid names them (others pass as English)


def _main_script(sample: str) -> str:
    counts: dict[str, int] = {}
    for char in sample:
        if char.isalpha() and not _LATIN.match(char):
            script = unicodedata.name(char, "UNKNOWN").split()[0]
            counts[script] = counts.get(script, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else "a non-Latin"
