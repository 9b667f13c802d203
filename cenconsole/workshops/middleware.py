"""A trainee whose workshop ended: End workshop removes the sandbox, so the session's next request is
anonymous. Rather than the plain sign-in page, it opens "This workshop has ended" (once: the session
forgets the workshop)."""

from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from cenconsole.core import clock

from . import selectors
from .context_processors import TOUR_START_SESSION_KEY, TRAINEE_SESSION_KEY, WORKSHOP_SESSION_KEY


class WorkshopEndedMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and TRAINEE_SESSION_KEY in session and not request.user.is_authenticated:
            workshop_id = session.get(WORKSHOP_SESSION_KEY)
            for key in (TRAINEE_SESSION_KEY, WORKSHOP_SESSION_KEY, TOUR_START_SESSION_KEY):
                session.pop(key, None)
            workshop = selectors.workshop_by_id(workshop_id)
            if workshop is not None and workshop.is_over(clock.real_now()):
                url = reverse("workshop_ended", args=[workshop.code])
                if request.headers.get("HX-Request"):
                    return HttpResponse(status=204, headers={"HX-Redirect": url})
                return redirect(url)
        return self.get_response(request)
