# Written by hand: the PostgreSQL search column also stems with each language's configuration.

from django.db import migrations

# The search text holds the original and every language version (documents.services.checks
# .search_text). Besides the exact words ('simple', which is also all Arabic and Chinese get:
# PostgreSQL has no configuration for them), it is stemmed with the configuration of each
# language PostgreSQL knows, so "gouvernances" finds a French version saying "gouvernance".
# A generated column reads only its own row, so the languages cannot be told apart per
# version: every configuration reads the whole text, at the cost of a larger vector.
LANGUAGE_CONFIGS = ("english", "french", "spanish", "russian")

SEARCH_VECTOR_SQL = (
    """
DROP INDEX IF EXISTS document_search_vector_gin;
ALTER TABLE documents_document DROP COLUMN IF EXISTS search_vector;
ALTER TABLE documents_document ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, coalesce(title, '')), 'A')
        || setweight(to_tsvector('simple'::regconfig, coalesce(search_text, '')), 'D')
"""
    + "".join(
        f"        || to_tsvector('{config}'::regconfig, coalesce(search_text, ''))\n"
        for config in LANGUAGE_CONFIGS
    )
    + """    ) STORED;
CREATE INDEX document_search_vector_gin ON documents_document USING gin (search_vector);
"""
)
SIMPLE_SEARCH_VECTOR_SQL = """
DROP INDEX IF EXISTS document_search_vector_gin;
ALTER TABLE documents_document DROP COLUMN IF EXISTS search_vector;
ALTER TABLE documents_document ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, coalesce(title, '')), 'A')
        || setweight(to_tsvector('simple'::regconfig, coalesce(search_text, '')), 'D')
    ) STORED;
CREATE INDEX document_search_vector_gin ON documents_document USING gin (search_vector);
"""


def by_language(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(SEARCH_VECTOR_SQL)


def simple_only(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(SIMPLE_SEARCH_VECTOR_SQL)


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0008_publication_language"),
    ]

    operations = [
        migrations.RunPython(by_language, simple_only, elidable=False),
    ]
