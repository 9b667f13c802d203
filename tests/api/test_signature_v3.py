"""Signature V3 (ACS3-HMAC-SHA256): the server's computation against the SDK's own signer
(alibabacloud_tea_openapi), and the gateway's V3 refusals, over Django's test client."""

import hashlib
import json
import types
from datetime import UTC, datetime, timedelta

import pytest
from alibabacloud_tea_openapi.utils import Utils

from cenconsole.api import signature_v3
from cenconsole.cen.models import CenInstance
from tests.api.conftest import ACCESS_KEY_ID, ACCESS_KEY_SECRET, v3_headers, v3_send

pytestmark = pytest.mark.django_db

AWKWARD_QUERY = {
    "Name": "a name with spaces*and~tilde+plus/slash",
    "Description": "Mainland China ↔ North America: 100% ✓",
    "Tag.1.Key": "team",
    "Tag.1.Value": "=&?#",
    "Tag.2.Key": "Name",
    "Tag.2.Value": "x",
    "ClientToken": "",
}


def sdk_authorization(method, query, headers, body=b""):
    """The SDK's Authorization header for a request, and its canonical parts."""
    request = types.SimpleNamespace(method=method, pathname="/", query=query, headers=headers)
    return Utils.get_authorization(
        request, "ACS3-HMAC-SHA256", hashlib.sha256(body).hexdigest(), ACCESS_KEY_ID, ACCESS_KEY_SECRET
    )


def server_signature(method, query, headers, body=b""):
    authorization = signature_v3.parse_authorization(headers["Authorization"])
    canonical = signature_v3.canonical_request(
        method=method,
        path="/",
        query=query,
        headers={name.lower(): value for name, value in headers.items()},
        signed_headers=authorization.signed_headers,
        hashed_payload=signature_v3.payload_hash(body),
    )
    return signature_v3.sign(signature_v3.string_to_sign(canonical), ACCESS_KEY_SECRET)


def body(response) -> dict:
    return json.loads(response.content)


# Vectors: the SDK's signer computes, the server's code must agree -------------------------------------


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_the_servers_signature_is_the_sdks_for_awkward_query_values(method):
    """For spaces, *, ~, +, /, non-ASCII, & and = in the query, the server computes the SDK's signature."""
    headers = v3_headers(method, AWKWARD_QUERY, action="CreateCen")
    sdk = signature_v3.parse_authorization(headers["Authorization"])
    assert server_signature(method, AWKWARD_QUERY, headers) == sdk.signature


def test_the_servers_signature_is_the_sdks_for_a_form_body():
    """The body's SHA-256 is part of what is signed, as the SDK signs it."""
    form = b"Name=from%20the%20body&Tag.1.Key=k"
    headers = v3_headers("POST", {}, form, action="CreateCen", content_type="application/x-www-form-urlencoded")
    sdk = signature_v3.parse_authorization(headers["Authorization"])
    assert "content-type" in sdk.signed_headers
    assert server_signature("POST", {}, headers, form) == sdk.signature


def test_a_fixed_vector_from_the_sdks_signer():
    """A request fixed in every header: the SDK's Authorization, recomputed here, never changes."""
    headers = {
        "host": "cbn.aliyuncs.com",
        "x-acs-action": "DescribeCens",
        "x-acs-version": "2017-09-12",
        "x-acs-date": "2026-01-01T00:00:00Z",
        "x-acs-signature-nonce": "3156853299f313e23d1673dc12e1703d",
        "x-acs-content-sha256": hashlib.sha256(b"").hexdigest(),
    }
    query = {"PageSize": "10", "Name": "a b"}
    expected = sdk_authorization("POST", query, headers)
    assert expected.startswith(
        f"ACS3-HMAC-SHA256 Credential={ACCESS_KEY_ID},SignedHeaders=host;x-acs-action;x-acs-content-sha256;"
        "x-acs-date;x-acs-signature-nonce;x-acs-version,Signature="
    )
    assert server_signature("POST", query, {**headers, "Authorization": expected}) == expected.rsplit("=", 1)[1]


def test_the_wrong_secret_does_not_match():
    """A signature made with another secret does not verify."""
    headers = v3_headers("POST", {"Name": "x"}, action="CreateCen", secret="not-the-secret")
    authorization = signature_v3.parse_authorization(headers["Authorization"])
    assert server_signature("POST", {"Name": "x"}, headers) != authorization.signature


# Over the test client ---------------------------------------------------------------------------------


def test_query_parameters_are_accepted(client, access_key, user):
    """A V3 request with its parameters in the query (as the SDK sends them) runs the action."""
    response = v3_send(client, "POST", {"Name": "from the query"}, action="CreateCen")
    assert response.status_code == 200, response.content
    assert CenInstance.objects.get(pk=body(response)["CenId"]).name == "from the query"


def test_form_body_parameters_are_accepted(client, access_key, user):
    """A V3 request with its parameters in a form body runs the action with them."""
    response = v3_send(client, "POST", {}, {"Name": "from the body", "Tag.1.Key": "team"}, action="CreateCen")
    assert response.status_code == 200, response.content
    assert CenInstance.objects.get(pk=body(response)["CenId"]).name == "from the body"


def test_the_site_root_answers_v3_as_the_api(client, access_key):
    """A V3 request to / (where the SDK sends it) gets the API's JSON, never the console's sign-in page."""
    response = v3_send(client, "GET", {}, action="DescribeCens")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert body(response)["TotalCount"] == 0


def test_the_api_path_answers_v3_too(client, access_key):
    """/api/ takes V3 requests as well."""
    headers = v3_headers("GET", {}, action="DescribeCens", path="/api/")
    response = client.get("/api/", headers={k: v for k, v in headers.items() if k != "host"})
    assert response.status_code == 200, response.content


def test_a_wrong_secret_is_signature_does_not_match(client, access_key):
    """Signed with another secret: SignatureDoesNotMatch, 400, JSON with the server's string to sign."""
    response = v3_send(client, "POST", {}, action="DescribeCens", secret="not-the-secret")
    assert (response.status_code, body(response)["Code"]) == (400, "SignatureDoesNotMatch")
    assert "ACS3-HMAC-SHA256\n" in body(response)["Message"]


def test_a_replayed_nonce_is_refused(client, access_key):
    """The same signed request twice: the second is SignatureNonceUsed, 400, and changes nothing."""
    headers = v3_headers("POST", {"Name": "once"}, action="CreateCen")
    assert v3_send(client, "POST", {"Name": "once"}, headers=headers).status_code == 200
    replay = v3_send(client, "POST", {"Name": "once"}, headers=headers)
    assert (replay.status_code, body(replay)["Code"]) == (400, "SignatureNonceUsed")
    assert CenInstance.objects.filter(name="once").count() == 1


def test_a_changed_query_parameter_breaks_the_signature(client, access_key):
    """A parameter changed after signing: SignatureDoesNotMatch."""
    headers = v3_headers("POST", {"Name": "signed"}, action="CreateCen")
    response = v3_send(client, "POST", {"Name": "changed"}, headers=headers)
    assert (response.status_code, body(response)["Code"]) == (400, "SignatureDoesNotMatch")


def test_a_changed_body_is_refused(client, access_key):
    """A body that is not the one whose SHA-256 was signed: SignatureDoesNotMatch, and nothing is created."""
    form = b"Name=signed"
    headers = v3_headers("POST", {}, form, action="CreateCen", content_type="application/x-www-form-urlencoded")
    response = v3_send(client, "POST", {}, {"Name": "changed"}, headers=headers)
    assert (response.status_code, body(response)["Code"]) == (400, "SignatureDoesNotMatch")
    assert not CenInstance.objects.exists()


def test_a_changed_action_header_breaks_the_signature(client, access_key):
    """x-acs-action is signed: changing it after signing is refused."""
    headers = v3_headers("POST", {}, action="DescribeCens")
    response = v3_send(client, "POST", {}, headers={**headers, "x-acs-action": "CreateCen"})
    assert (response.status_code, body(response)["Code"]) == (400, "SignatureDoesNotMatch")


@pytest.mark.parametrize("minutes", [-16, 16])
def test_a_date_more_than_15_minutes_off_is_expired(client, access_key, minutes):
    """x-acs-date more than 15 minutes from the server's clock: InvalidTimeStamp.Expired."""
    date = (datetime.now(UTC) + timedelta(minutes=minutes)).strftime("%Y-%m-%dT%H:%M:%SZ")
    response = v3_send(client, "GET", {}, action="DescribeCens", date=date)
    assert (response.status_code, body(response)["Code"]) == (400, "InvalidTimeStamp.Expired")


def test_an_unknown_access_key_is_not_found(client, access_key):
    """A V3 request signed with an AccessKey the replica does not know: 404."""
    response = v3_send(client, "GET", {}, action="DescribeCens", access_key_id="LTAI5tNoSuchKey000000000")
    assert (response.status_code, body(response)["Code"]) == (404, "InvalidAccessKeyId.NotFound")


def test_an_unsigned_acs_header_is_refused(client, access_key):
    """Every x-acs-* header must be signed: one added after signing is IncompleteSignature."""
    headers = v3_headers("GET", {}, action="DescribeCens")
    response = v3_send(client, "GET", {}, headers={**headers, "x-acs-extra": "1"})
    assert (response.status_code, body(response)["Code"]) == (400, "IncompleteSignature")


def test_a_malformed_authorization_is_incomplete(client, access_key):
    """An Authorization header that is not Credential=,SignedHeaders=,Signature=: IncompleteSignature."""
    headers = v3_headers("GET", {}, action="DescribeCens")
    response = v3_send(client, "GET", {}, headers={**headers, "Authorization": "ACS3-HMAC-SHA256 nonsense"})
    assert (response.status_code, body(response)["Code"]) == (400, "IncompleteSignature")


def test_an_unknown_action_in_the_header_is_not_found(client, access_key):
    """x-acs-action naming an action Cbn does not have: InvalidAction.NotFound, 404."""
    response = v3_send(client, "GET", {}, action="RunInstances")
    assert (response.status_code, body(response)["Code"]) == (404, "InvalidAction.NotFound")


def test_an_unsigned_request_with_an_action_header_is_answered_by_the_api(client):
    """x-acs-action without a signature at the site root: the API refuses it, the console is not shown."""
    response = client.get("/", headers={"x-acs-action": "DescribeCens", "x-acs-version": "2017-09-12"})
    assert (response.status_code, body(response)["Code"]) == (400, "IncompleteSignature")


def test_awkward_query_values_are_accepted_end_to_end(client, access_key):
    """Spaces, *, ~, +, /, non-ASCII, & and = in the query, signed by the SDK: accepted and kept as sent."""
    response = v3_send(client, "POST", AWKWARD_QUERY, action="CreateCen")
    assert response.status_code == 200, response.content
    instance = CenInstance.objects.get(pk=body(response)["CenId"])
    assert (instance.name, instance.description) == (AWKWARD_QUERY["Name"], AWKWARD_QUERY["Description"])


def test_a_body_whose_content_type_is_not_signed_is_refused(client, access_key):
    """A form body sent with content-type left out of SignedHeaders (then changed to text/plain in
    transit, which would drop its parameters) is IncompleteSignature, and nothing is created."""
    form = b"Name=from+the+body"
    headers = v3_headers("POST", {}, form, action="CreateCen")  # signs no content-type
    response = client.generic(
        "POST",
        "/",
        data=form,
        content_type="text/plain",
        headers={name: value for name, value in headers.items() if name != "host"},
    )
    assert (response.status_code, body(response)["Code"]) == (400, "IncompleteSignature")
    assert "content-type" in body(response)["Message"]
    assert not CenInstance.objects.exists()


def test_a_signed_content_type_changed_in_transit_breaks_the_signature(client, access_key):
    """The SDK signs content-type: a form body relabelled text/plain after signing is SignatureDoesNotMatch."""
    form = b"Name=from+the+body"
    headers = v3_headers("POST", {}, form, action="CreateCen", content_type="application/x-www-form-urlencoded")
    response = client.generic(
        "POST",
        "/",
        data=form,
        content_type="text/plain",
        headers={name: value for name, value in headers.items() if name not in ("host", "content-type")},
    )
    assert (response.status_code, body(response)["Code"]) == (400, "SignatureDoesNotMatch")
    assert not CenInstance.objects.exists()


def test_a_request_without_a_body_need_not_sign_a_content_type(client, access_key):
    """No body, nothing for content-type to say: a V3 GET without it is accepted as the SDK sends it."""
    response = v3_send(client, "GET", {}, action="DescribeCens")
    assert response.status_code == 200, response.content
