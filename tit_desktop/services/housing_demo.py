"""Demo housing: a few units of each kind and stays that look like an office's year: people
move in after their intake, stay weeks (the dormitory) or months (the flats), leave for a
destination, and some are still there tonight."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

from sqlalchemy.orm import Session

from tit_desktop.models import Bed, ExitDestination, HousingKind, HousingUnit, Stay

UNITS: tuple[tuple[str, str, HousingKind, int], ...] = (
    ("Casa Aurora", "Via Marconi 14, Ancona", HousingKind.CO_HOUSING, 6),
    ("Casa del Porto", "Via XXIX Settembre 3, Ancona", HousingKind.CO_HOUSING, 4),
    ("Housing First Pinocchio", "Via Ragusa 21, Ancona", HousingKind.HOUSING_FIRST, 2),
    ("Housing First Archi", "Via Marconi 88, Ancona", HousingKind.HOUSING_FIRST, 1),
    ("Dormitorio Stazione", "Piazza Rosselli 9, Ancona", HousingKind.NIGHT_SHELTER, 12),
)

# Nights of a stay by kind of unit (low, high).
LENGTHS = {
    HousingKind.NIGHT_SHELTER: (2, 45),
    HousingKind.CO_HOUSING: (30, 240),
    HousingKind.HOUSING_FIRST: (180, 720),
}

DESTINATION_WEIGHTS = {
    ExitDestination.INDEPENDENT_RENT: 14,
    ExitDestination.PUBLIC_HOUSING: 5,
    ExitDestination.PERMANENT_HOUSING_FIRST: 4,
    ExitDestination.STABLE_GUEST: 10,
    ExitDestination.CO_HOUSING: 12,
    ExitDestination.INSTITUTIONAL_SHELTER: 10,
    ExitDestination.TEMPORARY_GUEST: 9,
    ExitDestination.STREET: 8,
    ExitDestination.REPATRIATION_OR_TRANSFER: 4,
    ExitDestination.DEATH: 1,
    ExitDestination.UNKNOWN: 10,
}


def fill(
    session: Session,
    rng: random.Random,
    people: Sequence[tuple[int, dt.date]],
    today: dt.date,
) -> dict[str, int]:
    """Units, beds and stays for ``people`` ((id, intake date)); returns counts."""
    if not people:
        return {"alloggi": 0, "soggiorni": 0}
    start = max(min(intake for _id, intake in people), today - dt.timedelta(days=3 * 365))
    units = []
    for name, address, kind, beds in UNITS:
        unit = HousingUnit(
            name=name,
            address=address,
            kind=kind,
            active_from=start,
            notes=None,
            beds=[Bed(label=str(n), active=True) for n in range(1, beds + 1)],
        )
        units.append(unit)
    session.add_all(units)
    session.flush()
    busy: dict[int, list[tuple[dt.date, dt.date]]] = {}  # person -> [dal, al) (open: far future)
    far = dt.date(9999, 1, 1)
    stays = []
    for unit in units:
        low, high = LENGTHS[unit.kind]
        for bed in unit.beds:
            day = start + dt.timedelta(days=rng.randint(0, 60))
            while day <= today:
                candidates = [
                    pid
                    for pid, intake in people
                    if intake <= day
                    and all(
                        not (a < day + dt.timedelta(days=low) and day < b)
                        for a, b in busy.get(pid, [])
                    )
                ]
                if not candidates:
                    day += dt.timedelta(days=rng.randint(5, 30))
                    continue
                person = rng.choice(candidates)
                nights = rng.randint(low, high)
                al: dt.date | None = day + dt.timedelta(days=nights)
                assert al is not None
                # Never run into the person's own later stay.
                later = [a for a, _b in busy.get(person, []) if a >= day]
                if later and min(later) < al:
                    al = min(later)
                if al > today:
                    al = None if rng.random() < 0.85 else al
                stay = Stay(
                    person_id=person,
                    bed_id=bed.id,
                    dal=day,
                    al=al,
                    exit_destination=(
                        rng.choices(
                            list(DESTINATION_WEIGHTS), weights=list(DESTINATION_WEIGHTS.values())
                        )[0]
                        if al is not None and al <= today
                        else None
                    ),
                    notes="Segue il regolamento della casa senza problemi."
                    if rng.random() < 0.05
                    else None,
                )
                stays.append(stay)
                busy.setdefault(person, []).append((day, al or far))
                if al is None:
                    break
                day = al + dt.timedelta(days=rng.choice([0, 0, 0, 1, 3, 7, 14]))
    session.add_all(stays)
    session.flush()
    return {"alloggi": len(units), "soggiorni": len(stays)}
