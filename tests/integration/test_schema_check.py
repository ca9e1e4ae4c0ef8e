"""The quick schema check (no Alembic) agrees with Alembic about the migrations and the
database's revision."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from tit_desktop import paths
from tit_desktop.services import schema
from tit_desktop.services.database import Database
from tit_desktop.services.errors import DatabaseVersionError


def test_the_revision_graph_read_from_the_files_is_alembics() -> None:
    script = ScriptDirectory.from_config(schema.alembic_config())
    graph = schema.revision_graph()
    assert graph.head == script.get_current_head()
    assert graph.parents == {
        revision.revision: revision.down_revision for revision in script.walk_revisions()
    }


def test_the_revision_lines_are_read_with_or_without_annotations(tmp_path: Path) -> None:
    versions = tmp_path / "versions"
    versions.mkdir()
    (versions / "a.py").write_text('revision: str = "a1"\ndown_revision: str | None = None\n')
    (versions / "b.py").write_text("revision = 'b2'\ndown_revision = 'a1'\n")
    graph = schema.revision_graph(tmp_path)
    assert graph.head == "b2"
    assert schema.knows_revision("a1", tmp_path) and not schema.knows_revision("c3", tmp_path)
    branched = tmp_path / "branched"
    (branched / "versions").mkdir(parents=True)
    for name in ("a.py", "b.py"):
        (branched / "versions" / name).write_text((versions / name).read_text())
    (branched / "versions" / "c.py").write_text('revision = "c3"\ndown_revision = "a1"\n')
    with pytest.raises(RuntimeError, match="exactly one head"):
        _ = schema.revision_graph(branched).head


def test_status_reads_the_stamp_alembic_wrote(db: Database) -> None:
    with db.engine.connect() as conn:
        stamped = MigrationContext.configure(conn).get_current_revision()
    status = schema.status(db)
    assert status.current == stamped == schema.head_revision()
    assert status.state is schema.SchemaState.CURRENT


def test_two_stamps_are_refused(db: Database) -> None:
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO alembic_version (version_num) VALUES ('0001')"))
    with pytest.raises(DatabaseVersionError, match="più versioni dello schema"):
        schema.status(db)


def test_the_migrations_ship_where_the_resolver_looks() -> None:
    assert (paths.migrations_path() / "env.py").is_file()
    assert paths.resource_path("fonts", "DejaVuSans.ttf").is_file()
