"""Two app servers receiving the same request at the same moment: threads with their own database
connections, released together. PostgreSQL only (SQLite serialises whole transactions)."""

from datetime import UTC, datetime

import pytest

from cenconsole.api import errors, protocol
from cenconsole.api import services as api_services
from cenconsole.api.models import SignatureNonce
from cenconsole.cen import services as cen_services
from cenconsole.cen.models import CenInstance
from tests.api.conftest import common_parameters, sdk_sign
from tests.concurrency import at_once
from tests.conftest import requires_postgres

pytestmark = [
    requires_postgres,
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
]


def test_the_same_signed_request_twice_at_once_is_served_once(access_key):
    """A replay racing the original: one is authenticated, the other is SignatureNonceUsed."""
    now = datetime.now(UTC)
    signed = sdk_sign("POST", common_parameters("DescribeCens", Timestamp=now.strftime("%Y-%m-%dT%H:%M:%SZ")))
    outcomes = at_once(*[lambda: protocol.authenticate("POST", dict(signed))] * 2)
    refused = [outcome for outcome in outcomes if isinstance(outcome, errors.ApiError)]
    assert refused == [errors.NONCE_USED]
    assert SignatureNonce.objects.count() == 1


def test_the_same_client_token_twice_at_once_creates_one_instance(user):
    """Two CreateCen calls with one ClientToken at once: one CEN instance, both answered with its ID."""

    def create_cen():
        return api_services.client_token_once(
            owner=user,
            action="CreateCen",
            token="race",
            create=lambda: cen_services.cen_instance_create(owner=user, name="raced").pk,
            fingerprint="same",
        )

    first, second = at_once(create_cen, create_cen)
    assert first == second
    assert CenInstance.objects.filter(owner=user).count() == 1
