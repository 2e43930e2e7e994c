from django import forms
from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from lumbung.labs.models import Cohort


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Berkas XLSX atau CSV"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
        error_messages={"required": _("Pilih berkas XLSX atau CSV."), "empty": _("Berkas kosong.")},
    )

    def __init__(self, *args: object, cohorts: QuerySet[Cohort] | None = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        if cohorts is not None:
            # A participants import enrols into one cohort of the region.
            self.fields["cohort"] = forms.ModelChoiceField(
                label=_("Angkatan"),
                queryset=cohorts,
                empty_label=None,
                error_messages={"required": _("Pilih angkatan."), "invalid_choice": _("Pilih angkatan.")},
            )
            self.order_fields(["cohort", "file"])
        self.fields["file"].help_text = _(
            "Paling besar %(mb)s MB dan %(rows)s baris data. CSV harus UTF-8, dipisah ; atau ,."
        ) % {"mb": settings.IMPORT_MAX_MB, "rows": f"{settings.IMPORT_MAX_ROWS:,}".replace(",", ".")}
