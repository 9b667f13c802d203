"""The CEN API's actions (product Cbn, version 2017-09-12). Each reads its parameters, calls the same
service or selector the console calls, and shapes the answer as the real API does. Every rule and
refusal lives in the services; errors.SERVICE_ERRORS names their refusals the API's way."""

import hashlib
import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from cenconsole.bandwidth import services as bandwidth_services
from cenconsole.bandwidth.models import PACKAGE_STATUS_CONDITIONS, BandwidthPackage, geographic_span
from cenconsole.bandwidth.selectors import package_list, packages_for, packages_for_cen
from cenconsole.cen import services as cen_services
from cenconsole.cen.models import CenInstance
from cenconsole.cen.selectors import cen_instance_get, cen_instances_for
from cenconsole.networks import services as network_services
from cenconsole.networks.models import NetworkInstance, RegionConnection
from cenconsole.networks.selectors import network_instances_for, with_usage
from cenconsole.regions.models import Area, Region
from cenconsole.tags import selectors as tag_selectors
from cenconsole.tags import services as tag_services
from cenconsole.tags.models import Tag

from . import errors
from . import representations as show
from . import services as api_services
from .models import ConnectionDirection
from .params import Params

CLIENT_TOKEN_MAX_LENGTH = 64
ORDER_KEY_PREFIX = "api:"
UNKNOWN_CHILD_INSTANCE = "The specified ChildInstanceId is not attached to this CEN instance."
ACROSS_ACCOUNTS = "Operation is invalid because the child-instance is not authorized to CEN."


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
    tags = _tags_to_set(params)

    def create():
        instance = cen_services.cen_instance_create(owner=owner, name=name, description=description)
        tag_services.tags_add(owner=owner, resource_type=Tag.ResourceType.CEN, resources=[instance], tags=tags)
        return instance.pk

    return {"CenId": api_services.client_token_once(owner=owner, action="CreateCen", token=token, create=create)}


def modify_cen_attribute(*, owner, params: Params) -> dict:
    params.string("ProtectionLevel", choices=["REDUCED"])
    cen_services.cen_instance_modify_attribute(
        owner=owner,
        cen_id=params.string("CenId", required=True),
        name=params.string("Name"),
        description=params.string("Description"),
    )
    return {}


def describe_cens(*, owner, params: Params) -> dict:
    filters = params.filters({"CenId", "Name"})
    tags = params.tags()
    instances = cen_instances_for(owner=owner).order_by("-created_at", "-id")
    if "CenId" in filters:
        instances = instances.filter(pk__in=filters["CenId"])
    if "Name" in filters:
        instances = instances.filter(name__in=filters["Name"])
    if tags:
        instances = instances.filter(
            pk__in=tag_selectors.tagged_resource_ids(owner=owner, resource_type=Tag.ResourceType.CEN, tags=tags)
        )
    number, size = params.page()
    page = list(instances[(number - 1) * size : number * size])
    package_ids = {instance.pk: [] for instance in page}
    bound = BandwidthPackage.objects.active().filter(cen_instance__in=page).order_by("created_at", "id")
    for cen_id, package_id in bound.values_list("cen_instance_id", "pk"):
        package_ids[cen_id].append(package_id)
    tags_by_cen = tag_selectors.tags_for(
        owner=owner, resource_type=Tag.ResourceType.CEN, resource_ids=[instance.pk for instance in page]
    )
    shown = [show.cen(instance, package_ids[instance.pk], tags_by_cen[instance.pk]) for instance in page]
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
    tags = _tags_to_set(params)
    with transaction.atomic():  # the tags are kept with the purchase, or neither is
        order = _purchase(owner, params, token, area_a, area_b, bandwidth, cycle, period)
        if tags and order.package_id:
            package = packages_for(owner=owner).get(pk=order.package_id)
            tag_services.tags_add(
                owner=owner, resource_type=Tag.ResourceType.BANDWIDTH_PACKAGE, resources=[package], tags=tags
            )
    # The SDKs' models read CenBandwidthPackageOrderId (OrderId is kept for older scripts).
    order_id = str(order.pk)
    return {
        "CenBandwidthPackageId": order.package_id or "",
        "CenBandwidthPackageOrderId": order_id,
        "OrderId": order_id,
    }


def _purchase(owner, params: Params, token, area_a, area_b, bandwidth, cycle, period):
    # AutoPay (the default) buys and pays in one transaction: a purchase that cannot be paid fails the
    # call and leaves no order; AutoPay=false leaves an order on the Orders page, which lapses if unpaid.
    place = (
        bandwidth_services.buy_and_pay
        if params.boolean("AutoPay", default=True)
        else bandwidth_services.order_create_purchase
    )
    return place(
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
        # The API has no agreement parameters: calling it is the agreement to the Terms of Service (and,
        # for a cross-border pair, to the cross-border agreement) that the console asks to select.
        cross_border_agreed=True,
        terms_agreed=True,
    )


# The statuses the API filters by (released packages are not listed at all).
API_STATUSES = {BandwidthPackage.Status.IDLE, BandwidthPackage.Status.IN_USE}


def describe_cen_bandwidth_packages(*, owner, params: Params) -> dict:
    filters = params.filters({"CenId", "Status", "CenBandwidthPackageId", "Name"})
    tags = params.tags()
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
    package_type = Tag.ResourceType.BANDWIDTH_PACKAGE
    if tags:
        packages = packages.filter(
            pk__in=tag_selectors.tagged_resource_ids(owner=owner, resource_type=package_type, tags=tags)
        )
    number, size = params.page()
    page = list(packages[(number - 1) * size : number * size])
    tags_by_package = tag_selectors.tags_for(
        owner=owner, resource_type=package_type, resource_ids=[package.pk for package in page]
    )
    shown = [show.bandwidth_package(package, tags_by_package[package.pk]) for package in page]
    return show.page(
        shown,
        total=packages.count(),
        number=number,
        size=size,
        wrapper="CenBandwidthPackages",
        item="CenBandwidthPackage",
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
    """Binds an available package; the service refuses an expired (FinancialLocked) one, as the real
    API does (Terraform retries on that code while a renewal is paid)."""
    cen_id = params.string("CenId", required=True)
    package_id = params.string("CenBandwidthPackageId", required=True)
    bandwidth_services.package_bind(owner=owner, cen_instance_id=cen_id, package_id=package_id)
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
        terms_agreed=True,  # calling the API is the agreement to the Terms of Service
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
    local_region, opposite_region = (
        params.string("LocalRegionId", required=True),
        params.string("OppositeRegionId", required=True),
    )
    with transaction.atomic():
        connection = network_services.region_connection_set_by_regions(
            owner=owner,
            cen_instance_id=params.string("CenId", required=True),
            local_region_code=local_region,
            opposite_region_code=opposite_region,
            bandwidth=params.integer("BandwidthLimit", required=True),
        )
        if connection is not None:
            api_services.connection_direction_record(
                connection=connection, local_region_id=local_region, opposite_region_id=opposite_region
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
    number, size = params.page()
    page = list(connections.order_by("created_at", "id")[(number - 1) * size : number * size])
    directions = ConnectionDirection.objects.in_bulk([connection.pk for connection in page])
    shown = [
        show.inter_region_bandwidth_limit(connection, *_direction(connection, directions.get(connection.pk)))
        for connection in page
    ]
    return show.page(
        shown,
        total=connections.count(),
        number=number,
        size=size,
        wrapper="CenInterRegionBandwidthLimits",
        item="CenInterRegionBandwidthLimit",
    )


def _direction(connection, direction: ConnectionDirection | None) -> tuple[str, str]:
    """(local, opposite) as the API caller gave them, else as the console stores them."""
    stored = (connection.local_region_id, connection.opposite_region_id)
    if direction is not None and (direction.opposite_region_id, direction.local_region_id) == stored:
        return direction.local_region_id, direction.opposite_region_id
    return stored


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


# Tags ------------------------------------------------------------------------------------------------

RESOURCE_TYPES = {"cen": Tag.ResourceType.CEN, "bandwidthpackage": Tag.ResourceType.BANDWIDTH_PACKAGE}


def _tags_to_set(params: Params) -> list[tuple[str, str]]:
    """Tag.N.Key / Tag.N.Value to attach (a missing value is the empty value), checked before anything
    is created, so invalid tags refuse the whole request."""
    return tag_services.tag_validate([(key, value or "") for key, value in params.tags()])


def _resource_type(params: Params) -> str:
    value = params.string("ResourceType", required=True)
    resource_type = RESOURCE_TYPES.get(value.lower())
    if resource_type is None:
        raise errors.invalid_parameter("ResourceType", "cen or bandwidthpackage expected.")
    return resource_type


def _owned_resources(owner, resource_type: str, resource_ids: list[str]):
    """The caller's resources with these IDs; any ID that is not theirs refuses the request as unknown."""
    if resource_type == Tag.ResourceType.CEN:
        found = cen_instances_for(owner=owner).in_bulk(resource_ids)
        unknown = "unknown_cen"
    else:
        found = packages_for(owner=owner).in_bulk(resource_ids)
        unknown = "unknown_package"
    missing = [resource_id for resource_id in resource_ids if resource_id not in found]
    if missing:
        raise errors.service_error(unknown)
    return [found[resource_id] for resource_id in dict.fromkeys(resource_ids)]


def _resource_ids(params: Params) -> list[str]:
    resource_ids = params.indexed("ResourceId")
    if not resource_ids:
        raise errors.missing_parameter("ResourceId.1")
    return resource_ids


def tag_resources(*, owner, params: Params) -> dict:
    resource_type = _resource_type(params)
    resource_ids = _resource_ids(params)
    tags = _tags_to_set(params)
    if not tags:
        raise errors.missing_parameter("Tag.1.Key")
    resources = _owned_resources(owner, resource_type, resource_ids)
    tag_services.tags_add(owner=owner, resource_type=resource_type, resources=resources, tags=tags)
    return {}


def untag_resources(*, owner, params: Params) -> dict:
    """Removes the TagKey.N tags, or (All=true, no TagKey) every tag, from each resource."""
    resource_type = _resource_type(params)
    resource_ids = _resource_ids(params)
    keys = params.indexed("TagKey")
    remove_all = params.boolean("All")
    if not keys and not remove_all:
        raise errors.missing_parameter("TagKey.1")
    resources = _owned_resources(owner, resource_type, resource_ids)
    tag_services.tags_remove(owner=owner, resource_type=resource_type, resources=resources, keys=keys or None)
    return {}


LIST_TAGS_PAGE_SIZE = 50


def list_tag_resources(*, owner, params: Params) -> dict:
    """The tags of the given resources (ResourceId.N), or of the resources carrying every Tag.N,
    50 at a time (PageSize); NextToken continues where the last answer stopped."""
    resource_type = _resource_type(params)
    resource_ids = params.indexed("ResourceId")
    tags = params.tags()
    size = params.integer("PageSize", default=LIST_TAGS_PAGE_SIZE)
    if not 1 <= size <= LIST_TAGS_PAGE_SIZE:
        raise errors.invalid_parameter("PageSize", f"1 to {LIST_TAGS_PAGE_SIZE} expected.")
    token = params.string("NextToken") or "0"
    if not token.isdigit():
        raise errors.invalid_parameter("NextToken", "the NextToken of the previous answer expected.")
    start = int(token)
    rows = list(
        tag_selectors.tag_list(owner=owner, resource_type=resource_type, resource_ids=resource_ids, tags=tags)[
            start : start + size + 1
        ]
    )
    next_token = str(start + size) if len(rows) > size else ""
    shown = [
        {"ResourceId": tag.resource_id, "ResourceType": resource_type, "TagKey": tag.key, "TagValue": tag.value}
        for tag in rows[:size]
    ]
    return {"NextToken": next_token, "TagResources": {"TagResource": shown}}


# Child instances (the Networks tab's network instances) ------------------------------------------------


def _child_instance_type(params: Params, *, required: bool) -> str | None:
    value = params.string("ChildInstanceType", required=required)
    if value is not None and value.upper() != NetworkInstance.NetworkType.VPC:
        raise errors.invalid_parameter("ChildInstanceType", "VPC expected: this replica attaches VPCs only.")
    return value


def attach_cen_child_instance(*, owner, params: Params) -> dict:
    """Attaches a VPC: the network instance record takes the ChildInstanceId, as on the Networks tab."""
    cen_id = params.string("CenId", required=True)
    child_id = params.string("ChildInstanceId", required=True)
    region_id = params.string("ChildInstanceRegionId", required=True)
    _child_instance_type(params, required=True)
    owner_id = params.string("ChildInstanceOwnerId")
    if owner_id and owner_id != str(owner.pk):
        raise errors.ApiError("Forbbiden.AttachChildInstanceAcrossUid", ACROSS_ACCOUNTS, 409)  # documented
    network_services.network_instance_attach(
        owner=owner, cen_instance_id=cen_id, region_code=region_id, network_id=child_id
    )
    return {}


def detach_cen_child_instance(*, owner, params: Params) -> dict:
    cen_instance = cen_instance_get(owner=owner, cen_id=params.string("CenId", required=True))
    child_id = params.string("ChildInstanceId", required=True)
    region_id = params.string("ChildInstanceRegionId", required=True)
    _child_instance_type(params, required=True)
    network = (
        network_instances_for(owner=owner).filter(cen_instance=cen_instance, pk=child_id, region_id=region_id).first()
    )
    if network is None:
        raise errors.service_error("unknown_network", UNKNOWN_CHILD_INSTANCE)
    network_services.network_instance_detach(owner=owner, network_id=network.pk)
    return {}


def describe_cen_attached_child_instances(*, owner, params: Params) -> dict:
    cen_instance = cen_instance_get(owner=owner, cen_id=params.string("CenId", required=True))
    networks = network_instances_for(owner=owner).filter(cen_instance=cen_instance)
    region_id = params.string("ChildInstanceRegionId")
    if region_id:
        networks = networks.filter(region_id=region_id)
    if _child_instance_type(params, required=False):
        networks = networks.filter(network_type=NetworkInstance.NetworkType.VPC)
    return _page(
        networks.order_by("created_at", "id"),
        params,
        wrapper="ChildInstances",
        item="ChildInstance",
        show_item=show.child_instance,
    )


def describe_child_instance_regions(*, owner, params: Params) -> dict:
    """The regions a network instance can be attached from: every region of the seed's table."""
    product_type = params.string("ProductType")
    if product_type is not None and product_type.upper() != NetworkInstance.NetworkType.VPC:
        raise errors.invalid_parameter("ProductType", "VPC expected: this replica attaches VPCs only.")
    regions = Region.objects.select_related("area").order_by("area__position", "position")
    return {"Regions": {"Region": [{"RegionId": region.pk, "LocalName": region.name} for region in regions]}}


ACTIONS = {
    "CreateCen": create_cen,
    "DescribeCens": describe_cens,
    "DeleteCen": delete_cen,
    "ModifyCenAttribute": modify_cen_attribute,
    "TagResources": tag_resources,
    "UntagResources": untag_resources,
    "ListTagResources": list_tag_resources,
    "AttachCenChildInstance": attach_cen_child_instance,
    "DetachCenChildInstance": detach_cen_child_instance,
    "DescribeCenAttachedChildInstances": describe_cen_attached_child_instances,
    "DescribeChildInstanceRegions": describe_child_instance_regions,
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
    except NetworkInstance.DoesNotExist:
        raise errors.service_error("unknown_network", UNKNOWN_CHILD_INSTANCE) from None
