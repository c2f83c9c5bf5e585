"""`python -m catalogue import-decision FILE`: stubs for the new products of a decision's annex.

For each product row of the annex that the catalogue does not have yet (same id, or the same name
without tone marks or case), a file `products/<id>.yaml` with what the annex gives: name, stars,
the producer, group and category from the "nhóm/bộ sản phẩm" column or guessed from the name, and
the decision's number and date as the certificate. A producer the catalogue lacks gets a stub too.
Whatever the annex does not give, and every guess, is marked `TODO`; `--check` lists those lines
as errors (`[todo]`), so that a stub is not published before the office has finished it.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..messages import say
from ..problems import display_path
from ..rules import normalize_phone
from .annex import Annex, Entry, as_date, decision_in, read_annex, stars_of
from .files import CataloguePaths, read_document, records
from .importing import write_files
from .matching import commune_in, find_producer, find_product, folded, group_from_name, group_in, legal_form, producer_id, product_id
from .sheets import PRODUCERS, PRODUCTS
from .stubs import Stub


@dataclass
class Outcome:
    """What an annex gives: the stubs to write and the products skipped because they are there."""

    texts: dict[Path, str] = field(default_factory=dict)
    products: list[tuple[Path, str]] = field(default_factory=list)
    producers: list[tuple[Path, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (name in the annex, id of the product already there)


@dataclass(frozen=True)
class DecisionInfo:
    """The decision the annex belongs to, from the command line or the annex's title rows."""

    number: str | None
    day: date | None
    issuer: str


def stubs_of(annex: Annex, paths: CataloguePaths, info: DecisionInfo, source: str) -> Outcome:
    """The stubs of every new product of the annex (and of the producers the catalogue lacks)."""
    products = {str(r.data.get("id")): str(r.data.get("name", "")) for r in records(paths, PRODUCTS)}
    producers = {str(r.data.get("id")): str(r.data.get("name", "")) for r in records(paths, PRODUCERS)}
    outcome = Outcome()
    for entry in annex.entries:
        name = entry.text("name")
        known = find_product(name, products)
        if known:
            outcome.skipped.append((name, known))
            continue
        producer = _producer(entry, paths, producers, outcome, source)
        record_id = _free(product_id(name), products)
        products[record_id] = name
        path = paths.products / f"{record_id}.yaml"
        outcome.texts[path] = _product(entry, record_id, producer, info, source).text()
        outcome.products.append((path, name))
    return outcome


def _free(wanted: str, taken: dict[str, str]) -> str:
    """`wanted`, or `wanted-2`, `wanted-3`… when that id is taken."""
    record_id, number = wanted, 1
    while record_id in taken:
        number += 1
        record_id = f"{wanted[: 40 - len(str(number)) - 1]}-{number}"
    return record_id


def _product(entry: Entry, record_id: str, producer: str | None, info: DecisionInfo, source: str) -> Stub:
    stub = Stub("product", [say("decision.stub-header", source=source, row=entry.row)])
    stub.add("id", record_id)
    stub.add("name", entry.text("name"))
    group, category = group_in(entry.text("group") or entry.section or "")
    guessed = group is None
    if guessed:
        group, category = group_from_name(entry.text("name"))
    hint = say("decision.guessed") if guessed else ""
    stub.add("group", group.value if group else None, hint or say("decision.group-hint"), todo=guessed)
    stub.add("category", category, hint or say("decision.category-hint"), todo=guessed or category is None)
    stars = stars_of(entry.values.get("stars"))
    stub.add("stars", stars, "" if stars else say("decision.stars-hint", value=entry.text("stars")))
    stub.add("producer", producer, "" if producer else say("decision.producer-hint"))
    stub.add("certificate", "")
    number = entry.text("certificate") or None
    stub.add("number", number, "" if number else say("decision.number-hint"), indent=2)
    day = as_date(entry.values.get("date")) or info.day
    stub.add("issued", day, "" if day else say("decision.date-hint"), indent=2)
    stub.add("issuer", info.issuer, indent=2)
    decision = decision_in(entry.text("decision")) or entry.text("decision") or info.number
    stub.add("decision", decision, "" if decision else say("decision.decision-hint"), indent=2)
    kind = _kind(entry.text("kind"))
    stub.add("kind", kind, "" if entry.text("kind") else say("decision.kind-hint"), indent=2)
    stub.add("summary", None, say("decision.summary-hint"))
    return stub


def _kind(text: str) -> str:
    words = folded(text)
    if "nang hang" in words:
        return "upgrade"
    if "lai" in words.split():
        return "renewal"
    return "new"


def _producer(entry: Entry, paths: CataloguePaths, producers: dict[str, str], outcome: Outcome, source: str) -> str | None:
    """The id of the entry's producer: one the catalogue has, or a new stub's."""
    name = entry.text("producer")
    if not name:
        return None
    known = find_producer(name, producers)
    if known:
        return known
    kind, _, _ = legal_form(name)
    record_id = _free(producer_id(name), producers)
    producers[record_id] = name
    address = entry.text("address")
    phone = normalize_phone(entry.text("phone")) and entry.text("phone")
    commune = commune_in(address) if address else None
    stub = Stub("producer", [say("decision.stub-header", source=source, row=entry.row)])
    stub.add("id", record_id)
    stub.add("name", name)
    stub.add("kind", kind.value if kind else None, say("decision.kind-of-producer-hint"))
    stub.add("address", address or None, "" if address else say("decision.address-hint"))
    stub.add("commune", commune, "" if commune else say("decision.commune-hint"))
    stub.add("phone", phone or None, "" if phone else say("decision.phone-hint"), quoted=True)
    path = paths.producers / f"{record_id}.yaml"
    outcome.texts[path] = stub.text()
    outcome.producers.append((path, name))
    return record_id


def run_decision(args: argparse.Namespace, paths: CataloguePaths) -> int:
    """The command: read the annex, write the stubs, say what was written and skipped."""
    lang, shown = args.lang, display_path(args.file)
    if not args.file.is_file():
        print(f"{shown}: error: {say('xlsx.no-workbook', lang)} [unreadable-workbook]")
        return 1
    annex = read_annex(args.file)
    if annex is None:
        print(f"{shown}: error: {say('decision.no-header', lang)} [no-header]")
        return 1
    info = DecisionInfo(args.decision or annex.decision, args.date or annex.day, args.issuer or _issuer(paths))
    outcome = stubs_of(annex, paths, info, f"{shown}!{annex.sheet}")
    write_files({path: text for path, text in outcome.texts.items() if not path.exists()})  # never over a file
    print(say("decision.summary", lang, file=shown, products=len(outcome.products), producers=len(outcome.producers)))
    for path, name in outcome.products + outcome.producers:
        print(say("decision.written", lang, file=display_path(path), name=name))
    for name, known in outcome.skipped:
        print(say("decision.skipped", lang, name=name, file=display_path(paths.products / f"{known}.yaml")))
    if outcome.texts:
        print(say("decision.next", lang))
    return 0


def _issuer(paths: CataloguePaths) -> str:
    settings = read_document(paths.settings) if paths.settings.exists() else None
    province = settings.get("province") if isinstance(settings, dict) else None
    return f"UBND tỉnh {province or 'Lai Châu'}"
