"""vSwitches associated with multicast domains through their services: Associating then Associated,
one domain per vSwitch, only the domain router's connections' vSwitches, at most ten, and
disassociated when no member or source is left."""

import pytest
from django.core.exceptions import ValidationError

from cenconsole.multicast import services
from cenconsole.multicast.models import MulticastAssociation
from cenconsole.transit import services as transit_services

from .conftest import VSWITCHES, codes

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(multicast_router, connected_vpc, active_domain):
    router = multicast_router()
    return {"router": router, "attachment": connected_vpc(router), "domain": active_domain(router)}


def associate(setup, vswitch_ids=VSWITCHES, domain=None, attachment=None):
    domain = domain or setup["domain"]
    return services.multicast_domain_associate(
        owner=domain.owner,
        domain_id=domain.pk,
        attachment_id=(attachment or setup["attachment"]).pk,
        vswitch_ids=vswitch_ids,
    )


def refused_codes(call, *args, **kwargs) -> set[str]:
    with pytest.raises(ValidationError) as refused:
        call(*args, **kwargs)
    return codes(refused.value)


def test_vswitches_are_associating_then_associated(setup, later):
    """Each vSwitch named is Associating for a few seconds, then Associated, through its VPC connection."""
    made = associate(setup)
    assert [(each.vswitch_id, each.association_status) for each in made] == [
        (VSWITCHES[0], "Associating"),
        (VSWITCHES[1], "Associating"),
    ]
    later()
    statuses = {each.vswitch_id: each.association_status for each in MulticastAssociation.objects.all()}
    assert statuses == {VSWITCHES[0]: "Associated", VSWITCHES[1]: "Associated"}


def test_a_vswitch_of_another_vpc_connection_is_refused(setup):
    """Only the named VPC connection's own vSwitches are associated."""
    assert refused_codes(associate, setup, ["vsw-elsewhere0001"]) == {"vswitch_not_in_attachment"}


def test_a_vswitch_is_in_one_domain_at_a_time(setup, active_domain):
    """A vSwitch associated with one domain is refused by another."""
    associate(setup, VSWITCHES[:1])
    other = active_domain(setup["router"])
    assert refused_codes(associate, setup, VSWITCHES[:1], domain=other) == {"vswitch_associated"}


def test_a_connection_of_another_router_is_refused(setup, multicast_router, connected_vpc):
    """The VPC connection must be one of the domain's router."""
    other_router = multicast_router(region="us-east-1")
    other = connected_vpc(other_router, vpc_id="vpc-mcastva01", zones=[("us-east-1a", "vsw-mcastva01")])
    assert refused_codes(associate, setup, ["vsw-mcastva01"], attachment=other) == {"attachment_of_other_router"}


def test_an_attaching_connection_is_refused(setup):
    """The VPC connection must be Attached."""
    router = setup["router"]
    attaching = transit_services.vpc_attachment_create(
        owner=router.owner,
        transit_router_id=router.pk,
        vpc_id="vpc-mcast0002",
        zone_mappings=[("cn-hangzhou-j", "vsw-mcast0003")],
    )
    refused = refused_codes(associate, setup, ["vsw-mcast0003"], attachment=attaching)
    assert refused == {"multicast_attachment_not_attached"}


def test_a_domain_has_at_most_ten_vswitches(setup, connected_vpc):
    """An eleventh vSwitch is refused."""
    router = setup["router"]
    zones = [(f"cn-hangzhou-{letter}", f"vsw-many{letter}") for letter in "abcdefghij"]
    many = connected_vpc(router, vpc_id="vpc-mcastmany", zones=zones)
    associate(setup, [vswitch for _, vswitch in zones[:9]], attachment=many)
    assert refused_codes(associate, setup, VSWITCHES) == {"vswitches_per_domain"}


def test_disassociate_is_dissociating_then_gone(setup, later):
    """Disassociate: Dissociating for a few seconds, then no longer present; the other vSwitch stays."""
    associate(setup)
    later()
    domain = setup["domain"]
    services.multicast_domain_disassociate(
        owner=domain.owner, domain_id=domain.pk, attachment_id=setup["attachment"].pk, vswitch_ids=VSWITCHES[:1]
    )
    statuses = {each.vswitch_id: each.association_status for each in MulticastAssociation.objects.present()}
    assert statuses == {VSWITCHES[0]: "Dissociating", VSWITCHES[1]: "Associated"}
    later()
    assert list(MulticastAssociation.objects.present().values_list("vswitch_id", flat=True)) == VSWITCHES[1:]


def test_an_associating_vswitch_is_not_disassociated(setup):
    """Disassociate waits for Associated."""
    associate(setup)
    domain = setup["domain"]
    refused = refused_codes(
        services.multicast_domain_disassociate,
        owner=domain.owner,
        domain_id=domain.pk,
        attachment_id=setup["attachment"].pk,
        vswitch_ids=VSWITCHES,
    )
    assert refused == {"multicast_association_not_associated"}


def test_a_vswitch_with_a_member_is_not_disassociated(domain_with_vswitches, later):
    """Disassociate refuses while an ENI of the vSwitch is a member."""
    domain = domain_with_vswitches
    services.multicast_members_register(
        owner=domain.owner, domain_id=domain.pk, group_ip="239.0.0.2", eni_ids=["eni-mcast0001"]
    )
    later()
    association = domain.associations.get(vswitch_id=VSWITCHES[0])
    refused = refused_codes(
        services.multicast_domain_disassociate,
        owner=domain.owner,
        domain_id=domain.pk,
        attachment_id=association.attachment_id,
        vswitch_ids=VSWITCHES[:1],
    )
    assert refused == {"multicast_groups_exist"}


def test_a_vswitch_not_associated_is_passed_over(setup):
    """Disassociating a vSwitch that is not associated changes nothing and is not refused."""
    domain = setup["domain"]
    gone = services.multicast_domain_disassociate(
        owner=domain.owner, domain_id=domain.pk, attachment_id=setup["attachment"].pk, vswitch_ids=VSWITCHES
    )
    assert gone == []
