"""Helpers every transit resource's services share: the account lock that serialises attaching a VPC,
the owned router (locked), the Active and Attached checks, and the default route table's links."""

from django.contrib.auth import get_user_model

from cenconsole.core.errors import field_error, refusal

from ..messages import (
    ATTACHMENT_NOT_ATTACHED,
    TRANSIT_ROUTER_NOT_ACTIVE,
    UNKNOWN_TRANSIT_ROUTER,
)
from ..models import (
    AttachmentStatus,
    RouteTableLink,
    TransitRouter,
    TransitRouterRouteTable,
    TransitRouterVpcAttachment,
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


def refuse_unless_active(router: TransitRouter) -> None:
    if not router.is_active:
        raise refusal(
            TRANSIT_ROUTER_NOT_ACTIVE,
            "transit_router_not_active",
            transit_router_id=router.pk,
            status=router.status_label,
        )


def refuse_unless_attached(attachment: TransitRouterVpcAttachment) -> None:
    if attachment.attachment_status != AttachmentStatus.ATTACHED:
        raise refusal(
            ATTACHMENT_NOT_ATTACHED,
            "attachment_not_attached",
            attachment_id=attachment.pk,
            status=attachment.status_label,
        )


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
