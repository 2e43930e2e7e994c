import datetime as dt
import zoneinfo
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lumbung.accounts.models import User

from .clinic import ActionInput
from .forms import DATE, TIME
from .models import ClinicAction, ClinicSlot, Mode, Participant, Team


class CoachChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.full_name or obj.email


class SlotForm(forms.Form):
    """A slot's day and hours as entered in the cohort region's zone; the admin also picks the coach."""

    coach = CoachChoiceField(label=_("Coach"), queryset=User.objects.none())
    day = forms.DateField(label=_("Tanggal"), widget=DATE)
    start_time = forms.TimeField(label=_("Jam mulai"), widget=TIME)
    end_time = forms.TimeField(label=_("Jam selesai"), widget=TIME)
    mode = forms.ChoiceField(label=_("Moda"), choices=Mode.choices)
    venue = forms.CharField(
        label=_("Tempat"), max_length=300, required=False, help_text=_("Wajib untuk moda luring.")
    )
    meeting_link = forms.URLField(
        label=_("Tautan pertemuan"),
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text=_("Wajib untuk moda daring."),
    )
    capacity = forms.IntegerField(
        label=_("Kapasitas (tim)"),
        min_value=1,
        max_value=50,
        initial=1,
        error_messages={"min_value": _("Kapasitas paling sedikit 1 tim.")},
    )

    def __init__(self, *args: Any, zone: str, coaches: list[User] | None, **kwargs: Any) -> None:
        """`coaches` is the admin's choice of coach; None when a coach publishes their own slot."""
        super().__init__(*args, **kwargs)
        self.zone = zoneinfo.ZoneInfo(zone)
        field = self.fields["coach"]
        assert isinstance(field, forms.ModelChoiceField)
        if coaches is None:
            del self.fields["coach"]
        else:
            field.queryset = User.objects.filter(pk__in=[c.pk for c in coaches]).order_by("full_name")

    @classmethod
    def initial_for(cls, slot: ClinicSlot, zone: str) -> dict[str, Any]:
        start = timezone.localtime(slot.starts_at, zoneinfo.ZoneInfo(zone))
        end = timezone.localtime(slot.ends_at, zoneinfo.ZoneInfo(zone))
        return {
            "coach": slot.coach_id,
            "day": start.date(),
            "start_time": start.time(),
            "end_time": end.time(),
            "mode": slot.mode,
            "venue": slot.venue,
            "meeting_link": slot.meeting_link,
            "capacity": slot.capacity,
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("Jam selesai harus sesudah jam mulai."))
        return data

    def service_data(self) -> dict[str, Any]:
        """The cleaned data as the services take it: moments in the region's zone."""
        data = dict(self.cleaned_data)
        day = data.pop("day")
        data["starts_at"] = dt.datetime.combine(day, data.pop("start_time"), tzinfo=self.zone)
        data["ends_at"] = dt.datetime.combine(day, data.pop("end_time"), tzinfo=self.zone)
        return data


class SlotRemoveForm(forms.Form):
    cancel_bookings = forms.BooleanField(
        label=_("Batalkan juga pemesanan yang ada; tim yang memesan diberi tahu."), required=False
    )


class MemberChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.user.full_name or obj.user.email


CHECK_CHOICES = [
    (ClinicAction.Status.OPEN, _("Belum diperiksa")),
    (ClinicAction.Status.DONE, _("Sudah dikerjakan")),
    (ClinicAction.Status.NOT_DONE, _("Belum dikerjakan")),
]


class RecordForm(forms.Form):
    """Who came and the notes; plus one field per earlier action to check, named check_<pk>."""

    attendees = MemberChoiceField(
        label=_("Yang hadir"),
        queryset=Participant.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    notes = forms.CharField(
        label=_("Catatan klinik"), widget=forms.Textarea(attrs={"rows": 5}), required=False
    )

    def __init__(self, *args: Any, team: Team, earlier: list[ClinicAction], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["attendees"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = (
            Participant.objects.filter(team=team).select_related("user").order_by("user__full_name")
        )
        self.earlier = earlier
        for action in earlier:
            self.fields[f"check_{action.pk}"] = forms.ChoiceField(
                label=action.what, choices=CHECK_CHOICES, initial=action.status, widget=forms.RadioSelect
            )

    def check_rows(self) -> list[tuple[ClinicAction, forms.BoundField]]:
        return [(action, self[f"check_{action.pk}"]) for action in self.earlier]

    def checks(self) -> dict[int, str]:
        return {action.pk: self.cleaned_data[f"check_{action.pk}"] for action in self.earlier}


class ActionForm(forms.Form):
    pk = forms.IntegerField(widget=forms.HiddenInput, required=False)
    what = forms.CharField(label=_("Tindak lanjut"), max_length=300)
    owner = forms.CharField(label=_("Penanggung jawab"), max_length=200)
    due_date = forms.DateField(label=_("Tenggat"), widget=DATE)


ActionFormSet = forms.formset_factory(ActionForm, extra=2, can_delete=True)


def action_inputs(formset: Any) -> list[ActionInput]:
    """The actions the formset keeps: filled rows not ticked for deletion."""
    kept = []
    for form in formset.forms:
        data = form.cleaned_data
        if not data or data.get("DELETE"):
            continue
        kept.append(
            ActionInput(what=data["what"], owner=data["owner"], due_date=data["due_date"], pk=data.get("pk"))
        )
    return kept


def action_initial(record_actions: list[ClinicAction]) -> list[dict[str, Any]]:
    return [{"pk": a.pk, "what": a.what, "owner": a.owner, "due_date": a.due_date} for a in record_actions]
