"""The sheet registry: every sheet of DOMAIN.md section 8, its columns, and (once its
registry exists) the handler that imports its rows and the function that exports them.

A sheet plugs in by calling :func:`register` with a :class:`SheetSpec` that has a
``handler`` and an ``exporter`` (see :mod:`.persons_sheet`). Until then the sheet is
*planned*: its name is known, so a workbook holding it is not told "unknown sheet", but
importing it is refused with a clear message rather than silently skipped.

Sheets are imported in the order of :data:`SHEETS` (Beneficiari and Alloggi before the sheets
that refer to them), whatever their order in the workbook.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy.orm import Session

from tit_desktop.services.exchange.cells import CellParser, parse_text
from tit_desktop.services.exchange.model import (
    AuditSummary,
    ImportContext,
    ParsedRow,
    SheetCounts,
)
from tit_desktop.services.permissions import Actor, Permission
from tit_desktop.services.persons import PersonFilter


@dataclass(frozen=True)
class Column:
    """A column: its header name (exact, compared case-insensitively), the key its parsed
    value goes under in :attr:`ParsedRow.values`, its cell parser, whether it is required,
    and the permission needed to export it (besides the sheet's)."""

    name: str
    key: str
    parse: CellParser
    required: bool = False
    # A column of data some roles may not read (the IBAN: money). An export by a role
    # without it leaves the column out (not blank: a blank cell clears the value of whoever
    # imports the file); only optional columns can be withheld.
    read_permission: Permission | None = None


class SheetHandler(Protocol):
    """Imports one sheet. A new handler is made for every import.

    ``check`` sees every non-empty row (those with refused cells too, marked in
    ``row.failed``), reports problems through ``ctx.error`` / ``ctx.warning`` and prepares
    the writes; it must not write. ``write`` runs only when the whole file has no error and
    it is not a dry run, inside the caller's transaction; it records ``summary`` as the
    sheet's one audit row: new rows go through :func:`tit_desktop.services.bulk.writing`
    with it, changed rows through the ORM (whose listener keeps each field's old value)
    or the same bulk write. It may call ``ctx.cancel()`` between batches.
    """

    def check(self, ctx: ImportContext, rows: list[ParsedRow], present: frozenset[str]) -> None:
        """``present``: the keys of the columns the sheet's header has."""

    def counts(self) -> SheetCounts:
        """Rows that create, update, or leave unchanged a record (after ``check``)."""

    def write(self, ctx: ImportContext, summary: AuditSummary) -> None: ...


@dataclass(frozen=True)
class ExportOptions:
    person_filter: PersonFilter | None = None


SheetExporter = Callable[[Session, Actor, ExportOptions], list[list[Any]]]
"""Gives the sheet's data rows, one value per column in :attr:`SheetSpec.columns` order:
``str``, ``int``, ``Decimal``, ``datetime.date`` or ``None``."""


@dataclass(frozen=True)
class SheetSpec:
    name: str
    columns: tuple[Column, ...]
    handler: Callable[[], SheetHandler] | None = None
    exporter: SheetExporter | None = None
    write_permission: Permission | None = None  # besides IMPORT_DATA
    read_permission: Permission | None = None  # besides EXPORT_DATA
    audit_entity: str = ""
    # An area's sheet with no rows is left out of an export (a workbook may hold any subset
    # of the sheets): an office that does not use the area gets the workbook it always had.
    export_when_empty: bool = True

    @property
    def importable(self) -> bool:
        return self.handler is not None

    def column(self, header: str) -> Column | None:
        key = header.strip().casefold()
        for column in self.columns:
            if column.name.casefold() == key:
                return column
        return None

    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def readable_columns(self, actor: Actor) -> tuple[Column, ...]:
        """The columns an export by ``actor`` carries."""
        return tuple(
            c for c in self.columns if c.read_permission is None or actor.can(c.read_permission)
        )


def _planned(name: str, columns: str) -> SheetSpec:
    """A sheet of DOMAIN.md section 8 whose registry does not exist yet ("A*, B" = A
    required, B optional)."""
    parsed = []
    for item in columns.split(","):
        text = item.strip()
        required = text.endswith("*")
        text = text.rstrip("*")
        parsed.append(Column(text, text, parse_text, required))
    return SheetSpec(name, tuple(parsed))


SHEETS: dict[str, SheetSpec] = {
    spec.name: spec
    for spec in (
        _planned(
            "Beneficiari",
            "Codice*, Cognome*, Nome*, Sesso*, Data di nascita, Luogo di nascita, "
            "Cittadinanza, Codice fiscale, CUI, Tipo permesso, Numero permesso, "
            "Scadenza permesso, Telefono, Titolo di studio, Condizione occupazionale, ETHOS, "
            "Data presa in carico*, Note",
        ),
        _planned("Alloggi", "Alloggio*, Indirizzo, Tipo*, Posti*"),
        _planned("Soggiorni", "Codice*, Alloggio*, Posto*, Dal*, Al"),
        _planned("Pasti", "Codice*, Data*, Pasto*"),
        _planned("Percorsi", "Codice*, Data ingresso*, Data uscita, Destinazione"),
        _planned("Famiglie", "Famiglia*, Referente, Indirizzo, IBAN"),
        _planned("Accoglienze", "Famiglia*, Codice*, Dal*, Al, Tempo*, Contributo mensile*"),
        _planned("Contributi", "Famiglia*, Codice*, Mese*, Importo*, Data pagamento*"),
        _planned(
            "Contatti strada", "Data*, Ora, Luogo*, Codice, Anonimi F, Anonimi M, Prestazioni"
        ),
        _planned(
            "Convenzioni",
            "Convenzione*, CUP*, Ente finanziatore, Fondo, Data firma, Inizio*, Fine*, "
            "Importo totale*",
        ),
        _planned("Voci", "Convenzione*, Voce*, Azione, Categoria*, Importo previsto*"),
        _planned(
            "Spese",
            "Convenzione*, Data*, Numero*, Fornitore*, CF/P.IVA, Voce*, Importo*, "
            "Importo ammissibile*, Data pagamento",
        ),
    )
}
"""Every sheet of the exchange workbook, in import order."""


def register(spec: SheetSpec) -> None:
    """Make a sheet importable/exportable. Its name and columns must be DOMAIN.md's."""
    planned = SHEETS.get(spec.name)
    if planned is None:
        raise ValueError(f"foglio {spec.name!r} non previsto da DOMAIN.md")
    expected = [(c.name, c.required) for c in planned.columns]
    given = [(c.name, c.required) for c in spec.columns]
    if given != expected:
        raise ValueError(f"colonne del foglio {spec.name!r} diverse da DOMAIN.md: {given}")
    if any(c.required and c.read_permission is not None for c in spec.columns):
        raise ValueError(f"foglio {spec.name!r}: una colonna obbligatoria non può essere omessa")
    SHEETS[spec.name] = spec


def sheet_for(name: str) -> SheetSpec | None:
    """The sheet with this name, case and surrounding spaces ignored."""
    key = name.strip().casefold()
    for spec in SHEETS.values():
        if spec.name.casefold() == key:
            return spec
    return None


def sheet_rank(name: str | None) -> int:
    names = list(SHEETS)
    return names.index(name) + 1 if name in SHEETS else 0


def importable_sheets() -> Sequence[SheetSpec]:
    return [spec for spec in SHEETS.values() if spec.importable]
