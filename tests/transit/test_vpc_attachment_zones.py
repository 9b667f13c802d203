"""UpdateTransitRouterVpcAttachmentZones through its service: zones added and removed on an Attached VPC
connection, within the router's region and the one-to-ten rule."""

import pytest
from django.core.exceptions import ValidationError

from cenconsole.audit.models import AuditRecord
from cenconsole.transit import services

from .conftest import ZONES

pytestmark = pytest.mark.django_db


def codes(error: ValidationError) -> set[str]:
    return {each.code for errors in error.error_dict.values() for each in errors}


@pytest.fixture
def attachment(active_router, later):
    """An Attached VPC connection in cn-hangzhou-h and cn-hangzhou-i."""
    router = active_router()
    made = services.vpc_attachment_create(
        owner=router.owner, transit_router_id=router.pk, vpc_id="vpc-zones0001", zone_mappings=ZONES
    )
    later(20)
    return made


def update(attachment, **changes):
    return services.vpc_attachment_zones_update(owner=attachment.owner, attachment_id=attachment.pk, **changes)


def test_zones_are_removed_then_added(attachment):
    """A removed mapping goes, an added one joins at the end, and the change is audited."""
    update(attachment, remove=[ZONES[0]], add=[("cn-hangzhou-j", "vsw-hangzhou0003")])
    attachment.refresh_from_db()
    assert attachment.zone_mappings == [
        {"ZoneId": "cn-hangzhou-i", "VSwitchId": "vsw-hangzhou0002"},
        {"ZoneId": "cn-hangzhou-j", "VSwitchId": "vsw-hangzhou0003"},
    ]
    assert AuditRecord.objects.filter(action="transit_router.vpc_attachment_zones_modified").exists()


def test_a_zones_vswitch_changes_by_removing_and_adding_it(attachment):
    """The same zone may be removed and added back with another vSwitch in one request."""
    update(attachment, remove=[ZONES[0]], add=[("cn-hangzhou-h", "vsw-hangzhou0009")])
    attachment.refresh_from_db()
    assert {"ZoneId": "cn-hangzhou-h", "VSwitchId": "vsw-hangzhou0009"} in attachment.zone_mappings


def test_removing_a_mapping_it_does_not_use_is_refused(attachment):
    """A zone removed must be one of the connection's, with its vSwitch."""
    with pytest.raises(ValidationError) as refused:
        update(attachment, remove=[("cn-hangzhou-h", "vsw-other0001")])
    assert codes(refused.value) == {"zone_mapping_absent"}


def test_adding_a_zone_it_uses_is_refused(attachment):
    """A zone the connection already uses is not added twice."""
    with pytest.raises(ValidationError) as refused:
        update(attachment, add=[("cn-hangzhou-i", "vsw-hangzhou0007")])
    assert codes(refused.value) == {"zone_already_used"}


def test_a_zone_of_another_region_is_refused(attachment):
    """Added zones are zones of the router's region."""
    with pytest.raises(ValidationError) as refused:
        update(attachment, add=[("us-east-1a", "vsw-hangzhou0007")])
    assert codes(refused.value) == {"zone_format"}


def test_the_last_zone_is_kept(attachment):
    """A VPC connection keeps at least one zone."""
    with pytest.raises(ValidationError) as refused:
        update(attachment, remove=ZONES)
    assert codes(refused.value) == {"zones_left"}


def test_an_attaching_connection_refuses_zone_changes(active_router):
    """Zones change only on an Attached connection."""
    router = active_router()
    made = services.vpc_attachment_create(
        owner=router.owner, transit_router_id=router.pk, vpc_id="vpc-zones0002", zone_mappings=ZONES
    )
    with pytest.raises(ValidationError) as refused:
        update(made, remove=[ZONES[0]])
    assert refused.value.code == "attachment_not_attached"
