from django.urls import path

from . import views

app_name = "routemaps"

urlpatterns = [
    path("instances/<str:cen_id>/route-maps/", views.cen_route_maps, name="cen_route_maps"),
    path("instances/<str:cen_id>/route-maps/create/", views.route_map_create, name="route_map_create"),
    path(
        "instances/<str:cen_id>/route-maps/<str:route_map_id>/modify/",
        views.route_map_modify,
        name="route_map_modify",
    ),
    path(
        "instances/<str:cen_id>/route-maps/<str:route_map_id>/delete/",
        views.route_map_delete,
        name="route_map_delete",
    ),
]
