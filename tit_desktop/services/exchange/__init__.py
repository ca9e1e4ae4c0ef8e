"""The exchange workbook (DOMAIN.md section 8): import from and export to the office's
spreadsheets, an ``.xlsx`` workbook or one ``.csv`` file per sheet.

Public API::

    import_workbook(session, actor, path, *, dry_run=False, progress=None, cancel=None,
                    checked=None, encoding=None)
        -> ImportReport
    export_workbook(session, actor, path, person_filter=None, progress=None) -> ExportResult
    export_database(db, actor, path, person_filter=None, progress=None) -> ExportResult

Modules: :mod:`.cells` (cell parsers), :mod:`.reader` (files to rows), :mod:`.sheets` (the
sheet registry: columns, handlers, exporters), :mod:`.importer`, :mod:`.exporter`, and one
module per sheet (:mod:`.persons_sheet`). A new sheet is a module that builds its
:class:`SheetSpec` and calls :func:`register`, imported below.
"""

from __future__ import annotations

from tit_desktop.services.exchange import (  # each registers its sheets
    convention_sheets,
    hosting_sheets,
    housing_sheets,
    meals_sheet,
    pathways_sheet,
    persons_sheet,
    street_sheet,
)
from tit_desktop.services.exchange.exporter import export_database, export_workbook
from tit_desktop.services.exchange.importer import import_raw, import_workbook
from tit_desktop.services.exchange.model import (
    Cancelled,
    CheckedRecords,
    ExportResult,
    ImportReport,
    Issue,
    SheetCounts,
)
from tit_desktop.services.exchange.sheets import SHEETS, SheetSpec, register

__all__ = [
    "SHEETS",
    "Cancelled",
    "CheckedRecords",
    "ExportResult",
    "ImportReport",
    "Issue",
    "SheetCounts",
    "SheetSpec",
    "convention_sheets",
    "export_database",
    "export_workbook",
    "hosting_sheets",
    "housing_sheets",
    "import_raw",
    "import_workbook",
    "meals_sheet",
    "pathways_sheet",
    "persons_sheet",
    "register",
    "street_sheet",
]
