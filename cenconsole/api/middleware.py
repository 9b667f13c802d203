"""Every request that reaches the API answers in the API's shape ({"RequestId", "Code", "Message"}
with the right HTTP status), whatever fails: Django's own refusals of oversize requests (raised when
the parameters are first read, answered with an HTML 400 otherwise), an over-long query string, a path
under /api/ that is not the API, and any other error page a view or middleware below would send."""

import re

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import UnreadablePostError
from django.http.multipartparser import MultiPartParserError
from django.utils import translation

from cenconsole.core.middleware import NULL_CHARACTER

from . import errors, protocol
from .views import error_response

ACTION_IN_QUERY = re.compile(r"(?:^|&)Action=")
API_CONTENT_TYPES = ("application/json", "text/xml")


def is_api_request(request) -> bool:
    """Under /api/, signed with Alibaba Cloud's headers (the SDKs send x-acs-action and friends), or
    at the site root naming an Action (where the SDK sends requests) or POSTing (the console never does)."""
    path = request.path_info
    if path == "/api" or path.startswith("/api/"):
        return True
    if any(name.startswith("HTTP_X_ACS_") for name in request.META):
        return True
    return path == "/" and (
        request.method == "POST" or bool(ACTION_IN_QUERY.search(request.META.get("QUERY_STRING", "")))
    )


def refusal(request) -> errors.ApiError | None:
    """The API's error for a request too large or malformed to read as parameters, else None. Reads
    the query string and the body once here: Django raises its limits' errors on that first read."""
    if len(request.META.get("QUERY_STRING", "")) > settings.API_MAX_QUERY_STRING_LENGTH:
        return errors.query_string_too_long(settings.API_MAX_QUERY_STRING_LENGTH)
    try:
        parameters = list(request.GET.lists())
        if request.method == "POST":
            parameters += request.POST.lists()
    except RequestDataTooBig:
        return errors.request_body_too_large(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
    except TooManyFieldsSent:
        return errors.too_many_parameters(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS)
    except TooManyFilesSent:
        return errors.too_many_files(settings.DATA_UPLOAD_MAX_NUMBER_FILES)
    except (MultiPartParserError, UnreadablePostError):
        return errors.UNREADABLE_BODY
    if any("\x00" in name or any("\x00" in value for value in values) for name, values in parameters):
        return errors.ApiError("InvalidParameter", NULL_CHARACTER)  # documented code
    return None


class ApiErrorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_api_request(request):
            return self.get_response(request)
        # The API speaks English whatever the language cookie says (the views override the language
        # LocaleMiddleware activates below; this covers the answers made here).
        with translation.override("en"):
            response = self._api_response(request)
        response["Content-Language"] = "en"
        return response

    def _api_response(self, request):
        error = refusal(request)
        if error is not None:
            return error_response(error, answer_format=protocol.requested_format(request))
        host = request.META.get("HTTP_HOST", "")
        if "/" in host:  # a scheme (http://) or a path (/api) in the SDK's endpoint
            return error_response(errors.endpoint_not_a_host(host), answer_format=protocol.requested_format(request))
        path = request.path_info
        if path != "/" and path != "/api" and not path.startswith("/api/"):
            # Signature headers on a console page: the API is not there (and the page is never run).
            return error_response(errors.API_NOT_FOUND)
        response = self.get_response(request)
        # The API's own answers are JSON, or XML for a V1 client that asked Format=XML; anything else
        # (an error page, a redirect to the console) becomes the API's error.
        if not response.get("Content-Type", "").startswith(API_CONTENT_TYPES):
            error = errors.for_status(response.status_code) if response.status_code >= 400 else errors.API_NOT_FOUND
            return error_response(error, answer_format=protocol.requested_format(request))
        return response
