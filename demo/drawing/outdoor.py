"""Outdoor scenes: a mountain village with terraced fields, and tea hills."""

from __future__ import annotations

import math

from demo.drawing.canvas import Canvas
from demo.drawing.colour import Colour, darker, jitter, lighter, mix
from demo.drawing.geometry import Point
from demo.drawing.scenes import hills, mist, ridge, sky

HAZE: Colour = (214, 226, 236)


def _far_mountains(c: Canvas, horizon: float) -> None:
    sky(c, jitter(c.rng, (96, 150, 210), 12), (226, 234, 238), horizon + 0.1)
    hills(c, horizon - 0.02, 0.3, jitter(c.rng, (128, 152, 178), 8), HAZE)
    mist(c, horizon - 0.02, 0.3)
    hills(c, horizon + 0.08, 0.22, jitter(c.rng, (84, 118, 110), 8), HAZE)
    mist(c, horizon + 0.07, 0.25)


def draw_landscape(c: Canvas) -> None:
    """Tourism: mountains, terraced rice fields and stilt houses under a wide sky."""
    _far_mountains(c, -0.12)
    ripe = c.rng.random() < 0.5
    field = jitter(c.rng, (204, 178, 66) if ripe else (118, 168, 60), 8)
    surface = ridge(c, 0.1, 0.12, 2)
    _terraces(c, surface, field)
    count = c.rng.randint(2, 4)
    slot = (2 * c.hw - 0.24) / count
    spots = []
    for k in range(count):
        x = -c.hw + 0.12 + slot * (k + c.rng.uniform(0.3, 0.7))
        spots.append((x, _height_at(surface, x) + c.rng.uniform(0.02, 0.12)))
    for x, y in sorted(spots, key=lambda p: p[1]):
        _tree(c, (x + c.rng.choice([-1, 1]) * 0.1, y - 0.01), 0.05)
        _stilt_house(c, (x, y), 0.1 + 0.3 * (y - 0.05))


def _height_at(surface: list[Point], x: float) -> float:
    """The y of a left-to-right polyline at `x` (nearest vertex)."""
    return min(surface, key=lambda p: abs(p[0] - x))[1]


def _terraces(c: Canvas, surface: list[Point], field: Colour) -> None:
    """Terrace bands following the contour of `surface`, wider towards the viewer."""
    layer = c.layer(0.5)
    layer.image.paste(darker(field, 0.3), (0, 0, layer.w, layer.h))
    phase, off, i = c.rng.uniform(0, 6.3), 0.0, 0
    while off < c.hh * 2:
        thick = 0.014 * (1 + 0.3 * i)
        curve = [(x, y + off + thick * 0.6 * math.sin(3 * x + phase + i * 0.7)) for x, y in surface]
        shade = jitter(c.rng, mix(field, lighter(field, 0.3), (i % 3) / 2), 6)
        band = curve + [(x, y + thick) for x, y in curve[::-1]]
        layer.shaded(band, [lighter(shade, 0.15), shade, darker(shade, 0.1)], vertical=True)
        layer.line(curve, darker(field, 0.45), 0.002 + thick * 0.07)
        off, i = off + thick * 0.92, i + 1
    layer.blur(0.002)
    c.clip(layer, [*surface, (c.hw + 0.05, c.hh + 0.05), (-c.hw - 0.05, c.hh + 0.05)])
    c.line(surface, darker(field, 0.35), 0.004)


def _tree(c: Canvas, base: Point, size: float) -> None:
    x, y = base
    c.line([(x, y), (x, y - size * 0.8)], (70, 52, 36), size * 0.12)
    green = jitter(c.rng, (52, 96, 48), 12)
    for dx, dy, r in ((0, -1.0, 0.5), (-0.35, -0.75, 0.38), (0.35, -0.75, 0.38)):
        cx, cy = x + dx * size, y + dy * size
        c.shaded_ellipse(
            (cx - r * size, cy - r * size, cx + r * size, cy + r * size), [lighter(green, 0.2), green, darker(green, 0.3)], vertical=True
        )


def _stilt_house(c: Canvas, base: Point, size: float) -> None:
    """A wooden house on posts with a steep, dark roof; `base` is the ground centre."""
    x, y = base
    wood = jitter(c.rng, (132, 92, 58), 10)
    floor = y - size * 0.35
    for k in range(5):
        px = x - size * 0.45 + k * size * 0.225
        c.line([(px, y), (px, floor)], darker(wood, 0.4), size * 0.05)
    wall = [(x - size * 0.5, floor), (x + size * 0.5, floor), (x + size * 0.5, floor - size * 0.38), (x - size * 0.5, floor - size * 0.38)]
    c.shaded(wall, [darker(wood, 0.1), lighter(wood, 0.1), darker(wood, 0.3)])
    for k in range(2):
        wx = x - size * 0.3 + k * size * 0.4
        c.polygon(
            [
                (wx, floor - size * 0.1),
                (wx + size * 0.18, floor - size * 0.1),
                (wx + size * 0.18, floor - size * 0.25),
                (wx, floor - size * 0.25),
            ],
            darker(wood, 0.55),
        )
    roof = jitter(c.rng, (96, 80, 66), 10)
    eave, peak = floor - size * 0.34, floor - size * 0.85
    c.shaded(
        [(x - size * 0.7, eave), (x + size * 0.7, eave), (x + size * 0.32, peak), (x - size * 0.32, peak)],
        [lighter(roof, 0.2), roof, darker(roof, 0.35)],
        vertical=True,
    )
    c.line([(x - size * 0.33, peak), (x + size * 0.33, peak)], darker(roof, 0.4), size * 0.03)


def draw_tea_hills(c: Canvas) -> None:
    """Tea: rolling hills combed with rows of tea bushes under a misty sky."""
    _far_mountains(c, -0.18)
    side = c.rng.choice([-1, 1])
    for k, place in enumerate((-0.45, 0.5, -0.1)):
        hx = side * (place + c.rng.uniform(-0.15, 0.15)) * c.hw
        crest = -0.08 + k * 0.13 + c.rng.uniform(-0.02, 0.02)
        green = jitter(c.rng, mix((86, 146, 52), HAZE, 0.25 * (2 - k)), 10)
        _tea_hill(c, hx, crest, 0.6 + 0.3 * k, green)


def _tea_hill(c: Canvas, hx: float, crest: float, width: float, green: Colour) -> None:
    """A dome hill whose slope is covered by curved rows of tea bushes."""
    xs = [-c.hw - 0.05 + i * (2 * c.hw + 0.1) / 40 for i in range(41)]
    surface = [(x, crest + 0.9 * ((x - hx) / width) ** 2 * width * 0.5) for x in xs]
    outline = [*surface, (c.hw + 0.05, c.hh + 0.05), (-c.hw - 0.05, c.hh + 0.05)]
    layer = c.layer(0.5)
    layer.image.paste(darker(green, 0.35), (0, 0, layer.w, layer.h))
    gap = 0.024 + 0.01 * width
    for i in range(40):
        off = 0.012 + i * gap * (1 + i * 0.05)
        row = [(x, y + off + 0.01 * math.sin(x * 9 + i)) for x, y in surface]
        layer.line(row, green, gap * 0.7)
        layer.line([(x, y - gap * 0.14) for x, y in row], lighter(green, 0.28), gap * 0.22)
        if off > c.hh * 2:
            break
    layer.blur(gap * 0.09)
    c.clip(layer, outline)
    c.line(surface, lighter(green, 0.2), 0.004)
