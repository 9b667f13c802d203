"""How much of Terraform's provider the replica serves: every alicloud_cen_* resource and data source
of aliyun/terraform-provider-alicloud (alicloud/provider.go at commit
81c43b6727a09e9da37b3d88818c3ba5fa17fa14), each replayed by a test (its file named) or not, with the
reason. Printed by manage.py api_coverage under the actions' table; tests/api/test_terraform_coverage.py
keeps it true (each file named replays what it is credited with, and every name the replays mention is
listed here)."""

from dataclasses import dataclass

PROVIDER_COMMIT = "81c43b6727a09e9da37b3d88818c3ba5fa17fa14"

# The replays, by file under tests/api/.
BASIC = "test_terraform_replay.py"
TRANSIT = "test_terraform_transit_replay.py"
TRANSIT_READS = "test_terraform_transit_reads_replay.py"
CONNECTIONS = "test_terraform_transit_connections_replay.py"
ADDRESSING = "test_terraform_addressing_replay.py"
MULTICAST = "test_terraform_multicast_replay.py"
ROUTES = "test_terraform_routes_replay.py"
ROUTING = "test_terraform_routing_replay.py"
QOS = "test_terraform_qos_replay.py"
GRANTS = "test_terraform_grants_replay.py"


@dataclass(frozen=True)
class TerraformItem:
    name: str
    kind: str  # "resource" or "data source"
    replay: str = ""  # the replay's file under tests/api/, or "" (then reason says why not)
    reason: str = ""

    @property
    def status(self) -> str:
        return f"replayed (`tests/api/{self.replay}`)" if self.replay else self.reason


def _resource(name: str, replay: str = "", reason: str = "") -> TerraformItem:
    return TerraformItem(f"alicloud_cen_{name}", "resource", replay, reason)


def _data(name: str, replay: str = "", reason: str = "") -> TerraformItem:
    return TerraformItem(f"alicloud_cen_{name}", "data source", replay, reason)


RESOURCES = [
    _resource("instance", BASIC),
    _resource("instance_attachment", BASIC),
    _resource("bandwidth_package", BASIC),
    _resource("bandwidth_package_attachment", BASIC),
    _resource("bandwidth_limit", BASIC),
    _resource(
        "instance_grant",
        reason="not servable: it calls the VPC product's API (GrantInstanceToCen, on the network's account), not Cbn",
    ),
    _resource("route_entry", ROUTES),
    _resource("child_instance_route_entry_to_attachment", ROUTES),
    _resource("private_zone", ROUTES),
    _resource("route_service", ROUTES),
    _resource("route_map", ROUTING),
    _resource("vbr_health_check", ROUTING),
    _resource("flowlog", ROUTING),
    _resource("transit_router", TRANSIT),
    _resource("transit_router_vpc_attachment", TRANSIT),
    _resource("transit_router_peer_attachment", TRANSIT),
    _resource("transit_router_route_table", TRANSIT),
    _resource("transit_router_route_entry", TRANSIT),
    _resource("transit_router_route_table_association", TRANSIT),
    _resource("transit_router_route_table_propagation", TRANSIT_READS),
    _resource("transit_router_vbr_attachment", CONNECTIONS),
    _resource("transit_router_vpn_attachment", CONNECTIONS),
    _resource("transit_router_ecr_attachment", CONNECTIONS),
    _resource("transit_router_grant_attachment", GRANTS),
    _resource("transit_router_cidr", ADDRESSING),
    _resource("transit_router_prefix_list_association", ADDRESSING),
    _resource("transit_route_table_aggregation", ADDRESSING),
    _resource("transit_router_multicast_domain", MULTICAST),
    _resource("transit_router_multicast_domain_association", MULTICAST),
    _resource("transit_router_multicast_domain_member", MULTICAST),
    _resource("transit_router_multicast_domain_source", MULTICAST),
    _resource("transit_router_multicast_domain_peer_member", MULTICAST),
    _resource("traffic_marking_policy", QOS),
    _resource("inter_region_traffic_qos_policy", QOS),
    _resource("inter_region_traffic_qos_queue", QOS),
]

DATA_SOURCES = [
    _data("instances", BASIC),
    _data("bandwidth_packages", BASIC),
    _data("bandwidth_limits", BASIC),
    _data("region_route_entries", BASIC),
    _data("instance_attachments", TRANSIT_READS),
    _data("route_entries", ROUTES),
    _data("child_instance_route_entry_to_attachments", ROUTES),
    _data("private_zones", ROUTES),
    _data("route_services", ROUTES),
    _data("route_maps", ROUTING),
    _data("vbr_health_checks", ROUTING),
    _data("flowlogs", ROUTING),
    _data("transit_routers", TRANSIT_READS),
    _data("transit_router_vpc_attachments", TRANSIT_READS),
    _data("transit_router_peer_attachments", TRANSIT_READS),
    _data("transit_router_route_tables", TRANSIT_READS),
    _data("transit_router_route_entries", TRANSIT_READS),
    _data("transit_router_route_table_associations", TRANSIT_READS),
    _data("transit_router_route_table_propagations", TRANSIT_READS),
    _data("transit_router_vbr_attachments", CONNECTIONS),
    _data("transit_router_vpn_attachments", CONNECTIONS),
    _data("transit_router_service", CONNECTIONS),
    _data("transit_router_available_resources", CONNECTIONS),
    _data("transit_router_cidrs", ADDRESSING),
    _data("transit_router_prefix_list_associations", ADDRESSING),
    _data("transit_route_table_aggregations", ADDRESSING),
    _data("transit_router_multicast_domains", MULTICAST),
    _data("transit_router_multicast_domain_associations", MULTICAST),
    _data("transit_router_multicast_domain_members", MULTICAST),
    _data("transit_router_multicast_domain_sources", MULTICAST),
    _data("transit_router_multicast_domain_peer_members", MULTICAST),
    _data("traffic_marking_policies", QOS),
    _data("inter_region_traffic_qos_policies", QOS),
    _data("inter_region_traffic_qos_queues", QOS),
]

ITEMS = RESOURCES + DATA_SOURCES


def markdown() -> str:
    """The coverage page's Terraform table: each resource and data source with its status."""
    lines = []
    for kind, items in (("resources", RESOURCES), ("data sources", DATA_SOURCES)):
        replayed = sum(1 for item in items if item.replay)
        lines += [
            "",
            f"Terraform: **{replayed} of the provider's {len(items)} `alicloud_cen_*` {kind}** are replayed "
            f"(terraform-provider-alicloud {PROVIDER_COMMIT[:12]}):",
            "",
            f"| {kind[:-1]} | status |",
            "|---|---|",
            *(f"| `{item.name}` | {item.status} |" for item in items),
        ]
    return "\n".join(lines) + "\n"
