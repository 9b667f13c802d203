"""Issue 27, item 10: refusals made before the view answer in the Format the request asked (XML for
Format=XML), and every request the README calls the API's (any POST to the site root, x-acs-* headers
on any path) gets the API's JSON error, never the console's redirect to an HTML page."""

import json
from urllib.parse import urlencode
from xml.etree import ElementTree

import pytest
from django.conf import settings
from django.test import Client

pytestmark = pytest.mark.django_db

FORM = "application/x-www-form-urlencoded"
XML_QUERY = "Action=DescribeCens&Version=2017-09-12&Format=XML"


@pytest.fixture
def api_client():
    return Client(raise_request_exception=False)


def xml_answer(response) -> tuple[int, str]:
    """(HTTP status, Code) of an answer that must be the API's XML error."""
    assert response["Content-Type"].startswith("text/xml"), response.content[:200]
    root = ElementTree.fromstring(response.content)
    assert root.tag == "Error"
    assert root.findtext("RequestId") == response["x-acs-request-id"]
    assert root.findtext("Message")
    return response.status_code, root.findtext("Code")


def json_answer(response) -> tuple[int, str]:
    """(HTTP status, Code) of an answer that must be the API's JSON error."""
    assert response["Content-Type"] == "application/json", (response.status_code, response.content[:200])
    body = json.loads(response.content)
    assert set(body) == {"RequestId", "Code", "Message"}
    return response.status_code, body["Code"]


# (a) Format=XML before the view --------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/api/"])
def test_a_null_character_with_format_xml_is_an_xml_error(api_client, path):
    """A NUL in a parameter of a Format=XML request: InvalidParameter, 400, as XML."""
    assert xml_answer(api_client.get(f"{path}?{XML_QUERY}&Name=a%00b")) == (400, "InvalidParameter")


def test_a_null_character_in_a_form_body_asking_xml_is_an_xml_error(api_client):
    """Format=XML in the form body counts too (the body is what the SDK signs with the query)."""
    body = "Action=DescribeCens&Version=2017-09-12&Format=XML&Name=a%00b"
    assert xml_answer(api_client.post("/", body, content_type=FORM)) == (400, "InvalidParameter")


def test_a_query_string_over_the_limit_with_format_xml_is_an_xml_error(api_client):
    """A query string over API_MAX_QUERY_STRING_LENGTH asking XML: RequestURITooLong, 414, as XML."""
    query = XML_QUERY + "&Name=" + "x" * settings.API_MAX_QUERY_STRING_LENGTH
    assert xml_answer(api_client.get("/?" + query)) == (414, "RequestURITooLong")


def test_a_body_over_the_limit_with_format_xml_in_the_query_is_an_xml_error(api_client):
    """A form body over 1 MiB, Format=XML in the query: RequestBodyTooLarge, 413, as XML."""
    body = "Name=" + "x" * settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    assert xml_answer(api_client.post("/?" + XML_QUERY, body, content_type=FORM)) == (413, "RequestBodyTooLarge")


def test_too_many_query_fields_with_format_xml_is_an_xml_error(api_client):
    """Over 1,000 query parameters asking XML: InvalidParameter, 400, as XML."""
    query = XML_QUERY + "&a" * settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
    assert len(query) <= settings.API_MAX_QUERY_STRING_LENGTH
    assert xml_answer(api_client.get("/?" + query)) == (400, "InvalidParameter")


def test_too_many_body_fields_with_format_xml_in_the_body_is_an_xml_error(api_client):
    """Over 1,000 form fields, Format=xml (any case) among them: InvalidParameter, 400, as XML."""
    body = "Format=xml&" + "&".join(f"F{number}=1" for number in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS))
    assert xml_answer(api_client.post("/api/", body, content_type=FORM)) == (400, "InvalidParameter")


def test_a_refusal_without_format_stays_json(api_client):
    """Without Format=XML the same refusal is JSON, as before."""
    assert json_answer(api_client.get("/?Action=DescribeCens&Name=a%00b")) == (400, "InvalidParameter")


def test_a_v3_request_asking_xml_stays_json(api_client):
    """V3 answers JSON whatever Format says (the V3 SDK reads JSON): its refusals too."""
    response = api_client.get("/?Format=XML&Name=a%00b", headers={"x-acs-action": "DescribeCens"})
    assert json_answer(response) == (400, "InvalidParameter")


# (b) What the README calls the API's ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "content_type"),
    [("Action=DescribeCens", "text/plain"), (json.dumps({"Action": "DescribeCens"}), "application/json"), ("", FORM)],
)
def test_a_post_to_the_site_root_is_answered_by_the_api(api_client, body, content_type):
    """POST / with a text/plain, JSON or empty body: the API's JSON error (no Action read), not a 302."""
    response = api_client.post("/", body, content_type=content_type)
    assert json_answer(response) == (400, "MissingAction")


@pytest.mark.parametrize("path", ["/account/", "/accounts/access-keys/", "/cen/instances/"])
def test_signature_headers_on_a_console_path_get_the_apis_json_error(api_client, path):
    """GET of a console page with an x-acs-action header: the API's JSON 404, not the sign-in redirect."""
    response = api_client.get(path, headers={"x-acs-action": "DescribeCens"})
    assert json_answer(response) == (404, "InvalidAction.NotFound")


def test_signature_headers_on_a_console_path_never_run_the_page(client_user):
    """Even signed in, a console page asked with x-acs-* headers answers the API's JSON 404."""
    response = client_user.get("/cen/instances/", headers={"x-acs-version": "2017-09-12"})
    assert json_answer(response) == (404, "InvalidAction.NotFound")


def test_a_browser_at_the_site_root_still_gets_the_console(client):
    """A plain GET / (no API material) is still redirected to the console's Instances page."""
    response = client.get("/")
    assert response.status_code == 302 and response["Content-Type"] != "application/json"


def test_a_post_with_format_xml_at_the_root_answers_xml(api_client):
    """A form POST / asking XML without an Action: MissingAction, as XML."""
    response = api_client.post("/", urlencode({"Format": "XML"}), content_type=FORM)
    assert xml_answer(response) == (400, "MissingAction")
