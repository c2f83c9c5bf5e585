"""Pure makers of bytes: QR codes (SVG, PNG, vector PDF), photo variants, star badges, share cards,
the fonts and shapes they share.

They take plain values and return bytes or images; they know no job, cache, page or print layout,
so that both `catalogue.media` and `catalogue.printing` build on them (tests/test_layout.py).
"""
