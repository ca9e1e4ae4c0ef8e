"""The pieces of the field-by-field merge of a form: every kind of input read, written back and
named; three versions of a form compared; the conflict dialog's choices; a record deleted
meanwhile. The dialogs themselves are driven in test_stale_merge_dialogs.py."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QTextEdit,
    QTimeEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tit_desktop.services.edit_merge import Clash
from tit_desktop.services.errors import NotFound
from tit_desktop.ui import stale_merge
from tit_desktop.ui.dates import DateField
from tit_desktop.ui.edit_conflict_dialog import EditConflictDialog
from tit_desktop.ui.form_guard import FormGuard, read_value, shown_text, write_value
from tit_desktop.ui.pages.street import StaffList
from tit_desktop.ui.person_widgets import ChoiceField


class Form(QDialog):
    """A form with one input of every kind the merge handles."""

    def __init__(self) -> None:
        super().__init__()
        self.version = 1
        form = QFormLayout(self)
        self.name = QLineEdit()
        self.notes = QPlainTextEdit()
        self.rich = QTextEdit()
        self.kind = QComboBox()
        for text, data in (("(scegliere)", None), ("co-housing", "co"), ("housing first", "hf")):
            self.kind.addItem(text, data)
        self.place = QComboBox()
        self.place.setEditable(True)
        self.place.addItems(["Stazione", "Piazza Cavour"])
        self.active = QCheckBox("Attiva")
        self.hours = QSpinBox()
        self.hours.setRange(0, 500)
        self.rate = QDoubleSpinBox()
        self.opens = QTimeEdit()
        self.day = DateField()
        self.sex = ChoiceField([("F", "femmina"), ("M", "maschio")], declinable=True)
        self.staff = StaffList()
        self.staff.set_choices([(1, "Rossi Giulia"), (2, "Verdi Anna")], [1])
        time_row = QWidget()
        radios = QHBoxLayout(time_row)
        self.full = QRadioButton("tempo pieno")
        self.part = QRadioButton("tempo parziale")
        self.time = QButtonGroup(self)
        for button in (self.full, self.part):
            self.time.addButton(button)
            radios.addWidget(button)
        self.part.setChecked(True)
        services = QWidget()
        ticks = QHBoxLayout(services)
        self.blanket = QCheckBox("co&perte")
        self.meal = QCheckBox("pasto")
        ticks.addWidget(self.blanket)
        ticks.addWidget(self.meal)
        self.search = QLineEdit()
        name_label = QLabel("&Nome *:")
        name_label.setBuddy(self.name)
        form.addRow(name_label, self.name)
        form.addRow("N&ote:", self.notes)
        form.addRow("Testo:", self.rich)
        form.addRow("&Tipo:", self.kind)
        form.addRow("Luogo:", self.place)
        form.addRow("", self.active)
        form.addRow("Ore:", self.hours)
        form.addRow("Tariffa:", self.rate)
        form.addRow("Apre alle:", self.opens)
        form.addRow("Data:", self.day)
        form.addRow("Sesso:", self.sex)
        form.addRow("Operatori:", self.staff)
        form.addRow("Tempo:", time_row)
        form.addRow("Prestazioni:", services)
        form.addRow("Cerca:", self.search)
        self.guard = FormGuard(self, save=lambda: True)
        self.guard.ignore([self.search])
        self.guard.mark_clean()

    def fill(self, n: int) -> None:
        """The inputs as a colleague's version ``n`` of the record would fill them."""
        self.name.setText(f"Casa {n}")
        self.notes.setPlainText(f"riga 1\nriga {n}")
        self.rich.setPlainText(f"testo {n}")
        self.kind.setCurrentIndex(n % 3)
        self.place.setEditText(f"Via {n}")
        self.active.setChecked(n % 2 == 0)
        self.hours.setValue(10 * n)
        self.rate.setValue(n + 0.5)
        self.opens.setTime(QTime(8 + n, 30))
        self.day.set_date(dt.date(2026, 3, n))
        self.sex.set_value(None, declined=True)
        self.staff.tick([2])
        (self.part if n % 2 else self.full).setChecked(True)
        self.blanket.setChecked(True)


@pytest.fixture
def form(qtbot: QtBot) -> Form:
    widget = Form()
    qtbot.addWidget(widget)
    return widget


def test_every_kind_of_input_is_read_written_back_and_shown(form: Form) -> None:
    inputs = form.guard.inputs()
    assert form.search not in inputs  # set aside
    assert not any(w.parent() in (form.place, form.hours) for w in inputs)  # inner line edits
    before = {w: read_value(w) for w in inputs}
    form.fill(4)
    after = {w: read_value(w) for w in inputs}
    changed = [w for w in inputs if before[w] != after[w]]
    assert set(changed) == set(inputs) - {form.meal}  # every kind noticed the change
    for widget, value in before.items():
        write_value(widget, value)
    assert {w: read_value(w) for w in inputs} == before
    for widget, value in after.items():
        write_value(widget, value)
    assert {w: read_value(w) for w in inputs} == after
    assert shown_text(form.kind) == "co-housing"
    assert shown_text(form.active) == "sì"
    assert shown_text(form.opens) == "12:30"
    assert shown_text(form.day) == "04/03/2026"
    assert shown_text(form.sex) == "non ha risposto"
    assert shown_text(form.staff) == "Verdi Anna"


def test_a_combo_keeps_its_meaning_when_its_list_is_filled_again(form: Form) -> None:
    form.kind.setCurrentIndex(2)
    value = read_value(form.kind)
    form.kind.clear()
    for text, data in (("housing first", "hf"), ("(scegliere)", None), ("co-housing", "co")):
        form.kind.addItem(text, data)
    write_value(form.kind, value)
    assert (form.kind.currentData(), form.kind.currentText()) == ("hf", "housing first")
    # A choice the list no longer offers is shown again rather than lost.
    write_value(form.kind, ("old", "accoglienza notturna"))
    assert form.kind.currentText() == "accoglienza notturna"


def test_inputs_are_named_as_the_form_names_them(form: Form) -> None:
    def label(widget: QWidget) -> str:
        return stale_merge.field_label(widget, form)

    assert label(form.name) == "Nome"
    assert label(form.notes) == "Note"
    assert label(form.active) == "Attiva"
    assert label(form.blanket) == "Prestazioni: coperte"
    assert label(form.full) == "Tempo"
    form.hours.setAccessibleName("Ore previste")
    assert label(form.hours) == "Ore previste"


def test_three_versions_compared_input_by_input(form: Form) -> None:
    base = form.guard.baseline
    form.name.setText("Casa mia")  # only mine
    form.notes.setPlainText("nota mia")  # both, differently
    form.full.setChecked(True)  # both, the same way
    mine = stale_merge.snapshot(form.guard.inputs())
    form.fill(2)  # the colleague: everything changed
    theirs = stale_merge.snapshot(form.guard.inputs())

    compared = stale_merge.compare_form(form, base, mine, theirs)

    clashes = {c.label: (c.mine, c.theirs) for c in compared.merge.clashes}
    assert clashes == {
        "Nome": ("Casa mia", "Casa 2"),
        "Note": ("nota mia", "riga 1\nriga 2"),
    }
    assert "Tempo" not in compared.merge.taken  # both chose "tempo pieno"
    assert {"Tipo", "Ore", "Operatori", "Prestazioni: coperte"} <= set(compared.merge.taken)
    kept = compared.values()
    assert kept[form.name].value == "Casa mia" and kept[form.hours].value == 20
    taken = compared.values([compared.merge.clashes[1].fields])
    assert taken[form.notes].value == "riga 1\nriga 2" and taken[form.name].value == "Casa mia"
    # The radio buttons of one choice are one field: never two of them chosen.
    stale_merge.restore(kept)
    assert form.full.isChecked() and not form.part.isChecked()


def _merge(form: Form, reload: object) -> bool:
    return stale_merge.merge_with_colleague(form, reload)  # type: ignore[arg-type]


def test_a_record_deleted_meanwhile_is_said_and_the_form_kept(
    form: Form, message_boxes: list[tuple[str, str]]
) -> None:
    form.name.setText("Casa mia")

    def gone() -> None:
        form.fill(2)  # half filled when the record turned out to be gone
        form.version = 9
        raise NotFound("non trovato")

    assert _merge(form, gone) is False
    assert form.name.text() == "Casa mia" and form.hours.value() == 0
    assert form.version == 1
    assert form.guard.is_dirty()
    assert len(message_boxes) == 1 and "eliminata" in message_boxes[0][1]


def test_taking_the_colleague_version_moves_the_baseline_to_it(
    form: Form, message_boxes: list[tuple[str, str]]
) -> None:
    form.meal.setChecked(True)

    def reload() -> None:
        form.fill(2)
        form.version = 2

    assert _merge(form, reload) is True
    assert form.version == 2
    assert form.meal.isChecked() and form.name.text() == "Casa 2" and form.hours.value() == 20
    assert form.guard.is_dirty()  # my tick is not saved yet
    form.meal.setChecked(False)
    assert not form.guard.is_dirty()  # the colleague's version is what is saved now
    assert "Nome" in message_boxes[0][1] and "pasto" not in message_boxes[0][1]


def test_conflict_dialog_long_values_wrap_and_clicking_a_value_chooses_it(
    qtbot: QtBot,
) -> None:
    notes = "Ospite tranquillo, lavora di notte al porto.\n" * 6
    iban = "IT60X0542811101000000123456" * 3
    dialog = EditConflictDialog(
        [Clash(("notes",), "Note", notes, "Nessuna"), Clash(("iban",), "IBAN", iban, "—")],
        ["Telefono"],
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    values = dialog.findChildren(QLabel)
    for label in values:
        if label.text().replace("\u200b", "") in (notes.strip(), iban):
            assert label.height() >= label.heightForWidth(label.width())  # nothing cut
            assert label.geometry().right() <= label.parentWidget().width()
    assert dialog.use.isDefault()
    assert dialog.take_theirs() == []
    theirs_value = next(v for v in values if v.text() == "Nessuna")
    qtbot.mouseClick(theirs_value, Qt.MouseButton.LeftButton)
    assert dialog.take_theirs() == [("notes",)]
