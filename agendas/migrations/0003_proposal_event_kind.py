from django.db import migrations, models

# An edit after submission was logged with from_state == to_state; every other row is a
# step, named by the state it led to.
KIND_OF_STATE = {
    "submitted": "submitted",
    "under_consideration": "considered",
    "included": "included",
    "rejected": "rejected",
    "deferred": "deferred",
    "withdrawn": "withdrawn",
}


def fill_kind(apps, schema_editor):
    ProposalEvent = apps.get_model("agendas", "ProposalEvent")
    ProposalEvent.objects.filter(from_state=models.F("to_state")).update(kind="edited")
    steps = ProposalEvent.objects.exclude(from_state=models.F("to_state"))
    for state, kind in KIND_OF_STATE.items():
        steps.filter(to_state=state).update(kind=kind)


class Migration(migrations.Migration):
    dependencies = [
        ("agendas", "0002_proposal_event_notified_at"),
    ]

    operations = [
        migrations.AddField(
            model_name="proposalevent",
            name="kind",
            field=models.CharField(
                choices=[
                    ("submitted", "Submitted"),
                    ("edited", "Edited after submission"),
                    ("considered", "Put under consideration"),
                    ("included", "Included in the agenda"),
                    ("rejected", "Rejected"),
                    ("deferred", "Deferred"),
                    ("withdrawn", "Withdrawn"),
                ],
                default="",
                max_length=20,
            ),
            preserve_default=False,
        ),
        migrations.RunPython(fill_kind, migrations.RunPython.noop),
    ]
