"""Each entry's single-language text moves to the language it is written in, told by its letters
(`rules.languages.written_in`: a Kazakh-specific letter makes it Kazakh; other Cyrillic, or no Cyrillic
at all, Russian); the other language is left empty for the unit to fill before it submits again. The
entries' history moves the same way. Back: the Russian text, else the Kazakh one."""
from django.db import migrations

from jospar.rules.languages import written_in

FIELDS = ("actual", "reasons")
BATCH = 500


def split(text: str) -> dict[str, str]:
    """{"kk": …, "ru": …} for one single-language text: the text under its language, the other blank."""
    lang = written_in(text) or "ru"
    return {"kk": text if lang == "kk" else "", "ru": text if lang == "ru" else ""}


def _move(model, pk_name: str) -> None:
    changed = []
    for row in model.objects.exclude(actual="", reasons="").only(pk_name, *FIELDS).iterator(chunk_size=BATCH):
        for name in FIELDS:
            for lang, text in split(getattr(row, name)).items():
                setattr(row, f"{name}_{lang}", text)
        changed.append(row)
    model.objects.bulk_update(changed, [f"{n}_{lang}" for n in FIELDS for lang in ("kk", "ru")], batch_size=BATCH)


def _back(model, pk_name: str) -> None:
    changed = []
    for row in model.objects.only(pk_name, *(f"{n}_{lang}" for n in FIELDS for lang in ("kk", "ru"))).iterator(
            chunk_size=BATCH):
        for name in FIELDS:
            setattr(row, name, getattr(row, f"{name}_ru") or getattr(row, f"{name}_kk"))
        changed.append(row)
    model.objects.bulk_update(changed, list(FIELDS), batch_size=BATCH)


def to_their_language(apps, schema_editor):
    _move(apps.get_model("monitoring", "ExecutionEntry"), "id")
    _move(apps.get_model("monitoring", "HistoricalExecutionEntry"), "history_id")


def back_to_one(apps, schema_editor):
    _back(apps.get_model("monitoring", "ExecutionEntry"), "id")
    _back(apps.get_model("monitoring", "HistoricalExecutionEntry"), "history_id")


class Migration(migrations.Migration):

    dependencies = [
        ("monitoring", "0011_entry_texts_in_both_languages"),
    ]

    operations = [
        migrations.RunPython(to_their_language, back_to_one),
    ]
