"""Requests racing on PostgreSQL (SQLite serialises every write anyway): one vSwitch into two multicast
domains at once, and one member registered twice at once."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError

from cenconsole.core import clock
from cenconsole.multicast import services
from cenconsole.multicast.models import MulticastAssociation, MulticastGroupResource
from cenconsole.transit import services as transit_services
from tests.concurrency import at_once
from tests.conftest import requires_postgres

from .conftest import VSWITCHES, ZONES, codes

pytestmark = [requires_postgres, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def two_domains_a_minute_ago(cen_instance):
    """A multicast router with an Attached VPC connection and two Active domains."""
    owner = cen_instance.owner
    with time_machine.travel(clock.real_now() - timedelta(minutes=2), tick=False):
        router = transit_services.transit_router_create(
            owner=owner, cen_instance_id=cen_instance.pk, region_code="cn-hangzhou", support_multicast=True
        )
    with time_machine.travel(clock.real_now() - timedelta(minutes=1), tick=False):
        attachment = transit_services.vpc_attachment_create(
            owner=owner, transit_router_id=router.pk, vpc_id="vpc-race0001", zone_mappings=ZONES
        )
        domains = [services.multicast_domain_create(owner=owner, transit_router_id=router.pk) for _ in range(2)]
    return attachment, domains


def test_one_vswitch_into_two_domains_at_once_goes_into_one(cen_instance):
    """Two Associate calls for one vSwitch, each to its own domain: one wins, the other is refused."""
    attachment, domains = two_domains_a_minute_ago(cen_instance)
    outcomes = at_once(
        *(
            lambda domain=domain: services.multicast_domain_associate(
                owner=cen_instance.owner, domain_id=domain.pk, attachment_id=attachment.pk, vswitch_ids=VSWITCHES[:1]
            )
            for domain in domains
        )
    )
    refused = [outcome for outcome in outcomes if isinstance(outcome, ValidationError)]
    assert len(refused) == 1, outcomes
    assert codes(refused[0]) == {"vswitch_associated"}
    assert MulticastAssociation.objects.filter(vswitch_id=VSWITCHES[0]).count() == 1


def test_one_member_registered_twice_at_once_is_registered_once(cen_instance):
    """Two Register calls for the same ENI and group: one row, the other call refused."""
    attachment, (domain, _) = two_domains_a_minute_ago(cen_instance)
    with time_machine.travel(clock.real_now() - timedelta(seconds=30), tick=False):
        services.multicast_domain_associate(
            owner=cen_instance.owner, domain_id=domain.pk, attachment_id=attachment.pk, vswitch_ids=VSWITCHES
        )

    def register():
        return services.multicast_members_register(
            owner=cen_instance.owner, domain_id=domain.pk, group_ip="239.0.0.9", eni_ids=["eni-race0001"]
        )

    outcomes = at_once(register, register)
    refused = [outcome for outcome in outcomes if isinstance(outcome, ValidationError)]
    assert len(refused) == 1, outcomes
    assert codes(refused[0]) == {"already_registered"}
    assert MulticastGroupResource.objects.count() == 1
