"""seed_demo --balance: a top-up is a ledger adjustment like every other change of a balance."""

from decimal import Decimal

import pytest
from django.core.management import call_command

from cenconsole.accounts.models import LedgerEntry, User
from cenconsole.accounts.selectors import ledger_check

pytestmark = pytest.mark.django_db


def test_top_up_writes_one_adjustment_for_the_difference():
    """--balance above the balance adds the difference as one adjustment entry; the ledger agrees."""
    call_command("seed_demo", user="loader", password="pw", balance=Decimal("25000"))
    account = User.objects.get(username="loader")
    entry = LedgerEntry.objects.filter(account=account).first()
    assert account.balance == Decimal("25000.00")
    assert (entry.kind, entry.amount, entry.balance_after) == ("adjustment", Decimal("15000.00"), account.balance)
    assert ledger_check().disagreements == []


def test_top_up_below_the_balance_changes_nothing():
    """--balance at or below the balance writes no entry."""
    call_command("seed_demo", user="loader", password="pw", balance=Decimal("500"))
    account = User.objects.get(username="loader")
    assert account.balance == Decimal("10000.00")
    assert not LedgerEntry.objects.filter(account=account, kind="adjustment").exists()
