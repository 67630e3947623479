"""Near-duplicate grouping, measured through the product: pair precision/recall, group figures, scale.

Usage: python bench/near_duplicates.py [--per-corpus N] [--seed S] [--scale 100000,1000000] [--keep DIR]

1. Quality. Stories are sampled from ../shared/corpora (BBC News, Kremlin and Zelenskyy press
   releases, Wikinews). Each sampled story gets one copy per transformation kind (re-wrapped,
   re-wrapped with words hyphenated across lines, truncated to 60-80 %, page boilerplate added,
   two paragraphs of another story appended, a new headline, punctuation/whitespace changes, and
   all of these at once as a "wire edit"). Negative pairs are different stories chosen to look
   alike: press releases of the same day with the most words in common (same source and across
   Kremlin/Zelenskyy), BBC stories of one category with the most topic words in common, Wikinews
   stories of the same week, and random pairs. Everything is written as one JSONL file, loaded with
   loaders.load_paths into a scratch warehouse and built with `dbt build --select
   +int_articles_grouped`; the groups are read back from int_articles_grouped.
2. Scale. minhash_bands (the UDF staging calls) is timed per article, and the SQL of
   models/intermediate/int_articles_grouped.sql itself runs on synthetic band rows for 100k and
   1M articles in DuckDB.

Nothing from ../shared is written into the repository: the JSONL lives in a temporary directory.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

import duckdb

from loaders import load_paths
from loaders.records import article_id
from newsfacts import clean, warehouse
from newsfacts.paths import PROJECT_ROOT, SHARED_DIR

CORPORA = SHARED_DIR / "corpora"
GROUP_MODEL = PROJECT_ROOT / "models" / "intermediate" / "int_articles_grouped.sql"
MIN_WORDS = 50  # shorter items (one-line notices) are not the stories reprints are made of
SOURCE_NAME = "dedup-bench"

_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“‘'])")
_CONTENT_WORD = re.compile(r"[a-z]{4,}")


@dataclass(frozen=True, slots=True)
class Story:
    """One article of a shared corpus: where it came from and its text."""

    story_id: str
    corpus: str
    title: str
    body: str
    published: str | None  # YYYY-MM-DD
    category: str | None = None


@dataclass(frozen=True, slots=True)
class Doc:
    """One article the bench loads: a story or a transformed copy of it."""

    key: str
    story_id: str
    kind: str  # "original" or a transformation kind
    title: str
    body: str
    published: str | None

    @property
    def article_id(self) -> str:
        """Return the id the loader gives this body (the sha256 of its normalised text)."""
        return article_id(self.body)


@dataclass(frozen=True, slots=True)
class Pair:
    """Two docs and whether they tell the same story (the ground truth the bench scores against)."""

    kind: str
    left: str
    right: str
    same_story: bool


@dataclass(slots=True)
class Corpus:
    """The constructed docs and pairs of one measurement run."""

    docs: dict[str, Doc] = field(default_factory=dict)
    pairs: list[Pair] = field(default_factory=list)
    excluded_near_dups: int = 0  # candidate negatives the corpus itself holds as near-duplicates


# ---------------------------------------------------------------------------------------- reading


def _read_csv(path: Path) -> list[dict[str, str]]:
    """Return the rows of a CSV whose fields may be very long (whole speeches)."""
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def read_stories(corpora: Path = CORPORA) -> list[Story]:
    """Return the stories of the three corpora with at least MIN_WORDS words, exact repeats dropped."""
    stories: list[Story] = []
    for path in sorted((corpora / "bbc_news_2225" / "bbc").glob("*/*.txt")):
        raw = path.read_bytes().decode("utf-8", errors="replace")
        title, _, body = raw.partition("\n")
        stories.append(Story(f"bbc/{path.parent.name}/{path.stem}", "bbc", title.strip(), body.strip(),
                             None, path.parent.name))  # fmt: skip
    for name in ("putin", "zelenskyy"):
        for i, row in enumerate(_read_csv(corpora / "zelenskyy_kremlin_press_releases" / f"{name}.csv")):
            corpus = "kremlin" if name == "putin" else "zelenskyy"
            stories.append(Story(f"{corpus}/{i}", corpus, row["headline"], row["body"], row["date"][:10]))
    for path in sorted((corpora / "wikinews_en_2019_2021").glob("*.csv")):
        for i, row in enumerate(_read_csv(path)):
            stories.append(Story(f"wikinews/{path.stem}/{i}", "wikinews", row["title"], row["text"],
                                 row["date"][:10]))  # fmt: skip
    seen: set[str] = set()
    out = []
    for story in stories:
        ident = article_id(story.body)
        if len(story.body.split()) >= MIN_WORDS and ident not in seen:
            seen.add(ident)
            out.append(story)
    return out


# ---------------------------------------------------------------------------------- transformations


def paragraphs(body: str) -> list[str]:
    """Return the body's paragraphs; a one-paragraph release is cut every three sentences."""
    paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n|\n", body) if p.strip()]
    if len(paras) > 1:
        return paras
    sentences = _SENTENCE_SPLIT.split(" ".join(body.split()))
    return [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]


def _wrap(para: str, width: int, hyphenate: bool) -> list[str]:
    """Return the paragraph hard-wrapped at width; long words crossing the edge split with '-'."""
    lines: list[str] = []
    line = ""
    for word in para.split():
        if line and len(line) + 1 + len(word) > width:
            room = width - len(line) - 2
            if hyphenate and len(word) >= 8 and room >= 3 and word.isalpha():
                cut = min(room, len(word) - 3)
                lines.append(f"{line} {word[:cut]}-")
                line = word[cut:]
                continue
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return lines


def rewrap(body: str, rng: random.Random, hyphenate: bool = False) -> str:
    """Return the body re-flowed: hard-wrapped at 60-80 columns, paragraphs re-cut."""
    width = rng.randint(60, 80)
    return "\n\n".join("\n".join(_wrap(p, width, hyphenate)) for p in paragraphs(body))


def truncate(body: str, rng: random.Random) -> str:
    """Return the first 60-80 % of the body's words, cut at a word boundary."""
    words = list(re.finditer(r"\S+", body))
    keep = max(1, int(len(words) * rng.uniform(0.6, 0.8)))
    return body[: words[keep - 1].end()]


# Page chrome written for this bench: lines the cleaner's seed knows, and one it does not.
COOKIE_LINES = (
    "We use cookies to give you the best experience. By continuing you accept our cookie policy.",
    "This site uses cookies. Click Accept to agree to the use of cookies.",
)
RELATED_HEADINGS = ("Read also:", "Related stories", "Read more")
SHARE_LINES = ("Share this article", "Facebook | X | Telegram | Copy link", "Share on WhatsApp")
SUBSCRIBE_LINES = (
    "Subscribe to our newsletter for the morning briefing.",
    "Follow us on Telegram for breaking news.",
)
UNKNOWN_CHROME = ("Download our app to get alerts for stories like this one.",)


def add_boilerplate(body: str, rng: random.Random, other_titles: Sequence[str]) -> str:
    """Return the body with a cookie banner, a 'Read also' block and share/subscribe prompts added."""
    paras = paragraphs(body)
    related = [rng.choice(RELATED_HEADINGS), *rng.sample(list(other_titles), 2)]
    at = min(len(paras), max(1, len(paras) // 2))
    out = [rng.choice(COOKIE_LINES), *paras[:at], "\n".join(related), *paras[at:]]
    out += [rng.choice(SHARE_LINES), rng.choice(SUBSCRIBE_LINES), *UNKNOWN_CHROME]
    return "\n\n".join(out)


def append_paragraphs(body: str, donor: Story) -> str:
    """Return the body with two paragraphs (two sentences each) of another story appended."""
    sentences = _SENTENCE_SPLIT.split(" ".join(donor.body.split()))
    extra = [" ".join(sentences[0:2]), " ".join(sentences[2:4]) or sentences[0]]
    return "\n\n".join([*paragraphs(body), *extra])


def new_headline(story: Story) -> tuple[str, str]:
    """Return (title, body) of a reprint under its own headline, repeated with a byline atop the body."""
    headline = f"What we know so far: {story.title}"
    return headline, f"{headline}\nBy a staff correspondent\n\n{story.body}"


def punctuate(body: str, rng: random.Random) -> str:
    """Return the body with quotes curled, dashes and ellipses changed and spaces doubled."""
    text = re.sub(r'"([^"]*)"', "“\\1”", body)
    text = text.replace(" - ", " — ").replace("...", "…").replace("'", "’")
    text = re.sub(r",(\s+and\b)", r"\1", text)  # serial commas dropped, as house styles differ
    return re.sub(r"\. (?=[A-Z])", lambda m: ".  " if rng.random() < 0.5 else ". ", text)


TRANSFORMS: tuple[str, ...] = (
    "rewrapped",
    "rewrapped_hyphenated",
    "truncated",
    "boilerplate",
    "extra_paragraphs",
    "new_headline",
    "punctuation",
    "wire_edit",
)


def transform(
    kind: str, story: Story, rng: random.Random, donor: Story, titles: Sequence[str]
) -> tuple[str, str]:
    """Return (title, body) of the copy of story made by transformation kind."""
    if kind == "rewrapped":
        return story.title, rewrap(story.body, rng)
    if kind == "rewrapped_hyphenated":
        return story.title, rewrap(story.body, rng, hyphenate=True)
    if kind == "truncated":
        return story.title, truncate(story.body, rng)
    if kind == "boilerplate":
        return story.title, add_boilerplate(story.body, rng, titles)
    if kind == "extra_paragraphs":
        return story.title, append_paragraphs(story.body, donor)
    if kind == "new_headline":
        return new_headline(story)
    if kind == "punctuation":
        return story.title, punctuate(story.body, rng)
    if kind == "wire_edit":
        title, body = new_headline(Story(story.story_id, story.corpus, story.title,
                                         truncate(story.body, rng), story.published))  # fmt: skip
        return title, add_boilerplate(append_paragraphs(body, donor), rng, titles)
    raise ValueError(f"unknown transformation {kind!r}")


# ---------------------------------------------------------------------------------------- negatives


def content_words(text: str) -> frozenset[str]:
    """Return the lower-case words of four letters or more (topic words, for choosing hard negatives)."""
    return frozenset(_CONTENT_WORD.findall(text.lower()))


def jaccard(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> float:
    """Return |a ∩ b| / |a ∪ b| (0 for two empty sets)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def most_alike(
    buckets: Iterable[list[Story]], n: int, cross: Callable[[Story, Story], bool] = lambda a, b: True
) -> list[tuple[float, Story, Story]]:
    """Return the n story pairs (within a bucket) with the most topic words in common, best first."""
    scored = []
    for bucket in buckets:
        words = {s.story_id: content_words(s.body) for s in bucket}
        for a, b in combinations(bucket, 2):
            if cross(a, b):
                scored.append((jaccard(words[a.story_id], words[b.story_id]), a, b))
    scored.sort(key=lambda t: -t[0])
    return scored[:n] if n else scored


def hard_negatives(stories: list[Story], n: int, rng: random.Random) -> dict[str, list[tuple[Story, Story]]]:
    """Return {negative kind: candidate pairs of different stories, most alike first} (4n per kind)."""
    by_day: dict[tuple[str, str | None], list[Story]] = defaultdict(list)
    by_cat: dict[str | None, list[Story]] = defaultdict(list)
    by_week: dict[str, list[Story]] = defaultdict(list)
    press_by_day: dict[str | None, list[Story]] = defaultdict(list)
    for s in stories:
        if s.corpus in ("kremlin", "zelenskyy"):
            by_day[(s.corpus, s.published)].append(s)
            press_by_day[s.published].append(s)
        elif s.corpus == "bbc":
            by_cat[s.category].append(s)
        elif s.published:
            by_week[time.strftime("%Y-%W", time.strptime(s.published, "%Y-%m-%d"))].append(s)
    # BBC categories hold ~500 stories: 125k pairs each, so rank a random 200 per category
    bbc_buckets = [rng.sample(v, min(len(v), 200)) for v in by_cat.values()]
    pool = [s for s in stories]
    randoms = [tuple(rng.sample(pool, 2)) for _ in range(4 * n)]
    return {
        "same_day_press": [(a, b) for _, a, b in most_alike(by_day.values(), 4 * n)],
        "same_day_cross_source": [
            (a, b) for _, a, b in most_alike(press_by_day.values(), 4 * n, lambda a, b: a.corpus != b.corpus)
        ],
        "bbc_same_topic": [(a, b) for _, a, b in most_alike(bbc_buckets, 4 * n)],
        "wikinews_same_week": [(a, b) for _, a, b in most_alike(by_week.values(), 4 * n)],
        "random": [(a, b) for a, b in randoms],
    }


def shingle_jaccard(a: str, b: str) -> float:
    """Return the Jaccard similarity of the cleaned bodies' 3-word shingle sets (what MinHash estimates)."""
    return jaccard(clean.shingles(clean.clean_body(a)), clean.shingles(clean.clean_body(b)))


# ----------------------------------------------------------------------------------- construction


def _doc(story: Story, kind: str = "original", title: str | None = None, body: str | None = None) -> Doc:
    """Return the doc of a story (the original) or of its copy made by kind."""
    key = story.story_id if kind == "original" else f"{story.story_id}~{kind}"
    return Doc(key, story.story_id, kind, title or story.title, body or story.body, story.published)


def build_corpus(
    stories: list[Story], per_corpus: int, n_negatives: int, seed: int, kinds: Sequence[str] = TRANSFORMS
) -> Corpus:
    """Return the docs and labelled pairs: per_corpus sampled stories per corpus with every copy kind."""
    rng = random.Random(seed)
    out = Corpus()
    titles = [s.title for s in stories]
    by_corpus: dict[str, list[Story]] = defaultdict(list)
    for s in stories:
        by_corpus[s.corpus].append(s)
    for corpus in sorted(by_corpus):
        for story in rng.sample(by_corpus[corpus], min(per_corpus, len(by_corpus[corpus]))):
            original = _doc(story)
            out.docs[original.key] = original
            for kind in kinds:
                donor = rng.choice(stories)
                while donor.story_id == story.story_id:
                    donor = rng.choice(stories)
                title, body = transform(kind, story, rng, donor, titles)
                copy = _doc(story, kind, title, body)
                out.docs[copy.key] = copy
                out.pairs.append(Pair(kind, original.key, copy.key, True))
    for kind, pairs in hard_negatives(stories, n_negatives, rng).items():
        taken = 0
        for a, b in pairs:
            if taken == n_negatives:
                break
            # The corpora hold a few real reprints (the BBC set has near-identical files): those are
            # not "different stories", so they are left out and counted.
            if shingle_jaccard(a.body, b.body) >= 0.5:
                out.excluded_near_dups += 1
                continue
            taken += 1
            for s in (a, b):
                out.docs.setdefault(s.story_id, _doc(s))
            out.pairs.append(Pair(kind, a.story_id, b.story_id, False))
    return out


def write_jsonl(docs: Iterable[Doc], path: Path) -> Path:
    """Return path after writing one JSON object per doc (id, title, published_at, text)."""
    with path.open("w", encoding="utf-8") as handle:
        for d in docs:
            obj = {"id": d.key, "title": d.title, "published_at": d.published, "text": d.body}
            handle.write(json.dumps(obj, ensure_ascii=False) + "\n")
    return path


# ------------------------------------------------------------------------------------ the product


@dataclass(slots=True)
class ProductRun:
    """The groups the product gave: article_id -> duplicate_group_id, with timings."""

    groups: dict[str, str]
    load_s: float
    build_s: float
    group_model_s: float
    build_summary: str
    body_clean: dict[str, str]
    variants: dict[str, dict[str, str]] = field(default_factory=dict)  # rule name -> groups


def run_product(docs: Sequence[Doc], workdir: Path) -> ProductRun:
    """Return the duplicate groups after loading docs into a scratch warehouse and building the grouping."""
    os.environ.setdefault("NEWSFACTS_DBT_QUIET", "1")
    db = workdir / "dedup.duckdb"
    jsonl = write_jsonl(docs, workdir / "dedup_docs.jsonl")
    t0 = time.perf_counter()
    summary = load_paths([jsonl], db=db, source=SOURCE_NAME, progress=False)
    load_s = time.perf_counter() - t0
    if summary.rejected:
        raise RuntimeError(f"the loader rejected constructed docs: {summary.line()}")
    # cautious: a test that also reads an unselected model (the extraction) is not run
    result = warehouse.run_dbt(
        "build", db, select="+int_articles_grouped", extra=["--indirect-selection", "cautious"]
    )
    if not result.success:
        raise RuntimeError(result.summary())
    model_s = sum(n.execution_time_s for n in result.nodes if n.name == "int_articles_grouped")
    with duckdb.connect(str(db), read_only=True) as con:
        groups = dict(
            con.execute(
                "select article_id, duplicate_group_id from intermediate.int_articles_grouped"
            ).fetchall()
        )
        bodies = dict(con.execute("select article_id, body_clean from staging.stg_raw__articles").fetchall())
        variants = {
            name: dict(con.execute(sql.format(articles="staging.stg_raw__articles")).fetchall())
            for name, sql in VARIANTS.items()
        }
    missing = {d.article_id for d in docs} - groups.keys()
    if missing:
        raise RuntimeError(f"{len(missing)} loaded docs have no group (e.g. {sorted(missing)[:3]})")
    return ProductRun(groups, load_s, result.elapsed_s, model_s, result.summary(), bodies, variants)


# -------------------------------------------------------------------------------------- scoring


@dataclass(frozen=True, slots=True)
class KindScore:
    """Pair outcomes of one kind: how many, how many the product put in one group, how many by exact hash."""

    kind: str
    same_story: bool
    n: int
    grouped: int
    exact: int  # the loader stored both as one row (same normalised body)
    mean_jaccard: float
    missed: tuple[str, ...]  # keys of the right-hand docs of positive pairs not grouped


def score_pairs(corpus: Corpus, groups: dict[str, str], body_clean: dict[str, str]) -> list[KindScore]:
    """Return, per pair kind, how many pairs the product grouped (recall or false-merge count)."""
    by_kind: dict[str, list[Pair]] = defaultdict(list)
    for p in corpus.pairs:
        by_kind[p.kind].append(p)
    scores = []
    for kind, pairs in by_kind.items():
        grouped = exact = 0
        sims = []
        missed = []
        for p in pairs:
            a, b = corpus.docs[p.left].article_id, corpus.docs[p.right].article_id
            together = groups[a] == groups[b]
            grouped += together
            exact += a == b
            sims.append(jaccard(clean.shingles(body_clean[a]), clean.shingles(body_clean[b])))
            if p.same_story and not together:
                missed.append(p.right)
        scores.append(KindScore(kind, pairs[0].same_story, len(pairs), grouped, exact,
                                sum(sims) / len(sims), tuple(missed)))  # fmt: skip
    return scores


@dataclass(frozen=True, slots=True)
class GroupScore:
    """Group-level figures over every loaded article (ground truth: the story each copy came from)."""

    articles: int
    stories: int
    groups: int
    bcubed_precision: float
    bcubed_recall: float
    stories_in_one_group: int
    mixed_groups: int
    all_pairs_precision: float
    all_pairs_recall: float


def score_groups(corpus: Corpus, groups: dict[str, str]) -> GroupScore:
    """Return B-cubed precision/recall and whole-set pair figures of the product's groups."""
    story_of: dict[str, str] = {}
    for d in corpus.docs.values():
        story_of[d.article_id] = d.story_id  # copies equal after normalisation collapse to one row
    group_of = {a: groups[a] for a in story_of}
    members: dict[str, set[str]] = defaultdict(set)
    truth: dict[str, set[str]] = defaultdict(set)
    for a, g in group_of.items():
        members[g].add(a)
        truth[story_of[a]].add(a)
    prec = rec = 0.0
    for a in story_of:
        same_group, same_story = members[group_of[a]], truth[story_of[a]]
        overlap = len(same_group & same_story)
        prec += overlap / len(same_group)
        rec += overlap / len(same_story)
    n = len(story_of)
    true_pairs = sum(len(v) * (len(v) - 1) // 2 for v in truth.values())
    pred_pairs = sum(len(v) * (len(v) - 1) // 2 for v in members.values())
    both = sum(c * (c - 1) // 2 for v in members.values() for c in Counter(story_of[a] for a in v).values())
    whole = sum(1 for s, arts in truth.items() if len({group_of[a] for a in arts}) == 1)
    mixed = sum(1 for v in members.values() if len({story_of[a] for a in v}) > 1)
    pair_p = both / pred_pairs if pred_pairs else 1.0
    pair_r = both / true_pairs if true_pairs else 1.0
    return GroupScore(n, len(truth), len(members), prec / n, rec / n, whole, mixed, pair_p, pair_r)


# ---------------------------------------------------------------------------------------- scale


def time_minhash(stories: Sequence[Story], limit: int = 600) -> tuple[int, float, float]:
    """Return (articles, articles/s, words/s) of clean.minhash_bands over cleaned bodies (one core)."""
    bodies = [clean.clean_body(s.body, s.title) for s in stories[:limit]]
    clean.minhash_bands(bodies[0])  # numpy import and permutations outside the timing
    t0 = time.perf_counter()
    for body in bodies:
        clean.minhash_bands(body)
    elapsed = time.perf_counter() - t0
    words = sum(len(b.split()) for b in bodies)
    return len(bodies), len(bodies) / elapsed, words / elapsed


# Grouping rules the bench compares with the model's own, on the same staged band rows. Both
# read {articles} (article_id, minhash_bands, published_on, loaded_at) and return article_id,
# duplicate_group_id. "neighbours_of_neighbours" is the two-hop rule the model's comment
# describes (the most senior article among all neighbours' neighbours); the model takes only the
# neighbours of one representative, so a copy whose own neighbourhood holds no more senior article
# stays alone although it shares bands with a group member. "components" follows band links to
# the end (connected components: every member of a group gets the same id).
_VARIANT_COMMON = """
bands as (select article_id, unnest(minhash_bands) as band from {articles}),
neighbours as (
    select distinct l.article_id, r.article_id as neighbour_id
    from bands as l inner join bands as r on l.band = r.band
    union
    select article_id, article_id from {articles}
),
article_order as (
    select article_id,
        row_number() over (order by published_on nulls last, loaded_at, article_id) as seniority
    from {articles}
),
first_hop as (
    select neighbours.article_id,
        arg_min(neighbours.neighbour_id, article_order.seniority) as representative_id
    from neighbours inner join article_order on neighbours.neighbour_id = article_order.article_id
    group by neighbours.article_id
)"""
VARIANTS: dict[str, str] = {
    "neighbours_of_neighbours": "with "
    + _VARIANT_COMMON
    + """
select neighbours.article_id,
    arg_min(first_hop.representative_id, article_order.seniority) as duplicate_group_id
from neighbours
inner join first_hop on neighbours.neighbour_id = first_hop.article_id
inner join article_order on first_hop.representative_id = article_order.article_id
group by neighbours.article_id""",
    "components": "with recursive "
    + _VARIANT_COMMON
    + """,
walk(article_id, reached) as (
    select article_id, article_id from {articles}
    union
    select walk.article_id, neighbours.neighbour_id
    from walk inner join neighbours on walk.reached = neighbours.article_id
)
select walk.article_id, arg_min(walk.reached, article_order.seniority) as duplicate_group_id
from walk inner join article_order on walk.reached = article_order.article_id
group by walk.article_id""",
}


def group_model_sql(relation: str) -> str:
    """Return the SQL of models/intermediate/int_articles_grouped.sql with its ref pointed at relation."""
    sql = GROUP_MODEL.read_text(encoding="utf-8")
    sql = re.sub(r"\{\{\s*ref\(\s*['\"]stg_raw__articles['\"]\s*\)\s*\}\}", relation, sql)
    if "{{" in sql or "{%" in sql:
        raise RuntimeError(f"{GROUP_MODEL} has Jinja the bench cannot render; update group_model_sql")
    return sql


def synthetic_articles_sql(n: int, dup_every: int, shared_bands: int, hot: int) -> str:
    """Return SQL creating n synthetic articles with the product's band format.

    Every dup_every-th article is a near-duplicate of the one before (shares shared_bands of its 16
    bands); `hot` articles are identical stubs sharing every band (a worst case: one-line notices).
    """
    bands = clean.MINHASH_BANDS
    source = f"""case when i < {hot} then -1
                      when i % {dup_every} = 0 and b < {shared_bands} then i - 1 else i end"""
    return f"""
        create or replace table synthetic_articles as
        select
            'a' || i as article_id,
            list_transform(range({bands}),
                lambda b: 'b' || b || ':' || format('{{:016x}}', hash(({source}) * {bands} + b))
            ) as minhash_bands,
            date '2020-01-01' + cast(i % 1500 as integer) as published_on,
            timestamp '2026-01-01' + to_microseconds(i) as loaded_at
        from range({n}) as t(i)
    """


def time_band_join(n: int, hot: int = 0, rule: str | None = None, threads: int = 2) -> dict[str, float]:
    """Return timings and group figures of a grouping rule (None: the model's SQL) on n synthetic articles.

    Keys: gen_s, wall_s, cpu_s (process CPU, all DuckDB threads: the machine may be shared), in_groups,
    largest.
    """
    con = duckdb.connect(config={"threads": threads})
    try:
        t0 = time.perf_counter()
        con.execute(synthetic_articles_sql(n, dup_every=20, shared_bands=12, hot=hot))
        gen_s = time.perf_counter() - t0
        sql = (
            group_model_sql("synthetic_articles")
            if rule is None
            else VARIANTS[rule].format(articles="synthetic_articles")
        )
        t0, c0 = time.perf_counter(), time.process_time()
        con.execute(f"create table grouped as {sql}")
        wall_s, cpu_s = time.perf_counter() - t0, time.process_time() - c0
        in_groups, largest = con.execute(
            "select count(*) filter (where size > 1), max(size) from "
            "(select count(*) over (partition by duplicate_group_id) as size from grouped)"
        ).fetchone()
        return {"gen_s": gen_s, "wall_s": wall_s, "cpu_s": cpu_s, "in_groups": in_groups, "largest": largest}
    finally:
        con.close()


# ----------------------------------------------------------------------------------------- report


def pair_totals(scores: list[KindScore]) -> tuple[int, int, int, int]:
    """Return (same-story pairs grouped, same-story pairs, different-story merged, different-story pairs)."""
    pos = [s for s in scores if s.same_story]
    neg = [s for s in scores if not s.same_story]
    return (
        sum(s.grouped for s in pos),
        sum(s.n for s in pos),
        sum(s.grouped for s in neg),
        sum(s.n for s in neg),
    )


def group_line(g: GroupScore) -> str:
    """Return the group-level figures as one line."""
    return (
        f"{g.groups} groups over {g.articles} articles / {g.stories} stories: "
        f"B-cubed P {g.bcubed_precision:.3f} "
        f"R {g.bcubed_recall:.3f}; {g.stories_in_one_group}/{g.stories} stories wholly in one group; "
        f"{g.mixed_groups} groups mix stories; "
        f"all-pairs P {g.all_pairs_precision:.3f} R {g.all_pairs_recall:.3f}"
    )


def print_quality(corpus: Corpus, run: ProductRun) -> None:
    """Print the pair and group figures of the product's grouping, then of the alternative rules."""
    scores = score_pairs(corpus, run.groups, run.body_clean)
    tp, n_pos, fp, n_neg = pair_totals(scores)
    print(f"\n== Quality through the product ({len(corpus.docs)} docs -> {len(run.groups)} articles; "
          f"load {run.load_s:.1f}s, dbt build +int_articles_grouped {run.build_s:.1f}s, "
          f"grouping model {run.group_model_s:.2f}s)")  # fmt: skip
    print("positives (same story)      pairs  grouped  recall  by-loader-hash  mean J(clean)")
    for s in scores:
        if s.same_story:
            print(f"  {s.kind:<25} {s.n:>6} {s.grouped:>8} {s.grouped / s.n:>7.3f} {s.exact:>15} "
                  f"{s.mean_jaccard:>14.2f}")  # fmt: skip
    print("negatives (different story) pairs   merged  false-merge  precision(all pos + these)  mean J")
    for s in scores:
        if not s.same_story:
            p = tp / (tp + s.grouped) if tp + s.grouped else 1.0
            print(f"  {s.kind:<25} {s.n:>6} {s.grouped:>8} {s.grouped / s.n:>12.3f} {p:>27.3f} "
                  f"{s.mean_jaccard:>7.2f}")  # fmt: skip
    print(f"pairs: recall {tp / n_pos:.3f} ({tp}/{n_pos}), precision {tp / (tp + fp):.3f} "
          f"({fp} of {n_neg} different-story pairs merged); {corpus.excluded_near_dups} candidate "
          "negatives skipped as corpus near-duplicates (J>=0.5)")  # fmt: skip
    print("groups:", group_line(score_groups(corpus, run.groups)))
    misses = [k for s in scores if s.same_story for k in s.missed]
    if misses:
        print(f"missed positives ({len(misses)}; right-hand doc, words of the story, J of cleaned bodies):")
        for key in misses[:15]:
            d = corpus.docs[key]
            a = corpus.docs[d.story_id].article_id
            j = jaccard(clean.shingles(run.body_clean[a]), clean.shingles(run.body_clean[d.article_id]))
            print(f"  {key:<45} {len(corpus.docs[d.story_id].body.split()):>6} {j:.2f}")
    false_merges = [(s.kind, p) for s in scores if not s.same_story for p in corpus.pairs
                    if p.kind == s.kind and run.groups[corpus.docs[p.left].article_id]
                    == run.groups[corpus.docs[p.right].article_id]]  # fmt: skip
    for kind, p in false_merges[:8]:
        print(f"  merged {kind}: {p.left} | {p.right}")
    for name, groups in run.variants.items():
        v_scores = score_pairs(corpus, groups, run.body_clean)
        vtp, vpos, vfp, vneg = pair_totals(v_scores)
        per_kind = ", ".join(
            f"{s.kind} {s.grouped}/{s.n}" for s in v_scores if s.same_story and s.grouped < s.n
        )
        print(f"\nrule '{name}' on the same bands: pairs recall {vtp / vpos:.3f}, precision "
              f"{vtp / (vtp + vfp):.3f} ({vfp}/{vneg} merged); misses: {per_kind or 'none'}")  # fmt: skip
        print("  groups:", group_line(score_groups(corpus, groups)))


def main(argv: list[str] | None = None) -> int:
    """Run the quality measurement and the scale timings; print every figure; return 0 (1 without corpora)."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--per-corpus", type=int, default=40, help="stories sampled per corpus (default 40)")
    parser.add_argument("--negatives", type=int, default=40, help="pairs per negative kind (default 40)")
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--scale", default="100000,1000000", help="synthetic article counts ('' to skip)")
    parser.add_argument("--no-quality", action="store_true", help="only the scale timings")
    parser.add_argument("--keep", type=Path, help="keep the scratch warehouse in this directory")
    args = parser.parse_args(argv)
    if not CORPORA.is_dir():
        print(f"no corpora at {CORPORA}", file=sys.stderr)
        return 1
    stories = read_stories()
    print(f"corpora: {len(stories)} stories of >= {MIN_WORDS} words "
          f"({dict(Counter(s.corpus for s in stories))}); MinHash {clean.MINHASH_PERM} permutations, "
          f"{clean.MINHASH_BANDS} bands x {clean.MINHASH_PERM // clean.MINHASH_BANDS} rows, "
          f"{clean.SHINGLE_WORDS}-word shingles")  # fmt: skip
    if not args.no_quality:
        corpus = build_corpus(stories, args.per_corpus, args.negatives, args.seed)
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            run = run_product(list(corpus.docs.values()), args.keep)
        else:
            with tempfile.TemporaryDirectory() as scratch:
                run = run_product(list(corpus.docs.values()), Path(scratch))
        print_quality(corpus, run)
    n, rate, words_rate = time_minhash(random.Random(args.seed).sample(stories, len(stories)))
    print(f"\n== Scale\nminhash_bands: {rate:,.0f} articles/s ({words_rate:,.0f} words/s) on one core over "
          f"{n} cleaned bodies -> 1M articles ~ {1e6 / rate / 60:.0f} min on one core (once per article: "
          "staging is incremental)")  # fmt: skip
    for size in [int(x) for x in args.scale.split(",") if x.strip()]:
        for hot in (0, 2000):
            # "components" walks every path (quadratic in a group's size): quality figures only
            for rule in (None, "neighbours_of_neighbours"):
                t = time_band_join(size, hot=hot, rule=rule)
                label = f"{size:,} articles" + (f" + {hot:,} identical stubs" if hot else "")
                print(
                    f"band self-join [{rule or 'int_articles_grouped.sql'}], {label}: "
                    f"{t['wall_s']:.1f}s wall, "
                    f"{t['cpu_s']:.1f}s CPU (rows made in {t['gen_s']:.1f}s); {t['in_groups']:,} articles in "
                    f"groups of 2+, largest group {t['largest']:,}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
