"""The main window: sidebar of areas, the area's page, status bar with user and database."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from tit_desktop import APP_TITLE, __version__, paths
from tit_desktop.ui.context import AppContext
from tit_desktop.ui.form_guard import settle_open_forms


@dataclass(frozen=True)
class Area:
    key: str
    title: str
    build: Callable[[AppContext], QWidget]


def _placeholder(title: str, text: str) -> Callable[[AppContext], QWidget]:
    from tit_desktop.ui.pages.placeholder import PlaceholderPage

    return lambda _ctx: PlaceholderPage(title, text)


def areas() -> list[Area]:
    from tit_desktop.ui.pages.admin import AdminPage
    from tit_desktop.ui.pages.canteen import CanteenPage
    from tit_desktop.ui.pages.convention import ConventionPage
    from tit_desktop.ui.pages.families import FamiliesPage
    from tit_desktop.ui.pages.home import HomePage
    from tit_desktop.ui.pages.housing import HousingPage
    from tit_desktop.ui.pages.pathways import PathwaysPage
    from tit_desktop.ui.pages.persons import PersonsPage
    from tit_desktop.ui.pages.reports import ReportsPage
    from tit_desktop.ui.pages.street import StreetPage

    return [
        Area("home", "Home", HomePage),
        Area("persons", "Beneficiari", PersonsPage),
        Area("families", "Famiglie", FamiliesPage),
        Area("housing", "Alloggi", HousingPage),
        Area("canteen", "Mensa", CanteenPage),
        Area("street", "Unità di strada", StreetPage),
        Area("pathways", "Percorsi", PathwaysPage),
        Area("convention", "Convenzione", ConventionPage),
        Area("reports", "Report", ReportsPage),
        Area("admin", "Amministrazione", AdminPage),
    ]


class MainWindow(QMainWindow):
    logout_requested = Signal()
    settings_requested = Signal()
    closed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(f"{APP_TITLE} - {ctx.actor.full_name or ctx.actor.username}")
        self.resize(1200, 760)
        self.setMinimumSize(QSize(900, 600))
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(190)
        self.sidebar.setSpacing(2)
        self.sidebar.setStyleSheet(
            "QListWidget#sidebar { background: #24415e; color: white; border: none;"
            " font-size: 11pt; padding-top: 8px; }"
            "QListWidget#sidebar::item { padding: 8px 14px; }"
            "QListWidget#sidebar::item:selected { background: #3b6c99; color: white; }"
        )
        self.stack = QStackedWidget()
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._areas = areas()
        self._pages: dict[str, QWidget] = {}
        for index, area in enumerate(self._areas):
            item = QListWidgetItem(area.title)
            shortcut = "Ctrl+" + ("0" if index == 9 else str(index + 1))
            item.setToolTip(f"{area.title} ({shortcut})")
            item.setData(Qt.ItemDataRole.UserRole, area.key)
            self.sidebar.addItem(item)
            page = area.build(ctx)
            page.setObjectName(f"page_{area.key}")
            self._pages[area.key] = page
            self.stack.addWidget(page)
            QShortcut(QKeySequence(shortcut), self, activated=lambda i=index: self._jump_to_area(i))
        self.sidebar.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.sidebar.setCurrentRow(0)
        self._build_menus()
        self._build_status_bar()

    def closeEvent(self, event: QCloseEvent) -> None:
        # An open record with edits asks first; "Annulla" keeps the program open.
        if not settle_open_forms(self):
            event.ignore()
            return
        self.closed.emit()
        super().closeEvent(event)

    def _logout(self) -> None:
        if settle_open_forms(self):
            self.logout_requested.emit()

    def page(self, key: str) -> QWidget:
        return self._pages[key]

    def area_titles(self) -> list[str]:
        return [a.title for a in self._areas]

    def show_area(self, index_or_key: int | str) -> None:
        if isinstance(index_or_key, str):
            index_or_key = [a.key for a in self._areas].index(index_or_key)
        self.sidebar.setCurrentRow(index_or_key)

    def _jump_to_area(self, index: int) -> None:
        """Ctrl+1..0: the area comes to the front with the cursor in its main field (a page
        names it with setFocusProxy), so that what is typed next goes there, not to the
        sidebar."""
        self.show_area(index)
        page = self.stack.currentWidget()
        if page.focusProxy() is not None:
            page.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        change_password = QAction(self.tr("Cambia &password…"), self)
        change_password.triggered.connect(self._change_password)
        settings = QAction(self.tr("&Impostazioni…"), self)
        settings.setShortcut(QKeySequence(QKeySequence.StandardKey.Preferences))
        settings.triggered.connect(self.settings_requested.emit)
        logout = QAction(self.tr("Esci dall'&account"), self)
        logout.setShortcut(QKeySequence("Ctrl+Shift+L"))
        logout.triggered.connect(self._logout)
        quit_action = QAction(self.tr("&Esci"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        for action in (change_password, settings, logout):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Aiuto"))
        logs = QAction(self.tr("Apri la cartella dei &log"), self)
        logs.triggered.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.log_dir())))
        )
        about = QAction(self.tr("&Informazioni su TIT Desktop"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(logs)
        help_menu.addAction(about)

    def _build_status_bar(self) -> None:
        actor = self.ctx.actor
        who = actor.full_name or actor.username
        self.user_label = QLabel(self.tr("Utente: {0} ({1})").format(who, actor.role_label))
        self.user_label.setObjectName("status_user")
        self.db_label = QLabel(self.tr("Database: {0}").format(self.ctx.db.describe()))
        self.db_label.setObjectName("status_database")
        bar = self.statusBar()
        bar.addWidget(self.user_label)
        bar.addPermanentWidget(self.db_label)

    def _change_password(self) -> None:
        from tit_desktop.ui.login import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.ctx.db, self.ctx.actor, parent=self)
        if dialog.exec():
            self.statusBar().showMessage(self.tr("Password cambiata."), 5000)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("Informazioni su TIT Desktop"),
            self.tr(
                "<h3>TIT Desktop {0}</h3><p>Gestione del programma «Tessiture Integrate "
                "Urbane» del Comune di Ancona: registri, servizi, percorsi, convenzione, "
                "moduli e report.</p><p>Database: {1}<br>Log: {2}</p>"
            ).format(__version__, self.ctx.db.describe(), paths.log_dir()),
        )
