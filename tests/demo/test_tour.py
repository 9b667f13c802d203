"""The How to buy page (Take the tour without JavaScript) and the tour's texts in every signed-in page."""

import pytest
from django.urls import reverse

from tests.factories import CenInstanceFactory

pytestmark = pytest.mark.django_db

HOW_TO_BUY = "/how-to-buy/"


def test_how_to_buy_redirects_anonymous_visitors_to_sign_in(client):
    """An anonymous visitor is sent to the login page, and back here after signing in."""
    response = client.get(HOW_TO_BUY)
    assert response.status_code == 302
    assert response.url == f"{reverse('login')}?next={HOW_TO_BUY}"


def test_how_to_buy_lists_the_four_steps_with_links_to_the_first_instance(client_user, user):
    """The seed's four steps and its parameter table, linking to the Instances page and to the
    Bandwidth Packages tab and purchase page of the Instances page's first CEN instance."""
    CenInstanceFactory(owner=user, name="older")
    instance = CenInstanceFactory(owner=user, name="newest")
    response = client_user.get(HOW_TO_BUY)
    assert response.status_code == 200
    page = response.content.decode()
    assert "How to buy a bandwidth package" in page
    for number in range(1, 5):
        assert f"Step {number} of 4" in page
    for text in [
        "Select the CEN instance for which you want to purchase a bandwidth package.",
        "Select one area to be interconnected.",
        "Select the other area to be interconnected.",
        "Set a bandwidth value for the bandwidth package.",
        "Enter a name for the bandwidth package.",
        "Select a validity period for the bandwidth package.",
        "You cannot delete the bandwidth package after you purchase it unless you open a ticket.",
    ]:
        assert text in page
    assert f'href="{reverse("cen:instance_list")}"' in page
    assert f'href="{reverse("bandwidth:cen_tab", args=[instance.pk])}"' in page
    assert f'href="{reverse("bandwidth:buy")}?cen_id={instance.pk}"' in page


def test_how_to_buy_without_an_instance_says_to_create_one(client_user):
    """With no CEN instance, steps 2 to 4 have no links and the page says to create an instance."""
    page = client_user.get(HOW_TO_BUY).content.decode()
    assert "You have no CEN instance yet." in page
    assert "Open the purchase page" not in page


def test_another_accounts_instance_is_never_linked(client_user, other_user):
    """The page links only the signed-in account's own instances."""
    other = CenInstanceFactory(owner=other_user)
    assert other.pk not in client_user.get(HOW_TO_BUY).content.decode()


def test_signed_in_pages_link_take_the_tour_to_how_to_buy(client_user, cen_instance):
    """The top bar links Take the tour to the How to buy page; the tour's stops are not on every page."""
    page = client_user.get(reverse("cen:instance_list")).content.decode()
    assert f'<a class="topbar-link" id="tour-link" href="{HOW_TO_BUY}">Take the tour</a>' in page
    assert 'data-tour="manage"' in page and '<template id="tour-steps"' not in page


def test_how_to_buy_holds_the_tours_stops_in_a_template(client_user):
    """The tour's stops and words are the How to buy page's <template> (never rendered nor run): the
    seed's four steps, the six parameters, the agreements, Buy Now and Pay, without inline script."""
    page = client_user.get(HOW_TO_BUY).content.decode()
    assert page.count('<template id="tour-steps"') == 1
    assert page.count("data-stop=") == 14 and page.count('data-action="click"') == 5
    assert page.count('data-action="agree"') == 2  # the cross-border agreement and the Terms of Service
    for number in range(1, 5):
        assert f"<h2>Step {number} of 4 · " in page
    assert "<script>" not in page
