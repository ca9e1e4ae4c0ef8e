"""Taking an erased identity out of the audit log: the rows stay (who did what, when), the
values that identified the person go. The rows are those of :func:`trail.find_trail`, found
through indexes; the log is never read as a whole."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from tit_desktop.models import AuditEntry, Person
from tit_desktop.models.audit import AuditAction
from tit_desktop.services import audit, audit_chain, person_fields
from tit_desktop.services.gdpr.access import json_value
from tit_desktop.services.gdpr.trail import find_trail
from tit_desktop.services.text import fold

REDACTED = audit.REDACTED

# In the audit log, values of these person columns are kept; every other one becomes ***:
# the statistics' fields and the record's bookkeeping.
AUDIT_KEPT = person_fields.with_handling(person_fields.Handling.KEPT, person_fields.Handling.SYSTEM)
# Keys of merge and undo-merge events that are only ids and bookkeeping: kept, so that the
# merge module can still tell that a merge was undone.
MERGE_KEPT = frozenset({"format", "survivor_id", "absorbed_id", "merge_audit_id"})


def identifying_words(group: Sequence[Person]) -> list[str]:
    """What to look for in free text: each identifying value as written, the names also
    word by word and without accents ("Gündoğdu", "Gundogdu")."""
    values: list[str] = []
    for p in group:
        values.extend(v for name in person_fields.in_free_text() if (v := getattr(p, name)))
        for name in (p.last_name, p.first_name):
            for variant in (name, fold(name)):
                values.append(variant)
                values.extend(w for w in variant.split() if len(w) >= 3)
    return values


class TextScrubber:
    """Replaces identifying values inside free text, as whole words, ignoring case."""

    def __init__(self, values: Iterable[str | None]) -> None:
        self._values = {v.strip() for v in values if v and v.strip()}
        words = sorted(self._values, key=len, reverse=True)
        self._pattern = (
            re.compile(
                r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE
            )
            if words
            else None
        )

    def __call__(self, text: str | None) -> str | None:
        if text is None or self._pattern is None:
            return text
        return self._pattern.sub(REDACTED, text)

    def extended(self, values: Iterable[str]) -> TextScrubber:
        return TextScrubber([*self._values, *values])

    def deep(self, value: Any) -> Any:
        if isinstance(value, str):
            return self(value)
        if isinstance(value, list):
            return [self.deep(v) for v in value]
        if isinstance(value, dict):
            return {k: self.deep(v) for k, v in value.items()}
        return value


def _redacted(value: Any, action: str) -> Any:
    if action == AuditAction.UPDATE and isinstance(value, list) and len(value) == 2:
        return [REDACTED, REDACTED]
    return REDACTED


def _replace_ids(value: Any, ids: frozenset[int]) -> Any:
    if isinstance(value, list):
        return [_replace_ids(v, ids) for v in value]
    if isinstance(value, int) and not isinstance(value, bool) and value in ids:
        return REDACTED
    return value


def _replace_values(value: Any, doomed: set[Any]) -> Any:
    if isinstance(value, list):
        return [_replace_values(v, doomed) for v in value]
    return REDACTED if value is not None and value in doomed else value


def _rewrite(
    reseals: audit_chain.Reseals,
    entry_id: int,
    old: tuple[Any, str | None],
    new: tuple[Any, str | None],
) -> bool:
    values: dict[str, Any] = {}
    if new[0] != old[0]:
        values["changes"] = new[0]
    if new[1] != old[1]:
        values["detail"] = new[1]
    if values:
        # the content hash before and after, for the chain (recorded by scrub_audit)
        reseals.before(entry_id)
        reseals.session.execute(
            update(AuditEntry)
            .where(AuditEntry.id == entry_id)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        reseals.after(entry_id)
    return bool(values)


def _partner_values(
    session: Session, partners: Iterable[int], group_values: Mapping[str, set[Any]]
) -> dict[int, dict[str, set[Any]]]:
    """For each record once merged with the persons (and since separated), the persons'
    values (as the audit log stores them) that it does not hold itself now."""
    result: dict[int, dict[str, set[Any]]] = {}
    wanted = sorted(partners)
    if not wanted:
        return result
    for partner in session.scalars(select(Person).where(Person.id.in_(wanted))):
        values = {
            name: ours - {json_value(getattr(partner, name))} for name, ours in group_values.items()
        }
        result[partner.id] = {name: v for name, v in values.items() if v}
    return result


def scrub_audit(
    session: Session,
    person_ids: frozenset[int],
    scrubber: TextScrubber,
    group_values: Mapping[str, set[Any]],
    known: Mapping[str, set[str]] | None = None,
) -> int:
    """Take the erased identity out of the audit log; the rows themselves (who did what,
    when) stay. ``known``: the persons' linked rows taken before they were deleted. Returns
    how many rows were rewritten.

    The rewritten rows stay verifiable: one more audit row records each one's content
    hash before and after (:class:`audit_chain.Reseals`)."""
    found = find_trail(session, person_ids, known)
    reseals = audit_chain.Reseals(session)
    rewritten = 0
    # 1. The records' own rows, and merges that involved the persons (a merge event holds
    #    snapshots of both records): every value but the statistical ones and the ids.
    kept = AUDIT_KEPT | MERGE_KEPT
    # the values the persons held at any time, for step 1b
    held = {name: set(values) for name, values in group_values.items()}
    for e in found.record_rows:
        changes, detail = e.changes, e.detail
        new_changes = changes
        if isinstance(changes, dict):
            for name in held.keys() & changes.keys():
                value = changes[name]
                for item in value if isinstance(value, list) else [value]:
                    if isinstance(item, str | int) and item != REDACTED:
                        held[name].add(item)
            new_changes = {
                k: v if k in kept else _redacted(v, e.action) for k, v in changes.items()
            }
        rewritten += _rewrite(reseals, e.id, (changes, detail), (new_changes, scrubber(detail)))
    # 1b. A merge copies chosen values from one record to the other; when the merge was
    #     undone, the other record's history still holds them. Those values go, unless
    #     the other person holds the same value now (then it is theirs too).
    for partner_id, values in _partner_values(session, found.partners, held).items():
        partner_rows = session.execute(
            select(AuditEntry.id, AuditEntry.changes, AuditEntry.detail).where(
                audit.concerning([partner_id]),
                AuditEntry.entity == "person",
                AuditEntry.entity_id == str(partner_id),
            )
        ).all()
        for entry_id, changes, detail in partner_rows:
            if not isinstance(changes, dict):
                continue
            new_changes = {
                k: _replace_values(v, values[k]) if k in values else v for k, v in changes.items()
            }
            rewritten += _rewrite(reseals, entry_id, (changes, detail), (new_changes, detail))
    # 2. Rows of what belonged to the persons (notes, attachments, links, modules' rows).
    for entity, rows in found.linked_rows.values():
        # An event's free text may repeat an identifying value of the row (a file name).
        seen_values = [
            v
            for e in rows
            if isinstance(e.changes, dict)
            for k, value in e.changes.items()
            if k in entity.identifying
            for v in (value if isinstance(value, list) else [value])
            if isinstance(v, str) and v != REDACTED
        ]
        entity_scrubber = scrubber.extended(seen_values)
        for e in rows:
            changes, detail = e.changes, e.detail
            new_changes = changes
            if isinstance(changes, dict):
                new_changes = {}
                for key, value in changes.items():
                    if key in entity.identifying:
                        value = _redacted(value, e.action)
                    elif entity.links_persons and key in entity.person_keys:
                        value = _replace_ids(value, person_ids)
                    new_changes[key] = scrubber.deep(value)
            rewritten += _rewrite(
                reseals, e.id, (changes, detail), (new_changes, entity_scrubber(detail))
            )
    # 3. Anything else filed under the persons (an import's message, a bulk summary...):
    #    their identifying values, wherever they appear in it.
    for e in found.other_rows:
        rewritten += _rewrite(
            reseals,
            e.id,
            (e.changes, e.detail),
            (scrubber.deep(e.changes), scrubber(e.detail)),
        )
    actor = audit.actor_of(session)
    if actor is None:
        raise RuntimeError("Anonimizzazione senza utente: usare Database.transaction(actor)")
    reseals.record(actor)
    return rewritten
