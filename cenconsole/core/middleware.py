import uuid

from django.conf import settings
from django.db import connection
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext, gettext_noop

from . import clock

HEALTH_PATH = "/healthz"


def content_security_policy() -> str:
    """The Content-Security-Policy header's value, from settings.CONTENT_SECURITY_POLICY."""
    return "; ".join(f"{directive} {sources}" for directive, sources in settings.CONTENT_SECURITY_POLICY.items())


class HealthCheckMiddleware:
    """GET /healthz answered before the session, the account, the language and the rest of the middleware:
    a load balancer asks many times a second, and the answer depends only on the database answering.
    Placed right after SecurityMiddleware (its redirect to HTTPS and headers still apply); sends what
    the middleware it skips would have (X-Frame-Options, the Content Security Policy) and, as the
    view's never_cache does, no-cache headers. The Host is checked as CommonMiddleware would (400
    outside ALLOWED_HOSTS). Other methods reach the view (405)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.headers = {
            "X-Frame-Options": settings.X_FRAME_OPTIONS,
            "Content-Security-Policy": content_security_policy(),
        }

    def __call__(self, request):
        if request.path_info != HEALTH_PATH or request.method != "GET":
            return self.get_response(request)
        request.get_host()  # DisallowedHost (400) for a Host outside ALLOWED_HOSTS
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        response = HttpResponse("ok", content_type="text/plain", headers=self.headers)
        add_never_cache_headers(response)
        return response


class ContentSecurityPolicyMiddleware:
    """Sends the Content Security Policy: every script and style comes from this site's own static
    files; no inline script runs, nothing is framed, forms post only here."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = content_security_policy()

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", self.policy)
        return response


NULL_CHARACTER = gettext_noop("The request contains a null character, which no field of the console accepts.")


class NullCharacterMiddleware:
    """Refuses a request whose parameters hold a null character, before any view sees it: no field
    accepts one, and PostgreSQL cannot even compare a string that holds one (a search would fail)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.META.get("QUERY_STRING", "") or "%00" in request.META.get("QUERY_STRING", ""):
            return self.refuse(request)
        if request.method == "POST" and any(
            "\x00" in key or any("\x00" in value for value in values) for key, values in request.POST.lists()
        ):
            return self.refuse(request)
        return self.get_response(request)

    def refuse(self, request):
        if "Action" in request.GET or "Action" in request.POST:
            # The API's error shape: {"RequestId", "Code", "Message"}.
            body = {"RequestId": str(uuid.uuid4()).upper(), "Code": "InvalidParameter", "Message": NULL_CHARACTER}
            return JsonResponse(body, status=400)
        return HttpResponseBadRequest(gettext(NULL_CHARACTER), content_type="text/plain; charset=utf-8")


class AccountClockMiddleware:
    """Runs a signed-in console user's request on their account's clock (a demo's test clock:
    `clock_offset` on the account). Staff pages and anonymous visitors run on real time. Placed
    after AuthenticationMiddleware; the offset is reset when the response is made."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        offset = None
        if user is not None and user.is_authenticated and not user.is_staff:
            offset = getattr(user, "clock_offset", None)
        if not offset:
            return self.get_response(request)
        with clock.account_time(offset):
            return self.get_response(request)
