"""Upgrading from a release before order deadlines and the ledger (bab3247 and older).

Unpaid orders made by that code have no pay_before (they never lapsed) and change orders no
package_version (Pay could not tell that their package had changed since they were priced). And
accounts of that time opened their ledger with one "Opening balance" entry (accounts 0005), so their
Billing page showed none of the charges before it. This migration applies today's rules to both:

- an unpaid Renew, Upgrade or Downgrade whose package has changed since it was placed (released, or
  changed by a later paid order) is cancelled, with a note that says so on Orders and the order page;
- every other old unpaid order gets the deadline every order has (ORDER_PAYMENT_WINDOW_HOURS after it
  was placed; past it, the order has lapsed then, with nothing charged), and a change order the
  version of its package it was priced on, so Pay checks the package and the price as for any order;
- an account whose ledger opens with "Opening balance" gets its ledger rebuilt from what happened:
  the opening credit when the account was made (what it held before its first payment), then one
  charge per order paid before that entry, then its later entries as they were. The running balances
  and the balance are unchanged, so check_ledger still passes.
"""

from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.db import migrations
from django.utils import timezone

# The note of an order this migration cancels (shown through core.notes, translated there).
CANCELLED_ON_UPGRADE = (
    "Cancelled when the console was upgraded: its bandwidth package has changed since the order was priced. "
    "Nothing was charged: place a new order."
)
CHANGE_TYPES = ("Renew", "Upgrade", "Downgrade")


def _package_version(package) -> dict:
    """BandwidthPackage.version, from the historical model."""
    if package.released_at:
        status = "Released"
    else:
        status = "InUse" if package.cen_instance_id else "Idle"
    return {
        "bandwidth": package.bandwidth,
        "expires_at": package.expires_at.isoformat(),
        "status": status,
        "cen_instance": package.cen_instance_id,
    }


def _package_changed_since(Order, order) -> bool:
    package = order.package
    if package.released_at:
        return True
    if order.order_type in ("Upgrade", "Downgrade") and package.bandwidth != order.previous_bandwidth:
        return True
    return (
        Order.objects.filter(package_id=order.package_id, status="Paid", order_type__in=CHANGE_TYPES)
        .filter(paid_at__gt=order.created_at)
        .exclude(pk=order.pk)
        .exists()
    )


def old_unpaid_orders(apps, schema_editor):
    Order = apps.get_model("bandwidth", "Order")
    now = timezone.now()
    window = timedelta(hours=settings.ORDER_PAYMENT_WINDOW_HOURS)
    for order in Order.objects.filter(status="Unpaid", pay_before__isnull=True).select_related("package"):
        fields = ["pay_before"]
        order.pay_before = order.created_at + window
        if order.order_type in CHANGE_TYPES:
            if _package_changed_since(Order, order):
                order.status, order.cancelled_at, order.note = "Cancelled", now, CANCELLED_ON_UPGRADE
                order.save(update_fields=[*fields, "status", "cancelled_at", "note"])
                continue
            order.package_version = _package_version(order.package)
            fields.append("package_version")
        if order.pay_before <= now:
            order.status, order.lapsed_at = "Lapsed", order.pay_before
            fields += ["status", "lapsed_at"]
        order.save(update_fields=fields)


def ledgers_from_paid_orders(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    LedgerEntry = apps.get_model("accounts", "LedgerEntry")
    Order = apps.get_model("bandwidth", "Order")
    opened = LedgerEntry.objects.filter(kind="opening_credit", description="Opening balance")
    # Accounts of that time with a zero balance got no opening entry: their ledger is empty.
    empty = User.objects.filter(ledger_entries__isnull=True, orders__status="Paid").distinct()
    accounts = set(opened.values_list("account_id", flat=True)) | set(empty.values_list("pk", flat=True))
    for account in User.objects.filter(pk__in=accounts).order_by("pk"):
        entries = list(LedgerEntry.objects.filter(account=account).order_by("id"))
        opening = next((e for e in entries if e.kind == "opening_credit" and e.description == "Opening balance"), None)
        if opening is not None and entries[0] != opening:
            continue  # not the migration's first entry: leave a ledger someone has written before it alone
        paid = Order.objects.filter(owner=account, status="Paid", amount__gt=0)
        if opening is not None:
            paid = paid.filter(paid_at__lte=opening.created_at)
        paid = list(paid.order_by("paid_at", "id"))
        balance = (opening.amount if opening else Decimal("0")) + sum((o.amount for o in paid), Decimal("0"))
        rebuilt = []
        if balance:
            rebuilt.append(
                LedgerEntry(
                    account=account,
                    kind="opening_credit",
                    amount=balance,
                    balance_after=balance,
                    description="Opening credit",
                    created_at=account.date_joined,
                )
            )
        for order in paid:
            balance -= order.amount
            rebuilt.append(
                LedgerEntry(
                    account=account,
                    kind="charge",
                    amount=-order.amount,
                    balance_after=balance,
                    description=f"{order.order_type} order {order.pk}",
                    order_id=order.pk,
                    created_at=order.paid_at,
                )
            )
        later = entries[1:] if opening is not None else entries
        for entry in later:
            entry.pk = None
        LedgerEntry.objects.filter(account=account).delete()
        # Inserted in the order they happened: check_ledger reads the running sum by id.
        LedgerEntry.objects.bulk_create([*rebuilt, *later])


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0009_verbose_names"),
        ("bandwidth", "0007_order_paid_term"),
    ]

    operations = [
        migrations.RunPython(old_unpaid_orders, migrations.RunPython.noop),
        migrations.RunPython(ledgers_from_paid_orders, migrations.RunPython.noop),
    ]
