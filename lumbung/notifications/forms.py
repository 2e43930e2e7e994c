from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Channel, Deadline, Kind


class PreferencesForm(forms.Form):
    def __init__(self, *args: Any, current: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for kind in Kind:
            self.fields[kind.value] = forms.ChoiceField(
                label=kind.label,
                choices=Channel.choices,
                initial=current.get(kind.value),
                widget=forms.RadioSelect,
            )


class DeadlineForm(forms.ModelForm):
    class Meta:
        model = Deadline
        fields = ["title", "description", "due_date", "due_time", "remind_days"]
        widgets = {
            "due_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "due_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "description": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"due_time": _("Kosongkan bila tenggatnya sepanjang hari.")}
