"""Multicast in the console: the transit router page's Multicast tab (Create Multicast Domain, Modify,
Delete) and a domain's page (Associate vSwitch, Disassociate, Add Multicast Source, Add Multicast Member,
Delete), without JavaScript, each through the multicast services, refusals on the page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cenconsole.multicast import services
from cenconsole.multicast.models import MulticastAssociation, MulticastDomain, MulticastGroupResource
from tests.factories import CenInstanceFactory

from .conftest import VSWITCHES
from .test_groups import register_peer

pytestmark = pytest.mark.django_db


def tab_url(router):
    return reverse("multicast:router_multicast", kwargs={"cen_id": router.cen_instance_id, "router_id": router.pk})


def domain_url(name, domain, **kwargs):
    cen_id = domain.transit_router.cen_instance_id
    return reverse(f"multicast:{name}", kwargs={"cen_id": cen_id, "domain_id": domain.pk, **kwargs})


@pytest.fixture
def registered(domain_with_vswitches, later):
    """domain_with_vswitches with ENI eni-view0001 a Registered source and member of 239.0.0.2."""
    domain = domain_with_vswitches
    for register in (services.multicast_sources_register, services.multicast_members_register):
        register(owner=domain.owner, domain_id=domain.pk, group_ip="239.0.0.2", eni_ids=["eni-view0001"])
    later()
    return domain


def test_the_tab_lists_the_routers_domains_with_their_status(client_user, multicast_router, active_domain):
    """The Multicast tab shows each domain's ID, name and Active status, and Create Multicast Domain."""
    router = multicast_router()
    domain = active_domain(router, name="video")
    page = client_user.get(tab_url(router)).content.decode()
    assert domain.pk in page and "video" in page and "Active" in page
    assert "Create Multicast Domain" in page
    assert 'aria-selected="true">Multicast</a>' in page


def test_the_tab_of_a_router_without_multicast_says_so(client_user, multicast_router):
    """A router made without multicast has no Create Multicast Domain, and a note saying why."""
    router = multicast_router(support_multicast=False)
    page = client_user.get(tab_url(router)).content.decode()
    assert "created without multicast" in page
    assert "Create Multicast Domain</a>" not in page


def test_the_tab_answers_htmx_with_its_body_only(client_user, multicast_router):
    """An htmx request for the tab gets the tab body, not the whole page."""
    router = multicast_router()
    page = client_user.get(tab_url(router), HTTP_HX_REQUEST="true").content.decode()
    assert page.lstrip().startswith('<div id="router-tab">')
    assert "<html" not in page


def test_the_tab_queries_do_not_grow_with_domains(client_user, multicast_router, active_domain):
    """The Multicast tab runs the same number of queries for one domain as for four."""
    router = multicast_router()
    active_domain(router)
    client_user.get(tab_url(router))
    with CaptureQueriesContext(connection) as one:
        client_user.get(tab_url(router))
    for _ in range(3):
        active_domain(router)
    with CaptureQueriesContext(connection) as four:
        client_user.get(tab_url(router))
    assert len(four) == len(one)


def test_the_domain_page_queries_do_not_grow_with_vswitches_and_groups(client_user, registered, later):
    """A domain's page runs the same number of queries with two registrations as with six."""
    url = domain_url("domain_detail", registered)
    client_user.get(url)
    with CaptureQueriesContext(connection) as few:
        client_user.get(url)
    for number in range(3, 5):
        for register in (services.multicast_sources_register, services.multicast_members_register):
            register(
                owner=registered.owner, domain_id=registered.pk, group_ip=f"239.0.0.{number}", eni_ids=["eni-view0002"]
            )
    later()
    with CaptureQueriesContext(connection) as many:
        client_user.get(url)
    assert len(many) == len(few)


def test_create_multicast_domain_posts_through_the_service_and_returns_to_the_tab(client_user, multicast_router):
    """Create Multicast Domain's OK makes the domain, Creating, with IGMPv2, and says so on the tab."""
    router = multicast_router()
    create = reverse("multicast:domain_create", kwargs={"cen_id": router.cen_instance_id, "router_id": router.pk})
    response = client_user.post(create, {"name": "video", "igmpv2_support": "on"}, follow=True)
    domain = MulticastDomain.objects.get()
    assert (domain.name, domain.igmpv2_support, domain.transit_router_id) == ("video", True, router.pk)
    page = response.content.decode()
    assert "is being created" in page and "Creating" in page


def test_create_on_a_router_without_multicast_shows_the_refusal(client_user, multicast_router):
    """Create Multicast Domain on a router made without multicast stays on the form with the reason."""
    router = multicast_router(support_multicast=False)
    create = reverse("multicast:domain_create", kwargs={"cen_id": router.cen_instance_id, "router_id": router.pk})
    response = client_user.post(create, {"name": "video"})
    page = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in page and "was made without multicast" in page
    assert not MulticastDomain.objects.exists()


def test_modify_changes_the_name_and_description(client_user, multicast_router, active_domain):
    """Modify's OK renames the domain through the service."""
    domain = active_domain(multicast_router(), name="old")
    client_user.post(domain_url("domain_modify", domain), {"name": "new", "description": "made here"})
    domain.refresh_from_db()
    assert (domain.name, domain.description) == ("new", "made here")


def test_modify_keeps_igmpv2_on_once_enabled(client_user, multicast_router, active_domain):
    """A domain with IGMPv2 shows its box fixed, and an unticked box leaves it on."""
    domain = active_domain(multicast_router(), igmpv2_support="enable")
    page = client_user.get(domain_url("domain_modify", domain)).content.decode()
    assert 'name="igmpv2_support"' in page and "disabled" in page
    client_user.post(domain_url("domain_modify", domain), {"name": "kept"})
    domain.refresh_from_db()
    assert domain.igmpv2_support is True


def test_a_bad_name_is_shown_beside_its_field(client_user, multicast_router, active_domain):
    """A name the rules refuse stays on the form with the error summary."""
    domain = active_domain(multicast_router())
    response = client_user.post(domain_url("domain_modify", domain), {"name": "http://bad"})
    assert "There is a problem" in response.content.decode()


def test_delete_asks_then_deletes(client_user, multicast_router, active_domain):
    """Delete shows a confirm page; its OK deletes the domain (Deleting) and returns to the tab."""
    domain = active_domain(multicast_router())
    assert "Are you sure" in client_user.get(domain_url("domain_delete", domain)).content.decode()
    response = client_user.post(domain_url("domain_delete", domain), follow=True)
    assert "is being deleted" in response.content.decode()
    domain.refresh_from_db()
    assert domain.deleted_at is not None


def test_delete_of_a_domain_with_vswitches_shows_the_refusal(client_user, domain_with_vswitches):
    """A domain with vSwitches associated is not deleted: the confirm page says why."""
    response = client_user.post(domain_url("domain_delete", domain_with_vswitches))
    assert "still has vSwitches associated" in response.content.decode()
    domain_with_vswitches.refresh_from_db()
    assert domain_with_vswitches.deleted_at is None


def test_the_domain_page_shows_vswitches_and_groups(client_user, registered):
    """A domain's page lists its vSwitches (Associated) and its group's source and member."""
    page = client_user.get(domain_url("domain_detail", registered)).content.decode()
    assert all(vswitch in page for vswitch in VSWITCHES) and "Associated" in page
    assert "239.0.0.2" in page and "eni-view0001" in page and "Registered" in page
    assert "Multicast source" in page and "Multicast member" in page


def test_associate_vswitch_posts_through_the_service(client_user, multicast_router, connected_vpc, active_domain):
    """Associate vSwitch's OK associates the ticked vSwitch of the VPC connection (Associating)."""
    router = multicast_router()
    attachment = connected_vpc(router)
    domain = active_domain(router)
    page = client_user.get(domain_url("vswitch_associate", domain)).content.decode()
    assert VSWITCHES[0] in page and attachment.vpc_id in page
    response = client_user.post(
        domain_url("vswitch_associate", domain), {"vswitches": [f"{attachment.pk}:{VSWITCHES[0]}"]}, follow=True
    )
    (association,) = MulticastAssociation.objects.all()
    assert association.vswitch_id == VSWITCHES[0]
    assert "is being associated" in response.content.decode()


def test_associate_a_vswitch_of_another_domain_shows_the_refusal(
    client_user, domain_with_vswitches, active_domain, later
):
    """A vSwitch already in a domain is refused with the reason on the form."""
    router = domain_with_vswitches.transit_router
    other = active_domain(router)
    attachment = domain_with_vswitches.associations.first().attachment
    response = client_user.post(
        domain_url("vswitch_associate", other), {"vswitches": [f"{attachment.pk}:{VSWITCHES[0]}"]}
    )
    page = response.content.decode()
    assert "There is a problem" in page and "is in one multicast domain at a time" in page
    assert not other.associations.exists()


def test_disassociate_asks_then_disassociates(client_user, domain_with_vswitches):
    """Disassociate's OK takes the vSwitch out of the domain (Dissociating)."""
    association = domain_with_vswitches.associations.get(vswitch_id=VSWITCHES[1])
    url = domain_url("association_delete", domain_with_vswitches, association_id=association.pk)
    assert "Are you sure" in client_user.get(url).content.decode()
    response = client_user.post(url, follow=True)
    association.refresh_from_db()
    assert association.deleted_at is not None and "is being disassociated" in response.content.decode()


def test_add_multicast_source_posts_through_the_service(client_user, domain_with_vswitches):
    """Add Multicast Source's OK registers the ENI as the group's source."""
    url = domain_url("source_add", domain_with_vswitches)
    response = client_user.post(
        url, {"group_ip": "239.0.0.9", "vpc_id": "vpc-mcast0001", "network_interface": "eni-view0009"}, follow=True
    )
    row = MulticastGroupResource.objects.get()
    assert (row.role, row.group_ip, row.network_interface.eni_id) == ("source", "239.0.0.9", "eni-view0009")
    assert "is being added to group 239.0.0.9" in response.content.decode()


def test_add_multicast_member_with_a_bad_group_shows_the_error_beside_it(client_user, domain_with_vswitches):
    """A group address outside 224.0.0.0/4 stays on the form, the error beside the address."""
    url = domain_url("member_add", domain_with_vswitches)
    response = client_user.post(
        url, {"group_ip": "10.0.0.1", "vpc_id": "vpc-mcast0001", "network_interface": "eni-view0009"}
    )
    page = response.content.decode()
    assert "There is a problem" in page and 'href="#id_group_ip"' in page
    assert not MulticastGroupResource.objects.exists()


def test_delete_a_member_asks_then_deregisters_it(client_user, registered):
    """Delete on a member removes only that member (Deregistering); the source stays."""
    member = registered.group_resources.get(role="member")
    url = domain_url("group_resource_delete", registered, group_resource_id=member.pk)
    assert "Are you sure" in client_user.get(url).content.decode()
    client_user.post(url)
    member.refresh_from_db()
    assert member.deleted_at is not None
    assert registered.group_resources.get(role="source").deleted_at is None


def test_another_accounts_domain_is_not_found(client, other_user, registered):
    """Another account sees none of the domain's pages (404), even with its own CEN instance's ID."""
    client.force_login(other_user)
    own = CenInstanceFactory(owner=other_user)
    row = registered.group_resources.first()
    for url in (
        domain_url("domain_detail", registered),
        domain_url("domain_modify", registered),
        domain_url("group_resource_delete", registered, group_resource_id=row.pk),
        reverse("multicast:domain_detail", kwargs={"cen_id": own.pk, "domain_id": registered.pk}),
    ):
        assert client.get(url).status_code == 404


def test_add_multicast_member_takes_another_regions_domain(client_user, peers):
    """Add Multicast Member offers the other region's domain; choosing it alone registers it as a member."""
    domain, peer = peers["domain"], peers["peer"]
    url = domain_url("member_add", domain)
    assert peer.pk in client_user.get(url).content.decode()
    response = client_user.post(url, {"group_ip": "239.0.0.7", "peer_domain": peer.pk}, follow=True)
    (row,) = MulticastGroupResource.objects.all()
    assert (row.role, row.peer_domain_id, row.network_interface_id) == ("member", peer.pk, None)
    assert "is being added to group 239.0.0.7" in response.content.decode()


def test_add_multicast_member_needs_an_eni_or_a_peer_domain(client_user, peers):
    """A member form with neither an ENI nor another region's domain stays on the page with the reason."""
    response = client_user.post(domain_url("member_add", peers["domain"]), {"group_ip": "239.0.0.7"})
    assert "Enter an ENI, or select a multicast domain of another region." in response.content.decode()
    assert not MulticastGroupResource.objects.exists()


def test_add_multicast_source_offers_no_other_regions_domain(client_user, peers):
    """A source is an ENI only: Add Multicast Source has no field for another region's domain."""
    page = client_user.get(domain_url("source_add", peers["domain"])).content.decode()
    assert 'name="peer_domain"' not in page and 'name="network_interface"' in page


def test_delete_a_peer_member_deregisters_it(client_user, peers, later):
    """Delete on another region's domain, a member, deregisters it."""
    (row,) = register_peer(peers)
    later()
    url = domain_url("group_resource_delete", peers["domain"], group_resource_id=row.pk)
    assert peers["peer"].pk in client_user.get(url).content.decode()
    client_user.post(url)
    row.refresh_from_db()
    assert row.deleted_at is not None


def test_the_router_page_says_whether_multicast_is_enabled(client_user, multicast_router):
    """The router's summary shows Multicast: Enabled for a router made with it, Disabled otherwise."""
    made_with, made_without = multicast_router(), multicast_router(region="cn-shanghai", support_multicast=False)
    assert "<dt>Multicast</dt><dd>Enabled</dd>" in client_user.get(tab_url(made_with)).content.decode()
    assert "<dt>Multicast</dt><dd>Disabled</dd>" in client_user.get(tab_url(made_without)).content.decode()
