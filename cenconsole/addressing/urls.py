from django.urls import path

from . import views

app_name = "addressing"

ROUTER = "instances/<str:cen_id>/transit-routers/<str:router_id>/"
TABLE = ROUTER + "route-tables/<str:route_table_id>/"

urlpatterns = [
    path(ROUTER + "cidrs/", views.router_cidrs, name="router_cidrs"),
    path(ROUTER + "cidrs/create/", views.cidr_create, name="cidr_create"),
    path(ROUTER + "cidrs/<str:cidr_id>/modify/", views.cidr_modify, name="cidr_modify"),
    path(ROUTER + "cidrs/<str:cidr_id>/delete/", views.cidr_delete, name="cidr_delete"),
    path(TABLE + "aggregations/", views.route_table_aggregations, name="route_table_aggregations"),
    path(TABLE + "aggregations/create/", views.aggregation_create, name="aggregation_create"),
    path(TABLE + "aggregations/<int:aggregation_id>/modify/", views.aggregation_modify, name="aggregation_modify"),
    path(TABLE + "aggregations/<int:aggregation_id>/delete/", views.aggregation_delete, name="aggregation_delete"),
    path(TABLE + "prefix-lists/", views.route_table_prefix_lists, name="route_table_prefix_lists"),
    path(TABLE + "prefix-lists/create/", views.prefix_list_association_create, name="prefix_list_association_create"),
    path(
        TABLE + "prefix-lists/<int:prefix_list_association_id>/delete/",
        views.prefix_list_association_delete,
        name="prefix_list_association_delete",
    ),
]
