"""The transit router page's Traffic Marking Policy and QoS Policy tabs: lists, create, modify and delete
of policies, traffic classification rules and queues without JavaScript, each through the QoS services,
refusals on the page, another account's objects not found, htmx partials, constant query counts."""

import pytest
from django.db import connection as db_connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cenconsole.qos import services
from cenconsole.qos.models import InterRegionQosPolicy, InterRegionQosQueue, TrafficMarkingPolicy, TrafficMatchRule
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def router_kwargs(connection):
    return {"cen_id": connection.transit_router.cen_instance_id, "router_id": connection.transit_router_id}


def url(name, connection, **extra):
    return reverse(f"qos:{name}", kwargs={**router_kwargs(connection), **extra})


@pytest.fixture
def marking(connection):
    """A traffic marking policy (priority 5, DSCP 10) of the connection's router, with one TCP rule."""

    def make(priority=5, rules=({"protocol": "TCP", "dst_port_range": [80, 80]},)):
        return services.traffic_marking_policy_create(
            owner=connection.owner,
            transit_router_id=connection.transit_router_id,
            priority=priority,
            marking_dscp=10,
            rules=list(rules),
        )

    return make


@pytest.fixture
def qos_policy(connection):
    """A QoS policy by bandwidth percentage on the connection's router end, with one queue (DSCP 10, 40 %)."""
    return services.qos_policy_create(
        owner=connection.owner,
        transit_router_id=connection.transit_router_id,
        attachment_id=connection.pk,
        queues=[{"dscps": [10], "remain_bandwidth_percent": 40}],
    )


@pytest.fixture
def signed_in(client, connection):
    client.force_login(connection.owner)
    return client


# Traffic Marking Policy tab


def test_the_marking_tab_lists_policies_and_rules_with_status(signed_in, connection, marking):
    """The tab shows each policy's ID, priority and Creating status, its rules, and the Create button."""
    policy = marking()
    page = signed_in.get(url("marking_policies", connection)).content.decode()
    assert "Create Traffic Marking Policy" in page and policy.pk in page and "Creating" in page
    assert policy.rules.get().pk in page and "TCP" in page and "Port: 80<" in page


def test_the_marking_tab_is_a_router_tab(signed_in, connection):
    """The router page's tabs include Traffic Marking Policy, selected on its own page."""
    page = signed_in.get(url("marking_policies", connection)).content.decode()
    assert 'aria-selected="true">Traffic Marking Policy</a>' in page


def test_create_marking_policy_posts_through_the_service(signed_in, connection):
    """Create Traffic Marking Policy makes the policy, Creating, and returns to the tab."""
    form = {"name": "voice", "priority": "7", "marking_dscp": "46"}
    response = signed_in.post(url("marking_policy_create", connection), form, follow=True)
    policy = TrafficMarkingPolicy.objects.get()
    assert (policy.name, policy.priority, policy.marking_dscp) == ("voice", 7, 46)
    assert "is being created" in response.content.decode()


def test_a_taken_priority_is_refused_on_the_page(signed_in, connection, marking):
    """A priority another policy of the router has is refused with an error; nothing is made."""
    marking(priority=7)
    response = signed_in.post(url("marking_policy_create", connection), {"priority": "7", "marking_dscp": "1"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page and "already has a traffic marking policy of priority 7" in page
    assert TrafficMarkingPolicy.objects.count() == 1


def test_a_dscp_value_out_of_range_is_shown_beside_its_field(signed_in, connection):
    """DSCP Value 64 is an error linked to its field."""
    response = signed_in.post(url("marking_policy_create", connection), {"priority": "7", "marking_dscp": "64"})
    assert 'href="#id_marking_dscp"' in response.content.decode()
    assert not TrafficMarkingPolicy.objects.exists()


def test_modify_marking_policy_changes_its_name(signed_in, connection, marking, later):
    """Modify changes the name; the policy is Updating."""
    policy = marking()
    later(30)
    signed_in.post(url("marking_policy_modify", connection, marking_policy_id=policy.pk), {"name": "video"})
    policy.refresh_from_db()
    assert policy.name == "video" and policy.status == "Updating"


def test_modify_of_a_creating_marking_policy_is_refused(signed_in, connection, marking):
    """Modify while Creating shows the service's refusal and changes nothing."""
    policy = marking()
    response = signed_in.post(url("marking_policy_modify", connection, marking_policy_id=policy.pk), {"name": "x"})
    assert "Wait until it is Active" in response.content.decode()
    policy.refresh_from_db()
    assert policy.name == ""


def test_delete_marking_policy_confirms_then_deletes(signed_in, connection, marking, later):
    """Delete shows a confirm page; OK makes the policy Deleting."""
    policy = marking()
    later(30)
    delete = url("marking_policy_delete", connection, marking_policy_id=policy.pk)
    assert "Are you sure" in signed_in.get(delete).content.decode()
    response = signed_in.post(delete, follow=True)
    policy.refresh_from_db()
    assert policy.deleted_at is not None and "Deleting" in response.content.decode()


def test_add_rule_posts_through_the_service(signed_in, connection, marking, later):
    """Add Traffic Classification Rule adds the rule with its ports and CIDR blocks."""
    policy = marking(rules=())
    later(30)
    form = {"protocol": "UDP", "address_family": "IPv4", "src_cidr": "10.0.0.0/16", "dst_ports": "5000-5100"}
    signed_in.post(url("match_rule_add", connection, marking_policy_id=policy.pk), form)
    rule = TrafficMatchRule.objects.get()
    assert (rule.protocol, rule.src_cidr, rule.dst_port_range, rule.match_dscp) == (
        "UDP",
        "10.0.0.0/16",
        [5000, 5100],
        -1,
    )


def test_a_bad_cidr_block_is_refused_on_the_page(signed_in, connection, marking, later):
    """A CIDR block the service refuses is shown; no rule is added."""
    policy = marking(rules=())
    later(30)
    form = {"protocol": "UDP", "address_family": "IPv4", "src_cidr": "10.0.0.0/99"}
    response = signed_in.post(url("match_rule_add", connection, marking_policy_id=policy.pk), form)
    assert "is not a CIDR block" in response.content.decode()
    assert not TrafficMatchRule.objects.exists()


def test_a_bad_port_range_is_shown_beside_its_field(signed_in, connection, marking, later):
    """Destination Port 70000 is an error linked to its field."""
    policy = marking(rules=())
    later(30)
    form = {"protocol": "TCP", "address_family": "IPv4", "dst_ports": "70000"}
    response = signed_in.post(url("match_rule_add", connection, marking_policy_id=policy.pk), form)
    assert 'href="#id_dst_ports"' in response.content.decode()


def test_modify_and_delete_a_rule(signed_in, connection, marking, later):
    """Modify renames a rule; Delete (confirmed) makes it Deleting."""
    policy = marking()
    later(30)
    rule = policy.rules.get()
    kwargs = {"marking_policy_id": policy.pk, "rule_id": rule.pk}
    signed_in.post(url("match_rule_modify", connection, **kwargs), {"name": "web"})
    rule.refresh_from_db()
    assert rule.name == "web"
    signed_in.post(url("match_rule_delete", connection, **kwargs))
    rule.refresh_from_db()
    assert rule.deleted_at is not None


# QoS Policy tab


def test_the_qos_tab_lists_policies_and_queues(signed_in, connection, qos_policy):
    """The tab shows the policy, its connection, its queue's DSCP values and percentage."""
    page = signed_in.get(url("qos_policies", connection)).content.decode()
    assert qos_policy.pk in page and connection.pk in page and "Create QoS Policy" in page
    assert qos_policy.queues.get().pk in page and "40%" in page and "Creating" in page


def test_create_qos_policy_posts_through_the_service(signed_in, connection):
    """Create QoS Policy makes a policy on the chosen inter-region connection."""
    form = {"attachment": connection.pk, "name": "qos", "guarantee_mode": "byBandwidthPercent"}
    response = signed_in.post(url("qos_policy_create", connection), form, follow=True)
    policy = InterRegionQosPolicy.objects.get()
    assert (policy.attachment_id, policy.name) == (connection.pk, "qos")
    assert "is being created" in response.content.decode()


def test_a_second_policy_on_a_connection_end_is_refused(signed_in, connection, qos_policy):
    """The connection already has a policy at this end: refused on the page, nothing made."""
    form = {"attachment": connection.pk, "guarantee_mode": "byBandwidthPercent"}
    response = signed_in.post(url("qos_policy_create", connection), form)
    assert "There is a problem" in response.content.decode()
    assert InterRegionQosPolicy.objects.count() == 1


def test_modify_and_delete_a_qos_policy(signed_in, connection, qos_policy, later):
    """Modify renames the policy; Delete (confirmed) makes it and its queues Deleting."""
    later(30)
    kwargs = {"qos_policy_id": qos_policy.pk}
    signed_in.post(url("qos_policy_modify", connection, **kwargs), {"name": "renamed"})
    qos_policy.refresh_from_db()
    assert qos_policy.name == "renamed"
    signed_in.post(url("qos_policy_delete", connection, **kwargs))
    qos_policy.refresh_from_db()
    assert qos_policy.deleted_at is not None
    assert qos_policy.queues.get().deleted_at is not None


def test_add_queue_posts_through_the_service(signed_in, connection, qos_policy, later):
    """Add Queue makes a queue of the DSCP values and percentage; the policy is Modifying."""
    later(30)
    form = {"name": "video", "dscps": "20, 21", "remain_bandwidth_percent": "30"}
    signed_in.post(url("qos_queue_create", connection, qos_policy_id=qos_policy.pk), form)
    queue = InterRegionQosQueue.objects.get(name="video")
    assert (queue.dscps, queue.remain_bandwidth_percent) == ([20, 21], 30)
    qos_policy.refresh_from_db()
    assert qos_policy.status == "Modifying"


def test_queues_beyond_100_percent_are_refused_on_the_page(signed_in, connection, qos_policy, later):
    """40 % + 70 % is refused with the service's words; no queue is added."""
    later(30)
    form = {"dscps": "20", "remain_bandwidth_percent": "70"}
    response = signed_in.post(url("qos_queue_create", connection, qos_policy_id=qos_policy.pk), form)
    assert "at most 100% in all" in response.content.decode()
    assert InterRegionQosQueue.objects.count() == 1


def test_bad_dscp_values_are_shown_beside_their_field(signed_in, connection, qos_policy, later):
    """DSCP values that are not 0 to 63 are an error on the DSCP Value field."""
    later(30)
    form = {"dscps": "64", "remain_bandwidth_percent": "10"}
    response = signed_in.post(url("qos_queue_create", connection, qos_policy_id=qos_policy.pk), form)
    assert 'href="#id_dscps"' in response.content.decode()


def test_modify_and_delete_a_queue(signed_in, connection, qos_policy, later):
    """Modify changes a queue's DSCP values and share; Delete (confirmed) makes it Deleting."""
    later(30)
    queue = qos_policy.queues.get()
    kwargs = {"qos_policy_id": qos_policy.pk, "queue_id": queue.pk}
    page = signed_in.get(url("qos_queue_modify", connection, **kwargs)).content.decode()
    assert 'value="10"' in page and 'value="40"' in page
    signed_in.post(url("qos_queue_modify", connection, **kwargs), {"dscps": "11,12", "remain_bandwidth_percent": "50"})
    queue.refresh_from_db()
    assert (queue.dscps, queue.remain_bandwidth_percent) == ([11, 12], 50)
    later(60)
    signed_in.post(url("qos_queue_delete", connection, **kwargs))
    queue.refresh_from_db()
    assert queue.deleted_at is not None


# Both tabs


def test_another_accounts_policies_are_not_found(client, connection, marking, qos_policy):
    """Another account gets 404 for the router's tabs and for each policy's pages."""
    policy = marking()
    client.force_login(UserFactory())
    assert client.get(url("marking_policies", connection)).status_code == 404
    assert client.get(url("marking_policy_modify", connection, marking_policy_id=policy.pk)).status_code == 404
    assert client.get(url("qos_policy_delete", connection, qos_policy_id=qos_policy.pk)).status_code == 404


@pytest.mark.parametrize("tab", ["marking_policies", "qos_policies"])
def test_the_tabs_with_htmx_swap_only_the_tab_body(signed_in, connection, tab):
    """An htmx GET answers the router tab body, not the whole page."""
    page = signed_in.get(url(tab, connection), headers={"HX-Request": "true"}).content.decode()
    assert page.lstrip().startswith('<div id="router-tab">') and "<html" not in page


def test_the_marking_tab_queries_do_not_grow_with_policies(signed_in, connection, marking):
    """The Traffic Marking Policy tab runs the same number of queries for one policy as for five."""
    marking(priority=1)
    signed_in.get(url("marking_policies", connection))
    with CaptureQueriesContext(db_connection) as one:
        signed_in.get(url("marking_policies", connection))
    for priority in range(2, 6):
        marking(priority=priority, rules=[{"protocol": "TCP", "dst_port_range": [priority, priority]}])
    with CaptureQueriesContext(db_connection) as five:
        signed_in.get(url("marking_policies", connection))
    assert len(five) == len(one)


def test_the_qos_tab_queries_do_not_grow_with_queues(signed_in, connection, qos_policy, later):
    """The QoS Policy tab runs the same number of queries for one queue as for four."""
    signed_in.get(url("qos_policies", connection))
    with CaptureQueriesContext(db_connection) as one:
        signed_in.get(url("qos_policies", connection))
    later(30)
    for step, dscp in enumerate((20, 30, 40), start=1):
        services.qos_queue_create(
            owner=connection.owner, policy_id=qos_policy.pk, dscps=[dscp], remain_bandwidth_percent=10
        )
        later(30 + 30 * step)
    with CaptureQueriesContext(db_connection) as four:
        signed_in.get(url("qos_policies", connection))
    assert len(four) == len(one)


def test_create_qos_policy_preselects_the_connection_named_in_the_link(signed_in, connection):
    """?attachment=<id> (a link from an inter-region connection's row) selects that connection."""
    page = signed_in.get(url("qos_policy_create", connection) + f"?attachment={connection.pk}").content.decode()
    assert f'<option value="{connection.pk}" selected>' in page


def test_an_inter_region_connections_row_links_to_create_qos_policy_for_it(signed_in, connection):
    """The Transit Router tab's inter-region connection row offers Create QoS Policy with the connection chosen."""
    cen_id = router_kwargs(connection)["cen_id"]
    page = signed_in.get(reverse("transit:cen_transit_routers", kwargs={"cen_id": cen_id})).content.decode()
    assert (url("qos_policy_create", connection) + f"?attachment={connection.pk}") in page
