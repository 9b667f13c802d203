"""The transit router page's Route Table tab: the route tables on the left and, for the chosen one, its
sub-tabs Route Entry, Route Table Association and Route Learning (page.py; Route Aggregation and Prefix List
Association are the addressing app's, rendered through page.route_table_tab_render); Create Route Table, Modify
and Delete (tables.py); Add Route Entry, Modify and Delete (entries.py); Create Association, Enable
Route Learning and their removal (links.py). Each change calls the service of its API action."""

from .entries import route_entry_create, route_entry_delete, route_entry_modify
from .links import association_create, association_delete, propagation_create, propagation_delete
from .page import (
    route_table_associations,
    route_table_entries,
    route_table_propagations,
    route_tables,
    router_detail,
)
from .tables import route_table_create, route_table_delete, route_table_modify

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
    "route_tables",
    "router_detail",
]
