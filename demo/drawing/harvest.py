"""Meat smoked over the kitchen fire, fish on a banana leaf, ginseng roots."""

from __future__ import annotations

import math

from demo.drawing.canvas import Canvas
from demo.drawing.colour import WHITE, Colour, darker, jitter, lighter, mix
from demo.drawing.geometry import Point, taper
from demo.drawing.scenes import backdrop, leaf, shadow, stalk, wood_table


def draw_meat(c: Canvas) -> None:
    """Smoked meat: strips of buffalo meat hanging from a bamboo pole above a hearth."""
    wall = jitter(c.rng, (58, 40, 30), 6)
    c.rect((-c.hw, -c.hh, c.hw, c.hh), [darker(wall, 0.4), wall, lighter(wall, 0.08)])
    for k in range(-8, 9):
        c.line([(k * 0.17, -c.hh), (k * 0.17 + 0.02, c.hh)], darker(wall, 0.3), 0.004)
    c.glow((-0.7, c.hh - 0.3, 0.7, c.hh + 0.4), (255, 140, 50), 0.55, 0.2)
    for _ in range(4):
        x = c.rng.uniform(-0.5, 0.5)
        path = [(x + 0.05 * math.sin(i * 0.8 + x * 9), c.hh - i * 0.09) for i in range(12)]
        c.soft_line(path, (200, 190, 180), 0.12, 0.03, 0.03)
    pole_y = -c.hh + 0.16
    c.shaded(
        [(-c.hw, pole_y - 0.025), (c.hw, pole_y - 0.025), (c.hw, pole_y + 0.025), (-c.hw, pole_y + 0.025)],
        [(150, 120, 70), (206, 178, 120), (96, 74, 40)],
        vertical=True,
    )
    count = c.rng.randint(5, 7)
    spacing = min(2 * c.hw - 0.2, 1.1) / count
    for k in range(count):
        x = -spacing * (count - 1) / 2 + k * spacing + c.rng.uniform(-0.02, 0.02)
        _strip(c, x, pole_y, c.rng.uniform(0.5, 0.75), spacing * 0.55)


def _strip(c: Canvas, x: float, top: float, length: float, width: float) -> None:
    """One smoked strip hanging from a loop of string."""
    meat = jitter(c.rng, (92, 36, 24), 10)
    c.line([(x - 0.01, top - 0.01), (x, top + 0.06), (x + 0.01, top - 0.01)], (190, 170, 130), 0.004)
    sway = c.rng.uniform(-0.03, 0.03)
    path = [(x + sway * (i / 10) ** 2 + 0.008 * math.sin(i * 1.7), top + 0.06 + length * i / 10) for i in range(11)]
    outline = taper(path, width, width * 0.55)
    c.glow((x - width, top + 0.1, x + width * 1.3, top + length), (0, 0, 0), 0.35, 0.03)
    c.shaded(outline, [darker(meat, 0.55), meat, lighter(meat, 0.3), darker(meat, 0.35)])
    for _ in range(3):
        y = top + 0.1 + c.rng.uniform(0, length * 0.8)
        c.soft_line([(x - width * 0.2, y), (x + width * 0.1, y + 0.06)], (222, 160, 110), 0.25, 0.004, 0.003)


def draw_fish(c: Canvas) -> None:
    """Fish: a whole fish, fresh or grilled, on a banana leaf with lime and chilli."""
    backdrop(c, (214, 210, 196), (120, 86, 56), -0.05)
    wood_table(c, -0.05, (120, 86, 56))
    green = jitter(c.rng, (64, 128, 58), 12)
    leaf(c, (-0.62, 0.3), 1.24, 0.5, -0.08, green)
    grilled = c.rng.random() < 0.5
    back, belly = ((120, 70, 30), (226, 170, 90)) if grilled else ((70, 92, 112), (226, 230, 232))
    _fish(c, (c.rng.uniform(-0.36, -0.28), 0.2), 0.56, jitter(c.rng, back, 10), jitter(c.rng, belly, 6), grilled)
    lime = jitter(c.rng, (150, 196, 70), 10)
    lx = min(0.38, c.hw - 0.16)
    c.shaded_ellipse((lx, 0.33, lx + 0.12, 0.45), [lighter(lime, 0.3), lime], vertical=True)
    c.ellipse((lx + 0.015, 0.345, lx + 0.105, 0.435), lighter(lime, 0.55))
    chilli = [(lx - 0.08, 0.42), (lx - 0.02, 0.44), (lx + 0.04, 0.47)]
    stalk(c, chilli, (200, 40, 30), 0.025, 0.008)


def _fish(c: Canvas, nose: Point, length: float, back: Colour, belly: Colour, grilled: bool) -> None:
    x, y = nose
    top, bottom = [], []
    for i in range(17):
        t = i / 16
        half = length * 0.2 * math.sin(math.pi * min(t * 1.15, 1)) ** 0.8 + length * 0.02
        top.append((x + t * length, y - half))
        bottom.append((x + t * length, y + half * 0.9))
    tail_x = x + length
    shadow(c, (x + length * 0.55, y + length * 0.2), length * 0.65, length * 0.08, 0.45)
    fin = [
        (tail_x - 0.01, y),
        (tail_x + length * 0.28, y - length * 0.2),
        (tail_x + length * 0.2, y),
        (tail_x + length * 0.28, y + length * 0.18),
    ]
    c.shaded(fin, [back, mix(back, belly, 0.5)])
    c.shaded(
        [(x + length * 0.35, y - length * 0.17), (x + length * 0.5, y - length * 0.3), (x + length * 0.72, y - length * 0.15)],
        [back, mix(back, belly, 0.4)],
    )
    c.shaded(top + bottom[::-1], [darker(back, 0.2), back, mix(back, belly, 0.6), belly, darker(belly, 0.15)], vertical=True)
    c.line(
        [(x + length * 0.22, y - length * 0.12), (x + length * 0.26, y), (x + length * 0.22, y + length * 0.12)], darker(back, 0.3), 0.005
    )
    c.ellipse((x + length * 0.09, y - length * 0.07, x + length * 0.15, y - length * 0.01), WHITE)
    c.ellipse((x + length * 0.105, y - length * 0.055, x + length * 0.14, y - length * 0.02), (20, 20, 20))
    if grilled:
        for k in range(5):
            gx = x + length * (0.35 + k * 0.12)
            c.soft_line([(gx, y - length * 0.13), (gx - 0.04, y + length * 0.13)], (50, 26, 10), 0.6, 0.012, 0.005)
    c.soft_line([(x + length * 0.2, y - length * 0.1), (x + length * 0.85, y - length * 0.05)], WHITE, 0.35, 0.01, 0.01)


def draw_ginseng(c: Canvas) -> None:
    """Ginseng: forked roots with fine hairs beside a sprig of palmate leaves and red berries."""
    backdrop(c, (60, 72, 58), (92, 70, 50), 0.1)
    wood_table(c, 0.1, (92, 70, 50))
    green = jitter(c.rng, (76, 130, 56), 12)
    stem = [(0.3, 0.3), (0.32, 0.05), (0.3, -0.2)]
    stalk(c, stem, (90, 110, 60), 0.012, 0.008)
    for k in range(5):
        angle = -math.pi / 2 + (k - 2) * 0.55
        leaf(c, (0.3, -0.2), 0.17 + 0.03 * (2 - abs(k - 2)), 0.08, angle, jitter(c.rng, green, 8))
    for _ in range(9):
        a, r = c.rng.uniform(0, 6.3), c.rng.uniform(0, 0.025)
        bx, by = 0.3 + r * math.cos(a), -0.22 + r * math.sin(a)
        c.shaded_ellipse((bx - 0.014, by - 0.014, bx + 0.014, by + 0.014), [(236, 70, 50), (170, 20, 20)], vertical=True)
    for k, start in enumerate(((-0.5, 0.12), (-0.4, 0.28))):
        _root(c, start, 0.55 - 0.1 * k, 0.25 + 0.15 * k)


def _root(c: Canvas, start: Point, length: float, angle: float) -> None:
    """A plump root with a ringed neck, two tapering legs, wrinkles and hair roots."""
    skin = jitter(c.rng, (216, 186, 140), 5)
    ca, sa = math.cos(angle), math.sin(angle)

    def along(t: float, off: float = 0.0) -> Point:
        return (start[0] + t * length * ca - off * sa, start[1] + t * length * sa + off * ca)

    shadow(c, along(0.5, 0.05), length * 0.55, 0.045, 0.45)
    for side in (-1, 1):
        leg = [along(0.45 + 0.06 * i, side * (0.004 * i + 0.0012 * i * i)) for i in range(9)]
        stalk(c, leg, skin, 0.04, 0.004)
    neck = [along(-0.16 + 0.04 * i, 0.004 * math.sin(i)) for i in range(5)]
    stalk(c, neck, darker(skin, 0.1), 0.02, 0.03)
    for i in range(4):
        c.line([along(-0.15 + 0.035 * i, -0.012), along(-0.145 + 0.035 * i, 0.012)], darker(skin, 0.35), 0.004)
    body = [along(i / 20, 0.006 * math.sin(i / 2)) for i in range(13)]
    stalk(c, body, skin, 0.035, 0.04, 0.05)
    for i in range(7):
        t = 0.06 + i * 0.075
        c.soft_line([along(t, -0.03), along(t + 0.012, 0.0), along(t, 0.03)], darker(skin, 0.35), 0.6, 0.003, 0.002)
    for _ in range(8):
        t, side = c.rng.uniform(0.15, 0.8), c.rng.choice([-1, 1])
        p, mid, end = along(t, side * 0.02), along(t + 0.05, side * 0.06), along(t + 0.12, side * 0.08)
        c.line([p, mid, end], lighter(skin, 0.1), 0.0022)
