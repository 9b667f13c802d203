"""Orders of every type (Buy, Renew, Upgrade, Downgrade): one order per idempotency key, placed under the
account's order lock within its quotas, to be paid before its deadline; the Terms of Service every Buy Now needs;
an order that changes an existing package, priced on the package as it is; an unpaid order's end (Cancel, or
lapsing past its deadline)."""

from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, F, Q

from cenconsole.core import clock
from cenconsole.core.errors import field_error, refusal
from cenconsole.core.locks import named_lock

from .. import pricing
from ..messages import (
    MISSING_IDEMPOTENCY_KEY,
    ORDER_LAPSED_CANNOT_CANCEL,
    ORDER_PAID,
    QUOTA_BANDWIDTH_PACKAGES,
    QUOTA_UNPAID_ORDERS,
    TERMS_NOT_AGREED,
)
from ..models import BandwidthPackage, Order


def payment_deadline(placed_at):
    """When an order placed at `placed_at` lapses if unpaid."""
    return placed_at + timedelta(hours=settings.ORDER_PAYMENT_WINDOW_HOURS)


def _quota_check(*, owner, order: Order, now) -> None:
    """Per-account quotas, checked under the account's order lock: at most QUOTA_UNPAID_ORDERS unpaid
    orders, and for a Buy at most QUOTA_BANDWIDTH_PACKAGES packages counting those in unpaid Buy orders."""
    unpaid = Order.objects.filter(owner=owner, status=Order.Status.UNPAID, pay_before__gt=now).aggregate(
        orders=Count("pk"), buys=Count("pk", filter=Q(order_type=Order.Type.BUY))
    )
    if unpaid["orders"] >= settings.QUOTA_UNPAID_ORDERS:
        raise refusal(QUOTA_UNPAID_ORDERS, "quota_unpaid_orders", limit=settings.QUOTA_UNPAID_ORDERS)
    if order.order_type == Order.Type.BUY:
        held = BandwidthPackage.objects.active().filter(owner=owner).count()
        if held + unpaid["buys"] >= settings.QUOTA_BANDWIDTH_PACKAGES:
            raise refusal(QUOTA_BANDWIDTH_PACKAGES, "quota_bandwidth_packages", limit=settings.QUOTA_BANDWIDTH_PACKAGES)


def order_for_key(*, owner, idempotency_key: str) -> Order | None:
    """The order a Buy Now with this key already placed, or None: a resubmitted form finds its order,
    whatever the rules would say now. Refuses a missing key, so no resubmission slips past the guard."""
    if not idempotency_key or len(idempotency_key) > 64:
        raise field_error("idempotency_key", MISSING_IDEMPOTENCY_KEY, "idempotency_key")
    return Order.objects.filter(owner=owner, idempotency_key=idempotency_key).first()


@contextmanager
def terms_required(terms_agreed: bool):
    """Every Buy Now (Buy, Renew, Upgrade, Downgrade) needs the Terms of Service selected. Around the
    order's own checks: their field refusals and this one are raised together, so the page shows all."""
    errors = {} if terms_agreed is True else {"terms_agreed": [refusal(TERMS_NOT_AGREED, "terms_not_agreed")]}
    try:
        yield
    except ValidationError as error:
        if not hasattr(error, "error_dict"):
            raise
        raise ValidationError(errors | error.error_dict) from None
    if errors:
        raise ValidationError(errors)


def order_place(order: Order, *, owner, idempotency_key: str, quota: bool = True) -> Order:
    """Saves a checked, unsaved order as the one order of its key, to be paid before its deadline. The
    account's quotas are counted under its order lock (taken first, so simultaneous Buy Nows count one
    after another); `quota=False` is for seeding the demo, which already holds the account."""
    with transaction.atomic():
        if quota:
            named_lock(f"orders:{getattr(owner, 'pk', owner)}")
            existing = Order.objects.filter(owner=owner, idempotency_key=idempotency_key).first()
            if existing:
                return existing
        order.owner, order.idempotency_key = owner, idempotency_key
        order.created_at = clock.now()
        order.pay_before = payment_deadline(order.created_at)
        if quota:
            _quota_check(owner=owner, order=order, now=order.created_at)
        try:
            with transaction.atomic():
                order.save(force_insert=True)
        except IntegrityError:
            # A concurrent submission with the same key won the insert: it is the one order.
            return Order.objects.get(owner=owner, idempotency_key=idempotency_key)
    return order


# What a package and its orders share, field for field (the same names on both models): a Buy order's
# become the new package's at Pay; a Renew, Upgrade or Downgrade order copies the package's.
PACKAGE_TERMS = (
    "cen_instance_id",
    "area_a_id",
    "area_b_id",
    "bandwidth",
    "name",
    "description",
    "auto_renewal",
    "auto_renewal_months",
)


def package_order(package: BandwidthPackage, **fields) -> Order:
    """An unsaved order that changes an existing package (Renew, Upgrade, Downgrade), priced on the
    package as it is now: its version goes with the order, and `fields` say what changes."""
    terms = {field: getattr(package, field) for field in PACKAGE_TERMS}
    priced_on = {
        "package": package,
        "package_version": package.version,
        "unit_price": pricing.unit_price(package.area_a_id, package.area_b_id),
    }
    return Order(**(terms | priced_on | fields))


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
