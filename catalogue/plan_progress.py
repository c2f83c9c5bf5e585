"""Two targets of the provincial plan that need data beyond the certificates: producers developed
or consolidated, and revenue growth through distribution channels. Plain data, no HTML;
catalogue/dashboard.py puts them among the other targets and catalogue/pages/dashboard.py
states these definitions on the page.

- *Developed or consolidated* (the plan's "phát triển mới và củng cố ... tổ chức kinh tế và hộ
  sản xuất"): a producer counts once when its `development` list has an entry dated in the plan
  year: as *developed* when one such entry is `developed` (it joined the programme that year),
  otherwise as *consolidated*. Every kind of producer counts; cooperatives and enterprises, which
  the plan puts first, are counted apart. The figure is missing (not 0) when no producer file
  has any `development` entry at all: the catalogue then says nothing about it.
- *Revenue growth* (the plan's "tăng trưởng doanh thu ... theo các kênh phân phối, 5–10%/năm"):
  the sales of the plan year against the year before, summed over the products that give
  `revenue` for both years (like for like: a product that starts reporting adds no growth),
  whatever their status today (the sales were made). By kind of channel, over the products that
  split both years with `by_channel`. Missing when no product gives both years, or the year
  before adds up to 0.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .catalogue import Catalogue
from .model import Product
from .vocab import PRIORITY_PRODUCER_KINDS, ChannelKind, DevelopmentKind, ProducerKind


@dataclass(frozen=True)
class ProducerDevelopment:
    """The producers developed or consolidated in one year."""

    year: int
    recorded: int  # producer files with any `development` entry, whatever the year
    developed: tuple[str, ...]  # producer ids, sorted
    consolidated: tuple[str, ...]  # consolidated in the year and not developed in it
    by_kind: dict[ProducerKind, int]  # every kind, in the enum's order

    @property
    def count(self) -> int | None:
        """Producers developed or consolidated in the year; None when no producer records any."""
        return len(self.developed) + len(self.consolidated) if self.recorded else None

    @property
    def prioritised(self) -> int:
        """How many of them are cooperatives or enterprises."""
        return sum(n for kind, n in self.by_kind.items() if kind in PRIORITY_PRODUCER_KINDS)


@dataclass(frozen=True)
class ChannelGrowth:
    """Sales through one kind of channel, the year before and the plan year."""

    kind: ChannelKind
    before: int
    during: int

    @property
    def growth(self) -> float | None:
        """(during − before) / before; None when nothing was sold that way the year before."""
        return (self.during - self.before) / self.before if self.before else None


@dataclass(frozen=True)
class RevenueGrowth:
    """The products' sales in the plan year against the year before, like for like."""

    year: int
    compared: tuple[str, ...]  # product ids giving both years, sorted
    only_before: int  # products giving the year before but not the plan year
    only_during: int  # products giving the plan year but not the year before
    before: int  # VND, over `compared`
    during: int
    split: tuple[str, ...]  # products of `compared` splitting both years by channel
    by_channel: tuple[ChannelGrowth, ...]  # over `split`, kinds sold in either year, in the enum's order

    @property
    def growth(self) -> float | None:
        """(during − before) / before; None when no product gives both years or the year before is 0."""
        return (self.during - self.before) / self.before if self.compared and self.before else None


def producer_development(catalogue: Catalogue, year: int) -> ProducerDevelopment:
    """The producers of `catalogue` developed or consolidated in `year`."""
    developed, consolidated = [], []
    for producer in catalogue.producers.values():
        kinds = {d.kind for d in producer.development if d.date.year == year}
        if DevelopmentKind.DEVELOPED in kinds:
            developed.append(producer.id)
        elif kinds:
            consolidated.append(producer.id)
    kinds = Counter(catalogue.producers[p].kind for p in developed + consolidated)
    return ProducerDevelopment(
        year=year,
        recorded=sum(1 for p in catalogue.producers.values() if p.development),
        developed=tuple(sorted(developed)),
        consolidated=tuple(sorted(consolidated)),
        by_kind={kind: kinds[kind] for kind in ProducerKind},
    )


def revenue_growth(catalogue: Catalogue, year: int) -> RevenueGrowth:
    """The revenue growth of `catalogue`'s products from `year` − 1 to `year`."""
    sales = {p.id: {r.year: r for r in p.revenue} for p in catalogue.products.values()}
    compared = sorted(pid for pid, years in sales.items() if year in years and year - 1 in years)
    split = [pid for pid in compared if sales[pid][year].by_channel and sales[pid][year - 1].by_channel]
    return RevenueGrowth(
        year=year,
        compared=tuple(compared),
        only_before=sum(1 for years in sales.values() if year - 1 in years and year not in years),
        only_during=sum(1 for years in sales.values() if year in years and year - 1 not in years),
        before=sum(sales[pid][year - 1].amount for pid in compared),
        during=sum(sales[pid][year].amount for pid in compared),
        split=tuple(split),
        by_channel=_by_channel([catalogue.products[pid] for pid in split], year),
    )


def _by_channel(products: list[Product], year: int) -> tuple[ChannelGrowth, ...]:
    before: Counter[ChannelKind] = Counter()
    during: Counter[ChannelKind] = Counter()
    for product in products:
        for entry in product.revenue:
            if entry.year in (year - 1, year):
                (during if entry.year == year else before).update(entry.by_channel)
    return tuple(ChannelGrowth(kind, before[kind], during[kind]) for kind in ChannelKind if before[kind] or during[kind])
