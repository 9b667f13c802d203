"""QoS objects for the purge walk and the page walks: made through the real services on the transit
objects' router and inter-region connection (Active and Attached by then), 20 seconds ago, so they are
Active now (Modify and Delete are offered)."""

from datetime import timedelta

import time_machine

from cenconsole.core import clock
from cenconsole.qos import services


def qos_objects(*, owner, router_id: str, peer_attachment_id: str) -> dict:
    """A traffic marking policy with one match rule, and a QoS policy with one queue, by URL argument."""
    with time_machine.travel(clock.real_now() - timedelta(seconds=20), tick=False):
        marking = services.traffic_marking_policy_create(
            owner=owner,
            transit_router_id=router_id,
            priority=5,
            marking_dscp=10,
            rules=[{"protocol": "TCP", "src_cidr": "10.0.0.0/16", "dst_port_range": [80, 80]}],
        )
        qos = services.qos_policy_create(
            owner=owner,
            transit_router_id=router_id,
            attachment_id=peer_attachment_id,
            queues=[{"dscps": [10], "remain_bandwidth_percent": 40}],
        )
    return {
        "marking_policy_id": marking.pk,
        "rule_id": marking.rules.get().pk,
        "qos_policy_id": qos.pk,
        "queue_id": qos.queues.get().pk,
    }
