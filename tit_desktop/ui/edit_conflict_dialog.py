"""A colleague saved the same record meanwhile: for each field both of you changed, choose
which version to keep. Nothing is saved here; the form shows the result, to check and save."""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from tit_desktop.services.edit_merge import Clash

LONG_WORD = re.compile(r"\S{40,}")


def _breakable(text: str) -> str:
    """A value as shown: a very long run without spaces (an IBAN, a web address) may break
    anywhere instead of widening its column out of view."""
    return LONG_WORD.sub(lambda m: "\u200b".join(m.group(0)), text)


class _Value(QLabel):
    """One version of a field, wrapped, beside its radio button; a click on it chooses it."""

    def __init__(self, text: str, button: QRadioButton) -> None:
        super().__init__(_breakable(text))
        self.button = button
        button.setAccessibleName(text)
        self.setTextFormat(Qt.TextFormat.PlainText)
        # The policy first: setting one afterwards would drop the height-for-width that
        # word wrapping asks for, and a long value would be cut instead of growing its row.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.button.setChecked(True)
        self.button.setFocus()
        super().mousePressEvent(event)


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
        grid.setVerticalSpacing(12)
        grid.setHorizontalSpacing(16)
        for column, title in (
            (0, self.tr("Dato")),
            (1, self.tr("La vostra versione")),
            (3, self.tr("La versione del collega")),
        ):
            grid.addWidget(QLabel(f"<b>{title}</b>"), 0, column, 1, 1 if column == 0 else 2)
        self.groups: list[QButtonGroup] = []
        top = Qt.AlignmentFlag.AlignTop
        for row, clash in enumerate(self.clashes, start=1):
            name = QLabel(clash.label)
            name.setWordWrap(True)
            name.setAlignment(Qt.AlignmentFlag.AlignLeft | top)
            grid.addWidget(name, row, 0)
            group = QButtonGroup(self)
            for which, (column, text, prefix) in enumerate(
                ((1, clash.mine, "mine"), (3, clash.theirs, "theirs"))
            ):
                button = QRadioButton()
                button.setObjectName(f"{prefix}_{row - 1}")
                group.addButton(button, which)
                grid.addWidget(button, row, column, top)
                grid.addWidget(_Value(text, button), row, column + 1)
            group.button(0).setChecked(True)  # nothing I typed is lost unless I choose so
            self.groups.append(group)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(2, 4)
        grid.setColumnStretch(4, 4)
        grid.setRowStretch(len(self.clashes) + 1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        # Long values wrap in their column: both versions stay side by side in view.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
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
        for action in (self.all_mine, self.all_theirs):
            action.setAutoDefault(False)  # Enter confirms the choices, wherever the focus is
        self.all_mine.clicked.connect(lambda: self._choose_all(0))
        self.all_theirs.clicked.connect(lambda: self._choose_all(1))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # Made the default once in the dialog (before, the dialog took Annulla for it).
        self.use.setDefault(True)
        width = 820
        rows = grid_host.heightForWidth(width - 40) if grid_host.hasHeightForWidth() else 0
        rows = max(rows, grid_host.sizeHint().height())
        self.resize(width, max(300, min(rows + 190, 680)))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The first choice has the focus (arrows switch it); Enter confirms the choices.
        first = self.groups[0].button(0) if self.groups else None
        if first is not None:
            first.setFocus()

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
