"""The helpers every action module shares (api/actions/common.py): DryRun, parameters read and
ignored, NextToken / MaxResults paging."""

import pytest

from cenconsole.accounts.models import User
from cenconsole.api import errors
from cenconsole.api.actions.common import dry_run_or_run, read_ignored, token_page
from cenconsole.api.params import Params


def paged(items, **data) -> dict:
    return token_page(items, Params(data), wrapper="Rows", show_item=lambda each: {"N": each})


def test_token_page_answers_max_results_rows_and_the_next_offset():
    """MaxResults rows from NextToken's offset; the next token is the following offset, "" after the last."""
    first = paged(list(range(5)), MaxResults="2")
    assert first == {"Rows": [{"N": 0}, {"N": 1}], "TotalCount": 5, "MaxResults": 2, "NextToken": "2"}
    last = paged(list(range(5)), MaxResults="2", NextToken="4")
    assert (last["Rows"], last["NextToken"]) == ([{"N": 4}], "")


def test_token_page_echoes_the_requested_max_results_on_a_short_last_page():
    """MaxResults in the answer is the request's (as the real API answers), not how many rows came back."""
    last = paged(list(range(5)), MaxResults="3", NextToken="3")
    assert (len(last["Rows"]), last["MaxResults"]) == (2, 3)


@pytest.mark.parametrize("size", ["0", "101"])
def test_token_page_refuses_max_results_out_of_range(size):
    """MaxResults is 1 to 100."""
    with pytest.raises(errors.ApiError) as refused:
        paged([], MaxResults=size)
    assert refused.value.code == "InvalidParameter"


@pytest.mark.parametrize("token", ["garbage", "-1", "١", "1" * 19])
def test_token_page_refuses_a_token_no_answer_gave(token):
    """A NextToken is the ASCII digits of an offset a previous answer gave."""
    with pytest.raises(errors.ApiError) as refused:
        paged([], NextToken=token)
    assert refused.value.code == "InvalidParameter"


def test_read_ignored_parameters_are_not_unsupported():
    """Parameters read and ignored are not refused as unsupported; others still are."""
    params = Params({"ClientToken": "t", "RegionId": "cn-hangzhou", "Other": "x"})
    read_ignored(params, "ClientToken", "RegionId")
    assert params.unread() == ["Other"]


@pytest.mark.django_db
def test_dry_run_runs_the_attempt_and_keeps_nothing():
    """DryRun=true: the attempt runs, is rolled back and DryRunOperation is the answer."""
    with pytest.raises(errors.ApiError) as answered:
        dry_run_or_run(Params({"DryRun": "true"}), lambda: User.objects.create(username="dry"))
    assert answered.value.code == "DryRunOperation"
    assert not User.objects.filter(username="dry").exists()


@pytest.mark.django_db
def test_without_dry_run_the_attempt_runs_and_its_result_is_returned():
    """No DryRun: the attempt runs for real and its result is the helper's."""
    user = dry_run_or_run(Params({}), lambda: User.objects.create(username="real"))
    assert User.objects.get(username="real") == user
