"""The response models of Alibaba Cloud's current SDK (alibabacloud-cbn20170912), read from its model
classes: a model's keys are what its to_map() writes, their JSON types what its __init__'s annotations
say. A model filled with one value of each type (lists of one item) maps to a sample answer; an answer
conforms when it has every key of the sample with a value of the same JSON type, all the way down."""

import inspect
import typing

from alibabacloud_cbn20170912 import models as sdk_models

_NAMESPACE = {"main_models": sdk_models, "List": typing.List, "Dict": typing.Dict, "Any": typing.Any}  # noqa: UP006
_SAMPLE_SCALARS = {str: "text", int: 1, bool: True, float: 1.5}


class FreeFormObject(dict):
    """A Dict[str, ...] of the model (TransitRouterVPCAttachmentOptions): an object, its keys free."""


def response_body_model(action: str) -> type:
    return getattr(sdk_models, f"{action}ResponseBody")


def _sample_value(annotation):
    if isinstance(annotation, str):
        annotation = eval(annotation, _NAMESPACE)  # the SDK's own annotations, e.g. "List[main_models.X]"
    if annotation in _SAMPLE_SCALARS:
        return _SAMPLE_SCALARS[annotation]
    origin = typing.get_origin(annotation)
    if origin is list:
        (item,) = typing.get_args(annotation)
        return [_sample_value(item)]
    if origin is dict:
        return FreeFormObject()  # a map of the model's: the key is required, any keys inside
    if annotation is typing.Any:
        return None  # free-form: any value will do
    return _sample_model(annotation)


def _sample_model(model: type):
    parameters = inspect.signature(model.__init__).parameters
    return model(**{name: _sample_value(p.annotation) for name, p in parameters.items() if name != "self"})


def sample_answer(action: str) -> dict:
    """The action's response body with every key of the SDK's model, each value of the model's type."""
    return _sample_model(response_body_model(action)).to_map()


def _json_type(value) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "null"


def mismatches(answer, sample, path: str = "") -> list[str]:
    """Where answer lacks a key of sample, has a key the sample lacks, or has a value of another JSON
    type ([] where the sample is a list of one item checks nothing inside; each item given is checked)."""
    if sample is None:
        return []
    expected, found = _json_type(sample), _json_type(answer)
    if expected == "number" and found == "integer":
        found = "number"
    if expected != found:
        return [f"{path or '.'}: {expected} expected, {found} found ({answer!r})"]
    if isinstance(sample, FreeFormObject):
        return []
    if isinstance(sample, dict):
        problems = []
        for key, value in sample.items():
            if key not in answer:
                problems.append(f"{path}.{key}: missing")
            else:
                problems.extend(mismatches(answer[key], value, f"{path}.{key}"))
        problems.extend(f"{path}.{key}: not in the SDK's model" for key in answer if key not in sample)
        return problems
    if isinstance(sample, list) and sample:
        problems = []
        for index, item in enumerate(answer):
            problems.extend(mismatches(item, sample[0], f"{path}[{index}]"))
        return problems
    return []
