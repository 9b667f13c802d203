"""Aggregate routes on a route table through their services: the documented CIDR and scope rules, one per
block and table, Configuring then AllConfigured after each change, Deleting then gone."""

import pytest

from cenconsole.addressing import selectors, services
from cenconsole.addressing.models import TransitRouteTableAggregation

from .conftest import codes

pytestmark = pytest.mark.django_db


def aggregate(router, cidr="10.0.0.0/8", **extra):
    extra.setdefault("scope_list", ["VPC"])
    return services.aggregation_create(owner=router.owner, route_table_id=router.system.pk, cidr=cidr, **extra)


def refused_codes(call, *args, **kwargs) -> set[str]:
    with pytest.raises(Exception) as refused:
        call(*args, **kwargs)
    return codes(refused)


def test_an_aggregate_route_is_configuring_then_all_configured(connected, later):
    """Created: Configuring, then AllConfigured, advertised to the VPC associated with the table."""
    aggregation = aggregate(connected, name="all", description="one route")
    assert aggregation.status == "Configuring"
    later(40)
    assert aggregation.status == "AllConfigured"
    assert selectors.aggregation_targets(aggregation) == ["vpc-addr0001"]


@pytest.mark.parametrize("cidr", ["0.0.0.0/0", "100.64.0.0/16", "224.0.0.0/8"])
def test_unsupported_blocks_are_refused(connected, cidr):
    """Blocks starting with 0 or 100.64, and multicast blocks, are not supported."""
    assert refused_codes(aggregate, connected, cidr=cidr) == {"aggregation_cidr_unsupported"}


@pytest.mark.parametrize(
    "scope, scope_list",
    [(None, None), ("VPC", ["VPC"]), ("VBR", None), (None, ["ECR"])],
)
def test_a_scope_must_be_given_once_and_be_vpc(connected, scope, scope_list):
    """At least one of scope and scope list, only VPC, the same value not in both."""
    assert refused_codes(aggregate, connected, scope=scope, scope_list=scope_list) == {"aggregation_scope"}


def test_the_same_block_twice_is_refused(connected):
    """One aggregate route per block and route table."""
    aggregate(connected)
    assert refused_codes(aggregate, connected, cidr="10.0.0.0/8") == {"aggregation_exists"}


def test_another_accounts_table_answers_the_aggregate_route_tables_code(connected, other_user):
    """A table not the caller's: the code the provider reads as gone (InstanceNotExist.TransitRouterRouteTable)."""
    with pytest.raises(Exception) as refused:
        services.aggregation_create(
            owner=other_user, route_table_id=connected.system.pk, cidr="10.0.0.0/8", scope="VPC"
        )
    assert codes(refused) == {"unknown_aggregation_route_table"}


def test_modify_changes_what_is_given_and_configures_again(connected, later):
    """A new name and scope: Configuring again, then AllConfigured; the description stays."""
    aggregation = aggregate(connected, description="kept")
    later(40)
    changed = services.aggregation_update(
        owner=connected.owner,
        route_table_id=connected.system.pk,
        cidr="10.0.0.0/8",
        name="new",
        scope="VPC",
        scope_list=[],
    )
    assert (changed.name, changed.description, changed.scope, changed.scope_list) == ("new", "kept", "VPC", [])
    assert changed.status == "Configuring"
    later(80)
    assert TransitRouteTableAggregation.objects.get(pk=aggregation.pk).status == "AllConfigured"


def test_modify_while_configuring_is_refused(connected):
    """A route still Configuring cannot change (the provider retries IncorrectStatus.AggregationRoute)."""
    aggregate(connected)
    refused = refused_codes(
        services.aggregation_update,
        owner=connected.owner,
        route_table_id=connected.system.pk,
        cidr="10.0.0.0/8",
        name="x",
    )
    assert refused == {"aggregation_not_configured"}


def test_refresh_configures_the_route_again(connected, later):
    """RefreshTransitRouteTableAggregation: Configuring, then AllConfigured."""
    aggregate(connected)
    later(40)
    refreshed = services.aggregation_refresh(
        owner=connected.owner, route_table_id=connected.system.pk, cidr="10.0.0.0/8"
    )
    assert refreshed.status == "Configuring"


def test_delete_is_deleting_then_gone(connected, later):
    """DeleteTransitRouteTableAggregation: Deleting, then gone from the table's list."""
    aggregate(connected)
    deleted = services.aggregation_delete(owner=connected.owner, route_table_id=connected.system.pk, cidr="10.0.0.0/8")
    assert deleted.status == "Deleting"
    assert selectors.aggregations_for(owner=connected.owner).count() == 1
    later(40)
    assert selectors.aggregations_for(owner=connected.owner).count() == 0


def test_an_unknown_aggregate_route_is_refused(connected):
    """A block with no aggregate route on the table: InstanceNotExist.AggregationRoute's code."""
    refused = refused_codes(
        services.aggregation_delete, owner=connected.owner, route_table_id=connected.system.pk, cidr="10.9.0.0/16"
    )
    assert refused == {"unknown_aggregation"}
