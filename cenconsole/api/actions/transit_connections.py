"""A transit router's VBR, VPN and ECR connections: Create, List, Update…Attribute and Delete of each.
The three kinds share their parameters but for the resource they name (VbrId, VpnId, EcrId) and a few
of their own (a VPN connection's Zone.N and ChargeType; a VBR connection's route table switches, which
Terraform's provider sends), so one function of each verb serves them, told the kind."""

from cenconsole.accounts.uids import names_account
from cenconsole.tags.models import Tag
from cenconsole.tags.selectors import tags_for
from cenconsole.transit import selectors as transit_selectors
from cenconsole.transit import services as transit_services
from cenconsole.transit.models import TransitRouterEcrAttachment, TransitRouterVbrAttachment, TransitRouterVpnAttachment

from .. import errors
from .. import representations as show
from .. import services as api_services
from ..params import Params
from .common import CLIENT_TOKEN_MAX_LENGTH, dry_run_or_run, read_ignored, token_page
from .tags import tag_created, tags_to_set

# kind -> (the parameter naming the resource, the one naming its account, the model, its representation)
KINDS = {
    "VBR": ("VbrId", "VbrOwnerId", TransitRouterVbrAttachment, show.vbr_attachment),
    "VPN": ("VpnId", "VpnOwnerId", TransitRouterVpnAttachment, show.vpn_attachment),
    "ECR": ("EcrId", "EcrOwnerId", TransitRouterEcrAttachment, show.ecr_attachment),
}
TAG_TYPES = {
    "VBR": Tag.ResourceType.TRANSIT_ROUTER_VBR_ATTACHMENT,
    "VPN": Tag.ResourceType.TRANSIT_ROUTER_VPN_ATTACHMENT,
    "ECR": Tag.ResourceType.TRANSIT_ROUTER_ECR_ATTACHMENT,
}


def _refuse_other_account(params: Params, name: str, owner) -> None:
    """The resource's account (VbrOwnerId...): the replica connects the caller's own resources only."""
    value = params.string(name)
    if value and not names_account(value, owner):
        raise errors.ApiError(
            "Forbbiden.AttachChildInstanceAcrossUid",
            "Operation is invalid because the child-instance is not authorized to CEN.",
            409,
        )  # documented (AttachCenChildInstance's code for another account's network)


def _vpn_zones(params: Params) -> list[str]:
    """Zone.N.ZoneId, in N's order."""
    return [zone_id for _, zone_id in sorted(_indexed_parts(params, "Zone", ("ZoneId",)).items())]


def _indexed_parts(params: Params, name: str, parts: tuple[str, ...]) -> dict[int, str]:
    found = {}
    for key in list(params.data):
        pieces = key.split(".")
        if len(pieces) == 3 and pieces[0] == name and pieces[2] in parts:
            if not pieces[1].isascii() or not pieces[1].isdigit() or not 1 <= int(pieces[1]) <= 20:
                raise errors.invalid_parameter(key, "N must be 1 to 20.")
            found[int(pieces[1])] = params.string(key, required=True)
    return found


def _create(kind: str, *, owner, params: Params) -> dict:
    resource_param, owner_param, _, _ = KINDS[kind]
    resource_id = params.string(resource_param, required=True)
    router_id = params.string("TransitRouterId") or ""
    cen_id = params.string("CenId") or ""
    region_id = params.string("RegionId") or ""
    if not router_id and not cen_id:
        raise errors.missing_parameter("TransitRouterId")
    if not router_id and not region_id:
        raise errors.missing_parameter("RegionId")
    name = params.string("TransitRouterAttachmentName") or ""
    description = params.string("TransitRouterAttachmentDescription") or ""
    token = params.string("ClientToken", max_length=CLIENT_TOKEN_MAX_LENGTH)
    tags = tags_to_set(params)
    _refuse_other_account(params, owner_param, owner)
    extra = {}
    if kind in ("VBR", "VPN"):
        extra["auto_publish_route"] = params.boolean("AutoPublishRouteEnabled")
    if kind == "VBR":
        params.string("ResourceType", choices=["VBR"])
        # Terraform's provider sends these (deprecated) switches: off unless sent as true, as the
        # reference says a new VBR connection has no route table links.
        extra["associate_with_default"] = params.boolean("RouteTableAssociationEnabled")
        extra["propagate_to_default"] = params.boolean("RouteTablePropagationEnabled")
    if kind == "VPN":
        params.string("ChargeType", choices=["POSTPAY"])
        extra["zones"] = _vpn_zones(params)
    if cen_id and router_id:
        router = transit_selectors.transit_routers_for(owner=owner).filter(pk=router_id).first()
        if router is not None and router.cen_instance_id != cen_id:
            raise errors.invalid_parameter("CenId", "the transit router belongs to another CEN instance.")

    def create():
        attachment = transit_services.product_attachment_create(
            owner=owner,
            kind=kind,
            resource_id=resource_id,
            transit_router_id=router_id,
            cen_id=cen_id,
            region_code=region_id,
            name=name,
            description=description,
            **extra,
        )
        tag_created(owner=owner, resource_type=TAG_TYPES[kind], resource=attachment, tags=tags)
        return attachment.pk

    def attempt():
        action = f"CreateTransitRouter{kind.title()}Attachment"
        return api_services.client_token_once(
            owner=owner, action=action, token=token, create=create, fingerprint=params.fingerprint()
        )

    return {"TransitRouterAttachmentId": dry_run_or_run(params, attempt)}


def _list(kind: str, *, owner, params: Params) -> dict:
    _, _, model, show_item = KINDS[kind]
    attachments = transit_selectors.product_attachments_for(model, owner=owner)
    for parameter, field in (
        ("CenId", "transit_router__cen_instance_id"),
        ("TransitRouterId", "transit_router_id"),
        ("TransitRouterAttachmentId", "pk"),
        ("RegionId", "transit_router__region_id"),
    ):
        value = params.string(parameter)
        if value:
            attachments = attachments.filter(**{field: value})
    tags = tags_for(owner=owner, resource_type=TAG_TYPES[kind])
    return token_page(
        attachments,
        params,
        wrapper="TransitRouterAttachments",
        show_item=lambda attachment: show_item(attachment, tags[attachment.pk]),
    )


def _update(kind: str, *, owner, params: Params) -> dict:
    attachment_id = params.string("TransitRouterAttachmentId", required=True)
    name = params.string("TransitRouterAttachmentName")
    description = params.string("TransitRouterAttachmentDescription")
    order_type = params.string("OrderType")
    auto_publish = None
    if kind != "ECR" and "AutoPublishRouteEnabled" in params.data:
        auto_publish = params.boolean("AutoPublishRouteEnabled")
    read_ignored(params, "ClientToken")

    def attempt():
        transit_services.product_attachment_update(
            owner=owner,
            kind=kind,
            attachment_id=attachment_id,
            name=name,
            description=description,
            auto_publish_route=auto_publish,
            order_type=order_type,
        )

    dry_run_or_run(params, attempt)
    return {}


def _delete(kind: str, *, owner, params: Params) -> dict:
    attachment_id = params.string("TransitRouterAttachmentId", required=True)
    force = params.boolean("Force")
    read_ignored(params, "ClientToken")

    def attempt():
        transit_services.product_attachment_delete(owner=owner, kind=kind, attachment_id=attachment_id, force=force)

    dry_run_or_run(params, attempt)
    return {}


# VBR connections ---------------------------------------------------------------------------------


def create_transit_router_vbr_attachment(*, owner, params: Params) -> dict:
    return _create("VBR", owner=owner, params=params)


def list_transit_router_vbr_attachments(*, owner, params: Params) -> dict:
    return _list("VBR", owner=owner, params=params)


def update_transit_router_vbr_attachment_attribute(*, owner, params: Params) -> dict:
    return _update("VBR", owner=owner, params=params)


def delete_transit_router_vbr_attachment(*, owner, params: Params) -> dict:
    return _delete("VBR", owner=owner, params=params)


# VPN connections ---------------------------------------------------------------------------------


def create_transit_router_vpn_attachment(*, owner, params: Params) -> dict:
    return _create("VPN", owner=owner, params=params)


def list_transit_router_vpn_attachments(*, owner, params: Params) -> dict:
    return _list("VPN", owner=owner, params=params)


def update_transit_router_vpn_attachment_attribute(*, owner, params: Params) -> dict:
    return _update("VPN", owner=owner, params=params)


def delete_transit_router_vpn_attachment(*, owner, params: Params) -> dict:
    return _delete("VPN", owner=owner, params=params)


# ECR connections ---------------------------------------------------------------------------------


def create_transit_router_ecr_attachment(*, owner, params: Params) -> dict:
    return _create("ECR", owner=owner, params=params)


def list_transit_router_ecr_attachments(*, owner, params: Params) -> dict:
    return _list("ECR", owner=owner, params=params)


def update_transit_router_ecr_attachment_attribute(*, owner, params: Params) -> dict:
    return _update("ECR", owner=owner, params=params)


def delete_transit_router_ecr_attachment(*, owner, params: Params) -> dict:
    return _delete("ECR", owner=owner, params=params)
