"""Exit destinations (DOMAIN.md 5): where a person goes when a percorso (or a stay) ends,
and the group each belongs to (the year-end figure ``exits_to_housing`` counts group
``abitazione``)."""

from __future__ import annotations

import enum


class ExitDestination(enum.StrEnum):
    RENTAL = "affitto autonomo"
    PUBLIC_HOUSING = "edilizia residenziale pubblica"
    PERMANENT_HOUSING_FIRST = "housing first permanente"
    STABLE_GUEST = "ospite stabile di familiari/amici"
    CO_HOUSING = "co-housing"
    INSTITUTIONAL_CARE = "accoglienza istituzionale"
    TEMPORARY_GUEST = "ospite temporaneo"
    STREET = "strada / luogo non adatto"
    REPATRIATION = "rimpatrio/trasferimento"
    DEATH = "decesso"
    UNKNOWN = "sconosciuta"


class DestinationGroup(enum.StrEnum):
    HOUSING = "abitazione"
    TEMPORARY = "temporanea"
    STREET = "strada"
    OTHER = "altro"


DESTINATION_GROUP: dict[ExitDestination, DestinationGroup] = {
    ExitDestination.RENTAL: DestinationGroup.HOUSING,
    ExitDestination.PUBLIC_HOUSING: DestinationGroup.HOUSING,
    ExitDestination.PERMANENT_HOUSING_FIRST: DestinationGroup.HOUSING,
    ExitDestination.STABLE_GUEST: DestinationGroup.HOUSING,
    ExitDestination.CO_HOUSING: DestinationGroup.TEMPORARY,
    ExitDestination.INSTITUTIONAL_CARE: DestinationGroup.TEMPORARY,
    ExitDestination.TEMPORARY_GUEST: DestinationGroup.TEMPORARY,
    ExitDestination.STREET: DestinationGroup.STREET,
    ExitDestination.REPATRIATION: DestinationGroup.OTHER,
    ExitDestination.DEATH: DestinationGroup.OTHER,
    ExitDestination.UNKNOWN: DestinationGroup.OTHER,
}
