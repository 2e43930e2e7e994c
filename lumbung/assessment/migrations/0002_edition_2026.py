from django.db import migrations


def models(apps):
    from lumbung.assessment.editions.store import ModelSet

    return ModelSet(*(apps.get_model("assessment", name) for name in ("Edition", "Indicator", "Basis", "Option")))


def load(apps, schema_editor):
    from lumbung.assessment.editions.store import shipped_edition_ensure

    shipped_edition_ensure(2026, models(apps))


def unload(apps, schema_editor):
    apps.get_model("assessment", "Edition").objects.filter(year=2026).delete()


class Migration(migrations.Migration):
    dependencies = [("assessment", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
