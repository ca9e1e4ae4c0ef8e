"""The canteen's printed documents: the card (credit-card size, QR code of its number made
with ReportLab's own QR support), an A4 sheet of cards with cut marks, the day's sign sheet
and the monthly register. Fed by plain data from the canteen service; no database code."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import IO

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import TableStyle

from tit_desktop import APP_TITLE, __version__
from tit_desktop.reports import pdf

CARD_FORM = "tessera-mensa"
CARD_SHEET_FORM = "tessere-mensa"
SIGN_SHEET_FORM = "foglio-firme-mensa"
REGISTER_FORM = "registro-mensa"

# ISO/IEC 7810 ID-1: a credit card.
CARD_WIDTH = 85.60 * mm
CARD_HEIGHT = 53.98 * mm
_SHEET_COLUMNS = 2
_SHEET_ROWS = 4
_CUT_MARK = 4 * mm
_CUT_GAP = 1.5 * mm

PdfTarget = str | os.PathLike[str] | IO[bytes]


@dataclass(frozen=True)
class CardData:
    code: str  # what the QR holds: the card number, digits only
    name: str
    person_code: str
    valid_from: dt.date
    valid_to: dt.date
    photo: bytes | None = None


def _qr(canvas: Canvas, value: str, x: float, y: float, size: float) -> None:
    widget = QrCodeWidget(value, barLevel="M")
    left, bottom, right, top = widget.getBounds()
    width, height = right - left, top - bottom
    drawing = Drawing(size, size, transform=[size / width, 0, 0, size / height, 0, 0])
    drawing.add(widget)
    renderPDF.draw(drawing, canvas, x, y)


def _fit(canvas: Canvas, text: str, font: str, size: float, width: float) -> float:
    """The largest font size up to ``size`` at which ``text`` fits in ``width``."""
    while size > 5 and canvas.stringWidth(text, font, size) > width:
        size -= 0.25
    return size


def draw_card(canvas: Canvas, card: CardData, x: float, y: float) -> None:
    """One card with its lower-left corner at (x, y)."""
    pdf.register_fonts()
    canvas.saveState()
    canvas.setStrokeColor(colors.HexColor("#7A7A7A"))
    canvas.setLineWidth(0.4)
    canvas.roundRect(x, y, CARD_WIDTH, CARD_HEIGHT, 3 * mm)
    band = 9 * mm
    canvas.setFillColor(colors.HexColor("#1F4E79"))
    canvas.rect(x, y + CARD_HEIGHT - band, CARD_WIDTH, band, stroke=0, fill=1)
    canvas.setFillColor(colors.white)
    canvas.setFont(pdf.FONT_BOLD, 9)
    canvas.drawString(x + 4 * mm, y + CARD_HEIGHT - 5.2 * mm, "TESSERA MENSA")
    canvas.setFont(pdf.FONT_REGULAR, 6.5)
    canvas.drawRightString(x + CARD_WIDTH - 4 * mm, y + CARD_HEIGHT - 5 * mm, "Comune di Ancona")
    qr_size = 30 * mm
    qr_x = x + CARD_WIDTH - qr_size - 3 * mm
    qr_y = y + 4 * mm
    _qr(canvas, card.code, qr_x, qr_y, qr_size)
    text_x = x + 4 * mm
    if card.photo:
        photo_w, photo_h = 17 * mm, 22 * mm
        try:
            image = ImageReader(BytesIO(card.photo))
            canvas.drawImage(
                image,
                text_x,
                y + CARD_HEIGHT - band - 2.5 * mm - photo_h,
                photo_w,
                photo_h,
                preserveAspectRatio=True,
                anchor="c",
            )
            text_x += photo_w + 2.5 * mm
        except Exception:  # an unreadable image: the card is printed without it
            pass
    text_width = qr_x - text_x - 2 * mm
    canvas.setFillColor(colors.HexColor("#1A1A1A"))
    name_size = _fit(canvas, card.name, pdf.FONT_BOLD, 10, text_width)
    canvas.setFont(pdf.FONT_BOLD, name_size)
    top = y + CARD_HEIGHT - band - 6 * mm
    canvas.drawString(text_x, top, card.name)
    canvas.setFont(pdf.FONT_REGULAR, 7.5)
    canvas.drawString(text_x, top - 4.5 * mm, f"Codice {card.person_code}")
    canvas.setFont(pdf.FONT_BOLD, 11)
    canvas.drawString(x + 4 * mm, y + 14 * mm, f"N. {card.code}")
    canvas.setFont(pdf.FONT_REGULAR, 7.5)
    canvas.drawString(
        x + 4 * mm,
        y + 8.5 * mm,
        f"Valida dal {pdf.fmt_date(card.valid_from)} al {pdf.fmt_date(card.valid_to)}",
    )
    canvas.setFont(pdf.FONT_ITALIC, 6)
    canvas.drawString(x + 4 * mm, y + 4.5 * mm, "Personale e non cedibile")
    canvas.restoreState()


def _new_canvas(buffer: BytesIO, size: tuple[float, float], title: str) -> Canvas:
    canvas = Canvas(buffer, pagesize=size)
    canvas.setTitle(title)
    canvas.setAuthor(pdf.AUTHOR)
    canvas.setCreator(f"{APP_TITLE} {__version__}")
    return canvas


def _write(out: PdfTarget, data: bytes) -> None:
    if isinstance(out, str | os.PathLike):
        Path(out).write_bytes(data)
    else:
        out.write(data)


def render_card(card: CardData, out: PdfTarget) -> None:
    """One card on a page of its own size (a card printer's page)."""
    buffer = BytesIO()
    canvas = _new_canvas(buffer, (CARD_WIDTH, CARD_HEIGHT), f"Tessera mensa n. {card.code}")
    draw_card(canvas, card, 0, 0)
    canvas.showPage()
    canvas.save()
    _write(out, buffer.getvalue())


def _cut_marks(canvas: Canvas, x: float, y: float) -> None:
    """Short lines outside the four corners of the card at (x, y), along its edges."""
    for cx, dx in ((x, -1), (x + CARD_WIDTH, 1)):
        for cy, dy in ((y, -1), (y + CARD_HEIGHT, 1)):
            canvas.line(cx + dx * _CUT_GAP, cy, cx + dx * (_CUT_GAP + _CUT_MARK), cy)
            canvas.line(cx, cy + dy * _CUT_GAP, cx, cy + dy * (_CUT_GAP + _CUT_MARK))


def card_positions() -> list[tuple[float, float]]:
    """Lower-left corners of the cards of one A4 sheet, row by row from the top."""
    page_w, page_h = A4
    gap = 2 * (_CUT_GAP + _CUT_MARK)
    block_w = _SHEET_COLUMNS * CARD_WIDTH + (_SHEET_COLUMNS - 1) * gap
    block_h = _SHEET_ROWS * CARD_HEIGHT + (_SHEET_ROWS - 1) * gap
    left = (page_w - block_w) / 2
    top = (page_h + block_h) / 2
    return [
        (left + col * (CARD_WIDTH + gap), top - (row + 1) * CARD_HEIGHT - row * gap)
        for row in range(_SHEET_ROWS)
        for col in range(_SHEET_COLUMNS)
    ]


def render_card_sheet(cards: Sequence[CardData], out: PdfTarget) -> int:
    """A4 sheets of eight cards each with cut marks; returns the number of pages."""
    buffer = BytesIO()
    canvas = _new_canvas(buffer, A4, "Tessere mensa")
    positions = card_positions()
    pages = 0
    for start in range(0, max(len(cards), 1), len(positions)):
        chunk = cards[start : start + len(positions)]
        canvas.setStrokeColor(colors.black)
        canvas.setLineWidth(0.3)
        for card, (x, y) in zip(chunk, positions, strict=False):
            _cut_marks(canvas, x, y)
            draw_card(canvas, card, x, y)
        canvas.setFont(pdf.FONT_REGULAR, 7)
        canvas.drawCentredString(
            A4[0] / 2, 8 * mm, f"Tessere mensa - foglio {pages + 1}: ritagliare lungo i segni"
        )
        canvas.showPage()
        pages += 1
    canvas.save()
    _write(out, buffer.getvalue())
    return pages


# --- rosters --------------------------------------------------------------------------


@dataclass(frozen=True)
class SignSheetRow:
    time: str
    code: str
    name: str


SIGN_SHEET_BLANK_ROWS = 5


def render_sign_sheet(
    meal_label: str, day: dt.date, rows: Sequence[SignSheetRow], seats: str, out: PdfTarget
) -> int:
    """The day's sign sheet of a meal: who was recorded, a space to sign, and a few blank
    rows for those the desk could not record."""
    table = pdf.data_table(
        ["N.", "Ora", "Codice", "Cognome e nome", "Firma"],
        [[str(i), r.time, r.code, r.name, ""] for i, r in enumerate(rows, start=1)]
        + [[str(len(rows) + i), "", "", "", ""] for i in range(1, SIGN_SHEET_BLANK_ROWS + 1)],
        col_weights=[0.5, 0.8, 1.4, 3.2, 3.4],
        right_aligned=[0],
        zebra=False,
    )
    # Room to sign: taller rows than a list's.
    table.setStyle(
        TableStyle(
            [
                ("TOPPADDING", (0, 1), (-1, -1), 7),
                ("BOTTOMPADDING", (0, 1), (-1, -1), 7),
                ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
            ]
        )
    )
    body = [
        pdf.paragraph(f"{meal_label} del {pdf.fmt_date(day)}: {seats}."),
        pdf.spacer(2),
        table,
        pdf.spacer(6),
        pdf.paragraph("Firma dell'operatore ______________________________"),
    ]
    return pdf.build_pdf(
        out,
        f"Foglio firme mensa - {meal_label} del {pdf.fmt_date(day)}",
        body,
        subject="Foglio firme della mensa",
    )


@dataclass(frozen=True)
class RegisterLine:
    code: str
    name: str
    breakfasts: int
    lunches: int
    dinners: int
    days: int


@dataclass(frozen=True)
class DayLine:
    day: dt.date
    breakfasts: int
    lunches: int
    dinners: int


def render_register(
    month_label: str, people: Sequence[RegisterLine], days: Sequence[DayLine], out: PdfTarget
) -> int:
    """The month's register: each person's meals by type and days of attendance, then the
    meals of each day."""
    totals = (
        sum(p.breakfasts for p in people),
        sum(p.lunches for p in people),
        sum(p.dinners for p in people),
    )
    body = [
        pdf.paragraph(
            f"Persone: {len(people)}. Pasti: {sum(totals)} (colazioni {totals[0]}, "
            f"pranzi {totals[1]}, cene {totals[2]})."
        ),
        pdf.section_heading("Pasti per persona"),
        pdf.data_table(
            ["Codice", "Cognome e nome", "Colazioni", "Pranzi", "Cene", "Giorni"],
            [
                [p.code, p.name, str(p.breakfasts), str(p.lunches), str(p.dinners), str(p.days)]
                for p in people
            ],
            col_weights=[1.4, 3.4, 1, 1, 1, 1],
            right_aligned=[2, 3, 4, 5],
        ),
        pdf.section_heading("Pasti per giorno"),
        pdf.data_table(
            ["Giorno", "Colazioni", "Pranzi", "Cene", "Totale"],
            [
                [
                    pdf.fmt_date(d.day),
                    str(d.breakfasts),
                    str(d.lunches),
                    str(d.dinners),
                    str(d.breakfasts + d.lunches + d.dinners),
                ]
                for d in days
            ],
            right_aligned=[1, 2, 3, 4],
        ),
    ]
    return pdf.build_pdf(
        out, f"Registro mensa - {month_label}", body, subject="Registro mensile della mensa"
    )
