import pytest
from django.urls import reverse

from cenconsole.accounts.models import SignInFailure
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"


def attempt(client, username, password="wrong", address="10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_five_failures_lock_the_username_even_with_the_right_password(client, user):
    """After 5 failures the right password is refused too, with the throttling message."""
    for _ in range(5):
        attempt(client, user.username)
    response = attempt(client, user.username, PASSWORD)
    assert response.status_code == 200
    assert "Too many failed sign-in attempts. Wait 15 minutes, then try again." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_fewer_failures_still_let_the_user_in(client, user):
    """Four failures do not lock: the right password signs in."""
    for _ in range(4):
        attempt(client, user.username)
    assert attempt(client, user.username, PASSWORD).url == reverse("signed_in")


def test_failures_with_random_usernames_do_not_lock_another_user_out(client, user):
    """Twenty failures with random usernames from one address leave a right password from it working."""
    for number in range(20):
        attempt(client, f"nobody{number}")
    assert attempt(client, user.username, PASSWORD).url == reverse("signed_in")


def test_failures_from_one_address_do_not_lock_the_user_at_another(client, user):
    """Five failures for a username from one address leave that user signing in from another address."""
    for _ in range(5):
        attempt(client, user.username)
    assert "Too many failed" in attempt(client, user.username, PASSWORD).content.decode()
    assert attempt(client, user.username, PASSWORD, address="10.0.0.9").url == reverse("signed_in")


def test_another_address_is_not_throttled_by_someone_elses_failures(client):
    """Failures from one address do not lock a different user at another address."""
    other = UserFactory()
    for number in range(20):
        attempt(client, f"nobody{number}")
    response = attempt(client, other.username, PASSWORD, address="10.0.0.2")
    assert response.status_code == 302


def test_failures_are_recorded_and_logged(client, user, caplog):
    """Each failure is stored and logged to cenconsole.security."""
    with caplog.at_level("WARNING", logger="cenconsole.security"):
        attempt(client, user.username)
    assert SignInFailure.objects.filter(username=user.username, ip_address="10.0.0.1").count() == 1
    assert "sign-in failed" in caplog.text and user.username in caplog.text


def test_behind_a_trusted_proxy_each_client_is_counted_apart(client, user, settings):
    """With TRUSTED_PROXIES, failures are counted for the forwarded client, not the proxy's address."""
    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]
    for _ in range(5):
        client.post(
            LOGIN,
            {"username": user.username, "password": "wrong"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR="198.51.100.7",
        )
    assert SignInFailure.objects.filter(ip_address="198.51.100.7").count() == 5
    response = client.post(
        LOGIN,
        {"username": user.username, "password": PASSWORD},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.8",
    )
    assert response.status_code == 302


def test_an_untrusted_peer_cannot_choose_its_address_with_x_forwarded_for(client, user):
    """Without TRUSTED_PROXIES a forged X-Forwarded-For is ignored: the failures count for the peer."""
    for number in range(5):
        client.post(
            LOGIN,
            {"username": user.username, "password": "wrong"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{number}",
        )
    assert "Too many failed" in attempt(client, user.username, PASSWORD).content.decode()


def test_twenty_random_usernames_do_not_lock_demo_out(client):
    """The finding: 20 failures with random usernames from an address, then demo/demo from it signs in."""
    from cenconsole.demo import services as demo

    demo.demo_ensure()
    for number in range(20):
        attempt(client, f"random-{number:04x}")
    assert attempt(client, "demo", "demo").url == reverse("signed_in")
