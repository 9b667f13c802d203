from django.urls import path

from . import views

app_name = "cen"

urlpatterns = [
    path("instances/", views.instance_list, name="instance_list"),
    path("instances/<str:cen_id>/", views.instance_detail, name="instance_detail"),
    path("instances/<str:cen_id>/delete/", views.instance_delete, name="instance_delete"),
]
