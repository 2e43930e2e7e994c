from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from lumbung.accounts.models import User
from lumbung.regions.models import Unit, Urusan

from .models import Attachment, InnovationVersion, Stage, Status, Theme
from .services import PROFILE_FIELDS, min_design_words
from .workflow import FIRST_REPORT_YEAR, NOTE_FIELDS

# The form in sections, as the national portal groups the profile.
SECTIONS: tuple[tuple[Any, tuple[str, ...]], ...] = (
    (_("Identitas"), ("name", "stage", "initiator", "initiator_name", "kind", "form", "theme")),
    (_("Urusan pemerintahan"), ("main_urusan", "other_urusan")),
    (_("Waktu"), ("trial_date", "implementation_date")),
    (_("Rancang bangun"), ("design", "developed_since")),
    (_("Tujuan, manfaat, dan hasil"), ("goals", "benefits", "results")),
    (_("Lokasi, anggaran, dan video"), ("latitude", "longitude", "budget", "video_url")),
)

URUSAN_INVALID = _("Urusan tidak dikenal. Pilih dari daftar urusan pemerintahan.")


class VersionForm(forms.ModelForm):
    revision = forms.IntegerField(widget=forms.HiddenInput)
    video_url = forms.URLField(
        label=_("Tautan video"),
        required=False,
        assume_scheme="https",
        max_length=200,
        error_messages={"invalid": _("Tautan video harus berupa alamat web lengkap (https://...).")},
    )

    class Meta:
        model = InnovationVersion
        fields = [*PROFILE_FIELDS, "other_urusan"]
        widgets = {
            "trial_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "implementation_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "design": forms.Textarea(attrs={"rows": 14, "data-word-count": "design-count"}),
            "goals": forms.Textarea(attrs={"rows": 4}),
            "benefits": forms.Textarea(attrs={"rows": 4}),
            "results": forms.Textarea(attrs={"rows": 4}),
            "developed_since": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "design": _("Latar belakang, pokok perubahan (sebelum dan sesudah), cara kerja, dan tahapannya."),
            "budget": _("Dalam Rupiah, tanpa titik. Contoh: 75000000"),
            "other_urusan": _("Urusan lain yang disentuh inovasi ini (boleh lebih dari satu)."),
            "developed_since": _("Untuk laporan lanjutan: apa yang dikembangkan sejak tahun lalu."),
        }
        error_messages = {
            "main_urusan": {"invalid_choice": URUSAN_INVALID},
            "other_urusan": {"invalid_choice": URUSAN_INVALID, "invalid_pk_value": URUSAN_INVALID},
            "trial_date": {
                "invalid": _("Tanggal tidak valid. Gunakan format TTTT-BB-HH, misalnya 2023-12-07.")
            },
            "implementation_date": {
                "invalid": _("Tanggal tidak valid. Gunakan format TTTT-BB-HH, misalnya 2023-12-07.")
            },
        }

    def __init__(self, *args: Any, year: int, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["design"].widget.attrs["data-word-min"] = str(min_design_words())
        themes = Theme.objects.filter(first_year__lte=year).exclude(last_year__lt=year)
        self.fields["theme"].queryset = themes  # type: ignore[attr-defined]
        self.fields["main_urusan"].queryset = Urusan.objects.all()  # type: ignore[attr-defined]
        self.fields["other_urusan"].widget.attrs["size"] = 10
        self.fields["name"].required = True
        self.fields["name"].error_messages["required"] = _("Nama inovasi wajib diisi.")
        if self.instance.pk:
            self.fields["revision"].initial = self.instance.revision

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        trial, implementation = data.get("trial_date"), data.get("implementation_date")
        if trial and implementation and trial > implementation:
            self.add_error("trial_date", _("Waktu uji coba tidak boleh sesudah waktu penerapan."))
        main, others = data.get("main_urusan"), data.get("other_urusan")
        if main and others and main in others:
            self.add_error("other_urusan", _("Urusan utama tidak perlu diulang sebagai urusan irisan."))
        if data.get("stage") == Stage.INITIATIVE and implementation:
            self.add_error("implementation_date", _("Inovasi tahap inisiatif belum punya waktu penerapan."))
        return data

    def sections(self) -> list[tuple[Any, list[forms.BoundField]]]:
        return [(title, [self[name] for name in names]) for title, names in SECTIONS]

    def profile_data(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in PROFILE_FIELDS if name in self.cleaned_data}


class NewInnovationForm(VersionForm):
    unit = forms.ModelChoiceField(queryset=Unit.objects.none(), label=_("Unit"))
    year = forms.IntegerField(label=_("Tahun laporan"), min_value=FIRST_REPORT_YEAR, max_value=2100)

    def __init__(self, *args: Any, units: QuerySet[Unit], year: int, **kwargs: Any):
        super().__init__(*args, year=year, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["unit"].error_messages["invalid_choice"] = _("Pilih salah satu unit Anda.")
        self.fields["year"].initial = year
        self.fields["revision"].required = False
        if units.count() == 1:
            self.fields["unit"].initial = units.first()

    def sections(self) -> list[tuple[Any, list[forms.BoundField]]]:
        sections = super().sections()
        title, fields = sections[0]
        return [(title, [self["unit"], self["year"], *fields]), *sections[1:]]


class MoveForm(forms.Form):
    note = forms.CharField(label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(
        self, *args: Any, field_notes: bool = False, labels: dict[str, str] | None = None, **kwargs: Any
    ):
        super().__init__(*args, **kwargs)
        if field_notes:
            for name in NOTE_FIELDS:
                self.fields[f"field_{name}"] = forms.CharField(
                    label=(labels or {}).get(name, name), required=False, widget=forms.TextInput()
                )

    def field_notes(self) -> dict[str, str]:
        return {
            name.removeprefix("field_"): value
            for name, value in self.cleaned_data.items()
            if name.startswith("field_") and value
        }


class ResubmitForm(forms.Form):
    year = forms.IntegerField(label=_("Tahun laporan baru"), min_value=FIRST_REPORT_YEAR, max_value=2100)
    developed_since = forms.CharField(
        label=_("Apa yang dikembangkan sejak versi sebelumnya?"),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Jelaskan apa yang dikembangkan sejak versi sebelumnya.")},
    )


class TeamMemberForm(forms.Form):
    revision = forms.IntegerField(widget=forms.HiddenInput)
    user = forms.ModelChoiceField(queryset=User.objects.none(), required=False, label=_("Pengguna"))
    name = forms.CharField(label=_("atau nama orang di luar sistem"), required=False, max_length=150)
    role = forms.CharField(label=_("Peran dalam tim"), required=False, max_length=100)

    def __init__(self, *args: Any, candidates: QuerySet[User], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = candidates  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("user") and not (data.get("name") or "").strip():
            raise forms.ValidationError(_("Pilih pengguna atau tuliskan nama anggota tim."))
        return data


class AttachmentForm(forms.Form):
    revision = forms.IntegerField(widget=forms.HiddenInput)
    kind = forms.ChoiceField(label=_("Jenis lampiran"), choices=Attachment.Kind.choices)
    caption = forms.CharField(label=_("Keterangan"), max_length=200)
    file = forms.FileField(
        label=_("Berkas"),
        help_text=_("PDF, JPEG, PNG, XLSX, atau DOCX."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png,.xlsx,.docx"}),
    )


class ListFilterForm(forms.Form):
    SORTS = {
        "-updated": ("-updated_at", _("Terakhir diubah")),
        "name": ("name", _("Nama (A–Z)")),
        "-name": ("-name", _("Nama (Z–A)")),
        "unit": ("innovation__unit__name", _("Unit")),
        "status": ("status", _("Status")),
        "-year": ("-year", _("Tahun terbaru")),
    }
    q = forms.CharField(label=_("Cari nama"), required=False)
    unit = forms.ModelChoiceField(
        queryset=Unit.objects.none(), required=False, label=_("Unit"), empty_label=_("Semua")
    )
    stage = forms.ChoiceField(choices=[("", _("Semua"))] + Stage.choices, required=False, label=_("Tahapan"))
    form = forms.ChoiceField(required=False, label=_("Bentuk"))
    kind = forms.ChoiceField(required=False, label=_("Jenis"))
    urusan = forms.ModelChoiceField(
        queryset=Urusan.objects.all(), required=False, label=_("Urusan"), empty_label=_("Semua")
    )
    status = forms.ChoiceField(choices=[("", _("Semua"))] + Status.choices, required=False, label=_("Status"))
    year = forms.TypedChoiceField(coerce=int, required=False, label=_("Tahun"), empty_value=None)
    sort = forms.ChoiceField(required=False, label=_("Urutkan"))

    def __init__(self, *args: Any, units: QuerySet[Unit], years: list[int], **kwargs: Any):
        from .models import Form as InnovationForm
        from .models import Kind

        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["form"].choices = [("", _("Semua")), *InnovationForm.choices]  # type: ignore[attr-defined]
        self.fields["kind"].choices = [("", _("Semua")), *Kind.choices]  # type: ignore[attr-defined]
        self.fields["year"].choices = [("", _("Versi terbaru")), *[(y, y) for y in years]]  # type: ignore[attr-defined]
        self.fields["sort"].choices = [(k, label) for k, (_f, label) in self.SORTS.items()]  # type: ignore[attr-defined]

    def filters(self) -> dict[str, Any]:
        """The filters for selectors.version_list (none when the form is invalid), with the sort order."""
        if not self.is_valid():
            return {}
        filters = dict(self.cleaned_data)
        filters["order"] = self.SORTS.get(filters.get("sort") or "-updated", ("-updated_at", ""))[0]
        return filters
