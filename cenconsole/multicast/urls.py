from django.urls import path

from . import views

app_name = "multicast"

ROUTER = "instances/<str:cen_id>/transit-routers/<str:router_id>/multicast/"
DOMAIN = "instances/<str:cen_id>/multicast-domains/<str:domain_id>/"

urlpatterns = [
    path(ROUTER, views.router_multicast, name="router_multicast"),
    path(f"{ROUTER}create/", views.domain_create, name="domain_create"),
    path(DOMAIN, views.domain_detail, name="domain_detail"),
    path(f"{DOMAIN}modify/", views.domain_modify, name="domain_modify"),
    path(f"{DOMAIN}delete/", views.domain_delete, name="domain_delete"),
    path(f"{DOMAIN}vswitches/associate/", views.vswitch_associate, name="vswitch_associate"),
    path(
        f"{DOMAIN}vswitches/<int:association_id>/disassociate/",
        views.association_delete,
        name="association_delete",
    ),
    path(f"{DOMAIN}sources/add/", views.group_resource_add, {"role": "source"}, name="source_add"),
    path(f"{DOMAIN}members/add/", views.group_resource_add, {"role": "member"}, name="member_add"),
    path(
        f"{DOMAIN}groups/<int:group_resource_id>/delete/",
        views.group_resource_delete,
        name="group_resource_delete",
    ),
]
