"""The HTML quality bench scores what it claims to, and the loader's text F1 stays high on real pages."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from newsfacts.paths import PROJECT_ROOT


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("html_quality", PROJECT_ROOT / "bench" / "html_quality.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["html_quality"] = module
    spec.loader.exec_module(module)
    return module


def test_token_f1(bench):
    assert bench.token_f1("the talks ended", "The talks ended.") == 1.0
    assert bench.token_f1("", "") == 1.0
    assert bench.token_f1("alpha", "beta") == 0.0
    assert bench.token_f1("a b", "a b c d") == pytest.approx(2 * 1.0 * 0.5 / 1.5)
    assert bench.same_title(" Talks\u00a0in  Rome ", "Talks in Rome")


@pytest.mark.shared
def test_text_f1_on_a_sample_of_readability_pages(shared, bench):
    pages = sorted(bench.DEFAULT_PAGES.glob("*"))[:12]
    if not pages:
        pytest.skip("readability test pages missing")
    rows = [bench.score_page(page) for page in pages]
    assert all(row["loaded"] for row in rows)
    mean_f1 = sum(float(row["f1"]) for row in rows) / len(rows)
    assert mean_f1 > 0.8
