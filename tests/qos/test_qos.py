"""Inter-region QoS policies and their queues: one policy per connection end, DSCP values in one queue
only, shares within 100 % (or the connection's bandwidth), statuses on the clock."""

import pytest
from django.core.exceptions import ValidationError

from cenconsole.qos import services

from .test_marking import codes

pytestmark = pytest.mark.django_db


def make(connection, **extra):
    return services.qos_policy_create(
        owner=connection.owner, transit_router_id=connection.transit_router_id, attachment_id=connection.pk, **extra
    )


def test_a_policy_is_made_with_its_queues(connection, later):
    """Creating, then Active, with the queues it was given."""
    policy = make(connection, queues=[{"dscps": [1, 2], "remain_bandwidth_percent": 40}])
    assert policy.status == "Creating"
    later(30)
    policy.refresh_from_db()
    assert policy.status == "Active"
    assert [(queue.dscps, queue.remain_bandwidth_percent) for queue in policy.queues.all()] == [([1, 2], 40)]


def test_one_policy_per_connection_end(connection):
    """A second policy on the same end of the connection is refused."""
    make(connection)
    with pytest.raises(ValidationError) as refused:
        make(connection)
    assert codes(refused.value) == {"qos_connection_taken"}


def test_the_queues_shares_stay_within_100_percent(connection):
    """60 % and 50 % together are refused."""
    with pytest.raises(ValidationError) as refused:
        make(
            connection,
            queues=[{"dscps": [1], "remain_bandwidth_percent": 60}, {"dscps": [2], "remain_bandwidth_percent": 50}],
        )
    assert codes(refused.value) == {"qos_queue_share_total"}


def test_a_dscp_value_is_in_one_queue_only(connection, later):
    """A queue taking a DSCP value another queue has is refused."""
    policy = make(connection, queues=[{"dscps": [1], "remain_bandwidth_percent": 10}])
    later(30)
    with pytest.raises(ValidationError) as refused:
        services.qos_queue_create(owner=connection.owner, policy_id=policy.pk, dscps=[1], remain_bandwidth_percent=10)
    assert codes(refused.value) == {"qos_queue_dscp_taken"}


def test_by_bandwidth_queues_stay_within_the_connections_bandwidth(connection):
    """byBandwidth: 150 Mbit/s on a 100 Mbit/s connection is refused."""
    with pytest.raises(ValidationError) as refused:
        make(connection, guarantee_mode="byBandwidth", queues=[{"dscps": [1], "bandwidth": 150}])
    assert codes(refused.value) == {"qos_queue_share_total"}


def test_a_new_queue_leaves_the_policy_modifying(connection, later):
    """The queue is Creating and the policy Modifying; a second change meanwhile is refused."""
    policy = make(connection)
    later(30)
    queue = services.qos_queue_create(
        owner=connection.owner, policy_id=policy.pk, dscps=[3], remain_bandwidth_percent=20
    )
    policy.refresh_from_db()
    assert (queue.status, policy.status) == ("Creating", "Modifying")
    with pytest.raises(ValidationError) as refused:
        services.qos_queue_delete(owner=connection.owner, queue_id=queue.pk)
    assert codes(refused.value) == {"qos_policy_status"}


def test_a_queue_update_checks_the_total_without_itself(connection, later):
    """Raising a queue's own share from 40 to 100 % is allowed when it is the only queue."""
    policy = make(connection, queues=[{"dscps": [1], "remain_bandwidth_percent": 40}])
    later(30)
    queue = policy.queues.get()
    services.qos_queue_update(owner=connection.owner, queue_id=queue.pk, remain_bandwidth_percent=100, dscps=[1, 4])
    queue.refresh_from_db()
    assert (queue.remain_bandwidth_percent, queue.dscps, queue.status) == (100, [1, 4], "Modifying")


def test_a_deleted_policy_takes_its_queues(connection, later):
    """Deleting the policy makes its queues Deleting too."""
    policy = make(connection, queues=[{"dscps": [1], "remain_bandwidth_percent": 40}])
    later(30)
    services.qos_policy_delete(owner=connection.owner, policy_id=policy.pk)
    assert policy.queues.get().status == "Deleting"
