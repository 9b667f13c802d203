import pytest

from cenconsole.flowlogs import services
from tests.transit.conftest import active_router, later  # noqa: F401 (the fixtures)


@pytest.fixture
def flow_log(cen_instance):
    """Makes a flow log of cen_instance in cn-hangzhou through the service."""

    def make(**settings):
        return services.flow_log_create(
            **{
                "owner": cen_instance.owner,
                "cen_instance_id": cen_instance.pk,
                "region_code": "cn-hangzhou",
                "project_name": "flowlog-project",
                "log_store_name": "flowlog_store",
                **settings,
            }
        )

    return make
