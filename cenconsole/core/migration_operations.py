"""Migration operations shared by the apps."""

from django.db import migrations


class AlterFieldToCents(migrations.AlterField):
    """Alters a DecimalField holding dollars to a MoneyField (cents in a bigint column), converting
    every stored value exactly: 9860.00 becomes 986000, and a value SQLite had drifted in floating
    point (9531.699999999993) becomes 953170. Backwards, the column holds dollars again.

    PostgreSQL changes the type and the values in one statement (`USING round(col * 100)`): a plain
    AlterField would cast 9860.00 to 9860, and multiplying first could overflow numeric(14, 2).
    SQLite multiplies in place, then AlterField rebuilds the table with an integer column."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        model = to_state.apps.get_model(app_label, self.model_name)
        if not self.allow_migrate_model(schema_editor.connection.alias, model):
            return
        table, column = self._names(schema_editor, model)
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE bigint USING round({column} * 100)")
        else:
            schema_editor.execute(f"UPDATE {table} SET {column} = ROUND({column} * 100)")
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        model = to_state.apps.get_model(app_label, self.model_name)
        if not self.allow_migrate_model(schema_editor.connection.alias, model):
            return
        table, column = self._names(schema_editor, model)
        if schema_editor.connection.vendor == "postgresql":
            decimal = model._meta.get_field(self.name).db_type(schema_editor.connection)
            schema_editor.execute(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE {decimal} USING {column} / 100.0")
        else:
            # AlterField's backwards is its forwards between the states swapped (not this class's forwards).
            migrations.AlterField.database_forwards(self, app_label, schema_editor, from_state, to_state)
            schema_editor.execute(f"UPDATE {table} SET {column} = {column} / 100.0")

    def _names(self, schema_editor, model):
        column = model._meta.get_field(self.name).column
        return schema_editor.quote_name(model._meta.db_table), schema_editor.quote_name(column)

    def describe(self):
        return f"Alter field {self.name} on {self.model_name} to whole cents"
