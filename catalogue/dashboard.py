"""The programme dashboard's figures, computed for the build day: plain data, no HTML.

catalogue/pages/dashboard.py draws them and states the definitions below on the page;
catalogue/exports.py writes the re-evaluation list as CSV.

- *Listed*: in the catalogue on the build day (not withdrawn, `Catalogue.listed`); every figure
  below but the issued certificates is about listed products only.
- *In force*: listed, with a certificate status valid or expiring on the build day.
- *Issued in the year*: certificates of the target year by `kind`, whatever their status today
  (a certificate issued and later revoked, replaced by a renewal or an upgrade, or of a product
  withdrawn since, was still issued): the current certificates and the earlier ones
  (`certificate.previous`), so that moving a certificate into `previous` changes no count.
- *Modern channels* (the plan's "kênh bán hàng hiện đại"): a producer counts when any of its
  products in force lists a supermarket, convenience-store or e-commerce channel; the share is
  out of the producers with at least one product in force.
- *Due for re-evaluation*: in force and expiring within RE_EVALUATION_MONTHS, both ends included.
- *Not inspected*: 3 stars and up, in force, and no inspection from INSPECTION_MONTHS before the
  build day (that day included) up to the build day.
- *Producers developed or consolidated* and *revenue growth*: see catalogue/plan_progress.py;
  either figure is None, and the page says the data is missing, when the catalogue records none.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from .catalogue import Catalogue
from .model import Inspection, Producer, Product, last_inspection
from .places import province
from .plan_progress import ProducerDevelopment, RevenueGrowth, producer_development, revenue_growth
from .rules import add_months, fold_tone_marks
from .status import IN_FORCE, CertificateStatus
from .vocab import MODERN_CHANNELS, CertificateKind, Group, InspectionResult

RE_EVALUATION_MONTHS = 6
INSPECTION_MONTHS = 12
INSPECTED_STARS = 3  # the plan checks products "từ 3 sao trở lên"


class Comparison(StrEnum):
    """How a figure meets its target: the plan says "trên 60" (more than) and "ít nhất 70%" (at least)."""

    MORE_THAN = "more-than"
    AT_LEAST = "at-least"


@dataclass(frozen=True)
class Progress:
    """A figure against its target; `target` None when the plan sets none."""

    key: str
    achieved: float | None
    target: float | None
    comparison: Comparison
    high: float | None = None  # the top of a range target ("5–10%"), shown but not needed to meet it

    @property
    def ratio(self) -> float | None:
        """achieved / target, or None when either is missing or the target is 0."""
        if self.achieved is None or not self.target:
            return None
        return self.achieved / self.target

    @property
    def met(self) -> bool | None:
        """Whether the target is met; None when there is no target."""
        if self.target is None:
            return None
        if self.achieved is None:
            return False
        return self.achieved > self.target if self.comparison is Comparison.MORE_THAN else self.achieved >= self.target


@dataclass(frozen=True)
class Tally:
    """How many products in force share one value (a group, a star rating, a commune)."""

    key: str
    count: int


@dataclass(frozen=True)
class ChannelShare:
    """Producers with a product in force, and those of them selling through a modern channel."""

    producers: tuple[str, ...]
    modern: tuple[str, ...]

    @property
    def share(self) -> float | None:
        """The modern share, or None when no producer has a product in force."""
        return len(self.modern) / len(self.producers) if self.producers else None

    @property
    def without(self) -> tuple[str, ...]:
        """The producers that do not sell through a modern channel yet."""
        return tuple(p for p in self.producers if p not in self.modern)


@dataclass(frozen=True)
class CertificateDue:
    """A line of the re-evaluation list: a certificate ending soon, ended, or revoked."""

    product: Product
    producer: Producer
    status: CertificateStatus
    expires: date
    days_left: int  # negative once expired


@dataclass(frozen=True)
class InspectionDue:
    """A product in force not inspected recently, or whose latest inspection did not pass."""

    product: Product
    producer: Producer
    last: Inspection | None


@dataclass(frozen=True)
class Dashboard:
    """Every figure of the dashboard page."""

    today: date
    year: int
    targets: list[Progress]  # new, renewal, upgrade, total in force, modern-channel share, developed producers, revenue growth
    issued_without_kind: int
    channels: ChannelShare
    development: ProducerDevelopment
    revenue: RevenueGrowth
    by_group: list[Tally]
    by_stars: list[Tally]
    by_commune: list[Tally]  # communes with products in force, most first
    communes_without: list[str]
    re_evaluation_until: date
    expiring: list[CertificateDue]
    expired: list[CertificateDue]
    revoked: list[CertificateDue]
    inspected_since: date
    not_inspected: list[InspectionDue]
    not_passed: list[InspectionDue]

    @property
    def re_evaluation(self) -> list[CertificateDue]:
        """The whole re-evaluation list: due soon, then expired, then revoked."""
        return self.expiring + self.expired + self.revoked


def dashboard(catalogue: Catalogue, today: date) -> Dashboard:
    """The dashboard of `catalogue` on `today`, against the targets in its settings."""
    listed = catalogue.listed_products(today)
    status = {p.id: catalogue.status(p, today) for p in listed}
    live = [p for p in listed if status[p.id] in IN_FORCE]
    targets = catalogue.settings.targets
    issued = Counter(
        c.kind for p in catalogue.products.values() for c in (*p.certificate.previous, p.certificate) if c.issued.year == targets.year
    )
    channels = _channel_share(catalogue, live)
    development = producer_development(catalogue, targets.year)
    revenue = revenue_growth(catalogue, targets.year)
    progress = [
        Progress("new", issued[CertificateKind.NEW], targets.new_products, Comparison.MORE_THAN),
        Progress("renewal", issued[CertificateKind.RENEWAL], targets.renewed_products, Comparison.MORE_THAN),
        Progress("upgrade", issued[CertificateKind.UPGRADE], targets.upgraded_products, Comparison.MORE_THAN),
        Progress("total", len(live), targets.total_products, Comparison.MORE_THAN),
        Progress("modern-channels", channels.share, targets.modern_channel_share, Comparison.AT_LEAST),
        Progress("developed-producers", development.count, targets.developed_producers, Comparison.MORE_THAN),
        Progress("revenue-growth", revenue.growth, targets.revenue_growth, Comparison.AT_LEAST, high=targets.revenue_growth_high),
    ]
    communes = Counter(catalogue.producer_of(p).commune for p in live)
    units = province().units
    inspected_since = add_months(today, -INSPECTION_MONTHS)
    return Dashboard(
        today=today,
        year=targets.year,
        targets=progress,
        issued_without_kind=issued[None],
        channels=channels,
        development=development,
        revenue=revenue,
        by_group=[Tally(g.value, sum(1 for p in live if p.group == g)) for g in Group],
        by_stars=[Tally(str(n), sum(1 for p in live if p.stars == n)) for n in (3, 4, 5)],
        by_commune=[Tally(c, n) for c, n in sorted(communes.items(), key=lambda item: (-item[1], fold_tone_marks(units[item[0]].name)))],
        communes_without=[u for u in units if u not in communes],
        re_evaluation_until=add_months(today, RE_EVALUATION_MONTHS),
        expiring=_due(catalogue, live, today, lambda p: catalogue.expires(p) <= add_months(today, RE_EVALUATION_MONTHS)),
        expired=_due(catalogue, [p for p in listed if status[p.id] is CertificateStatus.EXPIRED], today),
        revoked=_due(catalogue, [p for p in listed if status[p.id] is CertificateStatus.REVOKED], today),
        inspected_since=inspected_since,
        not_inspected=_inspections(catalogue, live, today, lambda last: last is None or last.date < inspected_since),
        not_passed=_inspections(catalogue, live, today, lambda last: last is not None and last.result is not InspectionResult.PASS),
    )


def _channel_share(catalogue: Catalogue, live: list[Product]) -> ChannelShare:
    producers = sorted({p.producer for p in live})
    modern = {p.producer for p in live if any(c.kind in MODERN_CHANNELS for c in p.channels)}
    return ChannelShare(tuple(producers), tuple(p for p in producers if p in modern))


def _due(catalogue: Catalogue, products: list[Product], today: date, keep: Callable[[Product], bool] | None = None) -> list[CertificateDue]:
    rows = []
    for product in products:
        if keep and not keep(product):
            continue
        expires = catalogue.expires(product)
        rows.append(
            CertificateDue(product, catalogue.producer_of(product), catalogue.status(product, today), expires, (expires - today).days)
        )
    return sorted(rows, key=_ended_on)


def _ended_on(row: CertificateDue) -> tuple[date, str]:
    revoked = row.product.certificate.revoked
    return (revoked.date if revoked and row.status is CertificateStatus.REVOKED else row.expires, row.product.id)


def _inspections(catalogue: Catalogue, live: list[Product], today: date, keep: Callable[[Inspection | None], bool]) -> list[InspectionDue]:
    rows = [InspectionDue(p, catalogue.producer_of(p), last_inspection(p, today)) for p in live if p.stars >= INSPECTED_STARS]
    rows = [r for r in rows if keep(r.last)]
    return sorted(rows, key=lambda r: (r.last.date if r.last else date.min, r.product.id))
