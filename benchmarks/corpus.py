"""A synthetic, deterministic, streamed news corpus for the benchmarks.

Every article is a pure function of ``(seed, index)`` (``random.Random(f"{seed}:{index}")``),
so a corpus of 1,000 is the prefix of one of 100,000, the same seed gives the same bytes on
any machine, and nothing is held in memory: articles are written one at a time.

An article has 400-1,200 words (``MIN_WORDS``..``MAX_WORDS``), a date spread uniformly over
2014-01-01..2025-12-31, a headline, and between 5% and 40% of its sentences naming two
countries with an interaction verb (all 16 PLOVER categories; asserted, negated,
hypothetical and historical forms; leaders of the right era). The rest is filler about the
economy, weather and sport naming one country at most (the "mixed" corpus).

The "dense" corpus (``dense=True``) is written like foreign-affairs news: 400-640 words
(about 30 sentences), half or more of the sentences naming two states or more, and every
story with a side pair (a third country weighs in).

    python -m benchmarks.corpus OUT --articles 2000 --seed 7 --format txt|jsonl
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from benchmarks import vocab

CORPUS_VERSION = 2  # bump when the generator changes: cached corpora are rebuilt
MIN_WORDS, MAX_WORDS = 400, 1200  # news-sized: a wire story to a long report
MIN_SHARE, MAX_SHARE = 0.12, 0.40  # target share of dyadic sentences; actual >= ~0.06
DENSE_WORDS, DENSE_SHARE = (400, 640), (0.50, 0.62)  # the dense corpus: foreign-affairs news
FIRST_DAY, LAST_DAY = date(2014, 1, 1), date(2025, 12, 31)
SPAN_DAYS = (LAST_DAY - FIRST_DAY).days + 1
JSONL_CHUNK = 1000  # articles per .jsonl file (~6 MB): same file size at every N
TXT_PER_FOLDER = 1000  # .txt files per sub-folder

# Modes of a dyadic sentence, with weights (most news asserts what happened).
MODES = (("asserted", 70), ("negated", 10), ("hypothetical", 13), ("historical", 7))
# Categories with weights: talk and criticism are the bulk of diplomatic news.
CATEGORY_WEIGHTS = {
    "AGREE": 6, "CONSULT": 14, "SUPPORT": 7, "CONCEDE": 3, "COOPERATE": 3, "AID": 3,
    "RETREAT": 2, "REQUEST": 9, "ACCUSE": 12, "REJECT": 6, "THREATEN": 7, "PROTEST": 2,
    "SANCTION": 8, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 5,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class SyntheticArticle:
    index: int
    published_at: date
    title: str
    source: str
    url: str
    paragraphs: tuple[tuple[str, ...], ...]
    dyadic: tuple[bool, ...]  # one flag per sentence, in order
    pairs: tuple[tuple[str, str], ...]

    @property
    def sentences(self) -> tuple[str, ...]:
        return tuple(s for p in self.paragraphs for s in p)

    @property
    def body(self) -> str:
        return "\n\n".join(" ".join(p) for p in self.paragraphs)

    @property
    def word_count(self) -> int:
        return sum(len(s.split()) for s in self.sentences)

    @property
    def dyad_share(self) -> float:
        return sum(self.dyadic) / len(self.dyadic)

    def as_txt(self) -> str:
        return (
            f"title: {self.title}\ndate: {self.published_at.isoformat()}\n"
            f"source: {self.source}\nurl: {self.url}\n\n{self.body}\n"
        )

    def as_record(self) -> dict[str, str]:
        return {
            "title": self.title,
            "date": self.published_at.isoformat(),
            "source": self.source,
            "url": self.url,
            "text": self.body,
        }


def make_article(seed: int, index: int, dense: bool = False) -> SyntheticArticle:
    """Article ``index`` of the corpus ``seed`` (mixed, or ``dense``): always the same bytes."""
    rng = random.Random(f"{seed}:{index}" if not dense else f"dense:{seed}:{index}")
    day = FIRST_DAY + timedelta(days=rng.randrange(SPAN_DAYS))
    pairs = _story_pairs(rng, side=dense)
    low, high = DENSE_WORDS if dense else (MIN_WORDS + 30, MAX_WORDS - 40)
    target_words = rng.randint(low, high)
    share = rng.uniform(*(DENSE_SHARE if dense else (MIN_SHARE, MAX_SHARE)))
    sentences: list[str] = []
    flags: list[bool] = []
    words = 0
    while words < target_words:
        # error diffusion: the dyadic count tracks floor(share * n); the lead is dyadic
        dyadic = not sentences or sum(flags) + 1 <= share * (len(sentences) + 1)
        pair = pairs[0] if rng.random() < 0.7 else rng.choice(pairs)
        text = _dyadic_sentence(rng, day, pair) if dyadic else _filler_sentence(rng, pair)
        n = len(text.split())
        if words + n > MAX_WORDS:
            break
        sentences.append(text)
        flags.append(dyadic)
        words += n
    paragraphs: list[tuple[str, ...]] = []
    start = 0
    while start < len(sentences):
        size = 1 if start == 0 else rng.randint(2, 4)
        paragraphs.append(tuple(sentences[start : start + size]))
        start += size
    a, b = pairs[0]
    title = rng.choice(vocab.HEADLINES).format(
        A=_country(rng, a).removeprefix("the "),
        B=_country(rng, b).removeprefix("the "),
        head_verb=rng.choice(vocab.HEAD_VERBS),
        topic=rng.choice(vocab.TOPICS),
    )
    return SyntheticArticle(
        index=index,
        published_at=day,
        title=_cap(title),
        source=rng.choice(vocab.SOURCES),
        url=f"https://news.example.org/{seed}/{day:%Y/%m}/{index:07d}",
        paragraphs=tuple(paragraphs),
        dyadic=tuple(flags),
        pairs=pairs,
    )


def iter_articles(
    n: int, seed: int, start: int = 0, dense: bool = False
) -> Iterator[SyntheticArticle]:
    for index in range(start, start + n):
        yield make_article(seed, index, dense)


# -- actors --------------------------------------------------------------------------------
_PAIR_WEIGHTS = [w for _, _, w in vocab.PAIRS]


def _story_pairs(rng: random.Random, side: bool = False) -> tuple[tuple[str, str], ...]:
    """The pair the story is about, and 0-2 side pairs (a third country weighs in; at
    least one with ``side``)."""
    a, b, _ = rng.choices(vocab.PAIRS, weights=_PAIR_WEIGHTS)[0]
    pairs = [(a, b) if rng.random() < 0.5 else (b, a)]
    for _ in range(rng.choice((1, 2) if side else (0, 0, 1, 2))):
        c, d, _ = rng.choices(vocab.PAIRS, weights=_PAIR_WEIGHTS)[0]
        if (c, d) not in pairs and (d, c) not in pairs:
            pairs.append((c, d))
    return tuple(pairs)


def _leaders(code: str, on: date) -> list[tuple[str, str, str]]:
    return [
        (title, full, surname)
        for c, title, full, surname, first, after in vocab.LEADERS
        if c == code and first <= on < after
    ]


def _country(rng: random.Random, code: str) -> str:
    return rng.choice(vocab.COUNTRIES[code][0])


def _actor(rng: random.Random, code: str, on: date, *, possessive: bool = False) -> str:
    """A way news names this country's side on this day: name, leader, capital, officials."""
    names, capitals, demonym, institutions = vocab.COUNTRIES[code]
    leaders = _leaders(code, on)
    roll = rng.random()
    if roll < 0.30 or (possessive and roll < 0.55):
        return rng.choice(names)
    if roll < 0.58 and leaders:
        title, full, surname = rng.choice(leaders)
        return rng.choice(
            (f"{title} {full}", f"{demonym} {title} {full}", surname, f"{title} {surname}")
        )
    if roll < 0.70 and capitals:
        return rng.choice(capitals)
    if roll < 0.80 and institutions and not possessive:
        return rng.choice(institutions)
    if possessive:
        return rng.choice(names)
    return rng.choice((f"{demonym} {rng.choice(vocab.ROLES)}", f"the {demonym} government"))


# -- sentences -----------------------------------------------------------------------------
_CATEGORIES = list(CATEGORY_WEIGHTS)
_CATEGORY_W = list(CATEGORY_WEIGHTS.values())
_MODE_NAMES = [m for m, _ in MODES]
_MODE_W = [w for _, w in MODES]


def _dyadic_sentence(rng: random.Random, day: date, pair: tuple[str, str]) -> str:
    a, b = pair if rng.random() < 0.6 else pair[::-1]
    category = rng.choices(_CATEGORIES, weights=_CATEGORY_W)[0]
    past, base, objects = rng.choice(vocab.VERBS[category])
    mode = rng.choices(_MODE_NAMES, weights=_MODE_W)[0]
    on = day
    year = None
    if mode == "historical":
        year = rng.randint(2008, day.year - 1)
        on = date(year, 6, 30)
    number = rng.randint(2, 40)
    obj = rng.choice(objects)
    b_text = _actor(rng, b, on, possessive="{B}'s" in obj)
    capitals = vocab.COUNTRIES[b][1] or vocab.COUNTRIES[b][0]
    obj = obj.format(
        B=b_text,
        Bcap=rng.choice(capitals),
        topic=rng.choice(vocab.TOPICS),
        city=rng.choice(vocab.CITIES),
    )
    past = past.format(n=number)
    subject = _actor(rng, a, on)
    when = rng.choice(vocab.WHEN)
    said = rng.choice(vocab.ATTRIBUTION)
    if mode == "negated":
        text = f"{subject} {rng.choice(vocab.NEGATION)} {base} {obj} {when}, {said}."
    elif mode == "hypothetical":
        cond = rng.choice(vocab.HYPO_CONDITION)
        text = f"{subject} {rng.choice(vocab.HYPOTHETICAL)} {base} {obj} {cond}, {said}."
    elif mode == "historical":
        text = rng.choice(
            (
                f"In {year}, {subject} {past} {obj}.",
                f"Back in {year}, {subject} {past} {obj}, a move diplomats still cite.",
            )
        )
    else:
        adverb = rng.choice(vocab.ADVERBS) + " " if rng.random() < 0.3 else ""
        text = rng.choice(
            (
                f"{subject} {adverb}{past} {obj} {when}, {said}.",
                f"{_cap(rng.choice(vocab.REPORTERS))} said {subject} had {adverb}{past} {obj}"
                f" {when}.",
                f"{subject} {past} {obj}, a sign of shifting relations.",
                f'"We {base} {obj}," a senior official in {_country(rng, a)} told reporters.',
            )
        )
    return _cap(text)


def _filler_sentence(rng: random.Random, pair: tuple[str, str]) -> str:
    roll = rng.random()
    if roll < 0.15:
        return rng.choice(vocab.BACKGROUND)
    country = _country(rng, rng.choice(pair))
    if roll < 0.25:
        return f'"{rng.choice(vocab.QUOTES)}," a resident of {country.removeprefix("the ")} said.'
    text = _clause(rng, country)
    if rng.random() < 0.55:  # news sentences average ~20 words: join two clauses
        second = _clause(rng, country)
        text = f"{text}, {rng.choice(vocab.JOINERS)} {second[0].lower()}{second[1:]}"
    text += f"{rng.choice(vocab.FILLER_CODAS)}."
    if rng.random() < 0.4:
        text = f"{_cap(rng.choice(vocab.WHEN))}, {text[0].lower()}{text[1:]}"
    return text


def _clause(rng: random.Random, country: str) -> str:
    subject = rng.choice(vocab.FILLER_SUBJECTS).format(X=country)
    detail = rng.choice(vocab.FILLER_OBJECTS).format(
        pct=f"{rng.uniform(0.1, 9.9):.1f}", n=rng.randint(3, 90)
    )
    return f"{subject} {rng.choice(vocab.FILLER_VERBS)} {detail}"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


# -- writing -------------------------------------------------------------------------------
@dataclass
class CorpusStats:
    articles: int = 0
    words: int = 0
    sentences: int = 0
    dyadic: int = 0
    bytes: int = 0

    def add(self, article: SyntheticArticle, size: int) -> None:
        self.articles += 1
        self.words += article.word_count
        self.sentences += len(article.dyadic)
        self.dyadic += sum(article.dyadic)
        self.bytes += size


def write_corpus(
    out: Path, n: int, seed: int, fmt: str = "txt", dense: bool = False
) -> CorpusStats:
    """Write ``n`` articles into the folder ``out`` as .txt files or .jsonl chunks."""
    out.mkdir(parents=True, exist_ok=True)
    stats = CorpusStats()
    if fmt == "txt":
        for article in iter_articles(n, seed, dense=dense):
            folder = out / f"{article.index // TXT_PER_FOLDER:04d}"
            folder.mkdir(exist_ok=True)
            data = article.as_txt().encode("utf-8")
            (folder / f"{article.index:07d}.txt").write_bytes(data)
            stats.add(article, len(data))
    elif fmt == "jsonl":
        for start in range(0, n, JSONL_CHUNK):
            with open(out / f"part-{start // JSONL_CHUNK:05d}.jsonl", "wb") as handle:
                for article in iter_articles(min(JSONL_CHUNK, n - start), seed, start, dense):
                    line = (json.dumps(article.as_record(), ensure_ascii=False) + "\n").encode()
                    handle.write(line)
                    stats.add(article, len(line))
    else:
        raise ValueError(f"unknown format {fmt!r}: txt or jsonl")
    return stats


def ensure_corpus(
    root: Path, n: int, seed: int, fmt: str = "txt", dense: bool = False
) -> tuple[Path, CorpusStats]:
    """A cached corpus under ``root`` (rebuilt when absent, incomplete or outdated)."""
    folder = root / f"{'dense-' if dense else ''}{fmt}-v{CORPUS_VERSION}-s{seed}-n{n}"
    marker = folder / ".complete.json"
    if marker.exists():
        return folder, CorpusStats(**json.loads(marker.read_text()))
    if folder.exists():
        for path in sorted(folder.rglob("*"), reverse=True):
            path.rmdir() if path.is_dir() else path.unlink()
    stats = write_corpus(folder, n, seed, fmt, dense)
    marker.write_text(json.dumps(stats.__dict__))
    return folder, stats


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write into")
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--format", choices=("txt", "jsonl"), default="txt")
    parser.add_argument("--dense", action="store_true", help="foreign-affairs news")
    args = parser.parse_args(argv)
    stats = write_corpus(args.out, args.articles, args.seed, args.format, args.dense)
    print(json.dumps(stats.__dict__))


if __name__ == "__main__":
    main()
