"""Event rule data: categories, rules and mode cues loaded from package CSVs, and the
tokeniser and pattern compiler they share (docs/tone_and_events.md, "Rules").

Three package data files drive the coder:

- ``event_categories.csv``: PLOVER's 16 categories with a Goldstein-like intensity, the
  CAMEO root code and GDELT QuadClass;
- ``event_rules.csv``: records ``{id, category, pattern, requires, unless, window, content}``.
  A pattern is space-separated token slots; a slot is ``a|b|c`` alternatives, each a lemma
  expanded to its inflections (``praise`` -> praises, praised, praising) unless written
  ``=exact``; ``...`` lets up to three tokens stand between two slots. ``content`` says what
  the trigger's object is: ``act`` (a threatened, requested or offered act: hypothetical) or
  ``topic`` (what is condemned, raised or discussed: not an act of the speaker);
- ``mode_cues.csv``: negation, hypothetical, conditional, historical, background and topic
  cues.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from tracker.models import Mode

CATEGORIES_FILE = "event_categories.csv"
RULES_FILE = "en/event_rules.csv"
CUES_FILE = "en/mode_cues.csv"

GAP = "..."
MAX_GAP = 3  # tokens allowed between slots joined by "..." ("imposed new economic sanctions")
DEFAULT_WINDOW = 5  # tokens either side searched for a rule's `requires` / `unless` words
CONTENTS = frozenset({"", "act", "topic", "each_other"})  # values of a rule's `content` column

# No token starts with whitespace: the "(?=\S)" check skips spaces at once (the same tokens
# as without it, ~12% faster).
# A dotted abbreviation ("U.S.", "U.K.", "e.g.") is one token: its dots are no clause break.
TOKEN = re.compile(
    r"(?=\S)(?:\d+(?:[.,]\d+)*|(?:[^\W\d_]\.){2,}|[^\W_]+(?:['\-][^\W_]+)*|'ll|n't|[;:,.!?()\"])"
)
# Words that end a token run inside a gapped pattern ("imposed ... sanctions").
SENTENCE_BREAK = frozenset({";", ".", "!", "?", "but", "however"})
SCARE_QUOTE = "`"  # a quotation mark around one word (``without_scare_quotes``)
_SLOT_BREAK = SENTENCE_BREAK | {",", ":", "(", ")"}
NAME_SHARE = 0.6  # above this share of capitalised words a sentence is a title-case headline


@dataclass(frozen=True, slots=True)
class EventCategory:
    """A PLOVER category with GDELT-comparable codes (see event_categories.csv)."""

    name: str
    intensity: float  # -10..+10, Goldstein value of the CAMEO root (documented per row)
    cameo: str  # CAMEO root code, two digits
    quad_class: int  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    description: str = ""


@dataclass(frozen=True, slots=True)
class EventRule:
    """One trigger pattern for one category; a data record, saved and loaded as CSV."""

    id: str
    category: str
    pattern: str
    requires: str = ""  # "a|b|c": one of these within `window` tokens, else no match
    unless: str = ""  # "a|b|c": none of these within `window` tokens
    window: int = DEFAULT_WINDOW
    note: str = ""
    content: str = ""  # "act": its object is a hypothetical act; "topic": a topic of speech;
    # "each_other": a coordinated subject does it to each other ("X and Y exchanged fire")


# What a cue does. A MODE cue sets its mode on triggers after it in the clause; CONDITIONAL
# ("if", "unless") makes the rest of its clause hypothetical, even a negated act ("if Russia
# did not agree"); BACKGROUND ("since", "before") makes the phrase it opens historical; TOPIC
# ("mentioned", "brought up") makes the nouns after it topics of speech, not acts;
# COMMENTARY ("may hinge on", "will be closely monitoring", "ramifications") marks the
# sentence part it stands in as analysis, which asserts nothing: its triggers are hypothetical.
# CANCEL ("cancelled", "called off") negates the noun trigger it governs ("cancelled a
# planned meeting"), as BACKGROUND dates it. SETTLED is a background cue whose noun happened
# whatever frames its clause ("could visit for the first time since the invasion"). FUTURE
# is a time still to come after the trigger ("Witkoff travels to Moscow next week").
CUE_KINDS = (
    "mode", "conditional", "background", "settled", "future", "topic", "commentary", "cancel"
)  # fmt: skip
_CUE_MODE = {
    "cancel": Mode.NEGATED,
    "commentary": Mode.HYPOTHETICAL,
    "conditional": Mode.HYPOTHETICAL,
    "background": Mode.HISTORICAL,
    "settled": Mode.HISTORICAL,
    "future": Mode.HYPOTHETICAL,
    "topic": Mode.ASSERTED,
}


@dataclass(frozen=True, slots=True)
class ModeCue:
    mode: Mode
    tokens: tuple[str, ...]
    kind: str = "mode"  # one of CUE_KINDS


# ---------------------------------------------------------------------------- data loading


def _read_csv(name: str) -> list[dict[str, str]]:
    raw = files("tracker.data").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(raw)))


@cache
def _categories() -> tuple[EventCategory, ...]:
    out = []
    for row in _read_csv(CATEGORIES_FILE):
        cat = EventCategory(
            name=row["name"].strip(),
            intensity=float(row["intensity"]),
            cameo=row["cameo"].strip(),
            quad_class=int(row["quad_class"]),
            description=row["description"].strip(),
        )
        if not -10.0 <= cat.intensity <= 10.0 or cat.quad_class not in (1, 2, 3, 4):
            raise ValueError(f"{CATEGORIES_FILE}: bad intensity or quad_class in {cat}")
        if not re.fullmatch(r"\d\d", cat.cameo):
            raise ValueError(f"{CATEGORIES_FILE}: CAMEO root must be two digits in {cat}")
        out.append(cat)
    return tuple(out)


def load_categories() -> dict[str, EventCategory]:
    """PLOVER categories by name, from the packaged CSV (read once per process)."""
    return {c.name: c for c in _categories()}


def rules_from_records(records: Iterable[Mapping[str, str | int]]) -> tuple[EventRule, ...]:
    """Rules from dict records (CSV rows or JSON objects) with keys as in EventRule."""
    rules = []
    for rec in records:
        window = rec.get("window") or DEFAULT_WINDOW
        content = str(rec.get("content") or "").strip()
        if content not in CONTENTS:
            raise ValueError(
                f"rule {rec.get('id')!r}: content must be act, topic, each_other or empty"
            )
        rules.append(
            EventRule(
                id=str(rec["id"]).strip(),
                category=str(rec["category"]).strip(),
                pattern=str(rec["pattern"]).strip(),
                requires=str(rec.get("requires") or "").strip(),
                unless=str(rec.get("unless") or "").strip(),
                window=int(window),
                note=str(rec.get("note") or ""),
                content=content,
            )
        )
    return tuple(rules)


@cache
def load_rules() -> tuple[EventRule, ...]:
    """The packaged event rules (read once per process)."""
    return rules_from_records(_read_csv(RULES_FILE))


def cue_from_record(kind_or_mode: str, cue: str) -> ModeCue:
    """A cue from its CSV ``mode`` column (a Mode value or a kind) and its text."""
    name = kind_or_mode.strip()
    tokens = tuple(tokenize_lower(cue))
    if name in _CUE_MODE:
        return ModeCue(_CUE_MODE[name], tokens, name)
    return ModeCue(Mode(name), tokens)


@cache
def load_mode_cues() -> tuple[ModeCue, ...]:
    """The packaged mode cues (read once per process)."""
    return tuple(
        cue_from_record(row["mode"], row["cue"])
        for row in _read_csv(CUES_FILE)
        if row["cue"].strip()
    )


# ------------------------------------------------------------------------- tokens and forms


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Lower-cased tokens of ``text`` with their character offsets."""
    norm = text.replace("’", "'")  # same length: offsets stay valid
    return [(m.group().lower(), *m.span()) for m in TOKEN.finditer(norm)]


def tokenize_lower(text: str) -> list[str]:
    return [t for t, _, _ in tokenize(text)]


_VOWELS = frozenset("aeiou")


def inflect(lemma: str) -> frozenset[str]:
    """Regular verb and noun forms of ``lemma``; over-generation is harmless."""
    w = lemma.lower()
    forms = {w}
    if w.endswith("e"):
        forms |= {w + "s", w + "d", w[:-1] + "ing", w + "ing"}
    elif w.endswith("y") and len(w) > 1 and w[-2] not in _VOWELS:
        forms |= {w[:-1] + "ies", w[:-1] + "ied", w + "ing"}
    elif w.endswith(("s", "x", "z", "ch", "sh")):
        forms |= {w + "es", w + "ed", w + "ing"}
    else:
        forms |= {w + "s", w + "ed", w + "ing"}
        cvc = len(w) >= 3 and w[-1] not in _VOWELS | {"w", "y"} and w[-2] in _VOWELS
        if cvc and w[-3] not in _VOWELS:  # ban -> banned, commit -> committed
            forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    return frozenset(forms)


def slot_forms(spec: str) -> frozenset[str]:
    """The surface forms of one slot ``a|=b|c``."""
    out: set[str] = set()
    for alt in spec.split("|"):
        alt = alt.strip().lower()
        if not alt:
            continue
        out |= {alt[1:]} if alt.startswith("=") else inflect(alt)
    return frozenset(out)


def parse_pattern(pattern: str) -> tuple[frozenset[str] | int, ...]:
    """Pattern text -> slots; an int is a gap ("..." = MAX_GAP tokens, "...5" = five; "...+"
    = one to MAX_GAP tokens, a negative int: "want ...+ to" is "wants Putin to", not "wants
    to")."""
    slots: list[frozenset[str] | int] = []
    for part in pattern.split():
        if part.startswith(GAP):
            if not slots or isinstance(slots[-1], int):
                raise ValueError(f"misplaced '...' in pattern {pattern!r}")
            rest = part[len(GAP) :]
            slots.append(-MAX_GAP if rest == "+" else int(rest or MAX_GAP))
        else:
            slots.append(slot_forms(part))
    if not slots or isinstance(slots[-1], int):
        raise ValueError(f"empty pattern or trailing '...' in {pattern!r}")
    return tuple(slots)


# a preposition slot's word that opens an idiom is no preposition: "fired at least one missile"
_IDIOMS = frozenset({("at", "least"), ("at", "most"), ("at", "once"), ("on", "average")})


def match_slots(slots: Sequence[frozenset[str] | int], words: Sequence[str], i: int) -> int:
    """Index of the last token matched by ``slots`` starting at ``i`` (slot 0 already matched),
    or -1. A gap never crosses punctuation; a quotation mark takes no place in it ("was
    \"disappointed\" in Putin")."""
    j = i + 1
    gap = skip = 0
    n = len(words)
    for slot in slots[1:]:
        if isinstance(slot, int):
            gap, skip = abs(slot), int(slot < 0)
            continue
        if skip and (j >= n or words[j] in _SLOT_BREAK or words[j] in slot):
            return -1  # "...+": at least one other token first
        k, end = j + skip, min(n, j + gap + 1)
        while k < end:
            w = words[k]
            if w in slot:
                if k + 1 == n or (w, words[k + 1]) not in _IDIOMS:
                    j = k + 1
                    break
                end = min(n, end + 2)  # (the idiom takes no place in the gap)
            if w in _SLOT_BREAK:
                return -1
            if (w == '"' or w == SCARE_QUOTE) and end < n:
                end += 1
            k += 1
        else:
            return -1
        gap = skip = 0
    return j - 1


_PARTICLES = frozenset(
    {"from", "to", "on", "at", "with", "of", "in", "into", "against", "for", "over", "by",
     "out", "off", "up", "down", "back", "away", "about", "toward", "towards"}
)  # fmt: skip


def nearest_objects(cands: list, words: Sequence[str]) -> list:
    """Of two candidates with gaps from the same first token, the one whose last token lies
    in the other's gap wins: the verb's object is the nearer noun ("traded accusations over
    the shelling" is an exchange of accusations, not of shelling). A longer match whose slot
    holds that token extends the shorter and keeps its place. ``cands`` are the matcher's
    (-length, first token, order, last token, compiled rule) tuples."""
    starts: dict[int, list] = {}
    for cand in cands:
        if not cand[4].single:
            starts.setdefault(cand[1], []).append(cand)
    drop: set[int] = set()
    for group in (g for g in starts.values() if len(g) > 1):
        for short in group:
            word = words[short[3]]
            if word in _PARTICLES:  # ("withdrew from Iran's nuclear deal": its object follows)
                continue
            for long in group:
                if long[3] > short[3] and not any(
                    word in slot for slot in long[4].slots[1:] if not isinstance(slot, int)
                ):
                    drop.add(id(long))
    return [cand for cand in cands if id(cand) not in drop] if drop else cands


def name_tokens(surface: Sequence[str]) -> frozenset[int] | tuple[()]:
    """Indices of capitalised tokens inside multi-word names ("Amnesty International",
    "Security Council", "Economic Cooperation"): they are not triggers. Off for headlines."""
    caps = [k for k, w in enumerate(surface) if w[0].isupper()]
    if not caps or len(caps) > NAME_SHARE * len(surface):
        return ()
    capset = set(caps)
    return frozenset(
        k
        for k in caps
        if k > 0
        and ((k - 1 in capset and k - 1 > 0) or k + 1 in capset)
        and surface[k] not in _TITLES  # ("Ukraine's Ambassador Vasyl Zvarych was summoned")
    )


_TITLES = frozenset({"Ambassador", "Envoy", "Commissioner"})  # a title before a name


def token_starts(text: str, surface: Sequence[str], upto: int) -> list[int]:
    """Character offsets of tokens 0..upto (tokens come from TOKEN over ``text``)."""
    starts = []
    add = starts.append
    find = text.index
    pos = 0
    for w in surface[: upto + 1]:
        pos = find(w, pos)
        add(pos)
        pos += len(w)
    return starts


def without_scare_quotes(words: list[str]) -> list[str]:
    """``words`` with the quotation marks around one word (the United States "would"
    defend) as ``SCARE_QUOTE``: no clause break, so a modal or negation reaches past them."""
    out = words
    for k in range(len(words) - 2):
        if words[k] == '"' and words[k + 2] == '"' and words[k + 1][:1].isalnum():
            if out is words:
                out = list(words)
            out[k] = out[k + 2] = SCARE_QUOTE
    return out


def lower_tokens(norm: str, surface: list[str]) -> list[str]:
    """The lower-cased tokens: ``TOKEN`` over ``norm.lower()``, or each token lower-cased
    when a case mapping changed the token count ("İ"); scare quotes marked."""
    if norm.isascii():  # ASCII case mapping keeps every token boundary; tokens have no space
        words = " ".join(surface).lower().split(" ") if surface else []
    else:
        words = TOKEN.findall(norm.lower())
        if len(words) != len(surface):
            words = [w.lower() for w in surface]
    return without_scare_quotes(words) if '"' in norm else words
