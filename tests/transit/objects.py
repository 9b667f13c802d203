"""Enterprise Edition objects for the page walks (security, accessibility, Chinese pages): made a
minute ago through the real services, so they are Active / Attached now."""

from datetime import timedelta

import time_machine

from cenconsole.core import clock
from cenconsole.transit import services as transit_services


def transit_objects(*, owner, cen_instance, package) -> dict:
    """A router in cn-hangzhou with a VPC connection, one in cn-shanghai, and an inter-region
    connection of 2 Mbps from `package` (a bound China <-> China package), by URL argument."""
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
    return {"router_id": router.pk, "attachment_id": vpc_attachment.pk, "peer_attachment_id": peer_attachment.pk}
