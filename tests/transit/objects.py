"""Enterprise Edition objects for the page walks (security, accessibility, Chinese pages): made a
minute ago through the real services, so they are Active / Attached now."""

from datetime import timedelta

import time_machine

from cenconsole.core import clock
from cenconsole.transit import selectors as transit_selectors
from cenconsole.transit import services as transit_services


def transit_objects(*, owner, cen_instance, package) -> dict:
    """The transit router service; a router in cn-hangzhou with a VPC connection and a VBR, a VPN and an
    ECR connection, one in cn-shanghai, and an inter-region connection of 2 Mbps from `package` (a bound
    China <-> China package), by URL argument (the VBR, VPN and ECR connections by vbr_, vpn_ and ecr_attachment_id)."""
    if not transit_selectors.transit_router_service_enabled(owner=owner):
        transit_services.transit_router_service_open(owner=owner)
    with time_machine.travel(clock.real_now() - timedelta(minutes=1), tick=False):
        router = transit_services.transit_router_create(
            owner=owner, cen_instance_id=cen_instance.pk, region_code="cn-hangzhou", name="杭州转发"
        )
        peer_router = transit_services.transit_router_create(
            owner=owner, cen_instance_id=cen_instance.pk, region_code="cn-shanghai"
        )
    with time_machine.travel(clock.real_now() - timedelta(seconds=30), tick=False):
        vpc_attachment = transit_services.vpc_attachment_create(
            owner=owner,
            transit_router_id=router.pk,
            vpc_id="vpc-transit0001",
            zone_mappings=[("cn-hangzhou-h", "vsw-transit0001")],
        )
        peer_attachment = transit_services.peer_attachment_create(
            owner=owner,
            transit_router_id=router.pk,
            peer_transit_router_id=peer_router.pk,
            package_id=package.pk,
            bandwidth=2,
        )
        product_attachments = {
            f"{kind.lower()}_attachment_id": transit_services.product_attachment_create(
                owner=owner, kind=kind, resource_id=resource_id, transit_router_id=router.pk, name=f"{kind}连接"
            ).pk
            for kind, resource_id in (
                ("VBR", "vbr-transit0001"),
                ("VPN", "vco-transit0001"),
                ("ECR", "ecr-transit0001"),
            )
        }
    return {
        "router_id": router.pk,
        "attachment_id": vpc_attachment.pk,
        "peer_attachment_id": peer_attachment.pk,
        **product_attachments,
    }


def route_table_objects(*, owner, router_id: str, attachment_id: str) -> dict:
    """A custom route table 生产路由表 of the router (Active) with a blackhole static route; the VPC
    connection `attachment_id` moved to it (associated) and propagating to it, by URL argument."""
    with time_machine.travel(clock.real_now() - timedelta(seconds=45), tick=False):
        table = transit_services.route_table_create(owner=owner, transit_router_id=router_id, name="生产路由表")
    with time_machine.travel(clock.real_now() - timedelta(seconds=20), tick=False):
        entry = transit_services.route_entry_create(
            owner=owner,
            route_table_id=table.pk,
            destination_cidr="192.168.100.0/24",
            next_hop_type="BlackHole",
            name="黑洞路由",
        )
        transit_services.route_table_association_replace(
            owner=owner, attachment_id=attachment_id, route_table_id=table.pk
        )
        transit_services.route_table_link(
            owner=owner, route_table_id=table.pk, attachment_id=attachment_id, kind="propagation"
        )
    return {"route_table_id": table.pk, "route_entry_id": entry.pk}
