"""Enterprise Edition transit routers and their VPC connections (the Transit Router tab); inter-region
connections are in transit_peer_attachments, route tables in transit_route_tables."""

from cenconsole.accounts.uids import names_account
from cenconsole.grants import services as grant_services
from cenconsole.tags.models import Tag
from cenconsole.tags.selectors import tags_for
from cenconsole.transit import selectors as transit_selectors
from cenconsole.transit import services as transit_services

from .. import errors
from .. import representations as show
from .. import services as api_services
from ..params import Params
from .common import CLIENT_TOKEN_MAX_LENGTH, dry_run_or_run, read_ignored, token_page
from .tags import tag_created, tags_to_set

# Transit routers ---------------------------------------------------------------------------------


def create_transit_router(*, owner, params: Params) -> dict:
    """CreateTransitRouter: RegionId is the router's region; a retry with the same ClientToken answers
    the router the first call made."""
    cen_id = params.string("CenId", required=True)
    region_id = params.string("RegionId", required=True)
    name = params.string("TransitRouterName") or ""
    description = params.string("TransitRouterDescription") or ""
    token = params.string("ClientToken", max_length=CLIENT_TOKEN_MAX_LENGTH)
    tags = tags_to_set(params)
    support_multicast = params.boolean("SupportMulticast") or False

    def create():
        router = transit_services.transit_router_create(
            owner=owner,
            cen_instance_id=cen_id,
            region_code=region_id,
            name=name,
            description=description,
            support_multicast=support_multicast,
        )
        tag_created(owner=owner, resource_type=Tag.ResourceType.TRANSIT_ROUTER, resource=router, tags=tags)
        return router.pk

    def attempt():
        return api_services.client_token_once(
            owner=owner, action="CreateTransitRouter", token=token, create=create, fingerprint=params.fingerprint()
        )

    return {"TransitRouterId": dry_run_or_run(params, attempt)}


def list_transit_routers(*, owner, params: Params) -> dict:
    # TransitRouterCidrList: the router's CIDR blocks (the addressing app's rows, through the relation).
    routers = transit_selectors.transit_routers_for(owner=owner).prefetch_related("cidr_blocks")
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
    tags = tags_for(owner=owner, resource_type=Tag.ResourceType.TRANSIT_ROUTER)
    shown = [show.transit_router(router, tags[router.pk]) for router in routers]
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


def _zone_mappings(params: Params, name: str = "ZoneMappings") -> list[tuple[str, str]]:
    """ZoneMappings.N.ZoneId and ZoneMappings.N.VSwitchId (or another name's), in N's order."""
    zones = {}
    for key in list(params.data):
        parts = key.split(".")
        if len(parts) == 3 and parts[0] == name and parts[2] in {"ZoneId", "VSwitchId"}:
            if not parts[1].isascii() or not parts[1].isdigit() or not 1 <= int(parts[1]) <= 20:
                raise errors.invalid_parameter(key, "N must be 1 to 20.")
            zones.setdefault(int(parts[1]), {})[parts[2]] = params.string(key)
    for index, zone in sorted(zones.items()):
        for part in ("ZoneId", "VSwitchId"):
            if not zone.get(part):
                raise errors.missing_parameter(f"{name}.{index}.{part}")
    return [(zone["ZoneId"], zone["VSwitchId"]) for _, zone in sorted(zones.items())]


OPTIONS = "TransitRouterVPCAttachmentOptions"


def create_transit_router_vpc_attachment(*, owner, params: Params) -> dict:
    """A retry with the same ClientToken answers the connection the first call made, if it asks the same
    (TransitRouterVPCAttachmentOptions by its content)."""
    cen_id = params.string("CenId")
    router_id = params.string("TransitRouterId", required=True)
    vpc_id = params.string("VpcId", required=True)
    zones = _zone_mappings(params)
    if not zones:
        raise errors.missing_parameter("ZoneMappings")
    name = params.string("TransitRouterAttachmentName") or ""
    description = params.string("TransitRouterAttachmentDescription") or ""
    auto_publish = params.boolean("AutoPublishRouteEnabled")
    vpc_owner_id = params.string("VpcOwnerId")
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
    tags = tags_to_set(params)
    options = params.json_object(OPTIONS)
    token = params.string("ClientToken", max_length=CLIENT_TOKEN_MAX_LENGTH)
    read_ignored(params, "RegionId")
    if cen_id:
        router = transit_selectors.transit_routers_for(owner=owner).filter(pk=router_id).first()
        if router is not None and router.cen_instance_id != cen_id:
            raise errors.invalid_parameter("CenId", "the transit router belongs to another CEN instance.")
    vpc_owner = None
    if vpc_owner_id and not names_account(vpc_owner_id, owner):
        # Another account's VPC: it must have granted it to the router's CEN instance (the grants app's
        # check answers Forbbiden.AttachChildInstanceAcrossUid otherwise, the documented code).
        router = transit_selectors.transit_routers_for(owner=owner).filter(pk=router_id).first()
        vpc_owner = grant_services.granted_vpc_check(
            owner=owner, vpc_owner_uid=vpc_owner_id, vpc_id=vpc_id, cen_id=router.cen_instance_id if router else cen_id
        )

    def create():
        attachment = transit_services.vpc_attachment_create(
            owner=owner,
            transit_router_id=router_id,
            vpc_id=vpc_id,
            zone_mappings=zones,
            name=name,
            description=description,
            auto_publish_route=auto_publish,
            associate_with_default=associate,
            propagate_to_default=propagate,
            vpc_owner=vpc_owner,
            attachment_options=options,
        )
        tag_created(
            owner=owner, resource_type=Tag.ResourceType.TRANSIT_ROUTER_VPC_ATTACHMENT, resource=attachment, tags=tags
        )
        return attachment.pk

    def attempt():
        return api_services.client_token_once(
            owner=owner,
            action="CreateTransitRouterVpcAttachment",
            token=token,
            create=create,
            fingerprint=params.fingerprint(),
        )

    return {"TransitRouterAttachmentId": dry_run_or_run(params, attempt)}


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
    tags = tags_for(owner=owner, resource_type=Tag.ResourceType.TRANSIT_ROUTER_VPC_ATTACHMENT)
    return token_page(
        attachments,
        params,
        wrapper="TransitRouterAttachments",
        show_item=lambda attachment: show.vpc_attachment(attachment, tags[attachment.pk]),
    )


def update_transit_router_vpc_attachment_attribute(*, owner, params: Params) -> dict:
    attachment_id = params.string("TransitRouterAttachmentId", required=True)
    name = params.string("TransitRouterAttachmentName")
    description = params.string("TransitRouterAttachmentDescription")
    auto_publish = params.boolean("AutoPublishRouteEnabled") if "AutoPublishRouteEnabled" in params.data else None
    options = params.json_object(OPTIONS)
    read_ignored(params, "ClientToken")

    def attempt():
        transit_services.vpc_attachment_update(
            owner=owner,
            attachment_id=attachment_id,
            name=name,
            description=description,
            auto_publish_route=auto_publish,
            attachment_options=options,
        )

    dry_run_or_run(params, attempt)
    return {}


def update_transit_router_vpc_attachment_zones(*, owner, params: Params) -> dict:
    """RemoveZoneMappings.N and AddZoneMappings.N (ZoneId and VSwitchId each)."""
    attachment_id = params.string("TransitRouterAttachmentId", required=True)
    remove = _zone_mappings(params, "RemoveZoneMappings")
    add = _zone_mappings(params, "AddZoneMappings")
    read_ignored(params, "ClientToken")

    def attempt():
        transit_services.vpc_attachment_zones_update(owner=owner, attachment_id=attachment_id, add=add, remove=remove)

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
