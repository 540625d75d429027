"""PostgreSQL only: an index for the registry's source filter ("starts with", any case),
which Django writes as UPPER("source"::text) LIKE UPPER('Kenya%'). text_pattern_ops lets a
LIKE prefix use it whatever the database's collation. SQLite needs nothing."""

from django.db import migrations

CREATE = (
    "CREATE INDEX IF NOT EXISTS document_source_upper_prefix "
    "ON documents_document (UPPER(source::text) text_pattern_ops)"
)
DROP = "DROP INDEX IF EXISTS document_source_upper_prefix"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0003_publication_claim_token"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
