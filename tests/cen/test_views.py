import re

import pytest

from cenconsole.cen.models import CenInstance
from tests.factories import CenInstanceFactory, buy_package

pytestmark = pytest.mark.django_db

INSTANCES_URL = "/cen/instances/"
CREATE_URL = "/cen/instances/create/"
HTMX = {"HTTP_HX_REQUEST": "true"}


def has_label(content, field_id, text):
    return re.search(rf'<label\s+for="{field_id}"[^>]*>\s*{re.escape(text)}\s*</label>', content) is not None


def listed_ids(response):
    return [instance.pk for instance in response.context["page"].object_list]


# Sign-in ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        INSTANCES_URL,
        CREATE_URL,
        "/cen/instances/{cen_id}/",
        "/cen/instances/{cen_id}/bandwidth-packages/",
        "/cen/bandwidth-packages/buy/?cen_id={cen_id}",
        "/",
    ],
)
def test_cen_pages_send_anonymous_visitors_to_sign_in(client, cen_instance, url):
    """Every CEN page redirects a visitor who is not signed in to /accounts/login/."""
    response = client.get(url.format(cen_id=cen_instance.pk), follow=True)
    assert response.redirect_chain[-1][0].startswith("/accounts/login/?next=")
    assert response.templates[0].name == "registration/login.html"


def test_create_post_from_anonymous_visitor_creates_nothing(client):
    """A Create CEN Instance POST without signing in redirects to sign in and creates nothing."""
    response = client.post(CREATE_URL, {"name": "sneaky"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert not CenInstance.objects.exists()


# Another account's instance -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/cen/instances/{cen_id}/",
        "/cen/instances/{cen_id}/bandwidth-packages/",
        "/cen/instances/{cen_id}/delete/",
        "/cen/bandwidth-packages/buy/?cen_id={cen_id}",
    ],
)
def test_another_accounts_cen_id_answers_404(client_user, other_user, url):
    """A page for another account's CEN instance answers 404, as if it did not exist."""
    theirs = CenInstanceFactory(owner=other_user)
    assert client_user.get(url.format(cen_id=theirs.pk)).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/cen/instances/{cen_id}/",
        "/cen/instances/{cen_id}/bandwidth-packages/",
        "/cen/bandwidth-packages/buy/?cen_id={cen_id}",
    ],
)
def test_unknown_cen_id_answers_404(client_user, url):
    """A page for a CEN id that does not exist answers 404."""
    assert client_user.get(url.format(cen_id="cen-doesnotexist0000")).status_code == 404


def test_instances_page_does_not_list_another_accounts_instances(client_user, cen_instance, other_user):
    """The Instances page shows only the signed-in account's instances."""
    theirs = CenInstanceFactory(owner=other_user)
    response = client_user.get(INSTANCES_URL)
    assert listed_ids(response) == [cen_instance.pk]
    assert theirs.pk not in response.content.decode()


def test_search_does_not_find_another_accounts_instance(client_user, cen_instance, other_user):
    """Searching for another account's instance id finds nothing."""
    theirs = CenInstanceFactory(owner=other_user)
    assert listed_ids(client_user.get(INSTANCES_URL, {"q": theirs.pk})) == []


# Instances page -----------------------------------------------------------------------------------


def test_instances_page_shows_the_seed_columns(client_user, cen_instance):
    """The table has Instance ID/Name, Status, Bandwidth Packages, Description and Actions columns."""
    content = client_user.get(INSTANCES_URL).content.decode()
    for column in ["Instance ID/Name", "Status", "Bandwidth Packages", "Description", "Actions"]:
        assert re.search(rf"<th(?: class=\"[^\"]*\")?>{column}</th>", content)


def test_instances_page_row_shows_id_name_status_count_and_description(client_user, cen_instance):
    """An instance's row shows its id, name, Ready status, package count and description."""
    buy_package(cen_instance)
    response = client_user.get(INSTANCES_URL)
    content = response.content.decode()
    assert cen_instance.pk in content
    assert cen_instance.name in content
    assert "Ready" in content
    assert re.search(r"<td[^>]*>1</td>", content)
    assert cen_instance.description in content


def test_manage_links_to_the_cen_page(client_user, cen_instance):
    """Manage in the Actions column links to the instance's CEN page."""
    content = client_user.get(INSTANCES_URL).content.decode()
    assert f'<a href="/cen/instances/{cen_instance.pk}/" data-tour="manage">Manage</a>' in content


def test_manage_opens_the_cen_page_on_its_first_tab(client_user, cen_instance):
    """The CEN page's address (Manage) leads to its first tab, Networks, as the real console opens it."""
    response = client_user.get(f"/cen/instances/{cen_instance.pk}/")
    assert response.status_code == 302
    assert response["Location"] == f"/cen/instances/{cen_instance.pk}/networks/"


def test_instances_page_lists_newest_first(client_user, user):
    """The newest instance is at the top."""
    older = CenInstanceFactory(owner=user)
    newer = CenInstanceFactory(owner=user)
    assert listed_ids(client_user.get(INSTANCES_URL)) == [newer.pk, older.pk]


def test_instances_page_shows_20_rows_a_page(client_user, user):
    """With 25 instances the first page shows 20 and says how many there are in all."""
    CenInstanceFactory.create_batch(25, owner=user)
    response = client_user.get(INSTANCES_URL)
    assert len(listed_ids(response)) == 20
    assert "Total 25 items" in response.content.decode()


def test_second_page_shows_the_rest(client_user, user):
    """Page 2 shows the instances beyond the first 20."""
    CenInstanceFactory.create_batch(25, owner=user)
    first = listed_ids(client_user.get(INSTANCES_URL))
    second = listed_ids(client_user.get(INSTANCES_URL, {"page": 2}))
    assert len(second) == 5
    assert not set(first) & set(second)


def test_search_by_id_finds_the_instance(client_user, user):
    """Part of an instance id in the search box finds that instance only."""
    wanted, _ = CenInstanceFactory(owner=user), CenInstanceFactory(owner=user)
    assert listed_ids(client_user.get(INSTANCES_URL, {"q": wanted.pk[4:14]})) == [wanted.pk]


def test_search_by_name_finds_the_instance(client_user, user):
    """Part of an instance name (any case) finds that instance only."""
    wanted = CenInstanceFactory(owner=user, name="Production-East")
    CenInstanceFactory(owner=user, name="staging")
    assert listed_ids(client_user.get(INSTANCES_URL, {"q": "production"})) == [wanted.pk]


def test_search_without_match_says_so(client_user, cen_instance):
    """A search that matches nothing says no instance matches."""
    response = client_user.get(INSTANCES_URL, {"q": "nothing-like-this"})
    assert listed_ids(response) == []
    assert 'No CEN instance matches "nothing-like-this".' in response.content.decode()


def test_page_links_keep_the_search(client_user, user):
    """Paging through search results keeps the search in the links."""
    CenInstanceFactory.create_batch(21, owner=user, name="match")
    content = client_user.get(INSTANCES_URL, {"q": "match"}).content.decode()
    assert "?q=match&amp;page=2" in content


def test_htmx_search_returns_only_the_table(client_user, cen_instance):
    """An htmx search request gets the table partial, not the whole page."""
    response = client_user.get(INSTANCES_URL, {"q": cen_instance.name}, **HTMX)
    content = response.content.decode()
    assert content.lstrip().startswith('<div id="instance-table">')
    assert "<html" not in content
    assert cen_instance.pk in content


# Create CEN Instance ------------------------------------------------------------------------------


def test_instances_page_has_the_create_button(client_user):
    """The Instances page has a Create CEN Instance button leading to the create form."""
    content = client_user.get(INSTANCES_URL).content.decode()
    assert f'href="{CREATE_URL}"' in content
    assert "Create CEN Instance</a>" in content


def test_create_button_opens_the_pages_dialog(client_user):
    """With JavaScript the Create CEN Instance button opens the page's native dialog, named for it."""
    content = client_user.get(INSTANCES_URL).content.decode()
    assert 'data-dialog-form="create-cen-dialog"' in content
    assert '<dialog id="create-cen-dialog" class="console-dialog create-dialog" aria-label="Create CEN Instance">' in (
        content
    )


def test_create_form_has_name_description_and_ok(client_user):
    """The create form asks for Name and Description and has an OK button."""
    content = client_user.get(CREATE_URL).content.decode()
    assert has_label(content, "id_name", "Name")
    assert has_label(content, "id_description", "Description")
    assert ">OK</button>" in content


def test_htmx_create_form_is_the_panel_only(client_user):
    """The Create CEN Instance button's htmx request gets the form panel, not the whole page."""
    content = client_user.get(CREATE_URL, **HTMX).content.decode()
    assert 'aria-labelledby="create-cen-title"' in content and 'hx-post="/cen/instances/create/"' in content
    assert "<html" not in content


def test_create_page_form_is_a_plain_form(client_user):
    """On its own page (the fallback) the create form posts as a plain form, not by htmx."""
    content = client_user.get(CREATE_URL).content.decode()
    assert 'action="/cen/instances/create/"' in content and "hx-post" not in content


def test_create_makes_the_instance_and_returns_to_the_list(client_user, user):
    """OK creates the instance, returns to the Instances page and says so."""
    response = client_user.post(CREATE_URL, {"name": "prod", "description": "main"}, follow=True)
    instance = CenInstance.objects.get(owner=user)
    assert response.redirect_chain == [(INSTANCES_URL, 302)]
    assert listed_ids(response) == [instance.pk]
    assert f"CEN instance {instance.pk} was created." in response.content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": "http://prod"}, "Name cannot start with http:// or https://."),
        ({"name": "n" * 129}, "Ensure this value has at most 128 characters (it has 129)."),
        ({"description": "https://example.com"}, "Description cannot start with http:// or https://."),
        ({"description": "d" * 257}, "Ensure this value has at most 256 characters (it has 257)."),
    ],
)
def test_create_with_a_bad_field_shows_the_error_and_creates_nothing(client_user, data, message):
    """A bad name or description re-renders the form (200) with the error beside it; nothing is created."""
    response = client_user.post(CREATE_URL, {"name": "", "description": "", **data})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not CenInstance.objects.exists()


def test_create_keeps_what_was_typed_after_an_error(client_user):
    """After an error the form still holds the typed description."""
    response = client_user.post(CREATE_URL, {"name": "http://prod", "description": "keep me"})
    assert "keep me" in response.content.decode()


def test_create_refuses_a_name_with_a_bidirectional_override(client_user):
    """The console refuses a name holding U+202E (displayed reversed) and creates nothing."""
    response = client_user.post(CREATE_URL, {"name": "prod\u202evpc", "description": ""})
    assert response.status_code == 200
    assert "Name cannot contain bidirectional control characters." in response.content.decode()
    assert not CenInstance.objects.exists()


def test_create_refuses_a_name_with_a_control_character(client_user):
    """The console refuses x\\x01y as a name, on the page, and creates nothing."""
    response = client_user.post(CREATE_URL, {"name": "x\x01y", "description": ""})
    assert response.status_code == 200
    assert "Name cannot contain control characters." in response.content.decode()
    assert not CenInstance.objects.exists()


def test_create_refuses_a_description_with_a_control_character(client_user):
    """A control character in the description is refused on the page too."""
    response = client_user.post(CREATE_URL, {"name": "prod", "description": "a\x1bb"})
    assert response.status_code == 200
    assert "Description cannot contain control characters." in response.content.decode()
    assert not CenInstance.objects.exists()
