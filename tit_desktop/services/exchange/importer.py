"""Importing an exchange file: check everything, then write everything or nothing.

1. The file is read (:mod:`.reader`) before the database is touched.
2. Every sheet is matched to the registry (:mod:`.sheets`): an unknown sheet, a sheet named
   twice, a sheet not importable yet or one the user's role may not write is an error.
3. Headers: names exact but case-insensitive and trimmed, in any order; an unknown, repeated
   or missing required column is an error (the sheet's rows are then not checked).
4. Every cell goes through its column's parser; then the sheet's handler checks the rows
   (field rules, uniqueness within the file and against the database).
5. With no error at all and not a dry run, each handler writes in the caller's
   transaction: new rows in bulk, with one ``import`` audit row per sheet that records the
   file's name, the counts and the records' ids (:mod:`tit_desktop.services.bulk`); changed
   rows through the ORM, whose listener records each field's old and new value. With any
   error nothing is written.
6. A check that writes nothing (a dry run, or a file with errors) is recorded too: one
   ``import`` audit row with the file's name and counts, naming the recorded persons whose
   data the check compared with the file or named in its messages.
7. Records the check compared with the file are compared again just before the write
   (their version, under a row lock on PostgreSQL): a record another user changed after
   the check makes the write refuse with :class:`ConflictError` naming the row and the
   record, instead of overwriting the colleague's work with the file. The window checks
   and writes in two transactions and passes the check's ``report.checked`` to the write.

Usage::

    with db.transaction(actor) as session:
        report = import_workbook(session, actor, path, dry_run=False)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from tit_desktop.models.audit import AuditAction
from tit_desktop.services import audit, clock
from tit_desktop.services.exchange import reader
from tit_desktop.services.exchange.cells import BadCell, CellError, is_blank
from tit_desktop.services.exchange.model import (
    AuditSummary,
    CancelCheck,
    Cancelled,
    CheckedRecords,
    ImportContext,
    ImportReport,
    Issue,
    ParsedRow,
    ProgressCallback,
    SheetCounts,
)
from tit_desktop.services.exchange.reader import InMergedRange, RawSheet, RawWorkbook
from tit_desktop.services.exchange.sheets import (
    SHEETS,
    Column,
    SheetHandler,
    SheetSpec,
    sheet_for,
    sheet_rank,
)
from tit_desktop.services.permissions import Actor, Permission, require

IMPORT_ACTION = "import"
_STEP_EVERY = 500


def _no_progress(_done: int, _total: int, _text: str) -> None:
    return None


def _stopper(cancel: CancelCheck | None) -> Callable[[], None]:
    def stop() -> None:
        if cancel is not None and cancel():
            raise Cancelled()

    return stop


def import_workbook(
    session: Session,
    actor: Actor,
    path: str | Path,
    *,
    dry_run: bool = False,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
    today: dt.date | None = None,
    checked: CheckedRecords | None = None,
    encoding: str | None = None,
) -> ImportReport:
    """Import the exchange file at ``path`` (.xlsx, .csv, or a folder of .csv files).

    Needs :attr:`Permission.IMPORT_DATA` (and, per sheet, the permission to write its
    registry). Problems of the file are returned in the report, never raised; ``ok`` is
    false and nothing is written when there is any error. With ``dry_run`` nothing is ever
    written and ``imported`` counts what would be. ``encoding`` is the CSV files' encoding
    the user chose (a key of :data:`.reader.CSV_ENCODINGS`; None: recognised, see
    :mod:`.reader`). Rows of the Beneficiari sheet whose Codice
    is already recorded update that person (see :mod:`.persons_sheet`).

    ``progress(done, total, text)`` is called as the work advances; ``cancel()`` is called
    between steps and stops the work with :class:`Cancelled` when it returns true (it may
    also raise its own exception). Cancelling raises out of this function, so the caller's
    transaction rolls back and nothing is written.

    ``checked`` is the ``report.checked`` of an earlier dry run of the same file: the write
    refuses with :class:`ConflictError` when a record it would update is not as that check
    found it. Without it, the write compares with this run's own check.
    """
    require(actor, Permission.IMPORT_DATA)
    path = Path(path)
    report = progress or _no_progress
    stop = _stopper(cancel)
    report(0, 0, f"Lettura di «{path.name}»…")

    def step(done: int, total: int) -> None:
        stop()
        report(done, total, f"Lettura di «{path.name}»: riga {done}")

    raw = reader.read(path, step, encoding=encoding)
    return import_raw(
        session,
        actor,
        raw,
        dry_run=dry_run,
        progress=progress,
        cancel=cancel,
        today=today,
        checked=checked,
    )


def import_raw(
    session: Session,
    actor: Actor,
    raw: RawWorkbook,
    *,
    dry_run: bool = False,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
    today: dt.date | None = None,
    checked: CheckedRecords | None = None,
) -> ImportReport:
    """:func:`import_workbook` on a file already read (tests build one in memory)."""
    require(actor, Permission.IMPORT_DATA)
    ctx = ImportContext(
        session=session,
        actor=actor,
        today=today or clock.today(),
        errors=list(raw.errors),
        warnings=[],
        dry_run=dry_run,
        progress=progress or _no_progress,
        cancel=_stopper(cancel),
        source=raw.source,
        checked=checked,
    )
    matched = _match_sheets(ctx, raw)
    handlers: list[tuple[SheetSpec, SheetHandler]] = []
    for spec, sheet in matched:
        ctx.cancel()
        _report_merged(ctx, spec, sheet)
        columns = _header(ctx, spec, sheet)
        if columns is None:
            continue
        rows = _parse_rows(ctx, spec, sheet, columns)
        assert spec.handler is not None
        handler = spec.handler()
        handler.check(ctx, rows, frozenset(c.key for c in columns.values()))
        handlers.append((spec, handler))
    ok = not ctx.errors
    counts = {spec.name: SheetCounts() for spec, _sheet in matched}
    counts.update({spec.name: handler.counts() for spec, handler in handlers})
    if ok and not dry_run:
        ctx.cancel()
        for spec, handler in handlers:
            sheet_counts = counts[spec.name]
            handler.write(
                ctx,
                AuditSummary(
                    IMPORT_ACTION,
                    f"Importazione da «{raw.source}», foglio {spec.name}: "
                    f"nuove {sheet_counts.created}, aggiornate {sheet_counts.updated}, "
                    f"invariate {sheet_counts.unchanged}",
                    {
                        "file": raw.source,
                        "sheet": spec.name,
                        "created": sheet_counts.created,
                        "updated": sheet_counts.updated,
                        "unchanged": sheet_counts.unchanged,
                    },
                ),
            )
        ctx.cancel()
        session.flush()
    if dry_run or not ok:
        _record_check(ctx, counts)
    if not ok:
        counts = {name: SheetCounts() for name in counts}
    warnings = _sorted(ctx.warnings, matched)
    if ok and not dry_run:
        warnings = [warning.written() for warning in warnings]
    return ImportReport(
        ok=ok,
        errors=_sorted(ctx.errors, matched),
        warnings=warnings,
        imported={name: c.total for name, c in counts.items()},
        counts=counts,
        dry_run=dry_run,
        source=raw.source,
        checked=ctx.seen,
    )


def _record_check(ctx: ImportContext, counts: dict[str, SheetCounts]) -> None:
    """The audit row of a check that wrote nothing: its answers (which codes, codici
    fiscali and CUI are recorded, and for whom) are a reading of the registry."""
    if ctx.errors:
        found = f"{len(ctx.errors)} " + ("errore" if len(ctx.errors) == 1 else "errori")
    else:
        found = "; ".join(
            f"{name} {c.created} nuove, {c.updated} aggiornate, {c.unchanged} invariate"
            for name, c in counts.items()
        )
    what = "Controllo" if ctx.dry_run else "Importazione rifiutata"
    audit.record(
        ctx.session,
        ctx.actor,
        AuditAction.IMPORT,
        "person",
        detail=f"{what} del file «{ctx.source}», nessun dato scritto: {found or 'nessun foglio'}",
        changes={
            "file": ctx.source,
            "dry_run": ctx.dry_run,
            "errors": len(ctx.errors),
            "sheets": {
                name: {"created": c.created, "updated": c.updated, "unchanged": c.unchanged}
                for name, c in counts.items()
            },
        },
        subjects=ctx.revealed,
    )


def _match_sheets(ctx: ImportContext, raw: RawWorkbook) -> list[tuple[SheetSpec, RawSheet]]:
    matched: dict[str, tuple[SheetSpec, RawSheet]] = {}
    for sheet in raw.sheets:
        spec = sheet_for(sheet.name)
        if spec is None:
            ctx.errors.append(
                Issue(
                    sheet.name,
                    None,
                    None,
                    f"foglio «{sheet.name}» sconosciuto: i fogli ammessi sono "
                    f"{', '.join(SHEETS)}; eliminarlo o rinominarlo",
                )
            )
            continue
        if spec.name in matched:
            earlier = matched[spec.name][1]
            where = (
                f"nei file «{earlier.source}» e «{sheet.source}»"
                if earlier.source != sheet.source
                else f"due volte («{earlier.name}» e «{sheet.name}»)"
            )
            ctx.error(spec.name, None, None, f"il foglio {spec.name} compare {where}")
            continue
        if not spec.importable:
            ctx.error(
                spec.name,
                None,
                None,
                "questo foglio non si può ancora importare con questa versione di TIT Desktop: "
                "toglierlo dal file",
            )
            matched[spec.name] = (spec, sheet)
            continue
        permission = spec.write_permission
        if permission is not None and not ctx.actor.can(permission):
            ctx.error(
                spec.name,
                None,
                None,
                f"il ruolo «{ctx.actor.role_label}» non permette di {permission.value}",
            )
            matched[spec.name] = (spec, sheet)
            continue
        matched[spec.name] = (spec, sheet)
    if not raw.sheets and not raw.errors:
        ctx.error(None, None, None, "il file non contiene fogli")
    ordered = sorted(matched.values(), key=lambda pair: sheet_rank(pair[0].name))
    return [
        (spec, sheet)
        for spec, sheet in ordered
        if spec.importable
        and (spec.write_permission is None or ctx.actor.can(spec.write_permission))
    ]


def _header_name(sheet: RawSheet, index: int) -> str:
    """The header text of a column (1-based), or its letter when it has none."""
    value = sheet.header[index - 1] if index <= len(sheet.header) else None
    if isinstance(value, str) and value.strip():
        return value.strip()
    if value is not None and not isinstance(value, BadCell | InMergedRange):
        return str(value)
    return f"{reader.column_letter(index)}"


def _report_merged(ctx: ImportContext, spec: SheetSpec, sheet: RawSheet) -> None:
    for merged in sheet.merged:
        ctx.error(
            spec.name,
            merged.min_row,
            _canonical(spec, _header_name(sheet, merged.min_col)),
            f"celle unite {merged.ref}: separare le celle e scrivere il valore in ciascuna "
            "riga (le celle unite non vengono importate)",
        )


def _canonical(spec: SheetSpec, name: str) -> str:
    column = spec.column(name)
    return column.name if column is not None else name


def _header(ctx: ImportContext, spec: SheetSpec, sheet: RawSheet) -> dict[int, Column] | None:
    """Column index (1-based) -> column, or None when the header has errors."""
    header_errors = len(ctx.errors)
    if all(is_blank(v) for v in sheet.header):
        ctx.error(
            spec.name,
            1,
            None,
            "manca la riga di intestazione: la riga 1 deve contenere i nomi delle colonne ("
            + ", ".join(spec.column_names())
            + ")",
        )
        return None
    columns: dict[int, Column] = {}
    where: dict[str, int] = {}
    with_data: set[int] = set()
    for _number, values in sheet.rows:
        with_data.update(i for i, v in enumerate(values, start=1) if not is_blank(v))
    width = max([len(sheet.header), *with_data])
    for index in range(1, width + 1):
        value = sheet.header[index - 1] if index <= len(sheet.header) else None
        letter = reader.column_letter(index)
        if isinstance(value, InMergedRange):
            continue  # reported with the merged ranges
        if isinstance(value, BadCell):
            ctx.error(spec.name, 1, letter, value.message)
            continue
        if is_blank(value):
            if index in with_data:
                first = next(
                    number
                    for number, values in sheet.rows
                    if index <= len(values) and not is_blank(values[index - 1])
                )
                ctx.error(
                    spec.name,
                    1,
                    letter,
                    f"la colonna {letter} non ha intestazione ma contiene dati (riga "
                    f"{first}): scrivere il nome della colonna o svuotarla",
                )
            continue
        name = _header_name(sheet, index)
        column = spec.column(name)
        if column is None:
            ctx.error(
                spec.name,
                1,
                name,
                f"colonna sconosciuta: le colonne del foglio {spec.name} sono "
                + ", ".join(spec.column_names()),
            )
            continue
        if column.name in where:
            ctx.error(
                spec.name,
                1,
                column.name,
                f"colonna ripetuta: compare nelle colonne "
                f"{reader.column_letter(where[column.name])} e {letter}",
            )
            continue
        where[column.name] = index
        columns[index] = column
    for column in spec.columns:
        if column.required and column.name not in where:
            ctx.error(spec.name, 1, column.name, "manca questa colonna, che è obbligatoria")
    return columns if len(ctx.errors) == header_errors else None


def _parse_rows(
    ctx: ImportContext, spec: SheetSpec, sheet: RawSheet, columns: dict[int, Column]
) -> list[ParsedRow]:
    parsed: list[ParsedRow] = []
    total = len(sheet.rows)
    for done, (number, values) in enumerate(sheet.rows, start=1):
        if done % _STEP_EVERY == 0:
            ctx.cancel()
            ctx.progress(done, total, f"Controllo del foglio {spec.name}: riga {done} di {total}")
        row = ParsedRow(number, {})
        for index, column in columns.items():
            value: Any = values[index - 1] if index <= len(values) else None
            if isinstance(value, InMergedRange):
                row.failed.add(column.key)
                continue
            if is_blank(value):
                if column.required:
                    ctx.error(spec.name, number, column.name, "valore obbligatorio mancante")
                    row.failed.add(column.key)
                else:
                    row.values[column.key] = None
                continue
            try:
                row.values[column.key] = column.parse(value)
            except CellError as exc:
                ctx.error(spec.name, number, column.name, exc.message)
                row.failed.add(column.key)
        parsed.append(row)
    return parsed


def _sorted(issues: list[Issue], matched: list[tuple[SheetSpec, RawSheet]]) -> list[Issue]:
    """By sheet (import order), row, then column (the sheet's order); ties keep the order in
    which they were found."""
    positions = {
        spec.name: {c.name: i for i, c in enumerate(spec.columns)} for spec, _sheet in matched
    }

    def key(issue: Issue) -> tuple[int, int, int]:
        columns = positions.get(issue.sheet or "", {})
        return (
            sheet_rank(issue.sheet) if issue.sheet in SHEETS else -1,
            issue.row or 0,
            columns.get(issue.column or "", len(columns)),
        )

    return sorted(issues, key=key)
