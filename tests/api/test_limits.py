"""The API always answers in its own shape: oversize, malformed and out-of-range requests get the API's
JSON error ({"RequestId", "Code", "Message"}) with the right HTTP status, never an HTML page or a 500.
Through Django's test client, so they run on SQLite and on PostgreSQL alike."""

import json
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from cenconsole.api import params as api_params
from cenconsole.api import views as api_views
from tests.api.conftest import common_parameters, sdk_sign
from tests.factories import CenInstanceFactory

pytestmark = pytest.mark.django_db

FORM = "application/x-www-form-urlencoded"
DESCRIBE_CENS = "Action=DescribeCens&Version=2017-09-12"


def answer(response):
    """(HTTP status, Code) of an answer that must be the API's JSON error body."""
    assert response["Content-Type"] == "application/json"
    body = json.loads(response.content)
    assert set(body) == {"RequestId", "Code", "Message"}
    return response.status_code, body["Code"]


def signed_post(client, action, **parameters):
    """A request the API runs: signed as the SDK signs it, POSTed as a form to the site root."""
    signed = sdk_sign("POST", common_parameters(action, **{k: str(v) for k, v in parameters.items()}))
    return client.post("/", urlencode(signed), content_type=FORM)


@pytest.fixture
def api_client():
    """A client that receives the 500 page instead of the exception, as a real caller would."""
    return Client(raise_request_exception=False)


# Oversize requests ------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/?" + DESCRIBE_CENS, "/api/", "/"])
def test_a_body_over_the_upload_limit_is_request_body_too_large(api_client, url):
    """A form body over DATA_UPLOAD_MAX_MEMORY_SIZE: RequestBodyTooLarge, 413 (not Django's HTML 400)."""
    body = "Name=" + "x" * settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    assert answer(api_client.post(url, body, content_type=FORM)) == (413, "RequestBodyTooLarge")


def test_a_body_with_too_many_fields_is_invalid(api_client):
    """More form fields than DATA_UPLOAD_MAX_NUMBER_FIELDS: InvalidParameter, 400."""
    body = "&".join(f"Field{number}=1" for number in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1))
    assert answer(api_client.post("/api/", body, content_type=FORM)) == (400, "InvalidParameter")


def test_a_body_with_too_many_files_is_invalid(api_client):
    """More uploaded files than DATA_UPLOAD_MAX_NUMBER_FILES: InvalidParameter, 400."""
    files = {
        f"File{number}": SimpleUploadedFile(f"{number}.txt", b"x")
        for number in range(settings.DATA_UPLOAD_MAX_NUMBER_FILES + 1)
    }
    response = api_client.post("/api/", files)
    assert answer(response) == (400, "InvalidParameter")
    assert "files" in json.loads(response.content)["Message"]


def test_a_query_with_too_many_fields_is_invalid(api_client):
    """More query parameters than DATA_UPLOAD_MAX_NUMBER_FIELDS: InvalidParameter, 400."""
    query = DESCRIBE_CENS + "&a" * settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
    assert len(query) <= settings.API_MAX_QUERY_STRING_LENGTH
    assert answer(api_client.get("/?" + query)) == (400, "InvalidParameter")


def test_a_query_string_over_the_api_limit_is_request_uri_too_long(api_client):
    """A query string longer than API_MAX_QUERY_STRING_LENGTH: RequestURITooLong, 414."""
    query = DESCRIBE_CENS + "&Name=" + "x" * settings.API_MAX_QUERY_STRING_LENGTH
    assert answer(api_client.get("/?" + query)) == (414, "RequestURITooLong")


def test_a_query_string_at_the_api_limit_is_read(api_client):
    """A query string of exactly API_MAX_QUERY_STRING_LENGTH characters reaches the API (unsigned here)."""
    query = DESCRIBE_CENS + "&Name="
    query += "x" * (settings.API_MAX_QUERY_STRING_LENGTH - len(query))
    assert answer(api_client.get("/?" + query)) == (400, "MissingAccessKeyId")


def test_an_unreadable_multipart_body_is_invalid(api_client):
    """A multipart body that does not parse (no boundary): InvalidParameter, 400."""
    response = api_client.post("/api/", b"garbage", content_type="multipart/form-data")
    assert answer(response) == (400, "InvalidParameter")


def test_a_null_character_under_api_is_invalid(api_client):
    """A null character in a parameter of /api/ (no Action in the query): InvalidParameter, 400."""
    assert answer(api_client.get("/api/?Name=a%00b")) == (400, "InvalidParameter")


def test_console_pages_keep_djangos_own_answer(client_user):
    """An oversize body to a console page is not the API's business: Django's plain 400 page."""
    response = client_user.post(
        "/cen/instances/create/", "name=" + "x" * settings.DATA_UPLOAD_MAX_MEMORY_SIZE, content_type=FORM
    )
    assert response.status_code == 400 and response["Content-Type"] != "application/json"


# What is not the API, and failures below it --------------------------------------------------------------


def test_an_unknown_path_under_api_is_not_found(api_client):
    """/api/anything: InvalidAction.NotFound, 404, as JSON."""
    assert answer(api_client.get("/api/anything")) == (404, "InvalidAction.NotFound")


def test_a_request_with_signature_headers_elsewhere_is_not_found(api_client):
    """A request carrying the SDK's x-acs-action header to a path that is not the API: JSON 404."""
    assert answer(api_client.get("/nowhere/", HTTP_X_ACS_ACTION="DescribeCens")) == (404, "InvalidAction.NotFound")


def test_an_unexpected_failure_is_internal_error(api_client, monkeypatch):
    """An exception that escapes the API view: InternalError, 500, as JSON (not Django's HTML 500)."""

    def fail(request):
        raise RuntimeError("boom")

    monkeypatch.setattr(api_views, "_answer", fail)
    assert answer(api_client.get("/api/?" + DESCRIBE_CENS)) == (500, "InternalError")


# Paging ----------------------------------------------------------------------------------------------------

PAGED_ACTIONS = [
    ("DescribeCens", {}),
    ("DescribeCenBandwidthPackages", {}),
    ("DescribeCenInterRegionBandwidthLimits", {}),
    ("DescribeGeographicRegionMembership", {"GeographicRegionId": "China"}),
    ("DescribeCenGeographicSpans", {}),
]


def page_of(response):
    body = json.loads(response.content)
    assert response.status_code == 200, body
    wrapper = next(value for key, value in body.items() if isinstance(value, dict))
    return next(iter(wrapper.values()))


@pytest.mark.parametrize(("action", "extra"), PAGED_ACTIONS)
def test_a_page_past_the_last_is_empty(client, access_key, action, extra):
    """A PageNumber beyond the last page answers an empty page."""
    assert page_of(signed_post(client, action, PageNumber=1000, PageSize=50, **extra)) == []


@pytest.mark.parametrize(("action", "extra"), PAGED_ACTIONS)
def test_the_last_addressable_page_is_empty(client, access_key, action, extra):
    """The largest PageNumber the database can address (PageNumber × PageSize = 2^63 - 1) answers an empty page."""
    number = api_params.MAX_ROW_OFFSET // 50
    assert page_of(signed_post(client, action, PageNumber=number, PageSize=50, **extra)) == []


@pytest.mark.parametrize(("action", "extra"), PAGED_ACTIONS)
def test_a_page_beyond_what_the_database_addresses_is_invalid(client, access_key, action, extra):
    """PageNumber=999999999999999999 (an offset past 2^63 - 1): InvalidParameter, 400, not a 500."""
    response = signed_post(client, action, PageNumber=999999999999999999, PageSize=50, **extra)
    assert answer(response) == (400, "InvalidParameter")
    assert "PageNumber" in json.loads(response.content)["Message"]


# Malformed values ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["٣", "３", "1٣", "𝟑"])
def test_non_ascii_digits_are_not_a_number(client, access_key, value):
    """Digits of other scripts (Arabic-Indic ٣, fullwidth ３, mathematical 𝟑) are refused: InvalidParameter."""
    response = signed_post(client, "DescribeCens", PageSize=value)
    assert answer(response) == (400, "InvalidParameter")
    assert "0-9" in json.loads(response.content)["Message"]


def test_a_filter_index_in_non_ascii_digits_is_not_a_filter(client, access_key, user):
    """Filter.٣.Key is not Filter.3.Key: refused as a parameter DescribeCens does not have, by name."""
    CenInstanceFactory(owner=user)
    response = signed_post(client, "DescribeCens", **{"Filter.٣.Key": "CenId", "Filter.٣.Value.1": "cen-other"})
    assert answer(response) == (400, "InvalidParameter")
    assert "Filter.٣.Key" in json.loads(response.content)["Message"]


@pytest.mark.parametrize("value", ["", " ", "1.5", "1e3", "0x10", "9" * 19, "-", "١٠"])
def test_malformed_bandwidth_is_invalid(client, access_key, value):
    """CreateCenBandwidthPackage with a Bandwidth that is no whole number: InvalidParameter, 400."""
    response = signed_post(
        client, "CreateCenBandwidthPackage", GeographicRegionAId="China", GeographicRegionBId="China", Bandwidth=value
    )
    assert answer(response) == (400, "InvalidParameter")
