"""The seed's area and region names, as stored (in English) by the data migration, marked with
gettext_noop so makemessages extracts them. They are stored once and translated when shown:
Area.display_name / Region.display_name return gettext(name) in the active language."""

from django.utils.translation import gettext_noop

AREA_NAMES = [
    gettext_noop("Mainland China"),
    gettext_noop("North America"),
    gettext_noop("Asia Pacific"),
    gettext_noop("Europe"),
    gettext_noop("Australia"),
]

REGION_NAMES = [
    gettext_noop("China (Qingdao)"),
    gettext_noop("China (Beijing)"),
    gettext_noop("China (Zhangjiakou)"),
    gettext_noop("China (Shenzhen)"),
    gettext_noop("China (Hangzhou)"),
    gettext_noop("China (Shanghai)"),
    gettext_noop("China (Hohhot)"),
    gettext_noop("US (Silicon Valley)"),
    gettext_noop("US (Virginia)"),
    gettext_noop("China (Hong Kong)"),
    gettext_noop("Singapore"),
    gettext_noop("Malaysia (Kuala Lumpur)"),
    gettext_noop("Japan (Tokyo)"),
    gettext_noop("India (Mumbai)"),
    gettext_noop("Indonesia (Jakarta)"),
    gettext_noop("Germany (Frankfurt)"),
    gettext_noop("UK (London)"),
    gettext_noop("Australia (Sydney)"),
]
