"""Roles: Facilitators run their own workshops, Support staff work the ticket desk (not the room, not
the audit records), superusers reach everything; a sandbox is never a facilitator."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError

from cenconsole.audit.models import AuditRecord
from cenconsole.demo import services as demo_services
from cenconsole.workshops import selectors
from cenconsole.workshops import services as workshop_services
from cenconsole.workshops.models import Workshop
from tests.factories import UserFactory, facilitator, support_staff, trainee_join, workshop_new

pytestmark = pytest.mark.django_db

ROOM_PATHS = ["", "link/", "clock/", "reset/", "end/"]


def board_path(workshop):
    return f"/workshops/{workshop.pk}/"


def test_sandbox_in_the_facilitators_group_is_not_a_facilitator(client):
    """A sandbox put in Facilitators (by mistake in the admin) still cannot run workshops."""
    sandbox = demo_services.sandbox_create(ip_address=None)
    sandbox.groups.add(Group.objects.get(name="Facilitators"))
    sandbox = type(sandbox).objects.get(pk=sandbox.pk)  # fresh: permissions are cached per instance
    assert sandbox.has_perm(selectors.FACILITATOR_PERMISSION)
    assert selectors.is_facilitator(sandbox) is False
    client.force_login(sandbox)
    assert client.get("/workshops/").status_code == 403
    with pytest.raises(ValidationError):
        workshop_services.workshop_create(facilitator=sandbox, title="Lab", scenario="fresh")
    assert not Workshop.objects.exists()


def test_support_staff_cannot_open_the_workshops_page_or_create_one(client):
    """Support staff (staff, in their group) get 403 at /workshops/, and the service refuses them."""
    staff = support_staff()
    assert selectors.is_facilitator(staff) is False
    client.force_login(staff)
    assert client.get("/workshops/").status_code == 403
    client.post("/workshops/", {"title": "Desk lab", "length_hours": 2, "scenario": "fresh", "seat_limit": 5})
    with pytest.raises(ValidationError):
        workshop_services.workshop_create(facilitator=staff, title="Lab", scenario="fresh")
    assert not Workshop.objects.exists()


def test_staff_without_a_role_cannot_open_the_workshops_page(client):
    """Being staff alone (no group) gives no workshop."""
    client.force_login(UserFactory(is_staff=True))
    assert client.get("/workshops/").status_code == 403


def test_support_staff_cannot_open_reset_or_end_a_facilitators_workshop(client):
    """A facilitator's board and every room-wide action answer 404 to Support staff, and change nothing."""
    workshop = workshop_new()
    account = trainee_join(workshop).account
    client.force_login(support_staff())
    for path in ROOM_PATHS:
        assert client.get(board_path(workshop) + path).status_code in (404, 405)
        assert client.post(board_path(workshop) + path, {"step": "month"}).status_code in (404, 405)
    workshop.refresh_from_db()
    account.refresh_from_db()
    assert workshop.ended_at is None and account.clock_offset.total_seconds() == 0


def test_support_staff_still_reach_the_ticket_desk(client):
    """Support staff open the deletion ticket queue at the desk."""
    client.force_login(support_staff())
    assert client.get("/desk/").status_code == 200


def test_facilitator_lists_only_their_own_workshops(client):
    """A facilitator's Workshops page lists their workshops, not another facilitator's."""
    mine, theirs = workshop_new(facilitator("mine"), title="Mine lab"), workshop_new(title="Theirs lab")
    client.force_login(mine.facilitator)
    page = client.get("/workshops/").content.decode()
    assert "Mine lab" in page and "Theirs lab" not in page
    assert client.get(board_path(theirs)).status_code == 404
    assert client.get(board_path(mine)).status_code == 200


def test_superuser_runs_and_sees_every_workshop(admin_client, admin_user):
    """A superuser creates workshops and opens any facilitator's board."""
    theirs = workshop_new(title="Theirs lab")
    assert selectors.is_facilitator(admin_user)
    assert "Theirs lab" in admin_client.get("/workshops/").content.decode()
    assert admin_client.get(board_path(theirs)).status_code == 200
    admin_client.post("/workshops/", {"title": "Root lab", "length_hours": 2, "scenario": "fresh", "seat_limit": 5})
    assert Workshop.objects.filter(title="Root lab", facilitator=admin_user).exists()


def test_support_staff_cannot_read_audit_records(client):
    """The audit records (every account's) are not Support staff's: the list and a record are 403."""
    workshop_new()
    record = AuditRecord.objects.first()
    staff = support_staff()
    assert not staff.has_perm("audit.view_auditrecord")
    client.force_login(staff)
    assert client.get("/admin/audit/auditrecord/").status_code == 403
    assert client.get(f"/admin/audit/auditrecord/{record.pk}/change/").status_code == 403


def test_facilitator_cannot_read_audit_records(client):
    """A facilitator made staff (to reach the admin) reads no audit record either."""
    user = facilitator()
    user.is_staff = True
    user.save()
    client.force_login(user)
    assert client.get("/admin/audit/auditrecord/").status_code == 403


def test_superuser_reads_audit_records(admin_client):
    """Superusers read the audit records."""
    workshop_new()
    assert admin_client.get("/admin/audit/auditrecord/").status_code == 200
