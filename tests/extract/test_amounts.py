"""Money amounts (symbols, codes, names, scale words), counted items and shares of GDP."""

from __future__ import annotations

import pytest

from newsfacts.extract import amounts


@pytest.fixture(scope="module")
def lexicon() -> amounts.CurrencyLexicon:
    return amounts.load_currency_lexicon()


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("a grant of EUR 112 million for schools", 112e6, "EUR"),
        ("it adds €20m to the fund", 20e6, "EUR"),
        ("a $1.5bn credit line", 1.5e9, "USD"),
        ("up to £225 million over two years", 225e6, "GBP"),
        ("UAH 1.2 billion from the reserve", 1.2e9, "UAH"),
        ("roughly US$400 million in loans", 400e6, "USD"),
        ("about $ 800 million in total", 800e6, "USD"),
        ("a programme worth 1.2 billion euros", 1.2e9, "EUR"),
        ("a quarter of a billion US dollars for food", 250e6, "USD"),
        ("half a billion euros for repairs", 500e6, "EUR"),
        ("3,500,000 hryvnias for the school", 3.5e6, "UAH"),
        ("CHF 40 mln for the bridge", 40e6, "CHF"),
        ("a $700-million credit line", 700e6, "USD"),
        ("Rs 250 crore for the dam", 2.5e9, "INR"),
        ("about 15 lakh rupees in prizes", 1.5e6, "INR"),
        ("some 250.000 euros for the clinic", 250e3, "EUR"),
        ("a Tk 40 crore grant", 4e8, "BDT"),
        ("a Sh3 billion road", 3e9, "KES"),
        ("R200 million for schools", 200e6, "ZAR"),
        ("₦12bn for the ports", 12e9, "NGN"),
        ("700 million Philippine pesos in loans", 700e6, "PHP"),
        ("S$5 million in grants", 5e6, "SGD"),
    ],
)
def test_amount_in_units_and_iso_currency(
    text: str, amount: float, currency: str, lexicon: amounts.CurrencyLexicon
) -> None:
    found = amounts.find_money(text, lexicon)
    assert [(m.amount, m.currency) for m in found] == [(amount, currency)]
    assert text[found[0].start : found[0].end] == found[0].surface


@pytest.mark.parametrize(
    "text", ["he has a dollar sign on his cap", "a euro zone summit", "in 2024 they paid", "Route R500 north"]
)
def test_no_amount_without_a_number(text: str, lexicon: amounts.CurrencyLexicon) -> None:
    assert amounts.find_money(text, lexicon) == []


@pytest.mark.parametrize(
    ("text", "value", "item"),
    [
        ("the army received 49 Abrams tanks last year", 49, "Abrams tanks"),
        ("half a million doses arrived", 500_000, "doses"),
        ("over 105 thousand doses of vaccine", 105_000, "doses"),
        ("several thousand drones will follow", None, "drones"),
        ("12 howitzers and 3 radars", 12, "howitzers"),
    ],
)
def test_quantities_count_items(text: str, value: float | None, item: str) -> None:
    first = amounts.find_quantities(text)[0]
    assert (first.value, first.item) == (value, item)


def test_a_year_is_not_a_quantity() -> None:
    assert amounts.find_quantities("in 2024 trucks will come") == []


def test_share_of_gdp_and_of_a_budget() -> None:
    shares = amounts.find_shares("It spends 0.4% of GDP on aid and 12 percent of its defence budget.")
    assert [(s.percent, s.base) for s in shares] == [(0.4, "GDP"), (12.0, "defence budget")]


def test_bare_dollar_of_a_dollar_country(lexicon: amounts.CurrencyLexicon) -> None:
    assert (lexicon.bare_dollar["CAN"], lexicon.bare_dollar["AUS"]) == ("CAD", "AUD")
    assert "USA" not in lexicon.bare_dollar


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [("loans totalling 929 mln dlrs", 929e6, "USD"), ("73.65 mln stg as a grant", 73.65e6, "GBP")],
)
def test_wire_notation_mln_dlrs_and_stg(text: str, amount: float, currency: str) -> None:
    (money,) = amounts.find_money(text, amounts.load_currency_lexicon())
    assert (money.amount, money.currency) == (amount, currency)
