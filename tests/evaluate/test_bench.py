"""`newsfacts bench` runs on a few press releases and prints its figures (not a timed test)."""

from __future__ import annotations

import json
import subprocess
import sys

import psutil
import pytest

from newsfacts.evaluate.bench import PRESS_RELEASES, PeakMemory, render, run_bench

needs_corpus = pytest.mark.skipif(
    not any(PRESS_RELEASES.glob("*.csv")), reason=f"press releases not found at {PRESS_RELEASES}"
)


@pytest.mark.shared
@needs_corpus
def test_bench_command_prints_figures_as_json():
    done = subprocess.run(
        [sys.executable, "-m", "newsfacts", "bench", "--limit", "6", "--processes", "2", "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    assert figures["articles"] == 6 and figures["processes"] == 2
    assert figures["words"] > 0 and figures["articles_per_s"] > 0 and figures["words_per_s"] > 0
    assert figures["peak_pss_mb"] > 0 and 0 < figures["peak_rss_mb"] < 4096
    # the workers did the extracting: their CPU time is counted, and the CPU-based rate follows from it
    assert figures["worker_cpu_s"] > 0 and figures["cpu_s"] >= figures["worker_cpu_s"]
    assert figures["cpu_articles_per_s"] == pytest.approx(2 * 6 / figures["cpu_s"], rel=0.01)


@pytest.mark.shared
@needs_corpus
def test_in_process_run_renders_throughput_and_memory():
    result = run_bench(processes=1, limit=3)
    text = render(result)
    assert "articles/s" in text and "words/s" in text and "MB RSS" in text and "ms/article" in text
    assert result.extract_s <= result.wall_s
    # one process: all the CPU time is this process's, and it cannot exceed the time that passed by much
    assert result.worker_cpu_s == 0 and 0 < result.parent_cpu_s <= result.extract_s + 0.05


def test_peak_memory_sees_a_child_process():
    """The sampler counts children: a child holding ~60 MB raises the peak by about that much."""
    code = "import time; b = bytearray(60 * 2**20); b[::4096] = b'x' * len(b[::4096]); time.sleep(1.0)"
    with PeakMemory() as alone:
        pass
    with PeakMemory() as memory:
        child = subprocess.Popen([sys.executable, "-c", code])
        child.wait(timeout=30)
    assert memory.peak_rss - alone.peak_rss > 40 * 2**20
    # the child ended (other helpers, e.g. multiprocessing's resource tracker, may still be around)
    assert child.pid not in {p.pid for p in psutil.Process().children()}
