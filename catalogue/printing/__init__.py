"""Print output as PDF: A4 label sheets, fair posters and the printed catalogue (the layouts), and
the print jobs that make them (`plan.py`, `jobs.py`, run by the media stage).

Every PDF is drawn with fpdf2 in vectors, with the Be Vietnam Pro font embedded, and is the same
byte for byte for the same inputs, so that the job cache can key it by content. QR codes, fonts and
photos come from `catalogue.makers`; the label-sheet model is `catalogue.label_sheet`, a setting.
"""
