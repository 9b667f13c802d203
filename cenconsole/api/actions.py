"""The CEN API's actions (product Cbn, version 2017-09-12). Each reads its parameters, calls the same
service or selector the console calls, and shapes the answer as the real API does. Every rule and
refusal lives in the services; errors.SERVICE_ERRORS names their refusals the API's way."""

import hashlib
import uuid

from django.core.exceptions import ValidationError
from django.db.models import Q

from cenconsole.bandwidth import services as bandwidth_services
from cenconsole.bandwidth.models import PACKAGE_STATUS_CONDITIONS, BandwidthPackage, geographic_span
from cenconsole.bandwidth.selectors import package_list, packages_for_cen
from cenconsole.cen import services as cen_services
from cenconsole.cen.models import CenInstance
from cenconsole.cen.selectors import cen_instance_get, cen_instances_for
from cenconsole.networks import services as network_services
from cenconsole.networks.models import RegionConnection
from cenconsole.networks.selectors import with_usage
from cenconsole.regions.models import Area, Region

from . import errors
from . import representations as show
from . import services as api_services
from .params import Params

CLIENT_TOKEN_MAX_LENGTH = 64
ORDER_KEY_PREFIX = "api:"


def _order_key(client_token: str | None) -> str:
    """The order's idempotency key: from the ClientToken (a retry finds the same order), or new."""
    if not client_token:
        return ORDER_KEY_PREFIX + uuid.uuid4().hex
    if len(ORDER_KEY_PREFIX + client_token) > 64:
        client_token = hashlib.sha256(client_token.encode()).hexdigest()[:60]
    return ORDER_KEY_PREFIX + client_token


def _area_code(value: str) -> str:
    """An area id in any case (China, china) as the areas table spells it; unknown ids pass through
    for the service to refuse."""
    area = Area.objects.filter(code__iexact=value).values_list("code", flat=True).first()
    return area or value


def _area(params: Params, name: str) -> Area:
    value = params.string(name, required=True)
    area = Area.objects.filter(code__iexact=value).first()
    if area is None:
        raise errors.invalid_parameter(name, "China, North-America, Asia-Pacific, Europe or Australia expected.")
    return area


def _page(items, params: Params, *, wrapper: str, item: str, show_item) -> dict:
    number, size = params.page()
    total = len(items) if isinstance(items, list) else items.count()
    start = (number - 1) * size
    shown = [show_item(each) for each in items[start : start + size]]
    return show.page(shown, total=total, number=number, size=size, wrapper=wrapper, item=item)


# CEN instances -------------------------------------------------------------------------------------


def create_cen(*, owner, params: Params) -> dict:
    name, description = params.string("Name") or "", params.string("Description") or ""
    params.string("ProtectionLevel", choices=["REDUCED"])
    token = params.string("ClientToken", max_length=CLIENT_TOKEN_MAX_LENGTH)

    def create():
        return cen_services.cen_instance_create(owner=owner, name=name, description=description).pk

    return {"CenId": api_services.client_token_once(owner=owner, action="CreateCen", token=token, create=create)}


def describe_cens(*, owner, params: Params) -> dict:
    filters = params.filters({"CenId", "Name"})
    instances = cen_instances_for(owner=owner).order_by("-created_at", "-id")
    if "CenId" in filters:
        instances = instances.filter(pk__in=filters["CenId"])
    if "Name" in filters:
        instances = instances.filter(name__in=filters["Name"])
    number, size = params.page()
    page = list(instances[(number - 1) * size : number * size])
    package_ids = {instance.pk: [] for instance in page}
    bound = BandwidthPackage.objects.active().filter(cen_instance__in=page).order_by("created_at", "id")
    for cen_id, package_id in bound.values_list("cen_instance_id", "pk"):
        package_ids[cen_id].append(package_id)
    shown = [show.cen(instance, package_ids[instance.pk]) for instance in page]
    return show.page(shown, total=instances.count(), number=number, size=size, wrapper="Cens", item="Cen")


def delete_cen(*, owner, params: Params) -> dict:
    cen_services.cen_instance_delete(owner=owner, cen_id=params.string("CenId", required=True))
    return {}


# Bandwidth packages --------------------------------------------------------------------------------


def create_cen_bandwidth_package(*, owner, params: Params) -> dict:
    """Buys a package unbound (AssociateCenBandwidthPackage binds it), as the real API does, and pays
    at once unless AutoPay is false: then the order waits on the console's Orders page."""
    area_a = _area_code(params.string("GeographicRegionAId", required=True))
    area_b = _area_code(params.string("GeographicRegionBId", required=True))
    bandwidth = params.integer("Bandwidth", required=True)
    params.string("BandwidthPackageChargeType", choices=["PREPAY"])  # subscription only, as on the international site
    cycle = params.string("PricingCycle", choices=["Month", "Year"]) or "Month"
    period = params.integer("Period", default=1)
    token = params.string("ClientToken", max_length=CLIENT_TOKEN_MAX_LENGTH)
    # AutoPay (the default) buys and pays in one transaction: a purchase that cannot be paid fails the
    # call and leaves no order; AutoPay=false leaves an order on the Orders page, which lapses if unpaid.
    place = (
        bandwidth_services.buy_and_pay
        if params.boolean("AutoPay", default=True)
        else bandwidth_services.order_create_purchase
    )
    order = place(
        owner=owner,
        idempotency_key=_order_key(token),
        cen_instance_id=None,
        area_a_code=area_a,
        area_b_code=area_b,
        bandwidth=bandwidth,
        name=params.string("Name") or "",
        description=params.string("Description") or "",
        duration_months=period * 12 if cycle == "Year" else period,
        auto_renewal=params.boolean("AutoRenew"),
        auto_renewal_months=params.integer("AutoRenewDuration", default=1),
        # The API has no agreement parameter: calling it for a cross-border pair is the agreement.
        cross_border_agreed=True,
    )
    return {"CenBandwidthPackageId": order.package_id or "", "OrderId": str(order.pk)}


# The statuses the API filters by (released packages are not listed at all).
API_STATUSES = {BandwidthPackage.Status.IDLE, BandwidthPackage.Status.IN_USE}


def describe_cen_bandwidth_packages(*, owner, params: Params) -> dict:
    filters = params.filters({"CenId", "Status", "CenBandwidthPackageId", "Name"})
    conditions = []
    if "CenId" in filters:
        conditions.append(Q(cen_instance_id__in=filters["CenId"]))
    if "Status" in filters:
        statuses = [PACKAGE_STATUS_CONDITIONS[value] for value in filters["Status"] if value in API_STATUSES]
        conditions.append(_any(statuses))
    if "CenBandwidthPackageId" in filters:
        conditions.append(Q(pk__in=filters["CenBandwidthPackageId"]))
    if "Name" in filters:
        conditions.append(Q(name__in=filters["Name"]))
    packages = package_list(owner=owner)
    if conditions:
        packages = packages.filter(_any(conditions) if params.boolean("IsOrKey") else _all(conditions))
    return _page(
        packages, params, wrapper="CenBandwidthPackages", item="CenBandwidthPackage", show_item=show.bandwidth_package
    )


def _any(conditions: list[Q]) -> Q:
    combined = Q(pk__in=[])  # matches nothing: an empty OR
    for condition in conditions:
        combined |= condition
    return combined


def _all(conditions: list[Q]) -> Q:
    combined = Q()
    for condition in conditions:
        combined &= condition
    return combined


def associate_cen_bandwidth_package(*, owner, params: Params) -> dict:
    bandwidth_services.package_bind(
        owner=owner,
        cen_instance_id=params.string("CenId", required=True),
        package_id=params.string("CenBandwidthPackageId", required=True),
    )
    return {}


def unassociate_cen_bandwidth_package(*, owner, params: Params) -> dict:
    bandwidth_services.package_unbind(
        owner=owner,
        cen_instance_id=params.string("CenId", required=True),
        package_id=params.string("CenBandwidthPackageId", required=True),
    )
    return {}


def modify_cen_bandwidth_package_attribute(*, owner, params: Params) -> dict:
    bandwidth_services.package_modify_attribute(
        owner=owner,
        package_id=params.string("CenBandwidthPackageId", required=True),
        name=params.string("Name"),
        description=params.string("Description"),
    )
    return {}


def modify_cen_bandwidth_package_spec(*, owner, params: Params) -> dict:
    """Upgrade or Downgrade, ordered and paid at once, exactly as the console's Upgrade/Downgrade."""
    order = bandwidth_services.order_create_resize(
        owner=owner,
        idempotency_key=_order_key(None),
        package_id=params.string("CenBandwidthPackageId", required=True),
        bandwidth=params.integer("Bandwidth", required=True),
    )
    bandwidth_services.order_pay(owner=owner, order_id=order.pk)
    return {}


def delete_cen_bandwidth_package(*, owner, params: Params) -> dict:
    """Always refused, by the service's release check: the one way to delete a package is a deletion
    ticket (Request Deletion in the console), which staff approve."""
    bandwidth_services.package_delete_check(
        owner=owner, package_id=params.string("CenBandwidthPackageId", required=True)
    )
    raise AssertionError("package_delete_check always refuses")  # pragma: no cover


# Region connections (inter-region bandwidth) --------------------------------------------------------


def set_cen_inter_region_bandwidth_limit(*, owner, params: Params) -> dict:
    """Sets, changes or (BandwidthLimit 0) removes the connection between two regions."""
    params.string("BandwidthType", choices=["BandwidthPackage"])
    network_services.region_connection_set_by_regions(
        owner=owner,
        cen_instance_id=params.string("CenId", required=True),
        local_region_code=params.string("LocalRegionId", required=True),
        opposite_region_code=params.string("OppositeRegionId", required=True),
        bandwidth=params.integer("BandwidthLimit", required=True),
    )
    return {}


def describe_cen_inter_region_bandwidth_limits(*, owner, params: Params) -> dict:
    cen_id = params.string("CenId")
    region_id = params.string("TrRegionId")
    instances = cen_instances_for(owner=owner)
    if cen_id is not None:
        instances = instances.filter(pk=cen_instance_get(owner=owner, cen_id=cen_id).pk)
    connections = RegionConnection.objects.filter(cen_instance__in=instances).select_related("package")
    if region_id:
        connections = connections.filter(Q(local_region_id=region_id) | Q(opposite_region_id=region_id))
    return _page(
        connections.order_by("created_at", "id"),
        params,
        wrapper="CenInterRegionBandwidthLimits",
        item="CenInterRegionBandwidthLimit",
        show_item=show.inter_region_bandwidth_limit,
    )


# Areas and their spans ------------------------------------------------------------------------------


def describe_geographic_region_membership(*, owner, params: Params) -> dict:
    area = _area(params, "GeographicRegionId")
    regions = Region.objects.filter(area=area).order_by("position")
    return _page(regions, params, wrapper="RegionIds", item="RegionId", show_item=lambda r: {"RegionId": r.pk})


def _spans() -> list[tuple[str, Area, Area]]:
    """Every pair of areas, a same-area pair included, in the seed table's order."""
    areas = list(Area.objects.order_by("position"))
    return [(geographic_span(a, b), a, b) for index, a in enumerate(areas) for b in areas[index:]]


def describe_cen_geographic_spans(*, owner, params: Params) -> dict:
    span_id = params.string("GeographicSpanId")
    spans = [span for span in _spans() if span_id is None or span[0] == span_id.lower()]
    return _page(
        spans,
        params,
        wrapper="GeographicSpanModels",
        item="GeographicSpanModel",
        show_item=lambda span: show.geographic_span(*span),
    )


def describe_cen_geographic_span_remaining_bandwidth(*, owner, params: Params) -> dict:
    """What the CEN instance's package for an area pair has left for region connections (0 without one)."""
    cen_instance = cen_instance_get(owner=owner, cen_id=params.string("CenId", required=True))
    span = geographic_span(_area(params, "GeographicRegionAId"), _area(params, "GeographicRegionBId"))
    params.page()
    package = with_usage(packages_for_cen(owner=owner, cen_instance=cen_instance)).filter(geographic_span=span).first()
    return {"RemainingBandwidth": max(package.remaining_bandwidth, 0) if package else 0}


ACTIONS = {
    "CreateCen": create_cen,
    "DescribeCens": describe_cens,
    "DeleteCen": delete_cen,
    "CreateCenBandwidthPackage": create_cen_bandwidth_package,
    "DescribeCenBandwidthPackages": describe_cen_bandwidth_packages,
    "AssociateCenBandwidthPackage": associate_cen_bandwidth_package,
    "UnassociateCenBandwidthPackage": unassociate_cen_bandwidth_package,
    "ModifyCenBandwidthPackageAttribute": modify_cen_bandwidth_package_attribute,
    "ModifyCenBandwidthPackageSpec": modify_cen_bandwidth_package_spec,
    "DeleteCenBandwidthPackage": delete_cen_bandwidth_package,
    "SetCenInterRegionBandwidthLimit": set_cen_inter_region_bandwidth_limit,
    "DescribeCenInterRegionBandwidthLimits": describe_cen_inter_region_bandwidth_limits,
    "DescribeGeographicRegionMembership": describe_geographic_region_membership,
    "DescribeCenGeographicSpans": describe_cen_geographic_spans,
    "DescribeCenGeographicSpanRemainingBandwidth": describe_cen_geographic_span_remaining_bandwidth,
}


def run(action: str, *, owner, parameters: dict[str, str]) -> dict:
    """Runs an action as owner; a service's refusal becomes the API's error."""
    try:
        return ACTIONS[action](owner=owner, params=Params(parameters))
    except ValidationError as refusal:
        raise errors.from_service_error(refusal) from None
    except CenInstance.DoesNotExist:
        raise errors.service_error("unknown_cen") from None
    except BandwidthPackage.DoesNotExist:
        raise errors.service_error("unknown_package") from None
