"""Forms of the answer pages: one form per indicator, evidence, and a verifier's decision."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms.boundfield import BoundWidget
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from .answers import IndicatorRow
from .answers.services import MAX_NOTE, MAX_URL
from .answers.verification import MAX_VERIFIER_NOTE
from .models import Basis

NOT_FULFILLED = "0"
Choices = list[tuple[str, Any]]


def option_choices(row: IndicatorRow) -> Choices:
    """Level 0, then each option as "level: text"; for an indicator with bases, grouped by basis."""
    choices: Choices = [(NOT_FULFILLED, _("Belum memenuhi (level 0)"))]
    for group in row.groups:
        items = [
            (f"{group.basis.code}:{o.level}" if group.basis else str(o.level), f"{o.level}. {o.text}")
            for o in group.options
        ]
        if group.basis is None:
            choices.extend(items)
        else:
            choices.append((f"{group.basis.code}. {group.basis.name}", items))
    return choices


def choice_of(row: IndicatorRow) -> str | None:
    answer = row.answer
    if answer is None:
        return None
    if answer.level == 0:
        return NOT_FULFILLED
    if answer.basis_id is not None and answer.basis is not None:
        return f"{answer.basis.code}:{answer.level}"
    return str(answer.level)


class AnswerForm(forms.Form):
    choice: forms.ChoiceField = forms.ChoiceField(
        label=pgettext_lazy("answer option", "Pilihan"), widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=gettext_lazy("Keterangan"),
        required=False,
        max_length=MAX_NOTE,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    revision = forms.IntegerField(min_value=0, widget=forms.HiddenInput)

    def __init__(self, row: IndicatorRow, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", f"i{row.indicator.pk}")
        answer = row.answer
        kwargs.setdefault(
            "initial",
            {
                "choice": choice_of(row),
                "note": answer.note if answer else "",
                "revision": answer.revision if answer else 0,
            },
        )
        super().__init__(*args, **kwargs)
        self.row = row
        self.choice_list = option_choices(row)
        self.choice_field.choices = self.choice_list
        self.fields["choice"].error_messages["required"] = _("Pilih salah satu pilihan, atau level 0.")

    @property
    def choice_field(self) -> forms.ChoiceField:
        field = self.fields["choice"]
        assert isinstance(field, forms.ChoiceField)
        return field

    def radio_groups(self) -> list[tuple[str, list[BoundWidget]]]:
        """The radios in their groups: ("", level 0 and plain options), then one group per basis."""
        widgets = {str(w.data["value"]): w for w in self["choice"].subwidgets}
        groups: list[tuple[str, list[BoundWidget]]] = [("", [])]
        for value, label in self.choice_list:
            if isinstance(label, list | tuple):
                groups.append((str(value), [widgets[str(v)] for v, _label in label]))
            else:
                groups[0][1].append(widgets[str(value)])
        return groups

    def level_and_basis(self) -> tuple[int, Basis | None]:
        """The chosen level and basis (for a valid form)."""
        value: str = self.cleaned_data["choice"]
        if ":" not in value:
            return int(value), None
        code, level = value.split(":", 1)
        bases = {g.basis.code: g.basis for g in self.row.groups if g.basis is not None}
        return int(level), bases[code]


class EvidenceForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Berkas"),
        required=False,
        help_text=gettext_lazy("PDF, JPEG, PNG, XLSX, atau DOCX."),
    )
    url = forms.CharField(
        label=gettext_lazy("atau tautan"),
        required=False,
        max_length=MAX_URL,
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if bool(data.get("file")) == bool(data.get("url")):
            raise ValidationError(_("Unggah satu berkas atau isi satu tautan sebagai bukti dukung."))
        return data


class DecisionForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("Catatan verifikator"),
        required=False,
        max_length=MAX_VERIFIER_NOTE,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("Wajib bila menolak: tuliskan apa yang harus diperbaiki."),
    )
    revision = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
