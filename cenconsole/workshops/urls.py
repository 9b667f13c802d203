from django.urls import path

from . import views

app_name = "workshops"

urlpatterns = [
    path("", views.workshop_list, name="workshop_list"),
    path("tour-step/", views.tour_step, name="tour_step"),
    path("<int:workshop_id>/", views.workshop_board, name="board"),
    path("<int:workshop_id>/link/", views.workshop_link, name="link"),
    path("<int:workshop_id>/clock/", views.workshop_clock, name="clock"),
    path("<int:workshop_id>/reset/", views.workshop_reset, name="reset"),
    path("<int:workshop_id>/end/", views.workshop_end, name="end"),
]
