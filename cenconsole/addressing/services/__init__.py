"""The addressing app's writes, one module per resource: cidrs (a router's CIDR blocks and their
allocations), prefix_lists (prefix lists associated with route tables), aggregations (aggregate routes)."""

from .aggregations import (
    aggregation_create,
    aggregation_delete,
    aggregation_refresh,
    aggregation_table,
    aggregation_update,
    owned_aggregation,
)
from .cidrs import cidr_allocate, cidr_create, cidr_delete, cidr_release, cidr_update
from .dependencies import (
    refuse_attachment_delete_as_next_hop,
    refuse_route_table_delete_with_addressing,
    refuse_router_delete_with_addressing,
)
from .prefix_lists import prefix_list_association_create, prefix_list_association_delete

__all__ = [
    "aggregation_create",
    "aggregation_delete",
    "aggregation_refresh",
    "aggregation_table",
    "aggregation_update",
    "cidr_allocate",
    "cidr_create",
    "cidr_delete",
    "cidr_release",
    "cidr_update",
    "owned_aggregation",
    "prefix_list_association_create",
    "prefix_list_association_delete",
    "refuse_attachment_delete_as_next_hop",
    "refuse_route_table_delete_with_addressing",
    "refuse_router_delete_with_addressing",
]
