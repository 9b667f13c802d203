"""Requests racing for one package, on PostgreSQL (SQLite serializes every write anyway)."""

import pytest
from django.core.exceptions import ValidationError
from django.db.models import Sum

from cenconsole.networks import services
from cenconsole.networks.models import NetworkInstance, RegionConnection
from tests.concurrency import at_once
from tests.conftest import requires_postgres
from tests.factories import CenInstanceFactory

pytestmark = [requires_postgres, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def setter(package, local, opposite, bandwidth):
    return lambda: services.region_connection_set(
        owner=package.owner,
        cen_instance_id=package.cen_instance_id,
        package_id=package.pk,
        local_region_code=local,
        opposite_region_code=opposite,
        bandwidth=bandwidth,
    )


def test_two_requests_for_the_last_megabits_give_one_success_and_one_refusal(package, connect):
    """With 4 of 10 Mbps left, two concurrent 4 Mbps connections: exactly one is saved."""
    connect(package, "cn-hangzhou", "us-east-1", 6)
    outcomes = at_once(
        setter(package, "cn-shanghai", "us-west-1", 4),
        setter(package, "cn-beijing", "us-east-1", 4),
    )
    saved = [o for o in outcomes if isinstance(o, RegionConnection)]
    refused = [o for o in outcomes if isinstance(o, ValidationError)]
    assert (len(saved), len(refused)) == (1, 1), outcomes
    assert "only 0 Mbps remaining" in refused[0].message_dict["bandwidth"][0]
    assert RegionConnection.objects.aggregate(total=Sum("bandwidth"))["total"] == 10


def test_two_requests_setting_the_same_pair_make_one_connection(package):
    """Hangzhou -> Virginia and Virginia -> Hangzhou at once: one connection, set by the later one."""
    outcomes = at_once(
        setter(package, "cn-hangzhou", "us-east-1", 3),
        setter(package, "us-east-1", "cn-hangzhou", 5),
    )
    assert all(isinstance(o, RegionConnection) for o in outcomes), outcomes
    assert RegionConnection.objects.count() == 1
    assert RegionConnection.objects.get().bandwidth in {3, 5}


def attacher(cen_instance, network_id):
    return lambda: services.network_instance_attach(
        owner=cen_instance.owner, cen_instance_id=cen_instance.pk, region_code="cn-hangzhou", network_id=network_id
    )


def test_one_account_attaching_one_vpc_id_twice_at_once_gets_one(cen_instance):
    """The same VPC ID attached twice at once by one account: one network instance, one refusal."""
    outcomes = at_once(attacher(cen_instance, "vpc-racing01"), attacher(cen_instance, "vpc-racing01"))
    refused = [o for o in outcomes if isinstance(o, ValidationError)]
    assert len(refused) == 1, outcomes
    assert refused[0].error_dict["network_id"][0].code == "network_attached"
    assert NetworkInstance.objects.filter(instance_id="vpc-racing01").count() == 1


def test_two_accounts_attaching_one_vpc_id_at_once_both_succeed(cen_instance, other_user):
    """Two accounts attaching the same VPC ID at once: each gets its own network instance."""
    theirs = CenInstanceFactory(owner=other_user)
    outcomes = at_once(attacher(cen_instance, "vpc-racing02"), attacher(theirs, "vpc-racing02"))
    assert all(isinstance(o, NetworkInstance) for o in outcomes), outcomes
    assert NetworkInstance.objects.filter(instance_id="vpc-racing02").count() == 2
