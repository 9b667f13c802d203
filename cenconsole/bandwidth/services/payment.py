"""Pay: one pipeline for every order, whoever places it (Buy Now, Renew, Upgrade, Downgrade, and
auto-renewal). Each order is locked, checked against the rules as they are now, charged in one
conditional UPDATE, and its change made, all in one transaction: no charge without the change, no
change without the charge."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from cenconsole.accounts.models import LedgerEntry
from cenconsole.accounts.services import balance_change
from cenconsole.audit.services import audit_record
from cenconsole.cen.models import CenInstance
from cenconsole.core import clock
from cenconsole.core.errors import refusal

from .. import pricing
from ..messages import AREA_PAIR_TAKEN, INSUFFICIENT_BALANCE, ORDER_CANCELLED, ORDER_PAID, RESIZE_STALE
from ..models import BandwidthPackage, Order
from .purchase import owned_package, purchase_check
from .subscription import resize_check


def charge(*, owner, amount, order: Order | None = None) -> None:
    """Takes amount from the balance (one conditional UPDATE, so concurrent payments never overdraw)
    with its ledger entry; refused with nothing changed when the balance is short."""
    if not amount:
        return
    description = f"{order.get_order_type_display()} order {order.pk}" if order else "Charge"
    entry = balance_change(
        account=owner,
        amount=-amount,
        kind=LedgerEntry.Kind.CHARGE,
        description=description,
        order_id=order.pk if order else None,
    )
    if entry is None:
        balance = get_user_model().objects.values_list("balance", flat=True).get(pk=owner.pk)
        raise refusal(
            INSUFFICIENT_BALANCE, "insufficient_balance", balance=f"{balance:,.2f}", amount=f"{amount:,.2f}"
        )


def _paid_note(order: Order) -> str:
    return f"Order {order.pk} paid: USD {order.amount}."


def _pay_buy(*, order: Order, now, term_start, actor, action, note) -> None:
    if order.cen_instance_id:
        # Locked like cen_instance_delete locks it: a delete and a payment never interleave.
        CenInstance.objects.select_for_update().filter(pk=order.cen_instance_id).first()
    # The account may have changed since Buy Now (another package bought for the same pair).
    purchase_check(
        owner=order.owner,
        cen_instance_id=order.cen_instance_id,
        area_a_code=order.area_a_id,
        area_b_code=order.area_b_id,
        bandwidth=order.bandwidth,
        name=order.name,
        description=order.description,
        duration_months=order.duration_months,
        auto_renewal=order.auto_renewal,
        auto_renewal_months=order.auto_renewal_months,
        cross_border_agreed=True,  # agreed before the order was made
    )
    charge(owner=order.owner, amount=order.amount, order=order)
    package = BandwidthPackage(
        owner=order.owner,
        cen_instance_id=order.cen_instance_id,
        area_a_id=order.area_a_id,
        area_b_id=order.area_b_id,
        bandwidth=order.bandwidth,
        name=order.name,
        description=order.description,
        auto_renewal=order.auto_renewal,
        auto_renewal_months=order.auto_renewal_months,
        created_at=now,
        expires_at=pricing.add_months(now, order.duration_months),
    )
    package.save(force_insert=True)
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
    charge(owner=order.owner, amount=order.amount, order=order)
    old_expiry = package.expires_at
    package.expires_at = pricing.renewal_expiration(
        expires_at=package.expires_at, months=order.duration_months, now=term_start or now
    )
    package.save(update_fields=["expires_at"])
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
    resize_check(package=package, bandwidth=order.bandwidth, now=now)
    charge(owner=order.owner, amount=order.amount, order=order)
    old_bandwidth = package.bandwidth
    package.bandwidth = order.bandwidth
    package.save(update_fields=["bandwidth"])
    audit_record(
        actor=actor,
        action=action or f"package.{order.order_type.lower()}d",
        target=package,
        changes={"bandwidth": (old_bandwidth, package.bandwidth)},
        note=note or _paid_note(order),
    )
    order.package = package


PAYMENT_STEPS = {
    Order.Type.BUY: _pay_buy,
    Order.Type.RENEW: _pay_renew,
    Order.Type.UPGRADE: _pay_resize,
    Order.Type.DOWNGRADE: _pay_resize,
}


def settle(order: Order, *, now, term_start=None, by_owner: bool = True, action: str = "", note: str = "") -> Order:
    """The pipeline's last steps for a locked unpaid order, inside the caller's transaction: the
    order's change and its charge, then the order marked paid, with one audit record of the change
    (by the owner, or by the console itself with `action` and `note` saying why). `term_start` is when
    renewed time starts if the package has expired (auto-renewal: the old expiration; else now)."""
    actor = order.owner if by_owner else None
    PAYMENT_STEPS[order.order_type](
        order=order, now=now, term_start=term_start, actor=actor, action=action, note=note
    )
    order.status, order.paid_at = Order.Status.PAID, now
    order.save(update_fields=["status", "paid_at", "package"])
    return order


def order_pay(*, owner, order_id) -> Order:
    """Pay. Paying a paid order again returns it unchanged."""
    try:
        with transaction.atomic():
            order = Order.objects.select_for_update().get(owner=owner, pk=order_id)
            if order.is_paid:
                return order
            if order.status == Order.Status.CANCELLED:
                raise refusal(ORDER_CANCELLED, "order_cancelled")
            return settle(order, now=clock.now())
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


@transaction.atomic
def order_cancel(*, owner, order_id) -> Order:
    order = Order.objects.select_for_update().get(owner=owner, pk=order_id)
    if order.is_paid:
        raise refusal(ORDER_PAID, "order_paid")
    if order.is_unpaid:
        order.status, order.cancelled_at = Order.Status.CANCELLED, clock.now()
        order.save(update_fields=["status", "cancelled_at"])
    return order
