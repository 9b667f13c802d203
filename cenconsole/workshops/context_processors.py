"""The workshop script for a trainee's pages (static/js/workshop.js): reports the guided tour's stops
to the board, and starts the tour on the page after Join workshop. Reads only the session: no query.
And the staff's entries in the navigation (Workshops, Support desk), by roles kept in the session."""

from functools import cache

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cenconsole.tickets.services import HANDLE_PERMISSION

from .selectors import is_facilitator

TRAINEE_SESSION_KEY = "workshop_trainee"
TOUR_START_SESSION_KEY = "workshop_tour_start"
# The steps page of the tour the workshop's scenario starts from: the top bar's Take the tour opens it.
TOUR_PAGE_SESSION_KEY = "workshop_tour_page"
# The workshop a trainee's session joined: when End workshop removes the sandbox, the session's next
# request opens that workshop's "This workshop has ended" page (workshops.middleware).
WORKSHOP_SESSION_KEY = "workshop_joined"


# The account's roles, read once per session at sign-in (two permission queries), not on every page: a
# change of groups shows in the navigation at the next sign-in (user_logged_in, workshops.apps).
ROLES_SESSION_KEY = "console_roles"


@cache
def _staff_urls():
    return {"workshops": reverse("workshops:workshop_list"), "desk": reverse("desk:queue")}


def _roles_read(user) -> dict:
    return {
        "user": user.pk,
        "facilitator": is_facilitator(user),
        "support": user.is_staff and user.has_perm(HANDLE_PERMISSION),
    }


def account_roles(request) -> dict:
    """{"facilitator": bool, "support": bool} for the signed-in account, kept in its session."""
    user = request.user
    if not user.is_authenticated or getattr(user, "is_sandbox", False):
        return {"facilitator": False, "support": False}
    roles = request.session.get(ROLES_SESSION_KEY)
    if not isinstance(roles, dict) or roles.get("user") != user.pk:
        roles = _roles_read(user)  # a session signed in before the roles were kept
        request.session[ROLES_SESSION_KEY] = roles
    return {"facilitator": roles["facilitator"], "support": roles["support"]}


def roles_remember(sender, request, user, **kwargs):
    """user_logged_in: the session reads the account's roles now, once (a change of groups shows at
    the next sign-in)."""
    if request is not None and hasattr(request, "session") and not getattr(user, "is_sandbox", False):
        request.session[ROLES_SESSION_KEY] = _roles_read(user)
        # Leave the caller's account object as it was: no permission cache a later group change outlives.
        for cache_name in ("_perm_cache", "_user_perm_cache", "_group_perm_cache"):
            user.__dict__.pop(cache_name, None)


def staff_navigation(request):
    """The navigation's entries for staff, after the console's own: Workshops for facilitators,
    Support desk (the ticket queue) for support staff; superusers hold both roles."""
    if getattr(request, "user", None) is None or getattr(request, "session", None) is None:
        return {}
    roles = account_roles(request)
    links = []  # the desk signs in through the admin, so support staff must be staff as well
    if roles["facilitator"]:
        links.append(("workshops", _("Workshops"), _staff_urls()["workshops"]))
    if roles["support"]:
        links.append(("desk", _("Support desk"), _staff_urls()["desk"]))
    return {"staff_nav_links": links} if links else {}


@cache
def _progress_url():
    return reverse("workshops:tour_step")


def workshop_trainee(request):
    user = getattr(request, "user", None)
    session = getattr(request, "session", None)
    if user is None or session is None or not getattr(user, "is_sandbox", False):
        return {}
    if session.get(TRAINEE_SESSION_KEY) != user.pk:
        return {}
    return {
        "workshop_trainee": {
            "progress_url": _progress_url(),
            "tour_start": bool(session.pop(TOUR_START_SESSION_KEY, False)),
            "tour_url": session.get(TOUR_PAGE_SESSION_KEY, ""),
        }
    }
