"""Requests racing for one package, on PostgreSQL (SQLite serializes every write anyway)."""

import pytest
from django.core.exceptions import ValidationError
from django.db.models import Sum

from cenconsole.networks import services
from cenconsole.networks.models import RegionConnection
from tests.concurrency import at_once
from tests.conftest import requires_postgres

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
