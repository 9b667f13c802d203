"""Money is exact on every database: balances, ledger amounts and order amounts are stored as whole
cents, so SQLite adds them as integers, not floating point (issue 27)."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.models import Sum

from cenconsole.accounts import services
from cenconsole.accounts.models import LedgerEntry, User
from cenconsole.accounts.selectors import ledger_check
from cenconsole.bandwidth.models import Order
from tests.factories import UserFactory, buy_package

# 21 ordinary charges of odd amounts: SQLite's REAL arithmetic left 9531.699999999993 after charges
# like these, which check_ledger then refused.
ODD_CHARGES = [
    "13.37", "0.10", "21.99", "7.77", "0.01", "33.33", "19.90", "4.44", "68.10", "0.30", "12.34",
    "99.99", "5.55", "0.20", "41.41", "3.03", "8.88", "27.27", "0.70", "61.16", "9.09",
]  # fmt: skip


def charge_odd_amounts(account):
    for amount in ODD_CHARGES:
        entry = services.balance_change(
            account=account, amount=-Decimal(amount), kind=LedgerEntry.Kind.CHARGE, description="Odd charge"
        )
        assert entry is not None
    return Decimal("10000.00") - sum(Decimal(amount) for amount in ODD_CHARGES)


def check_ledger_output():
    out = StringIO()
    call_command("check_ledger", stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.mark.django_db
def test_twenty_one_odd_charges_leave_an_exact_balance_that_passes_check_ledger(user):
    """After 21 charges of odd amounts the stored balance equals the exact sum, in the database too."""
    expected = charge_odd_amounts(user)
    assert User.objects.filter(pk=user.pk, balance=expected).exists()  # compared in the database
    assert User.objects.get(pk=user.pk).balance == expected
    assert LedgerEntry.objects.filter(account=user).aggregate(total=Sum("amount"))["total"] == expected
    assert ledger_check().disagreements == []
    assert "every balance equals the sum of its entries" in check_ledger_output()


@pytest.mark.django_db
def test_a_balance_adjusted_to_68_pays_for_a_68_package(cen_instance):
    """A staff adjustment to USD 68.00 after odd charges stores 68.00: a USD 68.00 package is then paid."""
    account = cen_instance.owner
    staff = UserFactory(username="finance", is_staff=True, is_superuser=True)
    left = charge_odd_amounts(account)
    services.balance_adjust(account=account, amount=Decimal("68.00") - left, reason="Set to 68", staff=staff)
    assert User.objects.filter(pk=account.pk, balance=Decimal("68.00")).exists()

    package = buy_package(cen_instance, area_a_code="China", area_b_code="China", bandwidth=2)

    assert package.orders.get().amount == Decimal("68.00")
    assert User.objects.get(pk=account.pk).balance == Decimal("0.00")
    assert ledger_check().disagreements == []
    assert "every balance equals the sum of its entries" in check_ledger_output()


@pytest.mark.django_db
def test_money_comes_back_as_decimal_with_two_places(user):
    """Balances, entries and sums read back as Decimal with two places, as the pages and API show them."""
    entry = services.balance_change(
        account=user, amount=Decimal("-0.5"), kind=LedgerEntry.Kind.CHARGE, description="Half a dollar"
    )
    entry.refresh_from_db()
    balance = User.objects.get(pk=user.pk).balance
    total = LedgerEntry.objects.filter(account=user).aggregate(total=Sum("amount"))["total"]
    assert [str(entry.amount), str(entry.balance_after), str(balance), str(total)] == [
        "-0.50", "9999.50", "9999.50", "9999.50",
    ]  # fmt: skip


@pytest.mark.django_db
def test_a_sub_cent_amount_is_refused_not_rounded(user):
    """The database holds whole cents: an amount with a fraction of a cent is refused, never rounded."""
    with pytest.raises(ValueError):
        services.balance_change(
            account=user, amount=Decimal("-0.005"), kind=LedgerEntry.Kind.CHARGE, description="Too fine"
        )
    assert User.objects.get(pk=user.pk).balance == Decimal("10000.00")


MONEY_COLUMNS = [
    ("accounts_user", "balance"),
    ("accounts_ledgerentry", "amount"),
    ("accounts_ledgerentry", "balance_after"),
    ("bandwidth_order", "unit_price"),
    ("bandwidth_order", "amount"),
]


def raw(table, column, pk):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [pk])  # noqa: S608 (fixed names)
        return cursor.fetchone()[0]


def migrate_to(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


def before_cents():
    """The migrations just before money became cents, and the latest ones."""
    loader = MigrationExecutor(connection).loader
    before, latest = [], []
    for app, name in (("accounts", "money_in_cents"), ("bandwidth", "money_in_cents")):
        migration = next(key for key in loader.graph.leaf_nodes(app))
        cents = next(key for key in loader.disk_migrations if key[0] == app and key[1].endswith(name))
        before.append(next(parent for parent in loader.graph.node_map[cents].parents if parent.key[0] == app).key)
        latest.append(migration)
    return before, latest


@pytest.mark.django_db(transaction=True)
def test_the_migration_turns_stored_amounts_into_exact_cents(cen_instance):
    """Migrating stored amounts to cents keeps them exact: 9860.00 becomes 986000 (not 9860) on every
    database, and a drifted SQLite REAL 9531.699999999993 becomes 953170; migrating back restores them."""
    package = buy_package(cen_instance)
    order = package.orders.get()
    entry = LedgerEntry.objects.filter(account=cen_instance.owner).latest("id")
    before, latest = before_cents()

    migrate_to(before)
    try:
        drifted = "9531.699999999993" if connection.vendor == "sqlite" else "9531.70"
        with connection.cursor() as cursor:
            cursor.execute(f"UPDATE accounts_user SET balance = {drifted} WHERE id = %s", [cen_instance.owner.pk])
            cursor.execute("UPDATE accounts_ledgerentry SET balance_after = 9860.00 WHERE id = %s", [entry.pk])
            cursor.execute("UPDATE bandwidth_order SET amount = 999999999999.99 WHERE id = %s", [order.pk])
    finally:
        migrate_to(latest)

    assert raw("accounts_user", "balance", cen_instance.owner.pk) == 953170
    assert raw("accounts_ledgerentry", "balance_after", entry.pk) == 986000
    assert raw("accounts_ledgerentry", "amount", entry.pk) == -160000
    assert raw("bandwidth_order", "amount", order.pk) == 99999999999999
    assert raw("bandwidth_order", "unit_price", order.pk) == 16000
    assert User.objects.get(pk=cen_instance.owner.pk).balance == Decimal("9531.70")
    assert Order.objects.get(pk=order.pk).amount == Decimal("999999999999.99")
