"""The Tickets entry's badge: how many of the user's tickets have a staff reply not yet read."""

from .selectors import unread_ticket_count


def unread_tickets(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    # Lazy: pages that do not render the navigation (the admin, partials) run no query.
    return {"unread_tickets": lambda: unread_ticket_count(requester=user)}
