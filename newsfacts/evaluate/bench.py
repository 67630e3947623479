"""Extraction speed and memory on the press-release corpus (the `newsfacts bench` command).

Reads ../shared/corpora/zelenskyy_kremlin_press_releases/*.csv (1,796 releases), cleans each body
as staging does (newsfacts.clean.clean_body), then times `extract_articles(..., processes=N)`. Peak
memory is the largest sum of resident set sizes of this process and all its children (the worker
pool), sampled every 20 ms by a background thread. Forked workers share their parent's pages, which
an RSS sum counts once per process, so the proportional set size (PSS, shared pages split between
the processes sharing them) is sampled too: it is what the machine actually had to hold.

The machine is shared, so wall time tracks its load; CPU time does not. The workers' CPU time (user +
system, from getrusage of the waited-for pool processes, their start-up and lexicon loading included)
plus this process's (sending articles, receiving facts; the memory sampler's thread left out) is
reported too, with the throughput it implies on `processes` cores of their own (`cpu_articles_per_s`).

`newsfacts bench` runs this module in a fresh interpreter (`python -m newsfacts.evaluate.bench`), so
the CLI's own imports (dbt, GX) are not counted as extraction memory.
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import sys
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import psutil

from newsfacts.clean import clean_body
from newsfacts.extract.pipeline import extract_articles
from newsfacts.extract.records import Article
from newsfacts.paths import SHARED_DIR

PRESS_RELEASES = SHARED_DIR / "corpora" / "zelenskyy_kremlin_press_releases"
SAMPLE_EVERY_S = 0.02
# The speed floor (issue 9): 250 articles/s on 2 processes, peak under 1 GB.
FLOOR_ARTICLES_PER_S = 250
CEILING_RSS_MB = 1024


@dataclass
class BenchResult:
    """What one benchmark run measured."""

    articles: int
    words: int
    processes: int
    prepare_s: float  # reading and cleaning the CSVs
    extract_s: float  # extract_articles over every article, pool start-up included
    first_result_s: float  # until the first article's facts came back (pool start-up, lexicon loading)
    wall_s: float  # the whole run
    peak_rss_mb: float  # this process + children, sampled
    peak_pss_mb: float  # the same, shared pages split between the processes sharing them
    worker_cpu_s: float  # CPU time (user + system) of the worker processes; 0 with processes=1
    parent_cpu_s: float  # this process's CPU while extracting, sampler excluded (all of it with 1 process)
    quotes: int
    meetings: int
    pledges: int
    mentions: int

    @property
    def articles_per_s(self) -> float:
        """Return articles extracted per second of extraction time."""
        return self.articles / self.extract_s if self.extract_s else 0.0

    @property
    def words_per_s(self) -> float:
        """Return words extracted per second of extraction time."""
        return self.words / self.extract_s if self.extract_s else 0.0

    @property
    def cpu_s(self) -> float:
        """Return the CPU seconds the extraction used, workers and this thread together."""
        return self.worker_cpu_s + self.parent_cpu_s

    @property
    def cpu_ms_per_article(self) -> float:
        """Return CPU milliseconds per article."""
        return 1000 * self.cpu_s / self.articles if self.articles else 0.0

    @property
    def cpu_articles_per_s(self) -> float:
        """Return the articles/s `processes` unshared cores would give at the measured CPU time."""
        return self.processes * self.articles / self.cpu_s if self.cpu_s else 0.0

    def to_dict(self) -> dict[str, float | int]:
        """Return the measurements and the derived rates as a JSON-ready dict."""
        return {
            **asdict(self),
            "articles_per_s": round(self.articles_per_s, 1),
            "words_per_s": round(self.words_per_s),
            "cpu_s": round(self.cpu_s, 3),
            "cpu_ms_per_article": round(self.cpu_ms_per_article, 3),
            "cpu_articles_per_s": round(self.cpu_articles_per_s, 1),
        }


def read_press_releases(corpus_dir: Path = PRESS_RELEASES, limit: int | None = None) -> list[Article]:
    """Return the press releases as cleaned Articles (zelenskyy.csv then putin.csv, file order)."""
    csv.field_size_limit(1 << 30)
    articles: list[Article] = []
    for path in sorted(corpus_dir.glob("*.csv"), key=lambda p: (p.name != "zelenskyy.csv", p.name)):
        with path.open(encoding="utf-8", newline="") as handle:
            for i, row in enumerate(csv.DictReader(handle)):
                if limit is not None and len(articles) >= limit:
                    return articles
                title = row.get("headline") or None
                articles.append(
                    Article(
                        article_id=f"{path.stem}-{i}",
                        body=clean_body(row.get("body") or "", title),
                        title=title,
                        published_on=(row.get("date") or "")[:10] or None,
                    )
                )
    return articles


def tree_memory(process: psutil.Process, with_pss: bool = False) -> tuple[int, int]:
    """Return (RSS, PSS) in bytes summed over process and its live descendants (PSS 0 unless asked)."""
    rss = pss = 0
    for p in [process, *process.children(recursive=True)]:
        try:
            if with_pss:
                info = p.memory_full_info()
                rss, pss = rss + info.rss, pss + getattr(info, "pss", info.rss)
            else:
                rss += p.memory_info().rss
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue  # a worker that just exited holds no memory
    return rss, pss


class PeakMemory:
    """Context manager sampling tree_memory in a thread; `.peak_rss`/`.peak_pss` hold the maxima (bytes)."""

    PSS_EVERY = 5  # reading smaps for PSS is slower: every 5th sample

    def __init__(self, every_s: float = SAMPLE_EVERY_S) -> None:
        self.every_s = every_s
        self.peak_rss = self.peak_pss = 0
        self.cpu_s = 0.0  # the sampler thread's own CPU time so far
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._process = psutil.Process()

    def _sample(self, with_pss: bool) -> None:
        rss, pss = tree_memory(self._process, with_pss)
        self.peak_rss, self.peak_pss = max(self.peak_rss, rss), max(self.peak_pss, pss)

    def _run(self) -> None:
        n, started = 0, time.thread_time()
        while not self._stop.is_set():
            self._sample(with_pss=n % self.PSS_EVERY == 0)
            self.cpu_s = time.thread_time() - started
            n += 1
            self._stop.wait(self.every_s)

    def __enter__(self) -> PeakMemory:
        self._sample(with_pss=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample(with_pss=True)


def children_cpu_s() -> float:
    """Return the user + system CPU seconds of this process's terminated, waited-for children."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_bench(processes: int = 2, limit: int | None = None, corpus_dir: Path = PRESS_RELEASES) -> BenchResult:
    """Return the measurements of one extraction run over the press releases."""
    started = time.perf_counter()
    with PeakMemory() as memory:
        articles = read_press_releases(corpus_dir, limit)
        prepared = time.perf_counter()
        # The pool's threads here pickle articles and unpickle facts: process time minus the sampler's.
        # The workers are waited for when extract_articles finishes, so their CPU is in RUSAGE_CHILDREN.
        own_cpu, sampler_cpu, children_cpu = time.process_time(), memory.cpu_s, children_cpu_s()
        counts = {"quotes": 0, "meetings": 0, "pledges": 0, "mentions": 0}
        first: float | None = None
        for facts in extract_articles(articles, processes=processes):
            first = first or time.perf_counter()
            counts["quotes"] += len(facts.quotes)
            counts["meetings"] += len(facts.meetings)
            counts["pledges"] += len(facts.pledges)
            counts["mentions"] += len(facts.mentions)
        finished = time.perf_counter()
        worker_cpu = children_cpu_s() - children_cpu
        parent_cpu = time.process_time() - own_cpu - (memory.cpu_s - sampler_cpu)
    return BenchResult(
        articles=len(articles),
        words=sum(len(a.body.split()) for a in articles),
        processes=processes,
        prepare_s=prepared - started,
        extract_s=finished - prepared,
        first_result_s=(first or finished) - prepared,
        wall_s=finished - started,
        peak_rss_mb=memory.peak_rss / 2**20,
        peak_pss_mb=memory.peak_pss / 2**20,
        worker_cpu_s=worker_cpu,
        parent_cpu_s=parent_cpu,
        **counts,
    )


def render(result: BenchResult) -> str:
    """Return the benchmark figures as a short human-readable block."""
    r = result
    return "\n".join(
        [
            f"extraction benchmark: {r.articles} press releases, {r.words:,} words, "
            f"{r.processes} process(es)",
            f"  throughput   {r.articles_per_s:8.1f} articles/s   {r.words_per_s:10,.0f} words/s",
            f"  time         extract {r.extract_s:.2f}s (first facts after {r.first_result_s:.2f}s), "
            f"read+clean {r.prepare_s:.2f}s, wall {r.wall_s:.2f}s",
            f"  cpu          {r.cpu_s:.2f}s (workers {r.worker_cpu_s:.2f}s, "
            f"this process {r.parent_cpu_s:.2f}s), "
            f"{r.cpu_ms_per_article:.2f} ms/article → {r.cpu_articles_per_s:.1f} articles/s "
            f"on {r.processes} unshared core(s)",
            f"  peak memory  {r.peak_rss_mb:8.1f} MB RSS, {r.peak_pss_mb:.1f} MB PSS "
            "(this process + workers)",
            f"  found        {r.mentions} mentions, {r.quotes} quotes, {r.meetings} meetings, "
            f"{r.pledges} pledges",
            f"  targets      ≥ {FLOOR_ARTICLES_PER_S} articles/s on 2 cores, < {CEILING_RSS_MB} MB: "
            + ("met" if _floor_met(r) else "NOT met")
            + " (RSS)"
            + ("; by CPU time: " + ("met" if r.cpu_articles_per_s >= FLOOR_ARTICLES_PER_S else "NOT met")),
        ]
    )


def _floor_met(r: BenchResult) -> bool:
    """Return True when a run meets the speed floor and the memory ceiling (wall clock, RSS)."""
    return r.articles_per_s >= FLOOR_ARTICLES_PER_S and r.peak_rss_mb < CEILING_RSS_MB


def profile_report(limit: int = 100, top: int = 20) -> str:
    """Return cProfile's top functions (cumulative, then own time) extracting the first `limit` releases."""
    import cProfile
    import io
    import pstats

    from newsfacts.extract.pipeline import extract_article, load_lexicons

    articles, lexicons = read_press_releases(limit=limit), load_lexicons()
    profiler = cProfile.Profile()
    profiler.enable()
    for article in articles:
        extract_article(article, lexicons)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures (a table, or JSON with --json)."""
    parser = argparse.ArgumentParser(prog="python -m newsfacts.evaluate.bench", description=__doc__)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--profile", action="store_true", help="print where extraction time goes instead")
    args = parser.parse_args(argv)
    if args.profile:
        print(profile_report(limit=args.limit or 100))
        return 0
    result = run_bench(processes=args.processes, limit=args.limit)
    print(json.dumps(result.to_dict(), indent=2) if args.json else render(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
