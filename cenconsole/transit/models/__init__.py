"""Enterprise Edition: transit routers (one per CEN instance and region) and what attaches to them.

The real service creates and deletes these asynchronously: a router is Creating, then Active; an
attachment Attaching, then Attached; deleting either is Deleting (Detaching) until it is gone. The
replica derives those statuses from the row's timestamps and the one clock (TRANSIT_TRANSITION_SECONDS
later), never from a background job, so the SDK's and Terraform's waits are exercised and every app
server agrees. A deleted row is kept (deleted_at) for the audit trail and is gone from every list
once its Deleting has passed.

The models by resource: common (IDs, statuses, the abstract bases), routers (and the account's transit
router service), attachments (VPC and inter-region connections), other_attachments (VBR, VPN and ECR
connections), route_tables. Everything is importable from cenconsole.transit.models, as
the migrations name it."""

from .attachments import TransitRouterPeerAttachment, TransitRouterVpcAttachment
from .common import (
    AttachmentStatus,
    RouterStatus,
    TransitAttachment,
    TransitionMixin,
    TransitionQuerySet,
    TransitResource,
    new_attachment_id,
    new_transit_router_id,
    transition,
)
from .other_attachments import (
    PRODUCT_ATTACHMENT_MODELS,
    ProductAttachment,
    TransitRouterEcrAttachment,
    TransitRouterVbrAttachment,
    TransitRouterVpnAttachment,
)
from .route_tables import (
    RouteTableLink,
    TransitRouterRouteEntry,
    TransitRouterRouteTable,
    new_route_entry_id,
    new_route_table_id,
)
from .routers import TransitRouter, TransitRouterService

__all__ = [
    "PRODUCT_ATTACHMENT_MODELS",
    "AttachmentStatus",
    "ProductAttachment",
    "RouteTableLink",
    "RouterStatus",
    "TransitAttachment",
    "TransitResource",
    "TransitRouter",
    "TransitRouterEcrAttachment",
    "TransitRouterPeerAttachment",
    "TransitRouterRouteEntry",
    "TransitRouterRouteTable",
    "TransitRouterService",
    "TransitRouterVbrAttachment",
    "TransitRouterVpcAttachment",
    "TransitRouterVpnAttachment",
    "TransitionMixin",
    "TransitionQuerySet",
    "new_attachment_id",
    "new_route_entry_id",
    "new_route_table_id",
    "new_transit_router_id",
    "transition",
]
