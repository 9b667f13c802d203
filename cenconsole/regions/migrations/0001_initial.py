import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Area",
            fields=[
                ("code", models.CharField(help_text="API id, e.g. China.", max_length=32, primary_key=True, serialize=False, verbose_name="area id")),
                ("name", models.CharField(help_text="Console name, e.g. Mainland China.", max_length=64, unique=True, verbose_name="area")),
                ("position", models.PositiveSmallIntegerField(help_text="Order of the area in the seed's table.")),
            ],
            options={"verbose_name": "area", "ordering": ["position"]},
        ),
        migrations.CreateModel(
            name="Region",
            fields=[
                ("code", models.CharField(help_text="e.g. cn-hangzhou.", max_length=32, primary_key=True, serialize=False, verbose_name="region id")),
                ("name", models.CharField(help_text="e.g. China (Hangzhou).", max_length=64, unique=True, verbose_name="region")),
                ("position", models.PositiveSmallIntegerField(help_text="Order of the region in the seed's table.")),
                ("area", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="regions", to="regions.area")),
            ],
            options={"verbose_name": "region", "ordering": ["area__position", "position"]},
        ),
    ]
