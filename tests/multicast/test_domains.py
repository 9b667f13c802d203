"""Multicast domains through their services: made on a router made with multicast, Creating then
Active, modified, deleted only when empty; a router or VPC connection in use stays."""

import re

import pytest
from django.core.exceptions import ValidationError

from cenconsole.audit.models import AuditRecord
from cenconsole.multicast import services
from cenconsole.multicast.models import MulticastDomain
from cenconsole.transit import services as transit_services

from .conftest import VSWITCHES, codes

pytestmark = pytest.mark.django_db


def test_a_new_domain_is_creating_then_active(multicast_router, later):
    """A multicast domain has a tr-mcast-domain- ID, is Creating for a few seconds, then Active."""
    router = multicast_router()
    domain = services.multicast_domain_create(owner=router.owner, transit_router_id=router.pk, name="video")
    assert re.fullmatch(r"tr-mcast-domain-[a-z0-9]{18}", domain.pk)
    assert (domain.status, domain.name, domain.igmpv2_support) == ("Creating", "video", False)
    later()
    assert MulticastDomain.objects.get(pk=domain.pk).status == "Active"
    assert AuditRecord.objects.filter(action="multicast.domain_created", target_id=domain.pk).exists()


def test_a_domain_is_made_by_cen_and_region(multicast_router, cen_instance):
    """Without a router ID, the CEN instance's router in the region takes the domain."""
    router = multicast_router()
    domain = services.multicast_domain_create(owner=router.owner, cen_id=cen_instance.pk, region_code="cn-hangzhou")
    assert domain.transit_router_id == router.pk


def test_no_router_in_the_region_is_refused(multicast_router, cen_instance):
    """A CEN instance and region with no router: no_transit_router_in_region."""
    multicast_router()
    with pytest.raises(ValidationError) as refused:
        services.multicast_domain_create(owner=cen_instance.owner, cen_id=cen_instance.pk, region_code="us-east-1")
    assert codes(refused.value) == {"no_transit_router_in_region"}


def test_a_router_without_multicast_has_no_domain(multicast_router):
    """A router made without SupportMulticast refuses a multicast domain."""
    router = multicast_router(support_multicast=False)
    with pytest.raises(ValidationError) as refused:
        services.multicast_domain_create(owner=router.owner, transit_router_id=router.pk)
    assert codes(refused.value) == {"router_without_multicast"}


def test_a_creating_router_has_no_domain_yet(cen_instance):
    """The router must be Active."""
    router = transit_services.transit_router_create(
        owner=cen_instance.owner, cen_instance_id=cen_instance.pk, region_code="cn-hangzhou", support_multicast=True
    )
    with pytest.raises(ValidationError) as refused:
        services.multicast_domain_create(owner=router.owner, transit_router_id=router.pk)
    assert codes(refused.value) == {"transit_router_not_active"}


def test_another_accounts_router_is_unknown(multicast_router, other_user):
    """A domain is made on the account's own router only."""
    router = multicast_router()
    with pytest.raises(ValidationError) as refused:
        services.multicast_domain_create(owner=other_user, transit_router_id=router.pk)
    assert codes(refused.value) == {"unknown_transit_router"}


def test_the_router_of_another_cen_is_refused(multicast_router):
    """TransitRouterId with a CenId the router is not of: router_of_other_cen."""
    router = multicast_router()
    with pytest.raises(ValidationError) as refused:
        services.multicast_domain_create(owner=router.owner, transit_router_id=router.pk, cen_id="cen-other0001")
    assert codes(refused.value) == {"router_of_other_cen"}


def test_igmpv2_is_enable_or_disable(multicast_router):
    """Options.Igmpv2Support takes enable or disable only."""
    router = multicast_router()
    with pytest.raises(ValidationError) as refused:
        services.multicast_domain_create(owner=router.owner, transit_router_id=router.pk, igmpv2_support="on")
    assert codes(refused.value) == {"igmpv2_support_value"}


def test_modify_renames_and_enables_igmpv2(multicast_router, active_domain):
    """ModifyTransitRouterMulticastDomain changes the name, description and IGMPv2, leaving the rest."""
    domain = active_domain(multicast_router(), name="a", description="b")
    services.multicast_domain_update(owner=domain.owner, domain_id=domain.pk, name="c", igmpv2_support="enable")
    domain.refresh_from_db()
    assert (domain.name, domain.description, domain.igmpv2_support) == ("c", "b", True)


def test_igmpv2_once_enabled_stays(multicast_router, active_domain):
    """Disabling IGMPv2 after it was enabled is refused."""
    domain = active_domain(multicast_router(), igmpv2_support="enable")
    with pytest.raises(ValidationError) as refused:
        services.multicast_domain_update(owner=domain.owner, domain_id=domain.pk, igmpv2_support="disable")
    assert codes(refused.value) == {"igmpv2_stays_on"}


def test_delete_is_deleting_then_gone(multicast_router, active_domain, later):
    """A deleted domain is Deleting for a few seconds, then no longer present."""
    domain = active_domain(multicast_router())
    services.multicast_domain_delete(owner=domain.owner, domain_id=domain.pk)
    assert MulticastDomain.objects.present().get(pk=domain.pk).status == "Deleting"
    later()
    assert not MulticastDomain.objects.present().filter(pk=domain.pk).exists()


def test_a_creating_domain_is_not_deleted(multicast_router):
    """Delete waits for Active: multicast_domain_not_active."""
    router = multicast_router()
    domain = services.multicast_domain_create(owner=router.owner, transit_router_id=router.pk)
    with pytest.raises(ValidationError) as refused:
        services.multicast_domain_delete(owner=domain.owner, domain_id=domain.pk)
    assert codes(refused.value) == {"multicast_domain_not_active"}


def test_a_domain_with_vswitches_is_not_deleted(domain_with_vswitches):
    """Delete refuses while vSwitches are associated."""
    domain = domain_with_vswitches
    with pytest.raises(ValidationError) as refused:
        services.multicast_domain_delete(owner=domain.owner, domain_id=domain.pk)
    assert codes(refused.value) == {"domain_has_associations"}


def test_a_router_with_a_domain_is_not_deleted(multicast_router, active_domain):
    """Delete Transit Router refuses while the router has a multicast domain."""
    router = multicast_router()
    active_domain(router)
    with pytest.raises(ValidationError) as refused:
        transit_services.transit_router_delete(owner=router.owner, transit_router_id=router.pk)
    assert codes(refused.value) == {"transit_router_has_multicast_domains"}


def test_a_vpc_connection_with_associated_vswitches_is_not_deleted(domain_with_vswitches):
    """Delete VPC Connection refuses while its vSwitches are in a multicast domain."""
    attachment = domain_with_vswitches.associations.first().attachment
    with pytest.raises(ValidationError) as refused:
        transit_services.vpc_attachment_delete(owner=attachment.owner, attachment_id=attachment.pk)
    assert codes(refused.value) == {"vpc_attachment_in_multicast_domain"}
    assert sorted(domain_with_vswitches.associations.values_list("vswitch_id", flat=True)) == VSWITCHES
