"""Signing in and reading the signed-in account: Django's ModelBackend, except that the account of a
request's session comes with the session's row (one query for both; see sessions.SessionStore)."""

from contextvars import ContextVar

from django.contrib import auth
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.middleware import AuthenticationMiddleware
from django.utils.functional import SimpleLazyObject

# The session whose account is being read, while SessionAuthenticationMiddleware reads it.
_reading_session = ContextVar("reading_session", default=None)


class SessionUserBackend(ModelBackend):
    def get_user(self, user_id):
        user = getattr(_reading_session.get(), "signed_in_user", None)
        if user is not None and str(user.pk) == str(user_id):
            return user if self.user_can_authenticate(user) else None
        return super().get_user(user_id)


def _session_user(request):
    if not hasattr(request, "_cached_user"):
        token = _reading_session.set(request.session)
        try:
            # Django's own checks (backend, the password hash kept in the session) decide.
            request._cached_user = auth.get_user(request)
        finally:
            _reading_session.reset(token)
    return request._cached_user


class SessionAuthenticationMiddleware(AuthenticationMiddleware):
    """Django's AuthenticationMiddleware, reading request.user through SessionUserBackend's shortcut."""

    def process_request(self, request):
        super().process_request(request)
        request.user = SimpleLazyObject(lambda: _session_user(request))
