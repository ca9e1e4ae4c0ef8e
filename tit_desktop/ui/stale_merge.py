"""A colleague saved the record while it was open here: bring their changes into the form,
field by field, without losing what was typed.

Any guarded form (:class:`~tit_desktop.ui.form_guard.FormGuard`) gets this with a few lines:
where its save catches :class:`~tit_desktop.services.errors.StaleRecord`, it calls::

    except StaleRecord:
        merge_with_colleague(self, reload=self.reload_current)
        return False

``reload`` reads the record again and fills the form with it, taking its version as the one
the next save is checked against (the dialog's own load method, as a rule). The three
versions compared, input by input, are the form as loaded (the guard's baseline), the form as
typed (*mine*) and the form put back as loaded then filled with the record as it is now
(*theirs*):

- what only the colleague changed is taken into the form without asking;
- what only I changed, or both changed the same way, stays as typed;
- where both changed the same input differently, :class:`EditConflictDialog` asks which
  version to keep.

The form then shows the merge, to check and save again. Giving up the choice leaves the form
exactly as typed, with the old version (saving again asks again); a record deleted meanwhile
is said in words and the form stays open with what was typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from tit_desktop.services import edit_merge
from tit_desktop.services.errors import NotFound, ServiceError
from tit_desktop.ui.errors import show_service_error
from tit_desktop.ui.form_guard import FormGuard, read_value, shown_text, write_value
from tit_desktop.ui.widgets import FieldErrors

EMPTY = "—"  # an empty value, as the activity log writes it


def _tr(text: str) -> str:
    return QCoreApplication.translate("stale_merge", text)


@dataclass(frozen=True)
class Shown:
    """An input's value with the words the form showed it in; compared by value only."""

    value: Any
    text: str = field(default="", compare=False)


def snapshot(widgets: Iterable[QWidget]) -> dict[QWidget, Shown]:
    """Each input's value and how it reads now."""
    return {w: Shown(read_value(w), shown_text(w)) for w in widgets}


def restore(values: Mapping[QWidget, Shown]) -> None:
    """Put each input's value back (exclusive choices last, so that the one chosen stays)."""
    ordered = sorted(
        values.items(), key=lambda item: _exclusive_group(item[0]) is not None and item[1].value
    )
    for widget, shown in ordered:
        write_value(widget, shown.value)


# --- which inputs go together, and what they are called --------------------------------------


def _exclusive_group(widget: QWidget) -> tuple[object, ...] | None:
    """Radio buttons choose one value together: their group's identity."""
    if not isinstance(widget, QAbstractButton) or not widget.isCheckable():
        return None
    group = widget.group()
    if isinstance(group, QButtonGroup) and group.exclusive():
        return ("group", id(group))
    if widget.autoExclusive():
        return ("parent", id(widget.parentWidget()))
    return None


def groups_of(widgets: Sequence[QWidget]) -> list[list[QWidget]]:
    """One group per input; the buttons of one exclusive choice form one group."""
    groups: list[list[QWidget]] = []
    by_choice: dict[tuple[object, ...], list[QWidget]] = {}
    for widget in widgets:
        choice = _exclusive_group(widget)
        if choice is None:
            groups.append([widget])
        elif choice in by_choice:
            by_choice[choice].append(widget)
        else:
            by_choice[choice] = [widget]
            groups.append(by_choice[choice])
    return groups


def _clean_caption(text: str) -> str:
    """A form label as a name: no mnemonic marks, no trailing colon or "required" star."""
    text = re.sub(r"&(.)", r"\1", text)
    text = re.sub(r"<[^>]+>", "", text)
    return text.strip().rstrip(":*").strip()


def _row_caption(widget: QWidget, form: QWidget) -> str:
    """The caption of the form row holding ``widget`` (its buddy label first)."""
    for label in form.findChildren(QLabel):
        if label.buddy() is widget and _clean_caption(label.text()):
            return _clean_caption(label.text())
    layouts = form.findChildren(QFormLayout)
    current: QWidget | None = widget
    while current is not None and current is not form:
        for layout in layouts:
            caption = layout.labelForField(current)
            if isinstance(caption, QLabel) and _clean_caption(caption.text()):
                return _clean_caption(caption.text())
        current = current.parentWidget()
    return ""


def field_label(widget: QWidget, form: QWidget) -> str:
    """What the user calls an input: its accessible name, the caption of its row, and for a
    tick box its own text ("Prestazioni: coperte")."""
    if widget.accessibleName():
        return widget.accessibleName()
    caption = _row_caption(widget, form)
    if isinstance(widget, QAbstractButton) and widget.isCheckable() and widget.text():
        own = _clean_caption(widget.text())
        if _exclusive_group(widget) is None:
            return f"{caption}: {own}" if caption and caption != own else own
        return caption or own
    if caption:
        return caption
    if isinstance(widget, QLineEdit | QPlainTextEdit) and widget.placeholderText():
        return widget.placeholderText()
    return widget.objectName() or _tr("Campo")


def _group_text(
    widgets: Sequence[QWidget], values: Mapping[str, Shown], keys: Sequence[str]
) -> str:
    if len(widgets) > 1:  # an exclusive choice: the button chosen
        for widget, key in zip(widgets, keys, strict=True):
            if values[key].value:
                return _clean_caption(widget.text()) if isinstance(widget, QAbstractButton) else ""
        return EMPTY
    return values[keys[0]].text.strip() or EMPTY


# --- the merge -------------------------------------------------------------------------------


@dataclass(frozen=True)
class FormMerge:
    """The three versions of a form compared: what to show, what to ask."""

    merge: edit_merge.EditMerge[dict[str, Shown]]
    widgets: dict[str, QWidget]

    def values(self, take_theirs: Iterable[tuple[str, ...]] = ()) -> dict[QWidget, Shown]:
        resolved = self.merge.resolve(take_theirs)
        return {self.widgets[key]: value for key, value in resolved.items()}


def compare_form(
    form: QWidget,
    base: Mapping[QWidget, object],
    mine: Mapping[QWidget, Shown],
    theirs: Mapping[QWidget, Shown],
) -> FormMerge:
    """Three-way comparison of the inputs present in all three versions."""
    widgets = [w for w in mine if w in base and w in theirs]
    keys = {w: f"{i}:{w.objectName()}" for i, w in enumerate(widgets)}
    by_key = {key: w for w, key in keys.items()}
    groups = [tuple(keys[w] for w in group) for group in groups_of(widgets)]

    def label(group: tuple[str, ...]) -> str:
        return field_label(by_key[group[0]], form)

    def show(group: tuple[str, ...], values: edit_merge.Values) -> str:
        return _group_text([by_key[k] for k in group], values, group)

    merge = edit_merge.three_way(
        {keys[w]: Shown(base[w]) for w in widgets},
        {keys[w]: mine[w] for w in widgets},
        {keys[w]: theirs[w] for w in widgets},
        groups,
        label,
        show,
        rebuild=lambda values: values,
        theirs_version=0,  # the form took the colleague's version when it was filled
    )
    return FormMerge(merge, by_key)


def _state(form: QWidget, names: Sequence[str]) -> dict[str, Any]:
    return {name: getattr(form, name) for name in names}


def _put_back(
    form: QWidget,
    guard: FormGuard,
    typed: Mapping[QWidget, Shown],
    base: Mapping[QWidget, object],
    state: Mapping[str, Any],
) -> None:
    """The form exactly as it was before the merge: values, baseline, version."""
    restore(typed)
    guard.set_baseline(base)
    for name, value in state.items():
        setattr(form, name, value)


def merge_with_colleague(
    form: QDialog, reload: Callable[[], object], keep: Sequence[str] = ("version",)
) -> bool:
    """After a save refused with StaleRecord: merge the colleague's version into the form.
    ``reload`` fills the form with the record as stored now and takes its version; ``keep``
    names the form's attributes that ``reload`` changes and that must come back if the
    user gives up (the version, the record it was loaded from). True when the form now
    shows the merge, to check and save."""
    from tit_desktop.ui.edit_conflict_dialog import EditConflictDialog

    guard: FormGuard = form.form_guard  # type: ignore[attr-defined]
    base = guard.baseline
    typed = snapshot(guard.inputs())
    state = _state(form, keep)
    # The form as loaded, then filled again: an input the record does not fill shows its
    # loaded value as the colleague's, not what I typed in it.
    restore({w: Shown(value) for w, value in base.items()})
    try:
        reload()
    except NotFound:
        _put_back(form, guard, typed, base, state)
        QMessageBox.warning(
            form,
            _tr("Scheda eliminata da un collega"),
            _tr(
                "Mentre modificavate questa scheda un collega l'ha eliminata: le vostre "
                "modifiche non possono più essere salvate. Il modulo resta aperto con i dati "
                "che avete scritto, se servono per registrarli di nuovo."
            ),
        )
        return False
    except ServiceError as exc:
        _put_back(form, guard, typed, base, state)
        show_service_error(form, exc)
        return False
    theirs = snapshot(guard.inputs())
    compared = compare_form(form, base, typed, theirs)
    merge = compared.merge
    taken = list(dict.fromkeys(merge.taken))  # two inputs of one row: named once
    take: list[tuple[str, ...]] = []
    if merge.clashes:
        restore(compared.values())  # behind the question: the merge, with my versions
        dialog = EditConflictDialog(merge.clashes, taken, form)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            _put_back(form, guard, typed, base, state)
            return False  # the form stays as typed; saving again asks again
        take = dialog.take_theirs()
    guard.set_baseline({w: shown.value for w, shown in theirs.items()})
    restore(compared.values(take))
    errors = getattr(form, "errors", None)
    if isinstance(errors, FieldErrors):
        errors.clear()
    if not merge.clashes:
        QMessageBox.information(
            form,
            _tr("Scheda modificata da un collega"),
            _taken_text(taken),
        )
    return True


def _taken_text(taken: Sequence[str]) -> str:
    if not taken:
        return _tr(
            "Mentre modificavate questa scheda un collega l'ha salvata, senza cambiare i dati "
            "di questo modulo. Le vostre modifiche sono rimaste: controllate e premete Salva."
        )
    return _tr(
        "Mentre modificavate questa scheda un collega l'ha salvata. Le sue modifiche ({0}) "
        "sono state riportate nel modulo insieme alle vostre. Controllate e premete Salva."
    ).format(", ".join(taken))
