from django.urls import path

from . import views

app_name = "transit"

urlpatterns = [
    path("instances/<str:cen_id>/transit-routers/", views.cen_transit_routers, name="cen_transit_routers"),
    path("instances/<str:cen_id>/transit-routers/create/", views.transit_router_create, name="transit_router_create"),
    path(
        "instances/<str:cen_id>/transit-routers/<str:router_id>/delete/",
        views.transit_router_delete,
        name="transit_router_delete",
    ),
    path(
        "instances/<str:cen_id>/transit-routers/<str:router_id>/route-tables/",
        views.route_tables,
        name="route_tables",
    ),
    path(
        "instances/<str:cen_id>/transit-routers/<str:router_id>/vpc-connections/create/",
        views.vpc_connection_create,
        name="vpc_connection_create",
    ),
    path(
        "instances/<str:cen_id>/transit-routers/<str:router_id>/vpc-connections/<str:attachment_id>/delete/",
        views.vpc_connection_delete,
        name="vpc_connection_delete",
    ),
    path(
        "instances/<str:cen_id>/transit-routers/<str:router_id>/peer-connections/create/",
        views.peer_connection_create,
        name="peer_connection_create",
    ),
    path(
        "instances/<str:cen_id>/peer-connections/<str:peer_attachment_id>/modify/",
        views.peer_connection_modify,
        name="peer_connection_modify",
    ),
    path(
        "instances/<str:cen_id>/peer-connections/<str:peer_attachment_id>/delete/",
        views.peer_connection_delete,
        name="peer_connection_delete",
    ),
]
