"""Buy Now: the purchase rules, and one order per idempotency key for every order type."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Q

from cenconsole.cen.models import CenInstance
from cenconsole.cen.selectors import owned_cen
from cenconsole.core import clock
from cenconsole.core.errors import field_error, refusal
from cenconsole.core.locks import named_lock
from cenconsole.core.validators import clean_texts
from cenconsole.regions.models import Area
from cenconsole.regions.selectors import areas_by_code

from .. import pricing
from ..messages import (
    AREA_PAIR_TAKEN,
    BANDWIDTH_RANGE,
    CROSS_BORDER_NOT_AGREED,
    DELETION_PENDING,
    MISSING_IDEMPOTENCY_KEY,
    QUOTA_BANDWIDTH_PACKAGES,
    QUOTA_UNPAID_ORDERS,
    TERMS_NOT_AGREED,
    UNKNOWN_AREA,
    UNKNOWN_AUTO_RENEWAL,
    UNKNOWN_DURATION,
    UNKNOWN_PACKAGE,
)
from ..models import (
    AUTO_RENEWAL_CHOICES,
    DURATION_CHOICES,
    MAX_BANDWIDTH,
    MIN_BANDWIDTH,
    BandwidthPackage,
    Order,
    geographic_span,
    is_cross_border,
)

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


def bandwidth_in_range(bandwidth) -> bool:
    """The one bandwidth rule: a whole number of Mbps from 2 to 10,000."""
    is_whole_number = isinstance(bandwidth, int) and not isinstance(bandwidth, bool)
    return is_whole_number and MIN_BANDWIDTH <= bandwidth <= MAX_BANDWIDTH


def check_bandwidth(bandwidth) -> None:
    if not bandwidth_in_range(bandwidth):
        raise field_error("bandwidth", BANDWIDTH_RANGE, "bandwidth_range")


def check_duration(duration_months) -> None:
    if duration_months not in DURATIONS:
        raise field_error("duration_months", UNKNOWN_DURATION, "unknown_duration")


def check_auto_renewal_months(auto_renewal_months) -> None:
    if auto_renewal_months not in AUTO_RENEWAL_PERIODS:
        raise field_error("auto_renewal_months", UNKNOWN_AUTO_RENEWAL, "unknown_auto_renewal")


def area_pair_taken(*, cen_instance: CenInstance, area_a: Area, area_b: Area) -> bool:
    span = geographic_span(area_a, area_b)
    return BandwidthPackage.objects.filter(cen_instance=cen_instance, geographic_span=span).exists()


def area_pair_taken_error(field: str, *, cen_id: str, areas: str) -> ValidationError:
    return field_error(field, AREA_PAIR_TAKEN, "area_pair_taken", cen_id=cen_id, areas=areas)


def _collect(errors: dict, check, *args) -> None:
    """Runs one field check, keeping its error beside the others'."""
    try:
        check(*args)
    except ValidationError as error:
        errors.update(error.error_dict)


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
        try:
            cen_instance = owned_cen(owner=owner, cen_instance_id=cen_instance_id)
        except ValidationError as error:
            errors.update(error.error_dict)
    areas = areas_by_code()
    area_a, area_b = areas.get(area_a_code), areas.get(area_b_code)
    if area_a is None:
        errors["area_a"] = refusal(UNKNOWN_AREA, "unknown_area")
    if area_b is None:
        errors["area_b"] = refusal(UNKNOWN_AREA, "unknown_area")
    _collect(errors, check_bandwidth, bandwidth)
    _collect(errors, check_duration, duration_months)
    _collect(errors, check_auto_renewal_months, auto_renewal_months)
    texts = {"name": name, "description": description}
    try:
        texts = clean_texts(**texts)
    except ValidationError as error:
        errors.update(error.error_dict)
    if area_a and area_b:
        if is_cross_border(area_a.code, area_b.code) and not cross_border_agreed:
            errors["cross_border_agreed"] = refusal(CROSS_BORDER_NOT_AGREED, "cross_border")
        if cen_instance and area_pair_taken(cen_instance=cen_instance, area_a=area_a, area_b=area_b):
            errors.update(
                area_pair_taken_error(
                    "area_b", cen_id=cen_instance.pk, areas=f"{area_a.display_name} ↔ {area_b.display_name}"
                ).error_dict
            )
    if errors:
        raise ValidationError(errors)
    return Purchase(
        cen_instance=cen_instance,
        area_a=area_a,
        area_b=area_b,
        bandwidth=bandwidth,
        name=texts["name"],
        description=texts["description"],
        duration_months=duration_months,
        auto_renewal=bool(auto_renewal),
        auto_renewal_months=auto_renewal_months,
        quote=pricing.quote(
            area_a_code=area_a.code, area_b_code=area_b.code, bandwidth=bandwidth, duration_months=duration_months
        ),
    )


@dataclass(frozen=True)
class PurchasePreview:
    """What the purchase page shows beside the form while it is filled in."""

    area_a: Area | None
    area_b: Area | None
    cross_border: bool
    quote: pricing.Quote | None


def purchase_preview(*, area_a_code, area_b_code, bandwidth, duration_months) -> PurchasePreview:
    """The areas chosen so far, whether the pair is cross-border (the notice), and the running price."""
    areas = areas_by_code()
    area_a, area_b = areas.get(str(area_a_code)), areas.get(str(area_b_code))
    return PurchasePreview(
        area_a=area_a,
        area_b=area_b,
        cross_border=bool(area_a and area_b and is_cross_border(area_a.pk, area_b.pk)),
        quote=live_quote(
            area_a_code=area_a_code, area_b_code=area_b_code, bandwidth=bandwidth, duration_months=duration_months
        ),
    )


def live_quote(*, area_a_code, area_b_code, bandwidth, duration_months) -> pricing.Quote | None:
    """The purchase page's running price, from whatever the form holds now; None while incomplete."""
    try:
        bandwidth, duration_months = int(bandwidth), int(duration_months)
        if bandwidth_in_range(bandwidth) and duration_months in DURATIONS:
            return pricing.quote(
                area_a_code=str(area_a_code),
                area_b_code=str(area_b_code),
                bandwidth=bandwidth,
                duration_months=duration_months,
            )
    except (TypeError, ValueError, KeyError):
        pass
    return None


def owned_package(*, owner, package_id: str, lock: bool = False) -> BandwidthPackage:
    """One of the owner's packages that is not released; refused with UNKNOWN_PACKAGE otherwise."""
    packages = BandwidthPackage.objects.active().filter(owner=owner)
    if lock:
        packages = packages.select_for_update()
    package = packages.filter(pk=package_id).first()
    if package is None:
        raise field_error("package", UNKNOWN_PACKAGE, "unknown_package")
    return package


def payment_deadline(placed_at):
    """When an order placed at `placed_at` lapses if unpaid."""
    return placed_at + timedelta(hours=settings.ORDER_PAYMENT_WINDOW_HOURS)


def check_no_pending_deletion(package: BandwidthPackage) -> None:
    """Orders and deletion tickets exclude each other: a package with a pending ticket is not renewed,
    upgraded or downgraded. (Tickets sit above this app: read through the relation.)"""
    ticket = package.deletion_tickets.open().first()
    if ticket is not None:
        raise field_error("package", DELETION_PENDING, "deletion_pending", package_id=package.pk, ticket=ticket.number)


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


def agreed_to_terms(terms_agreed: bool, build):
    """Every Buy Now (Buy, Renew, Upgrade, Downgrade) needs the Terms of Service selected: build() runs
    the order's own checks, whose refusals come back together with this one."""

    def checked_build():
        errors = {}
        if terms_agreed is not True:
            errors["terms_agreed"] = refusal(TERMS_NOT_AGREED, "terms_not_agreed")
        try:
            order = build()
        except ValidationError as error:
            if not hasattr(error, "error_dict"):
                raise
            errors.update(error.error_dict)
        if errors:
            raise ValidationError(errors)
        return order

    return checked_build


def order_create(*, owner, idempotency_key: str, build, quota: bool = True) -> Order:
    """One order per idempotency key: an existing order for the key is returned as it is; otherwise
    build() checks the rules and returns the unsaved order, which must be paid before its deadline.
    The account's quotas are counted under its order lock (taken first, so simultaneous Buy Nows
    count one after another); `quota=False` is for seeding the demo, which already holds the account."""
    if not idempotency_key or len(idempotency_key) > 64:
        raise field_error("idempotency_key", MISSING_IDEMPOTENCY_KEY, "idempotency_key")
    existing = Order.objects.filter(owner=owner, idempotency_key=idempotency_key).first()
    if existing:
        return existing
    # The rules are checked before the transaction, so the database's write lock (SQLite's is one for
    # the whole file) is held only for the count and the insert; Pay checks the package again.
    order = build()
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


def order_create_purchase(*, owner, idempotency_key: str, terms_agreed: bool, quota: bool = True, **purchase) -> Order:
    """Buy Now: an unpaid order for a checked purchase, with the Terms of Service agreed. The same key
    always gives the same order."""

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

    return order_create(
        owner=owner, idempotency_key=idempotency_key, build=agreed_to_terms(terms_agreed, build), quota=quota
    )


def package_order(package: BandwidthPackage, **fields) -> Order:
    """An unsaved order that changes an existing package (Renew, Upgrade, Downgrade), priced on the
    package as it is now: its version goes with the order."""
    return Order(
        **{
            "package": package,
            "package_version": package.version,
            "cen_instance_id": package.cen_instance_id,
            "area_a_id": package.area_a_id,
            "area_b_id": package.area_b_id,
            "name": package.name,
            "description": package.description,
            "auto_renewal": package.auto_renewal,
            "auto_renewal_months": package.auto_renewal_months,
            "unit_price": pricing.unit_price(package.area_a_id, package.area_b_id),
            **fields,
        }
    )
