"""The reference data every database holds: the seed's areas and regions. The data migration
(0002_load_seed_areas) and the test set-up both call `load_reference_data`, with the migration's
historical models or the live ones."""

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
]  # fmt: skip


def load_reference_data(apps):
    """Makes (or brings up to date) every area and region of AREAS, in their order. `apps` is a
    migration's app registry or django.apps.apps."""
    Area = apps.get_model("regions", "Area")
    Region = apps.get_model("regions", "Region")
    for area_position, (code, name, regions) in enumerate(AREAS, start=1):
        area, _ = Area.objects.update_or_create(code=code, defaults={"name": name, "position": area_position})
        for region_position, (region_code, region_name) in enumerate(regions, start=1):
            Region.objects.update_or_create(
                code=region_code, defaults={"name": region_name, "area": area, "position": region_position}
            )
