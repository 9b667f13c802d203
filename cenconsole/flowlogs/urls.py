from django.urls import path

from . import views

app_name = "flowlogs"

ROUTER = "instances/<str:cen_id>/transit-routers/<str:router_id>/flow-logs/"

urlpatterns = [
    path(ROUTER, views.router_flow_logs, name="router_flow_logs"),
    path(f"{ROUTER}create/", views.flow_log_create, name="flow_log_create"),
    path(f"{ROUTER}<str:flow_log_id>/modify/", views.flow_log_modify, name="flow_log_modify"),
    path(f"{ROUTER}<str:flow_log_id>/start/", views.flow_log_start, name="flow_log_start"),
    path(f"{ROUTER}<str:flow_log_id>/stop/", views.flow_log_stop, name="flow_log_stop"),
    path(f"{ROUTER}<str:flow_log_id>/delete/", views.flow_log_delete, name="flow_log_delete"),
]
