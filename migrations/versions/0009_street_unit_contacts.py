"""the street unit: contacts, their persons, operators and services, the zones; the
intake-date and someone-met rules as triggers on both engines

Revision ID: 0009
Revises: 0007
Create Date: 2026-11-28 22:44:50
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import tit_desktop.models.columns

revision: str = "0009"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "street_zone",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_street_zone")),
        sa.UniqueConstraint("name", name=op.f("uq_street_zone_name")),
    )
    op.create_table(
        "street_contact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("occurred_at", tit_desktop.models.columns.UTCDateTime(), nullable=True),
        sa.Column("place", sa.String(length=120), nullable=False),
        sa.Column("zone_id", sa.Integer(), nullable=True),
        sa.Column("anonymous_f", sa.SmallInteger(), nullable=False),
        sa.Column("anonymous_m", sa.SmallInteger(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "anonymous_f >= 0", name=op.f("ck_street_contact_anonymous_f_non_negative")
        ),
        sa.CheckConstraint(
            "anonymous_m >= 0", name=op.f("ck_street_contact_anonymous_m_non_negative")
        ),
        sa.ForeignKeyConstraint(
            ["zone_id"], ["street_zone.id"], name=op.f("fk_street_contact_zone_id_street_zone")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_street_contact")),
    )
    with op.batch_alter_table("street_contact", schema=None) as batch_op:
        batch_op.create_index("ix_street_contact_occurred_on", ["occurred_on", "id"], unique=False)
        batch_op.create_index("ix_street_contact_zone_id", ["zone_id", "occurred_on"], unique=False)

    op.create_table(
        "street_contact_service",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column(
            "service",
            sa.Enum(
                "coperte",
                "pasto",
                "bevanda calda",
                "informazioni",
                "invio a servizio",
                name="street_service",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["street_contact.id"],
            name=op.f("fk_street_contact_service_contact_id_street_contact"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_street_contact_service")),
        sa.UniqueConstraint(
            "contact_id", "service", name=op.f("uq_street_contact_service_contact_id_service")
        ),
    )
    with op.batch_alter_table("street_contact_service", schema=None) as batch_op:
        batch_op.create_index(
            "ix_street_contact_service_service", ["service", "contact_id"], unique=False
        )

    op.create_table(
        "street_contact_staff",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["street_contact.id"],
            name=op.f("fk_street_contact_staff_contact_id_street_contact"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"],
            ["staff_member.id"],
            name=op.f("fk_street_contact_staff_staff_id_staff_member"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_street_contact_staff")),
        sa.UniqueConstraint(
            "contact_id", "staff_id", name=op.f("uq_street_contact_staff_contact_id_staff_id")
        ),
    )
    with op.batch_alter_table("street_contact_staff", schema=None) as batch_op:
        batch_op.create_index(
            "ix_street_contact_staff_staff_id", ["staff_id", "contact_id"], unique=False
        )

    op.create_table(
        "street_contact_person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["street_contact.id"],
            name=op.f("fk_street_contact_person_contact_id_street_contact"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_street_contact_person_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_street_contact_person")),
        sa.UniqueConstraint(
            "contact_id", "person_id", name=op.f("uq_street_contact_person_contact_id_person_id")
        ),
    )
    with op.batch_alter_table("street_contact_person", schema=None) as batch_op:
        batch_op.create_index(
            "ix_street_contact_person_person_id", ["person_id", "contact_id"], unique=False
        )

    create_triggers(op.get_bind().dialect.name)


def downgrade() -> None:
    drop_triggers(op.get_bind().dialect.name)
    with op.batch_alter_table("street_contact_person", schema=None) as batch_op:
        batch_op.drop_index("ix_street_contact_person_person_id")

    op.drop_table("street_contact_person")
    with op.batch_alter_table("street_contact_staff", schema=None) as batch_op:
        batch_op.drop_index("ix_street_contact_staff_staff_id")

    op.drop_table("street_contact_staff")
    with op.batch_alter_table("street_contact_service", schema=None) as batch_op:
        batch_op.drop_index("ix_street_contact_service_service")

    op.drop_table("street_contact_service")
    with op.batch_alter_table("street_contact", schema=None) as batch_op:
        batch_op.drop_index("ix_street_contact_zone_id")
        batch_op.drop_index("ix_street_contact_occurred_on")

    op.drop_table("street_contact")
    op.drop_table("street_zone")


# --- the rules between rows --------------------------------------------------------------
# A refused write fails as a CHECK violation named after the rule on both engines (SQLite's
# message is the one of a failed CHECK), so that services.conflicts finds the explainer that
# services.street registers for it.

AFTER_INTAKE = "street_contact_after_intake"
SOMEONE_MET = "street_contact_someone_met"

# (trigger, table, timing and event, condition on NEW, rule)
_RULES = (
    (
        "trg_street_contact_person_after_intake",
        "street_contact_person",
        "BEFORE INSERT",
        "(SELECT p.intake_date FROM person p WHERE p.id = NEW.person_id) > "
        "(SELECT c.occurred_on FROM street_contact c WHERE c.id = NEW.contact_id)",
        AFTER_INTAKE,
    ),
    (
        "trg_street_contact_person_moved_after_intake",
        "street_contact_person",
        "BEFORE UPDATE OF person_id, contact_id",
        "(SELECT p.intake_date FROM person p WHERE p.id = NEW.person_id) > "
        "(SELECT c.occurred_on FROM street_contact c WHERE c.id = NEW.contact_id)",
        AFTER_INTAKE,
    ),
    (
        "trg_street_contact_day_after_intake",
        "street_contact",
        "BEFORE UPDATE OF occurred_on",
        "EXISTS (SELECT 1 FROM street_contact_person l JOIN person p ON p.id = l.person_id "
        "WHERE l.contact_id = NEW.id AND p.intake_date > NEW.occurred_on)",
        AFTER_INTAKE,
    ),
    (
        "trg_person_intake_before_street_contacts",
        "person",
        "BEFORE UPDATE OF intake_date",
        "EXISTS (SELECT 1 FROM street_contact_person l JOIN street_contact c "
        "ON c.id = l.contact_id WHERE l.person_id = NEW.id AND c.occurred_on < NEW.intake_date)",
        AFTER_INTAKE,
    ),
    (
        "trg_street_contact_someone_met",
        "street_contact",
        "BEFORE UPDATE OF anonymous_f, anonymous_m",
        "NEW.anonymous_f + NEW.anonymous_m = 0 AND NOT EXISTS "
        "(SELECT 1 FROM street_contact_person l WHERE l.contact_id = NEW.id)",
        SOMEONE_MET,
    ),
)


def create_triggers(dialect: str) -> None:
    for name, table, event, condition, rule in _RULES:
        if dialect == "postgresql":
            op.execute(
                f"""CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF {condition} THEN
        RAISE EXCEPTION 'new row for relation "%" violates check constraint "{rule}"',
            TG_TABLE_NAME USING ERRCODE = '23514', CONSTRAINT = '{rule}', TABLE = TG_TABLE_NAME;
    END IF;
    RETURN NEW;
END
$$"""
            )
            op.execute(
                f"CREATE TRIGGER {name} {event} ON {table} FOR EACH ROW EXECUTE FUNCTION {name}()"
            )
        else:
            op.execute(
                f"CREATE TRIGGER {name} {event} ON {table} FOR EACH ROW WHEN {condition} "
                f"BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: {rule}'); END"
            )


def drop_triggers(dialect: str) -> None:
    for name, table, _event, _condition, _rule in _RULES:
        if dialect == "postgresql":
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS {name}()")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
