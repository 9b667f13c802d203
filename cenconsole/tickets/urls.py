from django.urls import path

from . import views

app_name = "tickets"

urlpatterns = [
    path("bandwidth-packages/<str:package_id>/request-deletion/", views.request_deletion, name="request_deletion"),
    path("tickets/", views.ticket_list, name="ticket_list"),
    path("tickets/<int:ticket_id>/", views.ticket_detail, name="ticket_detail"),
    path("tickets/<int:ticket_id>/reply/", views.ticket_reply, name="ticket_reply"),
    path("tickets/<int:ticket_id>/withdraw/", views.ticket_withdraw, name="ticket_withdraw"),
]
