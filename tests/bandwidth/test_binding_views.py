"""Bind, Unbind and the account-wide Bandwidth Packages page."""

import re

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from cenconsole.bandwidth import services
from cenconsole.bandwidth.models import BandwidthPackage
from tests.factories import CenInstanceFactory, buy_package

pytestmark = pytest.mark.django_db


def bind_url(cen):
    return reverse("bandwidth:package_bind", kwargs={"cen_id": cen.pk})


def networks_url(cen):
    return reverse("networks:cen_networks", kwargs={"cen_id": cen.pk})


def unbind_url(package):
    return reverse("bandwidth:package_unbind", kwargs={"cen_id": package.cen_instance_id, "package_id": package.pk})


# Bind, unbind and the Bandwidth Packages page ----------------------------------------------------


def test_bandwidth_packages_tab_has_bind_and_unbind(client_user, cen_instance, package):
    """The CEN's Bandwidth Packages tab shows Bind Bandwidth Package and an Unbind action per row."""
    response = client_user.get(reverse("bandwidth:cen_tab", kwargs={"cen_id": cen_instance.pk}))
    assertContains(response, "Bind Bandwidth Package")
    assertContains(response, f'<a href="{unbind_url(package)}?next=')


def test_unbind_with_connections_shows_a_message_naming_them(client_user, cen_instance, package, connect):
    """Unbind refused: back on the tab, the message names the connections."""
    connect(package, "cn-hangzhou", "us-east-1", 6)
    response = client_user.post(unbind_url(package), follow=True)
    assertRedirects(response, reverse("bandwidth:cen_tab", kwargs={"cen_id": cen_instance.pk}))
    assertContains(response, "still carries region connections: China (Hangzhou) ↔ US (Virginia) (6 Mbps)")
    package.refresh_from_db()
    assert package.cen_instance_id == cen_instance.pk


def test_unbind_then_the_package_shows_available_on_the_packages_page(client_user, package):
    """An unbound package is listed as Available on the Bandwidth Packages page."""
    client_user.post(unbind_url(package))
    response = client_user.get(reverse("bandwidth:package_list"))
    assertContains(response, package.pk)
    assertContains(response, "</span>Available</td>")
    assertNotContains(response, "</span>In Use</td>")


def test_unbind_returns_to_the_page_it_was_clicked_on(client_user, package):
    """From the Bandwidth Packages page, Unbind comes back to it."""
    list_url = reverse("bandwidth:package_list")
    assertRedirects(client_user.post(unbind_url(package), {"next": list_url}), list_url)


def test_unbind_ignores_a_next_url_on_another_site(client_user, package):
    """An off-site next is not followed."""
    response = client_user.post(unbind_url(package), {"next": "https://evil.example/"})
    assertRedirects(response, reverse("bandwidth:cen_tab", kwargs={"cen_id": package.cen_instance_id}))


def test_bind_page_offers_available_packages_and_binds(client_user, cen_instance, package, user):
    """Bind Bandwidth Package lists available packages; OK binds one."""
    services.package_unbind(owner=user, package_id=package.pk)
    second_cen = CenInstanceFactory(owner=user)
    assertContains(client_user.get(bind_url(second_cen)), package.pk)
    response = client_user.post(bind_url(second_cen), {"package": package.pk})
    assertRedirects(response, reverse("bandwidth:cen_tab", kwargs={"cen_id": second_cen.pk}))
    package.refresh_from_db()
    assert package.cen_instance == second_cen


def test_bind_refusal_for_a_taken_area_pair_shows_on_the_form(client_user, cen_instance, package, user):
    """The CEN already has a Mainland China <-> North America package: refused with the message."""
    second = buy_package(CenInstanceFactory(owner=user))
    services.package_unbind(owner=user, package_id=second.pk)
    response = client_user.post(bind_url(cen_instance), {"package": second.pk})
    assertContains(response, "already has a bandwidth package for Mainland China ↔ North America")
    second.refresh_from_db()
    assert second.cen_instance_id is None


def test_bind_page_without_available_packages_says_so(client_user, cen_instance):
    """Nothing to bind: a note with a way to buy one."""
    assertContains(client_user.get(bind_url(cen_instance)), "You have no available bandwidth packages.")


def test_packages_page_lists_all_the_accounts_packages_and_not_others(client_user, user, other_user, package):
    """Bound and available packages of the account; none of another account's."""
    mine_available = buy_package(CenInstanceFactory(owner=user))
    services.package_unbind(owner=user, package_id=mine_available.pk)
    theirs = buy_package(CenInstanceFactory(owner=other_user))
    response = client_user.get(reverse("bandwidth:package_list"))
    assertContains(response, package.pk)
    assertContains(response, mine_available.pk)
    assertContains(response, "</span>In Use</td>")
    assertContains(response, "</span>Available</td>")
    assertNotContains(response, theirs.pk)


def test_packages_page_is_the_active_navigation_entry(client_user):
    """The left navigation highlights Bandwidth Packages on its page."""
    response = client_user.get(reverse("bandwidth:package_list"))
    assertContains(response, 'class="active" aria-current="page">Bandwidth Packages</a>')


def test_cen_tabs_keep_instances_as_the_active_navigation_entry(client_user, cen_instance):
    """The Networks tab belongs to Instances in the navigation."""
    response = client_user.get(networks_url(cen_instance))
    assertContains(response, 'class="active" aria-current="page">Instances</a>')


def test_released_packages_are_not_listed(client_user, package, user):
    """A released package is history, not a package to use."""
    from cenconsole.bandwidth.services import package_release

    package_release(package_id=package.pk, actor=user, reason="test")
    assert BandwidthPackage.objects.filter(pk=package.pk).exists()
    assertNotContains(client_user.get(reverse("bandwidth:package_list")), package.pk)


def test_bind_form_refuses_another_accounts_package(client_user, cen_instance, other_user):
    """Bind offers only the account's own available packages."""
    other_package = buy_package(CenInstanceFactory(owner=other_user))
    services.package_unbind(owner=other_user, package_id=other_package.pk)
    response = client_user.post(bind_url(cen_instance), {"package": other_package.pk})
    assert response.status_code == 200
    other_package.refresh_from_db()
    assert other_package.cen_instance_id is None


# Unbind asks first -------------------------------------------------------------------------------


def test_package_table_has_one_unbind_dialog_that_every_row_fills(client_user, cen_instance, package):
    """A table of two bound packages holds one "Unbind Bandwidth Package" <dialog> (OK posts, Cancel
    closes it); each row's Unbind links to its confirmation page and names its package and CEN for
    console.js to fill the dialog with."""
    second = buy_package(cen_instance, area_a_code="Europe", area_b_code="Europe")
    response = client_user.get(reverse("bandwidth:cen_tab", kwargs={"cen_id": cen_instance.pk}))
    content = response.content.decode()
    assert content.count("<dialog") == 1
    for row in (package, second):
        link = f'<a href="{unbind_url(row)}?next='
        assert link in content
        assert f'data-dialog="unbind-dialog" data-package="{row.pk}" data-cen="{cen_instance.pk}">Unbind</a>' in content
    dialog = content[content.index('<dialog id="unbind-dialog"') : content.index("</dialog>")]
    assert "Unbind Bandwidth Package" in dialog
    assert "Are you sure you want to unbind bandwidth package __package__ from CEN instance __cen__?" in dialog
    assert ">OK</button>" in dialog
    assert 'formmethod="dialog"' in dialog and ">Cancel</button>" in dialog


def test_unbind_get_shows_the_confirmation_page_and_changes_nothing(client_user, cen_instance, package):
    """Without JavaScript, Unbind leads to its own page: the question, OK (a POST) and Cancel (back)."""
    list_url = reverse("bandwidth:package_list")
    response = client_user.get(unbind_url(package), {"next": list_url})
    assertContains(response, '<h1 class="page-title">Unbind Bandwidth Package</h1>', html=False)
    assertContains(response, f'<form method="post" action="{unbind_url(package)}">')
    assertContains(response, f'<input type="hidden" name="next" value="{list_url}">')
    assertContains(response, f'<a class="btn btn-outline-secondary" href="{list_url}">Cancel</a>')
    package.refresh_from_db()
    assert package.cen_instance_id == cen_instance.pk


def test_unbind_confirmation_page_does_not_offer_an_offsite_cancel(client_user, package):
    """An off-site next on the confirmation page falls back to the CEN's Bandwidth Packages tab."""
    response = client_user.get(unbind_url(package), {"next": "https://evil.example/"})
    assertNotContains(response, 'href="https://evil.example')
    assertNotContains(response, 'name="next" value="https://evil.example')
    assertContains(response, reverse("bandwidth:cen_tab", kwargs={"cen_id": package.cen_instance_id}))


def test_ok_on_the_confirmation_page_unbinds(client_user, package):
    """OK (the page's POST) unbinds and returns to the page named by next."""
    list_url = reverse("bandwidth:package_list")
    assertRedirects(client_user.post(unbind_url(package), {"next": list_url}), list_url)
    package.refresh_from_db()
    assert package.cen_instance_id is None


def test_unbind_confirmation_of_another_accounts_package_answers_404(client, other_user, package):
    """Another account cannot see this account's Unbind confirmation."""
    client.force_login(other_user)
    assert client.get(unbind_url(package)).status_code == 404


# Bind Bandwidth Package for big accounts ---------------------------------------------------------


def available_packages(user, count):
    """`count` available (unbound) packages of the account, bought on a scratch instance and unbound."""
    type(user).objects.filter(pk=user.pk).update(balance=10_000_000)
    scratch = CenInstanceFactory(owner=user)
    packages = []
    for number in range(count):
        package = buy_package(scratch, name=f"spare-{number:03d}", area_a_code="Europe", area_b_code="Europe")
        services.package_unbind(owner=user, package_id=package.pk)
        packages.append(package)
    return packages


def package_options(content):
    select = re.search(r'<select name="package"[^>]*>(.*?)</select>', content, re.S).group(1)
    return re.findall(r'<option value="([^"]+)"', select)


def test_bind_lists_at_most_50_packages_with_a_search_field(client_user, user, cen_instance):
    """Over 50 available packages: 50 listed, the search field and the note to narrow."""
    available_packages(user, 52)
    content = client_user.get(bind_url(cen_instance)).content.decode()
    assert len(package_options(content)) == 50
    assert 'id="id_package_search"' in content and "Showing the first 50 matches." in content


def test_bind_search_narrows_and_keeps_the_chosen_package(client_user, user, cen_instance):
    """htmx asks the same URL with package_search: only the select comes back, the chosen one first."""
    spare = available_packages(user, 12)
    response = client_user.get(
        bind_url(cen_instance), {"package_search": "spare-011", "package": spare[0].pk}, HTTP_HX_REQUEST="true"
    )
    content = response.content.decode()
    assert content.startswith('<div id="package-options">')
    assert package_options(content) == [spare[0].pk, spare[11].pk]


def test_bind_search_without_javascript_is_a_get_of_the_page(client_user, user, cen_instance):
    """Without JavaScript, the page's GET with package_search shows the matches, and OK still binds."""
    spare = available_packages(user, 3)
    content = client_user.get(bind_url(cen_instance), {"package_search": "spare-002"}).content.decode()
    assert package_options(content) == [spare[2].pk]
    assert client_user.post(bind_url(cen_instance), {"package": spare[2].pk}).status_code == 302
