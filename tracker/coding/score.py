"""Article -> ScoredArticle: orchestrates the pure stages (no I/O, no database).

    sentences (text) -> mentions (actors) -> dyads with direction (dyads)
      -> tone per dyadic sentence (tone) + events per dyad (events)

Only dyadic sentences are toned and event-coded: a sentence that names fewer than two
interacting countries costs one segmentation pass and one automaton scan, nothing more.
"""

from __future__ import annotations

import gc
import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Protocol

from tracker import __version__
from tracker.coding.act_dyads import act_dyads
from tracker.coding.actors import ActorMatcher, load_gazetteer
from tracker.coding.budget import check_mentions, check_sentences
from tracker.coding.co_agents import only_co_agents, only_listed
from tracker.coding.datelines import cut_dateline
from tracker.coding.dyads import attribute_dyads
from tracker.coding.events import CodedSentence, default_event_coder
from tracker.coding.named_officials import with_named_officials
from tracker.coding.quotations import running_quotes, with_quoted_subject
from tracker.coding.rank_mentions import with_rank_speakers
from tracker.coding.readouts import with_second_person
from tracker.coding.reported_self import with_reported_self
from tracker.coding.reported_speech import quoted, running_quote_dyads, speaker_dyads
from tracker.coding.sentences import split_sentences
from tracker.coding.speakers import UNREAD, document_speaker, with_first_person
from tracker.coding.tone import default_tone_scorer
from tracker.models import (
    Article,
    Dyad,
    DyadSentence,
    Event,
    Mention,
    Mode,
    PairScore,
    ScoredArticle,
)


class ToneModel(Protocol):
    """How warm a sentence's words are, -1 (hostile) .. +1 (warm). The package's model is
    :class:`tracker.coding.tone.ToneScorer` (VADER with a geopolitical overlay); a second one
    (a classifier, another lexicon) plugs in through :func:`build_scorer`. ``version``
    changes whenever its scores may change: stored articles are then rescored."""

    version: str

    def score(self, text: str) -> float: ...


class EventModel(Protocol):
    """Who did what to whom in one sentence. The package's model is
    :class:`tracker.coding.events.EventCoder` (PLOVER rules with modes). A dyadic sentence is
    read once (``analyse``, whatever the model keeps of it), then each of its dyads is coded
    (``code_dyad``). Must be pure and safe to share between threads (the dashboard does)."""

    version: str

    def analyse(
        self, sentence_text: str, published_year: int, sentence_mentions: Sequence[Mention]
    ) -> Any: ...

    def code_dyad(
        self,
        sentence: Any,
        mentions: Sequence[Mention],
        dyad: Dyad,
        dyad_count: int | None = None,
        earlier: Mapping[tuple[tuple[str, str], str], tuple[str, str]] | None = None,
    ) -> list[Event]: ...


@dataclass(frozen=True)
class Scorer:
    """The per-process scoring resources, built once by :func:`build_scorer`."""

    matcher: ActorMatcher
    tone: ToneModel
    events: EventModel
    version: str


def scorer_version(actors_file: str | Path | None = None) -> str:
    """Changes whenever the code version or any rule/lexicon/actor data file changes."""
    digest = hashlib.sha256(__version__.encode())
    for name, entry in _data_files(files("tracker.data"), ""):
        digest.update(name.encode())
        digest.update(entry.read_bytes())
    if actors_file:
        digest.update(Path(actors_file).read_bytes())
    return f"{__version__}+{digest.hexdigest()[:10]}"


def _data_files(folder: Traversable, prefix: str) -> list[tuple[str, Traversable]]:
    """Every package data file under ``folder`` (subfolders such as en/ included, the demo
    samples left out: they are articles, not rules), as (relative name, entry), by name."""
    out: list[tuple[str, Traversable]] = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        name = prefix + entry.name
        if entry.is_dir():
            if entry.name not in {"samples", "__pycache__"}:
                out += _data_files(entry, name + "/")
        elif not entry.name.endswith((".py", ".pyc")):
            out.append((name, entry))
    return out


def build_scorer(
    actors_file: str | None = None,
    *,
    tone: ToneModel | None = None,
    events: EventModel | None = None,
) -> Scorer:
    """The one factory of scorers: ingest (and its workers), the dashboard, cluster workers
    and ``tracker score`` all build theirs here. Its version names every part: the package
    and its data files, the tone model's version and the event model's."""
    tone = tone or default_tone_scorer()
    events = events or default_event_coder()
    version = f"{scorer_version(actors_file)};tone={tone.version};events={events.version}"
    return Scorer(ActorMatcher(load_gazetteer(actors_file)), tone, events, version)


@cache
def default_scorer(actors_file: str | None = None) -> Scorer:
    """One scorer with the package's models per process (and per user actor file).

    Its tables (gazetteer automaton, lexicons, rules) live as long as the process, so they
    are moved, with everything else alive by then, out of the garbage collector's reach
    (``gc.freeze``). In a forked ingest worker a full collection would otherwise walk every
    object inherited from the ingest process and copy the pages it touches: freezing
    halves the workers' page faults and saves ~5% of their CPU (docs/performance.md)."""
    scorer = build_scorer(actors_file)
    gc.freeze()
    return scorer


EVENT_TONE_WEIGHT = 0.5  # share of a dyad-sentence's tone taken from its asserted events


def dyad_tone(sentence_tone: float, events: Sequence[Event]) -> float:
    """Tone of one dyad in one sentence: the sentence's VADER tone blended with the mean
    intensity (Goldstein -10..+10, scaled to -1..+1) of the dyad's ASSERTED events there.

        tone = (1 - EVENT_TONE_WEIGHT) * vader + EVENT_TONE_WEIGHT * mean(intensity) / 10

    Without an asserted event the VADER tone is kept. The result stays in [-1, 1]. This
    makes tone dyad-specific ("praised Lukashenko but condemned Putin") and lets acts that
    VADER cannot read ("closed its border", "sent troops") carry their sign.
    """
    if not events:
        return sentence_tone
    asserted = [e.intensity for e in events if e.mode is Mode.ASSERTED]
    if not asserted:
        return sentence_tone
    event_tone = sum(asserted) / len(asserted) / 10.0
    blended = (1.0 - EVENT_TONE_WEIGHT) * sentence_tone + EVENT_TONE_WEIGHT * event_tone
    return max(-1.0, min(1.0, blended))


def _named(dyad: Dyad, support: Sequence[Mention]) -> bool:
    """Does the sentence name both actors of the dyad (not a pronoun or implied)?"""
    return all(any(m.code == c and m.start >= 0 for m in support) for c in dyad.pair)


def _dyads_per_sentence(dyads: Sequence[tuple[Dyad, Sequence[Mention]]]) -> Counter[int]:
    """Dyads per sentence; where some name both actors, those whose actors are partly
    implied ("The conversation ... touched on Putin's visit") do not count."""
    dyads_in = Counter(dyad.sentence_index for dyad, _ in dyads)
    if len(dyads_in) < len(dyads):  # some sentence has several dyads (else nothing changes)
        named = Counter(
            dyad.sentence_index
            for dyad, support in dyads
            if dyads_in[dyad.sentence_index] > 1 and _named(dyad, support)
        )
        dyads_in.update({i: named[i] - n for i, n in dyads_in.items() if named[i]})
    return dyads_in


def _reader(
    scorer: Scorer,
    sentences: Sequence[Any],
    mentions: Sequence[Sequence[Mention]],
    year: int,
    read: dict[int, CodedSentence],
    tone_of: dict[int, float],
) -> Callable[[int], tuple[CodedSentence, float]]:
    """Sentence ``i`` read once by the event model and toned once, into ``read``/``tone_of``."""

    def analysed(i: int) -> tuple[CodedSentence, float]:
        if i not in tone_of:
            tone_of[i] = scorer.tone.score(sentences[i].text)
            if i not in read:  # (read already when ``act_dyads`` looked at its acts)
                read[i] = scorer.events.analyse(sentences[i].text, year, mentions[i])
        return read[i], tone_of[i]

    return analysed


def _side_by_side(
    sentence: CodedSentence, mentions: Sequence[Mention], pair: tuple[str, str], coded: list
) -> bool:
    """Are the pair's states only side by side in this sentence: co-agents of an act toward
    something else, or members of a list in a sentence with no act (``co_agents``)?"""
    return only_co_agents(sentence, pair, coded) or (
        not sentence.matches and only_listed(sentence.text, mentions, pair)
    )


def _mentions(
    sentences: Sequence[Any], named: list[list[Mention]], speaker: str | None
) -> tuple[list[list[Mention]], dict[int, tuple[str, int, int]]]:
    """Each sentence's actor mentions plus the first-person words that stand for a speaker
    (the document's, or a quotation's, also one that runs over several sentences), and the
    quotations that run over several sentences (``speakers.running_quotes``)."""
    texts = [s.text for s in sentences]
    quoted = any('"' in t or "“" in t for t in texts)
    said: dict[int, Any] = {}  # each quotation's speaker, read once by running_quotes
    starts = frozenset(
        i for i, s in enumerate(sentences) if i == 0 or s.paragraph != sentences[i - 1].paragraph
    )  # (a quotation over several paragraphs opens each of them)
    named = with_rank_speakers(texts, named)  # ", the President noted, ..."
    named = with_named_officials(texts, named)  # "Ali said", after "Guyanese President Irfaan Ali"
    named = [with_reported_self(t, found) for t, found in zip(texts, named, strict=True)]
    running = running_quotes(texts, named, said, starts) if quoted else {}
    mentions = [
        with_first_person(text, found, speaker, running.get(i), said.get(i, UNREAD))
        for i, (text, found) in enumerate(zip(texts, named, strict=True))
    ]
    if quoted:  # "your President" inside a quotation: the state addressed; "he" of the
        mentions = with_second_person(texts, mentions, {**said, **running})  # one spoken of
        mentions = [with_quoted_subject(t, m) if '"' in t or "”" in t else m
                    for t, m in zip(texts, mentions, strict=True)]  # fmt: skip
    return mentions, running


def score_article(article: Article, scorer: Scorer | None = None) -> ScoredArticle:
    """Find the pairs an article describes, the tone between them and their events."""
    scorer = scorer or default_scorer()
    sentences = split_sentences(article.text)
    cut_dateline(sentences)  # a wire dateline is no part of its sentence ("MOSCOW (Reuters) - ")
    on, find, a = article.published_at, scorer.matcher.find, article
    check_sentences(sentences)  # budgets (tracker.coding.budget): before the costly steps
    speaker, _ = document_speaker(a.text, on, scorer.matcher, a.speaker, a.url, a.title)
    mentions, running = _mentions(sentences, [find(s.text, on) for s in sentences], speaker)
    check_mentions(sentences, mentions)
    tone_of: dict[int, float] = {}
    read: dict[int, CodedSentence] = {}  # each dyadic sentence read once by the coder
    dyad_sentences: dict[tuple[str, str], list[DyadSentence]] = defaultdict(list)
    events: dict[tuple[str, str], list[Event]] = defaultdict(list)
    analysed = _reader(scorer, sentences, mentions, on.year, read, tone_of)

    def read_acts(i: int) -> CodedSentence:  # the events model alone, for ``act_dyads``
        if i not in read:
            read[i] = scorer.events.analyse(sentences[i].text, on.year, mentions[i])
        return read[i]

    found: dict[int, Any] = {}  # speech wrappers; their speakers act on whom they speak of
    dyads, wrappers = speaker_dyads(
        sentences, mentions, attribute_dyads(sentences, mentions, found), analysed, found
    )
    if running:  # a quotation over several sentences: its speaker speaks in each
        dyads = running_quote_dyads(dyads, running, mentions)
    dyads = act_dyads(dyads, [s.text for s in sentences], mentions, read_acts)
    dyads_in = _dyads_per_sentence(dyads)
    earlier: dict[tuple[tuple[str, str], str], tuple[str, str]] = {}  # latest direction
    for dyad, dyad_mentions in dyads:
        i, pair = dyad.sentence_index, dyad.pair
        text = sentences[i].text
        coded = scorer.events.code_dyad(analysed(i)[0], dyad_mentions, dyad, dyads_in[i], earlier)
        if i in wrappers:
            coded = quoted(coded, wrappers[i], dyad_mentions)
        if _side_by_side(read[i], mentions[i], pair, coded):
            continue  # "Lithuania and Poland condemned the deployment": no LTU-POL relation
        for e in coded:
            if e.source is not None and e.target is not None:
                earlier[(pair, e.category)] = (e.source, e.target)
        events[pair].extend(coded)
        dyad_sentences[pair].append(
            DyadSentence(
                pair=pair,
                sentence_index=i,
                text=text,
                tone=dyad_tone(tone_of[i], coded),
                source=dyad.source,
                target=dyad.target,
                mentions=dyad_mentions,
            )
        )
    pairs = tuple(
        PairScore(pair, sum([s.tone for s in rows]) / len(rows), tuple(rows), tuple(events[pair]))
        for pair, rows in sorted(dyad_sentences.items())
    )  # (pair, tone, sentences, events)
    return ScoredArticle(article, len(sentences), pairs, scorer_version=scorer.version)
