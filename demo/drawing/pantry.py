"""Dry goods on a table: rice, glass noodles, macadamia nuts and cardamom pods."""

from __future__ import annotations

import math

from demo.drawing.canvas import Canvas
from demo.drawing.colour import WHITE, Colour, darker, jitter, lighter, mix
from demo.drawing.geometry import Point, ellipse_points
from demo.drawing.scenes import backdrop, bamboo_mat, leaf, shadow, stalk, wood_table

MAT: Colour = (196, 160, 100)
RICE: Colour = (244, 240, 226)


def bowl(c: Canvas, centre: Point, rx: float, glaze: Colour, band: Colour) -> None:
    """Draw a round bowl whose rim ellipse is centred on `centre`."""
    x, y = centre
    shadow(c, (x + 0.03, y + rx * 0.62), rx * 1.05, rx * 0.16, 0.5)
    lower = [p for p in ellipse_points((x, y), (rx, rx * 0.62), n=48) if p[1] >= y]
    lower.sort(key=lambda p: p[0])
    body = [(x + rx, y), *lower[::-1], (x - rx, y)]
    c.shaded(body, [darker(glaze, 0.35), lighter(glaze, 0.4), glaze, darker(glaze, 0.45)])
    c.line([(px, py - rx * 0.16) for px, py in lower if py > y + rx * 0.18], band, rx * 0.05)
    c.ellipse((x - rx, y - rx * 0.22, x + rx, y + rx * 0.22), lighter(glaze, 0.3))
    c.ellipse((x - rx * 0.94, y - rx * 0.19, x + rx * 0.94, y + rx * 0.19), darker(glaze, 0.2))


def grains(c: Canvas, centre: Point, radii: Point, count: int, colour: Colour, size: float) -> None:
    """Scatter rice grains inside an ellipse; each grain has a shaded and a lit side."""
    for _ in range(count):
        a, r = c.rng.uniform(0, 6.3), math.sqrt(c.rng.random())
        gx, gy = centre[0] + radii[0] * r * math.cos(a), centre[1] + radii[1] * r * math.sin(a)
        angle = c.rng.uniform(0, math.pi)
        tone = jitter(c.rng, colour, 6)
        c.polygon(ellipse_points((gx, gy), (size, size * 0.38), angle, 10), darker(tone, 0.2))
        c.polygon(ellipse_points((gx, gy - size * 0.1), (size * 0.8, size * 0.25), angle, 10), tone)


def draw_rice(c: Canvas) -> None:
    """Rice: a bowl heaped with rice on a bamboo mat, with ripe stalks behind."""
    backdrop(c, (226, 214, 190), MAT, -0.02)
    bamboo_mat(c, -0.02, jitter(c.rng, MAT, 8))
    gold = jitter(c.rng, (204, 160, 60), 10)
    for _ in range(5):
        _panicle(c, (c.rng.uniform(0.05, 0.3), 0.1), c.rng.uniform(1.2, 2.0), gold)
    x = c.rng.uniform(-0.12, 0.0)
    glaze = jitter(c.rng, (226, 230, 232), 6)
    bowl(c, (x, 0.1), 0.3, glaze, jitter(c.rng, (52, 82, 150), 12))
    dome = [p for p in ellipse_points((x, 0.1), (0.28, 0.16), n=48) if p[1] <= 0.1]
    dome += [p for p in ellipse_points((x, 0.1), (0.282, 0.057), n=48) if p[1] > 0.1]
    c.shaded(sorted(dome, key=lambda p: math.atan2(p[1] - 0.1, p[0] - x)), [RICE, darker(RICE, 0.12)], vertical=True)
    grains(c, (x, 0.03), (0.25, 0.1), 110, RICE, 0.02)
    grains(c, (x + 0.05, 0.41), (0.45, 0.05), 25, RICE, 0.02)


def _panicle(c: Canvas, base: Point, bend: float, gold: Colour) -> None:
    """A rice stalk rising from `base` and arching over with hanging grains."""
    path, (x, y), step = [base], base, 0.055
    for i in range(10):
        heading = -math.pi / 2 + bend * (i / 9) ** 1.5
        x, y = x + step * math.cos(heading), y + step * math.sin(heading)
        path.append((x, y))
    stalk(c, path, gold, 0.01, 0.004)
    for i, (px, py) in enumerate(path[5:], start=5):
        heading = -math.pi / 2 + bend * (i / 10) ** 1.5
        for side in (-1, 1):
            a = heading + side * 0.5 + 0.4
            gx, gy = px + 0.014 * math.cos(a), py + 0.014 * math.sin(a)
            grain = ellipse_points((gx, gy), (0.016, 0.0065), a, 10)
            c.shaded(grain, [lighter(gold, 0.2), darker(gold, 0.25)], vertical=True)


def draw_noodles(c: Canvas) -> None:
    """Noodles: skeins of dried glass noodles tied with red string on a round tray."""
    backdrop(c, (220, 206, 180), (120, 84, 54), 0.0)
    wood_table(c, 0.0, (120, 84, 54))
    shadow(c, (0.02, 0.26), 0.6, 0.17, 0.45)
    tray = jitter(c.rng, (190, 150, 90), 10)
    c.shaded_ellipse((-0.58, 0.04, 0.58, 0.46), [lighter(tray, 0.1), tray, darker(tray, 0.3)], vertical=True)
    for k in range(1, 9):
        r = k / 9
        c.polygon(ellipse_points((0, 0.25), (0.55 * r, 0.2 * r), n=40), mix(tray, darker(tray, 0.2), k % 2 * 0.4))
    noodle = jitter(c.rng, (226, 214, 188), 8)
    for sx, sy in ((-0.22, 0.2), (0.2, 0.18), (0.0, 0.3)):
        _skein(c, (sx + c.rng.uniform(-0.03, 0.03), sy), c.rng.uniform(-0.5, 0.5), noodle)
    chop = jitter(c.rng, (150, 100, 60), 10)
    for dx in (0.0, 0.035):
        c.line([(-0.55 + dx, 0.46), (0.1 + dx, 0.04)], darker(chop, 0.2), 0.016)
        c.line([(-0.55 + dx, 0.455), (0.1 + dx, 0.035)], lighter(chop, 0.15), 0.006)


def _skein(c: Canvas, centre: Point, angle: float, colour: Colour) -> None:
    """A loop of many fine translucent strands tied at the waist."""
    shadow(c, (centre[0] + 0.02, centre[1] + 0.05), 0.18, 0.06, 0.35)
    for _ in range(56):
        rx, ry = c.rng.uniform(0.125, 0.175), c.rng.uniform(0.04, 0.075)
        jitter_angle = angle + c.rng.uniform(-0.06, 0.06)
        loop = ellipse_points((centre[0] + c.rng.uniform(-0.01, 0.01), centre[1] + c.rng.uniform(-0.01, 0.01)), (rx, ry), jitter_angle, 36)
        tone = mix(colour, darker(colour, 0.3), c.rng.random())
        c.line(loop + loop[:1], tone, 0.0025)
    cx, cy = centre
    ca, sa = math.cos(angle), math.sin(angle)
    for side in (-1, 1):
        inner, outer = side * 0.12, side * 0.185
        tie = [(cx + inner * ca, cy + inner * sa), (cx + outer * ca, cy + outer * sa)]
        c.line(tie, (178, 40, 36), 0.012)


def draw_nuts(c: Canvas) -> None:
    """Nuts: a wooden bowl of macadamia nuts, some cracked, a few on the table."""
    backdrop(c, (222, 210, 190), (164, 120, 80), 0.06)
    wood_table(c, 0.06, (164, 120, 80))
    x = c.rng.uniform(-0.12, 0.05)
    bowl(c, (x, 0.12), 0.28, jitter(c.rng, (140, 92, 52), 10), (110, 70, 40))
    nuts = [(x + c.rng.uniform(-0.22, 0.22), 0.12 + c.rng.uniform(-0.1, 0.03)) for _ in range(16)]
    nuts += [(c.rng.uniform(0.1 - c.hw, c.hw - 0.1), c.rng.uniform(0.36, 0.45)) for _ in range(5)]
    for nx, ny in sorted(nuts, key=lambda p: p[1]):
        _nut(c, (nx, ny), 0.05, c.rng.random() < 0.3)


def _nut(c: Canvas, centre: Point, r: float, cracked: bool) -> None:
    x, y = centre
    shell = jitter(c.rng, (124, 82, 46), 10)
    c.glow((x - r, y + r * 0.4, x + r * 1.2, y + r * 1.1), (0, 0, 0), 0.35, r * 0.3)
    c.shaded_ellipse((x - r, y - r, x + r, y + r), [lighter(shell, 0.25), shell, darker(shell, 0.45)], vertical=True)
    if cracked:
        c.shaded_ellipse((x - r * 0.7, y - r * 0.75, x + r * 0.55, y + r * 0.45), [(242, 226, 190), (214, 190, 146)], vertical=True)
        c.line([(x - r * 0.7, y - r * 0.1), (x - r * 0.2, y - r * 0.3), (x + r * 0.55, y - r * 0.1)], darker(shell, 0.3), r * 0.06)
    else:
        c.ellipse((x + r * 0.25, y - r * 0.55, x + r * 0.45, y - r * 0.35), lighter(shell, 0.35))
    c.glow((x - r * 0.6, y - r * 0.7, x - r * 0.1, y - r * 0.35), WHITE, 0.35, r * 0.08)


def draw_spice(c: Canvas) -> None:
    """Spices: a heap of dried black cardamom pods on a banana leaf, a few fresh red ones."""
    backdrop(c, (206, 196, 176), (110, 76, 48), 0.04)
    wood_table(c, 0.04, (110, 76, 48))
    leaf(c, (-0.62, 0.3), 1.2, 0.38, -0.12, jitter(c.rng, (72, 132, 60), 12))
    pods = [(c.rng.gauss(0, 0.17), c.rng.gauss(0.18, 0.05)) for _ in range(38)]
    for px, py in sorted(pods, key=lambda p: p[1]):
        _pod(c, (px, py), jitter(c.rng, (96, 44, 34), 12))
    for k in range(4):
        _pod(c, (c.hw - 0.28 + k * 0.06, 0.38 + (k % 2) * 0.03), jitter(c.rng, (192, 52, 40), 12))


def _pod(c: Canvas, centre: Point, colour: Colour) -> None:
    """An ovoid pod with longitudinal ridges and a small stalk."""
    angle = c.rng.uniform(-math.pi, math.pi)
    rx, ry = 0.045, 0.027
    body = ellipse_points(centre, (rx, ry), angle, 24)
    c.shaded(body, [lighter(colour, 0.2), colour, darker(colour, 0.5)], vertical=True)
    ca, sa = math.cos(angle), math.sin(angle)
    for k in (-0.4, 0.0, 0.4):
        ridge = [
            (centre[0] + rx * t * ca - ry * k * (1 - t * t) * sa, centre[1] + rx * t * sa + ry * k * (1 - t * t) * ca)
            for t in (-0.8, -0.4, 0, 0.4, 0.8)
        ]
        c.line(ridge, darker(colour, 0.35), 0.003)
    tip = (centre[0] + rx * ca, centre[1] + rx * sa)
    c.line([tip, (tip[0] + 0.015 * ca, tip[1] + 0.015 * sa)], (120, 96, 60), 0.005)
    c.glow((centre[0] - rx * 0.5, centre[1] - ry * 0.8, centre[0] + rx * 0.2, centre[1] - ry * 0.3), WHITE, 0.25, 0.004)
