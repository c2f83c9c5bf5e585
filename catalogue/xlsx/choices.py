"""The drop-down lists of the workbook: each choice shown as "code — Vietnamese name".

A clerk picks "ban-bo — xã Bản Bo (Tam Đường cũ)"; the import keeps what stands before the dash,
so the code is what reaches the YAML file. A cell holding only the code, or only the name, is
understood too.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from ..places import province
from ..rules import fold_tone_marks
from ..vocab import (
    CERTIFICATE_KIND_LABELS,
    GROUP_LABELS,
    PRODUCER_KIND_LABELS,
    SALES_POINT_LABELS,
    categories,
)

DASH = " — "
YES, NO = "có", "không"


def _groups() -> dict[str, str]:
    return {group.value: label["vi"] for group, label in GROUP_LABELS.items()}


def _categories() -> dict[str, str]:
    return {code: f"{label['vi']} ({GROUP_LABELS[group]['vi']})" for code, (group, label) in categories().items()}


def _communes() -> dict[str, str]:
    return {place.id: f"{place.title} ({place.former_district} cũ)" for place in province().units.values()}


def _producer_kinds() -> dict[str, str]:
    return {kind.value: label["vi"] for kind, label in PRODUCER_KIND_LABELS.items()}


def _certificate_kinds() -> dict[str, str]:
    return {kind.value: label["vi"] for kind, label in CERTIFICATE_KIND_LABELS.items()}


def _sales_point_kinds() -> dict[str, str]:
    return {kind.value: label["vi"] for kind, label in SALES_POINT_LABELS.items()}


# name of a list → its codes and their Vietnamese names, in the order shown
LISTS: dict[str, Callable[[], dict[str, str]]] = {
    "group": _groups,
    "category": _categories,
    "commune": _communes,
    "producer_kind": _producer_kinds,
    "certificate_kind": _certificate_kinds,
    "sales_point_kind": _sales_point_kinds,
}


@cache
def choices(name: str) -> dict[str, str]:
    """The codes of the list `name` with their Vietnamese names."""
    return LISTS[name]()


def shown(name: str, code: str) -> str:
    """How a code appears in a cell: "code — name", or the bare value when it is no code of the list."""
    label = choices(name).get(code)
    return f"{code}{DASH}{label}" if label is not None else code


def code_of(name: str, text: str) -> str:
    """The code a cell means: the part before the dash, the code itself, or the code whose name
    it is (with or without tone marks); otherwise the text as it is, for validation to name."""
    known = choices(name)
    head = text.split(DASH.strip(), 1)[0].strip() if DASH.strip() in text else text.strip()
    if head in known:
        return head
    folded = fold_tone_marks(text.strip())
    for code, label in known.items():
        if folded in {fold_tone_marks(word) for word in _names(name, code, label)}:
            return code
    return head


def _names(name: str, code: str, label: str) -> list[str]:
    """The ways a clerk may write a choice: "code — name", the name, the name without its bracket;
    a commune also by its bare name ("Pa Ủ"), with its kind ("xã Pa Ủ") or another spelling."""
    names = [label, f"{code}{DASH}{label}", label.split(" (")[0]]
    place = province().units.get(code) if name == "commune" else None
    if place is not None:
        names += [place.name, place.title, *place.aliases]
    return names
