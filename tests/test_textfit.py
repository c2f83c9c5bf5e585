"""The search for how much of a text fits a width (catalogue/textfit.py)."""

from __future__ import annotations

import pytest

from catalogue.textfit import fitting_prefix


@pytest.mark.parametrize(
    ("text", "width", "most", "expected"),
    [
        ("abcdefghij", 4.5, None, 4),
        ("abcdefghij", 4.0, None, 4),  # a prefix exactly as wide as the room fits
        ("abcdefghij", 100.0, None, 10),  # all of it
        ("abcdefghij", 0.5, None, 1),  # not even one character: one anyway, or no line would ever end
        ("abcdefghij", 100.0, 6, 6),  # never more than `most`
        ("a", 0.0, None, 1),
    ],
)
def test_fitting_prefix(text: str, width: float, most: int | None, expected: int) -> None:
    assert fitting_prefix(text, width, len, most) == expected


def test_fitting_prefix_measures_about_k_log_k_characters() -> None:
    measured: list[int] = []

    def measure(text: str) -> float:
        measured.append(len(text))
        return float(len(text))

    assert fitting_prefix("x" * 100_000, 700.0, measure) == 700
    assert len(measured) <= 22  # doubling up to 1,024, then halving back: about 2 log2(700) measurements
    assert max(measured) <= 1_024  # never the whole text
    assert sum(measured) < 2 * 700 * 10  # about k log k characters measured, not k² (490,000)
