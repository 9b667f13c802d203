"""The Transit Router tab: create, connect and delete without JavaScript, errors on the page."""

import re

import pytest
from django.urls import reverse

from cenconsole.transit import services
from cenconsole.transit.models import TransitRouter, TransitRouterVpcAttachment
from tests.factories import buy_package

from .conftest import ZONES

pytestmark = pytest.mark.django_db


def tab_url(cen_instance):
    return reverse("transit:cen_transit_routers", kwargs={"cen_id": cen_instance.pk})


def test_the_tab_lists_routers_and_offers_create(client_user, cen_instance, active_router):
    """The tab shows each router with its status and the Create Transit Router button."""
    router = active_router()
    page = client_user.get(tab_url(cen_instance)).content.decode()
    assert "Create Transit Router" in page and router.pk in page and "Active" in page
    assert "Create VPC Connection" in page


def test_create_transit_router_posts_and_redirects(client_user, cen_instance):
    """Create Transit Router's OK makes a Creating router and returns to the tab."""
    url = reverse("transit:transit_router_create", kwargs={"cen_id": cen_instance.pk})
    response = client_user.post(url, {"region": "us-east-1", "name": "virginia"}, follow=True)
    router = TransitRouter.objects.get()
    assert (router.region_id, router.name) == ("us-east-1", "virginia")
    assert "is being created" in response.content.decode()
    assert "actions are available once the transit router is Active" in response.content.decode()


def test_second_router_in_region_is_an_error_on_the_form(client_user, cen_instance, active_router):
    """The one-router-per-region refusal is shown beside the Region field, status 200."""
    active_router()
    url = reverse("transit:transit_router_create", kwargs={"cen_id": cen_instance.pk})
    response = client_user.post(url, {"region": "cn-hangzhou"})
    assert response.status_code == 200
    assert "already has a transit router in" in response.content.decode()


def test_vpc_connection_created_and_deleted(client_user, cen_instance, active_router, later):
    """Create VPC Connection, then Delete with its confirm page."""
    router = active_router()
    url = reverse("transit:vpc_connection_create", kwargs={"cen_id": cen_instance.pk, "router_id": router.pk})
    assert "Primary Zone" in client_user.get(url).content.decode()
    form = {"vpc_id": "vpc-hz0001", "zone_1": "cn-hangzhou-h", "vswitch_1": "vsw-hz0001"}
    client_user.post(url, form)
    attachment = TransitRouterVpcAttachment.objects.get()
    later(20)
    delete_url = reverse(
        "transit:vpc_connection_delete",
        kwargs={"cen_id": cen_instance.pk, "router_id": router.pk, "attachment_id": attachment.pk},
    )
    assert "Are you sure" in client_user.get(delete_url).content.decode()
    client_user.post(delete_url)
    attachment.refresh_from_db()
    assert attachment.deleted_at is not None


def test_bad_zone_is_an_error_on_the_page(client_user, cen_instance, active_router):
    """A zone of another region is refused with a message on the page, never a 500."""
    router = active_router()
    url = reverse("transit:vpc_connection_create", kwargs={"cen_id": cen_instance.pk, "router_id": router.pk})
    response = client_user.post(url, {"vpc_id": "vpc-hz0001", "zone_1": "us-east-1a", "vswitch_1": "vsw-hz0001"})
    assert response.status_code == 200
    assert "is not a zone of" in response.content.decode()
    assert not TransitRouterVpcAttachment.objects.exists()


def test_router_delete_refused_while_connected(client_user, cen_instance, active_router):
    """Delete on a router with a connection says why on its confirm page."""
    router = active_router()
    services.vpc_attachment_create(
        owner=cen_instance.owner, transit_router_id=router.pk, vpc_id="vpc-a1", zone_mappings=ZONES
    )
    url = reverse("transit:transit_router_delete", kwargs={"cen_id": cen_instance.pk, "router_id": router.pk})
    response = client_user.post(url)
    assert response.status_code == 200
    assert "still has connections" in response.content.decode()


def test_another_accounts_router_is_not_found(client, other_user, cen_instance, active_router):
    """Another account sees no router pages of this one."""
    router = active_router()
    client.force_login(other_user)
    url = reverse("transit:transit_router_delete", kwargs={"cen_id": cen_instance.pk, "router_id": router.pk})
    assert client.get(url).status_code == 404
    assert client.get(tab_url(cen_instance)).status_code == 404


def test_inter_region_connection_created_modified_and_deleted(client_user, cen_instance, package, active_router, later):
    """Create Inter-region Connection from the package, Modify its bandwidth (over budget: an error), Delete."""
    hangzhou = active_router()
    virginia = active_router("us-east-1")
    url = reverse("transit:peer_connection_create", kwargs={"cen_id": cen_instance.pk, "router_id": hangzhou.pk})
    form = {
        "peer_transit_router": virginia.pk,
        "bandwidth_type": "BandwidthPackage",
        "package": package.pk,
        "bandwidth": "5",
    }
    response = client_user.post(url, form, follow=True)
    assert "of 5 Mbps is being created" in response.content.decode()
    peer = hangzhou.peer_attachments.get()
    later(20)
    modify = reverse(
        "transit:peer_connection_modify", kwargs={"cen_id": cen_instance.pk, "peer_attachment_id": peer.pk}
    )
    response = client_user.post(modify, {"bandwidth": "11"})
    assert response.status_code == 200
    assert "has only 10 Mbps remaining" in response.content.decode()
    client_user.post(modify, {"bandwidth": "10"})
    peer.refresh_from_db()
    assert peer.bandwidth == 10
    delete = reverse(
        "transit:peer_connection_delete", kwargs={"cen_id": cen_instance.pk, "peer_attachment_id": peer.pk}
    )
    client_user.post(delete)
    peer.refresh_from_db()
    assert peer.deleted_at is not None


def test_create_inter_region_connection_offers_and_keeps_the_link_type(client_user, cen_instance, active_router):
    """The form offers Link Type (Gold, the default, and Platinum); Platinum on pay-by-data-transfer is kept and
    shown with the connection on the tab."""
    hangzhou = active_router()
    virginia = active_router("us-east-1")
    url = reverse("transit:peer_connection_create", kwargs={"cen_id": cen_instance.pk, "router_id": hangzhou.pk})
    page = client_user.get(url).content.decode()
    assert re.search(r'name="default_link_type" value="Gold"[^>]*checked', page)
    assert 'value="Platinum"' in page
    form = {
        "peer_transit_router": virginia.pk,
        "bandwidth_type": "DataTransfer",
        "package": "",
        "bandwidth": "5",
        "default_link_type": "Platinum",
    }
    response = client_user.post(url, form, follow=True)
    assert hangzhou.peer_attachments.get().default_link_type == "Platinum"
    row = re.search(r'<tr data-attachment="tr-attach-.*?</tr>', response.content.decode(), re.S).group(0)
    assert "Platinum" in row


def test_platinum_with_a_package_is_an_error_on_the_form(client_user, cen_instance, package, active_router):
    """Platinum with a bandwidth package: the form says Platinum needs pay-by-data-transfer; nothing is made."""
    hangzhou = active_router()
    virginia = active_router("us-east-1")
    url = reverse("transit:peer_connection_create", kwargs={"cen_id": cen_instance.pk, "router_id": hangzhou.pk})
    form = {
        "peer_transit_router": virginia.pk,
        "bandwidth_type": "BandwidthPackage",
        "package": package.pk,
        "bandwidth": "5",
        "default_link_type": "Platinum",
    }
    response = client_user.post(url, form)
    assert response.status_code == 200
    assert "Platinum is for pay-by-data-transfer connections only" in response.content.decode()
    assert not hangzhou.peer_attachments.exists()


def test_package_type_without_a_package_is_an_error_on_the_form(client_user, cen_instance, active_router):
    """Bandwidth package chosen and no package given: the form says which package to pick."""
    hangzhou = active_router()
    virginia = active_router("us-east-1")
    url = reverse("transit:peer_connection_create", kwargs={"cen_id": cen_instance.pk, "router_id": hangzhou.pk})
    form = {"peer_transit_router": virginia.pk, "bandwidth_type": "BandwidthPackage", "package": "", "bandwidth": "5"}
    response = client_user.post(url, form)
    assert response.status_code == 200
    assert "takes its bandwidth from one" in response.content.decode()


def test_route_tables_page_shows_learned_routes(client_user, cen_instance, active_router, later):
    """The Route Tables page lists the default route table with the VPC's learned CIDR block."""
    router = active_router()
    attachment = services.vpc_attachment_create(
        owner=cen_instance.owner,
        transit_router_id=router.pk,
        vpc_id="vpc-a1",
        zone_mappings=ZONES,
        cidr_block="10.8.0.0/16",
    )
    later(20)
    url = reverse("transit:route_tables", kwargs={"cen_id": cen_instance.pk, "router_id": router.pk})
    page = client_user.get(url).content.decode()
    assert "10.8.0.0/16" in page and attachment.pk in page and "Learned route" in page


def test_region_connections_tab_shows_what_uses_the_package(client_user, cen_instance, package, active_router):
    """The package's Used bandwidth on the Region Connections tab counts, and names, inter-region connections."""
    hangzhou, virginia = active_router(), active_router("us-east-1")
    services.peer_attachment_create(
        owner=cen_instance.owner,
        transit_router_id=hangzhou.pk,
        peer_transit_router_id=virginia.pk,
        package_id=package.pk,
        bandwidth=4,
    )
    url = reverse("networks:cen_region_connections", kwargs={"cen_id": cen_instance.pk})
    page = client_user.get(url).content.decode()
    assert "of which inter-region connections of transit routers: 4 Mbps" in page


def test_the_tab_shows_who_reaches_whom(client_user, cen_instance, package, active_router):
    """With an inter-region connection, the tab's connectivity matrix shows its bandwidth between the two regions."""
    hangzhou, virginia = active_router(), active_router("us-east-1")
    active_router("eu-central-1")
    services.peer_attachment_create(
        owner=cen_instance.owner,
        transit_router_id=hangzhou.pk,
        peer_transit_router_id=virginia.pk,
        package_id=package.pk,
        bandwidth=3,
    )
    page = client_user.get(tab_url(cen_instance)).content.decode()
    matrix = page[page.index('id="transit-connectivity"') :]
    assert "3 Mbps" in matrix and "Not connected" in matrix


def test_the_packages_covering_the_two_routers_areas_are_offered_first(client_user, cen_instance, active_router):
    """A Mainland China–North America package bought before a Mainland China–Europe one (listed first, as
    the newer): creating a connection from Hangzhou to Virginia offers the North America package first (the
    tour takes the first)."""
    america = buy_package(cen_instance, area_a_code="China", area_b_code="North-America", bandwidth=10)
    europe = buy_package(cen_instance, area_a_code="China", area_b_code="Europe", bandwidth=10)
    hangzhou = active_router()
    active_router("us-east-1")
    url = reverse("transit:peer_connection_create", kwargs={"cen_id": cen_instance.pk, "router_id": hangzhou.pk})
    page = client_user.get(url).content.decode()
    options = re.findall(r'<option value="(cenbwp-[^"]+)"', page)
    assert options == [america.pk, europe.pk]
