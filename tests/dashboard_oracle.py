"""The dashboard's figures worked out again, straight from the YAML files, without the catalogue package.

The tests compare catalogue.dashboard and the built page with these; the two share no code, so a
mistake in one shows up as a difference.
"""

from __future__ import annotations

import calendar
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

MODERN = {"supermarket", "convenience", "ecommerce"}


def _read(folder: Path) -> dict[str, dict]:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.yaml"))}


def months_later(day: date, months: int) -> date:
    """The same day `months` later (or earlier), on the month's last day when it has no such day."""
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


@dataclass
class Expected:
    """Every figure of the dashboard, by product id where it is a list."""

    year: int
    targets: dict  # the `targets` of catalogue.yaml, with the defaults filled in
    issued: Counter  # kind (None: not given) -> certificates issued in the target year
    in_force: list[str]
    producers_in_force: set[str]
    producers_modern: set[str]
    by_group: Counter
    by_stars: Counter
    by_commune: Counter
    expiring: list[tuple[str, date, int]]  # id, last valid day, days left
    expired: list[tuple[str, date, int]]
    revoked: list[tuple[str, date, str]]  # id, revoked on, reason
    not_inspected: dict[str, date | None]  # id -> last inspection on or before the day
    not_passed: dict[str, str]  # id -> result of the last inspection
    products: dict[str, dict]
    producers: dict[str, dict]


def expected(root: Path, today: date) -> Expected:
    """The dashboard of the catalogue at `root` (products/, producers/, catalogue.yaml) on `today`."""
    products, producers = _read(root / "products"), _read(root / "producers")
    settings = yaml.safe_load((root / "catalogue.yaml").read_text(encoding="utf-8")) or {}
    targets = {"year": 2025, "new_products": 60, "renewed_products": 30, "upgraded_products": None, "total_products": 282}
    targets |= {"modern_channel_share": 0.7, **settings.get("targets", {})}
    validity = settings.get("certificate_validity_months", 36)
    expiring_days = settings.get("expiring_within_days", 90)

    def ends(p: dict) -> date:
        return p["certificate"].get("expires") or months_later(p["certificate"]["issued"], validity)

    def status(p: dict) -> str:
        revoked = p["certificate"].get("revoked")
        if revoked and revoked["date"] <= today:
            return "revoked"
        if ends(p) < today:
            return "expired"
        return "expiring" if (ends(p) - today).days <= expiring_days else "valid"

    # A product withdrawn on or before the day has left the catalogue: no figure but the issued ones counts it.
    listed = {pid: p for pid, p in products.items() if not (p.get("withdrawn") and p["withdrawn"]["date"] <= today)}
    live = [pid for pid, p in listed.items() if status(p) in ("valid", "expiring")]
    year = targets["year"]
    # Every certificate issued in the year counts, the earlier ones (replaced since) included.
    certificates = [c for p in products.values() for c in [p["certificate"], *p["certificate"].get("previous", [])]]
    issued = Counter(c.get("kind") for c in certificates if c["issued"].year == year)
    modern = {products[pid]["producer"] for pid in live if {c["kind"] for c in products[pid].get("channels", [])} & MODERN}
    due_by = months_later(today, 6)
    since = months_later(today, -12)
    last = {}
    for pid in live:
        done = [i for i in products[pid].get("inspections", []) if i["date"] <= today]
        last[pid] = max(done, key=lambda i: i["date"]) if done else None
    ended = sorted((ends(products[pid]), pid) for pid, p in listed.items() if status(p) == "expired")
    soon = sorted((ends(products[pid]), pid) for pid in live if ends(products[pid]) <= due_by)
    revoked = sorted(
        (p["certificate"]["revoked"]["date"], pid, p["certificate"]["revoked"]["reason"])
        for pid, p in listed.items()
        if status(p) == "revoked"
    )
    return Expected(
        year=year,
        targets=targets,
        issued=issued,
        in_force=live,
        producers_in_force={products[pid]["producer"] for pid in live},
        producers_modern=modern,
        by_group=Counter(products[pid]["group"] for pid in live),
        by_stars=Counter(products[pid]["stars"] for pid in live),
        by_commune=Counter(producers[products[pid]["producer"]]["commune"] for pid in live),
        expiring=[(pid, day, (day - today).days) for day, pid in soon],
        expired=[(pid, day, (day - today).days) for day, pid in ended],
        revoked=[(pid, day, reason) for day, pid, reason in revoked],
        not_inspected={
            pid: last[pid]["date"] if last[pid] else None
            for pid in live
            if products[pid]["stars"] >= 3 and (last[pid] is None or last[pid]["date"] < since)
        },
        not_passed={pid: last[pid]["result"] for pid in live if last[pid] and last[pid]["result"] != "pass"},
        products=products,
        producers=producers,
    )
