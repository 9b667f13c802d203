"""Requests racing on PostgreSQL (SQLite serialises every write anyway): a VPC attached both ways at
once, two inter-region connections for a package's last megabits, and one VBR connected to the
routers of two CEN instances at once."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError

from cenconsole.core import clock
from cenconsole.networks import services as network_services
from cenconsole.networks.models import NetworkInstance
from cenconsole.transit import services
from cenconsole.transit.models import (
    TransitRouterPeerAttachment,
    TransitRouterVbrAttachment,
    TransitRouterVpcAttachment,
)
from tests.concurrency import at_once
from tests.conftest import requires_postgres
from tests.factories import CenInstanceFactory

from .conftest import ZONES

pytestmark = [requires_postgres, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def routers_a_minute_ago(cen_instance, *regions):
    with time_machine.travel(clock.real_now() - timedelta(minutes=1), tick=False):
        return [
            services.transit_router_create(
                owner=cen_instance.owner, cen_instance_id=cen_instance.pk, region_code=region
            )
            for region in regions
        ]


def test_a_vpc_attached_both_ways_at_once_is_attached_once(cen_instance):
    """Attach Network Instance and Create VPC Connection for one VPC at the same moment: one wins."""
    (router,) = routers_a_minute_ago(cen_instance, "cn-hangzhou")
    owner = cen_instance.owner
    outcomes = at_once(
        lambda: network_services.network_instance_attach(
            owner=owner, cen_instance_id=cen_instance.pk, region_code="cn-hangzhou", network_id="vpc-race0001"
        ),
        lambda: services.vpc_attachment_create(
            owner=owner, transit_router_id=router.pk, vpc_id="vpc-race0001", zone_mappings=ZONES
        ),
    )
    refused = [outcome for outcome in outcomes if isinstance(outcome, ValidationError)]
    assert len(refused) == 1, outcomes
    attached = NetworkInstance.objects.filter(instance_id="vpc-race0001").count()
    connected = TransitRouterVpcAttachment.objects.filter(vpc_id="vpc-race0001").count()
    assert attached + connected == 1


def test_two_connections_for_the_last_megabits(cen_instance, package):
    """With 10 Mbps, two concurrent 6 Mbps inter-region connections: exactly one is made."""
    hangzhou, virginia, silicon_valley = routers_a_minute_ago(cen_instance, "cn-hangzhou", "us-east-1", "us-west-1")
    owner = cen_instance.owner

    def peer(other):
        return lambda: services.peer_attachment_create(
            owner=owner,
            transit_router_id=hangzhou.pk,
            peer_transit_router_id=other.pk,
            package_id=package.pk,
            bandwidth=6,
        )

    outcomes = at_once(peer(virginia), peer(silicon_valley))
    refused = [outcome for outcome in outcomes if isinstance(outcome, ValidationError)]
    assert len(refused) == 1, outcomes
    assert TransitRouterPeerAttachment.objects.count() == 1


def test_one_vbr_connected_to_two_routers_at_once_is_connected_once(cen_instance):
    """A VBR no action named before, connected at the same moment to the cn-hangzhou routers of two CEN
    instances: one record of it, one connection."""
    other_cen = CenInstanceFactory(owner=cen_instance.owner)
    routers = [routers_a_minute_ago(instance, "cn-hangzhou")[0] for instance in (cen_instance, other_cen)]

    def connect(router):
        return lambda: services.product_attachment_create(
            owner=router.owner, kind="VBR", resource_id="vbr-race0001", transit_router_id=router.pk
        )

    outcomes = at_once(*(connect(router) for router in routers))
    refused = [outcome for outcome in outcomes if isinstance(outcome, ValidationError)]
    assert len(refused) == 1, outcomes
    assert TransitRouterVbrAttachment.objects.count() == 1
