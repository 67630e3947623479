"""Fuzz target options: a short smoke run by default, `--fuzz-examples N` for the long run (make fuzz)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, settings

SMOKE_EXAMPLES = 30


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--fuzz-examples",
        type=int,
        default=SMOKE_EXAMPLES,
        help=f"generated inputs per parser in tests/fuzz (default {SMOKE_EXAMPLES}; `make fuzz` uses 10000)",
    )


@pytest.fixture(scope="session")
def fuzz_examples(request: pytest.FixtureRequest) -> int:
    """Return how many inputs each fuzz test generates."""
    return int(request.config.getoption("--fuzz-examples", default=SMOKE_EXAMPLES))


@pytest.fixture(scope="session")
def fuzz(fuzz_examples: int) -> Callable:
    """Return hypothesis settings for a fuzz run: N examples, no deadline flakiness, no example database."""
    return settings(
        max_examples=fuzz_examples,
        deadline=None,  # the tests time each input themselves, with a generous bound
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
        print_blob=True,
    )
