from django.db import migrations


def load(apps, schema_editor):
    from lumbung.innovations.reference import sync_themes

    sync_themes(apps.get_model("innovations", "Theme"))


class Migration(migrations.Migration):
    dependencies = [("innovations", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
