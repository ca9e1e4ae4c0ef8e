"""The import dialog (check first, import only a file without errors) and the export."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from tests.ui.test_screens import _clipped, _save
from tests.unit.test_exchange_support import (
    BASE_ROW,
    counts,
    person_row,
    persons_workbook,
    read_back,
)
from tit_desktop.services import exchange, persons
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.import_export import ImportDialog, export_persons
from tit_desktop.ui.signals import app_signals

WAIT_MS = 20_000


def _cells(dialog: ImportDialog) -> list[list[str]]:
    table = dialog.table
    return [
        [table.item(row, column).text() for column in range(table.columnCount())]
        for row in range(table.rowCount())
    ]


def _checked(qtbot: QtBot, dialog: ImportDialog) -> None:
    qtbot.waitUntil(lambda: dialog.state == "checked", timeout=WAIT_MS)


def test_problems_are_listed_and_import_stays_disabled(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    path = persons_workbook(
        tmp_path / "sbagliato.xlsx",
        [BASE_ROW, person_row(Codice="TIU-2", Sesso="X", Luogo_di_nascita="Kilimani",
                              **{"Codice fiscale": None})],
    )  # fmt: skip
    before = counts(ctx.db)
    dialog = ImportDialog(ctx, path)
    qtbot.addWidget(dialog)
    dialog.show()
    _checked(qtbot, dialog)
    assert dialog.windowTitle() == "Importazione da «sbagliato.xlsx»"
    assert [dialog.table.horizontalHeaderItem(c).text() for c in range(4)] == [
        "Foglio",
        "Riga",
        "Colonna",
        "Problema",
    ]
    assert _cells(dialog) == [
        ["Beneficiari", "3", "Sesso", "Errore: «X» non previsto: indicare F o M"],
        [
            "Beneficiari",
            "3",
            "Luogo di nascita",
            "Avviso: «Kilimani» non è tra i comuni italiani né tra gli stati esteri: il luogo "
            "sarà registrato come testo",
        ],
    ]
    assert dialog.summary.text() == (
        "Il file contiene 1 errore: non è stato importato nulla. Correggere il file e premere "
        "«Controlla di nuovo»."
    )
    assert not dialog.import_button.isEnabled()
    assert dialog.recheck_button.isEnabled()
    assert _clipped(dialog) == []
    if ctx.db.is_sqlite:
        _save(dialog, "importazione-errori")
    dialog.start_import()  # even if called, a file with errors is not imported
    assert dialog.state == "checked"
    assert counts(ctx.db) == (before[0], before[1] + 1)  # only the check's own record


def test_a_clean_file_is_imported_after_the_check(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    path = persons_workbook(
        tmp_path / "buono.xlsx",
        [BASE_ROW, person_row(Codice="TIU-2", Luogo_di_nascita="Kilimani",
                              **{"Codice fiscale": None})],
    )  # fmt: skip
    dialog = ImportDialog(ctx, path)
    qtbot.addWidget(dialog)
    dialog.show()
    _checked(qtbot, dialog)
    assert dialog.import_button.isEnabled()
    assert dialog.summary.text() == (
        "Controllo superato, da importare. Beneficiari: 2 schede nuove, 0 aggiornate, "
        "0 invariate. 1 avviso da verificare. Premere «Importa» per registrare i dati."
    )
    assert [row[3] for row in _cells(dialog)] == [
        "Avviso: «Kilimani» non è tra i comuni italiani né tra gli stati esteri: il luogo "
        "sarà registrato come testo"
    ]
    assert counts(ctx.db)[0] == 0  # the check wrote nothing
    with qtbot.waitSignal(app_signals().changed, timeout=WAIT_MS) as changed:
        dialog.import_button.click()
    assert changed.args == [frozenset({"person"})]
    assert dialog.state == "imported"
    assert dialog.summary.text() == (
        "Importazione completata. Beneficiari: 2 schede nuove, 0 aggiornate, 0 invariate. "
        "1 avviso da verificare."
    )
    assert [row[3] for row in _cells(dialog)] == [
        "Avviso: «Kilimani» non è tra i comuni italiani né tra gli stati esteri: il luogo è "
        "stato registrato come testo"
    ]
    assert not dialog.import_button.isEnabled()
    if ctx.db.is_sqlite:
        _save(dialog, "importazione-completata")
    assert counts(ctx.db)[0] == 2
    with ctx.db.reading() as session:
        found = persons.search_ids(session, ctx.actor, persons.PersonFilter())
    assert len(found) == 2


def test_check_again_after_fixing_the_file_and_copy_the_list(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    path = tmp_path / "b.xlsx"
    persons_workbook(path, [person_row(ETHOS=20)])
    dialog = ImportDialog(ctx, path)
    qtbot.addWidget(dialog)
    _checked(qtbot, dialog)
    assert not dialog.import_button.isEnabled()
    dialog.copy_button.click()
    assert QApplication.clipboard().text() == (
        "Tipo\tFoglio\tRiga\tColonna\tProblema\n"
        "Errore\tBeneficiari\t2\tETHOS\t20 non previsto: indicare la categoria ETHOS da 0 a 13"
    )
    persons_workbook(path, [person_row(ETHOS=2)])
    dialog.recheck_button.click()
    assert dialog.state == "checking"
    _checked(qtbot, dialog)
    assert dialog.import_button.isEnabled()
    assert dialog.table.rowCount() == 0


@pytest.mark.parametrize(
    ("chosen", "written"),
    [
        (("esportati", "Cartella di lavoro Excel (*.xlsx)"), "esportati.xlsx"),
        (("esportati", "File CSV, uno per foglio (*.csv)"), "Beneficiari.csv"),
    ],
)
def test_export_asks_for_the_file_and_uses_the_list_filter(
    qtbot: QtBot,
    ctx: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: list[tuple[str, str]],
    chosen: tuple[str, str],
    written: str,
) -> None:
    rows = [
        BASE_ROW,
        person_row(Codice="TIU-2", Cittadinanza="Marocco", Luogo_di_nascita="Marocco",
                   **{"Codice fiscale": None}),
    ]  # fmt: skip
    path = persons_workbook(tmp_path / "in.xlsx", rows)
    with ctx.db.transaction(ctx.actor) as session:
        assert exchange.import_workbook(session, ctx.actor, path).ok
    asked: list[str] = []

    def save_name(_parent, title, _folder, _filters):  # type: ignore[no-untyped-def]
        asked.append(title)
        return str(tmp_path / chosen[0]), chosen[1]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    task = export_persons(None, ctx, persons.PersonFilter(citizenship_code="Z330"))
    assert task is not None
    qtbot.waitUntil(lambda: bool(message_boxes), timeout=WAIT_MS)
    assert asked == ["Esporta i beneficiari"]
    [(kind, text)] = message_boxes
    assert kind == "information"
    # (a CSV export writes one file per sheet: the areas' sheets follow Beneficiari)
    assert text.startswith(f"Esportata 1 persona in:\n{tmp_path / written}\n")
    assert text.endswith(
        "\n\nSono state esportate solo le persone che corrispondono ai filtri dell'elenco."
    )
    if written.endswith(".xlsx"):
        assert [row[0] for row in read_back(tmp_path / written)] == ["Codice", "TIU-2"]
    else:
        lines = (tmp_path / written).read_text(encoding="utf-8-sig").splitlines()
        assert [line.split(";")[0] for line in lines] == ["Codice", "TIU-2"]


def test_export_cancelled_in_the_file_dialog_does_nothing(
    ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: ("", ""))
    assert export_persons(None, ctx, None) is None


def test_the_encoding_of_a_csv_file_can_be_chosen(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    # GIVEN a Windows-1252 file where "É»" happens to read as UTF-8: taken for a damaged
    # UTF-8 file
    path = tmp_path / "Beneficiari.csv"
    rows = [[*BASE_ROW], [*BASE_ROW.values()]]
    rows[1][1], rows[1][2], rows[1][7] = "PERCHÉ»", "Jürgen", ""
    path.write_bytes("\r\n".join(";".join(r) for r in rows).encode("cp1252"))
    dialog = ImportDialog(ctx, path)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.show()
    _checked(qtbot, dialog)
    assert dialog.encoding_row.isVisible()
    assert [dialog.encoding_box.itemText(i) for i in range(3)] == [
        "Riconosciuta automaticamente",
        "UTF-8 (CSV UTF-8 di Excel)",
        "Windows-1252 (CSV di Excel con separatore di elenco)",
    ]
    assert _cells(dialog)[0][1] == "2"
    assert "è in UTF-8 ma alla riga 2 c'è un byte non valido" in _cells(dialog)[0][3]
    assert not dialog.import_button.isEnabled()
    if ctx.db.is_sqlite:
        _save(dialog, "importazione-codifica")
    # WHEN the user says Windows-1252 THEN the file is checked again and is fine
    dialog.encoding_box.setCurrentIndex(2)
    _checked(qtbot, dialog)
    assert dialog.encoding == "cp1252"
    assert dialog.import_button.isEnabled(), _cells(dialog)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.state == "imported", timeout=WAIT_MS)
    with ctx.db.reading() as session:
        found = persons.search_ids(session, ctx.actor, persons.PersonFilter())
        assert persons.open_person(session, ctx.actor, found[0]).data.last_name == "PERCHÉ»"


def test_the_encoding_choice_is_hidden_for_a_workbook(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    dialog = ImportDialog(ctx, persons_workbook(tmp_path / "b.xlsx", [BASE_ROW]))
    qtbot.addWidget(dialog)
    dialog.show()
    _checked(qtbot, dialog)
    assert not dialog.encoding_row.isVisible()
