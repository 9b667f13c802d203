"""Issue 27: the signature checks a mutation sample found untested (a deactivated account's correctly
signed request; V3's algorithm name), and V3's canonical query string encoding parameter names."""

import json

import pytest

from cenconsole.api import signature_v3
from cenconsole.cen.models import CenInstance
from tests.api.conftest import api_call, v3_headers, v3_send

pytestmark = pytest.mark.django_db

PAGE = {"PageNumber": "1", "PageSize": "1"}
ONE_STRANGE_NAME = {"PageNumber=1&PageSize": "1"}


def code_of(response) -> tuple[int, str]:
    return response.status_code, json.loads(response.content)["Code"]


def deactivate(user):
    user.is_active = False
    user.save(update_fields=["is_active"])


def test_v1_request_from_a_deactivated_account_is_refused(client, access_key, user):
    """A correctly V1-signed request with an active key of a deactivated account: Inactive, nothing made."""
    deactivate(user)
    answer = api_call(client, "CreateCen", Name="after deactivation")
    assert (answer.status, answer.code) == (400, "InvalidAccessKeyId.Inactive")
    assert not CenInstance.objects.exists()


def test_v3_request_from_a_deactivated_account_is_refused(client, access_key, user):
    """A correctly V3-signed request with an active key of a deactivated account: Inactive, nothing made."""
    deactivate(user)
    response = v3_send(client, "POST", {"Name": "after deactivation"}, action="CreateCen")
    assert code_of(response) == (400, "InvalidAccessKeyId.Inactive")
    assert not CenInstance.objects.exists()


@pytest.mark.parametrize("algorithm", ["ACS3-HMAC-SM3", "ACS3-RSA-SHA256", "acs3-hmac-sha256", "ACS3-HMAC-SHA256X"])
def test_v3_algorithm_name_is_checked_exactly(client, access_key, algorithm):
    """An Authorization naming another algorithm, with an HMAC-SHA256 signature that would verify,
    is InvalidSignatureMethod: the name is checked exactly, not only the signature."""
    headers = v3_headers("POST", {"Name": "sm3"}, action="CreateCen")
    assert headers["Authorization"].startswith("ACS3-HMAC-SHA256 ")
    headers["Authorization"] = algorithm + headers["Authorization"].removeprefix("ACS3-HMAC-SHA256")
    response = v3_send(client, "POST", {"Name": "sm3"}, headers=headers)
    assert code_of(response) == (400, "InvalidSignatureMethod")
    assert not CenInstance.objects.exists()


def test_v3_canonical_query_encodes_parameter_names():
    """Two parameters and one parameter whose name holds = and & no longer canonicalise alike."""
    assert signature_v3.canonical_query_string(PAGE) == "PageNumber=1&PageSize=1"
    assert signature_v3.canonical_query_string(ONE_STRANGE_NAME) == "PageNumber%3D1%26PageSize=1"


def test_v3_canonical_query_sorts_by_encoded_name():
    """Names are sorted after encoding (as the reference signer does): %-escapes sort before letters."""
    assert signature_v3.canonical_query_string({"a b": "1", "a.b": "2", "ab": "3"}) == "a%20b=1&a.b=2&ab=3"


def test_v3_signature_of_two_parameters_does_not_verify_one_strange_name(client, access_key):
    """The SDK's signature for PageNumber=1&PageSize=1 is refused on a request whose query is one
    parameter named "PageNumber=1&PageSize" with the value 1."""
    headers = v3_headers("GET", PAGE, action="DescribeCens")
    assert v3_send(client, "GET", PAGE, headers=headers).status_code == 200  # the SDK's own request verifies
    headers = v3_headers("GET", PAGE, action="DescribeCens")
    response = v3_send(client, "GET", ONE_STRANGE_NAME, headers=headers)
    assert code_of(response) == (400, "SignatureDoesNotMatch")


def test_v3_signed_header_that_is_not_sent_counts_as_empty(client, access_key):
    """A header signed with an empty value and dropped on the way (as proxies drop empty headers) is read as
    empty: the request verifies, where a missing header once crashed the canonicalisation or mismatched."""
    headers = v3_headers("GET", PAGE, action="DescribeCens", signed_extra={"x-acs-security-token": ""})
    assert "x-acs-security-token" in headers["Authorization"]
    del headers["x-acs-security-token"]
    assert v3_send(client, "GET", PAGE, headers=headers).status_code == 200
