"""The words the office uses for the codes of the closed sets: `HTX` means `cooperative`.

A value such as `kind: HTX` or `kind: Hợp tác xã` is refused (the data keeps one code for one
idea), and the message offers the code it stands for. The words are the sets' own labels in every
language (catalogue/words/*.yaml) and the usual abbreviations below.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from .rules import fold_tone_marks
from .vocab import (
    CERTIFICATE_KIND_LABELS,
    CHANNEL_LABELS,
    GROUP_LABELS,
    INSPECTION_RESULT_LABELS,
    PRODUCER_KIND_LABELS,
    SALES_POINT_LABELS,
)

# Abbreviations and other words in everyday use (folded: lower case, no tone marks), by code.
_USUAL = {
    "cooperative": ("htx", "hop tac xa", "hop tac"),
    "cooperative-group": ("tht", "to hop tac", "nhom hop tac"),
    "enterprise": ("dn", "dnnvv", "doanh nghiep", "cong ty", "cty", "cong ty tnhh", "tnhh", "cong ty co phan", "ctcp", "dntn"),
    "household": ("hkd", "ho kinh doanh", "ho san xuat", "ho san xuat kinh doanh", "ho gia dinh", "co so", "co so san xuat", "ho"),
    "new": ("cong nhan moi", "moi"),
    "renewal": ("cong nhan lai", "danh gia lai", "gia han"),
    "upgrade": ("nang hang", "nang sao"),
}


def _folded(text: str) -> str:
    return " ".join(fold_tone_marks(text).replace(".", " ").replace("-", " ").split())


@cache
def _words() -> dict[str, frozenset[str]]:
    """Every known word (folded) with the codes it may stand for."""
    found: dict[str, set[str]] = {}
    for labels in (
        GROUP_LABELS,
        PRODUCER_KIND_LABELS,
        CERTIFICATE_KIND_LABELS,
        INSPECTION_RESULT_LABELS,
        CHANNEL_LABELS,
        SALES_POINT_LABELS,
    ):
        for code, label in labels.items():
            for word in label.values():
                found.setdefault(_folded(word), set()).add(str(code))
    for code, words in _USUAL.items():
        for word in words:
            found.setdefault(word, set()).add(code)
    return {word: frozenset(codes) for word, codes in found.items()}


def meant(value: str, choices: Iterable[str]) -> str | None:
    """The one code among `choices` that `value`, an everyday word or abbreviation, stands for; else None."""
    codes = _words().get(_folded(value), frozenset()) & set(choices)
    return next(iter(codes)) if len(codes) == 1 else None
