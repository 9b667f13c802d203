from datetime import timedelta

import pytest
import time_machine

from cenconsole.core import clock
from cenconsole.transit import services


@pytest.fixture
def later():
    """Moves the clock past a transition (Creating, Attaching, Deleting): later() each time."""
    travellers = []

    def move(seconds=10):
        traveller = time_machine.travel(clock.real_now() + timedelta(seconds=seconds), tick=False)
        traveller.start()
        travellers.append(traveller)

    yield move
    for traveller in reversed(travellers):
        traveller.stop()


@pytest.fixture
def active_router(cen_instance, later):
    """An Active transit router of cen_instance in cn-hangzhou."""

    def make(region="cn-hangzhou", instance=None):
        instance = instance or cen_instance
        router = services.transit_router_create(owner=instance.owner, cen_instance_id=instance.pk, region_code=region)
        later()
        return router

    return make


ZONES = [("cn-hangzhou-h", "vsw-hangzhou0001"), ("cn-hangzhou-i", "vsw-hangzhou0002")]
