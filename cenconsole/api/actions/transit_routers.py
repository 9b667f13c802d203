"""Enterprise Edition transit routers and their VPC connections (the Transit Router tab)."""

from cenconsole.transit import selectors as transit_selectors
from cenconsole.transit import services as transit_services

from .. import errors
from .. import representations as show
from ..params import Params
from .common import dry_run_or_run, read_ignored, token_page

# Transit routers ---------------------------------------------------------------------------------


def create_transit_router(*, owner, params: Params) -> dict:
    """CreateTransitRouter: RegionId is the router's region."""
    cen_id = params.string("CenId", required=True)
    region_id = params.string("RegionId", required=True)
    name = params.string("TransitRouterName") or ""
    description = params.string("TransitRouterDescription") or ""
    read_ignored(params, "ClientToken")
    if params.boolean("SupportMulticast"):
        raise errors.invalid_parameter("SupportMulticast", "the replica's transit routers carry no multicast.")

    def attempt():
        return transit_services.transit_router_create(
            owner=owner, cen_instance_id=cen_id, region_code=region_id, name=name, description=description
        )

    return {"TransitRouterId": dry_run_or_run(params, attempt).pk}


def list_transit_routers(*, owner, params: Params) -> dict:
    routers = transit_selectors.transit_routers_for(owner=owner)
    cen_id = params.string("CenId")
    if cen_id:
        routers = routers.filter(cen_instance_id=cen_id)
    for parameter, field in (("RegionId", "region_id"), ("TransitRouterId", "pk"), ("TransitRouterName", "name")):
        value = params.string(parameter)
        if value:
            routers = routers.filter(**{field: value})
    status = params.string("Status")
    type_ = params.string("Type")
    if type_ and type_ != "Enterprise":
        routers = routers.none()
    number, size = params.page()
    shown = [show.transit_router(router) for router in routers]
    if status:
        shown = [router for router in shown if router["Status"] == status]
    start = (number - 1) * size
    return {
        "TransitRouters": shown[start : start + size],
        "TotalCount": len(shown),
        "PageNumber": number,
        "PageSize": size,
    }


def update_transit_router(*, owner, params: Params) -> dict:
    router_id = params.string("TransitRouterId", required=True)
    name = params.string("TransitRouterName")
    description = params.string("TransitRouterDescription")
    read_ignored(params, "ClientToken", "RegionId")

    def attempt():
        transit_services.transit_router_update(
            owner=owner, transit_router_id=router_id, name=name, description=description
        )

    dry_run_or_run(params, attempt)
    return {}


def delete_transit_router(*, owner, params: Params) -> dict:
    router_id = params.string("TransitRouterId", required=True)
    read_ignored(params, "ClientToken")

    def attempt():
        transit_services.transit_router_delete(owner=owner, transit_router_id=router_id)

    dry_run_or_run(params, attempt)
    return {}


# VPC connections ---------------------------------------------------------------------------------


def _zone_mappings(params: Params) -> list[tuple[str, str]]:
    """ZoneMappings.N.ZoneId and ZoneMappings.N.VSwitchId, in N's order."""
    zones = {}
    for key in list(params.data):
        parts = key.split(".")
        if len(parts) == 3 and parts[0] == "ZoneMappings" and parts[2] in {"ZoneId", "VSwitchId"}:
            if not parts[1].isascii() or not parts[1].isdigit() or not 1 <= int(parts[1]) <= 20:
                raise errors.invalid_parameter(key, "N must be 1 to 20.")
            zones.setdefault(int(parts[1]), {})[parts[2]] = params.string(key)
    for index, zone in sorted(zones.items()):
        for part in ("ZoneId", "VSwitchId"):
            if not zone.get(part):
                raise errors.missing_parameter(f"ZoneMappings.{index}.{part}")
    return [(zone["ZoneId"], zone["VSwitchId"]) for _, zone in sorted(zones.items())]


def create_transit_router_vpc_attachment(*, owner, params: Params) -> dict:
    cen_id = params.string("CenId")
    router_id = params.string("TransitRouterId", required=True)
    vpc_id = params.string("VpcId", required=True)
    zones = _zone_mappings(params)
    if not zones:
        raise errors.missing_parameter("ZoneMappings")
    name = params.string("TransitRouterAttachmentName") or ""
    description = params.string("TransitRouterAttachmentDescription") or ""
    auto_publish = params.boolean("AutoPublishRouteEnabled")
    vpc_owner = params.string("VpcOwnerId")
    if vpc_owner and vpc_owner != str(owner.pk):
        raise errors.ApiError(
            "Forbbiden.AttachChildInstanceAcrossUid",
            "Operation is invalid because the child-instance is not authorized to CEN.",
            409,
        )  # documented (AttachCenChildInstance's code for another account's VPC)
    charge_type = params.string("ChargeType")
    if charge_type and charge_type != "POSTPAY":
        raise errors.invalid_parameter("ChargeType", "POSTPAY expected.")
    resource_type = params.string("ResourceType")
    if resource_type and resource_type != "VPC":
        raise errors.invalid_parameter("ResourceType", "VPC expected.")
    # Terraform's provider sends these (deprecated) switches: the default route table's association
    # and propagation, both on unless sent as false.
    associate = params.boolean("RouteTableAssociationEnabled", default=True)
    propagate = params.boolean("RouteTablePropagationEnabled", default=True)
    read_ignored(params, "ClientToken", "RegionId")
    if cen_id:
        router = transit_selectors.transit_routers_for(owner=owner).filter(pk=router_id).first()
        if router is not None and router.cen_instance_id != cen_id:
            raise errors.invalid_parameter("CenId", "the transit router belongs to another CEN instance.")

    def attempt():
        return transit_services.vpc_attachment_create(
            owner=owner,
            transit_router_id=router_id,
            vpc_id=vpc_id,
            zone_mappings=zones,
            name=name,
            description=description,
            auto_publish_route=auto_publish,
            associate_with_default=associate,
            propagate_to_default=propagate,
        )

    return {"TransitRouterAttachmentId": dry_run_or_run(params, attempt).pk}


def list_transit_router_vpc_attachments(*, owner, params: Params) -> dict:
    attachments = transit_selectors.vpc_attachments_for(owner=owner)
    for parameter, field in (
        ("CenId", "transit_router__cen_instance_id"),
        ("TransitRouterId", "transit_router_id"),
        ("TransitRouterAttachmentId", "pk"),
        ("VpcId", "vpc_id"),
        ("RegionId", "transit_router__region_id"),
    ):
        value = params.string(parameter)
        if value:
            attachments = attachments.filter(**{field: value})
    status = params.string("Status")
    read_ignored(params, "OrderType")
    if status:
        wanted = [each.pk for each in attachments if each.attachment_status == status]
        attachments = attachments.filter(pk__in=wanted)
    return token_page(attachments, params, wrapper="TransitRouterAttachments", show_item=show.vpc_attachment)


def update_transit_router_vpc_attachment_attribute(*, owner, params: Params) -> dict:
    attachment_id = params.string("TransitRouterAttachmentId", required=True)
    name = params.string("TransitRouterAttachmentName")
    description = params.string("TransitRouterAttachmentDescription")
    auto_publish = params.boolean("AutoPublishRouteEnabled") if "AutoPublishRouteEnabled" in params.data else None
    read_ignored(params, "ClientToken")

    def attempt():
        transit_services.vpc_attachment_update(
            owner=owner,
            attachment_id=attachment_id,
            name=name,
            description=description,
            auto_publish_route=auto_publish,
        )

    dry_run_or_run(params, attempt)
    return {}


def delete_transit_router_vpc_attachment(*, owner, params: Params) -> dict:
    attachment_id = params.string("TransitRouterAttachmentId", required=True)
    if params.boolean("Force"):
        raise errors.invalid_parameter("Force", "the replica's VPC connections have nothing to remove by force.")
    read_ignored(params, "ClientToken")

    def attempt():
        transit_services.vpc_attachment_delete(owner=owner, attachment_id=attachment_id)

    dry_run_or_run(params, attempt)
    return {}


# Inter-region connections ------------------------------------------------------------------------


def _default_link_type(params: Params) -> None:
    link_type = params.string("DefaultLinkType")
    if link_type and link_type != "Platinum":
        raise errors.invalid_parameter("DefaultLinkType", "Platinum expected: the replica has one link type.")


def create_transit_router_peer_attachment(*, owner, params: Params) -> dict:
    cen_id = params.string("CenId")
    router_id = params.string("TransitRouterId", required=True)
    peer_id = params.string("PeerTransitRouterId", required=True)
    peer_region = params.string("PeerTransitRouterRegionId")
    bandwidth_type = params.string("BandwidthType") or "BandwidthPackage"
    package_id = params.string("CenBandwidthPackageId") or ""
    bandwidth = params.integer("Bandwidth", default=2)  # the API's default
    name = params.string("TransitRouterAttachmentName") or ""
    description = params.string("TransitRouterAttachmentDescription") or ""
    auto_publish = params.boolean("AutoPublishRouteEnabled", default=True)
    _default_link_type(params)
    read_ignored(params, "ClientToken", "RegionId")
    found = {
        each.pk: each for each in transit_selectors.transit_routers_for(owner=owner).filter(pk__in=[router_id, peer_id])
    }
    router, peer = found.get(router_id), found.get(peer_id)
    if cen_id and router is not None and router.cen_instance_id != cen_id:
        raise errors.invalid_parameter("CenId", "the transit router belongs to another CEN instance.")
    if peer_region and peer is not None and peer.region_id != peer_region:
        raise errors.invalid_parameter("PeerTransitRouterRegionId", "the peer transit router is in another region.")

    def attempt():
        return transit_services.peer_attachment_create(
            owner=owner,
            transit_router_id=router_id,
            peer_transit_router_id=peer_id,
            bandwidth_type=bandwidth_type,
            package_id=package_id,
            bandwidth=bandwidth,
            name=name,
            description=description,
            auto_publish_route=auto_publish,
        )

    return {"TransitRouterAttachmentId": dry_run_or_run(params, attempt).pk}


def list_transit_router_peer_attachments(*, owner, params: Params) -> dict:
    attachments = transit_selectors.peer_attachments_for(owner=owner)
    for parameter, field in (
        ("CenId", "transit_router__cen_instance_id"),
        ("TransitRouterId", "transit_router_id"),
        ("TransitRouterAttachmentId", "pk"),
        ("RegionId", "transit_router__region_id"),
    ):
        value = params.string(parameter)
        if value:
            attachments = attachments.filter(**{field: value})
    return token_page(attachments, params, wrapper="TransitRouterAttachments", show_item=show.peer_attachment)


def update_transit_router_peer_attachment_attribute(*, owner, params: Params) -> dict:
    attachment_id = params.string("TransitRouterAttachmentId", required=True)
    bandwidth = params.integer("Bandwidth")
    name = params.string("TransitRouterAttachmentName")
    description = params.string("TransitRouterAttachmentDescription")
    _default_link_type(params)
    read_ignored(params, "ClientToken")
    found = transit_selectors.peer_attachments_for(owner=owner).filter(pk=attachment_id).first()
    for parameter, current in (
        ("BandwidthType", found.bandwidth_type if found else None),
        ("CenBandwidthPackageId", (found.package_id or "") if found else None),
    ):
        value = params.string(parameter)
        if value is not None and found is not None and value != current:
            raise errors.invalid_parameter(
                parameter, "the replica does not move a connection to another bandwidth type or package."
            )
    if params.string("AutoPublishRouteEnabled") is not None:
        raise errors.unsupported_parameters(["AutoPublishRouteEnabled"])

    def attempt():
        transit_services.peer_attachment_update(
            owner=owner, attachment_id=attachment_id, bandwidth=bandwidth, name=name, description=description
        )

    dry_run_or_run(params, attempt)
    return {}


def delete_transit_router_peer_attachment(*, owner, params: Params) -> dict:
    attachment_id = params.string("TransitRouterAttachmentId", required=True)
    if params.boolean("Force"):
        raise errors.invalid_parameter("Force", "the replica's connections have nothing to remove by force.")
    read_ignored(params, "ClientToken")

    def attempt():
        transit_services.peer_attachment_delete(owner=owner, attachment_id=attachment_id)

    dry_run_or_run(params, attempt)
    return {}
