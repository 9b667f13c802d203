from asgiref.sync import sync_to_async
from django.contrib import auth
from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.auth.middleware import AuthenticationMiddleware
from django.contrib.auth.models import AnonymousUser
from django.utils.functional import SimpleLazyObject

from . import selectors
from .backends import ACCOUNT_BACKEND, MODEL_BACKEND


def _signed_in_user(request):
    if not hasattr(request, "_cached_user"):
        if request.session.get(BACKEND_SESSION_KEY) == MODEL_BACKEND:
            # Signed in before AccountBackend (ModelBackend's subclass) replaced ModelBackend: still signed in.
            request.session[BACKEND_SESSION_KEY] = ACCOUNT_BACKEND
        # Django's checks first (the account exists, is active, the session's password hash matches,
        # which also covers Sign out everywhere), then whether this session was signed out.
        user = auth.get_user(request)
        if user.is_authenticated and selectors.session_signed_out(user=user, session=request.session):
            request.session.flush()
            user = AnonymousUser()
        request._cached_user = user
    return request._cached_user


class SessionAuthenticationMiddleware(AuthenticationMiddleware):
    """Django's AuthenticationMiddleware that also refuses a session ended by Sign out: a copied
    session cookie opens nothing once its session signed out, on any app server."""

    def process_request(self, request):
        super().process_request(request)
        request.user = SimpleLazyObject(lambda: _signed_in_user(request))

        async def auser():
            return await sync_to_async(_signed_in_user)(request)

        request.auser = auser
