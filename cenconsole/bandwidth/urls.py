from django.urls import path

from . import views

app_name = "bandwidth"

urlpatterns = [
    path("instances/<str:cen_id>/bandwidth-packages/", views.cen_tab, name="cen_tab"),
    path("instances/<str:cen_id>/bandwidth-packages/bind/", views.package_bind, name="package_bind"),
    path(
        "instances/<str:cen_id>/bandwidth-packages/<str:package_id>/unbind/",
        views.package_unbind,
        name="package_unbind",
    ),
    path("bandwidth-packages/", views.package_list, name="package_list"),
    path("bandwidth-packages/buy/", views.buy, name="buy"),
    path("bandwidth-packages/buy/cen-instances/", views.buy_cen_options, name="buy_cen_options"),
    path("bandwidth-packages/<str:package_id>/renew/", views.package_renew, name="package_renew"),
    path(
        "bandwidth-packages/<str:package_id>/upgrade/",
        views.package_resize,
        {"direction": "upgrade"},
        name="package_upgrade",
    ),
    path(
        "bandwidth-packages/<str:package_id>/downgrade/",
        views.package_resize,
        {"direction": "downgrade"},
        name="package_downgrade",
    ),
    path("bandwidth-packages/<str:package_id>/auto-renewal/", views.package_auto_renewal, name="package_auto_renewal"),
    path("orders/", views.order_list, name="order_list"),
    path("orders/<int:order_id>/", views.order_detail, name="order_detail"),
    path("orders/<int:order_id>/pay/", views.order_pay, name="order_pay"),
    path("orders/<int:order_id>/cancel/", views.order_cancel, name="order_cancel"),
    path("orders/<int:order_id>/success/", views.order_success, name="order_success"),
]
