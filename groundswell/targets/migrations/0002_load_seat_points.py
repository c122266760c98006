"""Load the ~20,000 seat points shipped in groundswell/targets/data/seat_points.csv."""

from django.db import migrations


def load(apps, schema_editor):
    from groundswell.targets.embedded import load_seat_points

    load_seat_points(apps.get_model("targets", "SeatPoint"), apps.get_model("geo", "Constituency"))


def unload(apps, schema_editor):
    apps.get_model("targets", "SeatPoint").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("targets", "0001_initial"),
        ("geo", "0002_load_embedded_geography"),
    ]

    operations = [migrations.RunPython(load, unload, elidable=False)]
