"""Every URL of the project, walked: anonymous visitors are sent to sign in, and another account
holding real IDs of the first account's objects gets 404. New views are covered without editing this
file; a new URL argument name fails here until OBJECT_IDS learns it."""

import pytest
from django.contrib.auth.models import Group
from django.urls import URLPattern, URLResolver, get_resolver

from cenconsole.api import services as api_services
from cenconsole.demo import services as demo_services
from cenconsole.networks import services as network_services
from tests.factories import (
    CenInstanceFactory,
    UserFactory,
    buy_package,
    facilitator,
    open_ticket,
    order_purchase,
    trainee_join,
    workshop_new,
)
from tests.transit.objects import transit_objects

pytestmark = pytest.mark.django_db

# Public on purpose: signing in and up, the health check, and the API (signed requests, not sessions).
# The language switch (Django's set_language) works signed in or not: it only sets the language cookie.
# A workshop's join link (workshop_join) is for visitors with no account: it makes one; its ended
# page (workshop_ended) is where a trainee's session lands once the workshop removed its sandbox.
PUBLIC = {
    "login",
    "logout",
    "signup",
    "healthz",
    "site_root",
    "api_endpoint",
    "start",
    "set_language",
    "workshop_join",
    "workshop_ended",
}


def url_patterns(patterns=None, prefix=""):
    """(route, name, argument names) for every console URL; the admin has its own test."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            if str(pattern.pattern).startswith("admin/"):
                continue
            yield from url_patterns(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern) and pattern.name not in PUBLIC:
            yield prefix + str(pattern.pattern), pattern.name, list(pattern.pattern.converters)


ALL_URLS = list(url_patterns())


@pytest.fixture
def owner_kind():
    """The kind of account the walk's two accounts are: overridden with "sandbox" (Try the console)."""
    return "account"


def new_account(kind):
    return demo_services.sandbox_create(ip_address=None) if kind == "sandbox" else UserFactory()


@pytest.fixture
def owner_objects(db, owner_kind):
    """One of each object of the first account, by the URL argument that names it."""
    return make_owner_objects(new_account(owner_kind))


def make_owner_objects(owner=None):
    """One of each object of `owner` (a new account by default), by the URL argument that names it.
    The accessibility walk (tests/e2e/test_accessibility.py) visits the same URLs with them."""
    owner = owner or UserFactory()
    cen_instance = CenInstanceFactory(owner=owner)
    package = buy_package(cen_instance, area_a_code="China", area_b_code="China", bandwidth=10)
    network = network_services.network_instance_attach(
        owner=owner, cen_instance_id=cen_instance.pk, region_code="cn-hangzhou", name="vpc"
    )
    connection = network_services.region_connection_set(
        owner=owner,
        cen_instance_id=cen_instance.pk,
        package_id=package.pk,
        local_region_code="cn-hangzhou",
        opposite_region_code="cn-beijing",
        bandwidth=2,
    )
    access_key, _ = api_services.access_key_create(owner=owner)
    # A workshop the owner runs (as a member of Facilitators; a sandbox cannot run one, so a
    # facilitator's), with one trainee on its board.
    if owner.is_sandbox:
        workshop = workshop_new(facilitator())
    else:
        owner.groups.add(Group.objects.get(name="Facilitators"))
        workshop = workshop_new(owner)
    trainee_join(workshop)
    return {
        **transit_objects(owner=owner, cen_instance=cen_instance, package=package),
        "cen_id": cen_instance.pk,
        "package_id": package.pk,
        "order_id": order_purchase(cen_instance, area_a_code="Europe", area_b_code="Europe").pk,
        "ticket_id": open_ticket(package).pk,
        "network_id": network.pk,
        "connection_id": connection.pk,
        "access_key_id": access_key.pk,
        "workshop_id": workshop.pk,
    }


def fill(route, arguments, values):
    path = route
    for argument in arguments:
        assert argument in values, f"OBJECT_IDS has no value for the URL argument {argument!r} ({route})"
        path = path.replace(f"<{type_of(route, argument)}{argument}>", str(values[argument]))
    return "/" + path


def type_of(route, argument):
    for converter in ("str:", "int:", "slug:", "uuid:", "path:"):
        if f"<{converter}{argument}>" in route:
            return converter
    return ""


def test_every_console_url_is_walked():
    """The walk finds the console's pages (guards against an empty walk)."""
    names = {name for _, name, _ in ALL_URLS}
    assert {"instance_list", "cen_tab", "buy", "order_detail", "ticket_detail", "cen_networks", "ledger"} <= names
    assert "ledger_export" in names


@pytest.mark.parametrize(("route", "name", "arguments"), ALL_URLS, ids=[name for _, name, _ in ALL_URLS])
def test_anonymous_visitor_is_sent_to_sign_in(client, owner_objects, route, name, arguments):
    """GET and POST from an anonymous visitor redirect to the login page, and change nothing."""
    path = fill(route, arguments, owner_objects)
    for method in (client.get, client.post):
        response = method(path)
        assert response.status_code in (302, 405), f"{method.__name__} {path}: {response.status_code}"
        if response.status_code == 302:
            assert response.url.startswith("/accounts/login/"), f"{path} -> {response.url}"


@pytest.mark.parametrize("owner_kind", ["account", "sandbox"])
@pytest.mark.parametrize(
    ("route", "name", "arguments"),
    [url for url in ALL_URLS if url[2]],
    ids=[name for _, name, arguments in ALL_URLS if arguments],
)
def test_another_account_gets_404_for_the_first_accounts_ids(client, owner_objects, owner_kind, route, name, arguments):
    """Another signed-in account gets 404 on GET and POST for every URL naming the first account's
    objects; a sandbox is as isolated from another sandbox as any two accounts."""
    client.force_login(new_account(owner_kind))
    path = fill(route, arguments, owner_objects)
    for method in (client.get, client.post):
        response = method(path)
        assert response.status_code in (404, 405), f"{method.__name__} {path}: {response.status_code}"
    assert client.get(path).status_code == 404 or client.post(path).status_code == 404
