import re
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from tests.factories import balance_set

pytestmark = pytest.mark.django_db

SIGNUP_URL = "/accounts/signup/"
LOGIN_URL = "/accounts/login/"
LOGOUT_URL = "/accounts/logout/"
INSTANCES_URL = "/cen/instances/"
NEW_ACCOUNT = {
    "username": "newcomer",
    "email": "newcomer@example.com",
    "password1": "a-long-passphrase-42",
    "password2": "a-long-passphrase-42",
}


def balance_shown(html):
    return re.search(r'<strong id="balance">([^<]+)</strong>', html).group(1)


def test_login_page_links_to_sign_up(client):
    """The login page has a Sign up link."""
    assert f'<a href="{SIGNUP_URL}">Sign up</a>' in client.get(LOGIN_URL).text


@pytest.mark.parametrize(
    ("field_id", "label"),
    [("id_username", "Username"), ("id_password1", "Password"), ("id_password2", "Password confirmation")],
)
def test_sign_up_asks_for_username_password_and_confirmation(client, field_id, label):
    """The sign-up form has Username, Password and Password confirmation fields."""
    assert re.search(rf'<label\s+for="{field_id}"[^>]*>\s*{label}\s*</label>', client.get(SIGNUP_URL).text)


def test_sign_up_creates_an_account_with_10000_usd_of_credit(client):
    """A new account starts with USD 10,000 of demo credit."""
    client.post(SIGNUP_URL, NEW_ACCOUNT)
    assert get_user_model().objects.get(username="newcomer").balance == Decimal("10000.00")


def test_sign_up_signs_in_and_shows_the_balance_in_the_top_bar(client):
    """After signing up the person lands on Instances, signed in, with USD 10,000.00 in the top bar."""
    response = client.post(SIGNUP_URL, NEW_ACCOUNT, follow=True)
    assert response.redirect_chain == [(INSTANCES_URL, 302)]
    assert response.context["user"].username == "newcomer"
    assert balance_shown(response.text) == "USD 10,000.00"


def test_sign_up_with_mismatched_passwords_is_refused(client):
    """Different password and confirmation re-render the form with an error and create no account."""
    response = client.post(SIGNUP_URL, {**NEW_ACCOUNT, "password2": "something-else-42"})
    assert response.status_code == 200
    assert "The two password fields didn’t match." in response.text
    assert not get_user_model().objects.filter(username="newcomer").exists()


def test_sign_up_with_a_taken_username_is_refused(client, user):
    """A username already in use is refused."""
    response = client.post(SIGNUP_URL, {**NEW_ACCOUNT, "username": user.username})
    assert response.status_code == 200
    assert "A user with that username already exists." in response.text
    assert get_user_model().objects.count() == 1


def test_signed_in_person_visiting_sign_up_goes_to_instances(client_user):
    """A signed-in person opening the sign-up page is sent to the Instances page."""
    response = client_user.get(SIGNUP_URL)
    assert response["Location"] == INSTANCES_URL


def test_top_bar_shows_the_current_balance(client_user, user):
    """The top bar shows the account's balance as it is now."""
    balance_set(user, Decimal("1234.5"))
    assert balance_shown(client_user.get(INSTANCES_URL).text) == "USD 1,234.50"


def test_login_with_the_right_password_lands_on_instances(client, user, user_password):
    """Signing in with the right password leads to the Instances page."""
    response = client.post(LOGIN_URL, {"username": user.username, "password": user_password})
    assert client.get(response["Location"])["Location"] == INSTANCES_URL  # by way of the role landing
    assert client.get(INSTANCES_URL).status_code == 200


def test_login_returns_to_the_page_asked_for(client, user, user_password):
    """Signing in from a redirect returns to the page that needed it."""
    response = client.post(LOGIN_URL, {"username": user.username, "password": user_password, "next": "/cen/orders/"})
    assert response["Location"] == "/cen/orders/"


def test_login_with_a_wrong_password_is_refused(client, user):
    """A wrong password re-renders the login page with an error and signs nobody in."""
    response = client.post(LOGIN_URL, {"username": user.username, "password": "wrong"})
    assert response.status_code == 200
    assert "Please enter a correct username and password." in response.text
    assert client.get(INSTANCES_URL).status_code == 302


def test_logout_signs_out_and_returns_to_login(client_user):
    """Sign out (a POST) ends the session and returns to the login page."""
    response = client_user.post(LOGOUT_URL)
    assert response["Location"] == LOGIN_URL
    assert client_user.get(INSTANCES_URL)["Location"].startswith(LOGIN_URL)


def test_top_bar_has_a_sign_out_button(client_user):
    """Signed-in pages offer Sign out as a POST form."""
    content = client_user.get(INSTANCES_URL).text
    assert re.search(rf'<form method="post" action="{LOGOUT_URL}".*?>Sign out</button>', content, re.S)


def test_sign_up_asks_for_an_email(client):
    """Sign up has an Email field, required, and keeps the address."""
    from cenconsole.accounts.models import User

    page = client.get(SIGNUP_URL).content.decode()
    assert 'for="id_email"' in page and "Email" in page
    response = client.post(SIGNUP_URL, {**NEW_ACCOUNT, "email": ""})
    assert response.status_code == 200 and not User.objects.filter(username="newcomer").exists()
    client.post(SIGNUP_URL, NEW_ACCOUNT)
    assert User.objects.get(username="newcomer").email == NEW_ACCOUNT["email"]


def test_change_email_page_changes_the_address(client_user, user):
    """Change email (linked from the Account page, which the top bar links) saves a new address."""
    assert 'href="/account/"' in client_user.get("/cen/instances/").content.decode()
    assert 'href="/account/email/"' in client_user.get("/account/").content.decode()
    response = client_user.post("/account/email/", {"email": "new@example.com"}, follow=True)
    assert "Your email address was changed." in response.content.decode()
    user.refresh_from_db()
    assert user.email == "new@example.com"


def test_change_email_refuses_an_invalid_address(client_user, user):
    """An invalid address is shown as an error and not saved."""
    response = client_user.post("/account/email/", {"email": "not-an-address"})
    assert response.status_code == 200 and "Enter a valid email address." in response.content.decode()
    user.refresh_from_db()
    assert user.email == ""
