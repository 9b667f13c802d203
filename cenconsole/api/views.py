import logging
import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cenconsole.core import clock
from cenconsole.core.rendering import render_page

from . import actions, errors, protocol, selectors, services, xml_answer
from .models import AccessKey

logger = logging.getLogger(__name__)


# The API -------------------------------------------------------------------------------------------


def _request_id() -> str:
    return str(uuid.uuid4()).upper()


def _json(body: dict, *, status: int = 200) -> JsonResponse:
    response = JsonResponse(body, status=status)
    response["x-acs-request-id"] = body["RequestId"]
    return response


def error_response(error: errors.ApiError, *, answer_format: str = "JSON") -> HttpResponse:
    """The API's error body, {"RequestId", "Code", "Message"}, with the error's HTTP status, in JSON
    or XML (what the API's middleware answers before the view, in the Format the request asked)."""
    return _error(error, _request_id(), answer_format)


def _xml(text: str, request_id: str, *, status: int = 200) -> HttpResponse:
    response = HttpResponse(text, status=status, content_type=xml_answer.CONTENT_TYPE)
    response["x-acs-request-id"] = request_id
    return response


def _error(error: errors.ApiError, request_id: str, answer_format: str):
    body = {"RequestId": request_id, "Code": error.code, "Message": error.message}
    if answer_format == "XML":
        return _xml(xml_answer.error(body), request_id, status=error.status)
    return _json(body, status=error.status)


def _answer(request):
    """One RPC request, in English whatever the language cookie or Accept-Language says: SDKs parse
    the messages, and area and region names in them are the API's English ones."""
    with translation.override("en"):
        return _answer_in_english(request)


def _answer_in_english(request):
    """Check the API and the signature (V1 or V3), run the action as the key's account, answer in
    JSON or (V1's Format=XML) XML."""
    request_id = _request_id()
    answer_format = "JSON"
    try:
        if request.method not in ("GET", "POST"):
            raise errors.UNSUPPORTED_METHOD
        if protocol.is_v3(request):
            parameters = protocol.v3_parameters(request)
            action = protocol.check_api(parameters, actions.ACTIONS)
            access_key = protocol.authenticate_v3(request)
        else:
            parameters = protocol.request_parameters(request)
            answer_format = protocol.response_format(parameters)
            action = protocol.check_api(parameters, actions.ACTIONS)
            access_key = protocol.authenticate(request.method, parameters)
        if not services.request_counted(owner=access_key.owner):
            raise errors.THROTTLED
        # The action runs on the key owner's clock (a demo's test clock); the signature was checked on real time.
        with clock.account_time(access_key.owner.clock_offset):
            result = actions.run(action, owner=access_key.owner, parameters=parameters)
    except errors.ApiError as error:
        return _error(error, request_id, answer_format)
    except Exception:
        logger.exception("API request %s failed", request_id)
        return _error(errors.INTERNAL_ERROR, request_id, answer_format)
    body = {"RequestId": request_id, **result}
    if answer_format == "XML":
        return _xml(xml_answer.answer(action, body), request_id)
    return _json(body)


# Signed, not session-authenticated: CSRF protects cookies, and an API request carries none.
@csrf_exempt
@never_cache
def api_endpoint(request):
    """/api/: the RPC API, GET or form POST with an Action parameter."""
    return _answer(request)


@csrf_exempt
@never_cache
def site_root(request):
    """The site root: the RPC API when the request carries API signature material (an Action or V1
    Signature parameter, or V3's Authorization / x-acs-action headers: that is where both SDKs send
    it, with the endpoint set to this host), otherwise the console's Instances page."""
    if protocol.is_api_request(request):
        return _answer(request)
    return redirect("cen:instance_list")


# AccessKey Management ------------------------------------------------------------------------------


def _owned_key_or_404(request, access_key_id) -> AccessKey:
    access_key = selectors.access_keys_for(owner=request.user).filter(pk=access_key_id).first()
    if access_key is None:
        raise Http404("No such AccessKey.")
    return access_key


@login_required
@require_GET
def access_key_list(request):
    context = {"access_keys": selectors.access_keys_for(owner=request.user), "limit": services.ACCESS_KEY_LIMIT}
    return render_page(request, "api/access_key_list.html", context)


@login_required
@require_POST
@never_cache
def access_key_create(request):
    """Create AccessKey. The secret is shown in this response and never again: it is stored only
    encrypted, so rather than redirect (and park it in the session) the page is answered here."""
    try:
        access_key, secret = services.access_key_create(owner=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("api:access_key_list")
    return render(request, "api/access_key_created.html", {"access_key": access_key, "secret": secret})


@login_required
@require_POST
def access_key_disable(request, access_key_id):
    access_key = _owned_key_or_404(request, access_key_id)
    services.access_key_set_status(owner=request.user, access_key_id=access_key.pk, active=False)
    messages.success(
        request,
        gettext("AccessKey %(id)s was disabled. Requests signed with it are refused.") % {"id": access_key.pk},
    )
    return redirect("api:access_key_list")


@login_required
@require_POST
def access_key_enable(request, access_key_id):
    access_key = _owned_key_or_404(request, access_key_id)
    services.access_key_set_status(owner=request.user, access_key_id=access_key.pk, active=True)
    messages.success(request, gettext("AccessKey %(id)s was enabled.") % {"id": access_key.pk})
    return redirect("api:access_key_list")


@login_required
@require_http_methods(["GET", "POST"])
def access_key_delete(request, access_key_id):
    """Delete, after a confirm step."""
    access_key = _owned_key_or_404(request, access_key_id)
    if request.method == "POST":
        services.access_key_delete(owner=request.user, access_key_id=access_key.pk)
        messages.success(
            request, gettext("AccessKey %(id)s was deleted. It can never be used again.") % {"id": access_key.pk}
        )
        return redirect("api:access_key_list")
    return render_page(request, "api/access_key_delete.html", {"access_key": access_key})
