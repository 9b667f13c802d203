"""The Instances table is cached per account state: every change it shows must reach the page."""

import re

import pytest

from cenconsole.bandwidth import services as bandwidth_services
from cenconsole.cen import services
from tests.factories import buy_package

pytestmark = pytest.mark.django_db


def package_count(client, cen_instance):
    """The Bandwidth Packages column of the instance's row, as the page shows it."""
    row = re.search(
        rf"<tr>\s*<td[^>]*><a [^>]*>{cen_instance.pk}</a>.*?</tr>", client.get("/cen/instances/").text, re.S
    )
    return re.findall(r"<td[^>]*>(.*?)</td>", row.group(0), re.S)[2].strip()


def test_second_view_is_served_from_the_cache(client_user, cen_instance, django_assert_num_queries):
    """A repeated view of an unchanged account reads only the user: the table comes from the cache."""
    client_user.get("/cen/instances/")
    with django_assert_num_queries(1):
        client_user.get("/cen/instances/")


def test_buying_binding_and_unbinding_show_at_once(client_user, user, cen_instance):
    """The package count follows a purchase and an unbind although the table is cached."""
    assert package_count(client_user, cen_instance) == "0"
    package = buy_package(cen_instance)
    assert package_count(client_user, cen_instance) == "1"
    bandwidth_services.package_unbind(owner=user, package_id=package.pk)
    assert package_count(client_user, cen_instance) == "0"


def test_new_and_renamed_instances_show_at_once(client_user, user, cen_instance):
    """A created instance and a renamed one (the admin saves the model) appear on the next view."""
    client_user.get("/cen/instances/")
    created = services.cen_instance_create(owner=user, name="brand-new")
    cen_instance.name = "renamed-in-admin"
    cen_instance.save()
    page = client_user.get("/cen/instances/").text
    assert created.pk in page and "brand-new" in page and "renamed-in-admin" in page
