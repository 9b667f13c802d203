from django.urls import path
from django.views.generic import RedirectView

from . import views

app_name = "desk"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("selected/", views.selected, name="selected"),
    path("tickets/<int:ticket_id>/", views.ticket, name="ticket"),
    path("tickets/<int:ticket_id>/<slug:verb>/", views.ticket_action, name="ticket_action"),
]


# Where the desk lived in the admin (/admin/tickets/deletionticket/...), served by the admin's entry for
# deletion tickets (tickets.admin), under the admin's names: its index and navigation link the queue as
# before, and bookmarks and the links of emails already sent land on the same page of the desk, the
# queue's filters and search kept.
admin_redirects = [
    path(
        "",
        RedirectView.as_view(pattern_name="desk:queue", permanent=True, query_string=True),
        name="tickets_deletionticket_changelist",
    ),
    path(
        "<int:ticket_id>/change/",
        RedirectView.as_view(pattern_name="desk:ticket", permanent=True),
        name="tickets_deletionticket_change",
    ),
    path("<int:ticket_id>/", RedirectView.as_view(pattern_name="desk:ticket", permanent=True)),
    path("<int:ticket_id>/<slug:verb>/", views.moved_button),
]
