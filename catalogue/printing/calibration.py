"""A calibration page: every label outline of a sheet and two 100 mm rulers, to check a printer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..label_sheet import A4_HEIGHT, A4_WIDTH, LabelSheet
from ..makers.fonts import new_pdf, set_font
from . import text

if TYPE_CHECKING:
    from fpdf import FPDF

RULER = 100.0  # mm
_INSTRUCTIONS = (
    "Trang hiệu chỉnh: in ở 100 % (Kích thước thật), rồi đặt lên tờ nhãn soi trước ánh sáng.",
    "Calibration page: print at 100 % (Actual size), then hold it over a label sheet against the light.",
    "Mỗi thước phải dài đúng 100 mm. / Each ruler must measure exactly 100 mm.",
    "Nếu khung lệch khỏi nhãn, sửa labels.left và labels.top trong catalogue.yaml theo độ lệch đo được.",
    "If the outlines miss the labels, change labels.left and labels.top in catalogue.yaml by the offset measured.",
)


def calibration_pdf(sheet: LabelSheet) -> bytes:
    """One A4 page with the outline and number of every label of `sheet` and a 100 mm ruler each way.

    If the outlines fall off the labels, the printer shifts the page: change `left` and `top` of
    the sheet in catalogue.yaml by the offset measured.
    """
    pdf = new_pdf("A4", title=f"Calibration: {sheet.name}")
    pdf.add_page()
    pdf.set_draw_color(120)
    pdf.set_line_width(0.2)
    pdf.set_text_color(150)
    set_font(pdf, "regular", 7)
    for index in range(sheet.per_page):
        _, x, y = sheet.origin(index)
        pdf.rect(x, y, sheet.label_width, sheet.label_height)
        pdf.text(x + 1.2, y + 3.2, str(index + 1))
    box_w, box_h = 150.0, 122.0
    box_x, box_y = (A4_WIDTH - box_w) / 2, (A4_HEIGHT - box_h) / 2
    pdf.set_fill_color(255)
    pdf.set_draw_color(0)
    pdf.rect(box_x, box_y, box_w, box_h, style="DF")
    pdf.set_text_color(0)
    title = text.fit(pdf, f"{sheet.name}: {sheet.columns} × {sheet.rows}", (box_w - 32, 6), "bold", (9, 7), 1)
    text.draw(pdf, title, box_x + 25, box_y + 8)
    details = (
        f"left {sheet.left:g} · top {sheet.top:g} · column_pitch {sheet.column_pitch:g} · row_pitch {sheet.row_pitch:g} mm",
        "",
        *_INSTRUCTIONS,
    )
    text.draw(pdf, text.Fitted(details, "regular", 6.5), box_x + 25, box_y + 16)
    _ruler(pdf, box_x + 8, box_y + 11, horizontal=False)
    _ruler(pdf, box_x + 30, box_y + box_h - 9, horizontal=True)
    return bytes(pdf.output())


def _ruler(pdf: FPDF, x: float, y: float, horizontal: bool) -> None:
    """A 100 mm ruler with a tick every millimetre, starting at (x, y), drawn along x or down y."""
    pdf.set_draw_color(0)
    pdf.set_text_color(0)
    set_font(pdf, "regular", 6)
    for mm in range(int(RULER) + 1):
        tick = 4.0 if mm % 10 == 0 else 2.5 if mm % 5 == 0 else 1.5
        pdf.set_line_width(0.2 if mm % 10 == 0 else 0.1)
        if horizontal:
            pdf.line(x + mm, y, x + mm, y - tick)
        else:
            pdf.line(x, y + mm, x + tick, y + mm)
        if mm % 10 == 0:
            label = str(mm // 10) if mm < RULER else "10 cm"
            if horizontal:
                pdf.text(x + mm - text.string_width(pdf, label) / 2, y - 5, label)
            else:
                pdf.text(x + 5, y + mm + 0.8, label)
    pdf.set_line_width(0.2)
    if horizontal:
        pdf.line(x, y, x + RULER, y)
    else:
        pdf.line(x, y, x, y + RULER)
