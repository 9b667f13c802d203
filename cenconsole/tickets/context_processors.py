"""The Tickets entry's badge: how many of the user's tickets have a staff reply not yet read. Read
from the user's row (kept by tickets.services), so the layout costs no query of its own."""


def unread_tickets(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_tickets": user.unread_tickets}
