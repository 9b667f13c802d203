"""The server's signature check against the SDK's own signer (aliyunsdkcore), parameter for parameter."""

import urllib.parse
from datetime import UTC, datetime, timedelta

import pytest
from aliyunsdkcore.auth.composer import rpc_signature_composer

from cenconsole.api import errors, protocol, signature
from tests.api.conftest import ACCESS_KEY_ID, ACCESS_KEY_SECRET, common_parameters, sdk_sign

AWKWARD_VALUES = {
    "Name": "a name with spaces*and~tilde+plus/slash",
    "Description": "Mainland China ↔ North America: 100% ✓",
    "Filter.1.Key": "Name",
    "Filter.1.Value.1": "=&?#",
    "Empty": "",
}


def sdk_signed(method, query, body=None):
    """What the SDK sends: the query parameters with its Signature, and its string to sign."""
    url, text = rpc_signature_composer.get_signed_url(
        dict(query), ACCESS_KEY_ID, ACCESS_KEY_SECRET, "JSON", method, body or {}
    )
    sent = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query, keep_blank_values=True))
    return sent, text


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_string_to_sign_is_the_sdks(method):
    """For awkward values (spaces, *, ~, +, /, non-ASCII, &, =) the server composes the SDK's string to sign."""
    sent, sdk_text = sdk_signed(method, {"Action": "DescribeCens", "Version": "2017-09-12", **AWKWARD_VALUES})
    assert signature.string_to_sign(method, sent) == sdk_text


def test_signature_is_the_sdks():
    """The server's HMAC-SHA1 of the SDK's string to sign is the Signature the SDK sent."""
    sent, sdk_text = sdk_signed("POST", {"Action": "DescribeCens", "Version": "2017-09-12", **AWKWARD_VALUES})
    assert signature.sign(sdk_text, ACCESS_KEY_SECRET) == sent["Signature"]


def test_form_body_parameters_are_signed_with_the_query():
    """Parameters sent in a form body are part of the string to sign, as the SDK signs them."""
    body = {"Name": "from the body"}
    sent, sdk_text = sdk_signed("POST", {"Action": "CreateCen", "Version": "2017-09-12"}, body)
    assert signature.string_to_sign("POST", {**sent, **body}) == sdk_text


def test_the_method_is_part_of_the_signature():
    """A request signed for GET does not verify as a POST."""
    sent, sdk_text = sdk_signed("GET", {"Action": "DescribeCens", "Version": "2017-09-12"})
    post_text = signature.string_to_sign("POST", sent)
    assert post_text != sdk_text
    assert not signature.signature_matches(sent["Signature"], post_text, ACCESS_KEY_SECRET)


def test_a_changed_parameter_breaks_the_signature():
    """Changing any signed parameter after signing makes the signature not match."""
    sent = sdk_sign("POST", common_parameters("DescribeCens", PageSize="10"))
    tampered = {**sent, "PageSize": "50"}
    assert not signature.signature_matches(
        sent["Signature"], signature.string_to_sign("POST", tampered), ACCESS_KEY_SECRET
    )


def test_the_wrong_secret_does_not_match():
    """A signature made with another secret does not verify."""
    sent = sdk_sign("POST", common_parameters("DescribeCens"), secret="not-the-secret")
    text = signature.string_to_sign("POST", sent)
    assert not signature.signature_matches(sent["Signature"], text, ACCESS_KEY_SECRET)


@pytest.mark.parametrize("timestamp", ["2017-09-12 08:00:00", "yesterday", "2017-09-12T08:00:00+08:00"])
def test_timestamps_must_be_iso_8601_in_utc(timestamp):
    """A Timestamp that is not an ISO 8601 time in UTC is refused as badly formatted."""
    now = datetime(2017, 9, 12, 8, 0, tzinfo=UTC)
    with pytest.raises(errors.ApiError) as refused:
        protocol._timestamp(timestamp, now)
    assert refused.value is errors.TIMESTAMP_FORMAT


@pytest.mark.parametrize("offset", [timedelta(minutes=-16), timedelta(minutes=16)])
def test_timestamps_more_than_15_minutes_off_are_expired(offset):
    """A Timestamp more than 15 minutes before or after the server's clock is refused as expired."""
    now = datetime(2017, 9, 12, 8, 0, tzinfo=UTC)
    with pytest.raises(errors.ApiError) as refused:
        protocol._timestamp((now + offset).strftime("%Y-%m-%dT%H:%M:%SZ"), now)
    assert refused.value is errors.TIMESTAMP_EXPIRED


@pytest.mark.parametrize("offset", [timedelta(minutes=-15), timedelta(minutes=15)])
def test_timestamps_within_15_minutes_are_accepted(offset):
    """A clock up to 15 minutes off either way is accepted."""
    now = datetime(2017, 9, 12, 8, 0, tzinfo=UTC)
    assert protocol._timestamp((now + offset).strftime("%Y-%m-%dT%H:%M:%SZ"), now) == now + offset
