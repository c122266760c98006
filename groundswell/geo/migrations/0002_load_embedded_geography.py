"""Load the 650 constituencies and ~3,077 postcode districts shipped in groundswell/geo/data/."""

from django.db import migrations


def load(apps, schema_editor):
    from groundswell.geo.embedded import load_geography

    load_geography(apps.get_model("geo", "Constituency"), apps.get_model("geo", "PostcodeDistrict"))


class Migration(migrations.Migration):
    dependencies = [("geo", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop, elidable=False)]
