from typing import TYPE_CHECKING

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import MilestoneStatus

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise as StrOrPromise


class ProgressForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=MilestoneStatus.choices)
    percent = forms.IntegerField(
        label=_("Persen selesai"),
        min_value=0,
        max_value=100,
        help_text=_("0 bila belum mulai, 100 bila selesai."),
        error_messages={
            "min_value": _("Isi angka 0 sampai 100."),
            "max_value": _("Isi angka 0 sampai 100."),
            "invalid": _("Isi angka 0 sampai 100."),
        },
        widget=forms.NumberInput(attrs={"min": 0, "max": 100, "step": 1}),
    )
    reported_on = forms.DateField(
        label=_("Tanggal laporan"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Isi tanggal yang benar.")},
    )
    note = forms.CharField(
        label=_("Catatan"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Apa yang sudah dikerjakan, kendala, dan langkah berikutnya."),
    )
    evidence = forms.FileField(
        label=_("Bukti"),
        required=False,
        help_text=_("PDF, JPEG, PNG, XLSX, atau DOCX; diperiksa menurut isinya, bukan namanya."),
    )


def figure_field(label: "StrOrPromise", help_text: "StrOrPromise" = "") -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        required=False,
        min_value=0,
        max_digits=14,
        decimal_places=2,
        localize=True,  # so "12,5" is read the Indonesian way
        help_text=help_text,
        error_messages={"min_value": _("Angka tidak boleh negatif."), "invalid": _("Isi sebuah angka.")},
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )


class FiguresForm(forms.Form):
    indicator_name = forms.CharField(
        label=_("Indikator utama"),
        max_length=200,
        help_text=_("Ukuran keberhasilan inovasi, misalnya Waktu tunggu layanan."),
    )
    indicator_unit = forms.CharField(
        label=_("Satuan"), max_length=50, required=False, help_text=_("Misalnya menit, orang, atau persen.")
    )
    baseline = figure_field(_("Nilai awal"), _("Keadaan sebelum inovasi."))
    target = figure_field(
        _("Target"), _("Boleh lebih kecil dari nilai awal bila yang dituju penurunan, seperti waktu tunggu.")
    )
    actual = figure_field(_("Capaian"), _("Keadaan sekarang, sesudah inovasi berjalan."))
