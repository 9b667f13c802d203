"""Health Check (left navigation): choose a CEN instance, list its VBR health checks, Set Health
Check, Modify and Delete without JavaScript, through the health check services."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cenconsole.healthchecks import services
from cenconsole.healthchecks.models import VbrHealthCheck
from tests.factories import CenInstanceFactory

pytestmark = pytest.mark.django_db

LIST_URL = reverse("healthchecks:health_checks")
FORM = {
    "region": "cn-hangzhou",
    "vbr_id": "vbr-view0001",
    "target_ip": "10.0.0.2",
    "interval": "3",
    "healthy_threshold": "8",
}


@pytest.fixture
def health_check(cen_instance):
    def make(vbr_id="vbr-view0001", instance=None, **extra):
        instance = instance or cen_instance
        settings = {"vbr_region_code": "cn-hangzhou", "target_ip": "10.0.0.2", **extra}
        return services.vbr_health_check_enable(
            owner=instance.owner, cen_instance_id=instance.pk, vbr_id=vbr_id, **settings
        )

    return make


def url(name, check):
    return reverse(f"healthchecks:{name}", kwargs={"cen_id": check.cen_instance_id, "health_check_id": check.pk})


def test_the_page_is_in_the_left_navigation(client_user, cen_instance):
    """Health Check is a left-navigation entry, marked current on its page."""
    page = client_user.get(LIST_URL).content.decode()
    assert f'<a href="{LIST_URL}" class="active" aria-current="page">Health Check</a>' in page


def test_the_page_lists_the_chosen_instances_health_checks(client_user, cen_instance, health_check, user):
    """The chosen CEN instance's checks are listed with VBR, region, IPs, interval and packets."""
    other = CenInstanceFactory(owner=user)
    health_check(source_ip="192.168.0.9")
    health_check(vbr_id="vbr-elsewhere01", instance=other)
    page = client_user.get(LIST_URL, {"cen_id": cen_instance.pk}).content.decode()
    assert "vbr-view0001" in page and "192.168.0.9" in page and "China (Hangzhou)" in page
    assert "vbr-elsewhere01" not in page
    assert "Set Health Check" in page


def test_the_page_queries_do_not_grow_with_health_checks(client_user, cen_instance, health_check):
    """The Health Check page runs the same number of queries for one health check as for five."""
    health_check()
    client_user.get(LIST_URL)
    with CaptureQueriesContext(connection) as one:
        client_user.get(LIST_URL)
    for number in range(2, 6):
        health_check(vbr_id=f"vbr-view000{number}")
    with CaptureQueriesContext(connection) as five:
        client_user.get(LIST_URL)
    assert len(five) == len(one)


def test_set_health_check_posts_through_the_service(client_user, cen_instance):
    """Set Health Check's OK makes the VBR's health check and returns to the instance's list."""
    set_url = reverse("healthchecks:health_check_set", kwargs={"cen_id": cen_instance.pk})
    response = client_user.post(set_url, FORM, follow=True)
    check = VbrHealthCheck.objects.get()
    assert (check.vbr.resource_id, check.target_ip, check.interval) == ("vbr-view0001", "10.0.0.2", 3)
    assert check.source_ip.startswith("100.96.")
    assert "is set" in response.content.decode()


def test_a_public_source_ip_is_shown_beside_source_ip_and_nothing_is_made(client_user, cen_instance):
    """The service's source IP refusal is an error on the Source IP field."""
    set_url = reverse("healthchecks:health_check_set", kwargs={"cen_id": cen_instance.pk})
    response = client_user.post(set_url, {**FORM, "source_ip": "8.8.8.8"})
    assert 'href="#id_source_ip"' in response.content.decode()
    assert not VbrHealthCheck.objects.exists()


def test_modify_changes_the_settings_and_keeps_the_vbr(client_user, health_check):
    """Modify posts new settings; the VBR and region fields are fixed (a posted one is ignored)."""
    check = health_check()
    form = {**FORM, "vbr_id": "vbr-other", "target_ip": "10.0.0.3", "healthy_threshold": "5"}
    client_user.post(url("health_check_modify", check), form)
    check.refresh_from_db()
    assert (check.vbr.resource_id, check.target_ip, check.healthy_threshold) == ("vbr-view0001", "10.0.0.3", 5)


def test_delete_confirms_then_removes_the_health_check(client_user, health_check):
    """Delete shows a confirm page; OK removes the health check."""
    check = health_check()
    assert "Are you sure" in client_user.get(url("health_check_delete", check)).content.decode()
    client_user.post(url("health_check_delete", check))
    assert not VbrHealthCheck.objects.exists()


def test_choosing_an_instance_with_htmx_swaps_only_the_list(client_user, cen_instance, health_check):
    """An htmx GET (the chooser's change) answers the list partial, not the whole page."""
    health_check()
    page = client_user.get(LIST_URL, {"cen_id": cen_instance.pk}, headers={"HX-Request": "true"}).content.decode()
    assert page.lstrip().startswith('<section class="panel" id="health-check-list"')
    assert "vbr-view0001" in page and "<html" not in page
