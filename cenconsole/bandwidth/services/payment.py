"""Pay: one pipeline for every order, whoever places it (Buy Now, Renew, Upgrade, Downgrade, and
auto-renewal). Each order is locked, checked against the rules as they are now, charged in one
conditional UPDATE, and its change made, all in one transaction: no charge without the change, no
change without the charge."""

from datetime import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext

from cenconsole.core import clock
from cenconsole.core.errors import refusal

from ..messages import AREA_PAIR_TAKEN, ORDER_CANCELLED, ORDER_LAPSED, ORDER_PRICE_ROSE, ORDER_STALE
from ..models import BandwidthPackage, Order
from .purchase import order_create_purchase
from .settlement import settle
from .subscription import (
    order_create_renewal,
    renewal_quote,
    resize_check,
    temporary_upgrade_check,
)


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
