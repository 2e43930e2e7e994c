from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lumbung.accounts.models import User
from lumbung.regions.models import Unit

from .models import Cohort, Participant, Team


class ParticipantChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        unit = obj.unit.label if obj.unit else "–"
        return f"{obj.user} ({unit})"


class TeamForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Unit"),
        queryset=Unit.objects.none(),
        help_text=_("Unit peserta yang belum punya tim. Semua pesertanya menjadi anggota tim."),
    )
    name = forms.CharField(
        label=_("Nama tim"),
        max_length=200,
        required=False,
        help_text=_("Kosongkan untuk memakai nama unit."),
    )
    leader = ParticipantChoiceField(
        label=_("Ketua tim"),
        queryset=Participant.objects.none(),
        required=False,
        help_text=_("Salah satu peserta dari unit itu."),
    )
    coach = forms.ModelChoiceField(
        label=_("Coach"),
        queryset=User.objects.none(),
        required=False,
        help_text=_("Coach yang sudah terdaftar di angkatan ini."),
    )

    def __init__(self, *args: Any, cohort: Cohort, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        participants = Participant.objects.filter(cohort=cohort, role=Participant.Role.PARTICIPANT)
        with_team = Team.objects.filter(cohort=cohort, unit__isnull=False).values("unit_id")
        self._set_queryset(
            "unit",
            Unit.objects.filter(pk__in=participants.values("unit_id"))
            .exclude(pk__in=with_team)
            .order_by("name"),
        )
        self._set_queryset(
            "leader", participants.select_related("user", "unit").order_by("unit__name", "user__full_name")
        )
        self._set_queryset(
            "coach",
            User.objects.filter(
                lab_enrolments__cohort=cohort, lab_enrolments__role=Participant.Role.COACH
            ).order_by("full_name"),
        )

    def _set_queryset(self, name: str, queryset: Any) -> None:
        field = self.fields[name]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = queryset


class CoachForm(forms.Form):
    email = forms.EmailField(
        label=_("Email coach"),
        help_text=_("Coach harus sudah punya akun Lumbung; boleh dari wilayah atau lembaga mana pun."),
    )


class MaterialForm(forms.Form):
    caption = forms.CharField(label=_("Keterangan"), max_length=200)
    # Named as the service reports its errors, so they show beside the field.
    file = forms.FileField(label=_("Berkas"), help_text=_("PDF, JPEG, PNG, XLSX, atau DOCX."))
