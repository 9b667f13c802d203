"""accounts.services.balance_adjust: staff change a balance only with a reason, through the ledger."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cenconsole.accounts import services
from cenconsole.accounts.messages import ADJUSTMENT_NEGATIVE_BALANCE, ADJUSTMENT_REASON_REQUIRED
from cenconsole.accounts.models import LedgerEntry, User
from cenconsole.accounts.selectors import ledger_check
from cenconsole.audit.models import AuditRecord
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(db):
    return UserFactory(username="finance", is_staff=True, is_superuser=True)


def balance(account):
    return User.objects.get(pk=account.pk).balance


def refused_code(**arguments):
    with pytest.raises(ValidationError) as refused:
        services.balance_adjust(**arguments)
    return refused.value


def test_credit_writes_an_adjustment_entry_by_the_staff_member(user, staff):
    """A positive adjustment adds to the balance with one entry: kind adjustment, the reason, who made it."""
    entry = services.balance_adjust(account=user, amount=Decimal("50.25"), reason="Goodwill credit", staff=staff)
    assert balance(user) == Decimal("10050.25")
    assert (entry.kind, entry.amount, entry.balance_after) == ("adjustment", Decimal("50.25"), Decimal("10050.25"))
    assert (entry.description, entry.created_by_id) == ("Goodwill credit", staff.pk)
    assert ledger_check().disagreements == []


def test_adjustment_leaves_an_audit_record(user, staff):
    """The audit record names the staff member, the account, the old and new balance and the reason."""
    services.balance_adjust(account=user, amount=Decimal("-100"), reason="Duplicate credit", staff=staff)
    record = AuditRecord.objects.for_target(user).get()
    assert (record.actor_id, record.action, record.note) == (staff.pk, "balance.adjusted", "Duplicate credit")
    assert record.changes == {"balance": ["10000.00", "9900.00"]}


def test_debit_down_to_zero_is_allowed(user, staff):
    """A negative adjustment of the whole balance leaves exactly zero."""
    services.balance_adjust(account=user, amount=Decimal("-10000"), reason="Closing", staff=staff)
    assert balance(user) == Decimal("0.00")


def test_debit_below_zero_is_refused_and_changes_nothing(user, staff):
    """An adjustment that would make the balance negative is refused: no entry, no audit record."""
    error = refused_code(account=user, amount=Decimal("-10000.01"), reason="Too much", staff=staff)
    assert error.error_dict["amount"][0].code == "negative_balance"
    assert error.error_dict["amount"][0].message == ADJUSTMENT_NEGATIVE_BALANCE
    assert balance(user) == Decimal("10000.00")
    assert not LedgerEntry.objects.filter(kind="adjustment").exists() and not AuditRecord.objects.exists()


@pytest.mark.parametrize("reason", ["", "   ", None])
def test_an_empty_reason_is_refused(user, staff, reason):
    """Without a reason nothing is changed."""
    error = refused_code(account=user, amount=Decimal("5"), reason=reason, staff=staff)
    assert error.error_dict["reason"][0].message == ADJUSTMENT_REASON_REQUIRED
    assert balance(user) == Decimal("10000.00")


def test_a_zero_amount_is_refused(user, staff):
    """An adjustment of zero is refused (a ledger entry always moves money)."""
    error = refused_code(account=user, amount=Decimal("0"), reason="Nothing", staff=staff)
    assert error.error_dict["amount"][0].code == "adjustment_zero"


def test_a_balance_beyond_what_the_field_holds_is_refused(user, staff):
    """A credit that would overflow the balance is refused, not a database error."""
    error = refused_code(account=user, amount=Decimal("999999999999.99"), reason="Huge", staff=staff)
    assert error.error_dict["amount"][0].code == "balance_too_large"


def test_staff_without_the_change_permission_cannot_adjust(user):
    """Staff status alone is not enough: PermissionDenied, nothing changed."""
    with pytest.raises(PermissionDenied):
        services.balance_adjust(account=user, amount=Decimal("5"), reason="x", staff=UserFactory(is_staff=True))
    assert balance(user) == Decimal("10000.00")
