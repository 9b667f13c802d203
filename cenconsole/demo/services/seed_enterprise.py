"""The sample CEN instance's Enterprise Edition example: a branch office in China (Shanghai) on a leased
line. The account's transit router service is opened (if it is not yet) and a transit router in
cn-shanghai gets the office's VBR connection and a VPC connection; the router gets a CIDR block and a
custom route table with a blackhole static route; the CEN instance gets a route map for cn-shanghai,
a health check of the VBR and a flow log of the VBR connection. The Shanghai router is made with
multicast: it has a multicast domain with the VPC connection's vSwitch, a group member and a group source
(an ENI each), and a traffic marking policy; a second router in cn-beijing is joined to it by a
pay-by-data-transfer inter-region connection, with a QoS policy (and a queue) on the Shanghai end.

Everything is made through the real services, as the seed buys its packages, on a clock a minute and
some transitions behind (each step after the objects it needs are Active), so each object is Active
or Attached when the person opens the console. No money moves (the service and the objects are free).
The regions are cn-shanghai and cn-beijing on purpose: the guided tour and the tests make routers in
cn-hangzhou and us-east-1 of a sandbox's sample CEN instance."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

from cenconsole.addressing import services as addressing_services
from cenconsole.cen.models import CenInstance
from cenconsole.core import clock
from cenconsole.core.ids import random_id
from cenconsole.flowlogs import services as flow_log_services
from cenconsole.healthchecks import services as health_check_services
from cenconsole.multicast import services as multicast_services
from cenconsole.qos import services as qos_services
from cenconsole.routemaps import services as route_map_services
from cenconsole.transit import selectors as transit_selectors
from cenconsole.transit import services as transit_services
from cenconsole.transit.models import TransitRouter
from cenconsole.transit.models.common import transition

DEMO_TRANSIT_REGION = "cn-shanghai"
DEMO_TRANSIT_ROUTER_NAME = "demo-tr-shanghai"
DEMO_VBR_ATTACHMENT_NAME = "demo-office-leased-line"
DEMO_VPC_ATTACHMENT_NAME = "demo-vpc-shanghai"
DEMO_VPC_ZONE = "cn-shanghai-b"
DEMO_TRANSIT_CIDR = ("demo-office-cidr", "172.31.0.0/24")
DEMO_ROUTE_TABLE_NAME = "demo-office-routes"
# The custom route table's static route: a retired office's range, dropped (BlackHole).
DEMO_BLACKHOLE_ROUTE = ("demo-retired-office", "10.99.0.0/16")
# The route map: routes learned from the office's VBR into the region, permitted.
DEMO_ROUTE_MAP_PRIORITY = 50
# The VBR health check's target: the office's router on the leased line.
DEMO_HEALTH_CHECK_TARGET = "10.10.0.1"
DEMO_FLOW_LOG = ("demo-leased-line-log", "demo-flowlog-project", "demo-flowlog-store")
# The inter-region connection: Shanghai to a router in Beijing, paid by data transfer (no package's budget).
DEMO_PEER_REGION = "cn-beijing"
DEMO_PEER_ROUTER_NAME = "demo-tr-beijing"
DEMO_PEER_ATTACHMENT = ("demo-shanghai-beijing", 10)  # name, Mbps
# Traffic marking: the office's video calls (UDP from its range) marked DSCP 46; the QoS policy on the
# Shanghai end of the inter-region connection gives DSCP 46 a queue of 40% of its bandwidth.
DEMO_MARKING_POLICY = ("demo-mark-video", 10, 46)  # name, priority, DSCP
DEMO_MARKING_RULE = {"protocol": "UDP", "src_cidr": "10.10.0.0/16", "dst_port_range": [3478, 3481]}
DEMO_QOS_POLICY_NAME = "demo-qos-shanghai-beijing"
DEMO_QOS_QUEUE = {"name": "demo-queue-video", "dscps": [46], "remain_bandwidth_percent": 40}
# Multicast: a domain on the Shanghai router, the VPC connection's vSwitch in it, one ENI sending to the
# group and one receiving.
DEMO_MULTICAST_DOMAIN_NAME = "demo-multicast-shanghai"
DEMO_MULTICAST_GROUP = "239.1.1.1"

SEEDED_AGO = timedelta(minutes=1)


@contextmanager
def _steps_ago(step: int, steps: int) -> Iterator[None]:
    """Runs a block on the account's clock moved back: step 0 of `steps` furthest, each later step one
    transition (and a second) after the one before, the last a minute ago, so what a step needs is Active
    by then and everything is Active a minute before the person looks."""
    gap = transition() + timedelta(seconds=1)
    back = SEEDED_AGO + gap * (steps - 1 - step)
    with clock.account_time(clock.offset() - back):
        yield


def enterprise_example_seed(*, owner, cen_instance: CenInstance) -> TransitRouter:
    """The office example on the sample CEN instance (which has no transit router in cn-shanghai)."""
    if not transit_selectors.transit_router_service_enabled(owner=owner):
        transit_services.transit_router_service_open(owner=owner)
    vbr_id = random_id("vbr-", 20)
    vswitch_id = random_id("vsw-", 20)
    steps = 4
    with _steps_ago(0, steps):
        router = transit_services.transit_router_create(
            owner=owner,
            cen_instance_id=cen_instance.pk,
            region_code=DEMO_TRANSIT_REGION,
            name=DEMO_TRANSIT_ROUTER_NAME,
            support_multicast=True,
        )
        peer_router = transit_services.transit_router_create(
            owner=owner,
            cen_instance_id=cen_instance.pk,
            region_code=DEMO_PEER_REGION,
            name=DEMO_PEER_ROUTER_NAME,
        )
    with _steps_ago(1, steps):
        vbr_attachment = transit_services.product_attachment_create(
            owner=owner,
            kind="VBR",
            resource_id=vbr_id,
            transit_router_id=router.pk,
            name=DEMO_VBR_ATTACHMENT_NAME,
            associate_with_default=True,
            propagate_to_default=True,
        )
        vpc_attachment = transit_services.vpc_attachment_create(
            owner=owner,
            transit_router_id=router.pk,
            vpc_id=random_id("vpc-", 20),
            zone_mappings=[(DEMO_VPC_ZONE, vswitch_id)],
            name=DEMO_VPC_ATTACHMENT_NAME,
        )
        peer_name, peer_bandwidth = DEMO_PEER_ATTACHMENT
        peer_attachment = transit_services.peer_attachment_create(
            owner=owner,
            transit_router_id=router.pk,
            peer_transit_router_id=peer_router.pk,
            bandwidth=peer_bandwidth,
            bandwidth_type="DataTransfer",
            name=peer_name,
        )
        cidr_name, cidr = DEMO_TRANSIT_CIDR
        addressing_services.cidr_create(owner=owner, transit_router_id=router.pk, cidr=cidr, name=cidr_name)
        table = transit_services.route_table_create(
            owner=owner, transit_router_id=router.pk, name=DEMO_ROUTE_TABLE_NAME
        )
        route_map_services.route_map_create(
            owner=owner,
            cen_instance_id=cen_instance.pk,
            region_code=DEMO_TRANSIT_REGION,
            transmit_direction="RegionIn",
            priority=DEMO_ROUTE_MAP_PRIORITY,
            map_result="Permit",
            conditions={"SourceInstanceIds": [vbr_id]},
        )
        health_check_services.vbr_health_check_enable(
            owner=owner,
            cen_instance_id=cen_instance.pk,
            vbr_id=vbr_id,
            vbr_region_code=DEMO_TRANSIT_REGION,
            target_ip=DEMO_HEALTH_CHECK_TARGET,
        )
        marking_name, marking_priority, marking_dscp = DEMO_MARKING_POLICY
        qos_services.traffic_marking_policy_create(
            owner=owner,
            transit_router_id=router.pk,
            name=marking_name,
            priority=marking_priority,
            marking_dscp=marking_dscp,
            rules=[DEMO_MARKING_RULE],
        )
        domain = multicast_services.multicast_domain_create(
            owner=owner, transit_router_id=router.pk, name=DEMO_MULTICAST_DOMAIN_NAME
        )
    with _steps_ago(2, steps):
        route_name, destination = DEMO_BLACKHOLE_ROUTE
        transit_services.route_entry_create(
            owner=owner,
            route_table_id=table.pk,
            destination_cidr=destination,
            next_hop_type="BlackHole",
            name=route_name,
        )
        flow_log_name, project, log_store = DEMO_FLOW_LOG
        flow_log_services.flow_log_create(
            owner=owner,
            cen_instance_id=cen_instance.pk,
            region_code=DEMO_TRANSIT_REGION,
            attachment_id=vbr_attachment.pk,
            name=flow_log_name,
            project_name=project,
            log_store_name=log_store,
        )
        qos_services.qos_policy_create(
            owner=owner,
            transit_router_id=router.pk,
            attachment_id=peer_attachment.pk,
            name=DEMO_QOS_POLICY_NAME,
            queues=[DEMO_QOS_QUEUE],
        )
        multicast_services.multicast_domain_associate(
            owner=owner, domain_id=domain.pk, attachment_id=vpc_attachment.pk, vswitch_ids=[vswitch_id]
        )
    with _steps_ago(3, steps):
        multicast_services.multicast_sources_register(
            owner=owner, domain_id=domain.pk, group_ip=DEMO_MULTICAST_GROUP, eni_ids=[random_id("eni-", 20)]
        )
        multicast_services.multicast_members_register(
            owner=owner, domain_id=domain.pk, group_ip=DEMO_MULTICAST_GROUP, eni_ids=[random_id("eni-", 20)]
        )
    return router


def enterprise_example_ensure(*, owner, cen_instance: CenInstance) -> None:
    """seed_demo on an existing demo account: the example is added once, to a sample CEN instance that
    never had a transit router (one the person made, or deleted, is left as it is)."""
    if TransitRouter.objects.filter(cen_instance=cen_instance).exists():
        return
    enterprise_example_seed(owner=owner, cen_instance=cen_instance)
