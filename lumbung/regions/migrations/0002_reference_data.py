from django.db import migrations


def load(apps, schema_editor):
    from lumbung.regions.reference import sync_reference_data

    sync_reference_data(apps.get_model("regions", "Region"), apps.get_model("regions", "Urusan"))


class Migration(migrations.Migration):
    dependencies = [("regions", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
