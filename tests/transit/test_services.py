"""Transit routers and VPC connections through their services: statuses on the clock, the one
router per region, the refusals, and a VPC attached one way only."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cenconsole.audit.models import AuditRecord
from cenconsole.cen import services as cen_services
from cenconsole.networks import services as network_services
from cenconsole.transit import services
from cenconsole.transit.models import TransitRouter
from cenconsole.transit.selectors import transit_routers_for, vpc_attachments_for
from tests.factories import CenInstanceFactory

from .conftest import ZONES

pytestmark = pytest.mark.django_db


def codes(error: ValidationError) -> set[str]:
    return (
        {each.code for each in error.error_list}
        if not hasattr(error, "error_dict")
        else {each.code for errors in error.error_dict.values() for each in errors}
    )


def test_a_new_router_is_creating_then_active(cen_instance, later):
    """A transit router is Creating for a few seconds of the clock, then Active, with a tr- ID."""
    router = services.transit_router_create(
        owner=cen_instance.owner, cen_instance_id=cen_instance.pk, region_code="cn-hangzhou"
    )
    assert re.fullmatch(r"tr-[a-z0-9]{20}", router.pk)
    assert router.status == "Creating"
    later()
    assert TransitRouter.objects.get(pk=router.pk).status == "Active"
    assert AuditRecord.objects.filter(action="transit_router.created", target_id=router.pk).exists()


def test_one_router_per_region(cen_instance, active_router):
    """A second router in the same region of the same CEN instance is refused."""
    active_router()
    with pytest.raises(ValidationError) as refused:
        services.transit_router_create(
            owner=cen_instance.owner, cen_instance_id=cen_instance.pk, region_code="cn-hangzhou"
        )
    assert codes(refused.value) == {"transit_router_exists"}


def test_another_accounts_cen_is_unknown(cen_instance, other_user):
    """A router is made only on the account's own CEN instance."""
    with pytest.raises(ValidationError) as refused:
        services.transit_router_create(owner=other_user, cen_instance_id=cen_instance.pk, region_code="cn-hangzhou")
    assert codes(refused.value) == {"unknown_cen"}


def test_unknown_region_and_bad_name_refused(cen_instance):
    """An unknown region and a name starting with http:// are both named."""
    with pytest.raises(ValidationError) as refused:
        services.transit_router_create(
            owner=cen_instance.owner, cen_instance_id=cen_instance.pk, region_code="mars-1", name="http://x"
        )
    assert set(refused.value.error_dict) == {"region", "name"}


def test_a_creating_router_cannot_be_changed(cen_instance):
    """While Creating, a router can be read but not updated or deleted."""
    router = services.transit_router_create(
        owner=cen_instance.owner, cen_instance_id=cen_instance.pk, region_code="cn-hangzhou"
    )
    for attempt in (
        lambda: services.transit_router_update(owner=cen_instance.owner, transit_router_id=router.pk, name="x"),
        lambda: services.transit_router_delete(owner=cen_instance.owner, transit_router_id=router.pk),
    ):
        with pytest.raises(ValidationError) as refused:
            attempt()
        assert codes(refused.value) == {"transit_router_not_active"}


def test_update_renames_and_audits(cen_instance, active_router):
    """UpdateTransitRouter changes name and description and records old and new."""
    router = active_router()
    services.transit_router_update(owner=cen_instance.owner, transit_router_id=router.pk, name="tr-hz", description="d")
    router.refresh_from_db()
    assert (router.name, router.description) == ("tr-hz", "d")
    record = AuditRecord.objects.get(action="transit_router.modified")
    assert record.changes == {"name": ["", "tr-hz"], "description": ["", "d"]}


def test_deleting_then_gone_and_region_free_again(cen_instance, active_router, later):
    """A deleted router is Deleting, then gone from the lists; the region takes a new router."""
    router = active_router()
    services.transit_router_delete(owner=cen_instance.owner, transit_router_id=router.pk)
    assert transit_routers_for(owner=cen_instance.owner).get().status == "Deleting"
    later()
    assert not transit_routers_for(owner=cen_instance.owner).exists()
    assert active_router().pk != router.pk


def test_cen_with_only_bare_routers_is_deleted_with_its_routers(cen_instance, active_router):
    """A CEN instance whose transit routers have no connections or custom route tables is deleted;
    its routers are Deleting with it (their system route tables too)."""
    router = active_router()
    cen_services.cen_instance_delete(owner=cen_instance.owner, cen_id=cen_instance.pk)
    router.refresh_from_db()
    assert router.status == "Deleting"
    assert not router.route_tables.live().exists()


def test_cen_whose_router_has_a_connection_cannot_be_deleted(cen_instance, active_router):
    """Deleting a CEN instance is refused while one of its routers has a connection of any kind."""
    router = active_router()
    services.product_attachment_create(
        owner=cen_instance.owner, kind="VBR", resource_id="vbr-del0001", transit_router_id=router.pk
    )
    with pytest.raises(ValidationError) as refused:
        cen_services.cen_instance_delete(owner=cen_instance.owner, cen_id=cen_instance.pk)
    assert codes(refused.value) == {"cen_has_transit_connections"}


def test_cen_whose_router_has_a_custom_route_table_cannot_be_deleted(cen_instance, active_router):
    """Deleting a CEN instance is refused while one of its routers has a custom route table."""
    router = active_router()
    services.route_table_create(owner=cen_instance.owner, transit_router_id=router.pk)
    with pytest.raises(ValidationError) as refused:
        cen_services.cen_instance_delete(owner=cen_instance.owner, cen_id=cen_instance.pk)
    assert codes(refused.value) == {"cen_has_custom_route_tables"}
    router.refresh_from_db()
    assert router.deleted_at is None


def test_vpc_connection_attaching_then_attached(cen_instance, active_router, later):
    """A VPC connection is Attaching, then Attached, with the region's default CIDR block and zones."""
    router = active_router()
    attachment = services.vpc_attachment_create(
        owner=cen_instance.owner, transit_router_id=router.pk, vpc_id="vpc-hz0001", zone_mappings=ZONES
    )
    assert attachment.attachment_status == "Attaching"
    assert attachment.pk.startswith("tr-attach-")
    assert attachment.zone_mappings == [{"ZoneId": z, "VSwitchId": v} for z, v in ZONES]
    assert re.fullmatch(r"10\.\d+\.0\.0/16", attachment.cidr_block)
    later()
    assert vpc_attachments_for(owner=cen_instance.owner).get().attachment_status == "Attached"


@pytest.mark.parametrize(
    "zones, code",
    [
        ([], "zone_mappings_required"),
        ([("us-east-1a", "vsw-a1")], "zone_format"),
        ([("cn-hangzhou-h", "switch")], "vswitch_format"),
        ([("cn-hangzhou-h", "vsw-a1"), ("cn-hangzhou-h", "vsw-a2")], "zone_repeated"),
    ],
)
def test_zone_mappings_refused(cen_instance, active_router, zones, code):
    """Zones must be the router region's, each once, each with a vSwitch ID."""
    router = active_router()
    with pytest.raises(ValidationError) as refused:
        services.vpc_attachment_create(
            owner=cen_instance.owner, transit_router_id=router.pk, vpc_id="vpc-hz0001", zone_mappings=zones
        )
    assert codes(refused.value) == {code}


def test_connection_needs_an_active_router(cen_instance):
    """A Creating router takes no VPC connection yet."""
    router = services.transit_router_create(
        owner=cen_instance.owner, cen_instance_id=cen_instance.pk, region_code="cn-hangzhou"
    )
    with pytest.raises(ValidationError) as refused:
        services.vpc_attachment_create(
            owner=cen_instance.owner, transit_router_id=router.pk, vpc_id="vpc-hz0001", zone_mappings=ZONES
        )
    assert codes(refused.value) == {"transit_router_not_active"}


def test_a_vpc_connection_reads_no_region_after_its_router(cen_instance, active_router):
    """The router is read with its region and area, which give the default CIDR block: no region read again."""
    router = active_router()
    with CaptureQueriesContext(connection) as queries:
        services.vpc_attachment_create(
            owner=cen_instance.owner, transit_router_id=router.pk, vpc_id="vpc-hz0001", zone_mappings=ZONES
        )
    assert [each["sql"] for each in queries if 'FROM "regions_region" ' in each["sql"]] == []


def test_basic_attached_vpc_refused_on_a_router(cen_instance, active_router):
    """A VPC attached as a network instance (Basic) is not also connected to a transit router."""
    network_services.network_instance_attach(
        owner=cen_instance.owner, cen_instance_id=cen_instance.pk, region_code="cn-hangzhou", network_id="vpc-hz0001"
    )
    router = active_router()
    with pytest.raises(ValidationError) as refused:
        services.vpc_attachment_create(
            owner=cen_instance.owner, transit_router_id=router.pk, vpc_id="vpc-hz0001", zone_mappings=ZONES
        )
    assert codes(refused.value) == {"vpc_attached_basic"}


def test_transit_vpc_refused_as_network_instance(cen_instance, active_router):
    """A VPC connected to a transit router is not also attached as a network instance, on any CEN."""
    router = active_router()
    services.vpc_attachment_create(
        owner=cen_instance.owner, transit_router_id=router.pk, vpc_id="vpc-hz0001", zone_mappings=ZONES
    )
    other_cen = CenInstanceFactory(owner=cen_instance.owner)
    with pytest.raises(ValidationError) as refused:
        network_services.network_instance_attach(
            owner=cen_instance.owner, cen_instance_id=other_cen.pk, region_code="cn-hangzhou", network_id="vpc-hz0001"
        )
    assert codes(refused.value) == {"vpc_attached_transit"}


def test_a_vpc_connects_to_one_router_only(cen_instance, active_router):
    """The same VPC is connected once: a second connection is refused."""
    router = active_router()
    services.vpc_attachment_create(
        owner=cen_instance.owner, transit_router_id=router.pk, vpc_id="vpc-hz0001", zone_mappings=ZONES
    )
    with pytest.raises(ValidationError) as refused:
        services.vpc_attachment_create(
            owner=cen_instance.owner, transit_router_id=router.pk, vpc_id="vpc-hz0001", zone_mappings=ZONES
        )
    assert codes(refused.value) == {"vpc_attached_transit"}


def test_router_with_connections_cannot_be_deleted(cen_instance, active_router, later):
    """A router is deleted only once its connections are gone (Detaching counts as still there)."""
    router = active_router()
    attachment = services.vpc_attachment_create(
        owner=cen_instance.owner, transit_router_id=router.pk, vpc_id="vpc-hz0001", zone_mappings=ZONES
    )
    later(20)
    services.vpc_attachment_delete(owner=cen_instance.owner, attachment_id=attachment.pk)
    with pytest.raises(ValidationError) as refused:
        services.transit_router_delete(owner=cen_instance.owner, transit_router_id=router.pk)
    assert codes(refused.value) == {"transit_router_has_attachments"}
    later(40)
    services.transit_router_delete(owner=cen_instance.owner, transit_router_id=router.pk)


def test_update_connection_attribute(cen_instance, active_router, later):
    """A connection's name, description and route publishing change once it is Attached."""
    router = active_router()
    attachment = services.vpc_attachment_create(
        owner=cen_instance.owner, transit_router_id=router.pk, vpc_id="vpc-hz0001", zone_mappings=ZONES
    )
    with pytest.raises(ValidationError):
        services.vpc_attachment_update(owner=cen_instance.owner, attachment_id=attachment.pk, name="x")
    later(20)
    services.vpc_attachment_update(
        owner=cen_instance.owner, attachment_id=attachment.pk, name="hz-vpc", auto_publish_route=True
    )
    attachment.refresh_from_db()
    assert (attachment.name, attachment.auto_publish_route) == ("hz-vpc", True)
