"""The monthly timesheet of a staff member on a convention, printed for signature: one row
per day of the month, one column per action, hours as h:mm, totals, signatures."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from typing import IO

from reportlab.platypus import TableStyle

from tit_desktop.reports import pdf

FORM_NAME = "timesheet"
FORM_TITLE = "Timesheet mensile del personale"
_WEEKDAYS = ("lun", "mar", "mer", "gio", "ven", "sab", "dom")


@dataclass(frozen=True)
class TimesheetDocument:
    staff_name: str
    organisation: str
    convention: str
    cup: str
    month: dt.date  # first day
    actions: list[str]
    minutes: dict[tuple[dt.date, str], int]  # (day, action) -> minutes
    closed: bool


def hours_text(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}" if minutes else ""


def write_pdf(doc: TimesheetDocument, out: str | os.PathLike[str] | IO[bytes]) -> int:
    next_month = (doc.month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    days = [doc.month + dt.timedelta(days=i) for i in range((next_month - doc.month).days)]
    actions = doc.actions or ["(nessuna ora registrata)"]
    rows = []
    for day in days:
        cells = [hours_text(doc.minutes.get((day, action), 0)) for action in actions]
        total = sum(doc.minutes.get((day, action), 0) for action in actions)
        rows.append([f"{day:%d/%m} {_WEEKDAYS[day.weekday()]}", *cells, hours_text(total)])
    totals = [sum(doc.minutes.get((day, a), 0) for day in days) for a in actions]
    rows.append(["Totale", *(hours_text(t) for t in totals), hours_text(sum(totals))])
    grid = pdf.data_table(
        ["Giorno", *actions, "Totale"],
        rows,
        col_weights=[1.3, *([2.0] * len(actions)), 1.1],
        right_aligned=range(1, len(actions) + 2),
    )
    # Tighter rows than a list's: the month and the signatures fit on one page.
    grid.setStyle(
        TableStyle(
            [
                ("TOPPADDING", (0, 0), (-1, -1), 0.6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2),
            ]
        )
    )
    story = [
        pdf.field_table(
            [
                ("Operatore", doc.staff_name),
                ("Ente", doc.organisation),
                ("Convenzione", f"{doc.convention} - CUP {doc.cup}"),
                ("Mese", f"{doc.month:%m/%Y}" + (" (chiuso)" if doc.closed else "")),
            ],
            blank=False,
        ),
        grid,
        pdf.signature_blocks(
            [
                pdf.Signature("Firma dell'operatore", doc.staff_name),
                pdf.Signature("Il responsabile"),
            ]
        ),
    ]
    return pdf.build_pdf(
        out,
        FORM_TITLE,
        story,
        letterhead=pdf.Letterhead(cup=doc.cup),
        subtitle=f"{doc.staff_name} - {doc.month:%m/%Y}",
        subject=FORM_TITLE,
        keywords=("timesheet", doc.convention, doc.cup),
    )
