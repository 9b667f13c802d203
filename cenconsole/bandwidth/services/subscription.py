"""A subscription's life before Pay: Renew and Upgrade/Downgrade orders and their prices, and the
auto-renewal setting. Paying them is payment.py's; time passing is expiry.py's."""

from datetime import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, Sum

from cenconsole.audit.services import audit_record
from cenconsole.core import clock
from cenconsole.core.errors import field_error

from .. import pricing
from ..messages import (
    DOWNGRADE_BELOW_CONNECTIONS,
    DOWNGRADE_CROSS_BORDER,
    RESIZE_EXPIRED,
    RESIZE_SAME,
    TEMP_UPGRADE_ACTIVE,
    TEMP_UPGRADE_END,
    TEMP_UPGRADE_NOT_HIGHER,
)
from ..models import BandwidthPackage, Order
from .orders import order_for_key, order_place, package_order, terms_required
from .purchase import (
    check_auto_renewal_months,
    check_bandwidth,
    check_duration,
    check_no_pending_deletion,
    owned_package,
)


def renewal_quote(*, package: BandwidthPackage, duration_months) -> pricing.Quote:
    """A renewal's price: the renewed months run at the package's own bandwidth (a temporary upgrade
    ends by the expiration), so that is what they cost, whatever the package has now."""
    check_duration(duration_months)
    return pricing.quote(
        area_a_code=package.area_a_id,
        area_b_code=package.area_b_id,
        bandwidth=package.own_bandwidth,
        duration_months=duration_months,
    )


def renewal_expiration(*, package: BandwidthPackage, months: int, now: datetime | None = None) -> datetime:
    """The expiration a renewal of `months` would give the package now."""
    return pricing.renewal_expiration(expires_at=package.expires_at, months=months, now=now or clock.now())


def renewal_preview(*, package: BandwidthPackage, duration_months) -> tuple[pricing.Quote, datetime] | None:
    """Renew's running price and new expiration for the Duration the form holds, or None while it
    holds none that can be bought."""
    try:
        months = int(duration_months)
        quote = renewal_quote(package=package, duration_months=months)
    except (TypeError, ValueError, ValidationError):
        return None
    return quote, renewal_expiration(package=package, months=months)


def connections_used(package: BandwidthPackage) -> int:
    """The bandwidth the package's region connections and inter-region connections (transit routers)
    use (the networks and transit apps' rows, read through the relations: this app imports neither)."""
    regions = package.region_connections.aggregate(used=Sum("bandwidth"))["used"] or 0
    peers = package.transit_peer_attachments.filter(deleted_at__isnull=True).aggregate(used=Sum("bandwidth"))
    return regions + (peers["used"] or 0)


def _refuse_during_temporary_upgrade(package: BandwidthPackage) -> None:
    if package.temporary_upgrade_ends_at is not None:
        raise field_error(
            "bandwidth",
            TEMP_UPGRADE_ACTIVE,
            "temporary_upgrade_active",
            package_id=package.pk,
            ends_at=f"{package.temporary_upgrade_ends_at:%Y-%m-%d %H:%M}",
        )


def resize_check(*, package: BandwidthPackage, bandwidth, now=None) -> tuple[str, Decimal]:
    """Checks a change of bandwidth; returns the order type (Upgrade or Downgrade) and the price."""
    now = now or clock.now()
    check_bandwidth(bandwidth)
    _refuse_during_temporary_upgrade(package)
    if bandwidth == package.bandwidth:
        raise field_error("bandwidth", RESIZE_SAME, "resize_same", bandwidth=package.bandwidth)
    if package.expires_at <= now:
        raise field_error("bandwidth", RESIZE_EXPIRED, "expired", package_id=package.pk)
    if bandwidth < package.bandwidth:
        if package.is_cross_border:
            raise field_error("bandwidth", DOWNGRADE_CROSS_BORDER, "downgrade_cross_border")
        used = connections_used(package)
        if bandwidth < used:
            raise field_error("bandwidth", DOWNGRADE_BELOW_CONNECTIONS, "below_connections", used=used)
        order_type = Order.Type.DOWNGRADE
    else:
        order_type = Order.Type.UPGRADE
    amount = pricing.upgrade_price(
        area_a_code=package.area_a_id,
        area_b_code=package.area_b_id,
        old_bandwidth=package.bandwidth,
        new_bandwidth=bandwidth,
        expires_at=package.expires_at,
        now=now,
    )
    return order_type, amount


def paid_history(package: BandwidthPackage) -> list:
    """The package's paid orders as the refund rule reads them, in the order they were paid: each
    Buy, Renew and Upgrade a PaidTerm (what was paid for which period), each Downgrade a Downgrade."""
    history = []
    orders = package.orders.filter(status=Order.Status.PAID, term_start__isnull=False, term_end__isnull=False)
    for order in orders.order_by("paid_at", "pk"):
        if order.order_type == Order.Type.DOWNGRADE:
            history.append(pricing.Downgrade(order.term_start, order.previous_bandwidth, order.bandwidth))
        else:
            history.append(pricing.PaidTerm(order.term_start, order.term_end, order.amount))
    return history


def refundable(package: BandwidthPackage) -> Decimal:
    """What was paid for the package less what was refunded: no refund ever passes it."""
    totals = package.orders.aggregate(
        paid=Sum("amount", filter=Q(status=Order.Status.PAID)),
        refunded=Sum("amount", filter=Q(status=Order.Status.REFUNDED)),
    )
    return (totals["paid"] or Decimal("0.00")) - (totals["refunded"] or Decimal("0.00"))


def temporary_upgrade_check(*, package: BandwidthPackage, bandwidth, ends_at: datetime, now=None) -> Decimal:
    """Checks a temporary upgrade to `bandwidth` until `ends_at` (after now, no later than the
    expiration; one at a time); returns its price: the monthly price difference prorated by the hours
    until it ends, as an upgrade's is until expiration."""
    now = now or clock.now()
    check_bandwidth(bandwidth)
    _refuse_during_temporary_upgrade(package)
    if package.expires_at <= now:
        raise field_error("bandwidth", RESIZE_EXPIRED, "expired", package_id=package.pk)
    if bandwidth <= package.bandwidth:
        raise field_error(
            "bandwidth", TEMP_UPGRADE_NOT_HIGHER, "temporary_upgrade_not_higher", bandwidth=package.bandwidth
        )
    if not now < ends_at <= package.expires_at:
        raise field_error(
            "ends_at", TEMP_UPGRADE_END, "temporary_upgrade_end", expires_at=f"{package.expires_at:%Y-%m-%d %H:%M}"
        )
    return pricing.upgrade_price(
        area_a_code=package.area_a_id,
        area_b_code=package.area_b_id,
        old_bandwidth=package.bandwidth,
        new_bandwidth=bandwidth,
        expires_at=ends_at,
        now=now,
    )


def downgrade_refund(*, package: BandwidthPackage, bandwidth: int, now=None) -> Decimal:
    """What a downgrade to `bandwidth` would refund now: the share of the unused paid value that the
    bandwidth given up held."""
    if bandwidth >= package.bandwidth or package.is_cross_border:
        return Decimal("0.00")
    return pricing.downgrade_refund(
        area_a_code=package.area_a_id,
        area_b_code=package.area_b_id,
        old_bandwidth=package.bandwidth,
        new_bandwidth=bandwidth,
        history=paid_history(package),
        now=now or clock.now(),
        refundable=refundable(package),
    )


def release_refund(*, package: BandwidthPackage, now=None) -> Decimal:
    """What releasing the package with a refund returns now: the unused share of what was paid for
    it (none once it has expired, and none for a cross-border package)."""
    if package.is_cross_border:
        return Decimal("0.00")
    return pricing.release_refund(
        area_a_code=package.area_a_id,
        area_b_code=package.area_b_id,
        history=paid_history(package),
        now=now or clock.now(),
        refundable=refundable(package),
    )


def renewal_order(package: BandwidthPackage, *, duration_months: int) -> Order:
    """An unsaved Renew order for the package at today's price (Renew's Buy Now, and auto-renewal),
    for the bandwidth the renewed months will have."""
    quote = renewal_quote(package=package, duration_months=duration_months)
    return package_order(
        package,
        order_type=Order.Type.RENEW,
        package_version=package.renewal_version,
        bandwidth=quote.bandwidth,
        duration_months=duration_months,
        amount=quote.total,
    )


def order_create_renewal(*, owner, idempotency_key: str, package_id: str, duration_months, terms_agreed: bool) -> Order:
    """Renew's Buy Now: an unpaid Renew order for one of the owner's packages, the Terms of Service agreed."""
    existing = order_for_key(owner=owner, idempotency_key=idempotency_key)
    if existing:
        return existing
    with terms_required(terms_agreed):
        package = owned_package(owner=owner, package_id=package_id)
        check_no_pending_deletion(package)
        order = renewal_order(package, duration_months=duration_months)
    return order_place(order, owner=owner, idempotency_key=idempotency_key)


def order_create_resize(*, owner, idempotency_key: str, package_id: str, bandwidth, terms_agreed: bool) -> Order:
    """Upgrade's or Downgrade's Buy Now: an unpaid order to change a package's bandwidth, the Terms of
    Service agreed."""
    existing = order_for_key(owner=owner, idempotency_key=idempotency_key)
    if existing:
        return existing
    with terms_required(terms_agreed):
        package = owned_package(owner=owner, package_id=package_id)
        check_no_pending_deletion(package)
        order_type, amount = resize_check(package=package, bandwidth=bandwidth)
    order = package_order(
        package, order_type=order_type, bandwidth=bandwidth, previous_bandwidth=package.bandwidth, amount=amount
    )
    return order_place(order, owner=owner, idempotency_key=idempotency_key)


def order_create_temporary_upgrade(
    *, owner, idempotency_key: str, package_id: str, bandwidth, ends_at: datetime
) -> Order:
    """A temporary upgrade (the API's TempUpgradeCenBandwidthPackageSpec): an unpaid order that raises
    the bandwidth until ends_at, when time passing (expiry.py) returns it to the bandwidth before."""
    existing = order_for_key(owner=owner, idempotency_key=idempotency_key)
    if existing:
        return existing
    package = owned_package(owner=owner, package_id=package_id)
    check_no_pending_deletion(package)
    amount = temporary_upgrade_check(package=package, bandwidth=bandwidth, ends_at=ends_at)
    order = package_order(
        package,
        order_type=Order.Type.TEMP_UPGRADE,
        bandwidth=bandwidth,
        previous_bandwidth=package.bandwidth,
        ends_at=ends_at,
        amount=amount,
    )
    return order_place(order, owner=owner, idempotency_key=idempotency_key)


@transaction.atomic
def package_set_auto_renewal(*, owner, package_id: str, auto_renewal: bool, auto_renewal_months) -> BandwidthPackage:
    check_auto_renewal_months(auto_renewal_months)
    package = owned_package(owner=owner, package_id=package_id, lock=True)
    changes = {
        field: (getattr(package, field), value)
        for field, value in (("auto_renewal", bool(auto_renewal)), ("auto_renewal_months", auto_renewal_months))
        if getattr(package, field) != value
    }
    if changes:
        for field, (_, value) in changes.items():
            setattr(package, field, value)
        package.save(update_fields=list(changes))
        audit_record(actor=owner, action="package.auto_renewal_changed", target=package, changes=changes)
    return package
