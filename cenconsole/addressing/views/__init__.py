"""The console's pages of the addressing app: a transit router's CIDR tab (cidrs), and a route table's
Route Aggregation and Prefix List Association pages (route_tables), each create/modify/delete through the
same service as its API action."""

from .cidrs import cidr_create, cidr_delete, cidr_modify, router_cidrs
from .route_tables import (
    aggregation_create,
    aggregation_delete,
    aggregation_modify,
    prefix_list_association_create,
    prefix_list_association_delete,
    route_table_aggregations,
    route_table_prefix_lists,
)

__all__ = [
    "aggregation_create",
    "aggregation_delete",
    "aggregation_modify",
    "cidr_create",
    "cidr_delete",
    "cidr_modify",
    "prefix_list_association_create",
    "prefix_list_association_delete",
    "route_table_aggregations",
    "route_table_prefix_lists",
    "router_cidrs",
]
