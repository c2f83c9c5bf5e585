"""A Display P3 ICC profile written from its published numbers, for tests (no file is copied)."""

from __future__ import annotations

import struct

# Display P3 primaries adapted to the D50 profile connection space, and the D50 white point.
P3_D50 = {"rXYZ": (0.515102, 0.241196, -0.001053), "gXYZ": (0.291965, 0.692225, 0.041884), "bXYZ": (0.157153, 0.066579, 0.784378)}
D50 = (0.9642, 1.0, 0.8249)


def _s15(value: float) -> bytes:
    return struct.pack(">i", round(value * 65536))


def _xyz(values: tuple[float, float, float]) -> bytes:
    return b"XYZ \0\0\0\0" + b"".join(_s15(v) for v in values)


def _desc(text: str) -> bytes:
    ascii_text = text.encode("ascii") + b"\0"
    return b"desc\0\0\0\0" + struct.pack(">I", len(ascii_text)) + ascii_text + b"\0" * 12 + b"\0" * 67


def _pad(data: bytes) -> bytes:
    return data + b"\0" * (-len(data) % 4)


def display_p3_profile(description: str = "Display P3 test profile") -> bytes:
    """An ICC v2 RGB display profile with P3 primaries and a 2.2 gamma curve."""
    curve = b"curv\0\0\0\0" + struct.pack(">IH", 1, 0x0233)
    tags = {
        "desc": _desc(description),
        "wtpt": _xyz(D50),
        **{name: _xyz(values) for name, values in P3_D50.items()},
        "rTRC": curve,
        "gTRC": curve,
        "bTRC": curve,
        "cprt": b"text\0\0\0\0Public domain test data\0",
    }
    table_size = 4 + 12 * len(tags)
    offset = 128 + table_size
    table, body = struct.pack(">I", len(tags)), b""
    for name, data in tags.items():
        table += name.encode() + struct.pack(">II", offset + len(body), len(data))
        body += _pad(data)
    size = 128 + table_size + len(body)
    header = (
        struct.pack(">I", size)
        + b"\0\0\0\0"
        + bytes([2, 0x10, 0, 0])
        + b"mntrRGB XYZ "
        + b"\0" * 12
        + b"acsp"
        + b"\0" * 24
        + struct.pack(">I", 0)
        + b"".join(_s15(v) for v in D50)
        + b"\0" * 48
    )
    assert len(header) == 128
    return header + table + body
