"""Colour arithmetic and gradient images."""

from __future__ import annotations

import random
from collections.abc import Sequence

from PIL import Image

Colour = tuple[int, int, int]
WHITE: Colour = (255, 255, 255)
BLACK: Colour = (0, 0, 0)


def mix(a: Colour, b: Colour, t: float) -> Colour:
    """Blend colour `a` towards `b` by `t` (0 gives `a`, 1 gives `b`)."""
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def lighter(colour: Colour, t: float) -> Colour:
    """Blend `colour` towards white by `t`."""
    return mix(colour, WHITE, t)


def darker(colour: Colour, t: float) -> Colour:
    """Blend `colour` towards black by `t`."""
    return mix(colour, BLACK, t)


def jitter(rng: random.Random, colour: Colour, amount: int = 10) -> Colour:
    """Nudge each channel of `colour` by up to `amount` levels."""
    r, g, b = (max(0, min(255, v + rng.randint(-amount, amount))) for v in colour)
    return (r, g, b)


def at(stops: Sequence[Colour], t: float) -> Colour:
    """Colour at position `t` (0..1) of evenly spaced gradient `stops`."""
    if len(stops) == 1:
        return stops[0]
    pos = max(0.0, min(1.0, t)) * (len(stops) - 1)
    i = min(int(pos), len(stops) - 2)
    return mix(stops[i], stops[i + 1], pos - i)


def gradient(size: tuple[int, int], stops: Sequence[Colour], vertical: bool = True) -> Image.Image:
    """Return an RGB image of `size` shading through `stops` top-down or left-right."""
    length = size[1] if vertical else size[0]
    n = max(2, min(length, 256))
    strip = Image.new("RGB", (1, n) if vertical else (n, 1))
    strip.putdata([at(stops, i / (n - 1)) for i in range(n)])
    return strip.resize(size, Image.Resampling.BILINEAR)
