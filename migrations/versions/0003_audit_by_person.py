"""audit rows name the person they concern; changes as JSONB on PostgreSQL

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 19:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Rows written before this revision name their person only inside ``entity``/``entity_id``
# (the person row itself) or inside ``changes`` (a note, a link, an attachment of theirs).
# Both are filled in here so that a person's trail is complete from the first row.
_PERSON_TABLES = ("person_note", "household_link", "attachment")


def _backfill(bind: sa.Connection) -> None:
    audit = sa.table(
        "audit_log",
        sa.column("id", sa.Integer),
        sa.column("entity", sa.String),
        sa.column("entity_id", sa.String),
        sa.column("person_id", sa.Integer),
        sa.column("changes", sa.JSON),
    )
    rows = bind.execute(
        sa.select(audit.c.id, audit.c.entity, audit.c.entity_id, audit.c.changes).where(
            audit.c.entity.in_(("person", *_PERSON_TABLES))
        )
    ).all()
    updates = []
    for row_id, entity, entity_id, changes in rows:
        person_id = None
        if entity == "person" and entity_id and entity_id.isdigit():
            person_id = int(entity_id)
        elif isinstance(changes, dict):
            value = changes.get("person_id")
            if isinstance(value, list):  # an update: [old, new]
                value = value[1] if value[1] is not None else value[0]
            if isinstance(value, int):
                person_id = value
        if person_id is not None:
            updates.append({"row_id": row_id, "pid": person_id})
    if updates:
        bind.execute(
            sa.update(audit)
            .where(audit.c.id == sa.bindparam("row_id"))
            .values(person_id=sa.bindparam("pid")),
            updates,
        )


def upgrade() -> None:
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("person_id", sa.Integer(), nullable=True))
        batch_op.create_index("ix_audit_log_person", ["person_id", "id"], unique=False)
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.alter_column(
            "audit_log",
            "changes",
            type_=postgresql.JSONB(),
            postgresql_using="changes::jsonb",
            existing_nullable=True,
        )
    _backfill(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.alter_column(
            "audit_log",
            "changes",
            type_=sa.JSON(),
            postgresql_using="changes::json",
            existing_nullable=True,
        )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_log_person")
        batch_op.drop_column("person_id")
