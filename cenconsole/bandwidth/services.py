"""Writes for bandwidth packages and their orders. Every caller (views, admin, commands, the API)
goes through these functions, so every rule below holds for all of them."""

import math
from dataclasses import dataclass
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q, Sum
from django.utils import timezone

from cenconsole.audit.services import audit_record
from cenconsole.cen.models import CenInstance
from cenconsole.cen.selectors import cen_instances_for
from cenconsole.core.validators import validate_description, validate_name
from cenconsole.regions.models import Area
from cenconsole.regions.selectors import areas_by_code

from . import pricing
from .models import (
    AUTO_RENEWAL_CHOICES,
    DURATION_CHOICES,
    MAX_BANDWIDTH,
    MIN_BANDWIDTH,
    BandwidthPackage,
    Order,
    add_months,
    geographic_span,
    is_cross_border,
)

BANDWIDTH_RANGE = f"Bandwidth must be a whole number of Mbps from {MIN_BANDWIDTH} to {MAX_BANDWIDTH:,}."
UNKNOWN_AREA = "Select an area from the list."
UNKNOWN_DURATION = "Select a duration from the list."
UNKNOWN_AUTO_RENEWAL = "Select an auto-renewal period of 1, 2 or 3 months."
UNKNOWN_CEN = "Select one of your CEN instances."
AREA_PAIR_TAKEN = (
    "CEN instance {cen_id} already has a bandwidth package for {areas}. "
    "A CEN instance can have at most one bandwidth package per pair of areas."
)
CROSS_BORDER_NOT_AGREED = "Read and accept the cross-border service agreement to buy a cross-border bandwidth package."
NAME_TOO_LONG = "Name must be at most 128 characters."
DESCRIPTION_TOO_LONG = "Description must be at most 256 characters."
INSUFFICIENT_BALANCE = "Your balance of USD {balance} is not enough to pay USD {amount}. Nothing was charged."
ORDER_CANCELLED = "This order was cancelled and can no longer be paid."
ORDER_PAID = "This order is already paid and can no longer be cancelled."
MISSING_IDEMPOTENCY_KEY = "The form has expired. Open the purchase page again."
UNKNOWN_PACKAGE = "Select one of your bandwidth packages."
RESIZE_SAME = "The bandwidth package already has {bandwidth} Mbps. Enter a different bandwidth."
RESIZE_EXPIRED = "Bandwidth package {package_id} has expired. Renew it before you change its bandwidth."
RESIZE_STALE = "The package's bandwidth changed to {bandwidth} Mbps since this order was made. Place a new order."
DOWNGRADE_CROSS_BORDER = "A cross-border bandwidth package cannot be downgraded."
DOWNGRADE_BELOW_CONNECTIONS = (
    "The bandwidth cannot be lower than {used} Mbps, the sum of the package's region connections. "
    "Lower or delete region connections first."
)

# Upgrades are prorated by the hours left, over a month of 30 days (replica choice).
HOURS_PER_MONTH = 30 * 24

DURATIONS = dict(DURATION_CHOICES)
AUTO_RENEWAL_PERIODS = dict(AUTO_RENEWAL_CHOICES)


@dataclass(frozen=True)
class Purchase:
    """A checked purchase: what Buy Now orders and Pay creates."""

    cen_instance: CenInstance
    area_a: Area
    area_b: Area
    bandwidth: int
    name: str
    description: str
    duration_months: int
    auto_renewal: bool
    auto_renewal_months: int
    quote: pricing.Quote


def _error(field, message, code):
    return ValidationError({field: ValidationError(message, code=code)})


def _check_text(field, value, limit, too_long, validator, errors):
    if len(value) > limit:
        errors[field] = ValidationError(too_long, code="max_length")
        return
    try:
        validator(value)
    except ValidationError as error:
        errors[field] = error


def area_pair_taken(*, cen_instance: CenInstance, area_a: Area, area_b: Area) -> bool:
    span = geographic_span(area_a, area_b)
    return BandwidthPackage.objects.filter(cen_instance=cen_instance, geographic_span=span).exists()


def purchase_check(
    *,
    owner,
    cen_instance_id: str | None,
    area_a_code: str,
    area_b_code: str,
    bandwidth,
    name: str = "",
    description: str = "",
    duration_months,
    auto_renewal: bool = False,
    auto_renewal_months=1,
    cross_border_agreed: bool = False,
) -> Purchase:
    """Checks every purchase rule and prices the package. Raises ValidationError keyed by field.
    cen_instance_id None buys the package unbound (the API's CreateCenBandwidthPackage)."""
    errors = {}
    cen_instance = None
    if cen_instance_id is not None:
        cen_instance = cen_instances_for(owner=owner).filter(pk=cen_instance_id).first()
        if cen_instance is None:
            errors["cen_instance"] = ValidationError(UNKNOWN_CEN, code="unknown_cen")
    areas = areas_by_code()
    area_a, area_b = areas.get(area_a_code), areas.get(area_b_code)
    if area_a is None:
        errors["area_a"] = ValidationError(UNKNOWN_AREA, code="unknown_area")
    if area_b is None:
        errors["area_b"] = ValidationError(UNKNOWN_AREA, code="unknown_area")
    if isinstance(bandwidth, bool) or not isinstance(bandwidth, int) or not MIN_BANDWIDTH <= bandwidth <= MAX_BANDWIDTH:
        errors["bandwidth"] = ValidationError(BANDWIDTH_RANGE, code="bandwidth_range")
    if duration_months not in DURATIONS:
        errors["duration_months"] = ValidationError(UNKNOWN_DURATION, code="unknown_duration")
    if auto_renewal_months not in AUTO_RENEWAL_PERIODS:
        errors["auto_renewal_months"] = ValidationError(UNKNOWN_AUTO_RENEWAL, code="unknown_auto_renewal")
    name, description = (name or "").strip(), (description or "").strip()
    _check_text("name", name, 128, NAME_TOO_LONG, validate_name, errors)
    _check_text("description", description, 256, DESCRIPTION_TOO_LONG, validate_description, errors)
    if area_a and area_b:
        if is_cross_border(area_a.code, area_b.code) and not cross_border_agreed:
            errors["cross_border_agreed"] = ValidationError(CROSS_BORDER_NOT_AGREED, code="cross_border")
        if cen_instance and area_pair_taken(cen_instance=cen_instance, area_a=area_a, area_b=area_b):
            message = AREA_PAIR_TAKEN.format(cen_id=cen_instance.pk, areas=f"{area_a.name} ↔ {area_b.name}")
            errors["area_b"] = ValidationError(message, code="area_pair_taken")
    if errors:
        raise ValidationError(errors)
    return Purchase(
        cen_instance=cen_instance,
        area_a=area_a,
        area_b=area_b,
        bandwidth=bandwidth,
        name=name,
        description=description,
        duration_months=duration_months,
        auto_renewal=bool(auto_renewal),
        auto_renewal_months=auto_renewal_months,
        quote=pricing.quote(
            area_a_code=area_a.code, area_b_code=area_b.code, bandwidth=bandwidth, duration_months=duration_months
        ),
    )


def live_quote(*, area_a_code, area_b_code, bandwidth, duration_months) -> pricing.Quote | None:
    """The purchase page's running price, from whatever the form holds now; None while incomplete."""
    try:
        bandwidth, duration_months = int(bandwidth), int(duration_months)
        if MIN_BANDWIDTH <= bandwidth <= MAX_BANDWIDTH and duration_months in DURATIONS:
            return pricing.quote(
                area_a_code=str(area_a_code),
                area_b_code=str(area_b_code),
                bandwidth=bandwidth,
                duration_months=duration_months,
            )
    except (TypeError, ValueError, KeyError):
        pass
    return None


def _order_create(*, owner, idempotency_key: str, build) -> Order:
    """One order per idempotency key: an existing order for the key is returned as it is; otherwise
    build() checks the rules and returns the unsaved order."""
    if not idempotency_key or len(idempotency_key) > 64:
        raise _error("idempotency_key", MISSING_IDEMPOTENCY_KEY, "idempotency_key")
    existing = Order.objects.filter(owner=owner, idempotency_key=idempotency_key).first()
    if existing:
        return existing
    order = build()
    order.owner, order.idempotency_key = owner, idempotency_key
    try:
        with transaction.atomic():
            order.save(force_insert=True)
    except IntegrityError:
        # A concurrent submission with the same key won the insert: it is the one order.
        return Order.objects.get(owner=owner, idempotency_key=idempotency_key)
    return order


def order_create_purchase(*, owner, idempotency_key: str, **purchase) -> Order:
    """Buy Now: an unpaid order for a checked purchase. The same key always gives the same order."""

    def build():
        checked = purchase_check(owner=owner, **purchase)
        return Order(
            order_type=Order.Type.BUY,
            cen_instance=checked.cen_instance,
            area_a=checked.area_a,
            area_b=checked.area_b,
            bandwidth=checked.bandwidth,
            name=checked.name,
            description=checked.description,
            duration_months=checked.duration_months,
            auto_renewal=checked.auto_renewal,
            auto_renewal_months=checked.auto_renewal_months,
            unit_price=checked.quote.unit_price,
            amount=checked.quote.total,
        )

    return _order_create(owner=owner, idempotency_key=idempotency_key, build=build)


def _package_order(package: BandwidthPackage, **fields) -> Order:
    """An order that changes an existing package (Renew, Upgrade, Downgrade)."""
    return Order(
        package=package,
        cen_instance_id=package.cen_instance_id,
        area_a_id=package.area_a_id,
        area_b_id=package.area_b_id,
        name=package.name,
        description=package.description,
        auto_renewal=package.auto_renewal,
        auto_renewal_months=package.auto_renewal_months,
        unit_price=pricing.unit_price(package.area_a_id, package.area_b_id),
        **fields,
    )


def order_create_renewal(*, owner, idempotency_key: str, package_id: str, duration_months) -> Order:
    """Renew's Buy Now: an unpaid Renew order for one of the owner's packages."""

    def build():
        package = _owned_package(owner=owner, package_id=package_id)
        quote = renewal_quote(package=package, duration_months=duration_months)
        return _package_order(
            package,
            order_type=Order.Type.RENEW,
            bandwidth=package.bandwidth,
            duration_months=duration_months,
            amount=quote.total,
        )

    return _order_create(owner=owner, idempotency_key=idempotency_key, build=build)


def order_create_resize(*, owner, idempotency_key: str, package_id: str, bandwidth) -> Order:
    """Upgrade's or Downgrade's Buy Now: an unpaid order to change a package's bandwidth."""

    def build():
        package = _owned_package(owner=owner, package_id=package_id)
        order_type, amount = resize_check(package=package, bandwidth=bandwidth)
        return _package_order(
            package, order_type=order_type, bandwidth=bandwidth, previous_bandwidth=package.bandwidth, amount=amount
        )

    return _order_create(owner=owner, idempotency_key=idempotency_key, build=build)


def _charge(*, owner, amount) -> None:
    """Takes amount from the balance in one conditional UPDATE, so concurrent payments never overdraw."""
    User = get_user_model()
    charged = User.objects.filter(pk=owner.pk, balance__gte=amount).update(balance=F("balance") - amount)
    if not charged:
        balance = User.objects.values_list("balance", flat=True).get(pk=owner.pk)
        raise ValidationError(INSUFFICIENT_BALANCE.format(balance=f"{balance:,.2f}", amount=f"{amount:,.2f}"),
                              code="insufficient_balance")


def order_pay(*, owner, order_id) -> Order:
    """Pay: charge the balance and make the order's change (create, renew or resize the package),
    all in one transaction: no charge without the change, no change without the charge. Paying a
    paid order again returns it unchanged."""
    try:
        with transaction.atomic():
            order = Order.objects.select_for_update().get(owner=owner, pk=order_id)
            if order.status == Order.Status.PAID:
                return order
            if order.status == Order.Status.CANCELLED:
                raise ValidationError(ORDER_CANCELLED, code="order_cancelled")
            now = timezone.now()
            PAYMENT_STEPS[order.order_type](order=order, now=now)
            order.status, order.paid_at = Order.Status.PAID, now
            order.save(update_fields=["status", "paid_at", "package"])
            return order
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            # Field errors of the purchase form mean the same thing on the order page: one message.
            raise ValidationError([e for errors in error.error_dict.values() for e in errors]) from None
        raise
    except IntegrityError:
        # Another payment bound a package for the same pair between our check and our insert.
        order = Order.objects.select_related("area_a", "area_b").get(owner=owner, pk=order_id)
        raise ValidationError(
            AREA_PAIR_TAKEN.format(cen_id=order.cen_instance_id, areas=order.areas_label), code="area_pair_taken"
        ) from None


def _pay_buy(*, order: Order, now) -> None:
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
    _charge(owner=order.owner, amount=order.amount)
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
        expires_at=add_months(now, order.duration_months),
    )
    package.save(force_insert=True)
    audit_record(
        actor=order.owner,
        action="package.bought",
        target=package,
        changes={"status": (None, package.status), "cen_instance": (None, order.cen_instance_id)},
        note=f"Order {order.pk} paid: USD {order.amount}.",
    )
    order.package = package


def _pay_renew(*, order: Order, now) -> None:
    package = _owned_package(owner=order.owner, package_id=order.package_id, lock=True)
    _charge(owner=order.owner, amount=order.amount)
    _extend(package=package, months=order.duration_months, now=now, actor=order.owner, action="package.renewed",
            note=f"Order {order.pk} paid: USD {order.amount}.")


def _pay_resize(*, order: Order, now) -> None:
    package = _owned_package(owner=order.owner, package_id=order.package_id, lock=True)
    if package.bandwidth != order.previous_bandwidth:
        raise ValidationError(RESIZE_STALE.format(bandwidth=package.bandwidth), code="resize_stale")
    resize_check(package=package, bandwidth=order.bandwidth, now=now)
    _charge(owner=order.owner, amount=order.amount)
    old_bandwidth = package.bandwidth
    package.bandwidth = order.bandwidth
    package.save(update_fields=["bandwidth"])
    audit_record(
        actor=order.owner,
        action=f"package.{order.order_type.lower()}d",
        target=package,
        changes={"bandwidth": (old_bandwidth, package.bandwidth)},
        note=f"Order {order.pk} paid: USD {order.amount}.",
    )


PAYMENT_STEPS = {
    Order.Type.BUY: _pay_buy,
    Order.Type.RENEW: _pay_renew,
    Order.Type.UPGRADE: _pay_resize,
    Order.Type.DOWNGRADE: _pay_resize,
}


@transaction.atomic
def order_cancel(*, owner, order_id) -> Order:
    order = Order.objects.select_for_update().get(owner=owner, pk=order_id)
    if order.status == Order.Status.PAID:
        raise ValidationError(ORDER_PAID, code="order_paid")
    if order.status == Order.Status.UNPAID:
        order.status, order.cancelled_at = Order.Status.CANCELLED, timezone.now()
        order.save(update_fields=["status", "cancelled_at"])
    return order


PACKAGE_ALREADY_RELEASED = "Bandwidth package {package_id} is already released."


def package_release(*, package_id: str, actor, reason: str) -> BandwidthPackage:
    """Releases a package: its region connections are removed, it is unbound and marked released.
    The row stays for history. The one path that makes a package go away; callers hold the reason
    (an approved deletion ticket, or expiry past the grace period)."""
    # Region connections live in the networks app, which builds on this one: imported here to keep
    # the dependency one way at import time.
    from cenconsole.networks.services import region_connections_remove_for_package

    with transaction.atomic():
        package = BandwidthPackage.objects.select_for_update().get(pk=package_id)
        if package.released_at:
            raise ValidationError(PACKAGE_ALREADY_RELEASED.format(package_id=package.pk), code="released")
        region_connections_remove_for_package(package=package, actor=actor)
        old_status, old_cen = package.status, package.cen_instance_id
        package.cen_instance = None
        package.released_at = timezone.now()
        package.released_by = actor if getattr(actor, "pk", None) else None
        package.release_reason = reason[:256]
        package.save(update_fields=["cen_instance", "released_at", "released_by", "release_reason"])
        audit_record(
            actor=actor,
            action="package.released",
            target=package,
            changes={"status": (old_status, package.status), "cen_instance": (old_cen, None)},
            note=reason,
        )
        return package


def _owned_package(*, owner, package_id: str, lock: bool = False) -> BandwidthPackage:
    """One of the owner's packages that is not released; refused with UNKNOWN_PACKAGE otherwise."""
    packages = BandwidthPackage.objects.active().filter(owner=owner)
    if lock:
        packages = packages.select_for_update()
    package = packages.filter(pk=package_id).first()
    if package is None:
        raise _error("package", UNKNOWN_PACKAGE, "unknown_package")
    return package


def renewal_quote(*, package: BandwidthPackage, duration_months) -> pricing.Quote:
    if duration_months not in DURATIONS:
        raise _error("duration_months", UNKNOWN_DURATION, "unknown_duration")
    return pricing.quote(
        area_a_code=package.area_a_id,
        area_b_code=package.area_b_id,
        bandwidth=package.bandwidth,
        duration_months=duration_months,
    )


def renewal_expiration(*, package: BandwidthPackage, months: int, now=None):
    """A renewal runs from the current expiration, or from now if the package has expired."""
    return add_months(max(package.expires_at, now or timezone.now()), months)


def _connections_used(package: BandwidthPackage) -> int:
    return package.region_connections.aggregate(used=Sum("bandwidth"))["used"] or 0


def resize_check(*, package: BandwidthPackage, bandwidth, now=None) -> tuple[str, Decimal]:
    """Checks a change of bandwidth; returns the order type (Upgrade or Downgrade) and the price.
    An upgrade costs the monthly price difference prorated by the hours left (started hours count);
    a downgrade refunds nothing."""
    now = now or timezone.now()
    if isinstance(bandwidth, bool) or not isinstance(bandwidth, int) or not MIN_BANDWIDTH <= bandwidth <= MAX_BANDWIDTH:
        raise _error("bandwidth", BANDWIDTH_RANGE, "bandwidth_range")
    if bandwidth == package.bandwidth:
        raise _error("bandwidth", RESIZE_SAME.format(bandwidth=package.bandwidth), "resize_same")
    if package.expires_at <= now:
        raise _error("bandwidth", RESIZE_EXPIRED.format(package_id=package.pk), "expired")
    if bandwidth < package.bandwidth:
        if package.is_cross_border:
            raise _error("bandwidth", DOWNGRADE_CROSS_BORDER, "downgrade_cross_border")
        used = _connections_used(package)
        if bandwidth < used:
            raise _error("bandwidth", DOWNGRADE_BELOW_CONNECTIONS.format(used=used), "below_connections")
        return Order.Type.DOWNGRADE, Decimal("0.00")
    hours_left = math.ceil((package.expires_at - now).total_seconds() / 3600)
    monthly_difference = pricing.unit_price(package.area_a_id, package.area_b_id) * (bandwidth - package.bandwidth)
    amount = (monthly_difference * hours_left / HOURS_PER_MONTH).quantize(pricing.CENT, rounding=ROUND_HALF_UP)
    return Order.Type.UPGRADE, amount


def _extend(*, package: BandwidthPackage, months: int, now, actor, action: str, note: str) -> None:
    old_expiry = package.expires_at
    package.expires_at = renewal_expiration(package=package, months=months, now=now)
    package.save(update_fields=["expires_at"])
    audit_record(
        actor=actor,
        action=action,
        target=package,
        changes={"expires_at": (old_expiry, package.expires_at), "business_status": ("", package.business_status)},
        note=note,
    )


@transaction.atomic
def package_set_auto_renewal(*, owner, package_id: str, auto_renewal: bool, auto_renewal_months) -> BandwidthPackage:
    if auto_renewal_months not in AUTO_RENEWAL_PERIODS:
        raise _error("auto_renewal_months", UNKNOWN_AUTO_RENEWAL, "unknown_auto_renewal")
    package = _owned_package(owner=owner, package_id=package_id, lock=True)
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


@transaction.atomic
def package_modify_attribute(*, owner, package_id: str, name: str | None = None, description: str | None = None):
    """Renames or re-describes a package (the API's ModifyCenBandwidthPackageAttribute)."""
    package = _owned_package(owner=owner, package_id=package_id, lock=True)
    errors, changes = {}, {}
    if name is not None:
        name = name.strip()
        _check_text("name", name, 128, NAME_TOO_LONG, validate_name, errors)
        changes["name"] = (package.name, name)
    if description is not None:
        description = description.strip()
        _check_text("description", description, 256, DESCRIPTION_TOO_LONG, validate_description, errors)
        changes["description"] = (package.description, description)
    if errors:
        raise ValidationError(errors)
    changes = {field: pair for field, pair in changes.items() if pair[0] != pair[1]}
    if changes:
        for field, (_, value) in changes.items():
            setattr(package, field, value)
        package.save(update_fields=list(changes))
        audit_record(actor=owner, action="package.modified", target=package, changes=changes)
    return package


# --- Time passing: run by `manage.py process_subscriptions` -------------------------------------


def _expiry_due(now):
    return (
        BandwidthPackage.objects.active()
        .filter(expires_at__lte=now)
        .filter(Q(expiry_processed_for__isnull=True) | ~Q(expiry_processed_for=F("expires_at")))
    )


def _process_expiry(*, package_id: str, now) -> str | None:
    """At expiration: auto-renew when on and the balance allows, otherwise record the expiry.
    Returns what happened, or None when another run already handled it."""
    with transaction.atomic():
        package = _expiry_due(now).select_for_update().filter(pk=package_id).first()
        if package is None:
            return None
        expired_at = package.expires_at
        package.expiry_processed_for = expired_at
        if package.auto_renewal:
            months = package.auto_renewal_months
            quote = renewal_quote(package=package, duration_months=months)
            try:
                with transaction.atomic():
                    _charge(owner=package.owner, amount=quote.total)
                    order = _package_order(
                        package,
                        order_type=Order.Type.RENEW,
                        bandwidth=package.bandwidth,
                        duration_months=months,
                        amount=quote.total,
                        owner=package.owner,
                        # One auto-renewal per expiration, whatever runs at once: the key is unique.
                        idempotency_key=f"auto-renew:{package.pk}:{int(expired_at.timestamp())}",
                        status=Order.Status.PAID,
                        paid_at=now,
                    )
                    order.save(force_insert=True)
                    # Renewed from the old expiration, so no paid time is lost or given away.
                    package.expires_at = add_months(expired_at, months)
                    package.save(update_fields=["expires_at", "expiry_processed_for"])
                    audit_record(
                        actor=None,
                        action="package.auto_renewed",
                        target=package,
                        changes={"expires_at": (expired_at, package.expires_at)},
                        note=f"Auto-renewal for {DURATIONS[months]}: order {order.pk}, USD {quote.total}.",
                    )
                    return "auto_renewed"
            except ValidationError as error:
                note = f"Auto-renewal failed: {' '.join(error.messages)}"
        else:
            note = "Auto-renewal is off."
        package.save(update_fields=["expiry_processed_for"])
        audit_record(
            actor=None,
            action="package.expired",
            target=package,
            changes={"business_status": ("Normal", "FinancialLocked")},
            note=note,
        )
        return "expired"


def subscriptions_process(*, now=None) -> dict[str, int]:
    """Expires and auto-renews packages whose time has come, then releases those expired longer than
    the grace period. Idempotent: each package is re-checked under a lock, so two runs at the same
    time change nothing twice."""
    now = now or timezone.now()
    done = {"auto_renewed": 0, "expired": 0, "released": 0}
    for package_id in list(_expiry_due(now).values_list("pk", flat=True)):
        outcome = _process_expiry(package_id=package_id, now=now)
        if outcome:
            done[outcome] += 1
    grace = timedelta(days=settings.CEN_RELEASE_GRACE_DAYS)
    overdue = BandwidthPackage.objects.active().filter(expires_at__lte=now - grace).values_list("pk", flat=True)
    for package_id in list(overdue):
        try:
            with transaction.atomic():
                package = BandwidthPackage.objects.select_for_update().get(pk=package_id)
                if package.released_at or package.expires_at > now - grace:
                    continue  # another run released it, or it was renewed meanwhile
                package_release(
                    package_id=package_id,
                    actor=None,
                    reason=f"Expired {settings.CEN_RELEASE_GRACE_DAYS} days ago: released automatically.",
                )
                done["released"] += 1
        except ValidationError:
            continue
    return done
