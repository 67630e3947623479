"""The scorer, one FORMAT.md rule per test, on small facts written for the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfacts.evaluate.names import fold, load_name_index, person_match, speaker_match
from newsfacts.evaluate.scoring import quote_exact, quote_overlap, score


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory):
    """A name index read from tiny seeds written here, so the tests do not move when seeds/ grows."""
    seeds: Path = tmp_path_factory.mktemp("seeds")
    (seeds / "countries.csv").write_text(
        "iso3,iso2,name,official_name,aliases,demonyms,capital,capital_aliases,metonyms,wikidata_id\n"
        "TUR,TR,Turkey,Republic of Türkiye,Türkiye|Turkiye,Turkish,Ankara,,,\n"
        "FRD,FD,Freedonia,Republic of Freedonia,,Freedonian,Fredville,,the Blue Palace,\n"
        "SYL,SY,Sylvania,Kingdom of Sylvania,,Sylvanian,Sylvan City,,,\n",
        encoding="utf-8",
    )
    (seeds / "organizations.csv").write_text(
        "org_id,name,aliases,type,member_of,wikidata_id\n"
        "EU,European Union,EU|the Union,supranational,,\n"
        "EC,European Commission,the Commission,eu_institution,EU,\n",
        encoding="utf-8",
    )
    return load_name_index(seeds)


def q(article: str, speaker: str, text: str, **extra) -> dict:
    return {"article": article, "table": "quote", "speaker": speaker, "kind": "direct", "text": text, **extra}


def gold_q(article: str, speaker: str, text: str, **extra) -> dict:
    words = text.split()
    return {
        "article": article,
        "table": "quote",
        "speaker": speaker,
        "kind": "direct",
        "text_start": " ".join(words[:3]),
        "text_end": " ".join(words[-3:]),
        "text": text,
        **extra,
    }


# ---------------------------------------------------------------- names


def test_fold_drops_marks_case_punctuation_and_spaces():
    assert fold("  Andris   Sprūds ") == "andris spruds"
    assert fold("U.S.") == "us"
    assert fold("Jean-Luc  O'Hara") == "jean luc ohara"
    assert fold("Łukasz Żak") == "lukasz zak"


def test_person_matches_on_surname_when_no_given_name_contradicts():
    assert person_match("Andris Sprūds", "Spruds")
    assert person_match("Marta Kovel", "M. Kovel")
    assert person_match("Marta Kovel", "Mrs. Kovel")
    assert not person_match("Marta Kovel", "Ilse Kovel")
    # A lone family name written first, as in Chinese names.
    assert person_match("Lin Weiming", "Lin")
    assert not person_match("Lin Weiming", "Weiming Zhao")
    # A different surname is a different person, however close the spelling.
    assert not person_match("Rustem Umerov", "Umarov")


def test_the_last_words_of_an_organisation_are_not_a_person_sharing_its_surname():
    assert not person_match("Institute for Harbour Research", "Harbour Research")
    assert not person_match("Guild of Lantern Makers", "Lantern Makers")
    # An office before a name is no joining word: the person is still found.
    assert person_match("Minister of Health Jan Roe", "Jan Roe")
    assert person_match("Elena Ruiz Prado", "Ruiz Prado")  # a double surname, no given name contradicting


def test_countries_match_on_short_name_or_iso3(index):
    assert index.code("Türkiye") == index.code("Turkey") == index.code("TUR") == "TUR"
    assert speaker_match("Turkey", "Türkiye", index)
    assert not speaker_match("Turkey", "Freedonia", index)


def test_institution_matches_its_country_and_its_institutions_never_a_person(index):
    assert speaker_match("Freedonian Ministry of Defence", "Freedonia", index)
    assert speaker_match("Freedonian Ministry of Defence", "the Blue Palace", index)
    assert speaker_match("European Commission", "European Union", index)
    assert not speaker_match("Freedonian Ministry of Defence", "Sylvania", index)
    assert not speaker_match("Freedonian Ministry of Defence", "Otto Defence", index)


# ---------------------------------------------------------------- quotes


def test_quote_overlap_is_shared_tokens_over_gold_tokens():
    gold = "the harbour will reopen before the winter storms"
    assert quote_overlap(gold, "the harbour will reopen") == pytest.approx(4 / 8)
    assert quote_overlap(gold, "harbour will reopen") == pytest.approx(3 / 8)


def test_overlap_threshold_decides_a_match(index):
    gold = [gold_q("a1", "Marta Kovel", "the harbour will reopen before the winter storms")]
    half = score(gold, [q("a1", "Kovel", "the harbour will reopen")], index=index).tables["quote"]
    less = score(gold, [q("a1", "Kovel", "harbour will reopen")], index=index).tables["quote"]
    assert (half.counts.tp, half.counts.fp, half.counts.fn) == (1, 0, 0)
    assert (less.counts.tp, less.counts.fp, less.counts.fn) == (0, 1, 1)


def test_exact_match_trims_quotation_marks_and_punctuation():
    gold = gold_q("a1", "Marta Kovel", "the harbour will reopen before the winter storms")
    assert quote_exact(gold, "“The harbour will reopen before the winter storms,”")
    assert not quote_exact(gold, "the harbour will reopen")


def test_wrong_speaker_is_no_match(index):
    gold = [gold_q("a1", "Marta Kovel", "the harbour will reopen before the winter storms")]
    result = score(
        gold, [q("a1", "Ilse Kovel", "the harbour will reopen before the winter storms")], index=index
    )
    assert result.tables["quote"].counts.tp == 0


def test_alternative_and_resolved_speakers_are_accepted(index):
    text = "the bridge toll will be abolished next spring"
    gold = [
        gold_q("a1", "Ministry of Transport", text, speaker_resolved="Pavel Dorn"),
        gold_q("a2", "Ada Lind", text, speaker_alternatives=["Pavel Dorn"]),
        gold_q("a3", "Ada Lind", text, reported_speaker="Pavel Dorn"),
    ]
    pred = [q(a, "Pavel Dorn", text) for a in ("a1", "a2", "a3")]
    assert score(gold, pred, index=index).tables["quote"].counts.tp == 3


def test_apposition_in_a_gold_speaker_names_the_person(index):
    text = "the bridge toll will be abolished next spring"
    gold = [gold_q("a1", "one of the city's lawyers, Pavel Dorn,", text)]
    assert score(gold, [q("a1", "Pavel Dorn", text)], index=index).tables["quote"].counts.tp == 1


def test_unresolved_pronoun_gold_speaker_matches_on_text(index):
    text = "the factory will hire two hundred workers"
    gold = [gold_q("a1", "she", text, speaker_is_pronoun=True)]
    assert score(gold, [q("a1", "Ada Lind", text)], index=index).tables["quote"].counts.tp == 1


def test_matching_is_one_to_one(index):
    text = "the factory will hire two hundred workers"
    gold = [gold_q("a1", "Ada Lind", text)]
    result = score(gold, [q("a1", "Ada Lind", text), q("a1", "Ada Lind", text)], index=index).tables["quote"]
    assert (result.counts.tp, result.counts.fp, result.counts.fn) == (1, 1, 0)


def test_optional_fact_is_neither_hit_nor_miss(index):
    text = "the factory will hire two hundred workers"
    gold = [
        gold_q("a1", "Ada Lind", text, ambiguous=True),
        gold_q("a1", "Ada Lind", "prices stay low", background=True),
    ]
    result = score(gold, [q("a1", "Ada Lind", text)], index=index).tables["quote"]
    assert (result.counts.tp, result.counts.fp, result.counts.fn, result.counts.optional_matched) == (
        0,
        0,
        0,
        1,
    )


def test_kind_accuracy_over_matched(index):
    text = "the factory will hire two hundred workers"
    gold = [gold_q("a1", "Ada Lind", text)]
    result = score(gold, [q("a1", "Ada Lind", text, kind="indirect")], index=index).tables["quote"]
    assert result.attributes["kind"].value == 0.0


# ---------------------------------------------------------------- meetings and pledges


def meeting(article: str, a: str, b: str, **extra) -> dict:
    return {"article": article, "table": "meeting", "parties": [a, b], "participants": [], **extra}


def test_meeting_is_an_unordered_party_pair_with_attribute_accuracies(index):
    gold = [
        meeting(
            "m1", "Freedonia", "Turkey", date="2021-03-04", location="Fredville", participants=["Ada Lind"]
        ),
        meeting("m2", "Sylvania", "European Union"),
    ]
    pred = [
        meeting("m1", "TUR", "Freedonia", date="2021-03-05", location="Fredville", participants=["Lind"]),
        meeting("m2", "Sylvania", "Freedonia"),
    ]
    result = score(gold, pred, index=index).tables["meeting"]
    assert (result.counts.tp, result.counts.fp, result.counts.fn) == (1, 1, 1)
    assert result.attributes["date"].value == 0.0
    assert result.attributes["location"].value == 1.0
    assert result.attributes["participants"].value == 1.0
    assert result.per_article["m2"].fn == 1 and result.per_article["m1"].tp == 1


def pledge(article: str, **extra) -> dict:
    base = {"article": article, "table": "pledge", "donor": "Freedonia", "recipient": "Sylvania"}
    return {**base, "category": "military", "amount": None, "currency": None, "status": "firm", **extra}


def test_pledge_matches_on_donor_recipient_category_with_amount_within_one_percent(index):
    gold = [pledge("p1", amount=100_000_000, currency="EUR"), pledge("p2", category="humanitarian")]
    pred = [
        pledge("p1", donor="FRD", amount=100_900_000, currency="EUR", status="proposal"),
        pledge("p2", category="financial"),
    ]
    result = score(gold, pred, index=index).tables["pledge"]
    assert (result.counts.tp, result.counts.fp, result.counts.fn) == (1, 1, 1)
    assert result.attributes["amount"].value == 1.0
    assert result.attributes["status"].value == 0.0
    off = score(gold[:1], [pledge("p1", amount=102_000_000, currency="EUR")], index=index).tables["pledge"]
    assert off.attributes["amount"].value == 0.0


def test_only_tables_the_gold_annotates_are_scored(index):
    gold = [gold_q("a1", "Ada Lind", "the factory will hire two hundred workers")]
    assert set(score(gold, [meeting("a1", "Turkey", "Sylvania")], index=index).tables) == {"quote"}


def test_delta_names_the_articles_that_changed(index):
    from newsfacts.evaluate.scoring import render_delta

    text = "the factory will hire two hundred workers"
    gold = [gold_q("a1", "Ada Lind", text), gold_q("a2", "Ada Lind", text)]
    before = score(gold, [q("a1", "Ada Lind", text)], index=index).to_dict()
    after = score(gold, [q("a1", "Ada Lind", text), q("a2", "Ada Lind", text)], index=index)
    delta = render_delta(before, after)
    assert "a2: tp 0→1" in delta and "a1:" not in delta and "(+0.333)" in delta


# ---------------------------------------------------------------- which gold fact a prediction goes to


def test_a_prediction_goes_to_the_gold_meeting_whose_values_it_agrees_with_even_an_optional_one(index):
    gold = [
        meeting("m1", "Freedonia", "Sylvania", date="2022-05-10", location="Fredville"),
        meeting("m1", "Freedonia", "Sylvania", date="2019-11-02", location="Sylvan City", background=True),
    ]
    pred = [meeting("m1", "Sylvania", "Freedonia", date="2019-11-02", location="Sylvan City")]
    result = score(gold, pred, index=index).tables["meeting"]
    # The earlier, background meeting takes it: no hit, no false positive, the current one missed.
    c = result.counts
    assert (c.tp, c.fp, c.fn, c.optional_matched) == (0, 0, 1, 1)


def test_on_equal_agreement_the_required_gold_fact_goes_first(index):
    gold = [
        meeting("m1", "Freedonia", "Sylvania", date="2019-11-02", background=True),
        meeting("m1", "Freedonia", "Sylvania", date="2022-05-10"),
    ]
    pred = [meeting("m1", "Sylvania", "Freedonia")]  # no date: agrees with neither
    result = score(gold, pred, index=index).tables["meeting"]
    assert (result.counts.tp, result.counts.fn, result.counts.optional_matched) == (1, 0, 0)


def test_pledge_agreement_counts_quantity_and_what(index):
    gold = [
        pledge("p1", status="firm", quantity=30, what="field kitchens"),
        pledge("p1", status="firm", quantity=12, what="armoured trucks"),
    ]
    pred = [pledge("p1", status="firm", quantity=12, what="trucks")]
    result = score(gold, pred, index=index).tables["pledge"]
    # Document order would give it the kitchens; quantity and `what` give it the trucks.
    assert result.per_article["p1"].tp == 1
    [missed] = result.false_negatives
    assert missed["what"] == "field kitchens"


def test_a_quote_goes_to_the_gold_quote_whose_text_it_agrees_with_most(index):
    short = "the harbour opens in May"
    long = "the harbour opens in May and the new ferry line starts in June with four boats"
    gold = [gold_q("a1", "Ada Lind", short), gold_q("a1", "Ada Lind", long, background=True)]
    # The prediction covers the short quote fully (overlap 1.0) but it is the long, optional one.
    result = score(gold, [q("a1", "Ada Lind", long)], index=index).tables["quote"]
    assert (result.counts.tp, result.counts.fn, result.counts.optional_matched) == (0, 1, 1)


def test_a_joint_speaker_written_with_and_accepts_each_member(index):
    text = "the bridge will be repaired before winter"
    gold = [gold_q("a1", "Ada Lind and Piet Varga", text)]
    result = score(gold, [q("a1", "Piet Varga", text)], index=index).tables["quote"]
    assert result.counts.tp == 1
