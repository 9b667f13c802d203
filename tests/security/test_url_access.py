"""Every URL of the project, walked: anonymous visitors are sent to sign in, and another account
holding real IDs of the first account's objects gets 404. New views are covered without editing this
file; a new URL argument name fails here until OBJECT_IDS learns it."""

import pytest
from django.contrib.auth.models import Group
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver

from cenconsole.api import services as api_services
from cenconsole.demo import services as demo_services
from cenconsole.networks import services as network_services
from tests.addressing.objects import addressing_objects
from tests.conftest import ensure_reference_data
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
from tests.grants.objects import grants_and_routes_objects
from tests.multicast.objects import multicast_page_objects
from tests.qos.objects import qos_objects
from tests.routemaps.objects import routing_objects
from tests.transit.objects import route_table_objects, transit_objects

# One worker walks the whole module, so its objects (walk_accounts) are made once.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("url-walk")]

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
    """(route, name, argument names) for every URL but the admin's (it has its own test)."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            if str(pattern.pattern).startswith("admin/"):
                continue
            yield from url_patterns(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern) and pattern.name not in PUBLIC:
            yield prefix + str(pattern.pattern), pattern.name, list(pattern.pattern.converters)


# The staff's desk (tickets.desk) signs in through the admin: its URLs are walked by its own rule below.
DESK_URLS = [url for url in url_patterns() if url[0].startswith("desk/")]
ALL_URLS = [url for url in url_patterns() if not url[0].startswith("desk/")]


@pytest.fixture
def owner_kind():
    """The kind of account the walk's two accounts are: overridden with "sandbox" (Try the console)."""
    return "account"


def new_account(kind):
    return demo_services.sandbox_create(ip_address=None) if kind == "sandbox" else UserFactory()


@pytest.fixture(scope="module")
def walk_accounts(django_db_setup, django_db_blocker):
    """For each kind of account, the first account's objects and a second account of the same kind, made
    once for the module (a sandbox is a whole seeded demo: seconds) in a transaction rolled back at its end.
    Each test runs inside it in a savepoint of its own, as Django's setUpTestData does, so what one test
    changes is gone before the next."""
    with django_db_blocker.unblock(), transaction.atomic():
        ensure_reference_data()  # a transactional test before this module flushed them
        accounts = {
            kind: {"objects": make_owner_objects(new_account(kind)), "other": new_account(kind)}
            for kind in ("account", "sandbox")
        }
        yield accounts
        transaction.set_rollback(True)


@pytest.fixture
def owner_objects(db, walk_accounts, owner_kind):
    """One of each object of the first account, by the URL argument that names it."""
    return walk_accounts[owner_kind]["objects"]


@pytest.fixture
def other_account(db, walk_accounts, owner_kind):
    """Another account of the same kind as the first."""
    return walk_accounts[owner_kind]["other"]


def disjoint(*parts: dict) -> dict:
    """The objects' URL arguments merged; two of them naming the same argument with different objects would
    walk one page with another's id (a 404 the walks report as a broken page), so that is refused here."""
    merged = {}
    for part in parts:
        for argument, value in part.items():
            assert merged.get(argument, value) == value, f"two objects for the URL argument {argument!r}"
            merged[argument] = value
    return merged


def make_owner_objects(owner=None, *, names=None):
    """One of each object of `owner` (a new account by default), by the URL argument that names it.
    The accessibility walk (tests/e2e/test_accessibility.py) visits the same URLs with them, and the
    Chinese walk (tests/core/test_chinese_pages.py) with Chinese `names`: keyword arguments by object
    ("cen", "package", "network", "workshop", "order", "ticket")."""
    names = names or {}
    owner = owner or UserFactory()
    cen_instance = CenInstanceFactory(owner=owner, **names.get("cen", {}))
    package = buy_package(
        cen_instance, area_a_code="China", area_b_code="China", bandwidth=10, **names.get("package", {})
    )
    network = network_services.network_instance_attach(
        owner=owner, cen_instance_id=cen_instance.pk, region_code="cn-hangzhou", **names.get("network", {"name": "vpc"})
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
        workshop = workshop_new(owner, **names.get("workshop", {}))
    trainee_join(workshop)
    transit = transit_objects(owner=owner, cen_instance=cen_instance, package=package)
    route_tables = route_table_objects(
        owner=owner, router_id=transit["router_id"], attachment_id=transit["attachment_id"]
    )
    return disjoint(
        transit,
        routing_objects(owner=owner, cen_instance=cen_instance, router_id=transit["router_id"]),
        qos_objects(owner=owner, router_id=transit["router_id"], peer_attachment_id=transit["peer_attachment_id"]),
        route_tables,
        addressing_objects(owner=owner, router_id=transit["router_id"], route_table_id=route_tables["route_table_id"]),
        grants_and_routes_objects(owner=owner, network=network),
        multicast_page_objects(owner=owner, cen_instance=cen_instance),
        {
            "cen_id": cen_instance.pk,
            "package_id": package.pk,
            "order_id": order_purchase(
                cen_instance, area_a_code="Europe", area_b_code="Europe", **names.get("order", {})
            ).pk,
            "ticket_id": open_ticket(package, **names.get("ticket", {})).pk,
            "network_id": network.pk,
            "connection_id": connection.pk,
            "access_key_id": access_key.pk,
            "workshop_id": workshop.pk,
        },
    )


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
def test_another_account_gets_404_for_the_first_accounts_ids(
    client, owner_objects, other_account, owner_kind, route, name, arguments
):
    """Another signed-in account gets 404 on GET and POST for every URL naming the first account's
    objects; a sandbox is as isolated from another sandbox as any two accounts."""
    client.force_login(other_account)
    path = fill(route, arguments, owner_objects)
    for method in (client.get, client.post):
        response = method(path)
        assert response.status_code in (404, 405), f"{method.__name__} {path}: {response.status_code}"
    assert client.get(path).status_code == 404 or client.post(path).status_code == 404


def test_every_desk_url_is_walked():
    """The desk's walk finds its pages: the queue, its Action menu, a ticket's page and its buttons."""
    assert {name for _, name, _ in DESK_URLS} == {"queue", "selected", "ticket", "ticket_action"}


@pytest.mark.parametrize("visitor", ["anonymous", "account"])
@pytest.mark.parametrize(("route", "name", "arguments"), DESK_URLS, ids=[name for _, name, _ in DESK_URLS])
def test_desk_sends_everyone_but_staff_to_the_admins_sign_in(client, owner_objects, visitor, route, name, arguments):
    """GET and POST from an anonymous visitor, or from a signed-in console account (the owner of the
    ticket included), go to the admin's sign-in, as the admin's pages do, and change nothing."""
    from cenconsole.tickets.models import DeletionTicket

    if visitor == "account":
        client.force_login(DeletionTicket.objects.get(pk=owner_objects["ticket_id"]).requester)
    path = fill(route, arguments, {**owner_objects, "verb": "approve"})
    data = {"confirmed": "1", "action": "approve_selected", "_selected_action": owner_objects["ticket_id"]}
    for method in (client.get, client.post):
        response = method(path, data)
        assert response.status_code == 302, f"{method.__name__} {path}: {response.status_code}"
        assert response.url.startswith("/admin/login/"), f"{path} -> {response.url}"
    assert DeletionTicket.objects.get(pk=owner_objects["ticket_id"]).status == DeletionTicket.Status.PENDING
