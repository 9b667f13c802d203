"""Publish and Withdraw on the Route Information tab without JavaScript: a network instance's routes
with their publish status, confirm pages, each through the services of PublishRouteEntries and
WithdrawPublishedRouteEntries, refusals on the page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cenconsole.networks import services
from cenconsole.networks.models import VpcRouteEntry
from cenconsole.networks.routes import route_table_id
from tests.factories import CenInstanceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def vpc(cen_instance):
    return services.network_instance_attach(
        owner=cen_instance.owner, cen_instance_id=cen_instance.pk, region_code="cn-hangzhou", name="vpc"
    )


def published(vpc, destination="192.168.9.0/24"):
    """A custom route to an ECS instance, published (PublishRouteEntries makes it on first mention)."""
    return services.route_entry_publish(
        owner=vpc.owner,
        cen_instance_id=vpc.cen_instance_id,
        vpc_id=vpc.instance_id,
        region_code=vpc.region_id,
        route_table_id=route_table_id(vpc),
        destination_cidr=destination,
    )


def tab_url(cen_instance):
    return reverse("networks:cen_routes", kwargs={"cen_id": cen_instance.pk})


def url(name, cen_instance, entry):
    return reverse(f"networks:{name}", kwargs={"cen_id": cen_instance.pk, "vpc_route_entry_id": entry.pk})


def test_the_tab_shows_the_routes_publish_status_and_withdraw(client_user, cen_instance, vpc):
    """The network instance's system route is Published; a published custom route offers Withdraw."""
    entry = published(vpc)
    page = client_user.get(tab_url(cen_instance)).content.decode()
    assert "Publish Status" in page and "Published" in page
    assert url("route_entry_withdraw", cen_instance, entry) in page


def test_withdraw_asks_then_withdraws(client_user, cen_instance, vpc):
    """Withdraw shows a confirm page; its OK withdraws the route, which shows Non-published and Publish."""
    entry = published(vpc)
    withdraw = url("route_entry_withdraw", cen_instance, entry)
    assert "Withdraw Route" in client_user.get(withdraw).content.decode()
    page = client_user.post(withdraw, follow=True).content.decode()
    assert "was withdrawn from the CEN instance" in page and "Non-published" in page
    assert url("route_entry_publish", cen_instance, entry) in page
    assert not VpcRouteEntry.objects.get(pk=entry.pk).is_published


def test_publish_asks_then_publishes(client_user, cen_instance, vpc):
    """Publish on a withdrawn route publishes it again."""
    entry = published(vpc)
    client_user.post(url("route_entry_withdraw", cen_instance, entry))
    publish = url("route_entry_publish", cen_instance, entry)
    assert "Publish Route" in client_user.get(publish).content.decode()
    page = client_user.post(publish, follow=True).content.decode()
    assert "was published to the CEN instance" in page
    assert VpcRouteEntry.objects.get(pk=entry.pk).is_published


def test_withdrawing_a_route_not_published_is_refused_on_the_confirm_page(client_user, cen_instance, vpc):
    """Withdraw on a route already withdrawn (a second tab) shows the service's refusal, changes nothing."""
    entry = published(vpc)
    withdraw = url("route_entry_withdraw", cen_instance, entry)
    client_user.post(withdraw)
    page = client_user.post(withdraw).content.decode()
    assert 'role="alert"' in page and "Withdraw Route" in page
    assert not VpcRouteEntry.objects.get(pk=entry.pk).is_published


def test_the_network_instance_is_chosen_by_its_id(client_user, cen_instance, vpc):
    """?network= shows that network instance's routes (its CIDR block), selected in the list."""
    other = services.network_instance_attach(
        owner=cen_instance.owner, cen_instance_id=cen_instance.pk, region_code="cn-beijing", cidr_block="10.9.0.0/16"
    )
    page = client_user.get(tab_url(cen_instance) + f"?network={other.instance_id}").content.decode()
    assert f'value="{other.instance_id}" selected' in page


def test_another_accounts_route_entry_is_not_found(client_user, vpc):
    """Publish and Withdraw on another account's CEN instance's route are 404."""
    other_cen = CenInstanceFactory()
    other_vpc = services.network_instance_attach(
        owner=other_cen.owner, cen_instance_id=other_cen.pk, region_code="cn-hangzhou"
    )
    entry = published(other_vpc)
    assert client_user.get(url("route_entry_withdraw", other_cen, entry)).status_code == 404


def test_the_tab_for_htmx_is_only_the_tab_body(client_user, cen_instance, vpc):
    """htmx choosing a network instance gets the tab body alone."""
    page = client_user.get(tab_url(cen_instance), HTTP_HX_REQUEST="true").content.decode()
    assert 'id="route-entry-table"' in page and "<html" not in page


def test_the_tab_queries_do_not_grow_with_route_entries(client_user, cen_instance, vpc, page_cache_off):
    """The Route Information tab runs the same number of queries for one custom route as for five."""
    published(vpc, "192.168.1.0/24")
    client_user.get(tab_url(cen_instance))
    with CaptureQueriesContext(connection) as one:
        client_user.get(tab_url(cen_instance))
    for number in range(2, 6):
        published(vpc, f"192.168.{number}.0/24")
    with CaptureQueriesContext(connection) as five:
        client_user.get(tab_url(cen_instance))
    assert len(five) == len(one)


def test_the_demo_seed_has_a_published_and_a_withdrawn_custom_route():
    """The demo's first VPC has a custom route Published and one Non-published, for Publish and Withdraw."""
    from django.core.management import call_command

    call_command("seed_demo")
    entries = VpcRouteEntry.objects.filter(owner__username="demo").order_by("destination_cidr")
    assert [(entry.destination_cidr, entry.is_published) for entry in entries] == [
        ("192.168.100.0/24", True),
        ("192.168.101.0/24", False),
    ]
