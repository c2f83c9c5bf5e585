"""Handicrafts and ornamental plants: brocade, a woven basket, a flowering branch."""

from __future__ import annotations

import math

from demo.drawing.canvas import Canvas
from demo.drawing.colour import WHITE, Colour, darker, jitter, lighter, mix
from demo.drawing.geometry import Point, ellipse_points
from demo.drawing.scenes import backdrop, shadow, stalk

INDIGO: Colour = (34, 44, 96)
RED: Colour = (178, 34, 40)
CREAM: Colour = (236, 222, 186)
GOLD: Colour = (230, 170, 40)


def draw_textile(c: Canvas) -> None:
    """Textiles: a brocade cloth with diamonds and zigzags on indigo, draped on a table."""
    backdrop(c, (214, 204, 186), (120, 88, 60), -0.12)
    layer = c.layer()
    _brocade(layer)
    phase, tilt = c.rng.uniform(0, 6.3), c.rng.uniform(-0.08, 0.08)
    xs = [-c.hw - 0.05 + i * (2 * c.hw + 0.1) / 40 for i in range(41)]
    edge = [(x, -0.2 + tilt * x + 0.025 * math.sin(3 * x + phase)) for x in xs]
    c.soft_line([(x, y + 0.025) for x, y in edge], (0, 0, 0), 0.45, 0.02, 0.02)
    c.clip(layer, [*edge, (c.hw + 0.05, c.hh + 0.05), (-c.hw - 0.05, c.hh + 0.05)])
    c.line(edge, darker(RED, 0.2), 0.012)
    _folds(c, -0.15)


def _brocade(c: Canvas) -> None:
    """Fill the canvas with horizontal bands of brocade patterns."""
    base = jitter(c.rng, INDIGO, 8)
    c.rect((-c.hw, -c.hh, c.hw, c.hh), [base])
    red, accent = jitter(c.rng, RED, 12), c.rng.choice([GOLD, (60, 150, 90), (210, 90, 140)])
    band = c.rng.uniform(0.2, 0.25)
    y = -0.2 + band * 0.2
    k = 0
    while y < c.hh:
        if k % 3 == 0:
            _zigzag_band(c, y, band * 0.6, red, CREAM)
        elif k % 3 == 1:
            _diamond_band(c, y, band, red, accent)
        else:
            _stripes(c, y, band * 0.4, [CREAM, accent, red])
        y += band * (0.6, 1.0, 0.4)[k % 3] + band * 0.25
        k += 1


def _zigzag_band(c: Canvas, top: float, height: float, fill: Colour, line: Colour) -> None:
    c.rect((-c.hw, top, c.hw, top + height), [fill])
    step = height * 0.8
    n = int(2 * c.hw / step) + 3
    points = [(-c.hw - step + i * step, top + height * (0.25 if i % 2 else 0.75)) for i in range(n)]
    c.line(points, line, height * 0.14)


def _diamond_band(c: Canvas, top: float, height: float, fill: Colour, accent: Colour) -> None:
    c.rect((-c.hw, top + height * 0.08, c.hw, top + height * 0.92), [fill])
    half, mid = height * 0.42, top + height / 2
    x = -c.hw - half
    while x < c.hw + half:
        for scale, colour in ((1.0, CREAM), (0.72, accent), (0.4, INDIGO), (0.16, CREAM)):
            r = half * scale
            c.polygon([(x, mid - r), (x + r, mid), (x, mid + r), (x - r, mid)], colour)
        x += half * 2.1


def _stripes(c: Canvas, top: float, height: float, colours: list[Colour]) -> None:
    step = height / len(colours)
    for i, colour in enumerate(colours):
        c.rect((-c.hw, top + i * step, c.hw, top + (i + 0.6) * step), [colour])


def _folds(c: Canvas, top: float) -> None:
    """Shade soft folds running down the cloth from `top` and light its upper left."""
    for _ in range(c.rng.randint(3, 5)):
        x = c.rng.uniform(-c.hw, c.hw)
        tilt = c.rng.uniform(0.05, 0.25)
        c.soft_line([(x, top), (x + tilt, c.hh + 0.1)], (0, 0, 0), 0.35, 0.05, 0.05)
        c.soft_line([(x + 0.07, top), (x + tilt + 0.07, c.hh + 0.1)], WHITE, 0.1, 0.03, 0.05)
    c.glow((-c.hw - 0.4, top - 0.1, 0.2, 0.3), WHITE, 0.1, 0.2)


def draw_basket(c: Canvas) -> None:
    """Rattan and bamboo: a woven round basket with a rolled rim."""
    backdrop(c, (220, 212, 194), (140, 112, 80), 0.12)
    cane = jitter(c.rng, (206, 168, 104), 10)
    x, top, bottom = c.rng.uniform(-0.1, 0.05), -0.12, 0.34
    rx_top, rx_bottom = 0.34, 0.24
    shadow(c, (x + 0.05, bottom + 0.02), 0.36, 0.06, 0.5)
    lower = [p for p in ellipse_points((x, bottom), (rx_bottom, 0.07), n=40) if p[1] >= bottom]
    body = [(x - rx_top, top), (x + rx_top, top), *sorted(lower, key=lambda p: -p[0])]
    layer = c.layer()
    _weave(layer, (x - rx_top, top - 0.05, x + rx_top, bottom + 0.08), cane)
    c.clip(layer, body)
    c.darken(body, [0.55, 0.1, 0.0, 0.2, 0.6])
    rim = ellipse_points((x, top), (rx_top, 0.09), n=48)
    c.polygon(ellipse_points((x, top), (rx_top * 0.96, 0.075), n=48), darker(cane, 0.55))
    c.line(rim + rim[:1], darker(cane, 0.15), 0.034)
    c.line(rim[:25], lighter(cane, 0.2), 0.012)


def _weave(c: Canvas, box: tuple[float, float, float, float], cane: Colour) -> None:
    """Plain weave: alternating over-under cane segments with shaded edges."""
    x0, y0, x1, y1 = box
    cell = 0.04
    c.rect(box, [darker(cane, 0.5)])
    for j in range(int((y1 - y0) / cell) + 1):
        for i in range(int((x1 - x0) / cell) + 1):
            cx, cy = x0 + i * cell, y0 + j * cell
            tone = jitter(c.rng, cane, 6)
            if (i + j) % 2:
                c.shaded(
                    [(cx, cy + 0.004), (cx + cell, cy + 0.004), (cx + cell, cy + cell - 0.004), (cx, cy + cell - 0.004)],
                    [lighter(tone, 0.2), tone, darker(tone, 0.3)],
                    vertical=True,
                )
            else:
                c.shaded(
                    [(cx + 0.004, cy), (cx + cell - 0.004, cy), (cx + cell - 0.004, cy + cell), (cx + 0.004, cy + cell)],
                    [darker(tone, 0.15), lighter(tone, 0.15), darker(tone, 0.3)],
                )


def draw_flowers(c: Canvas) -> None:
    """Flowers and ornamental plants: a blossoming branch against a soft bokeh."""
    palette = c.rng.choice([((238, 150, 172), (196, 62, 104)), ((246, 240, 246), (150, 70, 160)), ((250, 212, 80), (200, 110, 30))])
    petal, heart = (jitter(c.rng, col, 8) for col in palette)
    bg = jitter(c.rng, (170, 200, 214), 12)
    c.rect((-c.hw, -c.hh, c.hw, c.hh), [lighter(bg, 0.3), bg, darker(bg, 0.25)])
    for _ in range(9):
        bx, by, r = c.rng.uniform(-c.hw, c.hw), c.rng.uniform(-c.hh, c.hh), c.rng.uniform(0.04, 0.12)
        c.glow((bx - r, by - r, bx + r, by + r), lighter(c.rng.choice([petal, bg]), 0.4), 0.35, 0.02)
    bark = jitter(c.rng, (78, 56, 44), 8)
    tips = _branch(c, (-c.hw - 0.05, 0.32), (0.3, -0.32), bark, 0.05)
    for tip in tips:
        _flower(c, tip, 0.07, petal, heart)
    for _ in range(8):
        p = c.rng.choice(tips)
        _flower(c, (p[0] + c.rng.uniform(-0.12, 0.05), p[1] + c.rng.uniform(-0.02, 0.12)), 0.05, petal, heart)


def _branch(c: Canvas, start: Point, end: Point, bark: Colour, width: float) -> list[Point]:
    """A crooked branch with twigs; returns the points where blossoms sit."""
    path = [
        (start[0] + (end[0] - start[0]) * t + 0.03 * math.sin(t * 9), start[1] + (end[1] - start[1]) * t)
        for t in (i / 12 for i in range(13))
    ]
    stalk(c, path, bark, width, width * 0.3)
    tips = [path[-1]]
    for i in (4, 7, 9):
        bx, by = path[i]
        side = c.rng.choice([-1, 1])
        twig = [(bx + 0.05 * k * side, by - 0.04 * k - 0.005 * k * k) for k in range(5)]
        stalk(c, twig, bark, width * 0.4, width * 0.12)
        tips.append(twig[-1])
    return tips


def _flower(c: Canvas, centre: Point, r: float, petal: Colour, heart: Colour) -> None:
    """Five rounded petals around a dark heart with stamens."""
    x, y = centre
    turn = c.rng.uniform(0, 1.3)
    for k in range(5):
        a = turn + k * 2 * math.pi / 5
        px, py = x + r * 0.55 * math.cos(a), y + r * 0.55 * math.sin(a)
        c.shaded(
            ellipse_points((px, py), (r * 0.55, r * 0.42), a, 20), [lighter(petal, 0.4), petal, mix(petal, heart, 0.35)], vertical=True
        )
    c.ellipse((x - r * 0.25, y - r * 0.25, x + r * 0.25, y + r * 0.25), heart)
    for k in range(8):
        a = k * math.pi / 4 + turn
        c.line([(x, y), (x + r * 0.4 * math.cos(a), y + r * 0.4 * math.sin(a))], darker(heart, 0.2), r * 0.03)
        c.ellipse(
            (
                x + r * 0.4 * math.cos(a) - r * 0.05,
                y + r * 0.4 * math.sin(a) - r * 0.05,
                x + r * 0.4 * math.cos(a) + r * 0.05,
                y + r * 0.4 * math.sin(a) + r * 0.05,
            ),
            (240, 210, 90),
        )
