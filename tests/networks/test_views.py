import re

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from cenconsole.networks import services
from cenconsole.networks.models import NetworkInstance, RegionConnection
from tests.factories import CenInstanceFactory, buy_package

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def networks_url(cen):
    return reverse("networks:cen_networks", kwargs={"cen_id": cen.pk})


def attach_url(cen):
    return reverse("networks:network_attach", kwargs={"cen_id": cen.pk})


def connections_url(cen):
    return reverse("networks:cen_region_connections", kwargs={"cen_id": cen.pk})


def set_url(cen):
    return reverse("networks:connection_set", kwargs={"cen_id": cen.pk})


def bind_url(cen):
    return reverse("bandwidth:package_bind", kwargs={"cen_id": cen.pk})


def unbind_url(package):
    return reverse("bandwidth:package_unbind", kwargs={"cen_id": package.cen_instance_id, "package_id": package.pk})


def connection_data(package, local="cn-hangzhou", opposite="us-east-1", bandwidth="6"):
    return {"package": package.pk, "local_region": local, "opposite_region": opposite, "bandwidth": bandwidth}


# Sign-in and other accounts ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "url_name",
    [
        "networks:cen_networks",
        "networks:cen_region_connections",
        "networks:connection_set",
        "networks:network_attach",
        "bandwidth:package_bind",
    ],
)
def test_cen_pages_need_a_signed_in_user(client, cen_instance, url_name):
    """Signed out, every page redirects to the login page."""
    url = reverse(url_name, kwargs={"cen_id": cen_instance.pk})
    assertRedirects(client.get(url), f"{reverse('login')}?next={url}")


def test_package_list_needs_a_signed_in_user(client):
    """The Bandwidth Packages page redirects to the login page when signed out."""
    url = reverse("bandwidth:package_list")
    assertRedirects(client.get(url), f"{reverse('login')}?next={url}")


@pytest.mark.parametrize(
    "url_name",
    [
        "networks:cen_networks",
        "networks:cen_region_connections",
        "networks:connection_set",
        "networks:network_attach",
        "bandwidth:package_bind",
    ],
)
def test_another_accounts_cen_instance_answers_404(client, other_user, cen_instance, url_name):
    """Another account's CEN id is not found on any page."""
    client.force_login(other_user)
    assert client.get(reverse(url_name, kwargs={"cen_id": cen_instance.pk})).status_code == 404


def test_attach_to_another_accounts_cen_instance_answers_404(client, other_user, cen_instance):
    """Posting to another account's CEN instance creates nothing."""
    client.force_login(other_user)
    response = client.post(attach_url(cen_instance), {"network_type": "VPC", "region": "cn-hangzhou"})
    assert response.status_code == 404
    assert not NetworkInstance.objects.exists()


def test_detach_of_another_accounts_network_answers_404(client, other_user, cen_instance, attach):
    """Another account cannot detach this account's VPC."""
    network = attach(cen_instance, "cn-hangzhou")
    client.force_login(other_user)
    url = reverse("networks:network_detach", kwargs={"cen_id": cen_instance.pk, "network_id": network.pk})
    assert client.post(url).status_code == 404
    assert NetworkInstance.objects.exists()


def test_delete_of_another_accounts_connection_answers_404(client, other_user, package, connect):
    """Another account cannot delete this account's region connection."""
    connection = connect(package, "cn-hangzhou", "us-east-1", 6)
    client.force_login(other_user)
    kwargs = {"cen_id": package.cen_instance_id, "connection_id": connection.pk}
    url = reverse("networks:connection_delete", kwargs=kwargs)
    assert client.post(url).status_code == 404
    assert RegionConnection.objects.exists()


def test_unbind_of_another_accounts_package_answers_404(client, other_user, package):
    """Another account cannot unbind this account's package."""
    client.force_login(other_user)
    assert client.post(unbind_url(package)).status_code == 404
    package.refresh_from_db()
    assert package.cen_instance_id is not None


def test_set_form_refuses_another_accounts_package(client_user, cen_instance, package, other_user):
    """A package id of another account is not among the form's choices: refused, nothing saved."""
    other_package = buy_package(CenInstanceFactory(owner=other_user))
    response = client_user.post(set_url(cen_instance), connection_data(other_package))
    assertContains(response, services.UNKNOWN_PACKAGE)
    assert not RegionConnection.objects.exists()


def test_write_views_refuse_get(client_user, cen_instance, package, connect, attach):
    """Detach and Delete only answer POST (Unbind's GET is its confirmation page)."""
    connection = connect(package, "cn-hangzhou", "us-east-1", 6)
    network = attach(cen_instance, "cn-hangzhou")
    urls = [
        reverse("networks:network_detach", kwargs={"cen_id": cen_instance.pk, "network_id": network.pk}),
        reverse("networks:connection_delete", kwargs={"cen_id": cen_instance.pk, "connection_id": connection.pk}),
    ]
    assert [client_user.get(url).status_code for url in urls] == [405, 405]


# Networks tab ------------------------------------------------------------------------------------


def test_networks_tab_lists_networks_with_region_and_type(client_user, cen_instance, attach):
    """The table shows Instance ID/Name, Region, Type and a Detach action."""
    network = attach(cen_instance, "cn-hangzhou", name="web")
    response = client_user.get(networks_url(cen_instance))
    for text in ("Instance ID/Name", "Region", "Type", network.instance_id, "web", "China (Hangzhou)", "VPC", "Detach"):
        assertContains(response, text)


def test_cen_page_tabs_are_networks_bandwidth_packages_region_connections(client_user, cen_instance):
    """The tabs read in the console's order."""
    content = client_user.get(networks_url(cen_instance)).content.decode()
    tabs = content[content.index('class="tabs"') :]
    positions = [tabs.index(f">{label}</a>") for label in ("Networks", "Bandwidth Packages", "Region Connections")]
    assert positions == sorted(positions)


def test_networks_tab_for_htmx_is_the_tab_body_only(client_user, cen_instance):
    """Switching tabs with htmx swaps only #cen-tab."""
    response = client_user.get(networks_url(cen_instance), **HTMX)
    assert response.content.decode().lstrip().startswith('<div id="cen-tab">')


def test_attach_page_without_javascript_shows_the_form_in_the_tab(client_user, cen_instance):
    """The Attach Network Instance link works as a page of its own."""
    response = client_user.get(attach_url(cen_instance))
    for label in ("Network Type", "Region", "Name", "Australia (Sydney)", "UK (London)", "China (Hohhot)"):
        assertContains(response, label)
    assertContains(response, 'id="network-table"')


def test_attach_form_lists_every_region_of_the_seed_table(client_user, cen_instance):
    """All 18 regions are offered, grouped by area."""
    response = client_user.get(attach_url(cen_instance), **HTMX)
    assert response.content.decode().count("<option") == 18 + 1  # regions + the VPC network type
    assertContains(response, '<optgroup label="Mainland China">')


def test_attach_creates_the_vpc_and_redirects_to_the_tab(client_user, cen_instance):
    """OK attaches the VPC and goes back to the Networks tab."""
    response = client_user.post(attach_url(cen_instance), {"network_type": "VPC", "region": "us-east-1", "name": "db"})
    assertRedirects(response, networks_url(cen_instance))
    network = NetworkInstance.objects.get()
    assert (network.region_id, network.name) == ("us-east-1", "db")


def test_attach_shows_errors_on_the_form(client_user, cen_instance):
    """A bad region is refused beside the field, nothing created."""
    response = client_user.post(attach_url(cen_instance), {"network_type": "VPC", "region": "nowhere"})
    assertContains(response, services.UNKNOWN_REGION)
    assert not NetworkInstance.objects.exists()


def test_detach_removes_the_network_and_redirects(client_user, cen_instance, attach):
    """Detach goes back to the Networks tab without the VPC."""
    network = attach(cen_instance, "cn-hangzhou")
    url = reverse("networks:network_detach", kwargs={"cen_id": cen_instance.pk, "network_id": network.pk})
    assertRedirects(client_user.post(url), networks_url(cen_instance))
    assert not NetworkInstance.objects.exists()


def test_matrix_shows_same_region_connected_and_test_bandwidth(client_user, cen_instance, package, attach, connect):
    """The kinds of cell, region by region: the same region, a region connection's bandwidth, and
    CEN's 1 Kbps test bandwidth (with its link to set up a connection or buy a package) otherwise."""
    hz1, hz2 = attach(cen_instance, "cn-hangzhou"), attach(cen_instance, "cn-hangzhou")
    sh, va = attach(cen_instance, "cn-shanghai"), attach(cen_instance, "us-east-1")
    connect(package, "cn-hangzhou", "us-east-1", 6)
    content = client_user.get(networks_url(cen_instance)).content.decode()

    def cell(a, b):
        start = content.index(f'data-from="{a.region_id}" data-to="{b.region_id}"')
        return content[start : content.index("</td>", start)]

    assert "Connected (same region)" in cell(hz1, hz2)
    assert "Same instance" in cell(sh, sh)  # the only VPC of its region
    assert "Connected · 6 Mbps" in cell(hz2, va)
    assert "Connected · 6 Mbps" in cell(va, hz1)
    assert "Test bandwidth (1 Kbps)" in cell(hz1, sh)
    assert "Not connected" not in content
    assert "Buy a Mainland China ↔ Mainland China bandwidth package" in cell(hz1, sh)
    assert "Test bandwidth (1 Kbps)" in cell(sh, va)
    assert "?package=" in cell(sh, va)  # the package covers Shanghai <-> Virginia: a Set link


def test_matrix_has_one_row_and_column_per_region_with_its_count(client_user, cen_instance, attach):
    """200 VPCs in 4 regions make a 4 x 4 matrix, each region heading with its count of instances, and
    the table of network instances shows them 20 a page."""
    regions = ["cn-hangzhou", "cn-shanghai", "us-east-1", "eu-central-1"]
    for number in range(200):
        attach(cen_instance, regions[number % 4])
    content = client_user.get(networks_url(cen_instance)).content.decode()
    start = content.index('id="connectivity-matrix"')
    matrix = content[start : content.index("</table>", start)]
    assert matrix.count("<td ") == 16
    assert matrix.count('<th scope="row"') == 4
    assert matrix.count("50 network instances") == 8
    start = content.index('id="network-table"')
    table = content[start : content.index("</table>", start)]
    assert table.count("Detach</button>") == 20  # the table is paged; the matrix covers all 200
    assert "Page 1 of 10" in content


def test_matrix_not_connected_link_opens_the_form_filled_in(client_user, cen_instance, package, attach):
    """The Set Region Connection link selects the package and both regions."""
    attach(cen_instance, "cn-shanghai")
    attach(cen_instance, "us-east-1")
    query = {"package": package.pk, "local_region": "cn-shanghai", "opposite_region": "us-east-1"}
    response = client_user.get(set_url(cen_instance), query)
    assertContains(response, '<option value="cn-shanghai" selected>')
    assertContains(response, '<option value="us-east-1" selected>')


# Region Connections tab --------------------------------------------------------------------------


def test_region_connections_tab_lists_connections_and_package_usage(client_user, cen_instance, package, connect):
    """Connected Regions, Bandwidth Package, Bandwidth, Modify/Delete; the package's used and remaining."""
    connect(package, "cn-hangzhou", "us-east-1", 6)
    response = client_user.get(connections_url(cen_instance))
    for text in ("Connected Regions", "China (Hangzhou) ↔ US (Virginia)", package.pk, "6 Mbps", "Modify", "Delete"):
        assertContains(response, text)
    usage = response.content.decode().split('id="package-usage"')[1]
    cells = [" ".join(cell.split()) for cell in re.findall(r"<td[^>]*>([^<]*)</td>", usage)]
    assert cells[cells.index("10 Mbps") :][:3] == ["10 Mbps", "6 Mbps", "4 Mbps"]


def test_set_form_offers_only_the_packages_regions(client_user, cen_instance, package):
    """A Mainland China <-> North America package offers those 9 regions, nothing else."""
    response = client_user.get(set_url(cen_instance), **HTMX)
    content = response.content.decode()
    assert "US (Virginia)" in content and "China (Hangzhou)" in content
    assert "Singapore" not in content and "UK (London)" not in content
    for label in ("Bandwidth Package", "Local Region", "Opposite Region", "Bandwidth"):
        assertContains(response, f">\n                {label}\n            </label>", html=False)


def test_set_form_narrows_regions_to_the_chosen_package(client_user, cen_instance, package):
    """Choosing another package (the htmx GET) offers that package's regions."""
    europe = buy_package(cen_instance, area_a_code="Europe", area_b_code="Australia", cross_border_agreed=False)
    response = client_user.get(set_url(cen_instance), {"package": europe.pk}, **HTMX)
    content = response.content.decode()
    assert "UK (London)" in content and "Australia (Sydney)" in content
    assert "US (Virginia)" not in content


def test_set_form_without_packages_points_to_buy_and_bind(client_user, cen_instance):
    """With no bound package there is nothing to take bandwidth from."""
    response = client_user.get(set_url(cen_instance))
    assertContains(response, "No bandwidth package is bound to this CEN instance.")
    assertNotContains(response, 'id="connection-form"')


def test_set_saves_and_redirects_to_the_tab(client_user, cen_instance, package):
    """OK sets the connection and shows the tab with a message."""
    response = client_user.post(set_url(cen_instance), connection_data(package), follow=True)
    assertRedirects(response, connections_url(cen_instance))
    assertContains(response, "Region connection China (Hangzhou) ↔ US (Virginia) was set to 6 Mbps.")
    assert RegionConnection.objects.get().bandwidth == 6


def test_set_refusal_shows_how_much_remains(client_user, cen_instance, package, connect):
    """5 Mbps on a package with 4 left: the form says 4 Mbps remain, nothing saved."""
    connect(package, "cn-hangzhou", "us-east-1", 6)
    response = client_user.post(set_url(cen_instance), connection_data(package, "cn-shanghai", "us-west-1", "5"))
    assert response.status_code == 200
    assertContains(response, "has only 4 Mbps remaining")
    assert RegionConnection.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"local": "cn-hangzhou", "opposite": "cn-hangzhou"}, services.SAME_REGION),
        ({"local": "cn-hangzhou", "opposite": "cn-shanghai"}, "so it cannot carry China (Hangzhou) ↔ China (Shanghai)"),
        ({"bandwidth": "0"}, services.BANDWIDTH_TOO_LOW),
        ({"bandwidth": "1.5"}, services.BANDWIDTH_TOO_LOW),
        ({"bandwidth": ""}, services.BANDWIDTH_TOO_LOW),
    ],
)
def test_set_refusals_show_on_the_form(client_user, cen_instance, package, data, message):
    """Each bad input is refused with its message and nothing is saved."""
    response = client_user.post(set_url(cen_instance), connection_data(package, **data))
    assert response.status_code == 200
    assertContains(response, message)
    assert not RegionConnection.objects.exists()


def test_modify_link_opens_the_form_with_the_connection(client_user, cen_instance, package, connect):
    """Modify fills the form with the connection's package, regions and bandwidth."""
    connect(package, "cn-hangzhou", "us-east-1", 6)
    query = {"package": package.pk, "local_region": "cn-hangzhou", "opposite_region": "us-east-1", "bandwidth": 6}
    response = client_user.get(set_url(cen_instance), query)
    assertContains(response, 'name="bandwidth" value="6"')
    assertContains(response, '<option value="cn-hangzhou" selected>')


def test_delete_removes_the_connection_and_redirects(client_user, cen_instance, package, connect):
    """Delete goes back to the tab with a message."""
    connection = connect(package, "cn-hangzhou", "us-east-1", 6)
    url = reverse("networks:connection_delete", kwargs={"cen_id": cen_instance.pk, "connection_id": connection.pk})
    response = client_user.post(url, follow=True)
    assertRedirects(response, connections_url(cen_instance))
    assertContains(response, "Region connection China (Hangzhou) ↔ US (Virginia) was deleted.")
    assert not RegionConnection.objects.exists()


def test_set_form_opens_on_a_pair_the_package_can_carry(client_user, cen_instance, package):
    """Without a choice yet, Local Region and Opposite Region start in the package's two areas."""
    response = client_user.get(set_url(cen_instance), **HTMX)
    content = response.content.decode()
    assert '<option value="cn-qingdao" selected>' in content.split('name="opposite_region"')[0]
    assert '<option value="us-west-1" selected>' in content.split('name="opposite_region"')[1]


def test_the_cidr_block_given_on_attach_is_shown_on_the_tab(client_user, cen_instance):
    """Attach with a CIDR Block: the table's CIDR Block column shows it."""
    response = client_user.post(
        attach_url(cen_instance),
        {"network_type": "VPC", "region": "cn-hangzhou", "cidr_block": "172.16.0.0/12"},
        follow=True,
    )
    assertContains(response, "CIDR Block")
    assertContains(response, "172.16.0.0/12")


def test_a_cidr_block_that_is_not_one_is_refused_on_the_form(client_user, cen_instance):
    """A wrong CIDR Block re-renders the form with the rule, and nothing is attached."""
    response = client_user.post(
        attach_url(cen_instance), {"network_type": "VPC", "region": "cn-hangzhou", "cidr_block": "10.0.0.0/40"}
    )
    assertContains(response, "A CIDR block is an IPv4 network such as 10.0.0.0/16")
    assert not NetworkInstance.objects.exists()
