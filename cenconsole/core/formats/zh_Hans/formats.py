"""zh-Hans formats: Django's own, except numbers. Django's zh_Hans groups digits by four with no
separator (USD 1200.00); the console shows amounts in USD as Alibaba Cloud's Chinese console does,
grouped by three with commas (USD 1,200.00), the same as in English."""

from django.conf.locale.zh_Hans.formats import *  # noqa: F403

DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
