"""The person's own events on the timeline (the intake, the documents printed about them)
and the printed timeline (``cronologia --person CODICE``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO

from sqlalchemy import select
from sqlalchemy.orm import Session

from tit_desktop.models import AuditEntry, Person
from tit_desktop.models.audit import AuditAction
from tit_desktop.reports import pathway_forms
from tit_desktop.services import clock, forms, persons, timeline
from tit_desktop.services.errors import ValidationError
from tit_desktop.services.permissions import Actor, Permission, require


def _intake(session: Session, actor: Actor, person_id: int) -> list[timeline.TimelineEvent]:
    require(actor, Permission.READ_REGISTRY)
    person = session.get(Person, person_id)
    if person is None:
        return []
    staff = person.reference_staff.display_name if person.reference_staff else ""
    referrer = person.referring_organisation.name if person.referring_organisation else ""
    detail = "; ".join(
        x
        for x in (
            f"inviata da {referrer}" if referrer else "",
            f"operatore di riferimento {staff}" if staff else "",
            f"ETHOS {persons.ETHOS_LABELS.get(person.ethos_at_intake, '')}"
            if person.ethos_at_intake is not None
            else "",
        )
        if x
    )
    return [
        timeline.TimelineEvent(
            person.intake_date, "intake", "Presa in carico", detail, None, "person", person.id
        )
    ]


def _printed(session: Session, actor: Actor, person_id: int) -> list[timeline.TimelineEvent]:
    """Documents printed or exported about the person (the activity log's EXPORT rows)."""
    require(actor, Permission.READ_REGISTRY)
    rows = session.execute(
        select(AuditEntry.at, AuditEntry.detail, AuditEntry.username, AuditEntry.id)
        .where(AuditEntry.person_id == person_id, AuditEntry.action == AuditAction.EXPORT)
        .order_by(AuditEntry.id.desc())
        .limit(500)
    )
    events = []
    who = actor.can(Permission.VIEW_AUDIT)  # who printed it is the activity log's to tell
    for at, detail, username, audit_id in rows:
        local = at.astimezone()  # the PC's time, as the activity log shows it
        events.append(
            timeline.TimelineEvent(
                local.date(),
                "documents",
                f"Documento stampato: {_form_title(detail or '')}",
                f"alle {local:%H:%M} da {username}" if who else f"alle {local:%H:%M}",
                entity="audit_log",
                entity_id=audit_id,
            )
        )
    return events


def _form_title(detail: str) -> str:
    """ "modulo piano-individualizzato (it)" -> "Piano individualizzato"."""
    from tit_desktop.reports import forms as form_registry

    if detail.startswith("modulo "):
        name = detail.removeprefix("modulo ").split(" ")[0]
        try:
            return form_registry.get_form(name).title
        except KeyError:
            return name
    return detail


timeline.register_provider("intake", "Presa in carico", _intake)
timeline.register_provider("documents", "Documenti stampati", _printed)


# --- the printed timeline --------------------------------------------------------------------


def kind_choices(actor: Actor) -> list[tuple[str, str]]:
    require(actor, Permission.READ_REGISTRY)
    return [(p.kind, p.label) for p in timeline.kinds()]


def lines_for(
    session: Session, actor: Actor, person_id: int, only: Iterable[str] | None = None
) -> list[pathway_forms.TimelineLine]:
    labels = dict(kind_choices(actor))
    return [
        pathway_forms.TimelineLine(e.day, e.until, labels.get(e.kind, e.kind), e.title, e.detail)
        for e in timeline.events_for(session, actor, person_id, only)
    ]


def _fill(
    session: Session,
    actor: Actor,
    selection: Mapping[str, str],
    lang: str,
    out: str | Path | IO[bytes],
) -> forms.Printed:
    person_id = forms.person_id_for_code(session, selection["person"])
    person = session.get(Person, person_id)
    if person is None:  # pragma: no cover - found by code just above
        raise ValidationError({"person": "persona non trovata"})
    only = [k for k in (selection.get("kinds") or "").split(",") if k] or None
    lines = lines_for(session, actor, person_id, only)
    labels = dict(kind_choices(actor))
    shown = ", ".join(labels[k] for k in only if k in labels) if only else "tutti"
    pathway_forms.render_timeline(
        person.code, person.display_name, lines, shown, out, clock.today()
    )
    return forms.Printed("person", person_id, person_id)


forms.register_filler(pathway_forms.TIMELINE_FORM, _fill)
