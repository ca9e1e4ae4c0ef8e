"""One permission matrix, walked: every service that writes or takes data out, called as every
role, refused or let through exactly as tests/unit/golden/permission_matrix.txt says.

The golden file is the matrix in one place (service x role), readable by whoever checks the
roles of docs/ruoli.md; it is produced by calling the real services, so a service that stops
checking its permission, or a role that gains one, changes the file and fails this test.
The command-line walk (tests/integration/test_cli_role_walk.py) and the window walk
(tests/ui/test_role_walk.py) reach the same services from the outside.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import make_user
from tests.golden import assert_matches_golden
from tests.unit.test_permissions import WRITE_SERVICES
from tit_desktop.models import Role
from tit_desktop.services.database import Database
from tit_desktop.services.errors import PermissionDenied
from tit_desktop.services.permissions import ROLE_PERMISSIONS, Permission

ROLES = (Role.ADMIN, Role.COORDINATOR, Role.OPERATOR, Role.READ_ONLY)


def _outcome(call, db: Database, actor, tmp: Path) -> str:  # type: ignore[no-untyped-def]
    try:
        call(db, actor, tmp)
    except PermissionDenied as exc:
        return f"no ({Permission[exc.permission].value})" if exc.permission else "no"
    except Exception:
        return "sì"
    return "sì"


def test_every_service_obeys_the_matrix(sqlite_db: Database, tmp_path: Path) -> None:
    actors = {role: make_user(sqlite_db, f"utente-{role.value}", role) for role in ROLES}
    lines = ["servizio | " + " | ".join(r.value for r in ROLES)]
    for name in sorted(WRITE_SERVICES):
        cells = []
        for role in ROLES:
            folder = tmp_path / f"{name}-{role.value}"
            folder.mkdir()
            cells.append(_outcome(WRITE_SERVICES[name], sqlite_db, actors[role], folder))
        lines.append(f"{name} | " + " | ".join(cells))
    lines.append("")
    lines.append("permessi per ruolo:")
    for role in ROLES:
        held = sorted(p.value for p in ROLE_PERMISSIONS[role])
        lines.append(f"{role.value}: " + "; ".join(held))
    assert_matches_golden("\n".join(lines) + "\n", "permission_matrix.txt")
