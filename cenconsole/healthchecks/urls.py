from django.urls import path

from . import views

app_name = "healthchecks"

urlpatterns = [
    path("", views.health_checks, name="health_checks"),
    path("<str:cen_id>/set/", views.health_check_set, name="health_check_set"),
    path("<str:cen_id>/<int:health_check_id>/modify/", views.health_check_modify, name="health_check_modify"),
    path("<str:cen_id>/<int:health_check_id>/delete/", views.health_check_delete, name="health_check_delete"),
]
