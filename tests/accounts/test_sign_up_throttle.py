"""Sign-up is throttled per address like sandboxes: counted in the database, across app servers."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.test import Client, override_settings

from cenconsole import settings as settings_module
from cenconsole.accounts import services
from cenconsole.accounts.forms import SignUpForm
from cenconsole.core import clock
from tests.concurrency import at_once
from tests.conftest import requires_postgres

SIGNUP_URL = "/accounts/signup/"
User = get_user_model()


def sign_up(client, number, address="192.0.2.10", **extra):
    return client.post(
        SIGNUP_URL,
        {
            "username": f"new{number}",
            "email": f"new{number}@example.com",
            "password1": "a-long-passphrase-42",
            "password2": "a-long-passphrase-42",
        },
        REMOTE_ADDR=address,
        **extra,
    )


@pytest.mark.django_db
@override_settings(SIGN_UPS_PER_ADDRESS=3)
def test_an_address_gets_its_sign_ups_then_a_clear_refusal(client):
    """The fourth sign-up from one address within the hour is refused on the page (429), making nothing."""
    for number in range(3):
        assert sign_up(Client(), number).status_code == 302
    refused = sign_up(Client(), 3)
    assert refused.status_code == 429
    assert "Too many accounts were made from your address in the last hour." in refused.content.decode()
    assert not User.objects.filter(username="new3").exists()


@pytest.mark.django_db
@override_settings(SIGN_UPS_PER_ADDRESS=1)
def test_another_address_still_signs_up(client):
    """One address's sign-ups do not count against another's."""
    assert sign_up(Client(), 1).status_code == 302
    assert sign_up(Client(), 2).status_code == 429
    assert sign_up(Client(), 3, address="192.0.2.11").status_code == 302


@pytest.mark.django_db
@override_settings(SIGN_UPS_PER_ADDRESS=1)
def test_the_sign_up_window_is_real_time_and_passes(client, time_machine):
    """After an hour of real time the address may sign up again."""
    time_machine.move_to(clock.real_now(), tick=False)
    assert sign_up(Client(), 1).status_code == 302
    assert sign_up(Client(), 2).status_code == 429
    time_machine.shift(timedelta(minutes=61))
    assert sign_up(Client(), 3).status_code == 302


@pytest.mark.django_db
@override_settings(SIGN_UPS_PER_ADDRESS=1, TRUSTED_PROXIES=["10.0.0.0/8"])
def test_behind_a_trusted_proxy_sign_ups_count_per_client():
    """Behind TRUSTED_PROXIES two clients of one proxy each get their own sign-ups."""
    assert sign_up(Client(), 1, address="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 302
    assert sign_up(Client(), 2, address="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 302
    assert sign_up(Client(), 3, address="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 429


@pytest.mark.django_db
@override_settings(SIGN_UPS_PER_ADDRESS=1, SIGN_UP_NETWORKS={"10.1.0.0/16": 30, "10.1.7.0/24": 2})
def test_a_classroom_network_gets_its_own_sign_up_limit():
    """An address in SIGN_UP_NETWORKS signs up that network's number an hour (the most specific network
    decides); then it is refused like any other, and addresses outside keep SIGN_UPS_PER_ADDRESS."""
    for number in range(30):
        assert sign_up(Client(), number, address="10.1.0.9").status_code == 302
    assert sign_up(Client(), 30, address="10.1.0.9").status_code == 429
    assert [sign_up(Client(), 40 + number, address="10.1.7.9").status_code for number in range(3)] == [302, 302, 429]
    assert [sign_up(Client(), 50 + number, address="192.0.2.10").status_code for number in range(2)] == [302, 429]


def test_sign_up_networks_are_read_as_network_and_limit():
    """SIGN_UP_NETWORKS is `network:limit` comma separated (IPv6 too); anything else stops the start-up."""
    assert settings_module._sign_up_networks("10.1.0.0/16:100, 192.0.2.7:40,2001:db8::/32:7") == {
        "10.1.0.0/16": 100,
        "192.0.2.7/32": 40,
        "2001:db8::/32": 7,
    }
    for wrong in ("10.1.0.0/16", "10.1.0.0/16:many", "classroom:100", "10.1.0.0/16:-1"):
        with pytest.raises(ImproperlyConfigured):
            settings_module._sign_up_networks(wrong)


@requires_postgres
@pytest.mark.django_db(transaction=True)
@override_settings(SIGN_UPS_PER_ADDRESS=5)
def test_simultaneous_sign_ups_from_one_address_stay_within_the_limit():
    """Fifteen sign-ups at the same moment from one address make at most SIGN_UPS_PER_ADDRESS accounts."""

    def one(number):
        form = SignUpForm(
            {
                "username": f"racer{number}",
                "email": f"r{number}@example.com",
                "password1": "a-long-passphrase-42",
                "password2": "a-long-passphrase-42",
            }
        )
        assert form.is_valid(), form.errors
        return lambda: services.user_sign_up(form=form, ip_address="192.0.2.99")

    at_once(*[one(number) for number in range(15)])
    assert User.objects.filter(username__startswith="racer").count() == 5
