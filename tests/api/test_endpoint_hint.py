"""An SDK given a URL for its endpoint (http://host:port, host:port/api) sends it as the Host header:
the answer says what the endpoint should be, in the API's error shape, through the SDK itself."""

import pytest
from alibabacloud_cbn20170912 import models
from Tea.exceptions import TeaException

from tests.api.conftest import sdk_v3_client

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("form", ["http://{endpoint}", "{endpoint}/api", "http://{endpoint}/api"])
def test_an_endpoint_with_a_scheme_or_a_path_is_answered_with_the_hint(access_key, endpoint, form):
    """The V3 SDK configured with a URL gets InvalidParameter naming the endpoint and the form it should have."""
    client = sdk_v3_client(form.format(endpoint=endpoint))
    with pytest.raises(TeaException) as refused:
        client.client.describe_cens(models.DescribeCensRequest())
    assert refused.value.code == "InvalidParameter"
    assert "without http://" in refused.value.message and "/api" in refused.value.message


def test_a_host_and_port_endpoint_is_answered(access_key, endpoint):
    """host:port, as the docs show it, is the API."""
    answer = sdk_v3_client(endpoint).client.describe_cens(models.DescribeCensRequest())
    assert answer.body.total_count == 0
