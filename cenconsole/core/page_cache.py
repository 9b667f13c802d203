"""The signed-in page cache: a console page (GET, 200) is kept as it was sent and sent again, without a
query beyond the account's own row or any template work, while nothing has been written to the database
and for at most PAGE_CACHE_SECONDS (1 by default).

What a cached page is keyed by, so that it is only ever served where rendering it again would give the same:
- the database's write version, read with the account's row (core.write_version): any committed write by any
  request, command, API call or app server makes every page before it unreachable;
- the account, the language, the scheme and host, the path with its query string, the htmx headers, and
  what the session holds beyond sign-in itself (the staff roles, a workshop trainee's tour);
- the time: a page's statuses and the top bar move with the clock (a transit router is Creating for a few
  seconds, a demo clock shows minutes), so a page is never older than PAGE_CACHE_SECONDS.

What differs from one request to the next is written into the cached page per request: the CSRF token (one
masked for this request, the cookie set as rendering would), and each one-use key a form draws
(`one_use_key`, Buy Now's order key: one order per opening of the purchase page). A page is not kept when
its request had flash messages to show, when the view set a cookie, changed the session, queued a message
or answered anything but 200.

Each app server process keeps its own pages (the "pages" cache, LocMem); the version is the database's, so
pages stay right behind a load balancer. PAGE_CACHE_SECONDS=0 turns the cache off."""

import functools
import hashlib
import re
import uuid
from contextvars import ContextVar

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.core.signals import setting_changed
from django.http import HttpResponse
from django.middleware.csrf import _unmask_cipher_token, get_token
from django.utils.translation import get_language

PAGES = "pages"
CSRF_PLACEHOLDER = b"\x00page-cache:csrf\x00"
# Session keys that sign the request in (the account, its backend, its password hash, the session's id, which
# is accounts.services.SESSION_ID_KEY): the account is in the key by itself. Every other key of the session is
# part of a page's key.
SIGN_IN_SESSION_KEYS = {SESSION_KEY, BACKEND_SESSION_KEY, HASH_SESSION_KEY, "_session_id"}
MASKED_TOKEN = re.compile(rb"(?<![A-Za-z0-9])[A-Za-z0-9]{64}(?![A-Za-z0-9])")

_one_use_keys: ContextVar[list | None] = ContextVar("page_cache_one_use_keys", default=None)
_settings_generation = 0


def one_use_key() -> str:
    """A new key for a form to send back once (an order's idempotency key). A cached page is sent with new
    keys in their places, never with the keys of the request that rendered it."""
    key = uuid.uuid4().hex
    keys = _one_use_keys.get()
    if keys is not None:
        keys.append(key)
    return key


def _one_use_placeholder(index: int) -> bytes:
    return b"\x00page-cache:key:%d\x00" % index


def page_key(request) -> str | None:
    """The cache key of this request's page, or None when it must be rendered."""
    seconds = settings.PAGE_CACHE_SECONDS
    if request.method != "GET" or seconds <= 0:
        return None
    user = request.user
    version = getattr(user, "page_version", None)
    if not user.is_authenticated or version is None:
        return None
    if CookieStorage.cookie_name in request.COOKIES or "_messages" in request.session:
        return None  # flash messages to show once
    session = sorted((key, repr(value)) for key, value in request.session.items() if key not in SIGN_IN_SESSION_KEYS)
    htmx = sorted((name, value) for name, value in request.META.items() if name.startswith("HTTP_HX_"))
    parts = (
        _settings_generation,
        user.pk,
        version,
        get_language(),
        request.scheme,
        request.get_host(),
        request.get_full_path(),
        htmx,
        session,
    )
    return "page:" + hashlib.blake2b(repr(parts).encode(), digest_size=20).hexdigest()


def _kept(request, response, keys) -> tuple | None:
    """What to keep of a rendered page (status, headers, content with placeholders, whether it holds the
    CSRF token, how many one-use keys), or None when it must not be kept."""
    if response.status_code != 200 or response.streaming:
        return None
    if response.cookies or request.session.modified:
        return None
    if "no-store" in response.get("Cache-Control", ""):
        return None
    storage = getattr(request, "_messages", None)
    if storage is not None and storage._queued_messages:
        return None
    content = response.content
    secret = request.META.get("CSRF_COOKIE")
    has_token = False
    if secret:

        def placeholder(match):
            nonlocal has_token
            if _unmask_cipher_token(match.group().decode()) != secret:
                return match.group()
            has_token = True
            return CSRF_PLACEHOLDER

        content = MASKED_TOKEN.sub(placeholder, content)
    for index, key in enumerate(keys):
        content = content.replace(key.encode(), _one_use_placeholder(index))
    return response.status_code, list(response.items()), content, has_token, len(keys)


def _sent_again(request, kept) -> HttpResponse:
    status, headers, content, has_token, key_count = kept
    if has_token:
        content = content.replace(CSRF_PLACEHOLDER, get_token(request).encode())
    for index in range(key_count):
        content = content.replace(_one_use_placeholder(index), uuid.uuid4().hex.encode())
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


def cached_page(view):
    """Keeps the view's signed-in GET pages (see the module's note). Put it under login_required and the
    method decorators: it caches what the view answers, not who may see it."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        key = page_key(request)
        if key is None:
            return view(request, *args, **kwargs)
        pages = caches[PAGES]
        kept = pages.get(key)
        if kept is not None:
            return _sent_again(request, kept)
        keys = []
        token = _one_use_keys.set(keys)
        try:
            response = view(request, *args, **kwargs)
            if not getattr(response, "is_rendered", True):
                response.render()  # a TemplateResponse (the desk's pages): what the handler would do next
        finally:
            _one_use_keys.reset(token)
        kept = _kept(request, response, keys)
        if kept is not None:
            pages.set(key, kept, settings.PAGE_CACHE_SECONDS)
        return response

    return wrapper


def _settings_changed(**kwargs):
    """A test's changed setting may change what a page shows: no page kept before it is served after it."""
    global _settings_generation
    _settings_generation += 1


setting_changed.connect(_settings_changed, dispatch_uid="core.page_cache")
