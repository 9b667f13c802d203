from django.urls import path

from . import views

app_name = "qos"

ROUTER = "instances/<str:cen_id>/transit-routers/<str:router_id>/"
MARKING = ROUTER + "traffic-marking/<str:marking_policy_id>/"
QOS = ROUTER + "qos/<str:qos_policy_id>/"

urlpatterns = [
    path(ROUTER + "traffic-marking/", views.marking_policies, name="marking_policies"),
    path(ROUTER + "traffic-marking/create/", views.marking_policy_create, name="marking_policy_create"),
    path(MARKING + "modify/", views.marking_policy_modify, name="marking_policy_modify"),
    path(MARKING + "delete/", views.marking_policy_delete, name="marking_policy_delete"),
    path(MARKING + "rules/add/", views.match_rule_add, name="match_rule_add"),
    path(MARKING + "rules/<str:rule_id>/modify/", views.match_rule_modify, name="match_rule_modify"),
    path(MARKING + "rules/<str:rule_id>/delete/", views.match_rule_delete, name="match_rule_delete"),
    path(ROUTER + "qos/", views.qos_policies, name="qos_policies"),
    path(ROUTER + "qos/create/", views.qos_policy_create, name="qos_policy_create"),
    path(QOS + "modify/", views.qos_policy_modify, name="qos_policy_modify"),
    path(QOS + "delete/", views.qos_policy_delete, name="qos_policy_delete"),
    path(QOS + "queues/create/", views.qos_queue_create, name="qos_queue_create"),
    path(QOS + "queues/<str:queue_id>/modify/", views.qos_queue_modify, name="qos_queue_modify"),
    path(QOS + "queues/<str:queue_id>/delete/", views.qos_queue_delete, name="qos_queue_delete"),
]
