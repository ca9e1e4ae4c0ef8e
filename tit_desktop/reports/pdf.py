"""Shared PDF machinery for every printed form and report (ReportLab platypus, no Qt).

A document is an A4 portrait page with the municipality's letterhead at the top of every
page, the title (and date line) at the top of the first page, and a footer with the print
timestamp and "Pagina X di Y". The content ("story") is a list of platypus flowables, built
with the helpers below so that all documents look alike:

>>> build_pdf(out, "Scheda di iscrizione", [
...     section_heading("Dati anagrafici"),
...     field_table([("Cognome", person.last_name), ("Nome", person.first_name)]),
... ], document_date=date.today())

Text is always Unicode and always escaped: user data may contain ``<`` or ``&``. Fonts are
DejaVu Sans (shipped in ``resources/fonts``), embedded as subsets, so accented Latin,
Turkish, Vietnamese and Cyrillic names print as typed.
"""

from __future__ import annotations

import logging
import os
import threading
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from io import BytesIO
from pathlib import Path
from typing import IO, Any, TypeAlias
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from tit_desktop import APP_TITLE, __version__
from tit_desktop.paths import resource_path

__all__ = [
    "AUTHOR",
    "BLANK",
    "CHECKED",
    "CONTENT_WIDTH",
    "FONT_BOLD",
    "FONT_BOLD_ITALIC",
    "FONT_ITALIC",
    "FONT_REGULAR",
    "UNCHECKED",
    "Letterhead",
    "Markup",
    "PdfTarget",
    "Signature",
    "Text",
    "bilingual",
    "bilingual_markup",
    "build_pdf",
    "checkbox",
    "checkbox_group",
    "data_table",
    "escape_text",
    "field_table",
    "fmt_date",
    "fmt_datetime",
    "fmt_eur",
    "font_path",
    "markup_paragraph",
    "missing_glyphs",
    "paragraph",
    "register_fonts",
    "section_heading",
    "signature_blocks",
    "spacer",
    "style",
]

logger = logging.getLogger(__name__)

# --------------------------------------------------------------------------- constants

AUTHOR = "Comune di Ancona - TIT Desktop"
CREATOR = f"{APP_TITLE} {__version__}"

#: What an empty value prints as: a line to fill in by hand.
BLANK = "__________"
#: Ballot-box glyphs (present in DejaVu Sans, so they survive text extraction too).
CHECKED = "\u2612"  # ☒
UNCHECKED = "\u2610"  # ☐

FONT_REGULAR = "TitSans"
FONT_BOLD = "TitSans-Bold"
FONT_ITALIC = "TitSans-Oblique"
FONT_BOLD_ITALIC = "TitSans-BoldOblique"
_FONT_FILES: dict[str, str] = {
    FONT_REGULAR: "DejaVuSans.ttf",
    FONT_BOLD: "DejaVuSans-Bold.ttf",
    FONT_ITALIC: "DejaVuSans-Oblique.ttf",
    FONT_BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT = 18 * mm
MARGIN_RIGHT = 18 * mm
MARGIN_BOTTOM = 20 * mm
_HEADER_TOP = 12 * mm  # from the top edge to the top of the letterhead text
_HEADER_GAP = 6 * mm  # from the letterhead rule to the first line of content
_FOOTER_RULE_Y = 14 * mm
_FOOTER_TEXT_Y = 9 * mm
#: Width available to the story, in points.
CONTENT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT

_INK = colors.HexColor("#1A1A1A")
_MUTED = colors.HexColor("#555555")
_RULE = colors.HexColor("#7A7A7A")
_GRID = colors.HexColor("#A0A0A0")
_LABEL_BG = colors.HexColor("#F0F0F0")
_HEADING_BG = colors.HexColor("#E2E6EB")
_ZEBRA_BG = colors.HexColor("#F6F6F6")


class Markup(str):
    """Trusted ReportLab paragraph markup (``<b>``, ``<i>``, ``<br/>``). The helpers use a
    Markup as it is, while they escape a plain ``str``. Build it from :func:`escape_text`
    pieces, never from raw user data."""

    __slots__ = ()


#: Text for a cell or label: a plain string (escaped for you), Markup, or a ready flowable.
Text: TypeAlias = "str | Markup | Flowable"
#: Where a PDF goes: a file path or a binary stream opened for writing.
PdfTarget: TypeAlias = "str | os.PathLike[str] | IO[bytes]"

# --------------------------------------------------------------------------- fonts

_font_lock = threading.Lock()
_fonts_registered = False


def font_path(font_name: str = FONT_REGULAR) -> Path:
    """The TrueType file behind one of the ``FONT_*`` names."""
    return resource_path("fonts", _FONT_FILES[font_name])


def register_fonts() -> None:
    """Register the embedded fonts with ReportLab (once per process; safe to call often)."""
    global _fonts_registered
    if _fonts_registered:
        return
    with _font_lock:
        if _fonts_registered:
            return
        for name in _FONT_FILES:
            pdfmetrics.registerFont(TTFont(name, str(font_path(name))))
        pdfmetrics.registerFontFamily(
            FONT_REGULAR,
            normal=FONT_REGULAR,
            bold=FONT_BOLD,
            italic=FONT_ITALIC,
            boldItalic=FONT_BOLD_ITALIC,
        )
        _fonts_registered = True


def missing_glyphs(text: str, font_name: str = FONT_REGULAR) -> list[str]:
    """Characters of ``text`` (after NFC normalisation) that the font cannot draw.

    Control characters (newlines, tabs) are ignored. An empty list means the text prints.
    """
    register_fonts()
    font = pdfmetrics.getFont(font_name)
    cmap: dict[int, int] = font.face.charToGlyph
    missing: list[str] = []
    for char in unicodedata.normalize("NFC", text):
        if unicodedata.category(char) == "Cc":
            continue
        if ord(char) not in cmap and char not in missing:
            missing.append(char)
    return missing


# --------------------------------------------------------------------------- formatting


def fmt_date(value: date | None) -> str:
    """``dd/mm/yyyy``, or an empty string for ``None`` (datetimes print their date)."""
    if value is None:
        return ""
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"


def fmt_datetime(value: datetime | None) -> str:
    """``dd/mm/yyyy HH:MM``, or an empty string for ``None``."""
    if value is None:
        return ""
    return f"{fmt_date(value)} {value.hour:02d}:{value.minute:02d}"


def fmt_eur(amount: Decimal | int | str | None) -> str:
    """Italian money format: ``Decimal("1234.56")`` -> ``"1.234,56 €"`` (half-up to cents).

    ``None`` gives an empty string. Floats are refused: money is never a float here.
    """
    if amount is None:
        return ""
    if isinstance(amount, float):
        raise TypeError("fmt_eur vuole un Decimal, non un float")
    value = Decimal(amount).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    sign = "-" if value < 0 else ""
    integer, _, cents = f"{abs(value):.2f}".partition(".")
    groups: list[str] = []
    while len(integer) > 3:
        groups.insert(0, integer[-3:])
        integer = integer[:-3]
    groups.insert(0, integer)
    return f"{sign}{'.'.join(groups)},{cents} €"


# --------------------------------------------------------------------------- styles

_BASE_SIZE = 9.5


@cache
def _stylesheet() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle(
        "body",
        fontName=FONT_REGULAR,
        fontSize=_BASE_SIZE,
        leading=12.5,
        textColor=_INK,
        splitLongWords=1,
    )

    def derive(name: str, **overrides: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **overrides)

    sheet = {
        "body": base,
        "justified": derive("justified", alignment=TA_JUSTIFY),
        "small": derive("small", fontSize=8, leading=10),
        "small_justified": derive("small_justified", fontSize=8, leading=10, alignment=TA_JUSTIFY),
        "muted": derive("muted", fontSize=8, leading=10, textColor=_MUTED),
        "title": derive(
            "title",
            fontName=FONT_BOLD,
            fontSize=16,
            leading=20,
            alignment=TA_CENTER,
            spaceAfter=2,
        ),
        "subtitle": derive("subtitle", fontSize=11, leading=14, alignment=TA_CENTER),
        "date_line": derive("date_line", alignment=TA_RIGHT, spaceBefore=4),
        "protocol_line": derive("protocol_line", alignment=TA_RIGHT),
        "heading": derive(
            "heading",
            fontName=FONT_BOLD,
            fontSize=11,
            leading=14,
            keepWithNext=1,
        ),
        "subheading": derive(
            "subheading", fontName=FONT_BOLD, spaceBefore=6, spaceAfter=3, keepWithNext=1
        ),
        "label": derive("label", fontName=FONT_BOLD, fontSize=8.5, leading=11),
        "value": derive("value"),
        "cell": derive("cell", fontSize=8.5, leading=11),
        "cell_right": derive("cell_right", fontSize=8.5, leading=11, alignment=TA_RIGHT),
        "cell_center": derive("cell_center", fontSize=8.5, leading=11, alignment=TA_CENTER),
        "cell_header": derive("cell_header", fontName=FONT_BOLD, fontSize=8.5, leading=11),
        "cell_header_right": derive(
            "cell_header_right", fontName=FONT_BOLD, fontSize=8.5, leading=11, alignment=TA_RIGHT
        ),
        "signature_label": derive("signature_label", fontName=FONT_BOLD, alignment=TA_LEFT),
        "signature_name": derive("signature_name", fontSize=8.5, leading=11, alignment=TA_CENTER),
        "letterhead_main": derive("letterhead_main", fontName=FONT_BOLD, fontSize=13, leading=16),
        "letterhead": derive("letterhead", fontSize=10, leading=13),
        "letterhead_right": derive(
            "letterhead_right", fontName=FONT_ITALIC, fontSize=10, leading=13, alignment=TA_RIGHT
        ),
        "letterhead_cup": derive("letterhead_cup", fontSize=9, leading=12, alignment=TA_RIGHT),
    }
    return sheet


def style(name: str) -> ParagraphStyle:
    """A named paragraph style: body, justified, small, small_justified, muted, title,
    subtitle, date_line, heading, subheading, label, value, cell, cell_right, cell_center,
    cell_header, cell_header_right, signature_label, signature_name."""
    return _stylesheet()[name]


# --------------------------------------------------------------------------- text helpers


def escape_text(value: object) -> Markup:
    """User text made safe for Paragraph markup: NFC, ``<``/``&``/``>`` escaped,
    newlines as line breaks. ``None`` gives an empty string; Markup is returned as is."""
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    text = unicodedata.normalize("NFC", str(value))
    missing = missing_glyphs(text)
    if missing:
        logger.warning("Caratteri non stampabili con il font del PDF: %r", "".join(missing))
    escaped = escape(text, {'"': "&quot;"})
    return Markup(escaped.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br/>"))


def _is_empty(value: object) -> bool:
    return value is None or not str(value).strip()


class _BlankLine(Flowable):
    """BLANK at the bottom of a line tall enough to write on by hand."""

    def __init__(self, font_size: float) -> None:
        super().__init__()
        self.font_size = font_size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = min(avail_width, pdfmetrics.stringWidth(BLANK, FONT_REGULAR, self.font_size))
        self.height = self.font_size * 2
        return self.width, self.height

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setFillColor(_MUTED)
        self.canv.setFont(FONT_REGULAR, self.font_size)
        self.canv.drawString(0, self.font_size * 0.3, BLANK)
        self.canv.restoreState()


def paragraph(value: object, style_name: str = "body", *, blank: bool = False) -> Flowable:
    """A paragraph of text (plain text is escaped, Markup kept); with ``blank=True`` an
    empty value prints BLANK at the bottom of a line tall enough to write on."""
    if blank and _is_empty(value):
        return _BlankLine(style(style_name).fontSize)
    return Paragraph(escape_text(value), style(style_name))


def markup_paragraph(markup: str, style_name: str = "body") -> Paragraph:
    """A paragraph of trusted ReportLab markup (``<b>``, ``<i>``, ``<br/>``): build it from
    :func:`escape_text` pieces, never from raw user data."""
    return Paragraph(markup, style(style_name))


def bilingual_markup(italian: str, translation: str | None) -> Markup:
    """``"Italiano / translation"`` with the translation in italics; Italian alone when
    there is no translation (or it is the same text)."""
    markup = escape_text(italian)
    if translation and translation != italian:
        markup = Markup(f"{markup} / <i>{escape_text(translation)}</i>")
    return markup


def bilingual(italian: str, translation: str | None, style_name: str = "label") -> Paragraph:
    """A paragraph with :func:`bilingual_markup`."""
    return Paragraph(bilingual_markup(italian, translation), style(style_name))


def _as_flowable(value: Text | None, style_name: str, *, blank: bool = False) -> Flowable:
    if isinstance(value, Flowable):
        return value
    return paragraph(value, style_name, blank=blank)


def spacer(height_mm: float = 4) -> Spacer:
    """Vertical white space, in millimetres."""
    return Spacer(1, height_mm * mm)


# --------------------------------------------------------------------------- building blocks


# Tables otherwise set Helvetica (not embedded) as their default font, even when every
# cell is a flowable with its own font.
_TABLE_FONT = ("FONT", (0, 0), (-1, -1), FONT_REGULAR, _BASE_SIZE)


def section_heading(text: Text) -> Flowable:
    """A shaded band with the section's title; it stays on the page of what follows it."""
    cell = _as_flowable(text, "heading")
    table = Table([[cell]], colWidths=[CONTENT_WIDTH])
    table.setStyle(
        TableStyle(
            [
                _TABLE_FONT,
                ("BACKGROUND", (0, 0), (-1, -1), _HEADING_BG),
                ("LINEBELOW", (0, 0), (-1, -1), 0.8, _RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LEFTPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    table.spaceBefore = 9
    table.spaceAfter = 4
    table.keepWithNext = 1
    return table


def field_table(
    rows: Sequence[tuple[Text, Text | None]],
    *,
    label_ratio: float = 0.36,
    width: float = CONTENT_WIDTH,
    blank: bool = True,
) -> Table:
    """Label/value pairs in two columns. Long values wrap (and a row taller than the
    page splits across pages); empty values print BLANK unless ``blank=False``."""
    data = [
        [_as_flowable(label, "label"), _as_flowable(value, "value", blank=blank)]
        for label, value in rows
    ]
    label_width = width * label_ratio
    table = Table(
        data,
        colWidths=[label_width, width - label_width],
        splitByRow=1,
        splitInRow=1,
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                _TABLE_FONT,
                _TABLE_FONT,
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (0, -1), _LABEL_BG),
                ("GRID", (0, 0), (-1, -1), 0.4, _GRID),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    table.spaceBefore = 2
    table.spaceAfter = 6
    return table


def data_table(
    header: Sequence[Text],
    rows: Iterable[Sequence[Text | None]],
    *,
    col_weights: Sequence[float] | None = None,
    right_aligned: Iterable[int] = (),
    width: float = CONTENT_WIDTH,
    blank: bool = False,
    zebra: bool = True,
) -> Table:
    """A table with a header row repeated on every page. ``col_weights`` are relative
    column widths (equal by default); columns in ``right_aligned`` (indexes) hold
    numbers or amounts. Empty cells stay empty unless ``blank=True``."""
    columns = len(header)
    if columns == 0:
        raise ValueError("data_table: intestazione vuota")
    weights = list(col_weights) if col_weights is not None else [1.0] * columns
    if len(weights) != columns:
        raise ValueError("data_table: col_weights e intestazione hanno lunghezze diverse")
    total = sum(weights)
    widths = [width * w / total for w in weights]
    right = set(right_aligned)

    data: list[list[Flowable]] = [
        [
            _as_flowable(h, "cell_header_right" if i in right else "cell_header")
            for i, h in enumerate(header)
        ]
    ]
    for row in rows:
        if len(row) != columns:
            raise ValueError(f"data_table: riga con {len(row)} celle invece di {columns}")
        data.append(
            [
                _as_flowable(cell, "cell_right" if i in right else "cell", blank=blank)
                for i, cell in enumerate(row)
            ]
        )
    table = Table(data, colWidths=widths, repeatRows=1, splitByRow=1, splitInRow=1)
    commands: list[tuple[Any, ...]] = [
        _TABLE_FONT,
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), _HEADING_BG),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, _RULE),
        ("GRID", (0, 0), (-1, -1), 0.4, _GRID),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3.5),
    ]
    if zebra and len(data) > 2:
        commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, _ZEBRA_BG]))
    table.setStyle(TableStyle(commands))
    table.spaceBefore = 2
    table.spaceAfter = 6
    return table


def checkbox(checked: bool | None) -> str:
    """☒ when ``checked`` is True, ☐ otherwise (False or not asked)."""
    return CHECKED if checked else UNCHECKED


def checkbox_group(options: Sequence[tuple[str, bool]], style_name: str = "cell") -> Paragraph:
    """Options side by side, each with its box: ``[("Sì", True), ("No", False)]`` prints
    ``☒ Sì   ☐ No``. Labels are plain text or Markup (e.g. :func:`bilingual_markup`)."""
    size = style(style_name).fontSize + 3
    parts: list[str] = []
    for label, checked in options:
        parts.append(f'<font size="{size:g}">{checkbox(checked)}</font> {escape_text(label)}')
    return Paragraph("&#160;&#160;&#160; ".join(parts), style(style_name))


@dataclass(frozen=True)
class Signature:
    """One signature box: who signs (``label``), the printed name under the line, and
    whether a "Luogo e data" line is added."""

    label: Text
    name: str | None = None
    place_and_date: bool = True


class _SignatureRow(Flowable):
    """Signature boxes side by side: label, space to sign, line, name under the line,
    then a "Luogo e data" label followed by a line to fill in."""

    _SIGN_SPACE = 14 * mm
    _NAME_GAP = 1.5 * mm
    _PLACE_SPACE = 7 * mm
    _GAP = 12 * mm

    def __init__(self, signatures: Sequence[Signature], place_date_label: Text) -> None:
        super().__init__()
        self._boxes = [
            (
                _as_flowable(sig.label, "signature_label"),
                paragraph(sig.name, "signature_name") if sig.name else None,
                _as_flowable(place_date_label, "small") if sig.place_and_date else None,
            )
            for sig in signatures
        ]
        self._box_width = 0.0
        self._label_height = 0.0
        self._name_height = 0.0
        self._place_height = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        count = len(self._boxes)
        self._box_width = (avail_width - self._GAP * (count - 1)) / count
        self._label_height = self._name_height = self._place_height = 0.0
        for label, name, place in self._boxes:
            self._label_height = max(self._label_height, label.wrap(self._box_width, 1e6)[1])
            if name is not None:
                self._name_height = max(self._name_height, name.wrap(self._box_width, 1e6)[1])
            if place is not None:
                self._place_height = max(self._place_height, place.wrap(self._box_width, 1e6)[1])
        self.width = avail_width
        self.height = (
            self._label_height
            + self._SIGN_SPACE
            + self._NAME_GAP
            + max(self._name_height, 3 * mm)
            + (self._PLACE_SPACE + self._place_height if self._place_height else 0)
        )
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(_INK)
        canvas.setLineWidth(0.6)
        for index, (label, name, place) in enumerate(self._boxes):
            x = index * (self._box_width + self._GAP)
            right = x + self._box_width
            y = self.height - self._label_height
            _, height = label.wrap(self._box_width, 1e6)
            label.drawOn(canvas, x, y + self._label_height - height)
            y -= self._SIGN_SPACE
            canvas.line(x, y, right, y)
            y -= self._NAME_GAP
            if name is not None:
                _, height = name.wrap(self._box_width, 1e6)
                name.drawOn(canvas, x, y - height)
            y -= max(self._name_height, 3 * mm)
            if place is not None:
                y -= self._PLACE_SPACE + self._place_height
                _, height = place.wrap(self._box_width, 1e6)
                place.drawOn(canvas, x, y + self._place_height - height)
                text_width = _last_line_width(place)
                line_start = x + min(text_width + 2 * mm, self._box_width * 0.7)
                canvas.line(line_start, y + 1, right, y + 1)
        canvas.restoreState()


def _last_line_width(flowable: Flowable) -> float:
    """How far the last line of a wrapped paragraph reaches (its full width otherwise)."""
    if isinstance(flowable, Paragraph):
        widths = flowable.getActualLineWidths0()
        if widths:
            return float(widths[-1])
    return float(getattr(flowable, "width", 0.0))


def signature_blocks(
    signatures: Sequence[Signature],
    *,
    place_date_label: Text = "Luogo e data",
    per_row: int = 2,
) -> Flowable:
    """Signature boxes side by side (``per_row`` each row), kept together on one page."""
    if not signatures:
        raise ValueError("signature_blocks: nessuna firma")
    rows: list[Flowable] = [spacer(6)]
    for start in range(0, len(signatures), per_row):
        if start:
            rows.append(spacer(8))
        rows.append(_SignatureRow(signatures[start : start + per_row], place_date_label))
    return KeepTogether(rows)


# --------------------------------------------------------------------------- letterhead


@dataclass(frozen=True)
class Letterhead:
    """What the top of every page says. ``cup`` (the convention's CUP code) prints as a
    "CUP: ..." line when given; ``place`` starts the date line ("Ancona, 25/11/2026")."""

    municipality: str = "Comune di Ancona"
    department: str = "Direzione Politiche Sociali"
    programme: str = "Tessiture Integrate Urbane"
    cup: str | None = None
    place: str = "Ancona"


class _LetterheadDrawer:
    """Lays out the letterhead once (municipality and department on the left, programme
    and CUP on the right, a rule below), then draws it on every page."""

    _COLUMN_GAP = 6 * mm

    def __init__(self, letterhead: Letterhead) -> None:
        self.column_width = (CONTENT_WIDTH - self._COLUMN_GAP) / 2
        left = [
            paragraph(letterhead.municipality, "letterhead_main"),
            paragraph(letterhead.department, "letterhead"),
        ]
        right = [paragraph(letterhead.programme, "letterhead_right")]
        if letterhead.cup:
            right.append(paragraph(f"CUP: {letterhead.cup}", "letterhead_cup"))
        self.columns = (
            (MARGIN_LEFT, left),
            (MARGIN_LEFT + self.column_width + self._COLUMN_GAP, right),
        )
        self.height = max(
            sum(p.wrap(self.column_width, PAGE_HEIGHT)[1] for p in stack)
            for _, stack in self.columns
        )

    @property
    def top_margin(self) -> float:
        """Distance from the top edge to the first line of content."""
        return _HEADER_TOP + self.height + 2 * mm + _HEADER_GAP

    def draw(self, canvas: Canvas) -> None:
        top = PAGE_HEIGHT - _HEADER_TOP
        for x, stack in self.columns:
            y = top
            for para in stack:
                _, height = para.wrap(self.column_width, PAGE_HEIGHT)
                y -= height
                para.drawOn(canvas, x, y)
        rule_y = top - self.height - 2 * mm
        canvas.saveState()
        canvas.setStrokeColor(_RULE)
        canvas.setLineWidth(0.8)
        canvas.line(MARGIN_LEFT, rule_y, PAGE_WIDTH - MARGIN_RIGHT, rule_y)
        canvas.restoreState()


# --------------------------------------------------------------------------- canvas & document


class _KeepWithNext(KeepTogether):
    """How a heading stays with what follows it (``keepWithNext``): the group moves to the
    next page when it fits on one page; a group longer than a page (a long table) starts
    right here instead, provided at least ``MIN_START`` is left on the page, rather than
    leaving the rest of the page empty."""

    MIN_START = 50 * mm

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        if getattr(self, "_wrapInfo", None) != (avail_width, avail_height):
            self.wrap(avail_width, avail_height)
        frame = getattr(self, "_frame", None)
        frame_height = frame._height if frame is not None else avail_height
        content_height: float = self._H
        if content_height > frame_height and avail_height >= self.MIN_START:
            return list(self._content)
        return list(super().split(avail_width, avail_height))


class _NumberedCanvas(Canvas):
    """Defers each page's footer until the end, when the page count is known."""

    def __init__(self, *args: Any, footer_note: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._footer_note = footer_note
        self._page_states: list[dict[str, Any]] = []

    def showPage(self) -> None:  # ReportLab's name
        self._page_states.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._page_states)
        for state in self._page_states:
            self.__dict__.update(state)
            self._draw_footer(total)
            super().showPage()
        super().save()

    def _draw_footer(self, total: int) -> None:
        self.saveState()
        self.setStrokeColor(_RULE)
        self.setLineWidth(0.5)
        self.line(MARGIN_LEFT, _FOOTER_RULE_Y, PAGE_WIDTH - MARGIN_RIGHT, _FOOTER_RULE_Y)
        self.setFillColor(_MUTED)
        self.setFont(FONT_REGULAR, 7.5)
        self.drawString(MARGIN_LEFT, _FOOTER_TEXT_Y, self._footer_note)
        self.drawRightString(
            PAGE_WIDTH - MARGIN_RIGHT,
            _FOOTER_TEXT_Y,
            f"Pagina {self.getPageNumber()} di {total}",
        )
        self.restoreState()


def _title_block(
    heading: str, subtitle: str | None, date_line: str | None, protocol: str | None = None
) -> list[Flowable]:
    block: list[Flowable] = [paragraph(heading, "title")]
    if subtitle:
        block.append(paragraph(subtitle, "subtitle"))
    if date_line:
        block.append(paragraph(date_line, "date_line"))
    if protocol:  # right under the date line, or spaced like it when there is none
        style_name = "protocol_line" if date_line else "date_line"
        block.append(paragraph(f"Protocollo n. {protocol}", style_name))
    block.append(spacer(6 if protocol else 3))
    return block


def build_pdf(
    out: PdfTarget,
    title: str,
    flowables: Iterable[Flowable],
    *,
    letterhead: Letterhead | None = None,
    document_date: date | None = None,
    subtitle: str | None = None,
    heading: str | None = None,
    subject: str = "",
    keywords: Sequence[str] = (),
    author: str = AUTHOR,
    printed_at: datetime | None = None,
    lang: str = "it-IT",
    protocol: str | None = None,
) -> int:
    """Write a PDF and return its number of pages.

    ``title`` is the document's title (PDF metadata, and the heading on page 1 unless
    ``heading`` is given, e.g. a bilingual one); ``subtitle`` prints under it (e.g. a
    person's code); ``document_date`` adds the "Ancona, dd/mm/yyyy" line (place from the
    letterhead). ``protocol`` ("5/2021 del 15/04/2021"), the number of the office's outgoing
    register, prints under it as "Protocollo n. ...". ``printed_at`` (default: now) goes in
    every page's footer.

    When ``out`` is a path, the file is written only once the whole document is laid out,
    so an error never leaves a half-written file behind.
    """
    register_fonts()
    letterhead = letterhead or Letterhead()
    printed_at = printed_at or datetime.now()
    drawer = _LetterheadDrawer(letterhead)
    top_margin = drawer.top_margin
    date_line = f"{letterhead.place}, {fmt_date(document_date)}" if document_date else None

    story: list[Flowable] = _title_block(heading or title, subtitle, date_line, protocol)
    story.extend(flowables)

    buffer = BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=top_margin,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        author=author,
        subject=subject,
        creator=CREATOR,
        keywords=list(keywords),
        lang=lang,
        initialFontName=FONT_REGULAR,
    )
    frame = Frame(
        MARGIN_LEFT,
        MARGIN_BOTTOM,
        CONTENT_WIDTH,
        PAGE_HEIGHT - top_margin - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="content",
    )

    def on_page(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        drawer.draw(canvas)

    doc.keepTogetherClass = _KeepWithNext
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page)])
    footer_note = (
        f"Stampato il {fmt_date(printed_at)} alle {printed_at.hour:02d}:{printed_at.minute:02d}"
    )

    def make_canvas(*args: Any, **kwargs: Any) -> _NumberedCanvas:
        return _NumberedCanvas(*args, footer_note=footer_note, **kwargs)

    doc.build(story, canvasmaker=make_canvas)
    data = buffer.getvalue()
    if isinstance(out, str | os.PathLike):
        Path(out).write_bytes(data)
    else:
        out.write(data)
    return doc.page
