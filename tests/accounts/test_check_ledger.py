"""`manage.py check_ledger`: every balance against the sum of its ledger entries."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from cenconsole.accounts.models import LedgerEntry, User
from cenconsole.accounts.selectors import ledger_check
from cenconsole.bandwidth import services
from tests.factories import UserFactory, buy_package, order_purchase

pytestmark = pytest.mark.django_db


def check_ledger():
    """Runs the command; (stdout, stderr) when it exits 0."""
    out, err = StringIO(), StringIO()
    call_command("check_ledger", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def failing_check_ledger():
    """Runs the command expecting it to fail; (error message, stderr)."""
    err = StringIO()
    with pytest.raises(CommandError) as failure:
        call_command("check_ledger", stdout=StringIO(), stderr=err)
    return str(failure.value), err.getvalue()


@pytest.fixture
def busy_account(cen_instance):
    """An account that bought, renewed, and failed to pay an order beyond its balance."""
    package = buy_package(cen_instance, area_a_code="China", area_b_code="China", bandwidth=2)
    renewal = services.order_create_renewal(
        terms_agreed=True, owner=package.owner, idempotency_key="renew", package_id=package.pk, duration_months=3
    )
    services.order_pay(owner=package.owner, order_id=renewal.pk)
    too_dear = order_purchase(cen_instance, area_a_code="China", area_b_code="North-America", bandwidth=1000)
    with pytest.raises(ValidationError):
        services.order_pay(owner=package.owner, order_id=too_dear.pk)
    return package.owner


def test_passes_after_purchases_renewals_and_a_failed_payment(busy_account, other_user):
    """A database changed only by the services passes: exit 0 and a summary of what was checked."""
    out, err = check_ledger()
    entries = LedgerEntry.objects.count()
    assert out.strip() == (
        f"Checked 2 accounts and {entries} ledger entries: every balance equals the sum of its entries."
    )
    assert err == ""


def test_fails_naming_an_account_whose_balance_was_set_directly(busy_account, other_user):
    """A balance set with a direct UPDATE fails the check, naming the account and both amounts."""
    expected = User.objects.get(pk=busy_account.pk).balance
    User.objects.filter(pk=busy_account.pk).update(balance=Decimal("1.00"))
    message, err = failing_check_ledger()
    assert busy_account.username in message and other_user.username not in message
    name = f"{busy_account.username} (id {busy_account.pk})"
    assert f"{name}: holds USD 1.00, its entries sum to USD {expected:,.2f}" in err


def test_fails_naming_every_account_that_disagrees(busy_account, other_user):
    """Two broken accounts are both named."""
    User.objects.update(balance=Decimal("3.00"))
    message, _ = failing_check_ledger()
    assert message.endswith(f"2 disagree with their ledger: {busy_account.username}, {other_user.username}")


def test_fails_on_an_entry_whose_balance_after_is_not_the_running_sum(busy_account):
    """An entry's balance_after edited after the fact fails the check, naming the entry."""
    entry = LedgerEntry.objects.filter(account=busy_account).order_by("id")[1]
    LedgerEntry.objects.filter(pk=entry.pk).update(balance_after=Decimal("5.00"))
    message, err = failing_check_ledger()
    assert busy_account.username in message
    assert f"entry {entry.pk}, says USD 5.00 where the running sum is USD {entry.balance_after:,.2f}" in err


def test_an_account_with_no_entries_and_no_balance_agrees():
    """An account made with a zero balance has no entries and passes."""
    UserFactory(balance=Decimal("0.00"))
    assert ledger_check().disagreements == []
