"""Writes for transit routers and their connections, by resource: routers, VPC connections
(vpc_attachments), inter-region connections (peer_attachments) and route tables; common holds what
they share (the account lock, the owned router, the Active and Attached checks). Every caller (the
Transit Router tab, the API, the signal receivers) goes through these names, so every rule holds for
all of them."""

from ..messages import *  # noqa: F403 (callers name the messages beside the services that raise them)
from .peer_attachments import (
    MAX_PEER_BANDWIDTH,
    peer_attachment_create,
    peer_attachment_delete,
    peer_attachment_update,
    release_peer_attachments,
)
from .route_tables import (
    route_entry_create,
    route_entry_delete,
    route_table_create,
    route_table_delete,
    route_table_link,
    route_table_unlink,
)
from .routers import transit_router_create, transit_router_delete, transit_router_update
from .vpc_attachments import (
    MAX_ZONE_MAPPINGS,
    VSWITCH_ID_PATTERN,
    refuse_basic_attach_of_transit_vpc,
    vpc_attachment_create,
    vpc_attachment_delete,
    vpc_attachment_update,
    zone_example,
    zone_mappings_clean,
)

__all__ = [
    "MAX_PEER_BANDWIDTH",
    "MAX_ZONE_MAPPINGS",
    "VSWITCH_ID_PATTERN",
    "peer_attachment_create",
    "peer_attachment_delete",
    "peer_attachment_update",
    "refuse_basic_attach_of_transit_vpc",
    "release_peer_attachments",
    "route_entry_create",
    "route_entry_delete",
    "route_table_create",
    "route_table_delete",
    "route_table_link",
    "route_table_unlink",
    "transit_router_create",
    "transit_router_delete",
    "transit_router_update",
    "vpc_attachment_create",
    "vpc_attachment_delete",
    "vpc_attachment_update",
    "zone_example",
    "zone_mappings_clean",
]
