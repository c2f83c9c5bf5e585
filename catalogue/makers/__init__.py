"""Pure makers of bytes: QR codes, photo variants, star badges, share cards, fonts.

They take plain values and return bytes or images; they read no catalogue and know no job,
cache, page or print layout, so that both `catalogue.media` and `catalogue.printing` build on them.
"""
