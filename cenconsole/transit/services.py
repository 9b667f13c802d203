"""Writes for transit routers and their VPC connections. Every caller (the Transit Router tab, the
API) goes through these functions, so the rules below hold for all of them.

A VPC is attached to a CEN either as a network instance (Basic Edition, networks) or through a
transit router, never both. Both paths lock the account's row before they look at the other kind,
so two requests racing to attach the same VPC both ways are served one after the other."""

import re

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q

from cenconsole.audit.services import audit_record
from cenconsole.bandwidth.services import owned_cen
from cenconsole.core import clock
from cenconsole.core.errors import field_error, refusal
from cenconsole.core.validators import clean_texts
from cenconsole.networks import services as network_services
from cenconsole.networks.models import NetworkInstance, default_cidr_block, regions_covered_by
from cenconsole.networks.services import NETWORK_ID_PATTERN, cidr_block_clean
from cenconsole.regions.models import Region

from .messages import (
    ALREADY_ASSOCIATED,
    ALREADY_PROPAGATING,
    ATTACHMENT_NOT_ATTACHED,
    NETWORK_ID_FORMAT,
    NOT_ASSOCIATED,
    NOT_PROPAGATING,
    PACKAGE_NOT_FOR_DATA_TRANSFER,
    PACKAGE_REQUIRED,
    PEER_BANDWIDTH_RANGE,
    PEER_OTHER_CEN,
    PEER_PAIR_TAKEN,
    PEER_SAME_REGION,
    ROUTE_EXISTS,
    ROUTE_TABLE_IN_USE,
    SYSTEM_ROUTE_TABLE,
    TRANSIT_ROUTER_EXISTS,
    TRANSIT_ROUTER_HAS_ATTACHMENTS,
    TRANSIT_ROUTER_HAS_ROUTE_TABLES,
    TRANSIT_ROUTER_NOT_ACTIVE,
    UNKNOWN_ATTACHMENT,
    UNKNOWN_BANDWIDTH_TYPE,
    UNKNOWN_NEXT_HOP,
    UNKNOWN_PEER_ATTACHMENT,
    UNKNOWN_REGION,
    UNKNOWN_ROUTE_ENTRY,
    UNKNOWN_ROUTE_TABLE,
    UNKNOWN_TRANSIT_ROUTER,
    VPC_ATTACHED_BASIC,
    VPC_ATTACHED_TRANSIT,
    VSWITCH_FORMAT,
    ZONE_FORMAT,
    ZONE_MAPPINGS_REQUIRED,
    ZONE_REPEATED,
)
from .models import (
    RouteTableLink,
    TransitRouter,
    TransitRouterPeerAttachment,
    TransitRouterRouteEntry,
    TransitRouterRouteTable,
    TransitRouterVpcAttachment,
)

VSWITCH_ID_PATTERN = re.compile(r"vsw-[a-z0-9]{1,28}")
MAX_ZONE_MAPPINGS = 10


def _lock_account(owner) -> None:
    """The account's row, locked until the transaction ends: what serialises attaching a VPC."""
    get_user_model().objects.select_for_update().filter(pk=owner.pk).values_list("pk", flat=True).first()


# Transit routers ---------------------------------------------------------------------------------


def _owned_router(*, owner, transit_router_id: str, lock: bool = False) -> TransitRouter:
    routers = TransitRouter.objects.present().select_related("region", "cen_instance")
    if lock:
        routers = routers.select_for_update(of=("self",))
    router = routers.filter(owner=owner, pk=transit_router_id, cen_instance__deleted_at__isnull=True).first()
    if router is None:
        raise field_error("transit_router", UNKNOWN_TRANSIT_ROUTER, "unknown_transit_router")
    return router


def _refuse_unless_active(router: TransitRouter) -> None:
    if not router.is_active:
        raise refusal(
            TRANSIT_ROUTER_NOT_ACTIVE,
            "transit_router_not_active",
            transit_router_id=router.pk,
            status=router.status_label,
        )


@transaction.atomic
def transit_router_create(
    *, owner, cen_instance_id: str, region_code: str, name: str = "", description: str = ""
) -> TransitRouter:
    """Create Transit Router: the CEN instance's Enterprise Edition router in a region (one per
    region). It is Creating for a few seconds, then Active."""
    cen_instance = owned_cen(owner=owner, cen_instance_id=cen_instance_id)
    cen_instance = type(cen_instance).objects.select_for_update().get(pk=cen_instance.pk)
    errors = {}
    region = Region.objects.filter(pk=region_code).first()
    if region is None:
        errors["region"] = refusal(UNKNOWN_REGION, "unknown_region")
    try:
        texts = clean_texts(name=name, description=description)
    except ValidationError as error:
        errors.update(error.error_dict)
        texts = {}
    if errors:
        raise ValidationError(errors)
    existing = TransitRouter.objects.live().filter(cen_instance=cen_instance, region=region).first()
    taken = field_error(
        "region",
        TRANSIT_ROUTER_EXISTS,
        "transit_router_exists",
        cen_id=cen_instance.pk,
        region=region.display_name,
        transit_router_id=existing.pk if existing else "",
    )
    if existing is not None:
        raise taken
    router = TransitRouter(owner=owner, cen_instance=cen_instance, region=region, **texts)
    router.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            router.save(force_insert=True)
    except IntegrityError:
        raise taken from None  # created by a concurrent request meanwhile
    _system_table_create(router)
    audit_record(
        actor=owner,
        action="transit_router.created",
        target=router,
        changes={"cen_instance": (None, cen_instance.pk), "region": (None, region.pk)},
    )
    return router


@transaction.atomic
def transit_router_update(
    *, owner, transit_router_id: str, name: str | None = None, description: str | None = None
) -> TransitRouter:
    """Renames or re-describes an Active router (UpdateTransitRouter); None leaves a field as it is."""
    router = _owned_router(owner=owner, transit_router_id=transit_router_id, lock=True)
    _refuse_unless_active(router)
    given = {field: value for field, value in (("name", name), ("description", description)) if value is not None}
    changes = {
        field: (getattr(router, field), value)
        for field, value in clean_texts(**given).items()
        if value != getattr(router, field)
    }
    if changes:
        for field, (_old, value) in changes.items():
            setattr(router, field, value)
        router.save(update_fields=list(changes))
        audit_record(actor=owner, action="transit_router.modified", target=router, changes=changes)
    return router


@transaction.atomic
def transit_router_delete(*, owner, transit_router_id: str) -> TransitRouter:
    """Delete: an Active router with no connections left is Deleting for a few seconds, then gone."""
    router = _owned_router(owner=owner, transit_router_id=transit_router_id, lock=True)
    _refuse_unless_active(router)
    attachments = [
        *router.vpc_attachments.present().values_list("pk", flat=True),
        *TransitRouterPeerAttachment.objects.present()
        .filter(Q(transit_router=router) | Q(peer_transit_router=router))
        .values_list("pk", flat=True),
    ]
    if attachments:
        raise refusal(
            TRANSIT_ROUTER_HAS_ATTACHMENTS,
            "transit_router_has_attachments",
            transit_router_id=router.pk,
            attachments=", ".join(attachments),
        )
    custom = list(
        router.route_tables.present()
        .filter(table_type=TransitRouterRouteTable.TableType.CUSTOM)
        .values_list("pk", flat=True)
    )
    if custom:
        raise refusal(
            TRANSIT_ROUTER_HAS_ROUTE_TABLES,
            "transit_router_has_route_tables",
            transit_router_id=router.pk,
            route_tables=", ".join(custom),
        )
    router.deleted_at = clock.now()
    router.save(update_fields=["deleted_at"])
    router.route_tables.live().update(deleted_at=router.deleted_at)
    audit_record(
        actor=owner, action="transit_router.deleted", target=router, changes={"deleted_at": (None, router.deleted_at)}
    )
    return router


# VPC connections ---------------------------------------------------------------------------------


def zone_example(region: Region) -> str:
    return f"{region.pk}a" if region.pk[-1].isdigit() else f"{region.pk}-a"


def zone_mappings_clean(zone_mappings, *, region: Region) -> list[dict]:
    """[(zone_id, vswitch_id), ...] as [{"ZoneId", "VSwitchId"}]: one to ten zones of the router's
    region (cn-hangzhou-h, us-east-1a), each once, each with a vSwitch ID."""
    if not zone_mappings:
        raise field_error("zone_mappings", ZONE_MAPPINGS_REQUIRED, "zone_mappings_required")
    cleaned, seen = [], set()
    # cn-hangzhou-h, but us-east-1a: a hyphen before the letter only after a region ID's letters.
    zone_pattern = re.compile(re.escape(region.pk) + (r"[a-z]" if region.pk[-1].isdigit() else r"-[a-z]"))
    for zone_id, vswitch_id in list(zone_mappings)[: MAX_ZONE_MAPPINGS + 1]:
        zone_id, vswitch_id = (zone_id or "").strip(), (vswitch_id or "").strip()
        if not zone_pattern.fullmatch(zone_id):
            raise field_error(
                "zone_mappings",
                ZONE_FORMAT,
                "zone_format",
                zone_id=zone_id,
                region=region.display_name,
                example=zone_example(region),
            )
        if not VSWITCH_ID_PATTERN.fullmatch(vswitch_id):
            raise field_error("zone_mappings", VSWITCH_FORMAT, "vswitch_format")
        if zone_id in seen:
            raise field_error("zone_mappings", ZONE_REPEATED, "zone_repeated", zone_id=zone_id)
        seen.add(zone_id)
        cleaned.append({"ZoneId": zone_id, "VSwitchId": vswitch_id})
    if len(cleaned) > MAX_ZONE_MAPPINGS:
        raise field_error("zone_mappings", ZONE_MAPPINGS_REQUIRED, "zone_mappings_required")
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
    _lock_account(owner)
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
) -> TransitRouterVpcAttachment:
    """Create VPC Connection: the VPC joins the transit router through vSwitches in one or more of
    the region's zones. It is Attaching for a few seconds, then Attached; its CIDR block (the region's
    default when none is given) is the route the router learns."""
    router = _owned_router(owner=owner, transit_router_id=transit_router_id, lock=True)
    _refuse_unless_active(router)
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
    if errors:
        raise ValidationError(errors)
    _lock_account(owner)
    _refuse_basic_attached(owner=owner, vpc_id=vpc_id)
    _refuse_transit_attached(owner=owner, vpc_id=vpc_id)
    region = Region.objects.select_related("area").get(pk=router.region_id)
    attachment = TransitRouterVpcAttachment(
        owner=owner,
        transit_router=router,
        vpc_id=vpc_id,
        cidr_block=cidr_block or default_cidr_block(region),
        zone_mappings=zone_mappings,
        **texts,
        auto_publish_route=bool(auto_publish_route),
    )
    attachment.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            attachment.save(force_insert=True)
    except IntegrityError:
        raise field_error(
            "vpc_id", VPC_ATTACHED_TRANSIT, "vpc_attached_transit", vpc_id=vpc_id, transit_router_id=router.pk
        ) from None
    _link_to_default(
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
    attachment = (
        TransitRouterVpcAttachment.objects.present()
        .select_for_update(of=("self",))
        .select_related("transit_router__region")
        .filter(owner=owner, pk=attachment_id)
        .first()
    )
    if attachment is None:
        raise field_error("attachment", UNKNOWN_ATTACHMENT, "unknown_attachment")
    return attachment


def _refuse_unless_attached(attachment: TransitRouterVpcAttachment) -> None:
    if attachment.attachment_status != attachment.ATTACHED:
        raise refusal(
            ATTACHMENT_NOT_ATTACHED,
            "attachment_not_attached",
            attachment_id=attachment.pk,
            status=attachment.status_label,
        )


@transaction.atomic
def vpc_attachment_update(
    *,
    owner,
    attachment_id: str,
    name: str | None = None,
    description: str | None = None,
    auto_publish_route: bool | None = None,
) -> TransitRouterVpcAttachment:
    """UpdateTransitRouterVpcAttachmentAttribute: name, description, route publishing."""
    attachment = _owned_attachment(owner=owner, attachment_id=attachment_id)
    _refuse_unless_attached(attachment)
    given = {field: value for field, value in (("name", name), ("description", description)) if value is not None}
    changes = {
        field: (getattr(attachment, field), value)
        for field, value in clean_texts(**given).items()
        if value != getattr(attachment, field)
    }
    if auto_publish_route is not None and bool(auto_publish_route) != attachment.auto_publish_route:
        changes["auto_publish_route"] = (attachment.auto_publish_route, bool(auto_publish_route))
    if changes:
        for field, (_old, value) in changes.items():
            setattr(attachment, field, value)
        attachment.save(update_fields=list(changes))
        audit_record(actor=owner, action="transit_router.vpc_attachment_modified", target=attachment, changes=changes)
    return attachment


@transaction.atomic
def vpc_attachment_delete(*, owner, attachment_id: str) -> TransitRouterVpcAttachment:
    """Delete VPC Connection: Detaching for a few seconds, then gone; the VPC may then be attached
    again, either way."""
    attachment = _owned_attachment(owner=owner, attachment_id=attachment_id)
    _refuse_unless_attached(attachment)
    attachment.deleted_at = clock.now()
    attachment.save(update_fields=["deleted_at"])
    RouteTableLink.objects.filter(attachment_id=attachment.pk).delete()  # its associations and propagations
    audit_record(
        actor=owner,
        action="transit_router.vpc_detached",
        target=attachment.transit_router,
        changes={attachment.pk: (attachment.vpc_id, None)},
        note=f"VPC connection {attachment.pk} of VPC {attachment.vpc_id}.",
    )
    return attachment


# Inter-region connections ------------------------------------------------------------------------

MAX_PEER_BANDWIDTH = 10000  # Mbps: a pay-by-data-transfer connection's bandwidth limit (replica's bound)


def _peer_bandwidth(bandwidth) -> int:
    if isinstance(bandwidth, bool) or not isinstance(bandwidth, int) or not 1 <= bandwidth <= MAX_PEER_BANDWIDTH:
        raise field_error("bandwidth", PEER_BANDWIDTH_RANGE, "bandwidth_too_low", maximum=MAX_PEER_BANDWIDTH)
    return bandwidth


def _package_for(*, owner, router: TransitRouter, peer: TransitRouter, package_id: str):
    """The bound package the connection draws from, locked, covering the two routers' regions."""
    if not package_id:
        raise field_error("package", PACKAGE_REQUIRED, "unknown_package")
    package = network_services.locked_bound_package(
        owner=owner, cen_instance=router.cen_instance, package_id=package_id
    )
    if not regions_covered_by(
        area_a_id=package.area_a_id, area_b_id=package.area_b_id, region_a=router.region, region_b=peer.region
    ):
        raise field_error(
            "package",
            network_services.REGIONS_NOT_COVERED,
            "regions_not_covered",
            package_id=package.pk,
            areas=package.areas_label,
            regions=f"{router.region.display_name} ↔ {peer.region.display_name}",
        )
    return package


@transaction.atomic
def peer_attachment_create(
    *,
    owner,
    transit_router_id: str,
    peer_transit_router_id: str,
    bandwidth_type: str = TransitRouterPeerAttachment.BandwidthType.BANDWIDTH_PACKAGE,
    package_id: str = "",
    bandwidth: int,
    name: str = "",
    description: str = "",
    auto_publish_route: bool = True,
) -> TransitRouterPeerAttachment:
    """Create Inter-region Connection between two Active transit routers of one CEN instance, with
    bandwidth from a bound package (the package's budget, shared with its region connections) or
    paid by data transfer. Attaching for a few seconds, then Attached."""
    router = _owned_router(owner=owner, transit_router_id=transit_router_id, lock=True)
    peer = _owned_router(owner=owner, transit_router_id=peer_transit_router_id, lock=True)
    if peer.cen_instance_id != router.cen_instance_id:
        raise field_error("peer_transit_router", PEER_OTHER_CEN, "unknown_transit_router")
    if peer.region_id == router.region_id:
        raise field_error("peer_transit_router", PEER_SAME_REGION, "same_region")
    _refuse_unless_active(router)
    _refuse_unless_active(peer)
    if bandwidth_type not in TransitRouterPeerAttachment.BandwidthType.values:
        raise field_error("bandwidth_type", UNKNOWN_BANDWIDTH_TYPE, "unknown_bandwidth_type")
    bandwidth = _peer_bandwidth(bandwidth)
    texts = clean_texts(name=name, description=description)
    taken = (
        TransitRouterPeerAttachment.objects.live()
        .filter(Q(transit_router=router, peer_transit_router=peer) | Q(transit_router=peer, peer_transit_router=router))
        .values_list("pk", flat=True)
        .first()
    )
    if taken:
        raise field_error(
            "peer_transit_router",
            PEER_PAIR_TAKEN,
            "peer_pair_taken",
            transit_router_id=router.pk,
            peer_transit_router_id=peer.pk,
            attachment_id=taken,
        )
    router.region = Region.objects.select_related("area").get(pk=router.region_id)
    peer.region = Region.objects.select_related("area").get(pk=peer.region_id)
    package = None
    if bandwidth_type == TransitRouterPeerAttachment.BandwidthType.BANDWIDTH_PACKAGE:
        package = _package_for(owner=owner, router=router, peer=peer, package_id=package_id)
        network_services.package_budget_check(package=package, bandwidth=bandwidth)
    elif package_id:
        raise field_error("package", PACKAGE_NOT_FOR_DATA_TRANSFER, "package_not_for_data_transfer")
    attachment = TransitRouterPeerAttachment(
        owner=owner,
        transit_router=router,
        peer_transit_router=peer,
        bandwidth_type=bandwidth_type,
        package=package,
        bandwidth=bandwidth,
        auto_publish_route=bool(auto_publish_route),
        **texts,
    )
    attachment.full_clean(validate_constraints=False)
    attachment.save(force_insert=True)
    _link_to_default(attachment_id=attachment.pk, router=router)
    _link_to_default(attachment_id=attachment.pk, router=peer)
    audit_record(
        actor=owner,
        action="transit_router.peer_attached",
        target=router,
        changes={attachment.pk: (None, f"{router.region_id} ↔ {peer.region_id}, {bandwidth} Mbps")},
        note=f"Inter-region connection to {peer.pk}, {bandwidth_type}"
        + (f" from bandwidth package {package.pk}." if package else "."),
    )
    return attachment


def _owned_peer_attachment(*, owner, attachment_id: str) -> TransitRouterPeerAttachment:
    attachment = (
        TransitRouterPeerAttachment.objects.present()
        .select_related(
            "transit_router__region__area", "peer_transit_router__region__area", "transit_router__cen_instance"
        )
        .filter(owner=owner, pk=attachment_id)
        .first()
    )
    if attachment is None:
        raise field_error("attachment", UNKNOWN_PEER_ATTACHMENT, "unknown_attachment")
    return attachment


@transaction.atomic
def peer_attachment_update(
    *,
    owner,
    attachment_id: str,
    bandwidth: int | None = None,
    name: str | None = None,
    description: str | None = None,
) -> TransitRouterPeerAttachment:
    """Modify an Attached inter-region connection's bandwidth (within its package's budget), name or
    description. The package is locked first, as for region connections."""
    found = _owned_peer_attachment(owner=owner, attachment_id=attachment_id)
    if found.package_id:
        package = network_services.locked_bound_package(
            owner=owner, cen_instance=found.transit_router.cen_instance, package_id=found.package_id
        )
    attachment = TransitRouterPeerAttachment.objects.select_for_update().get(pk=found.pk)
    attachment.transit_router, attachment.peer_transit_router = found.transit_router, found.peer_transit_router
    _refuse_unless_attached(attachment)
    changes = {}
    if bandwidth is not None:
        bandwidth = _peer_bandwidth(bandwidth)
        if found.package_id:
            network_services.package_budget_check(
                package=package, bandwidth=bandwidth, excluding_peer_attachment=attachment
            )
        if bandwidth != attachment.bandwidth:
            changes["bandwidth"] = (attachment.bandwidth, bandwidth)
    given = {field: value for field, value in (("name", name), ("description", description)) if value is not None}
    for field, value in clean_texts(**given).items():
        if value != getattr(attachment, field):
            changes[field] = (getattr(attachment, field), value)
    if changes:
        for field, (_old, value) in changes.items():
            setattr(attachment, field, value)
        attachment.save(update_fields=list(changes))
        audit_record(actor=owner, action="transit_router.peer_attachment_modified", target=attachment, changes=changes)
    return attachment


@transaction.atomic
def peer_attachment_delete(*, owner, attachment_id: str) -> TransitRouterPeerAttachment:
    """Delete an inter-region connection: its bandwidth returns to the package at once; Detaching for
    a few seconds, then gone."""
    found = _owned_peer_attachment(owner=owner, attachment_id=attachment_id)
    attachment = TransitRouterPeerAttachment.objects.select_for_update().get(pk=found.pk)
    attachment.transit_router, attachment.peer_transit_router = found.transit_router, found.peer_transit_router
    _refuse_unless_attached(attachment)
    attachment.deleted_at = clock.now()
    attachment.save(update_fields=["deleted_at"])
    RouteTableLink.objects.filter(attachment_id=attachment.pk).delete()  # its associations and propagations
    audit_record(
        actor=owner,
        action="transit_router.peer_detached",
        target=attachment.transit_router,
        changes={attachment.pk: (f"{attachment.bandwidth} Mbps", None)},
        note=f"Inter-region connection to {attachment.peer_transit_router_id}.",
    )
    return attachment


def release_peer_attachments(sender, *, package, actor, **kwargs) -> None:
    """Receiver of bandwidth's package_releasing: a released package carries no inter-region connection."""
    now = clock.now()
    attachments = list(package.transit_peer_attachments.live().select_for_update())
    for attachment in attachments:
        audit_record(
            actor=actor,
            action="transit_router.peer_detached",
            target=attachment,
            changes={"deleted_at": (None, now)},
            note=f"Bandwidth package {package.pk} was released.",
        )
    TransitRouterPeerAttachment.objects.filter(pk__in=[each.pk for each in attachments]).update(deleted_at=now)
    RouteTableLink.objects.filter(attachment_id__in=[each.pk for each in attachments]).delete()


# Route tables ------------------------------------------------------------------------------------


def _system_table_create(router: TransitRouter) -> TransitRouterRouteTable:
    return TransitRouterRouteTable.objects.create(
        transit_router=router, table_type=TransitRouterRouteTable.TableType.SYSTEM, created_at=router.created_at
    )


def _link_to_default(*, attachment_id: str, router: TransitRouter, associate: bool = True, propagate: bool = True):
    """A new connection is associated with, and propagates to, the router's default route table
    (unless the caller asks for neither: the API's RouteTableAssociationEnabled / PropagationEnabled)."""
    table = router.route_tables.live().filter(table_type=TransitRouterRouteTable.TableType.SYSTEM).first()
    if table is None:
        return
    kinds = [
        kind
        for kind, wanted in ((RouteTableLink.Kind.ASSOCIATION, associate), (RouteTableLink.Kind.PROPAGATION, propagate))
        if wanted
    ]
    for kind in kinds:
        RouteTableLink.objects.create(route_table=table, transit_router=router, attachment_id=attachment_id, kind=kind)


def _connections_of(router: TransitRouter) -> dict:
    """The router's connections not being deleted, by ID: VPC connections and inter-region connections."""
    vpcs = {each.pk: each for each in router.vpc_attachments.live()}
    peers = {
        each.pk: each
        for each in TransitRouterPeerAttachment.objects.live().filter(
            Q(transit_router=router) | Q(peer_transit_router=router)
        )
    }
    return {**vpcs, **peers}


def _owned_table(*, owner, route_table_id: str, lock: bool = False) -> TransitRouterRouteTable:
    tables = TransitRouterRouteTable.objects.present().select_related("transit_router")
    if lock:
        tables = tables.select_for_update(of=("self",))
    table = tables.filter(
        transit_router__owner=owner, transit_router__deleted_at__isnull=True, pk=route_table_id
    ).first()
    if table is None:
        raise field_error("route_table", UNKNOWN_ROUTE_TABLE, "unknown_route_table")
    return table


@transaction.atomic
def route_table_create(
    *, owner, transit_router_id: str, name: str = "", description: str = ""
) -> TransitRouterRouteTable:
    """Create Route Table: a custom route table of an Active router (Creating, then Active)."""
    router = _owned_router(owner=owner, transit_router_id=transit_router_id, lock=True)
    _refuse_unless_active(router)
    table = TransitRouterRouteTable(transit_router=router, **clean_texts(name=name, description=description))
    table.save(force_insert=True)
    audit_record(
        actor=owner, action="transit_router.route_table_created", target=router, changes={table.pk: (None, "Custom")}
    )
    return table


@transaction.atomic
def route_table_delete(*, owner, route_table_id: str) -> TransitRouterRouteTable:
    """Delete a custom route table with no associations, propagations or static routes left."""
    table = _owned_table(owner=owner, route_table_id=route_table_id, lock=True)
    if table.is_system:
        raise refusal(SYSTEM_ROUTE_TABLE, "system_route_table", route_table_id=table.pk)
    if not table.is_active:
        raise refusal(
            TRANSIT_ROUTER_NOT_ACTIVE, "route_table_not_active", transit_router_id=table.pk, status=table.status
        )
    links = [*table.links.values_list("attachment_id", flat=True), *table.entries.live().values_list("pk", flat=True)]
    if links:
        raise refusal(ROUTE_TABLE_IN_USE, "route_table_in_use", route_table_id=table.pk, links=", ".join(links))
    table.deleted_at = clock.now()
    table.save(update_fields=["deleted_at"])
    audit_record(
        actor=owner,
        action="transit_router.route_table_deleted",
        target=table.transit_router,
        changes={table.pk: ("Custom", None)},
    )
    return table


@transaction.atomic
def route_entry_create(
    *,
    owner,
    route_table_id: str,
    destination_cidr: str,
    next_hop_type: str,
    next_hop_id: str = "",
    name: str = "",
    description: str = "",
) -> TransitRouterRouteEntry:
    """Add a static route: to one of the router's connections, or a blackhole."""
    table = _owned_table(owner=owner, route_table_id=route_table_id, lock=True)
    destination = cidr_block_clean(destination_cidr)
    if not destination:
        raise field_error("destination_cidr", network_services.CIDR_BLOCK_FORMAT, "cidr_block_format")
    if next_hop_type == TransitRouterRouteEntry.NextHopType.BLACKHOLE:
        next_hop_id = ""
    elif next_hop_type != TransitRouterRouteEntry.NextHopType.ATTACHMENT or next_hop_id not in _connections_of(
        table.transit_router
    ):
        raise field_error("next_hop", UNKNOWN_NEXT_HOP, "unknown_next_hop")
    if table.entries.live().filter(destination_cidr=destination).exists():
        raise field_error("destination_cidr", ROUTE_EXISTS, "route_exists", route_table_id=table.pk, cidr=destination)
    entry = TransitRouterRouteEntry(
        route_table=table,
        destination_cidr=destination,
        next_hop_type=next_hop_type,
        next_hop_id=next_hop_id,
        **clean_texts(name=name, description=description),
    )
    try:
        with transaction.atomic():
            entry.save(force_insert=True)
    except IntegrityError:
        raise field_error(
            "destination_cidr", ROUTE_EXISTS, "route_exists", route_table_id=table.pk, cidr=destination
        ) from None
    audit_record(
        actor=owner,
        action="transit_router.route_added",
        target=table,
        changes={destination: (None, next_hop_id or next_hop_type)},
    )
    return entry


@transaction.atomic
def route_entry_delete(*, owner, route_entry_id: str) -> TransitRouterRouteEntry:
    entry = (
        TransitRouterRouteEntry.objects.live()
        .select_for_update(of=("self",))
        .select_related("route_table")
        .filter(route_table__transit_router__owner=owner, pk=route_entry_id)
        .first()
    )
    if entry is None:
        raise field_error("route_entry", UNKNOWN_ROUTE_ENTRY, "unknown_route_entry")
    entry.deleted_at = clock.now()
    entry.save(update_fields=["deleted_at"])
    audit_record(
        actor=owner,
        action="transit_router.route_deleted",
        target=entry.route_table,
        changes={entry.destination_cidr: (entry.next_hop_id or entry.next_hop_type, None)},
    )
    return entry


def _connection_on_table_router(table: TransitRouterRouteTable, attachment_id: str) -> None:
    if attachment_id not in _connections_of(table.transit_router):
        raise field_error("attachment", UNKNOWN_ATTACHMENT, "unknown_attachment")


@transaction.atomic
def route_table_link(*, owner, route_table_id: str, attachment_id: str, kind: str) -> RouteTableLink:
    """Associate a connection with a route table (one per connection and router), or enable its
    route propagation to the table."""
    table = _owned_table(owner=owner, route_table_id=route_table_id, lock=True)
    _connection_on_table_router(table, attachment_id)
    if kind == RouteTableLink.Kind.ASSOCIATION:
        current = RouteTableLink.objects.filter(
            kind=kind, attachment_id=attachment_id, transit_router=table.transit_router
        ).first()
        if current is not None:
            raise refusal(
                ALREADY_ASSOCIATED,
                "already_associated",
                attachment_id=attachment_id,
                route_table_id=current.route_table_id,
            )
    elif table.links.filter(kind=kind, attachment_id=attachment_id).exists():
        raise refusal(ALREADY_PROPAGATING, "already_propagating", attachment_id=attachment_id, route_table_id=table.pk)
    try:
        with transaction.atomic():
            link = RouteTableLink.objects.create(
                route_table=table, transit_router=table.transit_router, attachment_id=attachment_id, kind=kind
            )
    except IntegrityError:
        raise refusal(
            ALREADY_ASSOCIATED, "already_associated", attachment_id=attachment_id, route_table_id=table.pk
        ) from None
    audit_record(
        actor=owner, action=f"transit_router.{kind}_added", target=table, changes={attachment_id: (None, kind)}
    )
    return link


@transaction.atomic
def route_table_unlink(*, owner, route_table_id: str, attachment_id: str, kind: str) -> None:
    """Dissociate a connection from a route table, or disable its route propagation to it."""
    table = _owned_table(owner=owner, route_table_id=route_table_id, lock=True)
    link = table.links.filter(kind=kind, attachment_id=attachment_id).first()
    if link is None:
        message, code = (
            (NOT_ASSOCIATED, "not_associated")
            if kind == RouteTableLink.Kind.ASSOCIATION
            else (NOT_PROPAGATING, "not_propagating")
        )
        raise refusal(message, code, attachment_id=attachment_id, route_table_id=table.pk)
    link.delete()
    audit_record(
        actor=owner, action=f"transit_router.{kind}_removed", target=table, changes={attachment_id: (kind, None)}
    )
