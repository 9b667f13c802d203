"""The optional throttle (API_RATE_PER_SECOND, off by default): past that many requests an account makes
in one second, the API answers Throttling.User, as the real API does under flow control; the next second
counts afresh, and other accounts are not counted with it."""

import pytest
import time_machine

from cenconsole.api import services as api_services
from cenconsole.api.models import RequestCount
from cenconsole.core import clock
from tests.api.conftest import api_call, common_parameters, sdk_sign
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def one_second():
    """Real time held within one second (the throttle counts real seconds)."""
    with time_machine.travel(clock.real_now().replace(microsecond=0), tick=False) as traveller:
        yield traveller


def test_with_no_limit_every_request_is_answered(client, access_key, settings, one_second):
    """The default, 0: no request is refused, and nothing is counted."""
    settings.API_RATE_PER_SECOND = 0
    answers = [api_call(client, "DescribeCens") for _ in range(5)]
    assert {answer.status for answer in answers} == {200}
    assert not RequestCount.objects.exists()


def test_a_request_past_the_limit_in_one_second_is_throttled(client, access_key, settings, one_second):
    """With a limit of 2, the third request in the same second answers Throttling.User (400)."""
    settings.API_RATE_PER_SECOND = 2
    answers = [api_call(client, "DescribeCens") for _ in range(3)]
    assert [answer.status for answer in answers] == [200, 200, 400]
    assert answers[2].code == "Throttling.User"
    assert answers[2].body["Message"] == "Request was denied due to user flow control."


def test_the_next_second_counts_afresh(client, access_key, settings, one_second):
    """After a throttled second, the next second's requests are answered again."""
    settings.API_RATE_PER_SECOND = 1
    api_call(client, "DescribeCens")
    assert api_call(client, "DescribeCens").code == "Throttling.User"
    one_second.shift(1)
    assert api_call(client, "DescribeCens").status == 200


def test_accounts_are_counted_apart(settings, one_second):
    """One account's requests do not use another's allowance."""
    settings.API_RATE_PER_SECOND = 1
    first, second = UserFactory(), UserFactory()
    assert api_services.request_counted(owner=first)
    assert not api_services.request_counted(owner=first)
    assert api_services.request_counted(owner=second)


def test_counts_older_than_a_minute_are_pruned(settings, one_second):
    """A new second's first request prunes the account's counts of more than a minute ago."""
    settings.API_RATE_PER_SECOND = 5
    owner = UserFactory()
    api_services.request_counted(owner=owner)
    one_second.shift(61)
    api_services.request_counted(owner=owner)
    assert RequestCount.objects.filter(owner=owner).count() == 1


def test_a_request_with_a_bad_signature_is_not_counted(client, access_key, settings, one_second):
    """Only authenticated requests count against the account: a forged one is refused for its signature."""
    settings.API_RATE_PER_SECOND = 1
    client.post("/", sdk_sign("POST", common_parameters("DescribeCens"), secret="not-the-secret-0000"))
    assert api_call(client, "DescribeCens").status == 200
