"""Flow logs through their services: IDs and statuses on the clock, the transit router and connection
they capture, the SLS names and capture windows, turning them on and off, modify, delete."""

import re

import pytest
from django.core.exceptions import ValidationError

from cenconsole.audit.models import AuditRecord
from cenconsole.flowlogs import services
from cenconsole.flowlogs.models import FlowLog
from cenconsole.transit import services as transit_services
from tests.transit.test_services import codes

pytestmark = pytest.mark.django_db


def refusal_codes(make, **settings) -> set[str]:
    with pytest.raises(ValidationError) as refused:
        make(**settings)
    return codes(refused.value)


def test_a_new_flow_log_is_creating_then_active(flow_log, active_router, later):
    """A flow log of a transit router has a flowlog- ID, a 600-second window, is Creating, then Active."""
    router = active_router()
    made = flow_log(transit_router_id=router.pk)
    assert re.fullmatch(r"flowlog-[a-z0-9]{18}", made.pk)
    assert (made.status, made.interval, made.transit_router) == ("Creating", 600, router)
    later()
    assert FlowLog.objects.get(pk=made.pk).status == "Active"
    assert AuditRecord.objects.filter(action="flow_log.created", target_id=made.pk).exists()


def test_a_connection_names_its_router(flow_log, active_router):
    """Given only a connection of the region's router, the flow log captures it on that router."""
    router = active_router()
    attachment = transit_services.vpc_attachment_create(
        owner=router.owner,
        transit_router_id=router.pk,
        vpc_id="vpc-flow0001",
        zone_mappings=[("cn-hangzhou-h", "vsw-flow0001")],
    )
    made = flow_log(attachment_id=attachment.pk)
    assert (made.transit_router, made.attachment_id) == (router, attachment.pk)


def test_a_router_of_another_region_is_refused(flow_log, active_router):
    """The transit router is the CEN instance's in the flow log's region."""
    router = active_router(region="cn-shanghai")
    assert refusal_codes(flow_log, transit_router_id=router.pk) == {"flow_log_router_elsewhere"}


def test_unknown_router_and_connection_are_refused(flow_log, active_router):
    """A router or connection that is not the account's is unknown."""
    router = active_router()
    assert refusal_codes(flow_log, transit_router_id="tr-nothere") == {"unknown_transit_router"}
    assert refusal_codes(flow_log, transit_router_id=router.pk, attachment_id="tr-attach-nothere") == {
        "unknown_attachment"
    }


@pytest.mark.parametrize(
    ("settings", "code"),
    [
        ({"project_name": "ab"}, "flow_log_storage_name"),
        ({"project_name": "Upper-Case"}, "flow_log_storage_name"),
        ({"log_store_name": "-store"}, "flow_log_storage_name"),
        ({"interval": 300}, "flow_log_interval"),
        ({"log_format_string": "${srcaddr}${dstaddr}"}, "flow_log_format"),
        ({"log_format_string": "srcaddr dstaddr bytes"}, "flow_log_format"),
    ],
)
def test_names_windows_and_formats_outside_the_documented_forms_are_refused(flow_log, settings, code):
    """SLS project and Logstore names, the 60 or 600 second window and the field list follow the API reference."""
    assert refusal_codes(flow_log, **settings) == {code}


def test_a_flow_log_is_turned_off_and_on(flow_log, later):
    """DeactiveFlowLog: Modifying, then Inactive; ActiveFlowLog: Modifying, then Active. Turning an
    Inactive one off (or an Active one on) is refused."""
    made = flow_log()
    later()
    ids = {"owner": made.owner, "flow_log_id": made.pk}
    services.flow_log_turn(on=False, **ids)
    assert FlowLog.objects.get(pk=made.pk).status == "Modifying"
    later(20)
    assert FlowLog.objects.get(pk=made.pk).status == "Inactive"
    assert refusal_codes(services.flow_log_turn, on=False, **ids) == {"flow_log_status"}
    services.flow_log_turn(on=True, **ids)
    later(30)
    assert FlowLog.objects.get(pk=made.pk).status == "Active"


def test_modify_changes_name_description_and_window(flow_log, later):
    """ModifyFlowLogAttribute changes what it is given and keeps the rest."""
    made = flow_log(name="first", description="kept")
    later()
    services.flow_log_modify(owner=made.owner, flow_log_id=made.pk, name="second", interval=60)
    changed = FlowLog.objects.get(pk=made.pk)
    assert (changed.name, changed.description, changed.interval) == ("second", "kept", 60)


def test_changes_to_a_creating_flow_log_are_refused(flow_log):
    """A Creating flow log cannot be modified (flow_log_status_modify) or deleted (flow_log_status)."""
    made = flow_log()
    ids = {"owner": made.owner, "flow_log_id": made.pk}
    assert refusal_codes(services.flow_log_modify, name="x", **ids) == {"flow_log_status_modify"}
    assert refusal_codes(services.flow_log_delete, **ids) == {"flow_log_status"}


def test_a_deleted_flow_log_is_deleting_then_gone(flow_log, later):
    """Delete: Deleting for a few seconds, then gone."""
    made = flow_log()
    later()
    services.flow_log_delete(owner=made.owner, flow_log_id=made.pk)
    assert FlowLog.objects.get(pk=made.pk).status == "Deleting"
    later(20)
    assert not FlowLog.objects.present().filter(pk=made.pk).exists()


def test_a_flow_log_of_another_region_or_account_is_unknown(flow_log, other_user, later):
    """Another region's RegionId, or another account, does not find the flow log."""
    made = flow_log()
    later()
    assert refusal_codes(services.flow_log_delete, owner=made.owner, flow_log_id=made.pk, region_code="cn-beijing") == {
        "unknown_flow_log"
    }
    assert refusal_codes(services.flow_log_delete, owner=other_user, flow_log_id=made.pk) == {"unknown_flow_log"}


def test_a_vbr_connection_names_its_router(flow_log, active_router):
    """A VBR connection of the region's router is captured on that router (as the API reference has it)."""
    router = active_router()
    attachment = transit_services.product_attachment_create(
        owner=router.owner, kind="VBR", resource_id="vbr-flow0001", transit_router_id=router.pk
    )
    made = flow_log(attachment_id=attachment.pk)
    assert (made.transit_router, made.attachment_id) == (router, attachment.pk)
