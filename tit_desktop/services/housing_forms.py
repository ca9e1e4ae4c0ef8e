"""The housing forms' fillers: what ``form NAME --person/--alloggio/--month/--date`` prints.

* ``accordo-accoglienza-abitativa --person CODICE``: the person's current stay (or, when
  none is open, the latest), with the house rules;
* ``registro-presenze-alloggio --alloggio A --month mm/yyyy``: every night of the month in
  the unit, one line per person and night, for signatures;
* ``elenco-stanotte [--date dd/mm/yyyy]``: who sleeps where that night (tonight by default).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from pathlib import Path
from typing import IO

from sqlalchemy import select
from sqlalchemy.orm import Session

from tit_desktop.models import HousingUnit, StaffMember, Stay
from tit_desktop.reports import housing_forms as pdf
from tit_desktop.services import clock, forms, housing, persons
from tit_desktop.services.errors import NotFound, ValidationError, register_labels
from tit_desktop.services.permissions import Actor, Permission, require

register_labels({"month": "Mese", "date": "Data", "alloggio": "Alloggio"})

_MONTH = re.compile(r"^\s*(\d{1,2})\s*/\s*(\d{4})\s*$")
_DATE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")


def parse_month(text: str) -> tuple[int, int]:
    """ "03/2026" as (2026, 3); ValidationError naming the selector otherwise."""
    match = _MONTH.match(text)
    if match is None or not 1 <= int(match.group(1)) <= 12:
        raise ValidationError({"month": f"mese non valido «{text}»: scrivere mm/aaaa, es. 03/2026"})
    return int(match.group(2)), int(match.group(1))


def parse_day(text: str) -> dt.date:
    match = _DATE.match(text)
    try:
        if match is None:
            raise ValueError(text)
        return dt.date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    except ValueError:
        raise ValidationError(
            {"date": f"data non valida «{text}»: scrivere gg/mm/aaaa, es. 28/11/2026"}
        ) from None


def _unit_by_name(session: Session, name: str) -> HousingUnit:
    unit_id = housing.unit_id_by_name(session, name)
    if unit_id is None:
        raise NotFound(f"Nessun alloggio chiamato «{name}».")
    unit = session.get(HousingUnit, unit_id)
    assert unit is not None
    return unit


def fill_agreement(
    session: Session,
    actor: Actor,
    selection: Mapping[str, str],
    lang: str,
    out: str | Path | IO[bytes],
) -> forms.Printed:
    require(actor, Permission.EXPORT_DATA)  # printing takes the data out
    person_id = forms.person_id_for_code(session, selection["person"])
    detail = persons.open_person(session, actor, person_id)
    stays = housing.stays_of_person(session, actor, person_id)
    current = next((s for s in stays if s.al is None), stays[0] if stays else None)
    unit = session.get(HousingUnit, current.unit_id) if current is not None else None
    staff = (
        session.get(StaffMember, detail.data.reference_staff_id)
        if detail.data.reference_staff_id is not None
        else None
    )
    data = pdf.AgreementData(
        code=detail.data.code,
        name=detail.display_name,
        birth_date=detail.data.birth_date,
        citizenship=detail.citizenship_label,
        unit_name=unit.name if unit else "",
        unit_kind=housing.KIND_LABELS[unit.kind] if unit else "",
        unit_address=unit.address or "" if unit else "",
        bed_label=current.bed_label if current else "",
        dal=current.dal if current else None,
        al=current.al if current else None,
        operator=f"{staff.first_name} {staff.last_name}" if staff else "",
        document_date=clock.today(),
    )
    pdf.render_agreement(data, out)
    if current is not None:
        return forms.Printed("stay", current.id, person_id)
    return forms.Printed("person", person_id, person_id)


def fill_register(
    session: Session,
    actor: Actor,
    selection: Mapping[str, str],
    lang: str,
    out: str | Path | IO[bytes],
) -> forms.Printed:
    require(actor, Permission.EXPORT_DATA)  # printing takes the data out
    year, month = parse_month(selection["month"])
    unit = _unit_by_name(session, selection["alloggio"])
    board = housing.month_board(session, actor, year, month, unit_ids=[unit.id])
    beds = {b.id: b.label for u in board.units for b in u.beds}
    nights = [
        pdf.RegisterNight(day, beds[bed_id], stay.name, stay.code)
        for day in board.days
        for bed_id in beds
        if (stay := board.stay_at(bed_id, day)) is not None
        and (stay.al is not None or day <= board.today)
    ]
    pdf.render_register(
        pdf.RegisterData(
            unit_name=unit.name,
            unit_address=unit.address or "",
            year=year,
            month=month,
            beds=sum(1 for u in board.units for b in u.beds if b.active),
            nights=nights,
        ),
        out,
    )
    subjects = tuple(sorted({s.person_id for s in board.stays}))
    return forms.Printed("housing_unit", unit.id, None, subjects)


def fill_tonight(
    session: Session,
    actor: Actor,
    selection: Mapping[str, str],
    lang: str,
    out: str | Path | IO[bytes],
) -> forms.Printed:
    require(actor, Permission.EXPORT_DATA)  # printing takes the data out
    night = parse_day(selection["date"]) if selection.get("date") else clock.today()
    rows = housing.sleeping_on(session, actor, night)
    pdf.render_tonight(
        night,
        [pdf.TonightLine(r.unit_name, r.bed_label, r.name, r.code, r.dal, r.al) for r in rows],
        out,
    )
    subjects = tuple(
        sorted(
            session.scalars(
                select(Stay.person_id).where(
                    Stay.id.in_([r.stay_id for r in rows]),
                )
            )
        )
    )
    return forms.Printed("stay", None, None, subjects)


forms.register_filler(pdf.AGREEMENT_NAME, fill_agreement)
forms.register_filler(pdf.REGISTER_NAME, fill_register)
forms.register_filler(pdf.TONIGHT_NAME, fill_tonight)
