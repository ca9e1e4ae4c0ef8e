"""A colleague saved the same record meanwhile: for each field both of you changed, choose
which version to keep. Nothing is saved here; the form shows the result, to check and save."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from tit_desktop.services.edit_merge import Clash


class EditConflictDialog(QDialog):
    def __init__(
        self, clashes: Sequence[Clash], taken: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Modifiche in conflitto"))
        self.clashes = list(clashes)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Mentre modificavate questa scheda un collega l'ha salvata, cambiando anche "
                "dati che avete cambiato voi. Per ciascuno scegliete la versione da tenere; "
                "poi controllate la scheda e salvate."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        if taken:
            merged = QLabel(
                self.tr("Già riportate nella scheda le modifiche del collega a: {0}.").format(
                    ", ".join(taken)
                )
            )
            merged.setWordWrap(True)
            layout.addWidget(merged)
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        for column, title in enumerate(
            (self.tr("Dato"), self.tr("La vostra versione"), self.tr("La versione del collega"))
        ):
            grid.addWidget(QLabel(f"<b>{title}</b>"), 0, column)
        self.groups: list[QButtonGroup] = []
        for row, clash in enumerate(self.clashes, start=1):
            grid.addWidget(QLabel(clash.label), row, 0, Qt.AlignmentFlag.AlignTop)
            mine = QRadioButton(clash.mine)
            theirs = QRadioButton(clash.theirs)
            mine.setObjectName(f"mine_{row - 1}")
            theirs.setObjectName(f"theirs_{row - 1}")
            group = QButtonGroup(self)
            group.addButton(mine, 0)
            group.addButton(theirs, 1)
            mine.setChecked(True)  # nothing I typed is lost unless I choose so
            grid.addWidget(mine, row, 1, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(theirs, row, 2, Qt.AlignmentFlag.AlignTop)
            self.groups.append(group)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(len(self.clashes) + 1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox()
        self.all_mine = QPushButton(self.tr("Tutte le &mie"))
        self.all_theirs = QPushButton(self.tr("Tutte quelle del &collega"))
        buttons.addButton(self.all_mine, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.all_theirs, QDialogButtonBox.ButtonRole.ActionRole)
        self.use = buttons.addButton(
            self.tr("&Usa queste scelte"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.use.setDefault(True)
        self.all_mine.clicked.connect(lambda: self._choose_all(0))
        self.all_theirs.clicked.connect(lambda: self._choose_all(1))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, min(220 + 60 * len(self.clashes), 640))

    def _choose_all(self, which: int) -> None:
        for group in self.groups:
            button = group.button(which)
            if button is not None:
                button.setChecked(True)

    def take_theirs(self) -> list[tuple[str, ...]]:
        """The clashes (their field groups) where the colleague's version was chosen."""
        return [
            clash.fields
            for clash, group in zip(self.clashes, self.groups, strict=True)
            if group.checkedId() == 1
        ]
