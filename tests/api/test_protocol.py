"""The gateway's refusals, over the live server: each with the real code and HTTP status. The official
SDK sends what it can (a wrong secret, a stale clock, a repeated nonce, an unknown action); requests
it would never send are signed with its own signer and sent with urllib."""

from datetime import UTC, datetime, timedelta

import pytest
from aliyunsdkcbn.request.v20170912.CreateCenBandwidthPackageRequest import CreateCenBandwidthPackageRequest
from aliyunsdkcbn.request.v20170912.DeleteCenRequest import DeleteCenRequest
from aliyunsdkcbn.request.v20170912.DescribeCenBandwidthPackagesRequest import DescribeCenBandwidthPackagesRequest
from aliyunsdkcbn.request.v20170912.DescribeCensRequest import DescribeCensRequest
from aliyunsdkcore.client import AcsClient
from aliyunsdkcore.request import RpcRequest
from aliyunsdkcore.utils import parameter_helper

from cenconsole.api import services as api_services
from cenconsole.api.models import SignatureNonce
from cenconsole.cen.models import CenInstance
from tests.api.conftest import ACCESS_KEY_ID, ACCESS_KEY_SECRET, Sdk, common_parameters, sdk_sign

pytestmark = pytest.mark.django_db(transaction=True)


def status_and_code(refusal):
    return refusal.get_http_status(), refusal.get_error_code()


def _minutes_ago(minutes):
    return (datetime.now(UTC) - timedelta(minutes=minutes)).strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.fixture
def other_client(endpoint):
    """An SDK client for credentials the test chooses, closed with the test."""
    clients = []

    def make(access_key_id, secret):
        clients.append(AcsClient(access_key_id, secret, "cn-hangzhou"))
        return Sdk(clients[-1], endpoint)

    yield make
    for client in clients:
        client.session.close()


# Who signs -----------------------------------------------------------------------------------------


def test_an_unknown_access_key_is_not_found(access_key, other_client):
    """A request signed with an AccessKey ID the replica does not know: InvalidAccessKeyId.NotFound, 404."""
    refusal = other_client("LTAI5tNoSuchKey000000000", ACCESS_KEY_SECRET).refusal(DescribeCensRequest())
    assert status_and_code(refusal) == (404, "InvalidAccessKeyId.NotFound")


def test_a_wrong_secret_is_reported_by_the_sdk_as_such(access_key, other_client):
    """With the wrong secret the server answers SignatureDoesNotMatch with its string to sign; it is the
    SDK's own, so the SDK reports InvalidAccessKeySecret (HTTP 400)."""
    refusal = other_client(ACCESS_KEY_ID, "not-the-secret").refusal(DescribeCensRequest())
    assert status_and_code(refusal) == (400, "InvalidAccessKeySecret")


def test_a_tampered_request_does_not_match_its_signature(access_key, raw):
    """A parameter changed after signing: SignatureDoesNotMatch, 400, with the server's string to sign."""
    signed = sdk_sign("POST", common_parameters("DescribeCens", PageSize="10"))
    answer = raw({**signed, "PageSize": "20"})
    assert (answer.status, answer.body["Code"]) == (400, "SignatureDoesNotMatch")
    assert answer.body["Message"].startswith("Specified signature is not matched with our calculation.")
    assert "PageSize%3D20" in answer.body["Message"]


def test_a_disabled_access_key_is_refused(sdk, access_key, user):
    """A correctly signed request with a disabled key: InvalidAccessKeyId.Inactive, 400."""
    api_services.access_key_set_status(owner=user, access_key_id=access_key.pk, active=False)
    assert status_and_code(sdk.refusal(DescribeCensRequest())) == (400, "InvalidAccessKeyId.Inactive")


def test_a_deleted_access_key_no_longer_exists(sdk, access_key, user):
    """A deleted key is unknown to the API from the moment it is deleted: 404."""
    api_services.access_key_delete(owner=user, access_key_id=access_key.pk)
    assert status_and_code(sdk.refusal(DescribeCensRequest())) == (404, "InvalidAccessKeyId.NotFound")


def test_a_key_acts_only_as_its_own_account(sdk, other_user):
    """Another account's CEN instances are invisible to the key: DescribeCens lists none of them."""
    CenInstance.objects.create(owner=other_user, name="theirs")
    assert sdk.call(DescribeCensRequest())["TotalCount"] == 0


# When and how often ---------------------------------------------------------------------------------


def test_a_stale_timestamp_is_expired(sdk, monkeypatch):
    """The SDK's clock 20 minutes behind: InvalidTimeStamp.Expired, 400."""
    monkeypatch.setattr(parameter_helper, "get_iso_8061_date", lambda: _minutes_ago(20))
    assert status_and_code(sdk.refusal(DescribeCensRequest())) == (400, "InvalidTimeStamp.Expired")


def test_a_badly_formatted_timestamp_is_refused(access_key, raw):
    """A Timestamp that is not ISO 8601 UTC: InvalidTimeStamp.Format, 400."""
    answer = raw(sdk_sign("POST", common_parameters("DescribeCens", Timestamp="12/09/2017 08:00")))
    assert (answer.status, answer.body["Code"]) == (400, "InvalidTimeStamp.Format")


def test_a_reused_signature_nonce_is_refused(sdk, monkeypatch):
    """The same SignatureNonce twice: the first is served, the second is SignatureNonceUsed, 400."""
    monkeypatch.setattr(parameter_helper, "get_uuid", lambda: "the-same-nonce-every-time")
    sdk.call(DescribeCensRequest())
    assert status_and_code(sdk.refusal(DescribeCensRequest())) == (400, "SignatureNonceUsed")


def test_a_replayed_request_is_refused(access_key, raw):
    """The very same signed request sent twice: the replay is SignatureNonceUsed."""
    signed = sdk_sign("POST", common_parameters("DescribeCens"))
    assert raw(signed).status == 200
    replay = raw(signed)
    assert (replay.status, replay.body["Code"]) == (400, "SignatureNonceUsed")


def test_a_forged_request_does_not_use_up_the_nonce(access_key, raw):
    """A request with a bad signature records no nonce, so it cannot block the real request."""
    parameters = common_parameters("DescribeCens")
    assert raw(sdk_sign("POST", parameters, secret="forger")).body["Code"] == "SignatureDoesNotMatch"
    assert not SignatureNonce.objects.exists()
    assert raw(sdk_sign("POST", parameters)).status == 200


# Which API ------------------------------------------------------------------------------------------


def test_an_unknown_action_is_not_found(sdk):
    """An action this API does not have: InvalidAction.NotFound, 404."""
    refusal = sdk.refusal(RpcRequest("Cbn", "2017-09-12", "DescribeCenFlyingCars"))
    assert status_and_code(refusal) == (404, "InvalidAction.NotFound")


def test_another_api_version_is_refused(sdk):
    """The same action under another version: InvalidVersion, 400."""
    refusal = sdk.refusal(RpcRequest("Cbn", "2014-05-26", "DescribeCens"))
    assert status_and_code(refusal) == (400, "InvalidVersion")


def test_an_unsigned_request_names_the_missing_parameter(access_key, raw):
    """A request without AccessKeyId: MissingAccessKeyId, 400."""
    parameters = common_parameters("DescribeCens")
    del parameters["AccessKeyId"]
    answer = raw(parameters)
    assert (answer.status, answer.body["Code"]) == (400, "MissingAccessKeyId")


# Parameters ----------------------------------------------------------------------------------------


def test_a_missing_required_parameter_is_named(sdk):
    """DeleteCen without CenId: MissingCenId, 400."""
    refusal = sdk.refusal(DeleteCenRequest())
    assert status_and_code(refusal) == (400, "MissingCenId")
    assert refusal.get_error_msg() == "CenId is mandatory for this action."


def test_a_malformed_integer_is_invalid(sdk):
    """Bandwidth "ten": InvalidParameter, 400, naming the parameter."""
    refusal = sdk.refusal(
        CreateCenBandwidthPackageRequest(), GeographicRegionAId="China", GeographicRegionBId="China", Bandwidth="ten"
    )
    assert status_and_code(refusal) == (400, "InvalidParameter")
    assert '"Bandwidth"' in refusal.get_error_msg()


def test_a_malformed_boolean_is_invalid(sdk):
    """AutoPay "maybe": InvalidParameter, 400."""
    refusal = sdk.refusal(
        CreateCenBandwidthPackageRequest(),
        GeographicRegionAId="China",
        GeographicRegionBId="China",
        Bandwidth=2,
        AutoPay="maybe",
    )
    assert status_and_code(refusal) == (400, "InvalidParameter")


def test_a_page_size_over_50_is_invalid(sdk):
    """PageSize 51: InvalidParameter, 400."""
    assert status_and_code(sdk.refusal(DescribeCenBandwidthPackagesRequest(), PageSize=51)) == (400, "InvalidParameter")


# The wire -------------------------------------------------------------------------------------------


def test_get_requests_are_served_too(access_key, raw):
    """A request signed for GET, parameters in the query string, is served."""
    answer = raw(sdk_sign("GET", common_parameters("DescribeCens")), method="GET")
    assert (answer.status, answer.body["TotalCount"]) == (200, 0)


def test_api_path_answers_the_same(access_key, raw):
    """/api/ serves the same requests as the site root."""
    answer = raw(sdk_sign("POST", common_parameters("DescribeCens")), path="/api/")
    assert answer.status == 200 and "Cens" in answer.body


def test_errors_carry_request_id_code_and_message_only(access_key, raw):
    """An error body is exactly RequestId, Code and Message."""
    answer = raw(sdk_sign("POST", common_parameters("DescribeCenFlyingCars")))
    assert set(answer.body) == {"RequestId", "Code", "Message"}


def test_responses_are_json_with_a_request_id_and_wrapped_lists(sdk):
    """An answer is JSON with a RequestId, its lists wrapped as the real API wraps them (Cens: {Cen: [...]})."""
    answer = sdk.call(DescribeCensRequest())
    assert len(answer["RequestId"]) == 36
    assert answer["Cens"] == {"Cen": []}
