"""Requests racing on PostgreSQL (SQLite serialises every write anyway): two marking policies of one
priority at once, and two queues whose shares together pass 100 % at once."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError

from cenconsole.core import clock
from cenconsole.qos import services
from cenconsole.qos.models import InterRegionQosQueue, TrafficMarkingPolicy
from cenconsole.transit import services as transit_services
from tests.concurrency import at_once
from tests.conftest import requires_postgres

from .test_marking import codes

pytestmark = [requires_postgres, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def connection_a_minute_ago(cen_instance):
    """Active routers in Hangzhou and Shanghai joined by an Attached pay-by-data-transfer connection."""
    owner = cen_instance.owner
    with time_machine.travel(clock.real_now() - timedelta(minutes=3), tick=False):
        routers = [
            transit_services.transit_router_create(owner=owner, cen_instance_id=cen_instance.pk, region_code=region)
            for region in ("cn-hangzhou", "cn-shanghai")
        ]
    with time_machine.travel(clock.real_now() - timedelta(minutes=2), tick=False):
        return transit_services.peer_attachment_create(
            owner=owner,
            transit_router_id=routers[0].pk,
            peer_transit_router_id=routers[1].pk,
            bandwidth=100,
            bandwidth_type="DataTransfer",
        )


def test_two_policies_of_one_priority_at_once_make_one(cen_instance):
    """Two creates of priority 7 on one router: one policy, the other call refused."""
    attachment = connection_a_minute_ago(cen_instance)
    outcomes = at_once(
        *(
            lambda dscp=dscp: services.traffic_marking_policy_create(
                owner=cen_instance.owner, transit_router_id=attachment.transit_router_id, priority=7, marking_dscp=dscp
            )
            for dscp in (1, 2)
        )
    )
    refused = [outcome for outcome in outcomes if isinstance(outcome, ValidationError)]
    assert len(refused) == 1, outcomes
    assert codes(refused[0]) == {"traffic_marking_priority_taken"}
    assert TrafficMarkingPolicy.objects.filter(priority=7).count() == 1


def test_two_queues_past_100_percent_at_once_make_one(cen_instance):
    """Two queues of 60 % each on one Active policy at once: one queue, the other call refused."""
    attachment = connection_a_minute_ago(cen_instance)
    with time_machine.travel(clock.real_now() - timedelta(minutes=1), tick=False):
        policy = services.qos_policy_create(
            owner=cen_instance.owner, transit_router_id=attachment.transit_router_id, attachment_id=attachment.pk
        )
    outcomes = at_once(
        *(
            lambda dscp=dscp: services.qos_queue_create(
                owner=cen_instance.owner, policy_id=policy.pk, dscps=[dscp], remain_bandwidth_percent=60
            )
            for dscp in (1, 2)
        )
    )
    refused = [outcome for outcome in outcomes if isinstance(outcome, ValidationError)]
    assert len(refused) == 1, outcomes
    assert codes(refused[0]) <= {"qos_queue_share_total", "qos_policy_status"}
    assert InterRegionQosQueue.objects.filter(policy=policy).count() == 1
