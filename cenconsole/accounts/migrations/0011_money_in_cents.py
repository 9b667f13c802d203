# Money in whole cents (issue 27): SQLite stored these as floating point. Each column's values are
# multiplied by 100 exactly as it becomes an integer column (see AlterFieldToCents).

import cenconsole.accounts.models
import cenconsole.core.fields
from cenconsole.core.migration_operations import AlterFieldToCents
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0010_sign_up_creations'),
    ]

    operations = [
        AlterFieldToCents(
            model_name='ledgerentry',
            name='amount',
            field=cenconsole.core.fields.MoneyField(help_text='Positive for credit, negative for a charge.', verbose_name='amount (USD)'),
        ),
        AlterFieldToCents(
            model_name='ledgerentry',
            name='balance_after',
            field=cenconsole.core.fields.MoneyField(verbose_name='balance after (USD)'),
        ),
        AlterFieldToCents(
            model_name='user',
            name='balance',
            field=cenconsole.core.fields.MoneyField(default=cenconsole.accounts.models.signup_credit, help_text='Demo credit left to pay orders with. Changed only by the billing services.', verbose_name='balance (USD)'),
        ),
    ]
