"""Sessions end when the user says so: Sign out, Sign out everywhere and a password change, checked by
replaying a copied session cookie from a second client, as someone who copied it would."""

import re
from datetime import timedelta
from importlib import import_module

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.test import Client
from django.utils import timezone

from cenconsole.accounts import services
from cenconsole.accounts.views import PASSWORD_CHANGED, SIGNED_OUT_EVERYWHERE
from cenconsole.api.models import AccessKey
from cenconsole.cen.models import CenInstance

pytestmark = pytest.mark.django_db

LOGIN_URL = "/accounts/login/"
LOGOUT_URL = "/accounts/logout/"
ACCOUNT_URL = "/account/"
SIGN_OUT_EVERYWHERE_URL = "/account/sign-out-everywhere/"
INSTANCES_URL = "/cen/instances/"
NEW_PASSWORD = "a-brand-new-passphrase-77"


def signed_in(user, password):
    """A browser signed in through the login page."""
    browser = Client()
    assert browser.post(LOGIN_URL, {"username": user.username, "password": password}).status_code == 302
    return browser


def copy_of(browser):
    """Another client holding a copy of the browser's session cookie."""
    thief = Client()
    thief.cookies[settings.SESSION_COOKIE_NAME] = browser.cookies[settings.SESSION_COOKIE_NAME].value
    return thief


def is_signed_in(client):
    return client.get(INSTANCES_URL).status_code == 200


@pytest.fixture
def browser(user, user_password):
    return signed_in(user, user_password)


# Sign out ---------------------------------------------------------------------------------------------


def test_copied_cookie_works_while_its_session_is_signed_in(browser):
    """A copied cookie opens the console while its session lasts (the premise of the tests below)."""
    assert is_signed_in(copy_of(browser))


def test_copied_cookie_is_refused_after_sign_out(browser):
    """After Sign out, a copy of the session's cookie opens no page: it is sent to sign in."""
    thief = copy_of(browser)
    browser.post(LOGOUT_URL)
    response = thief.get(INSTANCES_URL)
    assert response.status_code == 302 and response["Location"].startswith(LOGIN_URL)


def test_copied_cookie_cannot_create_a_cen_instance_after_sign_out(browser, user):
    """After Sign out, a copied cookie's Create CEN Instance creates nothing."""
    thief = copy_of(browser)
    browser.post(LOGOUT_URL)
    thief.get(LOGIN_URL)  # a CSRF cookie of its own, so only the session decides
    thief.post("/cen/instances/create/", {"name": "stolen", "description": ""})
    assert not CenInstance.objects.filter(owner=user).exists()


def test_copied_cookie_cannot_create_an_access_key_after_sign_out(browser, user):
    """After Sign out, a copied cookie's Create AccessKey creates nothing."""
    thief = copy_of(browser)
    browser.post(LOGOUT_URL)
    thief.post("/accounts/access-keys/create/")
    assert not AccessKey.objects.filter(owner=user).exists()


def test_sign_out_leaves_the_accounts_other_sessions_signed_in(browser, user, user_password):
    """Signing out in one browser keeps the account's other sessions signed in."""
    other_browser = signed_in(user, user_password)
    browser.post(LOGOUT_URL)
    assert is_signed_in(other_browser)


def test_signing_in_again_after_sign_out_works(browser, user, user_password):
    """The same person signs in again after Sign out, with a new session."""
    browser.post(LOGOUT_URL)
    assert is_signed_in(signed_in(user, user_password))


# Sign out everywhere ----------------------------------------------------------------------------------


def test_copied_cookie_is_refused_after_sign_out_everywhere(browser):
    """After Sign out everywhere, a copy of this session's cookie opens no page."""
    thief = copy_of(browser)
    browser.post(SIGN_OUT_EVERYWHERE_URL)
    assert not is_signed_in(thief)


def test_sign_out_everywhere_ends_the_accounts_other_sessions(browser, user, user_password):
    """Sign out everywhere ends every other session of the account too."""
    other_browser = signed_in(user, user_password)
    browser.post(SIGN_OUT_EVERYWHERE_URL)
    assert not is_signed_in(other_browser)


def test_sign_out_everywhere_leaves_other_accounts_signed_in(browser, other_user, user_password):
    """Sign out everywhere ends only the account's own sessions."""
    someone_else = signed_in(other_user, user_password)
    browser.post(SIGN_OUT_EVERYWHERE_URL)
    assert is_signed_in(someone_else)


def test_sign_out_everywhere_returns_to_sign_in_and_says_so(browser):
    """Sign out everywhere lands on the login page with a message saying every session ended."""
    response = browser.post(SIGN_OUT_EVERYWHERE_URL, follow=True)
    assert response.redirect_chain == [(LOGIN_URL, 302)]
    assert str(SIGNED_OUT_EVERYWHERE) in response.text


def test_sign_out_everywhere_needs_a_post(browser):
    """Opening Sign out everywhere's URL (a GET) ends nothing."""
    assert browser.get(SIGN_OUT_EVERYWHERE_URL).status_code == 405
    assert is_signed_in(browser)


# Password change --------------------------------------------------------------------------------------


def change_password(browser, old_password, new_password=NEW_PASSWORD):
    form = {"old_password": old_password, "new_password1": new_password, "new_password2": new_password}
    return browser.post(ACCOUNT_URL, form)


def test_password_change_keeps_this_session_signed_in(browser, user_password):
    """The session that changes the password stays signed in."""
    change_password(browser, user_password)
    assert is_signed_in(browser)


def test_password_change_ends_the_other_sessions(browser, user, user_password):
    """Changing the password ends the account's other sessions."""
    other_browser = signed_in(user, user_password)
    change_password(browser, user_password)
    assert not is_signed_in(other_browser)


def test_password_change_sets_the_new_password(browser, user, user_password):
    """After the change the new password signs in and the old one does not."""
    change_password(browser, user_password)
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD) and not user.check_password(user_password)


def test_password_change_says_so(browser, user_password):
    """A changed password returns to Account with a message."""
    response = browser.post(
        ACCOUNT_URL,
        {"old_password": user_password, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )
    assert response.redirect_chain == [(ACCOUNT_URL, 302)]
    assert str(PASSWORD_CHANGED) in response.text


def test_password_change_with_a_wrong_current_password_is_refused(browser, user, user_password):
    """A wrong current password re-renders the form with an error and changes nothing."""
    other_browser = signed_in(user, user_password)
    response = change_password(browser, "not-the-password")
    assert response.status_code == 200
    assert "Your old password was entered incorrectly." in response.text
    assert is_signed_in(other_browser)


# The Account page -------------------------------------------------------------------------------------


def test_top_bar_links_to_account(browser):
    """Every console page's top bar has an Account link, in its Account menu."""
    content = browser.get(INSTANCES_URL).text
    menu = re.search(r'<details class="topbar-menu" id="account-menu">.*?</details>', content, re.S).group(0)
    assert f'<a class="topbar-menu-item" href="{ACCOUNT_URL}">Account</a>' in menu


def test_account_page_links_to_access_key_management(browser):
    """The Account page links AccessKey Management."""
    assert '<a href="/accounts/access-keys/">AccessKey Management</a>' in browser.get(ACCOUNT_URL).text


def test_account_page_offers_sign_out_everywhere_as_a_post_form(browser):
    """Sign out everywhere is a button in a POST form (works with JavaScript off)."""
    content = browser.get(ACCOUNT_URL).text
    assert f'<form method="post" action="{SIGN_OUT_EVERYWHERE_URL}">' in content
    assert "Sign out everywhere</button>" in content


# The sign-out list ------------------------------------------------------------------------------------


def test_sign_outs_are_forgotten_once_their_cookies_have_expired(user):
    """A sign-out older than the session lifetime is dropped from the account row at the next sign-out."""
    long_ago = timezone.now() - timedelta(seconds=settings.SESSION_COOKIE_AGE + 60)
    services.session_end(user=user, session_id="old", now=long_ago)
    services.session_end(user=user, session_id="new")
    assert set(get_user_model().objects.get(pk=user.pk).signed_out_sessions) == {"new"}


def test_too_many_sign_outs_end_every_session_instead(browser, user):
    """Past MAX_SIGNED_OUT_SESSIONS sign-outs, the next one ends every session and empties the list."""
    for number in range(services.MAX_SIGNED_OUT_SESSIONS + 1):
        services.session_end(user=user, session_id=f"session-{number}")
    assert get_user_model().objects.get(pk=user.pk).signed_out_sessions == {}
    assert not is_signed_in(browser)


def test_a_session_signed_in_before_session_ids_is_refused(user):
    """A session cookie made before sessions had ids (so Sign out could not end it) opens nothing."""
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session.update(
        {
            SESSION_KEY: str(user.pk),
            BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend",
            HASH_SESSION_KEY: user.get_session_auth_hash(),
        }
    )
    session.save()
    old_browser = Client()
    old_browser.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    assert not is_signed_in(old_browser)


def test_a_session_signed_in_with_model_backend_stays_signed_in(user):
    """A session signed in before AccountBackend (it names Django's ModelBackend) still opens the console."""
    browser = Client()
    browser.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    assert is_signed_in(browser)
    assert is_signed_in(browser)
