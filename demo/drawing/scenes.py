"""Backgrounds and small shared parts: studio wall, tabletops, sky, hills, leaves."""

from __future__ import annotations

import math

from demo.drawing.canvas import Canvas
from demo.drawing.colour import BLACK, WHITE, Colour, darker, jitter, lighter, mix
from demo.drawing.geometry import Point, taper


def backdrop(c: Canvas, wall: Colour, table: Colour, horizon: float = 0.1) -> None:
    """Paint a studio wall with a soft key light above a tabletop from `horizon` down."""
    wall, table = jitter(c.rng, wall, 8), jitter(c.rng, table, 8)
    c.rect((-c.hw, -c.hh, c.hw, horizon), [lighter(wall, 0.2), wall, darker(wall, 0.12)])
    c.rect((-c.hw, horizon, c.hw, c.hh), [lighter(table, 0.12), table, darker(table, 0.3)])
    light_x = c.rng.uniform(-0.25, 0.25)
    c.glow((light_x - 0.5, -c.hh - 0.3, light_x + 0.5, horizon - 0.05), WHITE, 0.22, 0.12)
    c.glow((-c.hw - 0.2, horizon - 0.01, c.hw + 0.2, horizon + 0.02), darker(table, 0.4), 0.3, 0.01)


def bamboo_mat(c: Canvas, horizon: float, colour: Colour) -> None:
    """Draw the slats of a bamboo mat receding from the bottom edge to `horizon`."""
    seam = darker(colour, 0.22)
    depth = c.hh - horizon
    n = 22
    for i in range(1, n):
        t = (i / n) ** 1.7
        y = horizon + depth * t
        c.line([(-c.hw, y), (c.hw, y)], seam, 0.0012 + 0.004 * t)
        c.line([(-c.hw, y + 0.006 * t), (c.hw, y + 0.006 * t)], lighter(colour, 0.18), 0.002 * t)


def wood_table(c: Canvas, horizon: float, colour: Colour) -> None:
    """Draw plank seams of a table receding towards a vanishing point above `horizon`."""
    seam = darker(colour, 0.3)
    vanish = (c.rng.uniform(-0.2, 0.2), horizon - 1.2)
    for k in range(-6, 7):
        bottom = (k * 0.26 + 0.05, c.hh)
        t = (horizon - vanish[1]) / (bottom[1] - vanish[1])
        top = (vanish[0] + (bottom[0] - vanish[0]) * t, horizon)
        c.line([top, bottom], seam, 0.003)
    for _ in range(14):
        x, y = c.rng.uniform(-c.hw, c.hw), c.rng.uniform(horizon + 0.05, c.hh)
        c.soft_line([(x, y), (x + 0.02, y + 0.25)], darker(colour, 0.15), 0.35, 0.004, 0.004)


def sky(c: Canvas, top: Colour, bottom: Colour, to_y: float) -> None:
    """Fill the frame from its top down to `to_y` with a sky gradient and a sun glow."""
    c.rect((-c.hw, -c.hh, c.hw, to_y), [top, mix(top, bottom, 0.6), bottom])
    x = c.rng.uniform(-c.hw * 0.7, c.hw * 0.7)
    c.glow((x - 0.35, -c.hh - 0.1, x + 0.35, -c.hh + 0.4), (255, 246, 220), 0.45, 0.15)


def ridge(c: Canvas, base: float, height: float, bumps: int) -> list[Point]:
    """Points of a smooth mountain ridge across the frame, `height` above `base`."""
    waves = [(c.rng.uniform(1.5, 4.0) * (k + 1), c.rng.uniform(0, 6.3)) for k in range(bumps)]
    norm = sum(1 / (k + 1) for k in range(bumps))
    points = []
    steps = 60
    for i in range(steps + 1):
        x = -c.hw - 0.05 + (2 * c.hw + 0.1) * i / steps
        v = sum(math.sin(f * x + p) / (k + 1) for k, (f, p) in enumerate(waves)) / norm
        points.append((x, base - height * (0.6 + 0.4 * v)))
    return points


def hills(c: Canvas, base: float, height: float, colour: Colour, haze: Colour) -> list[Point]:
    """Fill a mountain range down to the bottom edge; return its outline polygon."""
    outline = [*ridge(c, base, height, 3), (c.hw + 0.05, c.hh), (-c.hw - 0.05, c.hh)]
    c.shaded(outline, [colour, mix(colour, haze, 0.45)], vertical=True)
    return outline


def mist(c: Canvas, y: float, opacity: float = 0.35) -> None:
    """Lay a soft white band of mist across the frame at height `y`."""
    c.glow((-c.hw - 0.3, y - 0.05, c.hw + 0.3, y + 0.05), (250, 250, 250), opacity, 0.06)


def leaf(c: Canvas, base: Point, length: float, width: float, angle: float, colour: Colour) -> None:
    """Draw a pointed leaf from `base` in direction `angle` with a light midrib."""
    ca, sa = math.cos(angle), math.sin(angle)
    upper, lower = [], []
    for i in range(13):
        s = i / 12
        a = s * length
        half = width / 2 * math.sin(math.pi * s**0.8) ** 0.9
        upper.append((base[0] + a * ca - half * sa, base[1] + a * sa + half * ca))
        lower.append((base[0] + a * ca + half * sa, base[1] + a * sa - half * ca))
    c.shaded(upper + lower[::-1], [darker(colour, 0.25), colour, lighter(colour, 0.2)])
    tip = (base[0] + length * 0.92 * ca, base[1] + length * 0.92 * sa)
    c.line([base, tip], lighter(colour, 0.25), min(width * 0.05, 0.005))


def shadow(c: Canvas, centre: Point, rx: float, ry: float, opacity: float = 0.4) -> None:
    """Cast a soft contact shadow under an object standing at `centre`."""
    x, y = centre
    c.glow((x - rx, y - ry, x + rx, y + ry), BLACK, opacity, ry * 0.6 + 0.01)


def cylinder(c: Canvas, box: tuple[float, float, float, float], colour: Colour) -> None:
    """Draw an upright cylinder (a lid, a cup, a pole end) with side shading."""
    x0, y0, x1, y1 = box
    ry = (x1 - x0) * 0.12
    body = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    c.shaded(body, [darker(colour, 0.45), lighter(colour, 0.35), colour, darker(colour, 0.5)])
    c.shaded_ellipse((x0, y1 - ry, x1, y1 + ry), [darker(colour, 0.45), colour, darker(colour, 0.5)])
    c.shaded_ellipse((x0, y0 - ry, x1, y0 + ry), [colour, lighter(colour, 0.3)], vertical=True)


def stalk(c: Canvas, path: list[Point], colour: Colour, start: float, end: float, bulge: float = 0.0) -> None:
    """Draw a tapering stem, root or branch along `path`."""
    outline = taper(path, start, end, bulge)
    c.shaded(outline, [darker(colour, 0.2), colour, darker(colour, 0.1)])
    width = max(start, end) + bulge
    if width * c.u > 6:
        lit = [(x - width * 0.1, y - width * 0.16) for x, y in path[1:-1]]
        if len(lit) > 1:
            highlight = taper(lit, start * 0.3, end * 0.3, bulge * 0.3)
            c.soft_polygon(highlight, lighter(colour, 0.45), 0.6, width * 0.05)
