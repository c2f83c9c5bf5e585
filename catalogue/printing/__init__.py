"""Print output as PDF: QR code files for packaging printers, A4 label sheets, fair posters and the
printed catalogue.

Every PDF is drawn with fpdf2 in vectors, with the Be Vietnam Pro font embedded, and is the same
byte for byte for the same inputs, so that the media cache can key it by content. This package
imports no PDF code on its own: `catalogue.settings` needs only the label-sheet model in `catalogue.label_sheet`.
"""
