"""Forms of the edition pages; every check that matters lives in the services (editions/)."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .editions.spec import YEAR_MAX, YEAR_MIN
from .models import Basis, Edition, Indicator, Option

RULE_FORM_FIELDS = [
    "name", "source", "third_party", "notes",
    "max_total", "divisor_floor", "quantity_factor", "quantity_cap",
    "coverage_required", "coverage_counts_other_urusan",
    "innovative_min", "very_innovative_min",
    "eligibility_start", "eligibility_end", "min_design_words", "reporting_deadline",
]  # fmt: skip
DATE_FIELDS = ("eligibility_start", "eligibility_end", "reporting_deadline")
INDICATOR_FORM_FIELDS = ["aspect", "number", "variable", "name", "weight", "mandatory", "evidence"]


def _date_widget() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RulesForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields.update(
            forms.fields_for_model(
                Edition,
                fields=RULE_FORM_FIELDS,
                widgets={
                    **{name: _date_widget() for name in DATE_FIELDS},
                    "source": forms.Textarea(attrs={"rows": 2}),
                    "notes": forms.Textarea(attrs={"rows": 3}),
                },
            )
        )


class CloneForm(forms.Form):
    year = forms.IntegerField(
        label=_("Tahun edisi baru"),
        min_value=YEAR_MIN,
        max_value=YEAR_MAX,
        help_text=_("Tanggal jendela penerapan dan batas pelaporan ikut bergeser sebanyak selisih tahunnya."),
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Berkas edisi (XLSX)"),
        help_text=_("Lembar “Aturan” dan “Indikator”, seperti berkas hasil unduhan XLSX sebuah edisi."),
    )


def option_field(label: str, initial: str) -> forms.CharField:
    return forms.CharField(
        label=label, initial=initial, max_length=300, widget=forms.Textarea(attrs={"rows": 2})
    )


class IndicatorForm(forms.Form):
    """The indicator's fields, then one text per level: of the indicator, or of each of its bases."""

    def __init__(
        self, *args: Any, indicator: Indicator, options: list[Option], bases: list[Basis], **kwargs: Any
    ) -> None:
        kwargs.setdefault("initial", {name: getattr(indicator, name) for name in INDICATOR_FORM_FIELDS})
        super().__init__(*args, **kwargs)
        self.fields.update(
            forms.fields_for_model(
                Indicator,
                fields=INDICATOR_FORM_FIELDS,
                widgets={"evidence": forms.Textarea(attrs={"rows": 3})},
            )
        )
        self.levels = [o.level for o in options]
        for option in options:
            self.fields[f"option_{option.level}"] = option_field(
                str(_("Pilihan level %(level)s") % {"level": option.level}), option.text
            )
        self.basis_codes = []
        for basis in bases:
            self.basis_codes.append(basis.code)
            self.fields[f"basis_{basis.code}"] = forms.CharField(
                label=str(_("Dasar %(code)s: nama") % {"code": basis.code}),
                initial=basis.name,
                max_length=200,
            )
            for option in basis.options.all():
                self.fields[f"basis_{basis.code}_{option.level}"] = option_field(
                    str(
                        _("Dasar %(code)s: pilihan level %(level)s")
                        % {"code": basis.code, "level": option.level}
                    ),
                    option.text,
                )

    def service_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data
        bases = {
            code: (
                data[f"basis_{code}"],
                {int(k.rsplit("_", 1)[1]): v for k, v in data.items() if k.startswith(f"basis_{code}_")},
            )
            for code in self.basis_codes
        }
        return {
            **{name: data[name] for name in INDICATOR_FORM_FIELDS},
            "options": {level: data[f"option_{level}"] for level in self.levels},
            "bases": bases,
        }
