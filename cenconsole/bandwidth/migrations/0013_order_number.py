from django.db import migrations, models

import cenconsole.core.ids


def number_existing_orders(apps, schema_editor):
    """Orders made before the long numbers get one each (unique, as new orders do)."""
    Order = apps.get_model("bandwidth", "Order")
    used = set()
    for order in Order.objects.filter(number__isnull=True).only("pk").iterator():
        number = cenconsole.core.ids.order_number()
        while number in used:
            number = cenconsole.core.ids.order_number()
        used.add(number)
        Order.objects.filter(pk=order.pk).update(number=number)


class Migration(migrations.Migration):
    dependencies = [("bandwidth", "0012_money_in_cents")]

    operations = [
        migrations.AddField(
            model_name="order",
            name="number",
            field=models.CharField(editable=False, max_length=20, null=True, verbose_name="order number"),
        ),
        migrations.RunPython(number_existing_orders, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="order",
            name="number",
            field=models.CharField(
                default=cenconsole.core.ids.order_number,
                editable=False,
                help_text="The order's number as the console shows it (16 digits); URLs keep the primary key.",
                max_length=20,
                unique=True,
                verbose_name="order number",
            ),
        ),
    ]
