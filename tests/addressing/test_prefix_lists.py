"""Prefix lists associated with a route table through their services: the next hop (a connection of the
router, or a blackhole), Updating then Active, one association per prefix list, table and next hop."""

import pytest

from cenconsole.addressing import services
from cenconsole.addressing.models import PrefixListAssociation
from cenconsole.products.models import ProductResource
from cenconsole.transit import services as transit_services

from .conftest import codes

pytestmark = pytest.mark.django_db

PREFIX_LIST = "pl-addr0001"


def associate(router, next_hop="BlackHole", table=None, **extra):
    return services.prefix_list_association_create(
        owner=router.owner,
        prefix_list_id=extra.pop("prefix_list_id", PREFIX_LIST),
        transit_router_id=router.pk,
        route_table_id=(table or router.system).pk,
        next_hop=next_hop,
        **extra,
    )


def refused_codes(call, *args, **kwargs) -> set[str]:
    with pytest.raises(Exception) as refused:
        call(*args, **kwargs)
    return codes(refused)


def test_a_blackhole_association_is_updating_then_active(connected, later):
    """The prefix list's record is made on first mention; the association is Updating, then Active."""
    association = associate(connected)
    assert (association.next_hop_type, association.status) == ("BlackHole", "Updating")
    assert ProductResource.objects.get(resource_id=PREFIX_LIST).kind == ProductResource.Kind.PREFIX_LIST
    later(40)
    assert association.status == "Active"


def test_a_vpc_connection_next_hop_takes_its_type_and_vpc(connected):
    """Without NextHopType the connection's own kind is used; its VPC is the next hop's network instance."""
    association = associate(connected, next_hop=connected.connection.pk)
    assert (association.next_hop_type, association.next_hop_instance_id) == ("VPC", "vpc-addr0001")


def test_a_next_hop_type_that_is_not_the_connections_is_refused(connected):
    """A VPC connection is not a VBR connection."""
    assert refused_codes(associate, connected, next_hop=connected.connection.pk, next_hop_type="VBR") == {
        "prefix_list_next_hop_type"
    }


def test_a_blackhole_type_with_another_next_hop_is_refused(connected):
    """NextHopType BlackHole takes the next hop BlackHole only."""
    assert refused_codes(associate, connected, next_hop=connected.connection.pk, next_hop_type="BlackHole") == {
        "prefix_list_next_hop_blackhole"
    }


def test_a_next_hop_that_is_no_connection_of_the_router_is_refused(connected):
    """The next hop is one of the router's Attached connections."""
    assert refused_codes(associate, connected, next_hop="tr-attach-nosuchone00000") == {"prefix_list_next_hop_unknown"}


def test_the_same_association_twice_is_refused(connected):
    """One association per prefix list, route table and next hop."""
    associate(connected)
    assert refused_codes(associate, connected) == {"prefix_list_associated"}


def test_a_route_table_of_another_router_is_refused(connected, active_router, later):
    """The route table must be one of the named router's."""
    other = active_router(region="us-east-1")
    table = other.route_tables.get(table_type="System")
    assert refused_codes(associate, connected, table=table) == {"route_table_of_another_router"}


def test_a_route_table_still_creating_is_refused(connected):
    """A custom table still Creating takes no association."""
    table = transit_services.route_table_create(owner=connected.owner, transit_router_id=connected.pk)
    assert refused_codes(associate, connected, table=table) == {"route_table_not_active"}


def test_a_malformed_prefix_list_id_is_refused(connected):
    """A prefix list ID is pl- and lower-case letters and digits."""
    assert refused_codes(associate, connected, prefix_list_id="prefix-1") == {"resource_id_format"}


def test_delete_removes_an_active_association(connected, later):
    """DeleteTransitRouterPrefixListAssociation: an Active association goes."""
    associate(connected)
    later(40)
    services.prefix_list_association_delete(
        owner=connected.owner,
        prefix_list_id=PREFIX_LIST,
        transit_router_id=connected.pk,
        route_table_id=connected.system.pk,
        next_hop="BlackHole",
    )
    assert not PrefixListAssociation.objects.exists()


def test_delete_of_an_updating_association_is_refused(connected):
    """Still Updating: refused (the provider retries InvalidStatus.PrefixlistAssociation)."""
    associate(connected)
    refused = refused_codes(
        services.prefix_list_association_delete,
        owner=connected.owner,
        prefix_list_id=PREFIX_LIST,
        transit_router_id=connected.pk,
        route_table_id=connected.system.pk,
        next_hop="BlackHole",
    )
    assert refused == {"prefix_list_association_updating"}


def test_delete_of_an_unknown_association_is_refused(connected):
    """No association with that next hop: unknown."""
    refused = refused_codes(
        services.prefix_list_association_delete,
        owner=connected.owner,
        prefix_list_id=PREFIX_LIST,
        transit_router_id=connected.pk,
        route_table_id=connected.system.pk,
        next_hop="BlackHole",
    )
    assert refused == {"unknown_prefix_list_association"}
