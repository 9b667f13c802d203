"""Writes for transit routers and their connections, by resource: routers, VPC connections (vpc_attachments),
inter-region connections (peer_attachments), VBR, VPN and ECR connections (other_attachments), the zones they
name (zones), route tables and their static routes (route_tables), the connections associated with or
propagating to them (route_table_links), the routes of a connected VPC's route table to its connection
(child_route_entries), and the account's transit router service (router_service); common holds what they share
(the account lock, the owned router and route table, the Active and Attached checks, a router's connections of
every kind). Every caller (the Transit Router tab, the API, the signal receivers) goes through these names, so
every rule holds for all of them."""

from ..messages import *  # noqa: F403 (callers name the messages beside the services that raise them)
from .child_route_entries import route_entry_to_attachment_create, route_entry_to_attachment_delete
from .other_attachments import (
    KINDS,
    product_attachment_create,
    product_attachment_delete,
    product_attachment_update,
)
from .peer_attachments import (
    MAX_PEER_BANDWIDTH,
    peer_attachment_create,
    peer_attachment_delete,
    peer_attachment_update,
    release_peer_attachments,
)
from .route_table_links import route_table_association_replace, route_table_link, route_table_unlink
from .route_tables import (
    route_entry_create,
    route_entry_delete,
    route_entry_update,
    route_table_create,
    route_table_delete,
    route_table_update,
)
from .router_service import transit_router_service_open
from .routers import delete_routers_of_cen, transit_router_create, transit_router_delete, transit_router_update
from .vpc_attachments import (
    refuse_basic_attach_of_transit_vpc,
    vpc_attachment_create,
    vpc_attachment_delete,
    vpc_attachment_update,
    vpc_attachment_zones_update,
)
from .zones import (
    MAX_ZONE_MAPPINGS,
    VSWITCH_ID_PATTERN,
    zone_example,
    zone_id_clean,
    zone_ids_clean,
    zone_mappings_clean,
)

__all__ = [
    "delete_routers_of_cen",
    "KINDS",
    "MAX_PEER_BANDWIDTH",
    "MAX_ZONE_MAPPINGS",
    "VSWITCH_ID_PATTERN",
    "peer_attachment_create",
    "peer_attachment_delete",
    "peer_attachment_update",
    "product_attachment_create",
    "product_attachment_delete",
    "product_attachment_update",
    "refuse_basic_attach_of_transit_vpc",
    "release_peer_attachments",
    "route_entry_create",
    "route_entry_delete",
    "route_entry_update",
    "route_table_association_replace",
    "route_entry_to_attachment_create",
    "route_entry_to_attachment_delete",
    "route_table_create",
    "route_table_delete",
    "route_table_link",
    "route_table_unlink",
    "route_table_update",
    "transit_router_create",
    "transit_router_delete",
    "transit_router_service_open",
    "transit_router_update",
    "vpc_attachment_create",
    "vpc_attachment_delete",
    "vpc_attachment_update",
    "vpc_attachment_zones_update",
    "zone_example",
    "zone_id_clean",
    "zone_ids_clean",
    "zone_mappings_clean",
]
