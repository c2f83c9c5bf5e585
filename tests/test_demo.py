"""The bundled demo catalogue: valid, varied, and labelled as demo data."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from PIL import Image

from catalogue.status import CertificateStatus
from catalogue.translated import translation
from catalogue.validate import validate
from catalogue.vocab import MODERN_CHANNELS, CertificateKind, Group

from .conftest import REPO

TODAY = date(2026, 11, 28)  # the day the demo was written; statuses are checked as of then


@pytest.fixture(scope="module")
def demo():
    catalogue, report = validate(REPO / "products", REPO / "producers", today=TODAY)
    return catalogue, report


def test_demo_validates_without_problems(demo) -> None:
    _, report = demo
    assert [p.show("en") for p in report.problems] == []


def test_demo_is_labelled_as_demo(demo) -> None:
    catalogue, _ = demo
    assert catalogue.settings.demo is True


def test_demo_size_and_variety(demo) -> None:
    catalogue, _ = demo
    products = list(catalogue.products.values())
    assert len(products) >= 40
    assert len(catalogue.producers) >= 15
    assert {p.group for p in products} == set(Group)
    assert {p.stars for p in products} == {3, 4, 5}
    communes = {p.commune for p in catalogue.producers.values()} | {p.origin.commune for p in products if p.origin and p.origin.commune}
    assert len(communes) >= 12
    assert sum(1 for p in products if translation(p, "name", "en")) >= 30


def test_demo_statuses(demo) -> None:
    catalogue, _ = demo
    statuses = Counter(catalogue.status(p, TODAY) for p in catalogue.products.values())
    assert statuses[CertificateStatus.EXPIRED] >= 2
    assert statuses[CertificateStatus.EXPIRING] >= 1
    assert statuses[CertificateStatus.REVOKED] == 1
    assert statuses[CertificateStatus.VALID] > len(catalogue.products) / 2


def test_demo_producers_in_modern_channels_are_a_mix(demo) -> None:
    catalogue, _ = demo
    modern = {p.producer for p in catalogue.products.values() if any(c.kind in MODERN_CHANNELS for c in p.channels)}
    assert 0 < len(modern) < len(catalogue.producers)


def test_demo_images_are_camera_sized(demo) -> None:
    catalogue, _ = demo
    sizes, formats = [], Counter()
    for pid, product in catalogue.products.items():
        assert 1 <= len(product.images) <= 4, pid
        for image in product.images:
            with Image.open(catalogue.product_files[pid].parent / image.src) as picture:
                sizes.append(max(picture.size))
                formats[picture.format] += 1
    assert min(sizes) >= 1200
    assert formats["JPEG"] > formats["PNG"] >= 2


def test_demo_has_a_renewal_an_upgrade_and_a_withdrawn_product(demo) -> None:
    catalogue, _ = demo
    renewals = [p for p in catalogue.products.values() if p.certificate.previous and p.certificate.kind is CertificateKind.RENEWAL]
    upgrades = [
        p
        for p in catalogue.products.values()
        if p.certificate.kind is CertificateKind.UPGRADE and p.certificate.previous and p.certificate.previous[-1].stars < p.stars
    ]
    assert [p.id for p in renewals] == ["gao-seng-cu-muong-than"] and [p.id for p in upgrades] == ["mien-dong-binh-lu"]
    withdrawn = [p for p in catalogue.products.values() if p.withdrawn]
    assert [p.id for p in withdrawn] == ["ruou-sam-lai-chau"] and withdrawn[0].withdrawn.date < TODAY
    assert catalogue.sales_points_of("ruou-sam-lai-chau") == []  # no sales point still lists it
