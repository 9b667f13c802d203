"""Signing in and reading the signed-in account: Django's ModelBackend, reading the account of a
request's session through one statement compiled once per process. Every signed-in request reads the
account row; building that SELECT through the ORM each time cost more than running it (about 0.2 ms of
a page's 1 to 2: scripts/profile.py), so the statement, its columns and their converters are kept, and
each request runs it and makes the account from the row (Model.from_db, as the ORM does).

The same statement reads the database's write version (core.write_version) into `page_version`: what the
page cache (core.page_cache) keys a signed-in page by, at no query of its own."""

from functools import cache

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db import DEFAULT_DB_ALIAS, connections

from cenconsole.core.write_version import version_sql

ACCOUNT_BACKEND = "cenconsole.accounts.backends.AccountBackend"
# The backend sessions signed in before AccountBackend name (SessionAuthenticationMiddleware renames it).
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


@cache
def _account_statement(alias: str):
    """(SQL with one parameter, the account's key; the columns' attribute names; their converters by
    position): what `User.objects.get(pk=...)` runs, compiled once, with the write version as a last column."""
    query = get_user_model()._default_manager.filter(pk=0).query
    compiler = query.get_compiler(using=alias)
    sql, params = compiler.as_sql()
    if list(params) != [0]:
        raise RuntimeError(f"unexpected parameters for the account statement: {params!r}")
    select, separator, rest = sql.partition(" FROM ")
    if not separator:
        raise RuntimeError(f"unexpected account statement: {sql!r}")
    sql = f"{select}, {version_sql(connections[alias].vendor)}{separator}{rest}"
    columns = compiler.select
    attnames = [column.target.attname for column, _sql, _alias in columns]
    converters = compiler.get_converters([column for column, _sql, _alias in columns])
    return sql, attnames, converters


def account_by_pk(pk, *, alias: str = DEFAULT_DB_ALIAS):
    """The account with this key, as `User.objects.get(pk=pk)` reads it, or None."""
    sql, attnames, converters = _account_statement(alias)
    connection = connections[alias]
    with connection.cursor() as cursor:
        cursor.execute(sql, [pk])
        row = cursor.fetchone()
    if row is None:
        return None
    *row, version = row
    for position, (functions, expression) in converters.items():
        for function in functions:  # as the compiler's apply_converters, with this thread's connection
            row[position] = function(row[position], expression, connection)
    user = get_user_model().from_db(alias, attnames, row)
    user.page_version = version
    return user


class AccountBackend(ModelBackend):
    """ModelBackend (sign in with username and password, permissions), reading a session's account with
    account_by_pk."""

    def get_user(self, user_id):
        user = account_by_pk(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None
