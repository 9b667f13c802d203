"""Writes for network instances and region connections, by concern: attachments (Attach and Detach
Network Instance), route entries (custom routes of a VPC's route table: to the CEN instance, published
to it, to a transit router connection), region connections (Set Region Connection, its removal, and the
receivers of bandwidth's release and temporary-upgrade signals) and budget (the package's row lock and the one
budget rule both of them, and transit's inter-region connections, share). Every caller (views, the
ticket approval, the admin, the API) goes through these names, so every rule holds for all of them."""

from ..messages import *  # noqa: F403 (callers name the messages beside the services that raise them)
from .attachments import (
    CIDR_BLOCK_PATTERN,
    NETWORK_ID_PATTERN,
    cidr_block_clean,
    network_instance_attach,
    network_instance_detach,
)
from .budget import locked_bound_package, package_bandwidth_used, package_budget_check
from .region_connections import (
    region_connection_delete,
    region_connection_set,
    region_connection_set_by_regions,
    region_connections_remove_for_package,
    release_connections,
    trim_connections,
)
from .route_entries import (
    MAX_CUSTOM_ROUTE_ENTRIES,
    destination_clean,
    route_entries_remove_for_attachment,
    route_entry_publish,
    route_entry_to_attachment_add,
    route_entry_to_attachment_remove,
    route_entry_to_cen_add,
    route_entry_to_cen_remove,
    route_entry_withdraw,
    route_table_check,
)

__all__ = [
    "CIDR_BLOCK_PATTERN",
    "MAX_CUSTOM_ROUTE_ENTRIES",
    "NETWORK_ID_PATTERN",
    "cidr_block_clean",
    "destination_clean",
    "locked_bound_package",
    "network_instance_attach",
    "network_instance_detach",
    "package_bandwidth_used",
    "package_budget_check",
    "region_connection_delete",
    "region_connection_set",
    "region_connection_set_by_regions",
    "region_connections_remove_for_package",
    "release_connections",
    "route_entries_remove_for_attachment",
    "route_entry_publish",
    "route_entry_to_attachment_add",
    "route_entry_to_attachment_remove",
    "route_entry_to_cen_add",
    "route_entry_to_cen_remove",
    "route_entry_withdraw",
    "route_table_check",
    "trim_connections",
]
