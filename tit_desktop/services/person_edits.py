"""A person's record saved after a colleague changed it: the three versions compared field by
field (see :mod:`edit_merge`), with the field catalogue's labels and groups."""

from __future__ import annotations

import dataclasses
from typing import Any

from sqlalchemy.orm import Session

from tit_desktop.services import audit_text, edit_merge, person_fields, persons
from tit_desktop.services.permissions import Actor, Permission, require

DECLINED_TEXT = "non ha risposto"


def _values(data: persons.PersonInput) -> dict[str, Any]:
    """Normalised values; a declinable field carries its "did not answer" mark with it."""
    clean = persons.normalise(data)
    values = edit_merge.dataclass_values(clean, exclude=("declined",))
    for name in person_fields.declinable():
        values[name] = (values[name], name in clean.declined)
    return values


def _rebuild(values: dict[str, Any]) -> persons.PersonInput:
    plain = dict(values)
    declined = set()
    for name in person_fields.declinable():
        value, refused = plain[name]
        plain[name] = value
        if refused:
            declined.add(name)
    return persons.PersonInput(**plain, declined=frozenset(declined))


def _groups() -> list[tuple[str, ...]]:
    bundled = {name for bundle in person_fields.bundles() for name in bundle}
    names = [f.name for f in dataclasses.fields(persons.PersonInput) if f.name != "declined"]
    groups: list[tuple[str, ...]] = list(person_fields.bundles())
    groups.extend((name,) for name in names if name not in bundled)
    return groups


def compare_with_current(
    session: Session,
    actor: Actor,
    person_id: int,
    base: persons.PersonInput,
    mine: persons.PersonInput,
) -> edit_merge.EditMerge[persons.PersonInput]:
    """Compare what the form loaded (``base``), what it holds now (``mine``) and the record
    now. Reading the record again is an opening, audited as such."""
    require(actor, Permission.WRITE_REGISTRY)
    current = persons.open_person(session, actor, person_id)
    refs = audit_text.References(
        organisations=dict(persons.organisation_choices(session, actor)),
        staff=dict(persons.staff_choices(session, actor)),
    )
    labels = person_fields.labels()

    def label(group: tuple[str, ...]) -> str:
        if len(group) == 1:
            return labels.get(group[0], group[0])
        if group[0].startswith("permit_"):
            return "Permesso di soggiorno"
        return labels.get(group[0], group[0])

    def show(group: tuple[str, ...], values: edit_merge.Values) -> str:
        parts = []
        for name in group:
            value = values[name]
            if name in person_fields.declinable():
                value, refused = value
                if refused:
                    parts.append(DECLINED_TEXT)
                    continue
            text = audit_text.value_text(name, _stored(value), refs)
            if text != audit_text.EMPTY or len(group) == 1:
                prefix = f"{labels.get(name, name)}: " if len(group) > 1 else ""
                parts.append(prefix + text)
        return "\n".join(parts) or audit_text.EMPTY

    return edit_merge.three_way(
        _values(base),
        _values(mine),
        _values(current.data),
        _groups(),
        label,
        show,
        _rebuild,
        current.version,
    )


def _stored(value: Any) -> Any:
    """A value in the shape the audit log stores it (dates as ISO text)."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
