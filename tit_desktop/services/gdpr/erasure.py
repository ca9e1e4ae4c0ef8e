"""Erasure by anonymisation (art. 17 of Regulation (EU) 2016/679), keeping the programme's
statistics right. What each field of the record becomes is the field catalogue's
(:mod:`tit_desktop.services.person_fields`): kept, reduced, replaced or erased."""

from __future__ import annotations

import datetime as dt
import logging

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from tit_desktop.models import Person, Sex
from tit_desktop.models.audit import AuditAction
from tit_desktop.reports.access_request import format_date
from tit_desktop.services import audit, clock, person_fields, persons
from tit_desktop.services.errors import ConflictError, ValidationError
from tit_desktop.services.gdpr import audit_scrub
from tit_desktop.services.gdpr.access import json_value
from tit_desktop.services.gdpr.registry import (
    CORE_TABLES,
    get_person,
    merged_into,
    person_columns,
    registered_sections,
)
from tit_desktop.services.gdpr.trail import current_entity_ids
from tit_desktop.services.permissions import Actor, Permission, require

log = logging.getLogger(__name__)

ANONYMOUS_CODE_PREFIX = "ANON-"
MAX_REASON_LENGTH = 500
# Person columns the year-end figures (DOMAIN.md section 7) need: kept as they are.
KEPT_FIELDS = person_fields.kept_for_statistics()


def anonymised_birth_date(birth_date: dt.date | None, intake_date: dt.date) -> dt.date | None:
    """The birth date kept after anonymisation: the year, on a day that keeps every
    year-end age band exact.

    The bands use the age on the later of 1 January Y and the intake date. 1 January stays
    1 January (documents of people whose birth day is unknown often say 1 January). Any
    other day becomes 2 January when it falls on or before the intake day of the calendar
    year, 31 December when after: the age on every 1 January and on the intake date is then
    the same as with the real date. What is kept beyond the year is one bit (birthday
    before or after the intake day), not the day."""
    if birth_date is None:
        return None
    if (birth_date.month, birth_date.day) == (1, 1):
        return birth_date
    if (birth_date.month, birth_date.day) <= (intake_date.month, intake_date.day):
        return dt.date(birth_date.year, 1, 2)
    return dt.date(birth_date.year, 12, 31)


def _anonymous_names(person: Person) -> tuple[str, str]:
    last = "Anonima" if person.sex is Sex.F else "Anonimo"
    return last, f"#{person.id}"


def _erase_identity(person: Person, now: dt.datetime) -> None:
    last, first = _anonymous_names(person)
    # REPLACED
    person.code = f"{ANONYMOUS_CODE_PREFIX}{person.id}"
    person.last_name = last
    person.first_name = first
    person.sort_key = persons.sort_key_for(last, first)
    # REDUCED
    person.birth_date = anonymised_birth_date(person.birth_date, person.intake_date)
    declined = {x for x in person.declined_fields.split(",") if x}
    person.declined_fields = ",".join(sorted(declined & KEPT_FIELDS))
    # ERASED
    for name in person_fields.erased():
        setattr(person, name, None)
    person.anonymised_at = now


def anonymise_person(
    session: Session, actor: Actor, person_id: int, reason: str, confirm_code: str
) -> None:
    """Erase a person's identity for good (art. 17 GDPR), keeping the statistics right.

    Only coordinatore and admin (Permission.ANONYMISE). Irreversible: ``confirm_code`` must
    be the person's current code, typed by the user. A person already anonymised is
    refused. ``reason`` (why: a request of the person, end of the retention period...) is
    recorded in the audit log; identifying values typed in it are replaced by ``***``.

    What happens, all or nothing (a savepoint inside the caller's transaction):

    * kept, because the year-end figures (DOMAIN.md section 7) need them: the catalogue's
      KEPT fields (sex, citizenship, ETHOS category at intake, intake date, and "non ha
      risposto" for those), and the birth YEAR on a day chosen by
      :func:`anonymised_birth_date` so that the age bands stay exact; every service row
      (stays, meals, percorsi...) keeps pointing at the record, so served persons and counts
      do not change;
    * replaced: the code becomes ``ANON-<id>``, the names "Anonimo"/"Anonima" (by the sex
      that is kept anyway) and ``#<id>``;
    * emptied: the catalogue's ERASED fields: birth place, codice fiscale, CUI, the residence
      permit, phone, e-mail, address, languages, education, employment, disability (health
      data), referring body, reference operator, consents (nothing is processed on their
      basis any more) and the record's free-text notes;
    * deleted (each deletion audited): the registry's rows about the person (notes,
      attachments, household links, "persone distinte" decisions); search words are rebuilt
      (the old name, code and codice fiscale no longer find the record; the new code and
      name do, in lists that include anonymised ones);
    * records merged into this one are the same person: they are anonymised too;
    * registered modules scrub their own free text first (their ``anonymise`` hook);
    * the audit log: rows stay (who did what, when) but the stored values of every erased
      field, of notes' text, of attachments' names and digests and the person's id in
      other persons' household links become ``***``, and the names, codes and numbers are
      taken out of the rows' free text. The rows are found through the indexed person
      column (:func:`audit.concerning`), never by reading the whole log;
    * one "anonymise" event records who, when and why, with no personal data.
    """
    require(actor, Permission.ANONYMISE)
    why = " ".join((reason or "").split())
    if not why:
        raise ValidationError({"reason": "indicare il motivo dell'anonimizzazione"})
    if len(why) > MAX_REASON_LENGTH:
        raise ValidationError({"reason": f"troppo lungo: al massimo {MAX_REASON_LENGTH} caratteri"})
    person = get_person(session, person_id, for_update=True)
    if person.anonymised_at is not None:
        raise ConflictError(
            "La persona è già stata anonimizzata il "
            f"{format_date(person.anonymised_at.astimezone())}."
        )
    if (confirm_code or "").strip() != person.code:
        raise ValidationError(
            {
                "confirm_code": (
                    f"il codice digitato non corrisponde a quello della persona ({person.code}): "
                    "l'anonimizzazione non è stata eseguita"
                )
            },
            message=(
                "Il codice digitato non corrisponde a quello della persona "
                f"({person.code}): l'anonimizzazione non è stata eseguita."
            ),
        )
    group = [person, *merged_into(session, person_id)]
    ids = frozenset(p.id for p in group)
    for p in group:
        code = f"{ANONYMOUS_CODE_PREFIX}{p.id}"
        holder = session.scalar(select(Person.id).where(Person.code == code, Person.id != p.id))
        if holder is not None:
            raise ConflictError(
                f"Il codice {code}, riservato alle schede anonimizzate, è già usato da "
                "un'altra persona: cambiatele codice e riprovate."
            )
    scrubber = audit_scrub.TextScrubber(audit_scrub.identifying_words(group))
    group_values = {
        name: {v for p in group if (v := json_value(getattr(p, name))) is not None}
        for name in person_fields.distinctive()
    }
    # What belongs to them now: their rows are deleted below, the audit rows must be found.
    known = current_entity_ids(session, ids)
    counts = {t.counted_as: 0 for t in CORE_TABLES if t.counted_as is not None}
    with session.begin_nested():
        for module in registered_sections():
            if module.anonymise is not None:
                for pid in sorted(ids):
                    module.anonymise(session, actor, pid)
        for core in CORE_TABLES:
            if core.derived or core.counted_as is None:
                continue
            columns = [getattr(core.model, c) for c in person_columns(core.model.__table__)]
            doomed = session.scalars(
                select(core.model).where(or_(*(column.in_(ids) for column in columns)))
            ).all()
            for row in doomed:
                session.delete(row)
            counts[core.counted_as] += len(doomed)
        session.flush()
        now = clock.utcnow()
        for p in group:
            _erase_identity(p, now)
        session.flush()
        # The anonymous record stays findable by its new code (in lists that show them);
        # the records merged into it keep no tokens.
        persons.write_search_tokens(session, group)
        audit_scrub.scrub_audit(session, ids, scrubber, group_values, known)
        deleted = ", ".join(f"{what} {n}" for what, n in counts.items() if n)
        detail = f"motivo: {scrubber(why)}"
        if len(group) > 1:
            detail += f"; con {len(group) - 1} schede unite"
        if deleted:
            detail += f"; eliminati: {deleted}"
        audit.record(session, actor, AuditAction.ANONYMISE, "person", person_id, detail=detail)
        session.flush()
    log.info("Persona %s anonimizzata da %s", person_id, actor.username)
