"""Media of the catalogue: photo variants, star badges, QR codes, cached by content."""
