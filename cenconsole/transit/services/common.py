"""Helpers every transit resource's services share: the account lock that serialises attaching a VPC,
the owned router and route table (locked), the Active and Attached checks, a router's connections of
every kind, and the default route table's links."""

from django.contrib.auth import get_user_model
from django.db.models import Q

from cenconsole.core.errors import field_error, refusal

from ..messages import (
    ATTACHMENT_NOT_ATTACHED,
    ROUTE_TABLE_DELETING,
    ROUTE_TABLE_NOT_ACTIVE,
    TRANSIT_ROUTER_DELETING,
    TRANSIT_ROUTER_NOT_ACTIVE,
    UNKNOWN_ROUTE_TABLE,
    UNKNOWN_TRANSIT_ROUTER,
)
from ..models import (
    PRODUCT_ATTACHMENT_MODELS,
    AttachmentStatus,
    RouteTableLink,
    TransitAttachment,
    TransitRouter,
    TransitRouterPeerAttachment,
    TransitRouterRouteTable,
)


def lock_account(owner) -> None:
    """The account's row, locked until the transaction ends: what serialises attaching a VPC."""
    get_user_model().objects.select_for_update().filter(pk=owner.pk).values_list("pk", flat=True).first()


def owned_router(*, owner, transit_router_id: str, lock: bool = False) -> TransitRouter:
    """The owner's router, with its region, the region's area and its CEN instance in the same read
    (locked when lock), so that no caller reads the region again for its area."""
    routers = TransitRouter.objects.present().select_related("region__area", "cen_instance")
    if lock:
        routers = routers.select_for_update(of=("self",))
    router = routers.filter(owner=owner, pk=transit_router_id, cen_instance__deleted_at__isnull=True).first()
    if router is None:
        raise field_error("transit_router", UNKNOWN_TRANSIT_ROUTER, "unknown_transit_router")
    return router


def owned_attachment(model, *, owner, attachment_id: str, message, related=(), lock: bool = False):
    """The owner's connection of this kind (a model of TransitResource with an owner) that is not
    deleted, with `related` read in the same query (its row locked when lock); else the refusal `message`
    on the form's attachment field. One lookup for every kind of transit router connection."""
    rows = model.objects.present().select_related(*related)
    if lock:
        rows = rows.select_for_update(of=("self",))
    attachment = rows.filter(owner=owner, pk=attachment_id).first()
    if attachment is None:
        raise field_error("attachment", message, "unknown_attachment")
    return attachment


def refuse_unless_active(router: TransitRouter) -> None:
    """A router still Creating is waited for; one being deleted (Deleting) is refused for good, in the same
    code (the API's IncorrectStatus)."""
    refuse_if_deleting(router)
    if not router.is_active:
        raise refusal(
            TRANSIT_ROUTER_NOT_ACTIVE,
            "transit_router_not_active",
            transit_router_id=router.pk,
            status=router.status_label,
        )


def refuse_if_deleting(resource: TransitRouter | TransitRouterRouteTable) -> None:
    """A router or route table being deleted takes nothing new (what names it would outlive it)."""
    if resource.deleted_at is None:
        return
    if isinstance(resource, TransitRouter):
        raise refusal(TRANSIT_ROUTER_DELETING, "transit_router_not_active", transit_router_id=resource.pk)
    raise refusal(ROUTE_TABLE_DELETING, "route_table_not_active", route_table_id=resource.pk)


def refuse_unless_attached(attachment: TransitAttachment, message: str = ATTACHMENT_NOT_ATTACHED) -> None:
    if attachment.attachment_status != AttachmentStatus.ATTACHED:
        raise refusal(
            message,
            "attachment_not_attached",
            attachment_id=attachment.pk,
            status=attachment.status_label,
        )


def router_connections(router: TransitRouter, *, present: bool = False) -> dict[str, TransitAttachment]:
    """The router's connections of every kind by ID (VPC, inter-region from either end, VBR, VPN, ECR):
    those not being deleted, or (present) those not yet gone."""

    def rows(queryset):
        return queryset.present() if present else queryset.live()

    connections = {each.pk: each for each in rows(router.vpc_attachments)}
    peers = TransitRouterPeerAttachment.objects.filter(Q(transit_router=router) | Q(peer_transit_router=router))
    connections.update({each.pk: each for each in rows(peers)})
    for model in PRODUCT_ATTACHMENT_MODELS:
        rows_of_kind = rows(model.objects.filter(transit_router=router).select_related("product_resource"))
        connections.update({each.pk: each for each in rows_of_kind})
    return connections


def system_table_create(router: TransitRouter) -> TransitRouterRouteTable:
    return TransitRouterRouteTable.objects.create(
        transit_router=router, table_type=TransitRouterRouteTable.TableType.SYSTEM, created_at=router.created_at
    )


def link_to_default(*, attachment_id: str, router: TransitRouter, associate: bool = True, propagate: bool = True):
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


def owned_table(*, owner, route_table_id: str, lock: bool = False) -> TransitRouterRouteTable:
    """The owner's route table (locked when lock), with its router, on a router not being deleted."""
    tables = TransitRouterRouteTable.objects.present().select_related("transit_router")
    if lock:
        tables = tables.select_for_update(of=("self",))
    table = tables.filter(
        transit_router__owner=owner, transit_router__deleted_at__isnull=True, pk=route_table_id
    ).first()
    if table is None:
        raise field_error("route_table", UNKNOWN_ROUTE_TABLE, "unknown_route_table")
    return table


def refuse_unless_table_active(table: TransitRouterRouteTable) -> None:
    refuse_if_deleting(table)
    if not table.is_active:
        raise refusal(
            ROUTE_TABLE_NOT_ACTIVE, "route_table_not_active", route_table_id=table.pk, status=table.status_label
        )
