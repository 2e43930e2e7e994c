import datetime as dt
import zoneinfo
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lumbung.regions.models import Region, Unit

from .models import Cohort, CohortStage, Mode, Session

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class CohortForm(forms.ModelForm):
    class Meta:
        model = Cohort
        fields = ["name", "partner", "year", "theme", "description", "gated", "clinic_booking_cutoff_hours"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "partner": _("Misalnya Puslatbang KMP LAN Makassar."),
            "gated": _(
                "Bila dicentang, tahap berikutnya baru terbuka bagi tim setelah coach menyetujui tahap "
                "sebelumnya. Tanpa centang (mode terbuka), semua tahap terbuka menurut tanggalnya."
            ),
            "clinic_booking_cutoff_hours": _(
                "Pemesanan dan pembatalan jadwal klinik ditutup sekian jam sebelum mulai."
            ),
        }


class StageForm(forms.ModelForm):
    meeting_link = forms.URLField(
        label=_("Tautan pertemuan"),
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text=_("Wajib untuk moda daring."),
    )

    class Meta:
        model = CohortStage
        fields = ["start_date", "end_date", "mode", "meeting_link", "venue"]
        widgets = {"start_date": DATE, "end_date": DATE}
        help_texts = {"venue": _("Wajib untuk moda luring.")}


class ReopenForm(forms.Form):
    until = forms.DateField(label=_("Dibuka kembali sampai"), widget=DATE)


class SessionForm(forms.Form):
    title = forms.CharField(label=_("Judul"), max_length=200)
    kind = forms.ChoiceField(label=_("Jenis sesi"), choices=Session.Kind.choices)
    day = forms.DateField(label=_("Tanggal"), widget=DATE)
    start_time = forms.TimeField(label=_("Jam mulai"), widget=TIME)
    end_time = forms.TimeField(label=_("Jam selesai"), widget=TIME)
    mode = forms.ChoiceField(label=_("Moda"), choices=Mode.choices)
    venue = forms.CharField(label=_("Tempat"), max_length=300, required=False)
    meeting_link = forms.URLField(
        label=_("Tautan pertemuan"), max_length=500, required=False, assume_scheme="https"
    )
    speakers = forms.CharField(
        label=_("Narasumber"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Satu narasumber per baris."),
    )

    def __init__(self, *args: Any, zone: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.zone = zoneinfo.ZoneInfo(zone)

    @classmethod
    def initial_for(cls, session: Session, zone: str) -> dict[str, Any]:
        start = session.starts_at.astimezone(zoneinfo.ZoneInfo(zone))
        end = session.ends_at.astimezone(zoneinfo.ZoneInfo(zone))
        return {
            "title": session.title,
            "kind": session.kind,
            "day": start.date(),
            "start_time": start.time(),
            "end_time": end.time(),
            "mode": session.mode,
            "venue": session.venue,
            "meeting_link": session.meeting_link,
            "speakers": session.speakers,
        }

    def service_data(self) -> dict[str, Any]:
        """The cleaned data as the services take it: moments in the region's zone."""
        data = dict(self.cleaned_data)
        day = data.pop("day")
        data["starts_at"] = dt.datetime.combine(day, data.pop("start_time"), tzinfo=self.zone)
        data["ends_at"] = dt.datetime.combine(day, data.pop("end_time"), tzinfo=self.zone)
        return data


class EnrolForm(forms.Form):
    units = forms.ModelMultipleChoiceField(
        label=_("Unit peserta"),
        queryset=Unit.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Semua inovator aktif dari unit yang dipilih didaftarkan sebagai peserta."),
    )

    def __init__(self, *args: Any, region: Region, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["units"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = Unit.objects.filter(region=region, is_active=True).order_by("name")
