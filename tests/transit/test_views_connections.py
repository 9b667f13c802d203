"""VBR, VPN and ECR connections on the Transit Router tab: listed with the router, Create, Modify and
Delete without JavaScript, refusals on the page, another account's connection not found."""

import pytest
from django.urls import reverse

from cenconsole.transit import services
from cenconsole.transit.models import (
    RouteTableLink,
    TransitRouterEcrAttachment,
    TransitRouterVbrAttachment,
    TransitRouterVpnAttachment,
)

pytestmark = pytest.mark.django_db

MODELS = {"VBR": TransitRouterVbrAttachment, "VPN": TransitRouterVpnAttachment, "ECR": TransitRouterEcrAttachment}
RESOURCES = {"VBR": "vbr-hz0001", "VPN": "vco-hz0001", "ECR": "ecr-hz0001"}


def tab_url(cen_instance):
    return reverse("transit:cen_transit_routers", kwargs={"cen_id": cen_instance.pk})


def create_url(kind, cen_instance, router):
    return reverse(f"transit:{kind.lower()}_connection_create", args=[cen_instance.pk, router.pk])


def connection_url(kind, action, attachment):
    return reverse(
        f"transit:{kind.lower()}_connection_{action}",
        args=[attachment.transit_router.cen_instance_id, attachment.pk],
    )


@pytest.fixture
def attached(active_router, later):
    """An Attached connection of `kind` on an Active router in cn-hangzhou."""

    def make(kind, **arguments):
        router = active_router()
        attachment = services.product_attachment_create(
            owner=router.owner, kind=kind, resource_id=RESOURCES[kind], transit_router_id=router.pk, **arguments
        )
        later(20)
        return attachment

    return make


def test_the_tab_lists_each_kind_of_connection_with_its_router(client_user, cen_instance, active_router):
    """Each router row shows its VBR, VPN and ECR connections: type, resource ID, connection ID, status."""
    router = active_router()
    made = [
        services.product_attachment_create(
            owner=router.owner, kind=kind, resource_id=resource_id, transit_router_id=router.pk, name=f"{kind}连接"
        )
        for kind, resource_id in RESOURCES.items()
    ]
    page = client_user.get(tab_url(cen_instance)).content.decode()
    for attachment in made:
        assert f'data-attachment="{attachment.pk}"' in page and attachment.resource_id in page
        assert attachment.name in page
    assert page.count("Attaching") >= 3
    assert "Create VBR Connection" in page and "Create VPN Connection" in page and "Create ECR Connection" in page


@pytest.mark.parametrize("kind", ["VBR", "VPN", "ECR"])
def test_create_connection_posts_and_redirects(client_user, cen_instance, active_router, kind):
    """Create … Connection's OK makes an Attaching connection of the resource and returns to the tab."""
    router = active_router()
    form = {"resource_id": RESOURCES[kind], "name": "专线", "associate_with_default": "on"}
    response = client_user.post(create_url(kind, cen_instance, router), form, follow=True)
    attachment = MODELS[kind].objects.get()
    assert (attachment.resource_id, attachment.name, attachment.transit_router_id) == (
        RESOURCES[kind],
        "专线",
        router.pk,
    )
    assert RouteTableLink.objects.filter(attachment_id=attachment.pk, kind=RouteTableLink.Kind.ASSOCIATION).exists()
    assert "is being connected" in response.content.decode()


def test_create_vpn_connection_takes_zones_and_route_publishing(client_user, cen_instance, active_router):
    """Create VPN Connection's zones (comma-separated) and route publishing reach the connection."""
    router = active_router()
    form = {"resource_id": "vco-hz0001", "zones": "cn-hangzhou-h, cn-hangzhou-i", "auto_publish_route": "on"}
    client_user.post(create_url("VPN", cen_instance, router), form)
    attachment = TransitRouterVpnAttachment.objects.get()
    assert attachment.zones == ["cn-hangzhou-h", "cn-hangzhou-i"] and attachment.auto_publish_route


def test_create_form_shows_each_kinds_fields(client_user, cen_instance, active_router):
    """The VPN form asks for zones, the ECR form neither for zones nor route publishing."""
    router = active_router()
    vpn = client_user.get(create_url("VPN", cen_instance, router)).content.decode()
    ecr = client_user.get(create_url("ECR", cen_instance, router)).content.decode()
    assert "IPsec-VPN Connection ID" in vpn and 'name="zones"' in vpn and 'name="auto_publish_route"' in vpn
    assert "ECR ID" in ecr and 'name="zones"' not in ecr and 'name="auto_publish_route"' not in ecr


def test_a_badly_formed_resource_id_is_an_error_beside_its_field(client_user, cen_instance, active_router):
    """A VBR ID not shaped vbr-… is refused on the form (status 200, error summary), nothing made."""
    router = active_router()
    response = client_user.post(create_url("VBR", cen_instance, router), {"resource_id": "vpc-wrong"})
    page = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in page
    assert 'href="#id_resource_id"' in page
    assert not TransitRouterVbrAttachment.objects.exists()


def test_a_zone_of_another_region_is_an_error_beside_zones(client_user, cen_instance, active_router):
    """Create VPN Connection with a zone outside the router's region is refused beside Zones, nothing made."""
    router = active_router()
    form = {"resource_id": "vco-hz0001", "zones": "cn-shanghai-b"}
    page = client_user.post(create_url("VPN", cen_instance, router), form).content.decode()
    assert 'href="#id_zones"' in page
    assert not TransitRouterVpnAttachment.objects.exists()


def test_modify_refuses_a_name_starting_with_http(client_user, attached):
    """A name the console's rules refuse is shown beside Name on the Modify page, nothing changed."""
    attachment = attached("VBR")
    response = client_user.post(connection_url("VBR", "modify", attachment), {"name": "http://example"})
    assert response.status_code == 200 and 'href="#id_name"' in response.content.decode()
    attachment.refresh_from_db()
    assert attachment.name == ""


def test_a_vbr_connected_twice_is_refused_on_the_form(client_user, cen_instance, attached):
    """A VBR already connected is refused with the connection that holds it named."""
    attachment = attached("VBR")
    response = client_user.post(
        create_url("VBR", cen_instance, attachment.transit_router), {"resource_id": RESOURCES["VBR"]}
    )
    assert response.status_code == 200 and attachment.pk in response.content.decode()
    assert TransitRouterVbrAttachment.objects.count() == 1


@pytest.mark.parametrize("kind", ["VBR", "VPN", "ECR"])
def test_modify_changes_name_and_description(client_user, attached, kind):
    """Modify's OK saves the new name and description and returns to the tab."""
    attachment = attached(kind)
    url = connection_url(kind, "modify", attachment)
    assert "Name" in client_user.get(url).content.decode()
    response = client_user.post(url, {"name": "新名称", "description": "说明"})
    assert response.status_code == 302
    attachment.refresh_from_db()
    assert (attachment.name, attachment.description) == ("新名称", "说明")


def test_modify_refuses_a_connection_still_attaching(client_user, cen_instance, active_router):
    """Modify of an Attaching connection is refused on its page, nothing changed."""
    router = active_router()
    attachment = services.product_attachment_create(
        owner=router.owner, kind="ECR", resource_id="ecr-hz0001", transit_router_id=router.pk
    )
    response = client_user.post(connection_url("ECR", "modify", attachment), {"name": "new"})
    assert response.status_code == 200 and "Wait until it is Attached" in response.content.decode()
    attachment.refresh_from_db()
    assert attachment.name == ""


@pytest.mark.parametrize("kind", ["VBR", "VPN", "ECR"])
def test_delete_confirms_then_detaches(client_user, attached, kind):
    """Delete shows a confirm page; its OK leaves the connection Detaching."""
    attachment = attached(kind)
    url = connection_url(kind, "delete", attachment)
    assert "Are you sure" in client_user.get(url).content.decode()
    assert client_user.post(url).status_code == 302
    attachment.refresh_from_db()
    assert attachment.deleted_at is not None


def test_delete_of_a_linked_connection_is_refused_unless_forced(client_user, attached):
    """A connection associated with the default route table stays, with the refusal on the page; Force deletes it."""
    attachment = attached("VBR", associate_with_default=True)
    url = connection_url("VBR", "delete", attachment)
    response = client_user.post(url)
    assert response.status_code == 200 and "with Force" in response.content.decode()
    attachment.refresh_from_db()
    assert attachment.deleted_at is None
    client_user.post(url, {"force": "on"})
    attachment.refresh_from_db()
    assert attachment.deleted_at is not None and not RouteTableLink.objects.filter(attachment_id=attachment.pk)


@pytest.mark.parametrize("action", ["modify", "delete"])
def test_another_accounts_connection_is_not_found(client, other_user, attached, action):
    """Modify and Delete of another account's connection answer 404."""
    attachment = attached("VPN")
    client.force_login(other_user)
    assert client.get(connection_url("VPN", action, attachment)).status_code == 404


def test_a_connection_of_another_kinds_url_is_not_found(client_user, attached):
    """A VBR connection's ID under the ECR URLs is not found."""
    attachment = attached("VBR")
    url = reverse("transit:ecr_connection_modify", args=[attachment.transit_router.cen_instance_id, attachment.pk])
    assert client_user.get(url).status_code == 404


def test_create_with_htmx_answers_only_the_form_panel(client_user, cen_instance, active_router):
    """An htmx GET of Create ECR Connection answers the form panel, not the whole page."""
    router = active_router()
    page = client_user.get(create_url("ECR", cen_instance, router), headers={"HX-Request": "true"}).content.decode()
    assert "Create ECR Connection" in page and "<html" not in page and "transit-router-table" not in page
