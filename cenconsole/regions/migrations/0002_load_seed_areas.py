"""Loads the seed's areas and regions. A copy of the table is kept here so the migration never
changes when reference.py does."""

from django.db import migrations

AREAS = [
    ("China", "Mainland China", [
        ("cn-qingdao", "China (Qingdao)"), ("cn-beijing", "China (Beijing)"),
        ("cn-zhangjiakou", "China (Zhangjiakou)"), ("cn-shenzhen", "China (Shenzhen)"),
        ("cn-hangzhou", "China (Hangzhou)"), ("cn-shanghai", "China (Shanghai)"),
        ("cn-huhehaote", "China (Hohhot)"),
    ]),
    ("North-America", "North America", [("us-west-1", "US (Silicon Valley)"), ("us-east-1", "US (Virginia)")]),
    ("Asia-Pacific", "Asia Pacific", [
        ("cn-hongkong", "China (Hong Kong)"), ("ap-southeast-1", "Singapore"),
        ("ap-southeast-3", "Malaysia (Kuala Lumpur)"), ("ap-northeast-1", "Japan (Tokyo)"),
        ("ap-south-1", "India (Mumbai)"), ("ap-southeast-5", "Indonesia (Jakarta)"),
    ]),
    ("Europe", "Europe", [("eu-central-1", "Germany (Frankfurt)"), ("eu-west-1", "UK (London)")]),
    ("Australia", "Australia", [("ap-southeast-2", "Australia (Sydney)")]),
]


def load(apps, schema_editor):
    Area = apps.get_model("regions", "Area")
    Region = apps.get_model("regions", "Region")
    for area_position, (code, name, regions) in enumerate(AREAS, start=1):
        area, _ = Area.objects.update_or_create(code=code, defaults={"name": name, "position": area_position})
        for region_position, (region_code, region_name) in enumerate(regions, start=1):
            Region.objects.update_or_create(
                code=region_code, defaults={"name": region_name, "area": area, "position": region_position}
            )


class Migration(migrations.Migration):
    dependencies = [("regions", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
