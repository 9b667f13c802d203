"""The seed's Enterprise Edition example (demo.services.seed_enterprise): a branch office in China
(Shanghai) on a leased line, on the sample CEN instance of every sandbox and of the demo account,
Active when the person opens the console, put back by Reset demo, made once by seed_demo."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from cenconsole.addressing.models import TransitRouterCidr
from cenconsole.demo import services as demo
from cenconsole.flowlogs import services as flow_log_services
from cenconsole.flowlogs.models import FlowLog
from cenconsole.healthchecks import services as health_check_services
from cenconsole.healthchecks.models import VbrHealthCheck
from cenconsole.multicast.models import MulticastAssociation, MulticastDomain, MulticastGroupResource
from cenconsole.qos import services as qos_services
from cenconsole.qos.models import InterRegionQosPolicy, InterRegionQosQueue, TrafficMarkingPolicy
from cenconsole.routemaps import services as route_map_services
from cenconsole.routemaps.models import RouteMap
from cenconsole.transit import services as transit_services
from cenconsole.transit.models import (
    TransitRouter,
    TransitRouterPeerAttachment,
    TransitRouterRouteEntry,
    TransitRouterRouteTable,
    TransitRouterService,
    TransitRouterVbrAttachment,
    TransitRouterVpcAttachment,
)

pytestmark = pytest.mark.django_db


def the_example(account) -> dict:
    """The example's objects in the account (each the only one of its kind, but for the routers' own
    system route tables, the Beijing router and the two multicast group resources), with their statuses on
    the current clock."""
    router = TransitRouter.objects.live().get(owner=account, region=demo.DEMO_TRANSIT_REGION)
    peer_router = TransitRouter.objects.live().get(owner=account, region=demo.DEMO_PEER_REGION)
    peer = TransitRouterPeerAttachment.objects.live().get(owner=account)
    qos_policy = InterRegionQosPolicy.objects.live().get(owner=account)
    queue = InterRegionQosQueue.objects.live().get(policy=qos_policy)
    marking = TrafficMarkingPolicy.objects.live().get(owner=account)
    domain = MulticastDomain.objects.live().get(owner=account)
    association = MulticastAssociation.objects.live().get(domain=domain)
    group = {row.role: row for row in MulticastGroupResource.objects.live().filter(domain=domain)}
    vbr = TransitRouterVbrAttachment.objects.live().get(owner=account)
    vpc = TransitRouterVpcAttachment.objects.live().get(owner=account)
    table = TransitRouterRouteTable.objects.live().get(transit_router=router, table_type="Custom")
    entry = TransitRouterRouteEntry.objects.live().get(route_table=table)
    route_map = RouteMap.objects.live().get(owner=account)
    flow_log = FlowLog.objects.live().get(owner=account)
    check = VbrHealthCheck.objects.get(owner=account)
    cidr = TransitRouterCidr.objects.get(transit_router=router)
    return {
        "router": router,
        "peer_router": peer_router,
        "peer": peer,
        "qos_policy": qos_policy,
        "queue": queue,
        "marking": marking,
        "domain": domain,
        "association": association,
        "group": group,
        "vbr": vbr,
        "vpc": vpc,
        "table": table,
        "entry": entry,
        "route_map": route_map,
        "flow_log": flow_log,
        "check": check,
        "cidr": cidr,
        "statuses": {
            "router": router.status,
            "vbr": vbr.attachment_status,
            "vpc": vpc.attachment_status,
            "table": table.status,
            "entry": entry.status,
            "route_map": route_map.status,
            "flow_log": flow_log.status,
            "peer_router": peer_router.status,
            "peer": peer.attachment_status,
            "qos_policy": qos_policy.status,
            "marking": marking.status,
            "domain": domain.status,
            "association": association.association_status,
        },
    }


ALL_SETTLED = {
    "router": "Active",
    "vbr": "Attached",
    "vpc": "Attached",
    "table": "Active",
    "entry": "Active",
    "route_map": "Active",
    "flow_log": "Active",
    "peer_router": "Active",
    "peer": "Attached",
    "qos_policy": "Active",
    "marking": "Active",
    "domain": "Active",
    "association": "Associated",
}


def test_a_new_sandbox_has_the_office_example_active_at_once(sandbox):
    """Try the console's sandbox: its sample CEN instance has the transit router service open, a router
    in cn-shanghai with a VBR and a VPC connection, a CIDR block, a custom route table with a blackhole
    route, a route map, a VBR health check and a flow log of the VBR connection, each Active (or
    Attached) right away."""
    found = the_example(sandbox)
    cen_instance = sandbox.cen_instances.get(name=demo.DEMO_CEN_NAME)
    assert TransitRouterService.objects.filter(owner=sandbox).exists()
    assert found["statuses"] == ALL_SETTLED
    router = found["router"]
    assert (router.cen_instance_id, router.region_id) == (cen_instance.pk, demo.DEMO_TRANSIT_REGION)
    assert router.name == demo.DEMO_TRANSIT_ROUTER_NAME
    assert found["vbr"].transit_router_id == found["vpc"].transit_router_id == router.pk
    assert found["vbr"].product_resource.resource_id.startswith("vbr-")
    assert (found["entry"].next_hop_type, found["entry"].destination_cidr) == ("BlackHole", "10.99.0.0/16")
    assert (found["route_map"].cen_instance_id, found["route_map"].region_id) == (cen_instance.pk, "cn-shanghai")
    assert found["flow_log"].attachment_id == found["vbr"].pk
    assert found["check"].vbr_id == found["vbr"].product_resource_id
    assert found["cidr"].cidr == "172.31.0.0/24"


def test_the_example_has_qos_traffic_marking_and_multicast(sandbox):
    """The Shanghai router (made with multicast) has a traffic marking policy with a rule, a QoS policy
    with a queue on its end of a pay-by-data-transfer inter-region connection to a Beijing router, and a
    multicast domain with the VPC connection's vSwitch, one group source and one group member."""
    found = the_example(sandbox)
    router, peer = found["router"], found["peer"]
    assert router.support_multicast
    assert (peer.transit_router_id, peer.peer_transit_router_id) == (router.pk, found["peer_router"].pk)
    assert (peer.bandwidth_type, peer.package_id) == ("DataTransfer", None)
    assert (found["qos_policy"].transit_router_id, found["qos_policy"].attachment_id) == (router.pk, peer.pk)
    assert (found["queue"].dscps, found["queue"].remain_bandwidth_percent) == ([46], 40)
    assert (found["marking"].transit_router_id, found["marking"].marking_dscp) == (router.pk, 46)
    assert found["marking"].rules.live().count() == 1
    assert found["domain"].transit_router_id == router.pk
    assert found["association"].attachment_id == found["vpc"].pk
    assert sorted(found["group"]) == ["member", "source"]
    assert {row.group_ip for row in found["group"].values()} == {demo.DEMO_MULTICAST_GROUP}


def test_the_example_moves_no_money(sandbox):
    """The example costs nothing: the sandbox's balance is the seeded balance (only the two packages
    were paid for)."""
    sandbox.refresh_from_db()
    assert sandbox.balance == demo.seeded_balance()
    assert sandbox.orders.count() == len(demo.DEMO_PACKAGES)


def test_the_console_pages_list_the_example(client, sandbox):
    """Signed in as the sandbox: the Transit Router tab lists the Shanghai router (Active) and its
    connections, the router's CIDR tab its block, the route table's page its blackhole route, and the
    route map, flow log, health check, traffic marking, QoS policy and multicast pages their seeded items."""
    client.force_login(sandbox)
    found = the_example(sandbox)
    cen_id, router_id = found["router"].cen_instance_id, found["router"].pk
    pages = {
        reverse("transit:cen_transit_routers", args=[cen_id]): [
            router_id,
            "demo-tr-shanghai",
            "Active",
            found["vbr"].pk,
            found["vpc"].pk,
        ],
        reverse("addressing:router_cidrs", args=[cen_id, router_id]): ["172.31.0.0/24"],
        reverse("transit:route_table_entries", args=[cen_id, router_id, found["table"].pk]): ["10.99.0.0/16"],
        reverse("routemaps:cen_route_maps", args=[cen_id]) + "?region=cn-shanghai": [found["route_map"].pk],
        reverse("flowlogs:router_flow_logs", args=[cen_id, router_id]): [found["flow_log"].pk, "demo-leased-line-log"],
        reverse("healthchecks:health_checks") + f"?cen_id={cen_id}": [found["vbr"].product_resource.resource_id],
        reverse("qos:marking_policies", args=[cen_id, router_id]): [found["marking"].pk, "demo-mark-video"],
        reverse("qos:qos_policies", args=[cen_id, router_id]): [found["qos_policy"].pk, found["peer"].pk],
        reverse("multicast:router_multicast", args=[cen_id, router_id]): [
            found["domain"].pk,
            "demo-multicast-shanghai",
        ],
    }
    for url, expected in pages.items():
        response = client.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        for text in expected:
            assert text in page, (url, text)


def test_reset_demo_puts_the_changed_and_deleted_example_back(sandbox):
    """The person deletes the flow log and the blackhole route, disables the health check and changes
    the route map; Reset demo makes the whole example again, Active at once, on the same CEN instance."""
    found = the_example(sandbox)
    cen_id = found["router"].cen_instance_id
    vbr_id = found["vbr"].product_resource.resource_id
    flow_log_services.flow_log_delete(owner=sandbox, flow_log_id=found["flow_log"].pk)
    transit_services.route_entry_delete(owner=sandbox, route_entry_id=found["entry"].pk)
    health_check_services.vbr_health_check_disable(
        owner=sandbox, cen_instance_id=cen_id, vbr_id=vbr_id, vbr_region_code="cn-shanghai"
    )
    route_map_services.route_map_modify(
        owner=sandbox,
        cen_instance_id=cen_id,
        route_map_id=found["route_map"].pk,
        region_code="cn-shanghai",
        priority=60,
        map_result="Deny",
    )
    qos_services.qos_policy_delete(owner=sandbox, policy_id=found["qos_policy"].pk)
    qos_services.traffic_marking_policy_delete(owner=sandbox, policy_id=found["marking"].pk)
    demo.demo_reset(account=sandbox)
    again = the_example(sandbox)
    assert again["statuses"] == ALL_SETTLED
    assert again["router"].cen_instance_id == cen_id
    assert again["router"].pk != found["router"].pk
    assert (again["route_map"].priority, again["route_map"].map_result) == (demo.DEMO_ROUTE_MAP_PRIORITY, "Permit")
    assert again["domain"].pk != found["domain"].pk
    assert TransitRouter.objects.filter(owner=sandbox).count() == 2
    assert InterRegionQosPolicy.objects.filter(owner=sandbox).count() == 1
    assert TrafficMarkingPolicy.objects.filter(owner=sandbox).count() == 1
    assert MulticastDomain.objects.filter(owner=sandbox).count() == 1
    assert MulticastGroupResource.objects.filter(domain__owner=sandbox).count() == 2


def test_seed_demo_twice_makes_the_example_once():
    """seed_demo run twice: the demo account has its two routers, one of each connection, one route map,
    one flow log and one health check."""
    call_command("seed_demo")
    first = the_example(demo.demo_ensure()[1])
    call_command("seed_demo")
    account = first["router"].owner
    again = the_example(account)
    assert again["router"].pk == first["router"].pk
    assert TransitRouter.objects.filter(owner=account).count() == 2
    assert RouteMap.objects.filter(owner=account).count() == FlowLog.objects.filter(owner=account).count() == 1


def test_seed_demo_adds_the_example_to_a_demo_account_seeded_before_it(monkeypatch):
    """A demo account seeded before the example existed (its sample CEN instance has no transit router)
    gets it from the next seed_demo, Active at once, on the same CEN instance."""
    with monkeypatch.context() as patched:
        patched.setattr("cenconsole.demo.services.seed.enterprise_example_seed", lambda **kwargs: None)
        account = demo.demo_ensure()[1]
    assert not TransitRouter.objects.filter(owner=account).exists()
    call_command("seed_demo")
    found = the_example(account)
    assert found["statuses"] == ALL_SETTLED
    assert found["router"].cen_instance == account.cen_instances.get(name=demo.DEMO_CEN_NAME)
