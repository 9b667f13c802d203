"""Multicast group members and sources through their services: ENIs in associated vSwitches (an ENI
stays in the vSwitch it was first named in), group addresses in 224.0.0.0/4, Registering then
Registered, deregistered when Registered; members from another region's domain over an inter-region
connection."""

import pytest
from django.core.exceptions import ValidationError

from cenconsole.multicast import services
from cenconsole.multicast.models import MulticastGroupResource, NetworkInterface
from cenconsole.transit import services as transit_services

from .conftest import VSWITCHES, codes

pytestmark = pytest.mark.django_db

GROUP = "239.0.0.2"


def register(domain, eni_ids=("eni-mcast0001",), role="member", group_ip=GROUP, **extra):
    call = services.multicast_members_register if role == "member" else services.multicast_sources_register
    return call(owner=domain.owner, domain_id=domain.pk, group_ip=group_ip, eni_ids=list(eni_ids), **extra)


def refused_codes(call, *args, **kwargs) -> set[str]:
    with pytest.raises(ValidationError) as refused:
        call(*args, **kwargs)
    return codes(refused.value)


def test_a_member_is_registering_then_registered(domain_with_vswitches, later):
    """A member ENI is Registering for a few seconds, then Registered, in its vSwitch and connection."""
    (member,) = register(domain_with_vswitches)
    assert member.registration_status == "Registering"
    later()
    member = MulticastGroupResource.objects.get(pk=member.pk)
    association = domain_with_vswitches.associations.get(vswitch_id=member.vswitch_id)
    assert (member.registration_status, member.attachment_id) == ("Registered", association.attachment_id)


def test_an_eni_first_named_is_placed_in_the_oldest_associated_vswitch(domain_with_vswitches):
    """The ENI's record takes the domain's first associated vSwitch and its VPC."""
    register(domain_with_vswitches)
    eni = NetworkInterface.objects.get(eni_id="eni-mcast0001")
    assert (eni.vswitch_id, eni.vpc_id) == (VSWITCHES[0], "vpc-mcast0001")


def test_an_eni_and_its_group_can_be_source_and_member(domain_with_vswitches):
    """One ENI is both a source and a member of a group: two registrations in the same vSwitch."""
    register(domain_with_vswitches, role="source")
    register(domain_with_vswitches, role="member")
    rows = MulticastGroupResource.objects.filter(domain=domain_with_vswitches)
    assert sorted(rows.values_list("role", "vswitch_id")) == [("member", VSWITCHES[0]), ("source", VSWITCHES[0])]


def test_a_member_registered_twice_is_refused(domain_with_vswitches):
    """The same ENI as a member of the same group again: already_registered."""
    register(domain_with_vswitches)
    assert refused_codes(register, domain_with_vswitches) == {"already_registered"}


@pytest.mark.parametrize("address", ["10.0.0.1", "224.0.0.0", "239.255.255.255", "240.0.0.1", "239.0.0.02", "x"])
def test_a_group_address_outside_multicast_is_refused(domain_with_vswitches, address):
    """A group address is in 224.0.0.1 to 239.255.255.254, written plainly."""
    assert refused_codes(register, domain_with_vswitches, group_ip=address) == {"group_ip_format"}


def test_a_source_group_is_outside_the_reserved_block(domain_with_vswitches):
    """224.0.0.1 takes members but not sources (224.0.0.0/24 is reserved)."""
    register(domain_with_vswitches, group_ip="224.0.0.1")
    refused = refused_codes(register, domain_with_vswitches, role="source", group_ip="224.0.0.1")
    assert refused == {"group_ip_format"}


def test_an_eni_id_is_checked(domain_with_vswitches):
    """An ENI ID is eni- and lower-case letters and digits."""
    assert refused_codes(register, domain_with_vswitches, eni_ids=["vsw-mcast0001"]) == {"eni_id_format"}


def test_an_eni_needs_an_associated_vswitch(multicast_router, active_domain):
    """A domain with no vSwitch associated takes no ENI."""
    domain = active_domain(multicast_router())
    assert refused_codes(register, domain) == {"eni_not_associated"}


def test_an_eni_stays_in_its_vswitch(domain_with_vswitches, multicast_router, connected_vpc, later):
    """An ENI first placed in one domain's vSwitch is refused by a domain its vSwitch is not in."""
    register(domain_with_vswitches)
    router = domain_with_vswitches.transit_router
    other_vpc = connected_vpc(router, vpc_id="vpc-mcast0002", zones=[("cn-hangzhou-j", "vsw-mcast0003")])
    other = services.multicast_domain_create(owner=router.owner, transit_router_id=router.pk)
    later()
    services.multicast_domain_associate(
        owner=router.owner, domain_id=other.pk, attachment_id=other_vpc.pk, vswitch_ids=["vsw-mcast0003"]
    )
    later()
    assert refused_codes(register, other) == {"eni_not_associated"}


def test_a_vpc_id_other_than_the_enis_is_refused(domain_with_vswitches):
    """VpcId names the ENI's VPC: another is refused."""
    register(domain_with_vswitches)
    refused = refused_codes(register, domain_with_vswitches, role="source", vpc_id="vpc-other0001")
    assert refused == {"eni_in_other_vpc"}


def test_deregister_is_deregistering_then_gone(domain_with_vswitches, later):
    """Deregister a Registered member: Deregistering for a few seconds, then gone."""
    domain = domain_with_vswitches
    register(domain)
    later()
    services.multicast_members_deregister(
        owner=domain.owner, domain_id=domain.pk, group_ip=GROUP, eni_ids=["eni-mcast0001"]
    )
    (row,) = MulticastGroupResource.objects.present()
    assert row.registration_status == "Deregistering"
    later()
    assert not MulticastGroupResource.objects.present().exists()


def test_a_registering_member_is_not_deregistered(domain_with_vswitches):
    """Deregister waits for Registered: registration_in_transition."""
    domain = domain_with_vswitches
    register(domain)
    refused = refused_codes(
        services.multicast_members_deregister,
        owner=domain.owner,
        domain_id=domain.pk,
        group_ip=GROUP,
        eni_ids=["eni-mcast0001"],
    )
    assert refused == {"registration_in_transition"}


def test_deregistering_what_is_not_registered_changes_nothing(domain_with_vswitches):
    """An ENI that is no source of the group is passed over, as the real service does."""
    domain = domain_with_vswitches
    gone = services.multicast_sources_deregister(
        owner=domain.owner, domain_id=domain.pk, group_ip=GROUP, eni_ids=["eni-mcast0001"]
    )
    assert gone == []


def test_a_domain_with_members_is_not_deleted(domain_with_vswitches, later):
    """Delete refuses while the domain has a member."""
    domain = domain_with_vswitches
    register(domain)
    later()
    for each in domain.associations.all():
        each.delete()  # vSwitches out of the way: the members are what is left
    refused = refused_codes(services.multicast_domain_delete, owner=domain.owner, domain_id=domain.pk)
    assert refused == {"multicast_groups_exist"}


# Members from another region's multicast domain -------------------------------------------------------


def register_peer(peers, peer_id=None):
    domain = peers["domain"]
    return services.multicast_members_register(
        owner=domain.owner, domain_id=domain.pk, group_ip=GROUP, peer_domain_ids=[peer_id or peers["peer"].pk]
    )


def test_another_regions_domain_is_a_member(peers):
    """A peer domain joins the group through the inter-region connection."""
    (member,) = register_peer(peers)
    assert (member.peer_domain_id, member.attachment_id, member.vswitch_id) == (
        peers["peer"].pk,
        peers["connection"].pk,
        "",
    )


def test_a_peer_domain_of_the_same_region_is_refused(peers, active_domain):
    """A peer domain is another region's."""
    same = active_domain(peers["domain"].transit_router)
    assert refused_codes(register_peer, peers, same.pk) == {"peer_domain_same_region"}


def test_a_peer_domain_needs_an_inter_region_connection(peers, later):
    """Without an inter-region connection between the two routers, no peer member."""
    connection = peers["connection"]
    transit_services.peer_attachment_delete(owner=connection.owner, attachment_id=connection.pk)
    later()
    assert refused_codes(register_peer, peers) == {"no_peer_connection"}


def test_a_peer_member_holds_its_domain(peers, later):
    """A domain that is another's member is not deleted."""
    register_peer(peers)
    later()
    peer = peers["peer"]
    refused = refused_codes(services.multicast_domain_delete, owner=peer.owner, domain_id=peer.pk)
    assert refused == {"domain_is_peer_member"}
