"""The signed-in account is read with a statement compiled once (accounts.backends): the same account
the ORM reads, in one query."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model

from cenconsole.accounts.backends import AccountBackend, account_by_pk
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_account_is_read_as_the_orm_reads_it(django_assert_num_queries):
    """Every field of the account (money, times, durations, JSON) is what User.objects.get gives, in one query."""
    user = UserFactory(clock_offset=timedelta(days=2, hours=3), signed_out_sessions={"abc": 123})
    get_user_model().objects.filter(pk=user.pk).update(balance="1234.56")
    expected = get_user_model().objects.get(pk=user.pk)
    with django_assert_num_queries(1):
        account = account_by_pk(user.pk)
    fields = [field.attname for field in get_user_model()._meta.concrete_fields]
    assert {name: getattr(account, name) for name in fields} == {name: getattr(expected, name) for name in fields}
    assert account._state.adding is False and account._state.db == "default"


def test_an_unknown_account_is_none():
    """No account with that key: None, as ModelBackend.get_user gives."""
    assert account_by_pk(987654) is None


def test_an_inactive_account_is_not_signed_in():
    """AccountBackend, like ModelBackend, gives no user for an inactive account."""
    user = UserFactory(is_active=False)
    assert AccountBackend().get_user(user.pk) is None
