"""The focus point of a photo (`images[].focus`) as classes for the crop of cards and galleries.

The site's content security policy allows no inline `style` attributes, so the point cannot be
written as an `object-position` on the image itself. It is rounded to a step of the stylesheet's
classes instead (`ocop-fx-<percent>`, `ocop-fy-<percent>` in overrides/assets/ocop.css), which set
the custom properties that the crop rule reads. A step of 5% of a photo's side is far below what
a 4:3 crop of a phone photo can show differently.
"""

from __future__ import annotations

from markupsafe import Markup

STEP = 5  # percent
CENTRE = (0.5, 0.5)


def focus_percent(share: float) -> int:
    """A share of a side (0..1) as the nearest percentage the stylesheet has a class for."""
    return min(100, max(0, round(share * 100 / STEP) * STEP))


def focus_class(focus: tuple[float, float] | None) -> Markup:
    """` class="ocop-fx-30 ocop-fy-60"` for a photo's focus point; nothing for none or the centre
    (the stylesheet's default)."""
    if focus is None:
        return Markup()
    x, y = (focus_percent(share) for share in focus)
    if (x, y) == (focus_percent(CENTRE[0]), focus_percent(CENTRE[1])):
        return Markup()
    return Markup(' class="ocop-fx-{} ocop-fy-{}"').format(x, y)  # numbers of ours: escaped anyway


def focus_rules() -> str:
    """The stylesheet's focus classes, one per step (what overrides/assets/ocop.css must contain)."""
    steps = range(0, 101, STEP)
    return "\n".join(
        [" ".join(f".ocop-fx-{p} {{ --ocop-fx: {p}%; }}" for p in steps), " ".join(f".ocop-fy-{p} {{ --ocop-fy: {p}%; }}" for p in steps)]
    )
