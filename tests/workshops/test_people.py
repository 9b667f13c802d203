"""People, not ids, in a room: a display name typed at Join workshop (on the board only), the page a
trainee's session opens once the workshop ended, and the chrome-free projector page."""

import pytest
from django.test import Client

from cenconsole.workshops import services as workshop_services
from cenconsole.workshops.models import Trainee
from tests.factories import facilitator, trainee_join, workshop_new

pytestmark = pytest.mark.django_db


def join(client, workshop, **data):
    return client.post(f"/w/{workshop.code}/", data)


def test_join_page_offers_a_labelled_optional_name():
    """Join workshop has a labelled, optional name field."""
    page = Client().get(f"/w/{workshop_new().code}/").content.decode()
    assert 'for="id_display_name"' in page and "Your name (optional)" in page
    assert 'name="display_name"' in page and "required" not in page.split('name="display_name"')[1].split(">")[0]


def test_joining_with_a_name_keeps_it_on_the_trainee_row():
    """The name typed at join is stored, trimmed, on the trainee's row."""
    workshop = workshop_new()
    response = join(Client(), workshop, display_name="  Mei Lin ")
    assert response.status_code == 302
    assert Trainee.objects.get(workshop=workshop).display_name == "Mei Lin"


def test_joining_without_a_name_is_allowed():
    """The name is optional: no name, a seat all the same."""
    workshop = workshop_new()
    assert join(Client(), workshop).status_code == 302
    assert Trainee.objects.get(workshop=workshop).display_name == ""


@pytest.mark.parametrize(
    "name, words",
    [
        ("Mei\u202eLin", "bidirectional control characters"),
        ("Mei\x1bLin", "control characters"),
        ("https://evil.example", "cannot start with http"),
        ("x" * 41, "at most 40 characters"),
    ],
)
def test_join_refuses_a_name_against_the_names_rule(name, words):
    """Control and bidi characters, URLs and over-long names are refused beside the field; no seat."""
    workshop = workshop_new()
    response = join(Client(), workshop, display_name=name)
    assert response.status_code == 400
    assert words in response.content.decode()
    assert not Trainee.objects.exists()


def test_join_service_refuses_a_name_with_a_bidi_control():
    """The service holds the rule too, keyed on the display_name field."""
    with pytest.raises(Exception) as caught:
        workshop_services.workshop_join(workshop_id=workshop_new().pk, ip_address=None, display_name="a\u2066b")
    assert "display_name" in caught.value.error_dict


def test_board_shows_the_trainee_by_name_beside_the_sandbox(client):
    """The facilitator's board shows the name, with the sandbox id beside it."""
    owner = facilitator()
    workshop = workshop_new(owner)
    trainee = trainee_join(workshop, display_name="Mei Lin")
    client.force_login(owner)
    row = client.get(f"/workshops/{workshop.pk}/").content.decode().split(f'data-trainee="{trainee.username}"')[1]
    assert '<span class="trainee-name">Mei Lin</span>' in row.split("</th>")[0]
    assert trainee.username in row.split("</th>")[0]


def test_trainee_names_are_not_shown_to_other_trainees():
    """Another trainee's pages never show a trainee's name."""
    workshop = workshop_new()
    trainee_join(workshop, display_name="Mei Lin")
    other = Client()
    join(other, workshop, display_name="Someone else")
    for path in ("/how-to-buy/", "/cen/instances/", f"/w/{workshop.code}/", "/cen/tickets/"):
        assert "Mei Lin" not in other.get(path, follow=True).content.decode()


# The ended page ------------------------------------------------------------------------------------


def test_trainee_session_opens_the_ended_page_after_end_workshop():
    """A trainee's next request after End workshop goes to "This workshop has ended", not sign-in."""
    workshop = workshop_new(title="Partner enablement")
    trainee = Client()
    join(trainee, workshop)
    workshop_services.workshop_end(workshop=workshop)
    response = trainee.get("/cen/instances/")
    assert response.status_code == 302 and response.url == f"/w/{workshop.code}/ended/"
    page = trainee.get(response.url).content.decode()
    assert "This workshop has ended" in page and "Partner enablement" in page


def test_ended_page_is_shown_once_then_the_session_is_a_visitor():
    """The session forgets the workshop: the request after the ended page is an ordinary visitor's."""
    workshop = workshop_new()
    trainee = Client()
    join(trainee, workshop)
    workshop_services.workshop_end(workshop=workshop)
    trainee.get("/cen/instances/")
    response = trainee.get("/cen/instances/")
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")


def test_htmx_request_after_end_workshop_redirects_with_hx_redirect():
    """An htmx request from the ended trainee's page is told to open the ended page."""
    workshop = workshop_new()
    trainee = Client()
    join(trainee, workshop)
    workshop_services.workshop_end(workshop=workshop)
    response = trainee.get("/cen/instances/", headers={"HX-Request": "true"})
    assert response.headers["HX-Redirect"] == f"/w/{workshop.code}/ended/"


def test_ended_page_of_an_open_workshop_sends_to_the_join_link():
    """A workshop still open has no ended page: its address leads to Join workshop."""
    workshop = workshop_new()
    response = Client().get(f"/w/{workshop.code}/ended/")
    assert response.status_code == 302 and response.url == f"/w/{workshop.code}/"


def test_signed_in_trainee_of_an_open_workshop_is_not_sent_away():
    """While the workshop runs, the trainee's pages open as ever."""
    workshop = workshop_new()
    trainee = Client()
    join(trainee, workshop)
    assert trainee.get("/cen/instances/").status_code == 200


# The projector page --------------------------------------------------------------------------------


def test_projector_page_has_title_qr_and_link_and_no_chrome(client):
    """Show the join link large: the title, the QR code and the link; no top bar, navigation or balance."""
    owner = facilitator()
    workshop = workshop_new(owner, title="Partner enablement")
    client.force_login(owner)
    page = client.get(f"/workshops/{workshop.pk}/link/").content.decode()
    assert "Join Partner enablement" in page and "<svg" in page
    assert f"/w/{workshop.code}/</a>" in page
    for chrome in ('class="topbar', 'class="sidenav', 'id="balance"', "account-menu"):
        assert chrome not in page
