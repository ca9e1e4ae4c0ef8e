"""The expenditure register as a workbook: one row per expenditure (as filtered on screen)
and the totals per budget line. Fed plain data by services.convention.expenditures."""

from __future__ import annotations

import os
from collections.abc import Sequence
from decimal import Decimal
from io import BytesIO
from pathlib import Path
from typing import IO, Any

HEADER = (
    "Data",
    "Tipo documento",
    "Numero",
    "Fornitore",
    "CF/P.IVA",
    "Voce",
    "Importo",
    "IVA",
    "Importo ammissibile",
    "Data pagamento",
    "Modalità",
    "CIG",
    "Origine",
    "Domanda di rimborso",
    "Segnalazioni",
)
_MONEY = {7, 8, 9}
_DATES = {1, 10}


def write_xlsx(
    title: str,
    rows: Sequence[Sequence[Any]],
    totals: Sequence[tuple[str, int, Decimal, Decimal]],
    out: str | os.PathLike[str] | IO[bytes],
) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    euro = '#,##0.00 "€"'
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Spese"
    sheet.append(list(HEADER))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(list(row))
        r = sheet.max_row
        for column in _MONEY:
            sheet.cell(r, column).number_format = euro
        for column in _DATES:
            sheet.cell(r, column).number_format = "dd/mm/yyyy"
    for index, width in enumerate((12, 16, 14, 30, 18, 26, 14, 12, 14, 14, 12, 12, 20, 10, 30)):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    summary = book.create_sheet("Totali per voce")
    summary.append([title])
    summary.append(["Voce", "Spese", "Importo", "Importo ammissibile"])
    for cell in summary[2]:
        cell.font = Font(bold=True)
    for name, count, amount, eligible in totals:
        summary.append([name, count, amount, eligible])
        summary.cell(summary.max_row, 3).number_format = euro
        summary.cell(summary.max_row, 4).number_format = euro
    summary.column_dimensions["A"].width = 34
    summary.column_dimensions["C"].width = 16
    summary.column_dimensions["D"].width = 20
    buffer = BytesIO()
    book.save(buffer)
    data = buffer.getvalue()
    if isinstance(out, str | os.PathLike):
        Path(out).write_bytes(data)
    else:
        out.write(data)
