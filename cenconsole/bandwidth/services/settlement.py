"""Settling a paid order, inside the Pay pipeline's transaction (payment.order_pay, auto-renewal): what paying
each type of order does to its package (PAYMENT_STEPS), the charge that takes its price from the balance with
its ledger entry, and the refund order that gives money back (a Downgrade's unused time, an approved deletion)."""

import uuid
from decimal import Decimal

from django.contrib.auth import get_user_model

from cenconsole.accounts.models import LedgerEntry
from cenconsole.accounts.services import balance_change
from cenconsole.audit.services import audit_record
from cenconsole.cen.models import CenInstance
from cenconsole.core.errors import refusal

from .. import pricing
from ..messages import (
    INSUFFICIENT_BALANCE,
    RESIZE_STALE,
)
from ..models import BandwidthPackage, Order
from .orders import PACKAGE_TERMS, package_order
from .purchase import (
    check_no_pending_deletion,
    owned_package,
    purchase_recheck,
)
from .subscription import (
    downgrade_refund,
    resize_check,
    temporary_upgrade_check,
)


def charge(*, owner, amount, order: Order | None = None) -> None:
    """Takes amount from the balance (one conditional UPDATE, so concurrent payments never overdraw)
    with its ledger entry; refused with nothing changed when the balance is short."""
    if not amount:
        return
    # Stored in English whatever the payer's language (LedgerEntry.description_display translates it).
    description = f"{order.order_type} order {order.number}" if order else "Charge"
    entry = balance_change(
        account=owner,
        amount=-amount,
        kind=LedgerEntry.Kind.CHARGE,
        description=description,
        order_id=order.pk if order else None,
    )
    if entry is None:
        balance = get_user_model().objects.values_list("balance", flat=True).get(pk=owner.pk)
        raise refusal(INSUFFICIENT_BALANCE, "insufficient_balance", balance=f"{balance:,.2f}", amount=f"{amount:,.2f}")


def _paid_note(order: Order) -> str:
    return f"Order {order.number} paid: USD {order.amount}."


def _pay_buy(*, order: Order, now, term_start, actor, action, note) -> None:
    if order.cen_instance_id:
        # Locked like cen_instance_delete locks it: a delete and a payment never interleave.
        CenInstance.objects.select_for_update().filter(pk=order.cen_instance_id).first()
    purchase_recheck(order)
    charge(owner=order.owner, amount=order.amount, order=order)
    package = BandwidthPackage(
        owner=order.owner,
        created_at=now,
        expires_at=pricing.add_months(now, order.duration_months),
        **{field: getattr(order, field) for field in PACKAGE_TERMS},
    )
    package.save(force_insert=True)
    order.term_start, order.term_end = now, package.expires_at
    audit_record(
        actor=actor,
        action=action or "package.bought",
        target=package,
        changes={"status": (None, package.status), "cen_instance": (None, order.cen_instance_id)},
        note=note or _paid_note(order),
    )
    order.package = package


def _pay_renew(*, order: Order, now, term_start, actor, action, note) -> None:
    package = owned_package(owner=order.owner, package_id=order.package_id, lock=True)
    check_no_pending_deletion(package)
    charge(owner=order.owner, amount=order.amount, order=order)
    old_expiry = package.expires_at
    package.expires_at = pricing.renewal_expiration(
        expires_at=package.expires_at, months=order.duration_months, now=term_start or now
    )
    package.save(update_fields=["expires_at"])
    # The renewed months run from the old expiration, or from now (term_start) if it had passed.
    order.term_start, order.term_end = max(old_expiry, term_start or now), package.expires_at
    audit_record(
        actor=actor,
        action=action or "package.renewed",
        target=package,
        changes={"expires_at": (old_expiry, package.expires_at), "business_status": ("", package.business_status)},
        note=note or _paid_note(order),
    )
    order.package = package


def _pay_resize(*, order: Order, now, term_start, actor, action, note) -> None:
    package = owned_package(owner=order.owner, package_id=order.package_id, lock=True)
    if package.bandwidth != order.previous_bandwidth:
        raise refusal(RESIZE_STALE, "resize_stale", bandwidth=package.bandwidth)
    check_no_pending_deletion(package)
    resize_check(package=package, bandwidth=order.bandwidth, now=now)
    refund = downgrade_refund(package=package, bandwidth=order.bandwidth, now=now)
    charge(owner=order.owner, amount=order.amount, order=order)
    old_bandwidth = package.bandwidth
    package.bandwidth = order.bandwidth
    package.save(update_fields=["bandwidth"])
    order.term_start, order.term_end = now, package.expires_at
    audit_record(
        actor=actor,
        action=action or f"package.{order.order_type.lower()}d",
        target=package,
        changes={"bandwidth": (old_bandwidth, package.bandwidth)},
        note=note or _paid_note(order),
    )
    order.package = package
    if refund:
        refund_create(
            package=package,
            amount=refund,
            now=now,
            note=f"Downgrade order {order.number}: {old_bandwidth} → {package.bandwidth} Mbps, unused paid time.",
        )


def _pay_temporary_upgrade(*, order: Order, now, term_start, actor, action, note) -> None:
    package = owned_package(owner=order.owner, package_id=order.package_id, lock=True)
    if package.bandwidth != order.previous_bandwidth:
        raise refusal(RESIZE_STALE, "resize_stale", bandwidth=package.bandwidth)
    check_no_pending_deletion(package)
    temporary_upgrade_check(package=package, bandwidth=order.bandwidth, ends_at=order.ends_at, now=now)
    charge(owner=order.owner, amount=order.amount, order=order)
    old_bandwidth = package.bandwidth
    package.bandwidth, package.temporary_upgrade_from = order.bandwidth, old_bandwidth
    package.temporary_upgrade_ends_at = order.ends_at
    package.save(update_fields=["bandwidth", "temporary_upgrade_from", "temporary_upgrade_ends_at"])
    # Its paid term (the refund rule's): the bandwidth above the old one, from now until it ends.
    order.term_start, order.term_end = now, order.ends_at
    audit_record(
        actor=actor,
        action=action or "package.temporarily_upgraded",
        target=package,
        changes={"bandwidth": (old_bandwidth, package.bandwidth), "temporary_upgrade_ends_at": (None, order.ends_at)},
        note=note or _paid_note(order),
    )
    order.package = package


PAYMENT_STEPS = {
    Order.Type.BUY: _pay_buy,
    Order.Type.RENEW: _pay_renew,
    Order.Type.UPGRADE: _pay_resize,
    Order.Type.DOWNGRADE: _pay_resize,
    Order.Type.TEMP_UPGRADE: _pay_temporary_upgrade,
}


def settle(order: Order, *, now, term_start=None, by_owner: bool = True, action: str = "", note: str = "") -> Order:
    """The pipeline's last steps for a locked unpaid order, inside the caller's transaction: the
    order's change and its charge, then the order marked paid, with one audit record of the change
    (by the owner, or by the console itself with `action` and `note` saying why). `term_start` is when
    renewed time starts if the package has expired (auto-renewal: the old expiration; else now)."""
    actor = order.owner if by_owner else None
    PAYMENT_STEPS[order.order_type](order=order, now=now, term_start=term_start, actor=actor, action=action, note=note)
    order.status, order.paid_at = Order.Status.PAID, now
    order.save(update_fields=["status", "paid_at", "package", "term_start", "term_end"])
    return order


def refund_create(*, package: BandwidthPackage, amount: Decimal, now, note: str) -> Order:
    """Money back for a package: a Refund order (on Orders, linked to the package) and its ledger
    credit, in the caller's transaction."""
    order = package_order(
        package,
        order_type=Order.Type.REFUND,
        bandwidth=package.bandwidth,
        amount=amount,
        status=Order.Status.REFUNDED,
        note=note[:256],
        owner=package.owner,
        idempotency_key=f"refund:{uuid.uuid4().hex}",
        created_at=now,
        paid_at=now,
        package_version=None,
    )
    order.save(force_insert=True)
    balance_change(
        account=package.owner,
        amount=amount,
        kind=LedgerEntry.Kind.REFUND,
        description=f"Refund order {order.number}: {note}"[:256],
        order_id=order.pk,
    )
    audit_record(
        actor=None,
        action="package.refunded",
        target=package,
        changes={"refund": (None, str(amount))},
        note=f"Refund order {order.number}: USD {amount}. {note}",
    )
    return order
