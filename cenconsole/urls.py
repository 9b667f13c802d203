from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from cenconsole.core.views import healthz

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="cen:instance_list", permanent=False)),
    path("healthz", healthz, name="healthz"),
    path("accounts/", include("cenconsole.accounts.urls")),
    path("cen/", include("cenconsole.cen.urls")),
    path("cen/", include("cenconsole.bandwidth.urls")),
    path("cen/", include("cenconsole.networks.urls")),
    path("cen/", include("cenconsole.tickets.urls")),
    path("admin/", admin.site.urls),
]
