"""The file dialogs of the application, in one place: they open in the folder used last
(kept in the settings), or in the user's Documents folder the first time, never in the
program's data folder; and Qt's own texts in them are Italian."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, QTranslator
from PySide6.QtWidgets import QFileDialog, QWidget

from tit_desktop.settings import Settings

log = logging.getLogger(__name__)


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(found) if found else Path.home()
    return folder if folder.is_dir() else Path.home()


def start_folder() -> Path:
    """Where a file dialog opens: the folder used last, while it exists, else Documents."""
    last = Settings.load().last_folder
    if last and Path(last).is_dir():
        return Path(last)
    return documents_folder()


def remember_folder(folder: Path) -> None:
    settings = Settings.load()
    if settings.last_folder == str(folder):
        return
    settings.last_folder = str(folder)
    try:
        settings.save()
    except OSError:  # a folder not remembered is no reason to fail the user's action
        log.warning("Could not remember the folder %s", folder, exc_info=True)


def _chosen(path: str, remember: bool) -> Path | None:
    if not path:
        return None
    chosen = Path(path)
    if remember:
        remember_folder(chosen if chosen.is_dir() else chosen.parent)
    return chosen


def save_file(
    parent: QWidget | None,
    title: str,
    file_name: str,
    filters: str = "",
    folder: Path | None = None,
    options: QFileDialog.Option | None = None,
) -> tuple[Path | None, str]:
    """Ask where to save ``file_name``: the path (None if the user gave up) and the filter
    chosen. With ``folder`` the dialog opens there and the folder is not remembered (the
    backups' own folder, say); otherwise in the last folder used, which is then updated."""
    start = (folder or start_folder()) / file_name if file_name else (folder or start_folder())
    extra = {"options": options} if options is not None else {}
    path, chosen_filter = QFileDialog.getSaveFileName(parent, title, str(start), filters, **extra)
    return _chosen(path, remember=folder is None), chosen_filter


def open_file(
    parent: QWidget | None, title: str, filters: str = "", folder: Path | None = None
) -> Path | None:
    """Ask for an existing file; the folder is remembered as for ``save_file``."""
    path, _ = QFileDialog.getOpenFileName(parent, title, str(folder or start_folder()), filters)
    return _chosen(path, remember=folder is None)


def choose_folder(parent: QWidget | None, title: str) -> Path | None:
    path = QFileDialog.getExistingDirectory(parent, title, str(start_folder()))
    return _chosen(path, remember=True)


# --- Qt's texts -----------------------------------------------------------------------------


class QtTextsMissingInItalian(QTranslator):
    """Texts of Qt 6's own file dialog that its Italian catalogue (qtbase_it) lacks, so the
    dialog showed "Look in:" and "Files of type:" next to Italian ones. Installed after
    qtbase_it, it is asked first and answers only for these."""

    TEXTS = {
        ("QFileDialog", "&Look in:"): "&Cerca in:",
        ("QFileDialog", "Files of &type:"): "File di &tipo:",
        ("QAbstractFileIconProvider", "Folder"): "Cartella",
        ("QAbstractFileIconProvider", "File"): "File",
        ("QAbstractFileIconProvider", "Drive"): "Unità",
        ("QAbstractFileIconProvider", "%1 File"): "File %1",
        ("QAbstractFileIconProvider", "Unknown"): "Sconosciuto",
    }

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # None (a null string) lets Qt ask the next catalogue; "" would blank the text.
        return self.TEXTS.get((context, source))

    def isEmpty(self) -> bool:
        return False


def install_italian_dialog_texts(app: QCoreApplication) -> QTranslator:
    translator = QtTextsMissingInItalian(app)
    app.installTranslator(translator)
    return translator
