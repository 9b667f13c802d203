from django.urls import path

from . import views

app_name = "grants"

urlpatterns = [
    path("cross-account-authorization/", views.grant_list, name="grant_list"),
    path("cross-account-authorization/grant/", views.grant_create, name="grant_create"),
    path("cross-account-authorization/<int:grant_id>/revoke/", views.grant_revoke, name="grant_revoke"),
    path(
        "instances/<str:cen_id>/networks/attach/different-account/",
        views.network_attach_granted,
        name="network_attach_granted",
    ),
]
