"""The street unit's monthly summary (riepilogo mensile dell'unità di strada), as PDF.

Plain data in (:class:`StreetMonthData`, filled by ``services.street``), a PDF out: totals,
goods and services given, and the contacts by zone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from tit_desktop.italian import MONTH_NAMES as MONTHS
from tit_desktop.reports import pdf

FORM_NAME = "riepilogo-strada"
FORM_TITLE = "Riepilogo mensile dell'unità di strada"


def month_name(year: int, month: int) -> str:
    return f"{MONTHS[month - 1]} {year}"


@dataclass(frozen=True)
class ZoneLine:
    zone: str
    contacts: int
    linked: int
    anonymous_f: int
    anonymous_m: int
    reached: int


@dataclass(frozen=True)
class StreetMonthData:
    year: int
    month: int
    contacts: int
    nights: int
    linked: int
    distinct_persons: int
    anonymous_f: int
    anonymous_m: int
    reached: int
    services: Sequence[tuple[str, int]]  # (label, contacts where given), in list order
    zones: Sequence[ZoneLine]
    document_date: dt.date


def _n(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def render(data: StreetMonthData, out: str | Path | IO[bytes]) -> int:
    """Write the summary; returns the number of pages."""
    story = [
        pdf.section_heading("Totali del mese"),
        pdf.field_table(
            [
                ("Contatti", _n(data.contacts)),
                ("Notti con almeno un contatto", _n(data.nights)),
                ("Persone raggiunte (collegate + anonimi)", _n(data.reached)),
                ("Persone collegate (per contatto)", _n(data.linked)),
                ("Persone collegate distinte", _n(data.distinct_persons)),
                ("Anonimi F", _n(data.anonymous_f)),
                ("Anonimi M", _n(data.anonymous_m)),
            ],
            label_ratio=0.55,
        ),
        pdf.section_heading("Prestazioni erogate (contatti in cui sono state date)"),
        pdf.data_table(
            ["Prestazione", "Contatti"],
            [(label, _n(count)) for label, count in data.services],
            col_weights=[3, 1],
            right_aligned=[1],
        ),
        pdf.section_heading("Contatti per zona"),
    ]
    if data.zones:
        story.append(
            pdf.data_table(
                ["Zona", "Contatti", "Collegate", "Anonimi F", "Anonimi M", "Raggiunte"],
                [
                    (
                        z.zone,
                        _n(z.contacts),
                        _n(z.linked),
                        _n(z.anonymous_f),
                        _n(z.anonymous_m),
                        _n(z.reached),
                    )
                    for z in data.zones
                ],
                col_weights=[3.2, 1, 1, 1, 1, 1],
                right_aligned=[1, 2, 3, 4, 5],
            )
        )
    else:
        story.append(pdf.paragraph("Nessun contatto registrato nel mese."))
    story.append(pdf.spacer(2))
    story.append(
        pdf.paragraph(
            "Persone raggiunte: per ogni contatto, le persone collegate più gli anonimi, "
            "sommate sui contatti (una persona incontrata più volte è contata ogni volta).",
            "small",
        )
    )
    return pdf.build_pdf(
        out,
        FORM_TITLE,
        story,
        subtitle=month_name(data.year, data.month).capitalize(),
        document_date=data.document_date,
        subject="Unità di strada",
        keywords=("unità di strada", "riepilogo mensile"),
    )
