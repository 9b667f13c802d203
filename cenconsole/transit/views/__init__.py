"""The transit app's pages: the CEN page's Transit Router tab (tab.py; its routers' VBR, VPN and ECR
connections in connections.py) and a transit router's own page, whose tabs (router_tabs.ROUTER_TABS) each
have a module here."""

from .connections import product_connection_create, product_connection_delete, product_connection_modify
from .route_tables import (
    association_create,
    association_delete,
    propagation_create,
    propagation_delete,
    route_entry_create,
    route_entry_delete,
    route_entry_modify,
    route_table_associations,
    route_table_create,
    route_table_delete,
    route_table_entries,
    route_table_modify,
    route_table_propagations,
    route_tables,
    router_detail,
)
from .tab import (
    cen_transit_routers,
    peer_connection_create,
    peer_connection_delete,
    peer_connection_modify,
    transit_router_create,
    transit_router_delete,
    vpc_connection_create,
    vpc_connection_delete,
)

__all__ = [
    "association_create",
    "association_delete",
    "propagation_create",
    "propagation_delete",
    "route_entry_create",
    "route_entry_delete",
    "route_entry_modify",
    "route_table_associations",
    "route_table_create",
    "route_table_delete",
    "route_table_entries",
    "route_table_modify",
    "route_table_propagations",
    "cen_transit_routers",
    "peer_connection_create",
    "peer_connection_delete",
    "peer_connection_modify",
    "product_connection_create",
    "product_connection_delete",
    "product_connection_modify",
    "route_tables",
    "router_detail",
    "transit_router_create",
    "transit_router_delete",
    "vpc_connection_create",
    "vpc_connection_delete",
]
