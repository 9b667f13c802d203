"""The VPC ID becomes instance_id, unique per account (another account may attach a VPC with the same
ID); the row keeps its old key. Every network instance gets a CIDR block: the region's default for
those attached before."""

from django.db import migrations, models

import cenconsole.networks.models


def copy_ids_and_default_cidrs(apps, schema_editor):
    NetworkInstance = apps.get_model("networks", "NetworkInstance")
    for network in NetworkInstance.objects.select_related("region__area").iterator():
        network.instance_id = network.id
        network.cidr_block = cenconsole.networks.models.default_cidr_block(network.region)
        network.save(update_fields=["instance_id", "cidr_block"])


class Migration(migrations.Migration):
    dependencies = [
        ("networks", "0003_verbose_names"),
    ]

    operations = [
        migrations.AddField(
            model_name="networkinstance",
            name="cidr_block",
            field=models.CharField(
                blank=True,
                help_text="The VPC's IPv4 CIDR block, such as 10.0.0.0/16: the route CEN learns from it.",
                max_length=18,
                verbose_name="CIDR block",
            ),
        ),
        migrations.AddField(
            model_name="networkinstance",
            name="instance_id",
            field=models.CharField(max_length=32, null=True, editable=False),
        ),
        migrations.RunPython(copy_ids_and_default_cidrs, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="networkinstance",
            name="instance_id",
            field=models.CharField(
                default=cenconsole.networks.models.new_vpc_id,
                editable=False,
                help_text="The VPC's ID. Unique within the account: another account may have a VPC with the same ID.",
                max_length=32,
                verbose_name="instance ID",
            ),
        ),
        migrations.AlterField(
            model_name="networkinstance",
            name="id",
            field=models.CharField(
                default=cenconsole.networks.models.new_row_id,
                editable=False,
                max_length=32,
                primary_key=True,
                serialize=False,
            ),
        ),
        migrations.AddConstraint(
            model_name="networkinstance",
            constraint=models.UniqueConstraint(fields=("owner", "instance_id"), name="network_instance_id_per_account"),
        ),
    ]
