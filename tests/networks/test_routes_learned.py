"""What CEN learns from published custom routes (networks.routes): the region domains learn them,
withdrawn they are gone, and a route to a destination another VPC published first is rejected."""

import pytest

from cenconsole.networks import routes, services

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_vpcs(cen_instance):
    """vpc-hz (10.1.0.0/16, Hangzhou) and vpc-va (10.2.0.0/16, Virginia), attached in that order."""
    return [
        services.network_instance_attach(
            owner=cen_instance.owner,
            cen_instance_id=cen_instance.pk,
            region_code=region,
            network_id=vpc_id,
            cidr_block=cidr,
        )
        for vpc_id, region, cidr in (("vpc-hz", "cn-hangzhou", "10.1.0.0/16"), ("vpc-va", "us-east-1", "10.2.0.0/16"))
    ]


def publish(vpc, destination):
    return services.route_entry_publish(
        owner=vpc.owner,
        cen_instance_id=vpc.cen_instance_id,
        vpc_id=vpc.instance_id,
        region_code=vpc.region_id,
        route_table_id=routes.route_table_id(vpc),
        destination_cidr=destination,
    )


def test_a_published_route_is_learned_by_every_region_domain(cen_instance, two_vpcs):
    """Virginia's region domain holds vpc-hz's published 192.168.0.0/24 as Custom, next hop vpc-hz."""
    hangzhou, _ = two_vpcs
    publish(hangzhou, "192.168.0.0/24")
    learned = [r for r in routes.cen_routes(cen_instance=cen_instance, region_id="us-east-1") if r.entry is not None]
    assert [(r.destination, r.network, r.route_type(), r.status) for r in learned] == [
        ("192.168.0.0/24", hangzhou, "Custom", "Active")
    ]


def test_a_published_route_is_learned_in_another_vpcs_table(two_vpcs):
    """In vpc-va's table vpc-hz's published route is CEN (learned); in vpc-hz's own it is Custom, published."""
    hangzhou, virginia = two_vpcs
    publish(hangzhou, "192.168.0.0/24")
    theirs = next(r for r in routes.child_instance_routes(network=virginia) if r.destination == "192.168.0.0/24")
    mine = next(r for r in routes.child_instance_routes(network=hangzhou) if r.destination == "192.168.0.0/24")
    assert (theirs.route_type(virginia), theirs.is_published(virginia)) == ("CEN", False)
    assert (mine.route_type(hangzhou), mine.is_published(hangzhou)) == ("Custom", True)


def test_a_withdrawn_route_is_no_longer_learned(cen_instance, two_vpcs):
    """Withdrawn, the route leaves the region domains; it stays in its VPC's own table, not published."""
    hangzhou, _ = two_vpcs
    publish(hangzhou, "192.168.0.0/24")
    services.route_entry_withdraw(
        owner=hangzhou.owner,
        cen_instance_id=cen_instance.pk,
        vpc_id="vpc-hz",
        region_code="cn-hangzhou",
        route_table_id="vtb-hz",
        destination_cidr="192.168.0.0/24",
    )
    assert all(r.entry is None for r in routes.cen_routes(cen_instance=cen_instance))
    (own,) = [r for r in routes.published_routes(network=hangzhou) if r.entry is not None]
    assert (own.destination, own.is_published(hangzhou)) == ("192.168.0.0/24", False)


def test_a_later_route_to_the_same_destination_is_rejected(cen_instance, two_vpcs):
    """vpc-va publishes 192.168.0.0/24 after vpc-hz: its route is Rejected, conflicting with vpc-hz's."""
    hangzhou, virginia = two_vpcs
    publish(hangzhou, "192.168.0.0/24")
    publish(virginia, "192.168.0.0/24")
    by_vpc = {
        r.network.instance_id: r
        for r in routes.cen_routes(cen_instance=cen_instance, region_id="cn-hangzhou")
        if r.entry is not None
    }
    assert (by_vpc["vpc-hz"].status, by_vpc["vpc-va"].status) == ("Active", "Rejected")
    assert [(o.network, o.destination) for o in by_vpc["vpc-va"].conflicts] == [(hangzhou, "192.168.0.0/24")]


def test_a_more_specific_custom_route_does_not_conflict(cen_instance, two_vpcs):
    """192.168.0.0/25 inside another VPC's published 192.168.0.0/24 is another destination: both Active."""
    hangzhou, virginia = two_vpcs
    publish(hangzhou, "192.168.0.0/24")
    publish(virginia, "192.168.0.0/25")
    assert {r.status for r in routes.cen_routes(cen_instance=cen_instance)} == {"Active"}


def test_route_conflicts_name_the_other_vpcs_routes_to_this_vpcs_destinations(two_vpcs):
    """A custom route of vpc-va to vpc-hz's block conflicts with it: vpc-hz's conflicts name vpc-va's route."""
    hangzhou, virginia = two_vpcs
    publish(virginia, "10.1.0.0/16")
    assert [(o.network, o.destination) for o in routes.route_conflicts(network=hangzhou)] == [(virginia, "10.1.0.0/16")]
    assert [(o.network, o.destination) for o in routes.route_conflicts(network=virginia)] == [(hangzhou, "10.1.0.0/16")]
