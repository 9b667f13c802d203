"""Account IDs as Alibaba Cloud shows them (accounts.uids): 16 digits, one per account and back again,
with an earlier release's row keys still read as the accounts they named."""

import pytest

from cenconsole.accounts.uids import account_pk, account_uid, names_account
from tests.factories import UserFactory


@pytest.mark.parametrize("pk", [1, 2, 3, 40, 10**6, 10**12])
def test_an_account_id_is_16_digits_and_leads_back_to_its_account(pk):
    """Every row key has a 16-digit ID, and that ID reads back as the same row key."""
    uid = account_uid(pk)
    assert len(str(uid)) == 16
    assert account_pk(str(uid)) == pk


def test_neighbouring_accounts_have_scattered_ids():
    """Accounts 1, 2 and 3 do not get 1..., 2..., 3... IDs a caller could guess from one another."""
    first, second = account_uid(1), account_uid(2)
    assert abs(first - second) > 10**9


def test_ids_do_not_collide():
    """Ten thousand accounts, ten thousand IDs."""
    assert len({account_uid(pk) for pk in range(1, 10_001)}) == 10_000


@pytest.mark.parametrize("text", ["", "abc", "0", "-1", "01234567890123456", "12345678901234567", "1.5"])
def test_text_that_is_no_account_id_names_no_account(text):
    """Neither 16 digits nor an earlier row key: no account."""
    assert account_pk(text) is None


@pytest.mark.django_db
def test_an_account_is_named_by_its_id_and_by_its_old_row_key():
    """Terraform state from before 16-digit IDs holds the row key: both name the account."""
    account = UserFactory()
    assert names_account(str(account_uid(account.pk)), account)
    assert names_account(str(account.pk), account)
    assert not names_account(str(account_uid(account.pk + 1)), account)
