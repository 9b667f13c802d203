"""Writes for bandwidth packages and their orders. Every caller (views, admin, commands, the API)
goes through these functions, so every rule below holds for all of them."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from cenconsole.audit.services import audit_record
from cenconsole.cen.models import CenInstance
from cenconsole.cen.selectors import cen_instances_for
from cenconsole.core.validators import validate_description, validate_name
from cenconsole.regions.models import Area

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
    cen_instance_id: str,
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
    """Checks every purchase rule and prices the package. Raises ValidationError keyed by field."""
    errors = {}
    cen_instance = cen_instances_for(owner=owner).filter(pk=cen_instance_id).first()
    if cen_instance is None:
        errors["cen_instance"] = ValidationError(UNKNOWN_CEN, code="unknown_cen")
    areas = {area.code: area for area in Area.objects.filter(code__in=[area_a_code, area_b_code])}
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


def order_create_purchase(*, owner, idempotency_key: str, **purchase) -> Order:
    """Buy Now: an unpaid order for a checked purchase. The same key always gives the same order."""
    if not idempotency_key or len(idempotency_key) > 64:
        raise _error("idempotency_key", MISSING_IDEMPOTENCY_KEY, "idempotency_key")
    existing = Order.objects.filter(owner=owner, idempotency_key=idempotency_key).first()
    if existing:
        return existing
    checked = purchase_check(owner=owner, **purchase)
    order = Order(
        owner=owner,
        idempotency_key=idempotency_key,
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
    try:
        with transaction.atomic():
            order.save(force_insert=True)
    except IntegrityError:
        # A concurrent submission with the same key won the insert: it is the one order.
        return Order.objects.get(owner=owner, idempotency_key=idempotency_key)
    return order


def _charge(*, owner, amount) -> None:
    """Takes amount from the balance in one conditional UPDATE, so concurrent payments never overdraw."""
    User = get_user_model()
    charged = User.objects.filter(pk=owner.pk, balance__gte=amount).update(balance=F("balance") - amount)
    if not charged:
        balance = User.objects.values_list("balance", flat=True).get(pk=owner.pk)
        raise ValidationError(INSUFFICIENT_BALANCE.format(balance=f"{balance:,.2f}", amount=f"{amount:,.2f}"),
                              code="insufficient_balance")


def order_pay(*, owner, order_id) -> Order:
    """Pay: charge the balance, create the package bound to its CEN instance, mark the order paid,
    all in one transaction. Paying a paid order again returns it unchanged."""
    try:
        with transaction.atomic():
            order = Order.objects.select_for_update().get(owner=owner, pk=order_id)
            if order.status == Order.Status.PAID:
                return order
            if order.status == Order.Status.CANCELLED:
                raise ValidationError(ORDER_CANCELLED, code="order_cancelled")
            # The account may have changed since Buy Now (another package bought for the same pair).
            purchase_check(
                owner=owner,
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
            _charge(owner=owner, amount=order.amount)
            now = timezone.now()
            package = BandwidthPackage(
                owner=owner,
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
                actor=owner,
                action="package.bought",
                target=package,
                changes={"status": (None, package.status), "cen_instance": (None, order.cen_instance_id)},
                note=f"Order {order.pk} paid: USD {order.amount}.",
            )
            order.status, order.paid_at, order.package = Order.Status.PAID, now, package
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
