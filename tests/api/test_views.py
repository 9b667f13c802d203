"""AccessKey Management pages and the site root's dispatch, through Django's test client."""

import re

import pytest
from django.test import Client

from cenconsole.api import services as api_services
from cenconsole.api.models import AccessKey
from cenconsole.audit.models import AuditRecord

pytestmark = pytest.mark.django_db

LIST_URL = "/accounts/access-keys/"
CREATE_URL = "/accounts/access-keys/create/"


def key_url(access_key, action):
    return f"/accounts/access-keys/{access_key.pk}/{action}/"


@pytest.fixture
def their_key(other_user):
    access_key, _ = api_services.access_key_create(owner=other_user)
    return access_key


@pytest.fixture
def my_key(user):
    access_key, _ = api_services.access_key_create(owner=user)
    return access_key


# Sign-in and other accounts -------------------------------------------------------------------------


@pytest.mark.parametrize("url", [LIST_URL, "/accounts/access-keys/LTAIanything0000000000000/delete/"])
def test_pages_send_anonymous_visitors_to_sign_in(client, url):
    """AccessKey pages redirect a visitor who is not signed in to the login page."""
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_create_post_from_anonymous_visitor_creates_nothing(client):
    """A Create AccessKey POST without signing in creates no key."""
    assert client.post(CREATE_URL).status_code == 302
    assert not AccessKey.objects.exists()


@pytest.mark.parametrize("action", ["disable", "enable", "delete"])
def test_another_accounts_key_answers_404(client_user, their_key, action):
    """Disable, Enable and Delete of another account's key answer 404 and change nothing."""
    assert client_user.post(key_url(their_key, action)).status_code == 404
    their_key.refresh_from_db()
    assert (their_key.status, their_key.deleted_at) == ("Active", None)


def test_list_shows_only_the_accounts_keys(client_user, my_key, their_key):
    """The page lists the account's keys, not another account's."""
    content = client_user.get(LIST_URL).content.decode()
    assert my_key.pk in content and their_key.pk not in content


# The account menu -----------------------------------------------------------------------------------


def test_account_menu_links_to_access_key_management(client_user):
    """Every console page's top bar has an AccessKey Management link, in its Account menu."""
    content = client_user.get("/cen/instances/").content.decode()
    menu = re.search(r'<details class="topbar-menu" id="account-menu">.*?</details>', content, re.S).group(0)
    assert '<a class="topbar-menu-item" href="/accounts/access-keys/">AccessKey Management</a>' in menu


# Create -------------------------------------------------------------------------------------------


def test_create_shows_the_id_and_secret_once(client_user, user):
    """Create AccessKey shows the new ID and its secret; the list page afterwards shows the ID only."""
    response = client_user.post(CREATE_URL)
    assert response.status_code == 200
    access_key, secret = response.context["access_key"], response.context["secret"]
    content = response.content.decode()
    assert access_key.pk in content and secret in content
    assert "shown only this once" in content
    assert response["Cache-Control"].startswith("max-age=0")
    listed = client_user.get(LIST_URL).content.decode()
    assert access_key.pk in listed and secret not in listed
    assert AccessKey.objects.get(owner=user).pk == access_key.pk


def test_the_secret_is_stored_only_encrypted(client_user):
    """No column of the key's row holds the secret in plain text, and it decrypts to it."""
    response = client_user.post(CREATE_URL)
    access_key, secret = response.context["access_key"], response.context["secret"]
    row = AccessKey.objects.filter(pk=access_key.pk).values().get()
    assert not any(secret in str(value) for value in row.values())
    assert api_services.access_key_secret(AccessKey.objects.get(pk=access_key.pk)) == secret


def test_create_is_refused_past_two_keys(client_user, user):
    """A third key is refused with a message; two is the real service's limit."""
    client_user.post(CREATE_URL)
    client_user.post(CREATE_URL)
    response = client_user.post(CREATE_URL, follow=True)
    assert "at most 2 AccessKeys" in response.content.decode()
    assert AccessKey.objects.filter(owner=user).count() == 2


def test_create_needs_a_csrf_token(user):
    """The console's POSTs are CSRF-protected: without the token nothing is created."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    assert client.post(CREATE_URL).status_code == 403
    assert not AccessKey.objects.exists()


def test_create_is_post_only(client_user):
    """GET on the create URL does not make a key."""
    assert client_user.get(CREATE_URL).status_code == 405
    assert not AccessKey.objects.exists()


# Disable, enable, delete ----------------------------------------------------------------------------


def test_disable_then_enable(client_user, my_key):
    """Disable turns the key off, Enable back on; each redirects to the list."""
    response = client_user.post(key_url(my_key, "disable"))
    assert response.status_code == 302 and response["Location"] == LIST_URL
    my_key.refresh_from_db()
    assert my_key.status == "Inactive"
    client_user.post(key_url(my_key, "enable"))
    my_key.refresh_from_db()
    assert my_key.status == "Active"


def test_delete_asks_first(client_user, my_key):
    """GET on Delete shows a confirm page and deletes nothing."""
    response = client_user.get(key_url(my_key, "delete"))
    assert response.status_code == 200 and b"Are you sure" in response.content
    my_key.refresh_from_db()
    assert my_key.deleted_at is None


def test_delete_wipes_the_secret_and_hides_the_key(client_user, my_key):
    """Deleting keeps the row for history but wipes its secret; the list no longer shows it."""
    response = client_user.post(key_url(my_key, "delete"))
    assert response.status_code == 302
    my_key.refresh_from_db()
    assert my_key.deleted_at is not None and my_key.secret_encrypted == ""
    assert list(client_user.get(LIST_URL).context["access_keys"]) == []


def test_key_changes_are_audited(client_user, my_key, user):
    """Creating, disabling and deleting a key each leave an audit record by the account."""
    client_user.post(key_url(my_key, "disable"))
    client_user.post(key_url(my_key, "delete"))
    actions = list(AuditRecord.objects.for_target(my_key).values_list("action", "actor"))
    assert actions == [
        ("access_key.created", user.pk),
        ("access_key.status_changed", user.pk),
        ("access_key.deleted", user.pk),
    ]


def test_pages_render_without_javascript_forms(client_user, my_key):
    """Every action is a plain form or link: the page carries no hx- attributes to depend on."""
    content = client_user.get(LIST_URL).content.decode()
    assert f'action="{key_url(my_key, "disable")}"' in content
    assert f'href="{key_url(my_key, "delete")}"' in content
    assert 'action="/accounts/access-keys/create/"' in content


# The site root --------------------------------------------------------------------------------------


def test_root_without_action_still_opens_the_console(client_user):
    """A browser at / is sent to the Instances page, as before the API."""
    response = client_user.get("/")
    assert response.status_code == 302 and response["Location"] == "/cen/instances/"


def test_root_with_an_action_answers_as_the_api(client):
    """/?Action=... is the API: an unsigned request gets its JSON refusal, not a redirect."""
    response = client.get("/", {"Action": "DescribeCens", "Version": "2017-09-12"})
    assert response.status_code == 400
    assert response.json()["Code"] == "MissingAccessKeyId"


def test_api_posts_need_no_csrf_token(user):
    """The API is signed, not session-authenticated: a POST without a CSRF token reaches it."""
    client = Client(enforce_csrf_checks=True)
    response = client.post("/", {"Action": "DescribeCens", "Version": "2017-09-12"})
    assert response.status_code == 400 and response.json()["Code"] == "MissingAccessKeyId"


def test_api_path_without_action_names_it(client):
    """/api/ without an Action answers MissingAction in JSON."""
    response = client.get("/api/")
    assert (response.status_code, response.json()["Code"]) == (400, "MissingAction")


def test_api_refuses_other_http_methods(client):
    """Only GET and POST: a PUT is UnsupportedHTTPMethod."""
    response = client.put("/api/?Action=DescribeCens")
    assert (response.status_code, response.json()["Code"]) == (400, "UnsupportedHTTPMethod")
