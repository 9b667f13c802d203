"""The admin's pages of route maps, VBR health checks and flow logs: listed and shown to staff, read-only."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory

from .objects import routing_objects

pytestmark = pytest.mark.django_db

MODELS = [("routemaps", "routemap"), ("healthchecks", "vbrhealthcheck"), ("flowlogs", "flowlog")]


@pytest.fixture
def staff_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_each_list_and_object_page_renders(staff_client, cen_instance):
    """Each model's list and its one object's page answer 200 to a superuser."""
    made = routing_objects(owner=cen_instance.owner, cen_instance=cen_instance)
    ids = [made["route_map_id"], made["health_check_id"], made["flow_log_id"]]
    for (app, model), pk in zip(MODELS, ids, strict=True):
        assert staff_client.get(reverse(f"admin:{app}_{model}_changelist")).status_code == 200
        assert staff_client.get(reverse(f"admin:{app}_{model}_change", args=[pk])).status_code == 200


def test_nothing_can_be_added_changed_or_deleted_there(staff_client, cen_instance):
    """The services audit every change: the admin offers no add page and saves nothing."""
    made = routing_objects(owner=cen_instance.owner, cen_instance=cen_instance)
    assert staff_client.get(reverse("admin:routemaps_routemap_add")).status_code == 403
    change = reverse("admin:routemaps_routemap_change", args=[made["route_map_id"]])
    assert staff_client.post(change, {"priority": "99"}).status_code == 403
    delete = reverse("admin:flowlogs_flowlog_delete", args=[made["flow_log_id"]])
    assert staff_client.post(delete, {"post": "yes"}).status_code == 403
