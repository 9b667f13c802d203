"""AccessKey Management, in the account's pages (mounted under /accounts/). The API itself answers
at the site root and /api/ (cenconsole/urls.py)."""

from django.urls import path

from . import views

app_name = "api"

urlpatterns = [
    path("access-keys/", views.access_key_list, name="access_key_list"),
    path("access-keys/create/", views.access_key_create, name="access_key_create"),
    path("access-keys/<str:access_key_id>/disable/", views.access_key_disable, name="access_key_disable"),
    path("access-keys/<str:access_key_id>/enable/", views.access_key_enable, name="access_key_enable"),
    path("access-keys/<str:access_key_id>/delete/", views.access_key_delete, name="access_key_delete"),
]
