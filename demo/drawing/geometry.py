"""Plane geometry in drawing units: ellipses and tapering strokes."""

from __future__ import annotations

import math
from collections.abc import Sequence

Point = tuple[float, float]
Box = tuple[float, float, float, float]


def ellipse_points(centre: Point, radii: Point, angle: float = 0.0, n: int = 32) -> list[Point]:
    """Return `n` points on an ellipse rotated by `angle` radians."""
    (cx, cy), (rx, ry) = centre, radii
    ca, sa = math.cos(angle), math.sin(angle)
    points = []
    for i in range(n):
        t = 2 * math.pi * i / n
        x, y = rx * math.cos(t), ry * math.sin(t)
        points.append((cx + x * ca - y * sa, cy + x * sa + y * ca))
    return points


def taper(path: Sequence[Point], start: float, end: float, bulge: float = 0.0) -> list[Point]:
    """Outline a stroke along `path` whose width goes from `start` to `end`.

    `bulge` widens the middle of the stroke by that many units (roots, meat).
    """
    left, right = [], []
    last = len(path) - 1
    for i, (x, y) in enumerate(path):
        ax, ay = path[max(i - 1, 0)]
        bx, by = path[min(i + 1, last)]
        dx, dy = bx - ax, by - ay
        norm = math.hypot(dx, dy) or 1.0
        t = i / max(last, 1)
        half = (start + (end - start) * t + bulge * math.sin(math.pi * t)) / 2
        nx, ny = -dy / norm * half, dx / norm * half
        left.append((x + nx, y + ny))
        right.append((x - nx, y - ny))
    return left + right[::-1]
