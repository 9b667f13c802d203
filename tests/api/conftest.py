"""Driving the API as a script does: Alibaba Cloud's official Python SDK (aliyun-python-sdk-core and
aliyun-python-sdk-cbn) pointed at the live test server. Requests the SDK would never send (stale,
replayed, tampered) are signed with the SDK's own signature functions and sent with urllib."""

import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

import pytest
from aliyunsdkcore.acs_exception.exceptions import ServerException
from aliyunsdkcore.auth.algorithm import sha_hmac1
from aliyunsdkcore.auth.composer import rpc_signature_composer
from aliyunsdkcore.client import AcsClient
from aliyunsdkcore.utils import parameter_helper

from cenconsole.api import services as api_services

ACCESS_KEY_ID = "LTAI5tTestKey00000000001"
ACCESS_KEY_SECRET = "TestSecret0000000000000000000a"

# The SDK's RPC signature, module-private functions read as the SDK itself calls them.
sdk_string_to_sign = getattr(rpc_signature_composer, "__compose_string_to_sign")


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch):
    """The SDK sends through HTTP(S)_PROXY when set, even to localhost: the tests talk to it directly."""
    for name in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def access_key(user):
    """A known AccessKey for `user`, made as seed_demo --access-key makes one."""
    return api_services.access_key_ensure(owner=user, access_key_id=ACCESS_KEY_ID, secret=ACCESS_KEY_SECRET)


@pytest.fixture
def endpoint(live_server):
    """host:port of the live server, as a script passes it to request.set_endpoint()."""
    return urllib.parse.urlsplit(live_server.url).netloc


@dataclass
class Sdk:
    """The official SDK client, every request sent to the replica over plain HTTP."""

    client: AcsClient
    endpoint: str

    def prepare(self, request, **parameters):
        request.set_endpoint(self.endpoint)
        request.set_protocol_type("http")
        for name, value in parameters.items():
            getattr(request, f"set_{name}")(value)
        return request

    def call(self, request, **parameters) -> dict:
        """The action's JSON answer; a refusal raises the SDK's ServerException."""
        return json.loads(self.client.do_action_with_exception(self.prepare(request, **parameters)))

    def refusal(self, request, **parameters) -> ServerException:
        """The SDK's ServerException for a request the API refuses."""
        with pytest.raises(ServerException) as refused:
            self.call(request, **parameters)
        return refused.value


@pytest.fixture
def sdk(access_key, endpoint):
    client = AcsClient(ACCESS_KEY_ID, ACCESS_KEY_SECRET, "cn-hangzhou")
    yield Sdk(client, endpoint)
    # The SDK keeps its connection alive; closed here, the server's thread for it ends with the test.
    client.session.close()


@dataclass
class RawAnswer:
    status: int
    body: dict


def common_parameters(action: str, **overrides) -> dict:
    parameters = {
        "Action": action,
        "Version": "2017-09-12",
        "Format": "JSON",
        "RegionId": "cn-hangzhou",
        "AccessKeyId": ACCESS_KEY_ID,
        "SignatureMethod": "HMAC-SHA1",
        "SignatureVersion": "1.0",
        "SignatureType": "",
        "SignatureNonce": parameter_helper.get_uuid(),
        "Timestamp": parameter_helper.get_iso_8061_date(),
    }
    parameters.update(overrides)
    return parameters


def sdk_sign(method: str, parameters: dict, secret: str = ACCESS_KEY_SECRET) -> dict:
    """The parameters with the Signature the SDK would compute for them."""
    text = sdk_string_to_sign(method, {k: v for k, v in parameters.items() if k != "Signature"})
    return {**parameters, "Signature": sha_hmac1.get_sign_string(text, secret + "&")}


@pytest.fixture
def raw(live_server):
    """Sends already-signed parameters with urllib: GET in the query, POST as a form body."""

    def send(parameters: dict, *, method: str = "POST", path: str = "/") -> RawAnswer:
        query = urllib.parse.urlencode(parameters, quote_via=urllib.parse.quote)
        if method == "GET":
            request = urllib.request.Request(f"{live_server.url}{path}?{query}", method="GET")
        else:
            request = urllib.request.Request(
                f"{live_server.url}{path}",
                data=query.encode(),
                method=method,
                headers={"Content-Type": "application/x-www-form-urlencoded"},
            )
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        try:
            with opener.open(request, timeout=30) as response:
                return RawAnswer(response.status, json.loads(response.read()))
        except urllib.error.HTTPError as error:
            return RawAnswer(error.code, json.loads(error.read()))

    return send


# Alibaba Cloud's current SDK (alibabacloud-cbn20170912 on alibabacloud-tea-openapi), in its default
# configuration: signature V3 (ACS3-HMAC-SHA256), parameters in the query, the action in headers.


@dataclass
class SdkV3:
    """The V3 SDK's client; refusals raise its ClientException (HTTP 4xx) with the API's code."""

    client: object

    def call(self, method: str, request=None) -> dict:
        """The action's answer body as the SDK's model maps it back (field names as the API's)."""
        function = getattr(self.client, method)
        response = function(request) if request is not None else function()
        return response.body.to_map()

    def refusal(self, method: str, request=None):
        from Tea.exceptions import TeaException

        with pytest.raises(TeaException) as refused:
            self.call(method, request)
        return refused.value


def sdk_v3_client(endpoint: str, access_key_id: str = ACCESS_KEY_ID, secret: str = ACCESS_KEY_SECRET) -> SdkV3:
    from alibabacloud_cbn20170912.client import Client
    from alibabacloud_tea_openapi.utils_models import Config

    config = Config(
        access_key_id=access_key_id,
        access_key_secret=secret,
        endpoint=endpoint,  # the replica instead of cbn.aliyuncs.com
        protocol="http",
        region_id="cn-hangzhou",
    )
    return SdkV3(Client(config))


@pytest.fixture
def sdk_v3(access_key, endpoint):
    yield sdk_v3_client(endpoint)
    # The SDK keeps its HTTP sessions (and their connections) in a class attribute; closed here, the
    # server's threads for them end with the test, and their database connections with them.
    from darabonba.core import DaraCore

    for session in DaraCore._sessions.values():
        session.close()
    DaraCore._sessions.clear()


def v3_headers(
    method: str,
    query: dict,
    body: bytes = b"",
    *,
    action: str,
    secret: str = ACCESS_KEY_SECRET,
    access_key_id: str = ACCESS_KEY_ID,
    host: str = "testserver",
    content_type: str | None = None,
    nonce: str | None = None,
    date: str | None = None,
    path: str = "/",
    signed_extra: dict | None = None,
) -> dict:
    """The headers alibabacloud-tea-openapi sends for a V3 request, Authorization computed by the SDK's
    own signer (alibabacloud_tea_openapi.utils.Utils.get_authorization) over them (and `signed_extra`)."""
    import hashlib
    import types

    from alibabacloud_tea_openapi.utils import Utils

    headers = {
        "host": host,
        "x-acs-action": action,
        "x-acs-version": "2017-09-12",
        "x-acs-date": date or Utils.get_timestamp(),
        "x-acs-signature-nonce": nonce or Utils.get_nonce(),
        "x-acs-content-sha256": hashlib.sha256(body).hexdigest(),
        "accept": "application/json",
    }
    if content_type:
        headers["content-type"] = content_type
    headers.update(signed_extra or {})
    signed = types.SimpleNamespace(method=method, pathname=path, query=query, headers=headers)
    authorization = Utils.get_authorization(
        signed, "ACS3-HMAC-SHA256", headers["x-acs-content-sha256"], access_key_id, secret
    )
    return {**headers, "Authorization": authorization}


def v3_send(client, method: str, query: dict, body: dict | None = None, *, headers: dict | None = None, **signing):
    """A V3 request through Django's test client: query in the URL, parameters in a form body when
    given, signed with the SDK's signer unless headers are given."""
    encoded = urllib.parse.urlencode(body, quote_via=urllib.parse.quote).encode() if body else b""
    content_type = "application/x-www-form-urlencoded" if body else None
    if headers is None:
        headers = v3_headers(method, query, encoded, content_type=content_type, **signing)
    url = "/?" + urllib.parse.urlencode(query, quote_via=urllib.parse.quote) if query else "/"
    extra = {name: value for name, value in headers.items() if name.lower() not in ("content-type", "host")}
    return client.generic(
        method,
        url,
        data=encoded,
        content_type=content_type or "",
        headers=extra,
        HTTP_HOST=headers.get("host", "testserver"),
    )


@dataclass
class Answer:
    status: int
    body: dict

    @property
    def code(self) -> str | None:
        return self.body.get("Code")


def api_call(client, action: str, **parameters) -> Answer:
    """A V1-signed POST to the site root through Django's test client (no live server)."""
    response = client.post("/", sdk_sign("POST", common_parameters(action, **parameters)))
    return Answer(response.status_code, json.loads(response.content))
