"""The database's write version: a number that grows with every committed write, read with the signed-in
account's row (accounts.backends) at no extra query. A page cached under one version (core.page_cache) is
never served once anything has been written since, by this process or any other app server on the same
database, through the ORM or raw SQL, by a request, a command or the API.

Every statement that changes rows (INSERT, UPDATE, DELETE, REPLACE with a row count other than 0) moves the
version, through an execute wrapper every connection carries from the moment it connects:

- SQLite: `UPDATE core_page_version SET value = value + 1` right after the write, on the same connection. In a
  transaction it commits (or rolls back) with the write itself: a reader sees the new rows and the new number
  together, or neither.
- PostgreSQL: `nextval('core_page_version_seq')` right after the write, and once more when the transaction
  commits (a sequence is not transactional: a reader who saw the first number before the commit may have
  cached the rows as they were; the second number, after the commit, is one no such reader saw).

The table and the sequence are made by migration core 0001 outside the ORM's models, so a test database's
flush never resets them: the version only grows. Before they exist (a `migrate` of a new database) writes
move nothing."""

from django.db import connections
from django.db.backends.signals import connection_created

SQLITE_TABLE = "core_page_version"
POSTGRES_SEQUENCE = "core_page_version_seq"
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


def version_sql(vendor: str) -> str:
    """A scalar subquery giving the current version, to add to a SELECT."""
    if vendor == "postgresql":
        return f"(SELECT last_value FROM {POSTGRES_SEQUENCE})"
    return f"(SELECT value FROM {SQLITE_TABLE} WHERE id = 1)"


def _ready(connection) -> bool:
    """Whether this database has the version's table or sequence (once true, kept for the connection)."""
    if getattr(connection, "_write_version_ready", False):
        return True
    raw = connection.connection
    if connection.vendor == "postgresql":
        row = raw.execute("SELECT 1 FROM pg_class WHERE relkind = 'S' AND relname = %s", [POSTGRES_SEQUENCE]).fetchone()
    elif connection.vendor == "sqlite":
        row = raw.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [SQLITE_TABLE]).fetchone()
    else:
        row = None
    connection._write_version_ready = row is not None
    return connection._write_version_ready


def _bump(connection) -> None:
    """Moves the version, on the connection's own driver connection: outside the query log and the execute
    wrappers (the statement is the version's, not the caller's: query counts stay the caller's)."""
    raw = connection.connection
    if connection.vendor == "postgresql":
        raw.execute(f"SELECT nextval('{POSTGRES_SEQUENCE}')")
    else:
        raw.execute(f"UPDATE {SQLITE_TABLE} SET value = value + 1 WHERE id = 1")


def _after_commit_hook(connection):
    """The connection's one after-commit bump (PostgreSQL), registered at most once per transaction."""
    hook = getattr(connection, "_write_version_after_commit", None)
    if hook is None:

        def hook():
            if connection.connection is not None:
                _bump(connection)

        connection._write_version_after_commit = hook
    return hook


def changes_rows(sql: str, cursor) -> bool:
    """Whether a statement just run on cursor may have changed rows (a read is told by its first word, before
    the row count is asked). An INSERT always counts: with RETURNING, SQLite counts its rows only once they
    are read, after the wrapper has returned."""
    verb = sql.lstrip()[:7].upper()
    if not verb.startswith(WRITES):
        return False
    return verb.startswith("INSERT") or cursor.rowcount != 0


def on_write(execute, sql, params, many, context):
    """The execute wrapper: runs the statement, then moves the version if it changed rows."""
    result = execute(sql, params, many, context)
    if not changes_rows(sql, context["cursor"]):
        return result
    connection = context["connection"]
    if not _ready(connection):
        return result
    _bump(connection)
    if connection.vendor == "postgresql" and connection.in_atomic_block:
        hook = _after_commit_hook(connection)
        if not any(entry[1] is hook for entry in connection.run_on_commit):
            connection.on_commit(hook)
    return result


def install(sender, connection, **kwargs) -> None:
    """connection_created: every new connection carries on_write, first (outermost) of its wrappers, so a
    caller's own `connection.execute_wrapper()` (which pops the last wrapper) leaves it in place."""
    connection._write_version_ready = False  # a new database (a test database) may not have it yet
    if on_write not in connection.execute_wrappers:
        connection.execute_wrappers.insert(0, on_write)


def connect() -> None:
    connection_created.connect(install, dispatch_uid="core.write_version")
    for connection in connections.all(initialized_only=True):  # opened before the app was ready
        if connection.connection is not None:
            install(None, connection)
