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
        "instances/<str:cen_id>/transit-routers/<str:router_id>/",
        views.router_detail,
        name="router_detail",
    ),
    path(
        "instances/<str:cen_id>/transit-routers/<str:router_id>/route-tables/",
        views.route_tables,
        name="route_tables",
    ),
    # The Route Table tab: a route table's sub-tabs, and each change (views/route_tables/).
    path(
        "instances/<str:cen_id>/transit-routers/<str:router_id>/route-tables/create/",
        views.route_table_create,
        name="route_table_create",
    ),
    path(
        "instances/<str:cen_id>/transit-routers/<str:router_id>/route-tables/<str:route_table_id>/",
        views.route_table_entries,
        name="route_table_entries",
    ),
    path(
        "instances/<str:cen_id>/transit-routers/<str:router_id>/route-tables/<str:route_table_id>/associations/",
        views.route_table_associations,
        name="route_table_associations",
    ),
    path(
        "instances/<str:cen_id>/transit-routers/<str:router_id>/route-tables/<str:route_table_id>/route-learning/",
        views.route_table_propagations,
        name="route_table_propagations",
    ),
    path(
        "instances/<str:cen_id>/transit-routers/<str:router_id>/route-tables/<str:route_table_id>/modify/",
        views.route_table_modify,
        name="route_table_modify",
    ),
    path(
        "instances/<str:cen_id>/transit-routers/<str:router_id>/route-tables/<str:route_table_id>/delete/",
        views.route_table_delete,
        name="route_table_delete",
    ),
    path(
        "instances/<str:cen_id>/transit-routers/<str:router_id>/route-tables/<str:route_table_id>/entries/create/",
        views.route_entry_create,
        name="route_entry_create",
    ),
    path(
        "instances/<str:cen_id>/transit-routers/<str:router_id>/route-tables/<str:route_table_id>/entries/<str:route_entry_id>/modify/",
        views.route_entry_modify,
        name="route_entry_modify",
    ),
    path(
        "instances/<str:cen_id>/transit-routers/<str:router_id>/route-tables/<str:route_table_id>/entries/<str:route_entry_id>/delete/",
        views.route_entry_delete,
        name="route_entry_delete",
    ),
    path(
        "instances/<str:cen_id>/transit-routers/<str:router_id>/route-tables/<str:route_table_id>/associations/create/",
        views.association_create,
        name="association_create",
    ),
    path(
        "instances/<str:cen_id>/transit-routers/<str:router_id>/route-tables/<str:route_table_id>/associations/<str:attachment_id>/delete/",
        views.association_delete,
        name="association_delete",
    ),
    path(
        "instances/<str:cen_id>/transit-routers/<str:router_id>/route-tables/<str:route_table_id>/route-learning/create/",
        views.propagation_create,
        name="propagation_create",
    ),
    path(
        "instances/<str:cen_id>/transit-routers/<str:router_id>/route-tables/<str:route_table_id>/route-learning/<str:attachment_id>/delete/",
        views.propagation_delete,
        name="propagation_delete",
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
    # VBR, VPN and ECR connections: one set of URLs per kind, each naming its connection by its own argument.
    *[
        pattern
        for kind in ("VBR", "VPN", "ECR")
        for pattern in (
            path(
                f"instances/<str:cen_id>/transit-routers/<str:router_id>/{kind.lower()}-connections/create/",
                views.product_connection_create,
                {"kind": kind},
                name=f"{kind.lower()}_connection_create",
            ),
            path(
                f"instances/<str:cen_id>/{kind.lower()}-connections/<str:{kind.lower()}_attachment_id>/modify/",
                views.product_connection_modify,
                {"kind": kind},
                name=f"{kind.lower()}_connection_modify",
            ),
            path(
                f"instances/<str:cen_id>/{kind.lower()}-connections/<str:{kind.lower()}_attachment_id>/delete/",
                views.product_connection_delete,
                {"kind": kind},
                name=f"{kind.lower()}_connection_delete",
            ),
        )
    ],
]
