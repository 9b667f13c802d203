"""ClientToken on a create: the same token asking the same answers the first resource's ID and makes no
second; the same token asking something else is refused IdempotentParameterMismatch, as the real API
does, and makes nothing."""

import pytest

from cenconsole.cen.models import CenInstance
from cenconsole.transit.models import TransitRouter
from tests.api.conftest import api_call

pytestmark = pytest.mark.django_db


def test_a_retry_asking_the_same_answers_the_same_cen(client, access_key):
    """CreateCen twice with one token and the same parameters: one instance, the same CenId."""
    first = api_call(client, "CreateCen", Name="net", ClientToken="token-1")
    again = api_call(client, "CreateCen", Name="net", ClientToken="token-1")
    assert again.body["CenId"] == first.body["CenId"]
    assert CenInstance.objects.count() == 1


def test_the_same_token_asking_something_else_is_refused_and_makes_nothing(client, access_key):
    """CreateCen with the first token and another Name: IdempotentParameterMismatch, no second instance."""
    api_call(client, "CreateCen", Name="net", ClientToken="token-1")
    refused = api_call(client, "CreateCen", Name="other", ClientToken="token-1")
    assert (refused.status, refused.code) == (400, "IdempotentParameterMismatch")
    assert CenInstance.objects.count() == 1


def test_a_retry_signed_anew_is_still_the_same_request(client, access_key):
    """Each call is signed anew (its own SignatureNonce and Timestamp): those do not count as asking
    something else."""
    first = api_call(client, "CreateCen", Name="net", ClientToken="token-1", SignatureNonce="nonce-first")
    again = api_call(client, "CreateCen", Name="net", ClientToken="token-1", SignatureNonce="nonce-again")
    assert again.status == 200 and again.body["CenId"] == first.body["CenId"]


def test_a_transit_router_retry_with_other_parameters_is_refused(client, access_key, cen_instance):
    """CreateTransitRouter: the same token for another region is a mismatch, and no second router is made."""
    api_call(client, "CreateTransitRouter", CenId=cen_instance.pk, RegionId="cn-hangzhou", ClientToken="tr-1")
    refused = api_call(client, "CreateTransitRouter", CenId=cen_instance.pk, RegionId="us-east-1", ClientToken="tr-1")
    assert refused.code == "IdempotentParameterMismatch"
    assert TransitRouter.objects.count() == 1
