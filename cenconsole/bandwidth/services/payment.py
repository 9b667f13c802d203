"""Pay: one pipeline for every order, whoever places it (Buy Now, Renew, Upgrade, Downgrade, and
auto-renewal). Each order is locked, checked against the rules as they are now, charged in one
conditional UPDATE, and its change made, all in one transaction: no charge without the change, no
change without the charge."""

import uuid
from datetime import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext

from cenconsole.accounts.models import LedgerEntry
from cenconsole.accounts.services import balance_change
from cenconsole.audit.services import audit_record
from cenconsole.cen.models import CenInstance
from cenconsole.core import clock
from cenconsole.core.errors import refusal

from .. import pricing
from ..messages import (
    AREA_PAIR_TAKEN,
    INSUFFICIENT_BALANCE,
    ORDER_CANCELLED,
    ORDER_LAPSED,
    ORDER_LAPSED_CANNOT_CANCEL,
    ORDER_PAID,
    ORDER_PRICE_ROSE,
    ORDER_STALE,
    RESIZE_STALE,
)
from ..models import BandwidthPackage, Order
from .orders import PACKAGE_TERMS, package_order
from .purchase import (
    check_no_pending_deletion,
    order_create_purchase,
    owned_package,
    purchase_recheck,
)
from .subscription import (
    downgrade_refund,
    order_create_renewal,
    renewal_quote,
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


def _version_changes(then: dict, now: dict) -> str:
    """What changed in a package between two versions, in words."""
    labels = {
        "bandwidth": gettext("bandwidth"),
        "expires_at": gettext("expiration time"),
        "status": gettext("status"),
        "cen_instance": gettext("CEN instance"),
    }

    def shown(key, value):
        if value and key == "expires_at":
            return f"{datetime.fromisoformat(value):%Y-%m-%d %H:%M} UTC"
        if value and key == "bandwidth":
            return f"{value} Mbps"
        return value or "-"

    changed = [key for key in labels if then.get(key) != now.get(key)]
    return "; ".join(f"{labels[key]} {shown(key, then.get(key))} → {shown(key, now.get(key))}" for key in changed)


def _current_price(order: Order, package: BandwidthPackage, now) -> Decimal:
    """What the console would quote now for the order's change of the package."""
    if order.order_type == Order.Type.RENEW:
        return renewal_quote(package=package, duration_months=order.duration_months).total
    if order.order_type == Order.Type.TEMP_UPGRADE:
        return temporary_upgrade_check(package=package, bandwidth=order.bandwidth, ends_at=order.ends_at, now=now)
    return resize_check(package=package, bandwidth=order.bandwidth, now=now)[1]


def _closing_refusal(order: Order, package: BandwidthPackage | None, now) -> ValidationError | None:
    """Why the order must be closed instead of paid, having closed it (lapsed or cancelled), or None.
    Reprices an upgrade whose price fell with the hours left (it is charged the price of now)."""
    if order.pay_before and now >= order.pay_before:
        order.status, order.lapsed_at = Order.Status.LAPSED, order.pay_before
        order.save(update_fields=["status", "lapsed_at"])
        return refusal(ORDER_LAPSED, "order_lapsed", pay_before=f"{order.pay_before:%Y-%m-%d %H:%M}")
    if order.order_type not in Order.CHANGE_TYPES or order.package_version is None:
        return None
    error = None
    versions = []  # the versions the order may be paid on
    if package is not None:
        # A Renew order is priced on the package's own bandwidth (one placed before issue 27 on the
        # package as it was, a temporary bandwidth included: still payable, repriced below).
        renewal = order.order_type == Order.Type.RENEW
        versions = [package.version, *([package.renewal_version] if renewal else [])]
    if order.package_version not in versions:
        current = versions[-1] if versions else {"status": BandwidthPackage.Status.RELEASED}
        error = refusal(
            ORDER_STALE,
            "order_stale",
            package_id=order.package_id,
            changes=_version_changes(order.package_version, current),
        )
    else:
        try:
            price = _current_price(order, package, now)
        except ValidationError:
            price = None  # the step itself refuses, with its own words
        if price is not None and price > order.amount:
            error = refusal(ORDER_PRICE_ROSE, "order_stale", now=f"{price:,.2f}", then=f"{order.amount:,.2f}")
        elif price is not None and price < order.amount:
            order.amount = price
            order.save(update_fields=["amount"])
    if error is not None:
        order.status, order.cancelled_at = Order.Status.CANCELLED, now
        order.save(update_fields=["status", "cancelled_at"])
    return error


def order_pay(*, owner, order_id) -> Order:
    """Pay. Locks the package (when the order changes one) before the order, the order in which a
    deletion ticket locks them, then checks the order against the package as it is now: a lapsed or
    stale order is closed (and the refusal says why) with nothing charged. Paying a paid order again
    returns it unchanged."""
    now = clock.now()
    closing = None
    try:
        with transaction.atomic():
            package_id = Order.objects.filter(owner=owner, pk=order_id).values_list("package_id", flat=True).get()
            package = None
            if package_id:
                package = BandwidthPackage.objects.select_for_update().filter(owner=owner, pk=package_id).first()
                package = None if package is None or package.released_at else package
            order = Order.objects.select_for_update().get(owner=owner, pk=order_id)
            if order.is_paid or order.is_refund:
                return order
            if order.status == Order.Status.CANCELLED:
                raise refusal(ORDER_CANCELLED, "order_cancelled")
            if order.status == Order.Status.LAPSED:
                raise refusal(ORDER_LAPSED, "order_lapsed", pay_before=f"{order.pay_before:%Y-%m-%d %H:%M}")
            closing = _closing_refusal(order, package, now)
            if closing is None:
                return settle(order, now=now)
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            # Field errors of the purchase form mean the same thing on the order page: one list.
            raise ValidationError([e for errors in error.error_dict.values() for e in errors]) from None
        raise
    except IntegrityError:
        # Another payment bound a package for the same pair between our check and our insert.
        order = Order.objects.select_related("area_a", "area_b").get(owner=owner, pk=order_id)
        raise refusal(
            AREA_PAIR_TAKEN, "area_pair_taken", cen_id=order.cen_instance_id, areas=order.areas_label
        ) from None
    raise closing  # the order was closed in the transaction above, which committed


def buy_and_pay(*, owner, idempotency_key: str, **purchase) -> Order:
    """Buy Now and Pay at once (the API's AutoPay): a purchase that cannot be paid leaves no order."""
    with transaction.atomic():
        order = order_create_purchase(owner=owner, idempotency_key=idempotency_key, **purchase)
        return order_pay(owner=owner, order_id=order.pk)


def renew_and_pay(*, owner, idempotency_key: str, **renewal) -> Order:
    """Renew's Pay (the Renew page pays directly, as the real console's does): the Renew order placed
    and paid in one transaction through Pay; a renewal that cannot be paid (balance, package state)
    leaves no order and charges nothing. The same key again returns its paid order."""
    with transaction.atomic():
        order = order_create_renewal(owner=owner, idempotency_key=idempotency_key, **renewal)
        return order_pay(owner=owner, order_id=order.pk)


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


def orders_lapse(*, now=None, owner=None, owners=None) -> int:
    """Unpaid orders past their deadline lapse (the periodic job; Pay enforces it too). With `owner`,
    only that account's (run on its own clock); `owners` narrows the accounts by a queryset."""
    now = now or clock.now()
    orders = Order.objects.filter(status=Order.Status.UNPAID, pay_before__lte=now)
    if owner is not None:
        orders = orders.filter(owner=owner)
    if owners is not None:
        orders = orders.filter(owner__in=owners)
    return orders.update(status=Order.Status.LAPSED, lapsed_at=F("pay_before"))


def package_orders_cancel_unpaid(*, package: BandwidthPackage, now=None) -> list[int]:
    """Cancels the package's unpaid orders (Request Deletion does, with the package locked). Returns
    their numbers."""
    orders = Order.objects.filter(package=package, status=Order.Status.UNPAID)
    numbers = list(orders.values_list("pk", flat=True))
    orders.filter(pk__in=numbers).update(status=Order.Status.CANCELLED, cancelled_at=now or clock.now())
    return numbers


@transaction.atomic
def order_cancel(*, owner, order_id) -> Order:
    order = Order.objects.select_for_update().get(owner=owner, pk=order_id)
    if order.is_paid or order.is_refund:
        raise refusal(ORDER_PAID, "order_paid")
    if order.status == Order.Status.LAPSED:
        raise refusal(ORDER_LAPSED_CANNOT_CANCEL, "order_lapsed")
    if order.is_unpaid:
        order.status, order.cancelled_at = Order.Status.CANCELLED, clock.now()
        order.save(update_fields=["status", "cancelled_at"])
    return order
