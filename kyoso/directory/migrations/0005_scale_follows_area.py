"""活動の規模 follows 活動地域 from now on (the apply form asks only the latter)."""

from django.db import migrations

SCALE_OF_AREA = {
    "nationwide": "national",
    "prefectures": "prefecture",
    "municipalities": "municipality",
}


def forwards(apps, schema_editor):
    Organisation = apps.get_model("directory", "Organisation")
    for area, scale in SCALE_OF_AREA.items():
        Organisation.objects.filter(area_kind=area).exclude(scale=scale).update(scale=scale)


class Migration(migrations.Migration):
    dependencies = [("directory", "0004_more_kinds")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
