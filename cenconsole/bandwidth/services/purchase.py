"""Buy Now: the purchase rules, their preview and live quote, and the Buy order (one per idempotency key, through
orders.order_place)."""

import inspect
from dataclasses import dataclass

from django.core.exceptions import ValidationError

from cenconsole.cen.models import CenInstance
from cenconsole.cen.selectors import owned_cen
from cenconsole.core.errors import field_error, refusal
from cenconsole.core.validators import clean_texts
from cenconsole.regions.models import Area
from cenconsole.regions.selectors import areas_by_code

from .. import pricing
from ..messages import (
    AREA_PAIR_TAKEN,
    BANDWIDTH_RANGE,
    CROSS_BORDER_NOT_AGREED,
    DELETION_PENDING,
    ORDER_KEY_OTHER_TERMS,
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
from .orders import order_for_key, order_place, terms_required

DURATIONS = dict(DURATION_CHOICES)
AUTO_RENEWAL_PERIODS = dict(AUTO_RENEWAL_CHOICES)


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


def check_area_pair_free(*, cen_instance: CenInstance, area_a: Area, area_b: Area, field="area_b_code") -> None:
    """One package per area pair per CEN instance (either order of the two areas); refused on Area B."""
    if area_pair_taken(cen_instance=cen_instance, area_a=area_a, area_b=area_b):
        areas = f"{area_a.display_name} ↔ {area_b.display_name}"
        raise area_pair_taken_error(field, cen_id=cen_instance.pk, areas=areas)


def _collect(errors: dict, check, *args, **kwargs):
    """Runs one check, keeping its field errors beside the others'; returns what the check returns
    (None when it refused)."""
    try:
        return check(*args, **kwargs)
    except ValidationError as error:
        errors.update(error.error_dict)
        return None


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
) -> Order:
    """Checks every purchase rule and prices the package: the unsaved Buy order, or a ValidationError
    with every refusal at once, each keyed by its argument (the purchase form names its fields the
    same). cen_instance_id None buys the package unbound (the API's CreateCenBandwidthPackage)."""
    errors = {}
    cen_instance = None
    if cen_instance_id is not None:
        cen_instance = _collect(errors, owned_cen, owner=owner, cen_instance_id=cen_instance_id)
    areas = areas_by_code()
    area_a, area_b = areas.get(area_a_code), areas.get(area_b_code)
    if area_a is None:
        errors["area_a_code"] = refusal(UNKNOWN_AREA, "unknown_area")
    if area_b is None:
        errors["area_b_code"] = refusal(UNKNOWN_AREA, "unknown_area")
    _collect(errors, check_bandwidth, bandwidth)
    _collect(errors, check_duration, duration_months)
    _collect(errors, check_auto_renewal_months, auto_renewal_months)
    texts = _collect(errors, clean_texts, name=name, description=description)
    if area_a and area_b:
        if is_cross_border(area_a.code, area_b.code) and not cross_border_agreed:
            errors["cross_border_agreed"] = refusal(CROSS_BORDER_NOT_AGREED, "cross_border")
        if cen_instance:
            _collect(errors, check_area_pair_free, cen_instance=cen_instance, area_a=area_a, area_b=area_b)
    if errors:
        raise ValidationError(errors)
    quote = pricing.quote(
        area_a_code=area_a.code, area_b_code=area_b.code, bandwidth=bandwidth, duration_months=duration_months
    )
    return Order(
        order_type=Order.Type.BUY,
        cen_instance=cen_instance,
        area_a=area_a,
        area_b=area_b,
        bandwidth=bandwidth,
        **texts,  # the name and description, cleaned
        duration_months=duration_months,
        auto_renewal=bool(auto_renewal),
        auto_renewal_months=auto_renewal_months,
        unit_price=quote.unit_price,
        amount=quote.total,
    )


def purchase_recheck(order: Order) -> None:
    """Pay's check of a Buy order: what the account may have changed since Buy Now checked it (its CEN
    instance deleted, a package bought for the same pair). The order's own values were checked then and
    do not change."""
    if order.cen_instance_id is None:
        return
    cen_instance = owned_cen(owner=order.owner, cen_instance_id=order.cen_instance_id)
    areas = areas_by_code()
    check_area_pair_free(cen_instance=cen_instance, area_a=areas[order.area_a_id], area_b=areas[order.area_b_id])


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


def check_no_pending_deletion(package: BandwidthPackage) -> None:
    """Orders and deletion tickets exclude each other: a package with a pending ticket is not renewed,
    upgraded or downgraded. (Tickets sit above this app: read through the relation.)"""
    ticket = package.deletion_tickets.open().first()
    if ticket is not None:
        raise field_error("package", DELETION_PENDING, "deletion_pending", package_id=package.pk, ticket=ticket.number)


def order_create_purchase(*, owner, idempotency_key: str, terms_agreed: bool, quota: bool = True, **purchase) -> Order:
    """Buy Now: an unpaid Buy order for a purchase (purchase_check's arguments), the Terms of Service
    agreed. The same key with the same purchase always gives the same order (whatever the rules would
    say now); the same key with another purchase is refused (the API's IdempotentParameterMismatch)."""
    existing = order_for_key(owner=owner, idempotency_key=idempotency_key)
    if existing:
        return check_same_purchase(existing, **purchase)
    # Checked before order_place's transaction, so the database's write lock (SQLite's is one for the
    # whole file) is held only for the count and the insert; Pay checks the order again.
    with terms_required(terms_agreed):
        order = purchase_check(owner=owner, **purchase)
    placed = order_place(order, owner=owner, idempotency_key=idempotency_key, quota=quota)
    if placed is not order:  # a concurrent Buy Now with the same key placed its order first
        check_same_purchase(placed, **purchase)
    return placed


# Buy Now's arguments (purchase_check's) that the Buy order names otherwise; the others are order fields of the
# same name, but for the account and the agreement, which is not a term (an order placed has had it).
ORDER_FIELDS = {"area_a_code": "area_a_id", "area_b_code": "area_b_id"}
NOT_TERMS = {"owner", "cross_border_agreed"}


def check_same_purchase(order: Order, **purchase) -> Order:
    """The order its key already placed, if it is the purchase asked now (purchase_check's arguments with its
    defaults, the name and description as cleaned); refused with ORDER_KEY_OTHER_TERMS otherwise."""
    asked = inspect.signature(purchase_check).bind(owner=order.owner_id, **purchase)
    asked.apply_defaults()
    terms = {ORDER_FIELDS.get(name, name): value for name, value in asked.arguments.items() if name not in NOT_TERMS}
    try:
        terms |= clean_texts(name=terms["name"], description=terms["description"])
    except ValidationError:
        pass  # not storable, so not what the order holds
    if order.order_type != Order.Type.BUY or any(getattr(order, field) != value for field, value in terms.items()):
        raise refusal(ORDER_KEY_OTHER_TERMS, "order_key_other_terms", number=order.number)
    return order
