"""What the Terraform replays (tests/api/test_terraform_*replay.py) share: the provider's client as the
V1 SDK's CommonRequest against the live server, its NotFound, its page size, buildClientToken, and its
tag helpers (expandTagsToMap, CenServiceV2.SetResourceTags). Read from aliyun/terraform-provider-alicloud
at commit 81c43b6727a09e9da37b3d88818c3ba5fa17fa14 (cenconsole.api.terraform_coverage.PROVIDER_COMMIT):
alicloud/common.go, alicloud/tags.go, alicloud/service_alicloud_cen_v2.go."""

import json
import uuid
from dataclasses import dataclass, field

from aliyunsdkcore.acs_exception.exceptions import ServerException
from aliyunsdkcore.request import CommonRequest

PAGE_SIZE_LARGE = 50  # alicloud/common.go
REGION = "cn-hangzhou"  # the provider's region (client.RegionId) unless a replay says otherwise


class NotFound(Exception):
    """The provider's NotFoundError: the resource is gone."""


def token() -> str:
    """buildClientToken: a new token for every call."""
    return uuid.uuid4().hex


def ok(answer):
    """The body of an api_call answer that must succeed."""
    assert answer.status == 200, answer.body
    return answer.body


@dataclass
class Provider:
    """The provider's client: RpcPost / WithCbnClient, as CommonRequest with a form body."""

    sdk: object
    calls: list = field(default_factory=list)
    region: str = REGION

    def call(self, action: str, **parameters) -> dict:
        request = CommonRequest(domain=self.sdk.endpoint, version="2017-09-12", action_name=action)
        request.set_method("POST")
        request.set_protocol_type("http")
        request.set_accept_format("json")
        for name, value in parameters.items():
            request.add_body_params(name, str(value).lower() if isinstance(value, bool) else str(value))
        self.calls.append(action)
        return json.loads(self.sdk.client.do_action_with_exception(request))

    def expect(self, action: str, codes: list[str], **parameters) -> dict | ServerException:
        """A call whose refusal with one of codes is an answer (a retry list, a NotFound mapping)."""
        try:
            return self.call(action, **parameters)
        except ServerException as error:
            if error.get_error_code() in codes:
                return error
            raise

    def wait_for(self, refresh, target: list) -> object:
        """BuildStateConf(...).WaitForState(): the replica is never pending here, so the first poll must
        reach the target ([] meaning "gone": the refresh raised NotFound)."""
        try:
            found, state = refresh()
        except NotFound:
            assert target == [], "gone while the provider waits for " + repr(target)
            return None
        assert state in target, f"the provider would keep polling: {state!r} is not {target!r}"
        return found


def expand_tags(tags: dict) -> dict:
    """expandTagsToMap: Tag.N.Key and Tag.N.Value."""
    request = {}
    for index, (key, value) in enumerate(sorted(tags.items()), start=1):
        request[f"Tag.{index}.Key"], request[f"Tag.{index}.Value"] = key, value
    return request


def set_resource_tags(tf, resource_id: str, resource_type: str, old: dict, new: dict) -> None:
    """CenServiceV2.SetResourceTags: UntagResources of the keys removed, then TagResources of those
    added or changed, in the provider's region (tf.region); tf is any replay's Provider."""
    removed = [key for key in old if key not in new]
    added = {key: value for key, value in new.items() if old.get(key) != value}
    common = {"ResourceId.1": resource_id, "RegionId": tf.region, "ResourceType": resource_type}
    if removed:
        tf.call("UntagResources", **common, **{f"TagKey.{index}": key for index, key in enumerate(removed, start=1)})
    if added:
        tf.call("TagResources", **common, **expand_tags(added))
