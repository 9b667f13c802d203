"""Deleting a transit router, a connection or a route table that resources of the apps above transit
still name (traffic marking and QoS policies, flow logs, route maps, CIDR blocks, prefix list
associations, aggregate routes) is refused with a readable error, and nothing is half deleted: the
router, connection or table stays, with its links."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cenconsole.addressing import services as addressing_services
from cenconsole.cen import services as cen_services
from cenconsole.flowlogs import services as flowlog_services
from cenconsole.qos import services as qos_services
from cenconsole.routemaps import services as routemap_services
from cenconsole.transit import services
from cenconsole.transit.models import RouteTableLink, TransitRouter, TransitRouterRouteTable
from tests.api.conftest import access_key, api_call  # noqa: F401 (the fixture)

from .conftest import ZONES

pytestmark = pytest.mark.django_db


def codes(error: ValidationError) -> set[str]:
    if hasattr(error, "error_dict"):
        return {each.code for errors in error.error_dict.values() for each in errors}
    return {each.code for each in error.error_list}


def refused(call, **kwargs) -> set[str]:
    with pytest.raises(ValidationError) as raised:
        call(**kwargs)
    return codes(raised.value)


@pytest.fixture
def router(active_router):
    return active_router()


@pytest.fixture
def peer(cen_instance, active_router, later):
    """An Attached pay-by-data-transfer inter-region connection from a Hangzhou router to a Shanghai one."""
    hangzhou, shanghai = active_router(), active_router("cn-shanghai")
    attachment = services.peer_attachment_create(
        owner=cen_instance.owner,
        transit_router_id=hangzhou.pk,
        peer_transit_router_id=shanghai.pk,
        bandwidth=10,
        bandwidth_type="DataTransfer",
    )
    later(20)
    return attachment


@pytest.fixture
def vpc_connection(router, later):
    attachment = services.vpc_attachment_create(
        owner=router.owner, transit_router_id=router.pk, vpc_id="vpc-dep0001", zone_mappings=ZONES[:1]
    )
    later(20)
    return attachment


def flow_log(owner, cen_instance, **target):
    return flowlog_services.flow_log_create(
        owner=owner,
        cen_instance_id=cen_instance.pk,
        region_code="cn-hangzhou",
        project_name="flowlog-project",
        log_store_name="flowlog_store",
        **target,
    )


def system_table(router) -> TransitRouterRouteTable:
    return router.route_tables.get(table_type=TransitRouterRouteTable.TableType.SYSTEM)


def assert_router_stays(router):
    router.refresh_from_db()
    assert router.deleted_at is None
    assert system_table(router).deleted_at is None


def test_a_router_with_a_traffic_marking_policy_is_not_deleted(router, later):
    """Delete Transit Router refuses while a traffic marking policy of the router is left."""
    qos_services.traffic_marking_policy_create(
        owner=router.owner, transit_router_id=router.pk, priority=1, marking_dscp=5
    )
    later()
    assert refused(services.transit_router_delete, owner=router.owner, transit_router_id=router.pk) == {
        "traffic_marking_policies_exist"
    }
    assert_router_stays(router)


def test_a_router_with_a_flow_log_is_not_deleted_until_the_flow_log_is_gone(router, cen_instance, later):
    """A flow log of the router refuses the delete, while Deleting too; once it is gone the router goes."""
    log = flow_log(router.owner, cen_instance, transit_router_id=router.pk)
    later()
    assert refused(services.transit_router_delete, owner=router.owner, transit_router_id=router.pk) == {
        "flow_logs_exist"
    }
    assert_router_stays(router)
    flowlog_services.flow_log_delete(owner=router.owner, flow_log_id=log.pk)
    assert refused(services.transit_router_delete, owner=router.owner, transit_router_id=router.pk) == {
        "flow_logs_exist"
    }
    later(30)
    services.transit_router_delete(owner=router.owner, transit_router_id=router.pk)
    router.refresh_from_db()
    assert router.deleted_at is not None


def test_a_router_with_a_cidr_block_is_not_deleted(router):
    """A CIDR block of the router refuses the delete."""
    addressing_services.cidr_create(owner=router.owner, transit_router_id=router.pk, cidr="192.168.10.0/24")
    assert refused(services.transit_router_delete, owner=router.owner, transit_router_id=router.pk) == {
        "cidr_blocks_exist"
    }
    assert_router_stays(router)


def test_a_router_whose_default_table_has_a_route_map_is_not_deleted(router, cen_instance, later):
    """A route map on the router's default route table refuses the delete (the table would go with it)."""
    routemap_services.route_map_create(
        owner=router.owner,
        cen_instance_id=cen_instance.pk,
        region_code="cn-hangzhou",
        transmit_direction="RegionIn",
        priority=10,
        map_result="Permit",
    )
    later()
    assert refused(services.transit_router_delete, owner=router.owner, transit_router_id=router.pk) == {
        "route_maps_exist"
    }
    assert_router_stays(router)


def test_a_router_whose_default_table_has_a_prefix_list_or_an_aggregate_route_is_not_deleted(router, later):
    """A prefix list associated with the default route table, then an aggregate route on it, refuse the delete."""
    table = system_table(router)
    addressing_services.prefix_list_association_create(
        owner=router.owner,
        prefix_list_id="pl-dep0001",
        transit_router_id=router.pk,
        route_table_id=table.pk,
        next_hop="BlackHole",
    )
    later(40)
    assert refused(services.transit_router_delete, owner=router.owner, transit_router_id=router.pk) == {
        "prefix_list_associations_exist"
    }
    addressing_services.prefix_list_association_delete(
        owner=router.owner,
        prefix_list_id="pl-dep0001",
        transit_router_id=router.pk,
        route_table_id=table.pk,
        next_hop="BlackHole",
    )
    addressing_services.aggregation_create(
        owner=router.owner, route_table_id=table.pk, cidr="10.10.0.0/16", scope="VPC"
    )
    assert refused(services.transit_router_delete, owner=router.owner, transit_router_id=router.pk) == {
        "aggregate_routes_exist"
    }
    assert_router_stays(router)


def test_a_cen_instance_whose_router_has_a_flow_log_is_not_deleted(router, cen_instance, later):
    """Delete CEN refuses too (its bare routers would go), and neither the instance nor the router goes."""
    flow_log(router.owner, cen_instance, transit_router_id=router.pk)
    later()
    assert refused(cen_services.cen_instance_delete, owner=cen_instance.owner, cen_id=cen_instance.pk) == {
        "flow_logs_exist"
    }
    cen_instance.refresh_from_db()
    assert cen_instance.deleted_at is None
    assert_router_stays(router)


def test_an_inter_region_connection_with_a_qos_policy_is_not_deleted(peer, later):
    """Delete Inter-region Connection refuses while a QoS policy is on either end of it."""
    for end in (peer.transit_router_id, peer.peer_transit_router_id):
        policy = qos_services.qos_policy_create(owner=peer.owner, transit_router_id=end, attachment_id=peer.pk)
        assert refused(services.peer_attachment_delete, owner=peer.owner, attachment_id=peer.pk) == {
            "qos_policies_exist"
        }
        peer.refresh_from_db()
        assert peer.deleted_at is None
        later()
        qos_services.qos_policy_delete(owner=peer.owner, policy_id=policy.pk)
        later(30)  # gone: the next end's turn
    services.peer_attachment_delete(owner=peer.owner, attachment_id=peer.pk)


def test_a_connection_with_a_flow_log_is_not_deleted(vpc_connection, cen_instance):
    """Delete VPC Connection refuses while a flow log of the connection is left; its route table links stay."""
    links = set(RouteTableLink.objects.filter(attachment_id=vpc_connection.pk).values_list("pk", flat=True))
    flow_log(vpc_connection.owner, cen_instance, attachment_id=vpc_connection.pk)
    assert refused(services.vpc_attachment_delete, owner=vpc_connection.owner, attachment_id=vpc_connection.pk) == {
        "flow_logs_exist"
    }
    vpc_connection.refresh_from_db()
    assert vpc_connection.deleted_at is None
    assert set(RouteTableLink.objects.filter(attachment_id=vpc_connection.pk).values_list("pk", flat=True)) == links


def test_a_vbr_connection_with_a_flow_log_is_not_deleted_even_by_force(router, cen_instance, later):
    """Force removes a VBR connection's route table links and routes, not the flow logs that name it."""
    table = services.route_table_create(owner=router.owner, transit_router_id=router.pk)
    attachment = services.product_attachment_create(
        owner=router.owner, kind="VBR", resource_id="vbr-dep0001", transit_router_id=router.pk
    )
    later(20)
    services.route_table_link(
        owner=router.owner, route_table_id=table.pk, attachment_id=attachment.pk, kind="propagation"
    )
    flow_log(router.owner, cen_instance, attachment_id=attachment.pk)
    assert refused(
        services.product_attachment_delete, owner=router.owner, kind="VBR", attachment_id=attachment.pk, force=True
    ) == {"flow_logs_exist"}
    attachment.refresh_from_db()
    assert attachment.deleted_at is None
    assert RouteTableLink.objects.filter(attachment_id=attachment.pk).exists()


def test_a_connection_that_is_a_prefix_lists_next_hop_is_not_deleted(vpc_connection):
    """A prefix list association whose next hop is the connection refuses its delete."""
    router = vpc_connection.transit_router
    addressing_services.prefix_list_association_create(
        owner=router.owner,
        prefix_list_id="pl-dep0002",
        transit_router_id=router.pk,
        route_table_id=system_table(router).pk,
        next_hop=vpc_connection.pk,
    )
    assert refused(services.vpc_attachment_delete, owner=vpc_connection.owner, attachment_id=vpc_connection.pk) == {
        "prefix_list_associations_exist"
    }


def test_a_custom_route_table_with_a_route_map_or_an_aggregate_route_is_not_deleted(router, cen_instance, later):
    """Delete Route Table refuses while a route map or an aggregate route is on the table."""
    table = services.route_table_create(owner=router.owner, transit_router_id=router.pk)
    later()
    route_map = routemap_services.route_map_create(
        owner=router.owner,
        cen_instance_id=cen_instance.pk,
        region_code="cn-hangzhou",
        transmit_direction="RegionIn",
        priority=10,
        map_result="Permit",
        route_table_id=table.pk,
    )
    assert refused(services.route_table_delete, owner=router.owner, route_table_id=table.pk) == {"route_maps_exist"}
    later()
    routemap_services.route_map_delete(owner=router.owner, cen_instance_id=cen_instance.pk, route_map_id=route_map.pk)
    later(30)
    addressing_services.aggregation_create(
        owner=router.owner, route_table_id=table.pk, cidr="10.20.0.0/16", scope="VPC"
    )
    assert refused(services.route_table_delete, owner=router.owner, route_table_id=table.pk) == {
        "aggregate_routes_exist"
    }
    table.refresh_from_db()
    assert table.deleted_at is None


def test_the_router_delete_page_says_why(client_user, cen_instance, router, later):
    """Delete on a router with a flow log answers its confirm page with the reason, never a 500."""
    flow_log(router.owner, cen_instance, transit_router_id=router.pk)
    later()
    url = reverse("transit:transit_router_delete", kwargs={"cen_id": cen_instance.pk, "router_id": router.pk})
    response = client_user.post(url)
    assert response.status_code == 200
    assert "still has flow logs" in response.content.decode()
    assert TransitRouter.objects.live().filter(pk=router.pk).exists()


def test_the_inter_region_connection_delete_page_says_why(client_user, cen_instance, peer):
    """Delete on an inter-region connection with a QoS policy answers its confirm page with the reason."""
    qos_services.qos_policy_create(owner=peer.owner, transit_router_id=peer.transit_router_id, attachment_id=peer.pk)
    url = reverse("transit:peer_connection_delete", kwargs={"cen_id": cen_instance.pk, "peer_attachment_id": peer.pk})
    response = client_user.post(url)
    assert response.status_code == 200
    assert "still has QoS policies" in response.content.decode()
    peer.refresh_from_db()
    assert peer.deleted_at is None


@pytest.mark.usefixtures("access_key")
def test_delete_transit_router_answers_the_flow_log_code(client, cen_instance, router, later):
    """DeleteTransitRouter with a flow log of the router answers 400 InvalidOperation.FlowLogExist."""
    flow_log(router.owner, cen_instance, transit_router_id=router.pk)
    later()
    answer = api_call(client, "DeleteTransitRouter", TransitRouterId=router.pk)
    assert (answer.status, answer.body["Code"]) == (400, "InvalidOperation.FlowLogExist")


@pytest.mark.usefixtures("access_key")
def test_delete_peer_attachment_answers_the_qos_code(client, peer):
    """DeleteTransitRouterPeerAttachment with a QoS policy on it answers 400 InvalidOperation.TrafficQosPolicyExist."""
    qos_services.qos_policy_create(owner=peer.owner, transit_router_id=peer.transit_router_id, attachment_id=peer.pk)
    answer = api_call(client, "DeleteTransitRouterPeerAttachment", TransitRouterAttachmentId=peer.pk)
    assert (answer.status, answer.body["Code"]) == (400, "InvalidOperation.TrafficQosPolicyExist")


def test_a_router_being_deleted_says_so_instead_of_asking_to_wait(router, cen_instance):
    """A CIDR block or flow log for a router that is Deleting: refused as being deleted (the wait a Creating
    router asks for would never end), in the code the API answers IncorrectStatus for."""
    services.transit_router_delete(owner=router.owner, transit_router_id=router.pk)
    with pytest.raises(ValidationError) as raised:
        addressing_services.cidr_create(owner=router.owner, transit_router_id=router.pk, cidr="192.168.10.0/24")
    assert codes(raised.value) == {"transit_router_not_active"}
    assert raised.value.messages == [
        f"Transit router {router.pk} is being deleted: nothing can be added to it or changed on it."
    ]
