"""Who reaches the desk, and the pages it renders: inside the admin's frame (its header, sign-in and
messages), for staff only."""

from functools import wraps

from django.contrib import admin
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache

from ..services import HANDLE_PERMISSION

# Reading the queue and a ticket's page; handling a ticket needs HANDLE_PERMISSION. The Support staff
# group holds both (tickets.groups); superusers hold every permission.
VIEW_PERMISSION = "tickets.view_deletionticket"
__all__ = ["HANDLE_PERMISSION", "VIEW_PERMISSION", "desk_page", "desk_view"]


def desk_view(permission: str):
    """A desk view: anyone not signed in as active staff goes to the admin's sign-in (as the admin's own
    pages do); staff without `permission` get 403. Never cached by a browser (never_cache): the queue changes by the
    minute. The page cache under it (core.page_cache) sends a page again only until the next write, and for a
    second at most."""

    def decorate(view):
        @wraps(view)
        def guarded(request, *args, **kwargs):
            if not request.user.has_perm(permission):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return staff_member_required(never_cache(guarded))

    return decorate


def desk_page(request, template: str, context: dict, *, status: int = 200) -> TemplateResponse:
    """A desk page in the admin's frame: its header, user links and messages need the admin's context."""
    return TemplateResponse(request, template, {**admin.site.each_context(request), **context}, status=status)
