"""The quarterly monitoring sheet (scheda di monitoraggio trimestrale): anagrafica,
procedurale, fisica, finanziaria. Fed plain data by services.convention.quarterly."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from decimal import Decimal
from typing import IO

from tit_desktop.reports import pdf


@dataclass(frozen=True)
class FinancialLine:
    name: str
    planned: Decimal
    quarter: Decimal
    cumulative: Decimal
    remaining: Decimal
    percent: Decimal | None


@dataclass(frozen=True)
class QuarterlyDocument:
    quarter_label: str  # "2022-Q1"
    first: dt.date
    last: dt.date
    registry: list[tuple[str, str]]  # anagrafica: label, value
    activities: list[tuple[str, str]]  # procedurale: date, text
    physical: list[tuple[str, str]]  # fisica: label, value
    lines: list[FinancialLine]
    cup: str
    # "12/2022 del 28/01/2022": the outgoing register's number once the sheet was sent.
    protocol: str | None = None


def _pct(value: Decimal | None) -> str:
    return "" if value is None else f"{value:.1f}".replace(".", ",") + "%"


def write_pdf(doc: QuarterlyDocument, out: str | os.PathLike[str] | IO[bytes]) -> int:
    totals = [
        sum((getattr(line, name) for line in doc.lines), Decimal("0.00"))
        for name in ("planned", "quarter", "cumulative", "remaining")
    ]
    story = [
        pdf.section_heading("1. Anagrafica"),
        pdf.field_table(doc.registry, blank=False),
        pdf.section_heading("2. Procedurale: attività del trimestre"),
        pdf.data_table(
            ["Data", "Attività"],
            [list(row) for row in doc.activities] or [["", "Nessuna attività registrata"]],
            col_weights=[1.2, 6],
        ),
        pdf.section_heading("3. Fisica: persone e servizi"),
        pdf.field_table(doc.physical, blank=False, label_ratio=0.55),
        pdf.section_heading("4. Finanziaria"),
        pdf.data_table(
            ["Voce", "Previsto", "Nel trimestre", "Cumulato", "Residuo", "%"],
            [
                [
                    line.name,
                    pdf.fmt_eur(line.planned),
                    pdf.fmt_eur(line.quarter),
                    pdf.fmt_eur(line.cumulative),
                    pdf.fmt_eur(line.remaining),
                    _pct(line.percent),
                ]
                for line in doc.lines
            ]
            + [["Totale", *(pdf.fmt_eur(t) for t in totals), ""]],
            col_weights=[2.8, 1.7, 1.7, 1.7, 1.7, 0.8],
            right_aligned=range(1, 6),
        ),
        pdf.signature_blocks([pdf.Signature("Il responsabile del progetto")]),
    ]
    return pdf.build_pdf(
        out,
        f"Scheda di monitoraggio trimestrale {doc.quarter_label}",
        story,
        letterhead=pdf.Letterhead(cup=doc.cup),
        subtitle=f"Periodo dal {pdf.fmt_date(doc.first)} al {pdf.fmt_date(doc.last)}",
        subject="Monitoraggio trimestrale",
        keywords=("monitoraggio", doc.quarter_label, doc.cup),
        protocol=doc.protocol,
    )
