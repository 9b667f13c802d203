"""Bandwidth packages: buying, listing, binding, renaming, resizing; deleting is refused."""

from django.db import transaction
from django.db.models import Q

from cenconsole.accounts.resource_groups import in_resource_group
from cenconsole.bandwidth import services as bandwidth_services
from cenconsole.bandwidth.models import PACKAGE_STATUS_CONDITIONS, BandwidthPackage
from cenconsole.bandwidth.selectors import package_list, packages_for
from cenconsole.tags import selectors as tag_selectors
from cenconsole.tags import services as tag_services
from cenconsole.tags.models import Tag

from .. import representations as show
from ..params import Params
from .common import CLIENT_TOKEN_MAX_LENGTH, all_of, any_of, area_code, order_key
from .tags import tags_to_set


def create_cen_bandwidth_package(*, owner, params: Params) -> dict:
    """Buys a package unbound (AssociateCenBandwidthPackage binds it), as the real API does, and pays
    at once unless AutoPay is false: then the order waits on the console's Orders page."""
    area_a = area_code(params.string("GeographicRegionAId", required=True))
    area_b = area_code(params.string("GeographicRegionBId", required=True))
    bandwidth = params.integer("Bandwidth", required=True)
    params.string("BandwidthPackageChargeType", choices=["PREPAY"])  # subscription only, as on the international site
    cycle = params.string("PricingCycle", choices=["Month", "Year"]) or "Month"
    period = params.integer("Period", default=1)
    token = params.string("ClientToken", max_length=CLIENT_TOKEN_MAX_LENGTH)
    tags = tags_to_set(params)
    with transaction.atomic():  # the tags are kept with the purchase, or neither is
        order = _purchase(owner, params, token, area_a, area_b, bandwidth, cycle, period)
        if tags and order.package_id:
            package = packages_for(owner=owner).get(pk=order.package_id)
            tag_services.tags_add(
                owner=owner, resource_type=Tag.ResourceType.BANDWIDTH_PACKAGE, resources=[package], tags=tags
            )
    # The SDK's model has these two keys and no other (no OrderId: tests/api/test_sdk_contract.py).
    return {"CenBandwidthPackageId": order.package_id or "", "CenBandwidthPackageOrderId": str(order.pk)}


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
        idempotency_key=order_key(token),
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
        conditions.append(any_of(statuses))
    if "CenBandwidthPackageId" in filters:
        conditions.append(Q(pk__in=filters["CenBandwidthPackageId"]))
    if "Name" in filters:
        conditions.append(Q(name__in=filters["Name"]))
    packages = package_list(owner=owner)
    if conditions:
        packages = packages.filter(any_of(conditions) if params.boolean("IsOrKey") else all_of(conditions))
    resource_group = params.string("ResourceGroupId")
    if resource_group:
        packages = packages.filter(in_resource_group(resource_group, owner_id=owner.pk))
    with_reservation = params.boolean("IncludeReservationData")
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
    shown = [
        show.bandwidth_package(package, tags_by_package[package.pk], with_reservation=with_reservation)
        for package in page
    ]
    return show.page(
        shown,
        total=packages.count(),
        number=number,
        size=size,
        wrapper="CenBandwidthPackages",
        item="CenBandwidthPackage",
    )


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
        idempotency_key=order_key(None),
        package_id=params.string("CenBandwidthPackageId", required=True),
        bandwidth=params.integer("Bandwidth", required=True),
        terms_agreed=True,  # calling the API is the agreement to the Terms of Service
    )
    bandwidth_services.order_pay(owner=owner, order_id=order.pk)
    return {}


def temp_upgrade_cen_bandwidth_package_spec(*, owner, params: Params) -> dict:
    """A temporary upgrade to Bandwidth until EndTime (yyyy-MM-ddTHH:mmZ, UTC), ordered and paid at
    once; at EndTime the package returns to its bandwidth before (process_subscriptions)."""
    order = bandwidth_services.order_create_temporary_upgrade(
        owner=owner,
        idempotency_key=order_key(None),
        package_id=params.string("CenBandwidthPackageId", required=True),
        bandwidth=params.integer("Bandwidth", required=True),
        ends_at=params.time("EndTime", required=True),
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
