"""The plain data of the exchange workbook: problems found, the import report, the export
result, and the values a sheet handler works on."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from tit_desktop.services.errors import ServiceError
from tit_desktop.services.permissions import Actor

ProgressCallback = Callable[[int, int, str], None]
"""``progress(done, total, text)``: how far the work is, for a progress bar."""

CancelCheck = Callable[[], bool | None]
"""Called between steps: a true result (or an exception it raises) stops the work."""


class Cancelled(ServiceError):
    """The user stopped the work; nothing has been written."""

    def __init__(self, message: str = "Operazione annullata: nessun dato è stato scritto.") -> None:
        super().__init__(message)


@dataclass(frozen=True)
class Issue:
    """One problem of the file, where the user can find it.

    ``row`` is the spreadsheet's row number (the header is row 1), ``column`` the column's
    header name; either is ``None`` when the problem concerns a whole sheet or file, and
    ``sheet`` is ``None`` for a problem of the file itself.
    """

    sheet: str | None
    row: int | None
    column: str | None
    message: str
    # The message once the import has written the rows ("... è stato registrato"), when it
    # differs from the one of a check or of a refused file ("... sarà registrato").
    once_written: str | None = field(default=None, compare=False)

    def written(self) -> Issue:
        if self.once_written is None:
            return self
        return Issue(self.sheet, self.row, self.column, self.once_written)

    def to_json(self) -> dict[str, Any]:
        return {
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }

    def text(self) -> str:
        """One line for people: "Beneficiari, riga 5, colonna Sesso: indicare F o M"."""
        where = [self.sheet or "File"]
        if self.row is not None:
            where.append(f"riga {self.row}")
        if self.column is not None:
            where.append(f"colonna {self.column}")
        return f"{', '.join(where)}: {self.message}"


@dataclass(frozen=True)
class SheetCounts:
    """What an import did (or, in a dry run, would do) with one sheet's rows."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


@dataclass(frozen=True)
class RecordSeen:
    """What the check found in the database for one row's key (a person's Codice): the
    record and its version, or ``None`` for both when the row would create a record."""

    id: int | None
    version: int | None


CheckedRecords = dict[str, dict[str, RecordSeen]]
"""``{sheet: {key: RecordSeen}}``: every record a check compared with the file's rows.

The write compares them with the database again and refuses (:class:`ConflictError`
naming the row and the record) when any moved: changed by another user, created with a
key the check found free, or gone. The window checks a file and writes it minutes later
in another transaction, passing the report's ``checked`` to the write; the command line
checks and writes in one run, and the write compares with its own check."""


@dataclass
class ImportReport:
    """The outcome of an import.

    ``ok`` is false when the file has any error: then nothing was written and ``imported``
    holds 0 for every sheet. ``imported`` counts, per sheet, the rows taken in (or, with
    ``dry_run``, that would be): rows that create a record, rows that update one and rows
    equal to what is already recorded; ``counts`` tells the three apart. ``to_json()`` is
    the command line's ``--json`` output, exactly as DOMAIN.md section 8 describes it.
    ``checked`` holds the records the check compared with the file and their versions, for
    a later write of the same file (see :data:`CheckedRecords`).
    """

    ok: bool
    errors: list[Issue]
    warnings: list[Issue]
    imported: dict[str, int]
    counts: dict[str, SheetCounts] = field(default_factory=dict)
    dry_run: bool = False
    source: str = ""
    checked: CheckedRecords = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "errors": [issue.to_json() for issue in self.errors],
            "warnings": [issue.to_json() for issue in self.warnings],
            "imported": dict(self.imported),
        }

    def summary(self) -> str:
        """One sentence for people, in Italian."""
        if not self.ok:
            errors = _plural(len(self.errors), "errore", "errori")
            return f"Il file contiene {errors}: non è stato importato nulla."
        parts = []
        for sheet, counts in self.counts.items():
            parts.append(
                f"{sheet}: {_plural(counts.created, 'scheda nuova', 'schede nuove')}, "
                f"{_plural(counts.updated, 'aggiornata', 'aggiornate')}, "
                f"{_plural(counts.unchanged, 'invariata', 'invariate')}"
            )
        done = "Controllo superato, da importare" if self.dry_run else "Importazione completata"
        text = f"{done}. " + ("; ".join(parts) if parts else "Nessuna riga nel file") + "."
        if self.warnings:
            text += f" {_plural(len(self.warnings), 'avviso', 'avvisi')} da verificare."
        return text


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote: rows per sheet, the files (one .xlsx, or one .csv per sheet),
    and what the role's permissions kept out."""

    exported: dict[str, int]
    files: list[Path]
    # What the role may not read and the file therefore does not carry: sheet names, and
    # "Sheet: Column" for a column; ``note`` says it in Italian (empty when nothing was).
    withheld: tuple[str, ...] = ()
    note: str = ""

    def to_json(self, target: Path) -> dict[str, Any]:
        data: dict[str, Any] = {
            "exported": dict(self.exported),
            "file": str(target),
            "files": [str(path) for path in self.files],
        }
        if self.withheld:
            data["withheld"] = list(self.withheld)
            data["note"] = self.note
        return data


@dataclass
class ParsedRow:
    """A non-empty row of a sheet after each cell went through its column's parser.

    ``values`` holds the parsed value of every column present in the header whose cell was
    read without error (blank cells as ``None``); ``failed`` the keys of the columns whose
    cell was refused (the problem is already in the report).
    """

    number: int
    values: dict[str, Any]
    failed: set[str] = field(default_factory=set)

    @property
    def ok(self) -> bool:
        return not self.failed


@dataclass(frozen=True)
class AuditSummary:
    """The one audit row a sheet's write records (through :mod:`tit_desktop.services.bulk`):
    the action, what the activity log shows, and the file's name and counts."""

    action: str
    detail: str
    changes: dict[str, Any]


@dataclass
class ImportContext:
    """What a sheet handler needs while it checks and writes its rows.

    ``shared`` lets sheets that are imported later in the same file find what earlier ones
    provide: the Beneficiari sheet puts there ``"person_rows"``, ``{Codice: row number}`` of
    its rows, so that a Soggiorni row may name a person created by the same file.

    ``seen`` collects what this run's check found (:data:`CheckedRecords`); ``checked`` is
    what an earlier check of the same file found, when the caller passes it to the write.
    ``revealed`` collects the recorded persons whose data the check compared or named: the
    audit row of a dry run names them (their trails show who looked).
    """

    session: Session
    actor: Actor
    today: dt.date
    errors: list[Issue]
    warnings: list[Issue]
    dry_run: bool
    progress: ProgressCallback
    cancel: Callable[[], None]
    source: str
    shared: dict[str, Any] = field(default_factory=dict)
    checked: CheckedRecords | None = None
    seen: CheckedRecords = field(default_factory=dict)
    revealed: set[int] = field(default_factory=set)

    def error(self, sheet: str | None, row: int | None, column: str | None, message: str) -> None:
        self.errors.append(Issue(sheet, row, column, message))

    def warning(
        self,
        sheet: str | None,
        row: int | None,
        column: str | None,
        message: str,
        once_written: str | None = None,
    ) -> None:
        self.warnings.append(Issue(sheet, row, column, message, once_written))
