"""The shared PDF machinery, checked by reading the PDFs back with pypdf."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pypdf
import pytest
from reportlab.pdfbase import pdfmetrics

from tit_desktop.paths import resource_path
from tit_desktop.reports.pdf import (
    AUTHOR,
    BLANK,
    CHECKED,
    FONT_BOLD,
    FONT_BOLD_ITALIC,
    FONT_ITALIC,
    FONT_REGULAR,
    UNCHECKED,
    Letterhead,
    Markup,
    Signature,
    bilingual,
    build_pdf,
    checkbox,
    checkbox_group,
    data_table,
    escape_text,
    field_table,
    fmt_date,
    fmt_datetime,
    fmt_eur,
    font_path,
    missing_glyphs,
    paragraph,
    register_fonts,
    section_heading,
    signature_blocks,
)

NAMES = ("Şükrü Gündoğdu", "Nguyễn Thị Hoa", "Ольга Коваленко", "Niccolò D'Angelo")
ALL_FONTS = (FONT_REGULAR, FONT_BOLD, FONT_ITALIC, FONT_BOLD_ITALIC)


def _render(flowables: list, **kwargs: object) -> tuple[bytes, int]:
    buffer = BytesIO()
    kwargs.setdefault("title", "Documento di prova")
    pages = build_pdf(buffer, flowables=flowables, **kwargs)  # type: ignore[arg-type]
    return buffer.getvalue(), pages


def _pages_text(pdf: bytes) -> list[str]:
    """Each page's text with whitespace runs collapsed to single spaces."""
    reader = pypdf.PdfReader(BytesIO(pdf))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


# --------------------------------------------------------------------------- formatting


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2026, 11, 25), "25/11/2026"),
        (date(2026, 1, 5), "05/01/2026"),
        (datetime(2026, 3, 9, 14, 30), "09/03/2026"),
        (None, ""),
    ],
)
def test_fmt_date(value: date | None, expected: str) -> None:
    assert fmt_date(value) == expected


def test_fmt_datetime() -> None:
    assert fmt_datetime(datetime(2026, 3, 9, 7, 5)) == "09/03/2026 07:05"
    assert fmt_datetime(None) == ""


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (Decimal("1234.56"), "1.234,56 €"),
        (Decimal("0"), "0,00 €"),
        (Decimal("350"), "350,00 €"),
        (Decimal("999.999"), "1.000,00 €"),
        (Decimal("0.005"), "0,01 €"),
        (Decimal("1234567.891"), "1.234.567,89 €"),
        (Decimal("-1234.5"), "-1.234,50 €"),
        (550, "550,00 €"),
        ("12.5", "12,50 €"),
        (None, ""),
    ],
)
def test_fmt_eur(amount: Decimal | int | str | None, expected: str) -> None:
    assert fmt_eur(amount) == expected


def test_fmt_eur_refuses_float() -> None:
    with pytest.raises(TypeError):
        fmt_eur(12.5)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- fonts


def test_fonts_and_licence_are_shipped() -> None:
    for name in ALL_FONTS:
        assert font_path(name).is_file(), font_path(name)
        assert font_path(name).parent == resource_path("fonts")
    licence = resource_path("fonts", "LICENSE-DejaVu.txt").read_text(encoding="utf-8")
    assert "Bitstream Vera" in licence
    assert "Arev" in licence


def test_register_fonts_is_idempotent() -> None:
    register_fonts()
    register_fonts()
    assert pdfmetrics.getFont(FONT_REGULAR).face.name  # registered and loadable


@pytest.mark.parametrize("font_name", ALL_FONTS)
@pytest.mark.parametrize("text", [*NAMES, f"{CHECKED}{UNCHECKED} €àèéìòù«»’"])
def test_every_glyph_of_the_test_names_is_in_the_font(font_name: str, text: str) -> None:
    # GIVEN the font's own cmap (code point -> glyph)
    register_fonts()
    cmap = pdfmetrics.getFont(font_name).face.charToGlyph
    # THEN every character has a glyph (checked directly and through the helper)
    assert [c for c in text if ord(c) not in cmap] == []
    assert missing_glyphs(text, font_name) == []


def test_missing_glyphs_reports_what_the_font_lacks() -> None:
    assert missing_glyphs("Wang 王芳") == ["王", "芳"]
    assert missing_glyphs("riga\nnuova") == []


def test_decomposed_accents_are_composed_before_printing() -> None:
    decomposed = "Nguye\u0302\u0303n Thi\u0323 Hoa"  # as some keyboards produce it
    assert escape_text(decomposed) == "Nguyễn Thị Hoa"


def test_only_embedded_fonts_are_used() -> None:
    pdf, _ = _render(
        [
            section_heading("Sezione"),
            field_table([("Nome", NAMES[0])]),
            data_table(["A", "B"], [["1", "2"]]),
            paragraph("testo"),
        ]
    )
    reader = pypdf.PdfReader(BytesIO(pdf))
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            assert "DejaVuSans" in font["/BaseFont"], font["/BaseFont"]
            assert "/FontFile2" in font["/FontDescriptor"].get_object()


# --------------------------------------------------------------------------- documents


def test_names_in_every_script_come_back_from_the_pdf() -> None:
    pdf, _ = _render(
        [
            field_table([("Nome", name) for name in NAMES]),
            data_table(["Nome"], [[name] for name in NAMES]),
            paragraph(" - ".join(NAMES)),
        ]
    )
    text = _pages_text(pdf)[0]
    for name in NAMES:
        assert text.count(name) == 3, name
    assert " - ".join(NAMES) in text


def test_header_title_date_and_metadata() -> None:
    pdf, pages = _render(
        [paragraph("Contenuto")],
        title="Registro delle presenze",
        subtitle="Mese di novembre",
        document_date=date(2026, 11, 25),
        subject="Presenze mensili",
        keywords=("presenze", "mensa"),
        printed_at=datetime(2026, 11, 25, 9, 7),
    )
    assert pages == 1
    text = _pages_text(pdf)[0]
    for expected in (
        "Comune di Ancona",
        "Direzione Politiche Sociali",
        "Tessiture Integrate Urbane",
        "Registro delle presenze",
        "Mese di novembre",
        "Ancona, 25/11/2026",
        "Stampato il 25/11/2026 alle 09:07",
        "Pagina 1 di 1",
    ):
        assert expected in text, expected
    assert "CUP" not in text
    metadata = pypdf.PdfReader(BytesIO(pdf)).metadata
    assert metadata is not None
    assert metadata.title == "Registro delle presenze"
    assert metadata.author == AUTHOR == "Comune di Ancona - TIT Desktop"
    assert metadata.subject == "Presenze mensili"
    assert "presenze" in str(metadata.get("/Keywords"))


def test_custom_letterhead_and_cup_on_every_page() -> None:
    letterhead = Letterhead(
        department="Settore Servizi Sociali",
        programme="Altro programma",
        cup="D31B19000520001",
        place="Falconara Marittima",
    )
    rows = [[f"Riga {i}", fmt_eur(Decimal(i))] for i in range(150)]
    pdf, pages = _render(
        [data_table(["Voce", "Importo"], rows, right_aligned=[1])],
        letterhead=letterhead,
        document_date=date(2026, 1, 31),
    )
    texts = _pages_text(pdf)
    assert pages == len(texts) >= 3
    assert "Falconara Marittima, 31/01/2026" in texts[0]
    for text in texts:
        assert "CUP: D31B19000520001" in text
        assert "Settore Servizi Sociali" in text
        assert "Altro programma" in text
        assert "Direzione Politiche Sociali" not in text


def test_footer_shows_the_right_total_on_every_page() -> None:
    rows = [[f"Persona {i:03d}", f"Nota {i}"] for i in range(200)]
    pdf, pages = _render([section_heading("Elenco"), data_table(["Nome", "Nota"], rows)])
    texts = _pages_text(pdf)
    assert pages == len(texts)
    assert pages >= 3
    for number, text in enumerate(texts, start=1):
        assert f"Pagina {number} di {pages}" in text
        assert re.search(r"Stampato il \d{2}/\d{2}/\d{4} alle \d{2}:\d{2}", text)
    # the header row repeats on every page, and no row is lost or doubled
    for text in texts:
        assert "Nome Nota" in text
    everything = " ".join(texts)
    for i in range(200):
        assert everything.count(f"Persona {i:03d} ") == 1


def test_user_text_is_escaped() -> None:
    nasty = "<b>& co. <i>not italic</i> a<b & c>d"
    pdf, _ = _render(
        [
            paragraph(nasty),
            field_table([("Valore <b>&", nasty)]),
            data_table(["<b>&"], [[nasty]]),
            signature_blocks([Signature("<b>&", name=nasty)]),
        ],
        title="Titolo <b>&",
        subtitle="Sotto <i>&",
    )
    text = _pages_text(pdf)[0]
    assert text.count(nasty) == 4
    assert "Valore <b>&" in text
    assert "Titolo <b>&" in text
    assert "Sotto <i>&" in text


def test_markup_is_kept_and_newlines_break_lines() -> None:
    pdf, _ = _render(
        [
            paragraph(Markup("<b>grassetto</b> e <i>corsivo</i>")),
            paragraph("prima riga\nseconda riga"),
            bilingual("Cognome", "Surname"),
        ]
    )
    text = _pages_text(pdf)[0]
    assert "grassetto e corsivo" in text
    assert "<b>" not in text
    assert "prima riga seconda riga" in text
    assert "Cognome / Surname" in text


def test_empty_values_print_a_blank_line() -> None:
    pdf, _ = _render(
        [
            field_table([("Telefono", None), ("E-mail", ""), ("Indirizzo", "   "), ("CF", "X")]),
            data_table(["A", "B"], [["", None]], blank=True),
            data_table(["C", "D"], [["", None]]),
        ]
    )
    text = _pages_text(pdf)[0]
    assert f"Telefono {BLANK} E-mail {BLANK} Indirizzo {BLANK} CF X" in text
    assert text.count(BLANK) == 5
    assert "None" not in text


def test_field_table_never_cuts_long_text() -> None:
    # GIVEN a value with no spaces wider than the column, and one taller than a page
    unbroken = "".join(f"{i % 10}" for i in range(700))
    tall = "\n".join(f"riga {i:03d} della nota molto lunga" for i in range(90))
    # WHEN they are printed in a label/value table
    pdf, pages = _render([field_table([("Codice", unbroken), ("Nota", tall)])])
    # THEN every character is in the PDF and the tall row continues on the next pages
    texts = _pages_text(pdf)
    assert pages >= 2
    everything = "".join(" ".join(texts).split())
    assert unbroken in everything
    for i in range(90):
        assert f"riga{i:03d}dellanotamoltolunga" in everything


def test_checkboxes() -> None:
    assert checkbox(True) == CHECKED == "☒"
    assert checkbox(False) == UNCHECKED == "☐"
    assert checkbox(None) == UNCHECKED
    pdf, _ = _render(
        [
            checkbox_group([("Sì", True), ("No", False)]),
            checkbox_group([("Sì", False), ("No", False), ("<altro>", True)]),
        ]
    )
    text = _pages_text(pdf)[0]
    assert "☒ Sì ☐ No" in text
    assert "☐ Sì ☐ No ☒ <altro>" in text


def test_signature_blocks() -> None:
    pdf, _ = _render(
        [
            signature_blocks(
                [
                    Signature("La persona beneficiaria", name=NAMES[0]),
                    Signature("L'operatore di riferimento", name=NAMES[2]),
                    Signature("Il coordinatore", place_and_date=False),
                ]
            )
        ]
    )
    text = _pages_text(pdf)[0]
    assert f"La persona beneficiaria {NAMES[0]} Luogo e data" in text
    assert f"L'operatore di riferimento {NAMES[2]} Luogo e data" in text
    assert "Il coordinatore" in text
    assert text.count("Luogo e data") == 2


def test_signature_blocks_need_a_signature() -> None:
    with pytest.raises(ValueError):
        signature_blocks([])


def test_data_table_checks_its_shape() -> None:
    with pytest.raises(ValueError):
        data_table(["A", "B"], [["solo una"]])
    with pytest.raises(ValueError):
        data_table(["A", "B"], [], col_weights=[1])
    with pytest.raises(ValueError):
        data_table([], [])


def test_build_to_a_path(tmp_path: Path) -> None:
    out = tmp_path / "prova.pdf"
    pages = build_pdf(out, "Su file", [paragraph(NAMES[1])])
    assert pages == 1
    assert NAMES[1] in _pages_text(out.read_bytes())[0]
    build_pdf(str(out), "Di nuovo", [paragraph("sovrascritto")])
    assert "sovrascritto" in _pages_text(out.read_bytes())[0]
