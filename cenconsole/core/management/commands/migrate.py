"""`manage.py migrate`, one process at a time: two app servers started together on one database (two
`make run`) would otherwise both apply the same migrations, and the second would crash (a duplicate
table or type). On PostgreSQL the command holds an advisory lock (per database) while it migrates; on
an SQLite file, an exclusive lock on a file beside it. The second waits, then finds nothing to do."""

import fcntl
from contextlib import contextmanager
from pathlib import Path

from django.core.management.commands.migrate import Command as DjangoMigrateCommand
from django.db import connections

# pg_advisory_lock's key for migrations: any constant shared by every process of the console.
MIGRATE_LOCK_KEY = 0x43454E_4D4947  # "CEN" "MIG"


@contextmanager
def migrations_serialised(database: str):
    """Held while migrating `database`: one process at a time across app servers."""
    connection = connections[database]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [MIGRATE_LOCK_KEY])
        try:
            yield
        finally:
            if connection.connection is not None:  # a lost connection has released the lock already
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [MIGRATE_LOCK_KEY])
        return
    name = str(connection.settings_dict.get("NAME") or "")
    if connection.vendor != "sqlite" or not name or name == ":memory:" or name.startswith("file:"):
        yield
        return
    with open(Path(f"{name}-migrate-lock"), "a") as lock_file:
        fcntl.flock(lock_file, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock_file, fcntl.LOCK_UN)


class Command(DjangoMigrateCommand):
    help = DjangoMigrateCommand.help + " One process at a time per database (an advisory lock on PostgreSQL)."

    def handle(self, *args, **options):
        with migrations_serialised(options["database"]):
            return super().handle(*args, **options)
