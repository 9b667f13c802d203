"""VPC connections: a VPC joins a transit router through vSwitches in the region's zones.

A VPC is attached to a CEN either as a network instance (Basic Edition, networks) or through a
transit router, never both. Both paths lock the account's row before they look at the other kind,
so two requests racing to attach the same VPC both ways are served one after the other."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from cenconsole.audit.services import audit_record, audited_update
from cenconsole.core import clock
from cenconsole.core.errors import field_error, refusal
from cenconsole.core.validators import clean_texts
from cenconsole.networks import services as network_services
from cenconsole.networks.models import NetworkInstance, default_cidr_block
from cenconsole.networks.services import NETWORK_ID_PATTERN, cidr_block_clean

from ..messages import (
    NETWORK_ID_FORMAT,
    UNKNOWN_ATTACHMENT,
    VPC_ATTACHED_BASIC,
    VPC_ATTACHED_TRANSIT,
    VPC_OPTION_UNKNOWN,
    VPC_OPTION_VALUE,
    ZONE_ALREADY_USED,
    ZONE_MAPPING_ABSENT,
    ZONES_LEFT,
)
from ..models import (
    RouteTableLink,
    TransitRouterVpcAttachment,
)
from ..signals import attachment_deleting, vpc_attachment_deleting
from .common import (
    link_to_default,
    lock_account,
    owned_attachment,
    owned_router,
    refuse_unless_active,
    refuse_unless_attached,
)
from .zones import MAX_ZONE_MAPPINGS, zone_mappings_clean

# TransitRouterVPCAttachmentOptions: the features the API reference documents, with their values.
VPC_ATTACHMENT_OPTIONS = {"ipv6Support": ("enable", "disable")}


def vpc_attachment_options_clean(options) -> dict:
    """The connection's features ({"ipv6Support": "enable"}): only the documented keys, each with one
    of its documented values."""
    cleaned = {}
    for option, value in (options or {}).items():
        if option not in VPC_ATTACHMENT_OPTIONS:
            raise field_error("attachment_options", VPC_OPTION_UNKNOWN, "vpc_option_unknown", option=option)
        if value not in VPC_ATTACHMENT_OPTIONS[option]:
            raise field_error("attachment_options", VPC_OPTION_VALUE, "vpc_option_value", option=option, value=value)
        cleaned[option] = value
    return cleaned


def _refuse_basic_attached(*, owner, vpc_id: str) -> None:
    basic = NetworkInstance.objects.filter(owner=owner, instance_id=vpc_id).values_list("cen_instance_id", flat=True)
    cen_id = basic.first()
    if cen_id is not None:
        raise field_error("vpc_id", VPC_ATTACHED_BASIC, "vpc_attached_basic", vpc_id=vpc_id, cen_id=cen_id)


def _refuse_transit_attached(*, owner, vpc_id: str, field: str = "vpc_id") -> None:
    attachment = (
        TransitRouterVpcAttachment.objects.live()
        .filter(owner=owner, vpc_id=vpc_id)
        .values_list("transit_router_id", flat=True)
        .first()
    )
    if attachment is not None:
        raise field_error(
            field, VPC_ATTACHED_TRANSIT, "vpc_attached_transit", vpc_id=vpc_id, transit_router_id=attachment
        )


def refuse_basic_attach_of_transit_vpc(sender, *, owner, network_id: str, **kwargs) -> None:
    """Receiver of networks' network_attaching: a VPC connected to a transit router is not also
    attached as a network instance."""
    lock_account(owner)
    _refuse_transit_attached(owner=owner, vpc_id=network_id, field="network_id")


@transaction.atomic
def vpc_attachment_create(
    *,
    owner,
    transit_router_id: str,
    vpc_id: str,
    zone_mappings,
    name: str = "",
    description: str = "",
    cidr_block: str = "",
    auto_publish_route: bool = False,
    associate_with_default: bool = True,
    propagate_to_default: bool = True,
    vpc_owner=None,
    attachment_options=None,
) -> TransitRouterVpcAttachment:
    """Create VPC Connection: the VPC joins the transit router through vSwitches in one or more of
    the region's zones. It is Attaching for a few seconds, then Attached; its CIDR block (the region's
    default when none is given) is the route the router learns. vpc_owner: the account that granted
    its VPC to the router's CEN instance (the grants app checks the grant). attachment_options: its
    features ({"ipv6Support": "enable"}), kept as given; the real API defaults ipv6Support to the VPC's
    IPv6 state, which the replica does not model, so nothing given answers as nothing set."""
    router = owned_router(owner=owner, transit_router_id=transit_router_id, lock=True)
    refuse_unless_active(router)
    errors = {}
    vpc_id = (vpc_id or "").strip()
    if not NETWORK_ID_PATTERN.fullmatch(vpc_id):
        errors["vpc_id"] = refusal(NETWORK_ID_FORMAT, "network_id_format")
    try:
        zone_mappings = zone_mappings_clean(zone_mappings, region=router.region)
    except ValidationError as error:
        errors.update(error.error_dict)
    try:
        cidr_block = cidr_block_clean(cidr_block)
    except ValidationError as error:
        errors["cidr_block"] = error
    try:
        texts = clean_texts(name=name, description=description)
    except ValidationError as error:
        errors.update(error.error_dict)
    try:
        attachment_options = vpc_attachment_options_clean(attachment_options)
    except ValidationError as error:
        errors.update(error.error_dict)
    if errors:
        raise ValidationError(errors)
    lock_account(owner)
    _refuse_basic_attached(owner=owner, vpc_id=vpc_id)
    _refuse_transit_attached(owner=owner, vpc_id=vpc_id)
    attachment = TransitRouterVpcAttachment(
        owner=owner,
        transit_router=router,
        vpc_id=vpc_id,
        vpc_owner=vpc_owner,
        cidr_block=cidr_block or default_cidr_block(router.region),
        zone_mappings=zone_mappings,
        **texts,
        auto_publish_route=bool(auto_publish_route),
        attachment_options=attachment_options,
    )
    attachment.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            attachment.save(force_insert=True)
    except IntegrityError:
        raise field_error(
            "vpc_id", VPC_ATTACHED_TRANSIT, "vpc_attached_transit", vpc_id=vpc_id, transit_router_id=router.pk
        ) from None
    link_to_default(
        attachment_id=attachment.pk, router=router, associate=associate_with_default, propagate=propagate_to_default
    )
    audit_record(
        actor=owner,
        action="transit_router.vpc_attached",
        target=router,
        changes={attachment.pk: (None, vpc_id)},
        note=f"VPC connection {attachment.pk} of VPC {vpc_id} ({attachment.cidr_block}).",
    )
    return attachment


def _owned_attachment(*, owner, attachment_id: str) -> TransitRouterVpcAttachment:
    return owned_attachment(
        TransitRouterVpcAttachment,
        owner=owner,
        attachment_id=attachment_id,
        message=UNKNOWN_ATTACHMENT,
        related=("transit_router__region",),
        lock=True,
    )


@transaction.atomic
def vpc_attachment_update(
    *,
    owner,
    attachment_id: str,
    name: str | None = None,
    description: str | None = None,
    auto_publish_route: bool | None = None,
    attachment_options: dict | None = None,
) -> TransitRouterVpcAttachment:
    """UpdateTransitRouterVpcAttachmentAttribute: name, description, route publishing, features (the
    features given take their new values; the others keep theirs)."""
    attachment = _owned_attachment(owner=owner, attachment_id=attachment_id)
    refuse_unless_attached(attachment)
    given = {field: value for field, value in (("name", name), ("description", description)) if value is not None}
    data = clean_texts(**given)
    if auto_publish_route is not None:
        data["auto_publish_route"] = bool(auto_publish_route)
    if attachment_options is not None:
        data["attachment_options"] = {
            **attachment.attachment_options,
            **vpc_attachment_options_clean(attachment_options),
        }
    audited_update(
        actor=owner,
        action="transit_router.vpc_attachment_modified",
        instance=attachment,
        fields=["name", "description", "auto_publish_route", "attachment_options"],
        data=data,
    )
    return attachment


@transaction.atomic
def vpc_attachment_delete(*, owner, attachment_id: str) -> TransitRouterVpcAttachment:
    """Delete VPC Connection: Detaching for a few seconds, then gone; the VPC may then be attached
    again, either way."""
    attachment = _owned_attachment(owner=owner, attachment_id=attachment_id)
    refuse_unless_attached(attachment)
    vpc_attachment_deleting.send(sender=TransitRouterVpcAttachment, owner=owner, attachment=attachment)
    attachment_deleting.send(sender=TransitRouterVpcAttachment, owner=owner, attachment=attachment)
    attachment.deleted_at = clock.now()
    attachment.save(update_fields=["deleted_at"])
    RouteTableLink.objects.filter(attachment_id=attachment.pk).delete()  # its associations and propagations
    network_services.route_entries_remove_for_attachment(attachment_id=attachment.pk)  # the VPC's routes to it
    audit_record(
        actor=owner,
        action="transit_router.vpc_detached",
        target=attachment.transit_router,
        changes={attachment.pk: (attachment.vpc_id, None)},
        note=f"VPC connection {attachment.pk} of VPC {attachment.vpc_id}.",
    )
    return attachment


@transaction.atomic
def vpc_attachment_zones_update(*, owner, attachment_id: str, add=(), remove=()) -> TransitRouterVpcAttachment:
    """UpdateTransitRouterVpcAttachmentZones: removes zone mappings the connection uses (zone and vSwitch),
    then adds new ones (zones of the router's region it does not use yet); 1 to 10 zones remain. The
    connection stays Attached (the replica changes its zones at once)."""
    attachment = _owned_attachment(owner=owner, attachment_id=attachment_id)
    refuse_unless_attached(attachment)
    zones = [dict(each) for each in attachment.zone_mappings]
    for zone_id, vswitch_id in remove:
        mapping = {"ZoneId": zone_id, "VSwitchId": vswitch_id}
        if mapping not in zones:
            raise field_error(
                "zone_mappings",
                ZONE_MAPPING_ABSENT,
                "zone_mapping_absent",
                attachment_id=attachment.pk,
                zone_id=zone_id,
                vswitch_id=vswitch_id,
            )
        zones.remove(mapping)
    used = {each["ZoneId"] for each in zones}
    for mapping in zone_mappings_clean(add, region=attachment.transit_router.region) if add else []:
        if mapping["ZoneId"] in used:
            raise field_error(
                "zone_mappings",
                ZONE_ALREADY_USED,
                "zone_already_used",
                attachment_id=attachment.pk,
                zone_id=mapping["ZoneId"],
            )
        zones.append(mapping)
    if not 1 <= len(zones) <= MAX_ZONE_MAPPINGS:
        raise field_error("zone_mappings", ZONES_LEFT, "zones_left", maximum=MAX_ZONE_MAPPINGS, count=len(zones))
    audited_update(
        actor=owner,
        action="transit_router.vpc_attachment_zones_modified",
        instance=attachment,
        fields=["zone_mappings"],
        data={"zone_mappings": zones},
    )
    return attachment
