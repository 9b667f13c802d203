"""A way in for every role: the navigation leads facilitators to Workshops and support staff to the
desk (superusers to both), and signing in lands staff where their work is unless `next` says otherwise."""

import pytest
from django.contrib.auth.models import Group

from cenconsole.demo import services as demo_services
from tests.factories import PASSWORD, UserFactory, facilitator, support_staff

pytestmark = pytest.mark.django_db

DESK = "/desk/"


def superuser():
    return UserFactory(is_staff=True, is_superuser=True)


def nav(client, user):
    client.force_login(user)
    page = client.get("/cen/instances/").content.decode()
    return page.split('<nav class="sidenav"')[1].split("</nav>")[0]


def sign_in(client, user, **extra):
    return client.post("/accounts/login/" + extra.pop("query", ""), {"username": user.username, "password": PASSWORD})


def test_facilitator_navigation_has_workshops_not_the_desk(client):
    """A facilitator's navigation: Workshops, no Support desk."""
    links = nav(client, facilitator())
    assert 'href="/workshops/">Workshops</a>' in links and "Support desk" not in links


def test_support_staff_navigation_has_the_desk_not_workshops(client):
    """Support staff's navigation: Support desk (the queue), no Workshops."""
    links = nav(client, support_staff())
    assert f'href="{DESK}">Support desk</a>' in links and "Workshops" not in links


def test_superuser_navigation_has_both(client):
    """A superuser's navigation: Workshops and Support desk."""
    links = nav(client, superuser())
    assert "Workshops</a>" in links and "Support desk</a>" in links


def test_ordinary_account_navigation_has_neither(client, user):
    """An ordinary account sees neither entry."""
    links = nav(client, user)
    assert "Workshops" not in links and "Support desk" not in links


def test_sandbox_in_the_facilitators_group_sees_no_workshops(client):
    """A sandbox is never a facilitator, whatever its groups: no Workshops entry."""
    sandbox = demo_services.sandbox_create(ip_address=None)
    sandbox.groups.add(Group.objects.get(name="Facilitators"))
    assert "Workshops" not in nav(client, sandbox)


def test_workshops_entry_is_marked_current_on_the_workshops_pages(client):
    """On /workshops/ the Workshops entry is the current page."""
    client.force_login(facilitator())
    page = client.get("/workshops/").content.decode()
    assert 'href="/workshops/" class="active" aria-current="page">Workshops</a>' in page


def test_roles_are_read_once_per_session(client):
    """The entries cost no query per page once the session knows the account's roles."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    user = facilitator()
    client.force_login(user)
    client.get("/cen/instances/")
    with CaptureQueriesContext(connection) as captured:
        client.get("/cen/instances/")
    assert not [query for query in captured if "auth_permission" in query["sql"]]


def test_support_staff_land_on_the_desk_queue(client):
    """Support staff signing in land on the desk's queue."""
    response = sign_in(client, support_staff())
    assert client.get(response.url).url == DESK


def test_facilitator_lands_on_workshops(client):
    """A facilitator signing in lands on Workshops."""
    response = sign_in(client, facilitator())
    assert client.get(response.url).url == "/workshops/"


def test_superuser_lands_on_the_admin_index(client):
    """A superuser signing in lands on the admin's index (the desk and workshops from there)."""
    response = sign_in(client, superuser())
    assert client.get(response.url).url == "/admin/"


def test_ordinary_account_lands_on_instances(client, user):
    """Everyone else lands on Instances, as before."""
    response = sign_in(client, user)
    assert client.get(response.url).url == "/cen/instances/"


def test_next_wins_over_the_role_landing(client):
    """With a `next`, staff go there, not to their landing."""
    response = sign_in(client, support_staff(), query="?next=/cen/orders/")
    assert response.url == "/cen/orders/"
