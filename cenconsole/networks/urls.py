from django.urls import path

from . import views

app_name = "networks"

urlpatterns = [
    path("instances/<str:cen_id>/networks/", views.cen_networks, name="cen_networks"),
    path("instances/<str:cen_id>/networks/attach/", views.network_attach, name="network_attach"),
    path("instances/<str:cen_id>/networks/<str:network_id>/detach/", views.network_detach, name="network_detach"),
    path("instances/<str:cen_id>/routes/", views.cen_routes, name="cen_routes"),
    path(
        "instances/<str:cen_id>/routes/<str:vpc_route_entry_id>/publish/",
        views.route_entry_publish,
        name="route_entry_publish",
    ),
    path(
        "instances/<str:cen_id>/routes/<str:vpc_route_entry_id>/withdraw/",
        views.route_entry_withdraw,
        name="route_entry_withdraw",
    ),
    path("instances/<str:cen_id>/region-connections/", views.cen_region_connections, name="cen_region_connections"),
    path("instances/<str:cen_id>/region-connections/set/", views.connection_set, name="connection_set"),
    path(
        "instances/<str:cen_id>/region-connections/<int:connection_id>/delete/",
        views.connection_delete,
        name="connection_delete",
    ),
]
