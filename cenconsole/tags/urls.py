from django.urls import path

from . import views

app_name = "tags"

urlpatterns = [
    path("instances/", views.instance_list, name="instance_list"),
    path("cen/<str:cen_id>/", views.cen_tags, name="cen_tags"),
    path("cen/<str:cen_id>/remove/", views.cen_tag_remove, name="cen_tag_remove"),
    path("bandwidth-packages/<str:package_id>/", views.package_tags, name="package_tags"),
    path("bandwidth-packages/<str:package_id>/remove/", views.package_tag_remove, name="package_tag_remove"),
]
