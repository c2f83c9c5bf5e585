"""Still lifes of containers: a cup of tea, a jar of honey, a bottle, a pouch."""

from __future__ import annotations

import math

from demo.drawing.canvas import Canvas
from demo.drawing.colour import WHITE, Colour, darker, jitter, lighter, mix
from demo.drawing.geometry import Point, ellipse_points
from demo.drawing.scenes import backdrop, cylinder, leaf, shadow, wood_table

LEAF_GREEN: Colour = (70, 128, 48)


def cup(c: Canvas, centre: Point, r: float, glaze: Colour, drink: Colour) -> None:
    """Draw a handle-less tea cup of rim radius `r` whose rim centre is `centre`."""
    x, y = centre
    depth = r * 1.1
    side = [(x - r * (1 - 0.3 * (i / 8) ** 2), y + depth * i / 8) for i in range(9)]
    foot = ellipse_points((x, y + depth), (r * 0.7, r * 0.18), n=24)[:13]
    body = side + foot + [(2 * x - px, py) for px, py in side[::-1]]
    shadow(c, (x + r * 0.15, y + depth), r * 1.1, r * 0.2, 0.45)
    c.shaded(body, [darker(glaze, 0.4), lighter(glaze, 0.5), glaze, darker(glaze, 0.35)])
    c.ellipse((x - r, y - r * 0.25, x + r, y + r * 0.25), lighter(glaze, 0.4))
    inner = (x - r * 0.92, y - r * 0.21, x + r * 0.92, y + r * 0.21)
    c.shaded_ellipse(inner, [darker(drink, 0.35), drink, lighter(drink, 0.25)], vertical=True)
    c.glow((x - r * 0.4, y - r * 0.12, x + r * 0.1, y + r * 0.02), WHITE, 0.45, r * 0.05)


def steam(c: Canvas, x: float, y: float, height: float) -> None:
    """Rise a few soft wisps of steam from `(x, y)`."""
    for k in range(3):
        phase = c.rng.uniform(0, 6.3)
        path = [(x + (k - 1) * 0.04 + 0.025 * math.sin(phase + i * 0.6), y - height * i / 12) for i in range(13)]
        c.soft_line(path, WHITE, 0.3, 0.012, 0.012)


def draw_tea_cup(c: Canvas) -> None:
    """Tea: a steaming cup on a saucer with fresh leaves on a wooden table."""
    backdrop(c, (214, 204, 178), (126, 86, 52), 0.05)
    wood_table(c, 0.05, (126, 86, 52))
    glaze = jitter(c.rng, (196, 214, 190), 12)
    x = c.rng.uniform(-0.08, 0.08)
    shadow(c, (x + 0.03, 0.3), 0.36, 0.07, 0.45)
    c.shaded_ellipse((x - 0.34, 0.21, x + 0.34, 0.37), [darker(glaze, 0.3), lighter(glaze, 0.4), glaze])
    c.ellipse((x - 0.24, 0.245, x + 0.24, 0.335), darker(glaze, 0.12))
    cup(c, (x, 0.02), 0.2, glaze, jitter(c.rng, (170, 150, 50), 15))
    steam(c, x, -0.05, 0.35)
    for _ in range(c.rng.randint(3, 5)):
        base = (c.rng.choice([-1, 1]) * c.rng.uniform(0.3, min(0.55, c.hw - 0.12)), c.rng.uniform(0.22, 0.42))
        angle = c.rng.uniform(-math.pi, math.pi)
        leaf(c, base, 0.16, 0.07, angle, jitter(c.rng, LEAF_GREEN, 15))


def draw_honey(c: Canvas) -> None:
    """Honey: a glass jar of amber honey with a piece of honeycomb."""
    backdrop(c, (232, 214, 180), (150, 104, 62), 0.12)
    wood_table(c, 0.12, (150, 104, 62))
    x = c.rng.uniform(-0.2, -0.08)
    amber = jitter(c.rng, (214, 128, 24), 12)
    shadow(c, (x + 0.04, 0.33), 0.24, 0.05, 0.5)
    jar = _rounded(x - 0.17, -0.13, x + 0.17, 0.33, 0.05)
    c.shaded(jar, [darker(amber, 0.55), amber, lighter(amber, 0.45), amber, darker(amber, 0.6)])
    c.shaded_ellipse((x - 0.165, -0.12, x + 0.165, -0.07), [amber, lighter(amber, 0.3)], vertical=True)
    label = [(x - 0.17, 0.04), (x + 0.17, 0.04), (x + 0.17, 0.2), (x - 0.17, 0.2)]
    kraft = jitter(c.rng, (210, 180, 130), 10)
    c.shaded(label, [darker(kraft, 0.3), lighter(kraft, 0.2), kraft, darker(kraft, 0.35)])
    _hexagon(c, (x, 0.12), 0.045, darker(kraft, 0.45), darker(kraft, 0.1))
    cylinder(c, (x - 0.18, -0.21, x + 0.18, -0.13), jitter(c.rng, (196, 150, 60), 10))
    c.soft_line([(x - 0.11, -0.06), (x - 0.11, 0.3)], WHITE, 0.35, 0.018, 0.008)
    _comb(c, (x + 0.36, 0.27), amber)


def _rounded(x0: float, y0: float, x1: float, y1: float, r: float) -> list[Point]:
    """A rectangle with rounded bottom corners."""
    points = [(x0, y0), (x1, y0)]
    for cx, start in ((x1 - r, 0.0), (x0 + r, math.pi / 2)):
        points += [(cx + r * math.cos(start + a * math.pi / 16), y1 - r + r * math.sin(start + a * math.pi / 16)) for a in range(9)]
    return points


def _hexagon(c: Canvas, centre: Point, r: float, fill: Colour, rim: Colour) -> None:
    corners = [(centre[0] + r * math.cos(k * math.pi / 3), centre[1] + r * math.sin(k * math.pi / 3)) for k in range(6)]
    c.polygon(corners, rim)
    inner = [(centre[0] + (px - centre[0]) * 0.78, centre[1] + (py - centre[1]) * 0.78) for px, py in corners]
    c.polygon(inner, fill)


def _comb(c: Canvas, centre: Point, amber: Colour) -> None:
    """A slab of honeycomb seen from above at a slant, cells filled with honey."""
    r = 0.028
    shadow(c, (centre[0], centre[1] + 0.03), 0.2, 0.06, 0.4)
    wax = lighter(amber, 0.45)
    for row in range(-4, 5):
        for col in range(-6, 7):
            hx = centre[0] + col * r * 1.5
            hy = centre[1] + (row + (col % 2) * 0.5) * r * 1.73 * 0.55
            if ((hx - centre[0]) / 0.19) ** 2 + ((hy - centre[1]) / 0.085) ** 2 > 1:
                continue
            fill = mix(amber, darker(amber, 0.3), c.rng.random() * 0.6)
            _flat_hexagon(c, (hx, hy), r, wax, fill)


def _flat_hexagon(c: Canvas, centre: Point, r: float, rim: Colour, fill: Colour) -> None:
    corners = [(centre[0] + r * math.cos(k * math.pi / 3), centre[1] + 0.55 * r * math.sin(k * math.pi / 3)) for k in range(6)]
    c.polygon(corners, rim)
    c.polygon([(centre[0] + (px - centre[0]) * 0.75, centre[1] + (py - centre[1]) * 0.75) for px, py in corners], fill)
    c.ellipse((centre[0] - r * 0.3, centre[1] - r * 0.25, centre[0], centre[1] - r * 0.05), lighter(fill, 0.5))


def draw_bottle(c: Canvas) -> None:
    """Liquor: a glass bottle of rice or corn wine with a small cup."""
    backdrop(c, (92, 70, 56), (88, 58, 36), 0.16)
    wood_table(c, 0.16, (88, 58, 36))
    x = c.rng.uniform(-0.14, -0.04)
    glass = jitter(c.rng, (190, 200, 170), 12)
    drink = jitter(c.rng, (226, 190, 110), 15)
    shadow(c, (x + 0.05, 0.4), 0.2, 0.04, 0.55)
    outline = _bottle_outline(x, 0.4)
    c.shaded(outline, [darker(glass, 0.5), glass, lighter(glass, 0.4), darker(glass, 0.3), darker(glass, 0.6)], opacity=0.9)
    liquid = [p for p in _bottle_outline(x, 0.4, 0.012) if p[1] >= -0.02]
    c.shaded(liquid, [darker(drink, 0.45), drink, lighter(drink, 0.4), drink, darker(drink, 0.5)])
    label_colour = jitter(c.rng, (168, 40, 36), 15)
    c.shaded(
        [(x - 0.125, 0.08), (x + 0.125, 0.08), (x + 0.125, 0.28), (x - 0.125, 0.28)],
        [darker(label_colour, 0.4), lighter(label_colour, 0.15), label_colour, darker(label_colour, 0.45)],
    )
    c.ellipse((x - 0.05, 0.13, x + 0.05, 0.23), (222, 186, 96))
    c.ellipse((x - 0.038, 0.142, x + 0.038, 0.218), label_colour)
    cylinder(c, (x - 0.038, -0.37, x + 0.038, -0.31), jitter(c.rng, (150, 110, 70), 10))
    c.soft_line([(x - 0.085, -0.08), (x - 0.09, 0.36)], WHITE, 0.45, 0.014, 0.006)
    c.soft_line([(x - 0.02, -0.3), (x - 0.02, -0.18)], WHITE, 0.4, 0.008, 0.004)
    cup(c, (x + 0.33, 0.3), 0.08, jitter(c.rng, (230, 226, 214), 8), drink)


def _bottle_outline(x: float, bottom: float, inset: float = 0.0) -> list[Point]:
    """Left side from the base up to the lip, then the mirrored right side."""
    side = [(x - 0.13, bottom), (x - 0.135, bottom - 0.06), (x - 0.135, -0.02)]
    for i in range(1, 9):
        t = i / 8
        side.append((x - 0.135 + 0.1 * (1 - math.cos(t * math.pi / 2)), -0.02 - 0.15 * math.sin(t * math.pi / 2)))
    side.append((x - 0.035, -0.33))
    side = [(px + inset, py - (inset if py > 0 else 0)) for px, py in side]
    return side + [(2 * x - px, py) for px, py in side[::-1]]


def draw_generic(c: Canvas) -> None:
    """Anything else: a kraft stand-up pouch with a green leaf emblem and a sprig."""
    backdrop(c, (224, 222, 212), (190, 170, 140), 0.14)
    x = c.rng.uniform(-0.12, 0.0)
    kraft = jitter(c.rng, (196, 160, 112), 12)
    shadow(c, (x + 0.05, 0.36), 0.24, 0.05, 0.45)
    pouch = [(x - 0.2, -0.3), (x + 0.2, -0.3), (x + 0.22, 0.2), (x + 0.19, 0.36), (x - 0.19, 0.36), (x - 0.22, 0.2)]
    c.shaded(pouch, [darker(kraft, 0.35), lighter(kraft, 0.2), kraft, darker(kraft, 0.4)])
    c.shaded([(x - 0.2, -0.3), (x + 0.2, -0.3), (x + 0.2, -0.25), (x - 0.2, -0.25)], [darker(kraft, 0.2), kraft], vertical=True)
    badge = jitter(c.rng, (236, 230, 210), 6)
    c.ellipse((x - 0.12, -0.12, x + 0.12, 0.12), badge)
    green = jitter(c.rng, LEAF_GREEN, 15)
    leaf(c, (x - 0.05, 0.06), 0.13, 0.07, -math.pi / 3, green)
    leaf(c, (x - 0.02, 0.07), 0.1, 0.05, -math.pi / 8, lighter(green, 0.1))
    c.line([(x - 0.12, 0.2), (x + 0.12, 0.2)], darker(kraft, 0.35), 0.008)
    for k in range(3):
        leaf(c, (x + 0.3, 0.34), 0.2 - k * 0.03, 0.08, -math.pi / 2 - 0.6 + k * 0.5, jitter(c.rng, green, 15))
    c.soft_line([(x - 0.15, -0.24), (x - 0.16, 0.32)], WHITE, 0.25, 0.02, 0.01)
