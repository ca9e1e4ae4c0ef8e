"""Where a person goes when a stay, a hosting or a percorso ends (DOMAIN.md section 5).

One vocabulary for every area that records an exit (stays, percorsi): the values are stored
as written here, and each belongs to one group; ``exits_to_housing`` of the year-end figures
counts the group ``abitazione``. :func:`group_case` gives the group in SQL, so that reports
group by it without loading rows.
"""

from __future__ import annotations

import enum
from typing import Any

from sqlalchemy import case
from sqlalchemy.sql.elements import ColumnElement


class DestinationGroup(enum.StrEnum):
    HOUSING = "abitazione"
    TEMPORARY = "temporanea"
    STREET = "strada"
    OTHER = "altro"


class ExitDestination(enum.StrEnum):
    # group abitazione
    INDEPENDENT_RENT = "affitto autonomo"
    PUBLIC_HOUSING = "edilizia residenziale pubblica"
    PERMANENT_HOUSING_FIRST = "housing first permanente"
    STABLE_GUEST = "ospite stabile di familiari/amici"
    # group temporanea
    CO_HOUSING = "co-housing"
    INSTITUTIONAL_SHELTER = "accoglienza istituzionale"
    TEMPORARY_GUEST = "ospite temporaneo"
    # group strada
    STREET = "strada / luogo non adatto"
    # group altro
    REPATRIATION_OR_TRANSFER = "rimpatrio/trasferimento"
    DEATH = "decesso"
    UNKNOWN = "sconosciuta"


DESTINATION_GROUPS: dict[ExitDestination, DestinationGroup] = {
    ExitDestination.INDEPENDENT_RENT: DestinationGroup.HOUSING,
    ExitDestination.PUBLIC_HOUSING: DestinationGroup.HOUSING,
    ExitDestination.PERMANENT_HOUSING_FIRST: DestinationGroup.HOUSING,
    ExitDestination.STABLE_GUEST: DestinationGroup.HOUSING,
    ExitDestination.CO_HOUSING: DestinationGroup.TEMPORARY,
    ExitDestination.INSTITUTIONAL_SHELTER: DestinationGroup.TEMPORARY,
    ExitDestination.TEMPORARY_GUEST: DestinationGroup.TEMPORARY,
    ExitDestination.STREET: DestinationGroup.STREET,
    ExitDestination.REPATRIATION_OR_TRANSFER: DestinationGroup.OTHER,
    ExitDestination.DEATH: DestinationGroup.OTHER,
    ExitDestination.UNKNOWN: DestinationGroup.OTHER,
}

GROUP_LABELS: dict[DestinationGroup, str] = {
    DestinationGroup.HOUSING: "Abitazione",
    DestinationGroup.TEMPORARY: "Sistemazione temporanea",
    DestinationGroup.STREET: "Strada",
    DestinationGroup.OTHER: "Altro",
}


def group_of(destination: ExitDestination | str) -> DestinationGroup:
    """The group of a destination (its value as stored, or the member)."""
    return DESTINATION_GROUPS[ExitDestination(destination)]


def parse_destination(text: str) -> ExitDestination | None:
    """The destination written as ``text`` (case and surrounding spaces ignored), or None."""
    key = " ".join(text.split()).casefold()
    for member in ExitDestination:
        if member.value.casefold() == key:
            return member
    return None


def group_case(column: ColumnElement[Any]) -> ColumnElement[str]:
    """``CASE column WHEN 'affitto autonomo' THEN 'abitazione' ... END`` for queries."""
    return case(
        {d.value: g.value for d, g in DESTINATION_GROUPS.items()},
        value=column,
        else_=None,
    )
