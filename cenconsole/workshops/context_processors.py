"""The workshop script for a trainee's pages (static/js/workshop.js): reports the guided tour's stops
to the board, and starts the tour on the page after Join workshop. Reads only the session: no query."""

from functools import cache

from django.urls import reverse

TRAINEE_SESSION_KEY = "workshop_trainee"
TOUR_START_SESSION_KEY = "workshop_tour_start"
# The workshop a trainee's session joined: when End workshop removes the sandbox, the session's next
# request opens that workshop's "This workshop has ended" page (workshops.middleware).
WORKSHOP_SESSION_KEY = "workshop_joined"


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
        }
    }
