"""The database's write version (core.write_version): every statement that changes rows moves it; it is
read with the account's row, at no query of its own."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from cenconsole.accounts.backends import account_by_pk
from cenconsole.cen.models import CenInstance
from cenconsole.core.write_version import version_sql
from tests.conftest import requires_postgres
from tests.factories import CenInstanceFactory


def version() -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {version_sql(connection.vendor)}")
        return cursor.fetchone()[0]


def test_a_write_moves_the_version(db):
    before = version()
    CenInstanceFactory()
    assert version() > before


def test_an_insert_that_returns_its_key_moves_the_version(db):
    before = version()
    Group.objects.create(name="readers")  # INSERT ... RETURNING: SQLite counts its row only once it is read
    assert version() > before


def test_a_statement_that_changes_no_row_leaves_the_version(db):
    before = version()
    CenInstance.objects.filter(pk="cen-none").update(name="nothing")
    assert version() == before


def test_a_read_leaves_the_version(cen_instance):
    before = version()
    list(CenInstance.objects.all())
    assert version() == before


def test_moving_the_version_is_no_query_of_the_callers(db):
    with CaptureQueriesContext(connection) as queries:
        CenInstanceFactory()
    assert not any("page_version" in query["sql"] for query in queries)


def test_the_account_row_carries_the_version(user, django_assert_num_queries):
    with django_assert_num_queries(1):
        account = account_by_pk(user.pk)
    assert account.page_version == version()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite moves the version in the write's transaction")
def test_a_rolled_back_write_leaves_the_version_on_sqlite(db):
    before = version()
    with pytest.raises(RuntimeError), transaction.atomic():
        CenInstanceFactory()
        raise RuntimeError("roll back")
    assert version() == before


@requires_postgres
@pytest.mark.django_db(transaction=True)
def test_postgresql_moves_the_version_again_once_the_write_commits():
    before = version()
    with transaction.atomic():
        CenInstanceFactory()
        CenInstanceFactory()
        during = version()
    assert during > before
    assert version() == during + 1  # one more, after the commit, for the whole transaction
