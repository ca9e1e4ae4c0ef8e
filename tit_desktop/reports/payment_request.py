"""The payment request (domanda di rimborso) as PDF and XLSX: the convention's data, the
totals per budget line against the budget, and the annex listing every expenditure.

Fed plain data (:class:`RequestDocument`) by services.convention.payment_requests; the two
files show the same figures, to the cent."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO
from pathlib import Path
from typing import IO

from tit_desktop.reports import pdf


@dataclass(frozen=True)
class LineFigures:
    name: str
    category: str
    planned: Decimal
    previous: Decimal
    this: Decimal
    spent: Decimal
    remaining: Decimal
    percent: Decimal | None


@dataclass(frozen=True)
class AnnexLine:
    document_date: dt.date
    document: str  # "Fattura 12/2021"
    supplier: str
    tax_code: str
    line: str
    amount: Decimal
    eligible: Decimal
    paid_on: dt.date | None
    payment: str


@dataclass(frozen=True)
class RequestDocument:
    short_name: str
    title: str
    cup: str
    funder: str
    fund: str
    convention_total: Decimal
    period_from: dt.date
    period_to: dt.date
    number: int | None
    submitted_on: dt.date | None
    lines: list[LineFigures]
    annex: list[AnnexLine]
    total: Decimal
    planned: Decimal
    previous: Decimal
    spent: Decimal
    remaining: Decimal
    percent: Decimal | None
    # "5/2021 del 15/04/2021": the outgoing register's number, once submitted.
    protocol: str | None = None


def heading(doc: RequestDocument) -> str:
    if doc.number is None:
        return "Domanda di rimborso (bozza)"
    return f"Domanda di rimborso n. {doc.number}"


def _pct(value: Decimal | None) -> str:
    return "" if value is None else f"{value:.1f}".replace(".", ",") + "%"


def write_pdf(doc: RequestDocument, out: str | os.PathLike[str] | IO[bytes]) -> int:
    """Write the request's PDF; returns its number of pages."""
    story = [
        pdf.section_heading("Convenzione"),
        pdf.field_table(
            [
                ("Convenzione", f"{doc.short_name} - {doc.title}"),
                ("CUP", doc.cup),
                ("Ente finanziatore", doc.funder),
                ("Fondo", doc.fund),
                ("Importo della convenzione", pdf.fmt_eur(doc.convention_total)),
                (
                    "Periodo della domanda",
                    f"{pdf.fmt_date(doc.period_from)} - {pdf.fmt_date(doc.period_to)}",
                ),
                ("Importo richiesto", pdf.fmt_eur(doc.total)),
                ("Spese incluse", str(len(doc.annex))),
            ],
            blank=False,
        ),
        pdf.section_heading("Riepilogo per voce di budget"),
        pdf.data_table(
            ["Voce", "Previsto", "Già richiesto", "Questa domanda", "Speso", "Residuo", "%"],
            [
                [
                    line.name,
                    pdf.fmt_eur(line.planned),
                    pdf.fmt_eur(line.previous),
                    pdf.fmt_eur(line.this),
                    pdf.fmt_eur(line.spent),
                    pdf.fmt_eur(line.remaining),
                    _pct(line.percent),
                ]
                for line in doc.lines
            ]
            + [
                [
                    "Totale",
                    pdf.fmt_eur(doc.planned),
                    pdf.fmt_eur(doc.previous),
                    pdf.fmt_eur(doc.total),
                    pdf.fmt_eur(doc.spent),
                    pdf.fmt_eur(doc.remaining),
                    _pct(doc.percent),
                ]
            ],
            col_weights=[2.6, 1.7, 1.7, 1.7, 1.7, 1.7, 0.8],
            right_aligned=range(1, 7),
        ),
        pdf.section_heading(f"Allegato: elenco delle spese ({len(doc.annex)})"),
        pdf.data_table(
            ["N.", "Data", "Documento", "Fornitore", "CF/P.IVA", "Voce", "Importo", "Ammissibile"],
            [
                [
                    str(i),
                    pdf.fmt_date(row.document_date),
                    row.document,
                    row.supplier,
                    row.tax_code,
                    row.line,
                    pdf.fmt_eur(row.amount),
                    pdf.fmt_eur(row.eligible),
                ]
                for i, row in enumerate(doc.annex, start=1)
            ]
            + [
                [
                    "",
                    "",
                    "",
                    "Totale",
                    "",
                    "",
                    pdf.fmt_eur(sum((r.amount for r in doc.annex), Decimal("0.00"))),
                    pdf.fmt_eur(doc.total),
                ]
            ],
            col_weights=[0.45, 1.55, 1.6, 1.75, 2.25, 1.35, 1.6, 1.75],
            right_aligned=(0, 6, 7),
        ),
        pdf.spacer(8),
        pdf.signature_blocks([pdf.Signature("Il legale rappresentante / Il dirigente")]),
    ]
    return pdf.build_pdf(
        out,
        heading(doc),
        story,
        letterhead=pdf.Letterhead(programme=doc.title.split(":")[0].strip()[:60], cup=doc.cup),
        document_date=doc.submitted_on or dt.date.today(),
        subtitle=f"Convenzione {doc.short_name} - CUP {doc.cup}",
        subject="Domanda di rimborso",
        protocol=doc.protocol,
        keywords=("domanda di rimborso", doc.short_name, doc.cup),
    )


def write_xlsx(doc: RequestDocument, out: str | os.PathLike[str] | IO[bytes]) -> None:
    """Write the request's workbook: sheet ``Riepilogo`` (per line) and ``Allegato`` (the
    expenditures). Amounts are number cells in euro with two decimals."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    euro = '#,##0.00 "€"'
    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = "Riepilogo"
    summary.append([heading(doc)])
    summary["A1"].font = Font(bold=True, size=13)
    summary.append(["Convenzione", doc.short_name, doc.title])
    summary.append(["CUP", doc.cup])
    summary.append(["Periodo", doc.period_from, doc.period_to])
    # Present on a draft too (empty), so every workbook has the same rows.
    summary.append(["Protocollo", f"n. {doc.protocol}" if doc.protocol else None])
    summary.append([])
    header = [
        "Voce",
        "Categoria",
        "Previsto",
        "Domande precedenti",
        "Questa domanda",
        "Speso",
        "Residuo",
        "%",
    ]
    summary.append(header)
    for cell in summary[summary.max_row]:
        cell.font = Font(bold=True)
    for line in [*doc.lines, None]:
        if line is None:
            values = [
                "Totale",
                "",
                doc.planned,
                doc.previous,
                doc.total,
                doc.spent,
                doc.remaining,
                doc.percent,
            ]
        else:
            values = [
                line.name,
                line.category,
                line.planned,
                line.previous,
                line.this,
                line.spent,
                line.remaining,
                line.percent,
            ]
        summary.append(values)
        row = summary.max_row
        for column in range(3, 8):
            summary.cell(row, column).number_format = euro
        summary.cell(row, 8).number_format = "0.0"
    for letter, width in zip("ABCDEFGH", (34, 22, 16, 18, 16, 16, 16, 8), strict=True):
        summary.column_dimensions[letter].width = width
    for row in summary.iter_rows(min_row=4, max_row=4, min_col=2, max_col=3):
        for cell in row:
            cell.number_format = "dd/mm/yyyy"

    annex = book.create_sheet("Allegato")
    annex.append(
        [
            "N.",
            "Data",
            "Documento",
            "Fornitore",
            "CF/P.IVA",
            "Voce",
            "Importo",
            "Ammissibile",
            "Data pagamento",
            "Modalità",
        ]
    )
    for cell in annex[1]:
        cell.font = Font(bold=True)
    for i, row in enumerate(doc.annex, start=1):
        annex.append(
            [
                i,
                row.document_date,
                row.document,
                row.supplier,
                row.tax_code,
                row.line,
                row.amount,
                row.eligible,
                row.paid_on,
                row.payment,
            ]
        )
        r = annex.max_row
        annex.cell(r, 2).number_format = "dd/mm/yyyy"
        annex.cell(r, 9).number_format = "dd/mm/yyyy"
        annex.cell(r, 7).number_format = euro
        annex.cell(r, 8).number_format = euro
    for letter, width in zip("ABCDEFGHIJ", (6, 12, 22, 30, 18, 26, 14, 14, 14, 14), strict=True):
        annex.column_dimensions[letter].width = width
    buffer = BytesIO()
    book.save(buffer)
    data = buffer.getvalue()
    if isinstance(out, str | os.PathLike):
        Path(out).write_bytes(data)
    else:
        out.write(data)
