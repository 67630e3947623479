"""Date phrases and their resolution against a publication date, or an inferred one."""

from __future__ import annotations

import datetime as dt

import pytest

from newsfacts.extract import dates


def resolved(sentence: str, published: str | None, inferred: dt.date | None = None) -> dates.ResolvedDate:
    """Return the event date of a sentence whose trigger is its first word."""
    return dates.event_date(sentence, 0, 0, published, inferred)[0]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("signed on 4 March 2021 in Oslo", (2021, 3, 4)),
        ("signed on March 4, 2021 in Oslo", (2021, 3, 4)),
        ("signed on 2021-03-04", (2021, 3, 4)),
        ("signed in August 2019", (2019, 8, None)),
    ],
)
def test_explicit_dates_keep_what_the_text_says(phrase: str, expected: tuple[int, int, int | None]) -> None:
    found = [d for d in dates.find_dates(phrase) if d.kind == "explicit"]
    assert len(found) == 1
    assert (found[0].year, found[0].month, found[0].day) == expected


def test_modal_may_is_not_a_month() -> None:
    assert dates.find_dates("The council may decide later.") == []


def test_month_day_without_year_takes_the_publication_year() -> None:
    r = resolved("The ministers met on October 3 in Bern.", "2021-10-05")
    assert (r.date, r.precision, r.basis) == ("2021-10-03", "day", "explicit")


def test_month_day_after_publication_in_past_tense_is_last_year() -> None:
    # Published in January, the text recalls a signing "on November 20": the previous November.
    assert resolved("On November 20, the two states signed a treaty.", "2021-01-12").date == "2020-11-20"


def test_scheduled_date_stays_in_the_future() -> None:
    r = resolved("On July 2, the chancellor will meet the president.", "2022-07-01")
    assert (r.date, r.basis) == ("2022-07-02", "explicit")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("They spoke by phone yesterday.", "2022-03-09"),
        ("They spoke by phone today.", "2022-03-10"),
        ("The talks took place the day before.", "2022-03-09"),
        ("I have just finished my conversation with the premier.", "2022-03-10"),
        ("They met on Monday in Vienna.", "2022-03-07"),  # 2022-03-10 is a Thursday
        ("They met on Thursday in Vienna.", "2022-03-10"),
    ],
)
def test_relative_phrases_resolve_against_publication(sentence: str, expected: str) -> None:
    r = resolved(sentence, "2022-03-10")
    assert (r.date, r.basis) == (expected, "relative")


def test_weekday_in_future_tense_is_the_next_one() -> None:
    assert resolved("The envoys will meet on Monday.", "2022-03-10").date == "2022-03-14"


def test_no_date_phrase_gives_unknown() -> None:
    assert resolved("The presidents held talks in the capital.", "2022-03-10") == dates.UNKNOWN


def test_reference_inferred_from_the_latest_written_date() -> None:
    body = (
        "The envoy took up her post on May 2, 2019.\n"
        "In 2020, the agency will open two offices.\n"
        "On June 8, she met the foreign minister."
    )
    assert dates.infer_reference_date(body) == dt.date(2019, 5, 2)


def test_undated_article_resolves_month_day_forward_from_its_own_dates() -> None:
    # Written after 2019-05-02 and before the 2020 plans: "June 8" is 2019-06-08; "February 3"
    # falls before the reference in the calendar, so it is the next February.
    reference = dt.date(2019, 5, 2)
    june = resolved("On June 8, she met the foreign minister.", None, reference)
    february = resolved("On February 3, she met the foreign minister.", None, reference)
    assert (june.date, june.basis) == ("2019-06-08", "inferred")
    assert february.date == "2020-02-03"


def test_undated_article_without_any_dates_leaves_the_day_unresolved() -> None:
    assert resolved("On June 8, she met the foreign minister.", None, None).date is None


def test_last_month_name_is_the_previous_occurrence() -> None:
    r = resolved("The call took place late last July.", "2019-09-30")
    assert (r.date, r.precision) == ("2019-07-01", "month")


@pytest.mark.parametrize(("text", "day"), [("Two days ago", "2023-04-12"), ("a week ago", "2023-04-07")])
def test_days_ago_count_back_from_publication(text: str, day: str) -> None:
    resolved, _ = dates.event_date(f"{text} Ana Pell met Tomas Ibarra.", 0, 0, "2023-04-14", None)
    assert (resolved.date, resolved.precision) == (day, "day")


def test_a_wire_dateline_is_no_event_date() -> None:
    talks = "OSLO, March 3 - Ana Pell and Tomas Ibarra held talks."
    resolved, _ = dates.event_date(talks, 0, 20, "1987-03-04", None)
    assert resolved.date is None
    monday = "OSLO, March 3 - Ana Pell met Tomas Ibarra on Monday."
    resolved, _ = dates.event_date(monday, 0, 20, "1987-03-04", None)
    assert resolved.date == "1987-03-02"
