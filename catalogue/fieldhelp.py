"""The office's words for the data format: the Vietnamese name and help of every field, and of every
choice of a closed list (groups, categories, communes, stars, producer kinds…).

One source for the two places the office meets them: the JSON Schemas that editors show while a
YAML file is typed (`catalogue.schema`), and the form editor at /admin/ (`catalogue.admin`). The
field words live in `catalogue/data/field-help.yaml`; the choices come from the vocabularies and
the place list, so that a new category or commune is described everywhere at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import get_args

import yaml
from pydantic import BaseModel

from .places import province
from .vocab import (
    CERTIFICATE_KIND_LABELS,
    CERTIFICATION_LABELS,
    CHANNEL_LABELS,
    DEVELOPMENT_KIND_LABELS,
    GROUP_LABELS,
    INSPECTION_RESULT_LABELS,
    PRODUCER_KIND_LABELS,
    SALES_POINT_LABELS,
    ProducerKind,
    categories,
    fact_labels,
)

HELP_FILE = "field-help.yaml"

# The abbreviations everyone writes (HTX, THT, DN, HKD), shown beside a producer kind's name.
_KIND_ABBREVIATIONS = {
    ProducerKind.COOPERATIVE: "HTX",
    ProducerKind.COOPERATIVE_GROUP: "THT",
    ProducerKind.ENTERPRISE: "DN",
    ProducerKind.HOUSEHOLD: "HKD",
}


@dataclass(frozen=True)
class Words:
    """A field's (or a model's) Vietnamese name and its help."""

    label: str
    help: str


@cache
def _table() -> dict[str, dict]:
    text = resources.files("catalogue").joinpath("data", HELP_FILE).read_text(encoding="utf-8")
    return yaml.load(text, Loader=yaml.CSafeLoader)


def model_words(model: type[BaseModel] | str) -> Words:
    """The Vietnamese name and help of a model or a closed list, given as a class or by its class name
    (KeyError names it when the help file lacks it)."""
    entry = _table()[model if isinstance(model, str) else model.__name__]
    return Words(entry["title"], entry["help"])


def field_words(model: type[BaseModel], key: str) -> Words:
    """The Vietnamese name and help of the field written `key` in YAML (its alias, if it has one)."""
    entry = _table()[model.__name__]["fields"][key]
    return Words(entry["label"], entry["help"])


def described_models() -> set[str]:
    """The models the help file describes."""
    return set(_table())


def described_fields(model: type[BaseModel]) -> set[str]:
    """The keys of `model` that the help file describes."""
    return set(_table()[model.__name__]["fields"])


def yaml_keys(model: type[BaseModel]) -> list[str]:
    """The keys of `model` as written in YAML, in the model's order."""
    return [info.alias or name for name, info in model.model_fields.items()]


def commune_title(commune_id: str) -> str:
    """A commune as the office knows it: 'xã Bản Bo (Tam Đường cũ)', with the district it belonged
    to before 1 July 2025, so that an older address still finds its commune."""
    place = province().units[commune_id]
    district = place.former_district
    district = district[0].lower() + district[1:] if district.startswith("Thành phố") else district
    return f"{place.title} ({district} cũ)"


def category_title(code: str) -> str:
    """A category by its Vietnamese name, with its group: 'Chè (Thực phẩm)'."""
    group, label = categories()[code]
    return f"{label['vi']} ({GROUP_LABELS[group]['vi']})"


@cache
def choice_titles() -> tuple[dict[object, str], ...]:
    """Every closed list of the data format, each as {value: Vietnamese title}: groups, categories,
    communes, stars, kinds of producers, certificates, channels and sales points, inspection results,
    developed or consolidated, and fact keys."""
    producer_kinds = {k.value: f"{label['vi']} ({_KIND_ABBREVIATIONS[k]})" for k, label in PRODUCER_KIND_LABELS.items()}
    plain = [
        GROUP_LABELS, CERTIFICATE_KIND_LABELS, CHANNEL_LABELS, INSPECTION_RESULT_LABELS, SALES_POINT_LABELS, DEVELOPMENT_KIND_LABELS,
        CERTIFICATION_LABELS,
    ]  # fmt: skip
    return (
        *({k.value: label["vi"] for k, label in labels.items()} for labels in plain),
        producer_kinds,
        {code: category_title(code) for code in categories()},
        {commune: commune_title(commune) for commune in province().units},
        {stars: f"{stars} sao" for stars in (3, 4, 5)},
        {key: label["vi"] for key, label in fact_labels().items()},
    )


def titles_of(values: list[object]) -> dict[object, str] | None:
    """The Vietnamese titles of a closed list given by its values, or None when it is not one of ours."""
    wanted = set(values)
    return next((titles for titles in choice_titles() if set(titles) == wanted), None)


def reachable_models(root: type[BaseModel]) -> dict[str, type[BaseModel]]:
    """`root` and every model its fields hold, at any depth, by class name."""
    found: dict[str, type[BaseModel]] = {}

    def visit(kind: object) -> None:
        if isinstance(kind, type) and issubclass(kind, BaseModel):
            if kind.__name__ not in found:
                found[kind.__name__] = kind
                for info in kind.model_fields.values():
                    visit(info.annotation)
            return
        for arg in get_args(kind):
            visit(arg)

    visit(root)
    return found
