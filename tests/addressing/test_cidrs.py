"""A transit router's CIDR blocks through their services: the documented rules of CreateTransitRouterCidr
(prefix length, unsupported ranges, unique in the CEN instance, five per router), ModifyTransitRouterCidr
and DeleteTransitRouterCidr, and the blocks allocated from them to connections."""

import pytest

from cenconsole.addressing import services
from cenconsole.addressing.models import TransitRouterCidr
from cenconsole.audit.models import AuditRecord
from cenconsole.transit import services as transit_services

from .conftest import codes

pytestmark = pytest.mark.django_db


def create(router, cidr="192.168.10.0/24", **extra):
    return services.cidr_create(owner=router.owner, transit_router_id=router.pk, cidr=cidr, **extra)


def refused_codes(call, *args, **kwargs) -> set[str]:
    with pytest.raises(Exception) as refused:
        call(*args, **kwargs)
    return codes(refused)


def test_a_cidr_block_is_made_with_its_name_description_and_publish_flag(router):
    """The block is stored in its network form, publishing its route by default, and audited."""
    block = create(router, cidr="192.168.10.7/24", name="vpn", description="for IPsec")
    assert (block.cidr, block.name, block.description, block.publish_cidr_route) == (
        "192.168.10.0/24",
        "vpn",
        "for IPsec",
        True,
    )
    assert block.pk.startswith("cidr-")
    assert AuditRecord.objects.filter(action="transit_router_cidr.created", target_id=block.pk).exists()


@pytest.mark.parametrize("cidr", ["192.168.0.0/15", "192.168.10.0/25"])
def test_a_prefix_length_outside_16_to_24_is_refused(router, cidr):
    """The subnet mask of a transit router CIDR block is 16 to 24 bits long."""
    assert refused_codes(create, router, cidr=cidr) == {"cidr_prefix_length"}


@pytest.mark.parametrize("cidr", ["100.64.1.0/24", "224.1.0.0/16", "127.0.1.0/24", "169.254.10.0/24"])
def test_a_block_in_an_unsupported_range_is_refused(router, cidr):
    """100.64.0.0/10, 224.0.0.0/4, 127.0.0.0/8 and 169.254.0.0/16 and their subnets are not supported."""
    assert refused_codes(create, router, cidr=cidr) == {"cidr_reserved"}


def test_a_block_that_is_not_a_cidr_is_refused(router):
    """A bare address or text is no CIDR block."""
    assert refused_codes(create, router, cidr="192.168.10.1") == {"cidr_format"}


def test_a_block_overlapping_another_of_the_cen_instance_is_refused(router, active_router):
    """Each transit router CIDR block is unique in its CEN instance: another router's counts too."""
    create(router, cidr="192.168.0.0/16")
    other = active_router(region="us-east-1")
    assert refused_codes(create, other, cidr="192.168.10.0/24") == {"cidr_overlap"}


def test_a_block_overlapping_a_connected_vpc_is_refused(connected):
    """The block may not overlap the CIDR block of a VPC connected to the CEN instance."""
    assert refused_codes(create, connected, cidr="10.1.0.0/20") == {"cidr_overlap"}


def test_a_sixth_block_is_refused(router):
    """A transit router has at most five CIDR blocks."""
    for third in range(5):
        create(router, cidr=f"192.168.{third}.0/24")
    assert refused_codes(create, router, cidr="192.168.9.0/24") == {"cidr_quota"}


def test_a_router_still_creating_is_refused(cen_instance):
    """Only an Active router takes a CIDR block."""
    router = transit_services.transit_router_create(
        owner=cen_instance.owner, cen_instance_id=cen_instance.pk, region_code="cn-hangzhou"
    )
    assert refused_codes(create, router) == {"transit_router_not_active"}


def test_another_accounts_router_is_unknown(router, other_user):
    """A router is named only by its owner."""
    with pytest.raises(Exception) as refused:
        services.cidr_create(owner=other_user, transit_router_id=router.pk, cidr="192.168.10.0/24")
    assert codes(refused) == {"unknown_transit_router"}


def test_modify_changes_the_block_name_and_publish_flag(router):
    """ModifyTransitRouterCidr: the given fields change, the others stay."""
    block = create(router, name="old", description="kept")
    services.cidr_update(
        owner=router.owner,
        transit_router_id=router.pk,
        cidr_id=block.pk,
        cidr="192.168.20.0/24",
        name="new",
        publish_cidr_route=False,
    )
    block.refresh_from_db()
    assert (block.cidr, block.name, block.description, block.publish_cidr_route) == (
        "192.168.20.0/24",
        "new",
        "kept",
        False,
    )


def test_modify_may_keep_its_own_block(router):
    """A block does not overlap itself: sending the same Cidr again (as Terraform does) changes nothing."""
    block = create(router)
    services.cidr_update(owner=router.owner, transit_router_id=router.pk, cidr_id=block.pk, cidr=block.cidr)
    assert TransitRouterCidr.objects.get(pk=block.pk).cidr == "192.168.10.0/24"


def test_modify_of_an_allocated_block_is_refused(router):
    """Once addresses of the block are allocated to a connection, the block cannot change."""
    block = create(router)
    services.cidr_allocate(router=router, attachment_id="tr-attach-vpn0001", attachment_name="vpn")
    refused = refused_codes(
        services.cidr_update, owner=router.owner, transit_router_id=router.pk, cidr_id=block.pk, cidr="192.168.20.0/24"
    )
    assert refused == {"cidr_allocated"}


def test_delete_removes_the_block(router):
    """DeleteTransitRouterCidr: the block is gone (audited)."""
    block = create(router)
    services.cidr_delete(owner=router.owner, transit_router_id=router.pk, cidr_id=block.pk)
    assert not TransitRouterCidr.objects.filter(pk=block.pk).exists()
    assert AuditRecord.objects.filter(action="transit_router_cidr.deleted", target_id=block.pk).exists()


def test_delete_of_an_unknown_block_is_refused(router):
    """A block of no router of the owner's answers unknown_cidr (what Terraform reads as gone)."""
    refused = refused_codes(
        services.cidr_delete, owner=router.owner, transit_router_id=router.pk, cidr_id="cidr-nosuchblock0000000"
    )
    assert refused == {"unknown_cidr"}


def test_delete_of_an_allocated_block_is_refused(router):
    """A block with addresses allocated to a connection stays until they are released."""
    block = create(router)
    services.cidr_allocate(router=router, attachment_id="tr-attach-vpn0001")
    refused = refused_codes(services.cidr_delete, owner=router.owner, transit_router_id=router.pk, cidr_id=block.pk)
    assert refused == {"cidr_allocated"}


def test_the_first_allocation_reserves_three_blocks(router):
    """The first connection reserves three /28 blocks of the CIDR block, then gets the next one."""
    block = create(router)
    allocation = services.cidr_allocate(router=router, attachment_id="tr-attach-vpn0001", attachment_name="vpn")
    rows = list(block.allocations.values_list("allocated_cidr_block", "attachment_id"))
    assert rows == [
        ("192.168.10.0/28", ""),
        ("192.168.10.16/28", ""),
        ("192.168.10.32/28", ""),
        ("192.168.10.48/28", "tr-attach-vpn0001"),
    ]
    assert allocation.attachment_name == "vpn"


def test_a_released_connection_frees_its_block_and_the_block_can_go(router):
    """cidr_release gives the connection's block back; with only reserved blocks left, delete works."""
    block = create(router)
    services.cidr_allocate(router=router, attachment_id="tr-attach-vpn0001")
    assert services.cidr_release(router=router, attachment_id="tr-attach-vpn0001") == 1
    services.cidr_delete(owner=router.owner, transit_router_id=router.pk, cidr_id=block.pk)
    assert not TransitRouterCidr.objects.filter(pk=block.pk).exists()


def test_an_allocation_without_a_free_block_is_refused(router):
    """A router without CIDR blocks (or with every block taken) has nothing to allocate."""
    assert refused_codes(services.cidr_allocate, router=router, attachment_id="tr-attach-vpn0001") == {"cidr_exhausted"}
