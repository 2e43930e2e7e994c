from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from lumbung.innovations.models import Form, Kind
from lumbung.innovations.services import min_design_words
from lumbung.regions.models import Urusan


class DesignForm(forms.Form):
    name = forms.CharField(label=_("Nama inovasi"), max_length=200)
    form = forms.ChoiceField(label=_("Bentuk"), choices=Form.choices)
    kind = forms.ChoiceField(label=_("Jenis"), choices=Kind.choices)
    main_urusan = forms.ModelChoiceField(
        label=_("Urusan"),
        queryset=Urusan.objects.order_by("position"),
        required=False,
        empty_label=_("— pilih urusan pemerintahan —"),
        help_text=_("Urusan pemerintahan yang paling dilayani inovasi ini."),
    )
    goals = forms.CharField(label=_("Tujuan"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    benefits = forms.CharField(label=_("Manfaat"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    design = forms.CharField(
        label=_("Rancang bangun awal"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 12, "data-word-count": "design-count"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The same counter as the registry's form (static/js/lumbung.js), with the registry's minimum.
        needed = min_design_words()
        self.fields["design"].widget.attrs["data-word-min"] = str(needed)
        self.fields["design"].help_text = gettext(
            "Cara kerja inovasi dan pokok perubahannya. Registri meminta minimal %(n)s kata sebelum "
            "inovasi diajukan; rancangan awal boleh lebih pendek."
        ) % {"n": needed}


class MilestoneForm(forms.Form):
    what = forms.CharField(label=_("Kegiatan"), max_length=300)
    who = forms.CharField(label=_("Penanggung jawab"), max_length=200)
    due_date = forms.DateField(
        label=_("Tenggat"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Tidak boleh sebelum tahap Design dimulai."),
    )
    expected_output = forms.CharField(label=_("Keluaran yang diharapkan"), max_length=300)
