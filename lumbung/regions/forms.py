from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lumbung.core.forms import NipField

from .models import Region, Unit
from .selectors import descendant_ids


class UnitForm(forms.ModelForm):
    class Meta:
        model = Unit
        fields = ["name", "short_name", "kind", "parent", "head_name", "head_nip", "is_active"]
        field_classes = {"head_nip": NipField}
        labels = {
            "name": _("Nama unit"),
            "short_name": _("Nama singkat"),
            "kind": _("Jenis"),
            "parent": _("Unit induk"),
            "head_name": _("Nama kepala unit"),
            "head_nip": _("NIP kepala unit"),
            "is_active": _("Aktif"),
        }
        help_texts = {
            "name": _("Nama resmi, mis. Dinas Kesehatan."),
            "short_name": _("Singkatan yang dipakai sehari-hari, mis. Dinkes."),
            "parent": _("Kosongkan untuk perangkat daerah; isi untuk UPTD, puskesmas, sekolah, kelurahan."),
            "head_nip": _("18 angka."),
            "is_active": _("Unit nonaktif tetap tersimpan beserta datanya, tetapi tidak bisa dipilih lagi."),
        }
        error_messages = {
            "parent": {
                "invalid_choice": _(
                    "Pilih unit induk dari wilayah ini; unit induk tidak boleh unit ini sendiri "
                    "atau unit yang berada di bawahnya."
                )
            },
        }

    def __init__(self, *args: Any, region: Region, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        parents = Unit.objects.filter(region=region).order_by("name")
        if self.instance.pk is not None:
            parents = parents.exclude(pk__in={self.instance.pk, *descendant_ids(self.instance)})
        parent_field = self.fields["parent"]
        assert isinstance(parent_field, forms.ModelChoiceField)
        parent_field.queryset = parents
        parent_field.empty_label = _("(tanpa induk)")


class UnitFilterForm(forms.Form):
    ACTIVE_CHOICES = [("", _("Semua")), ("1", _("Aktif")), ("0", _("Nonaktif"))]

    q = forms.CharField(label=_("Cari nama unit"), required=False, max_length=100, widget=forms.SearchInput)
    kind = forms.ChoiceField(
        label=_("Jenis"), required=False, choices=[("", _("Semua jenis")), *Unit.Kind.choices]
    )
    active = forms.ChoiceField(label=_("Status"), required=False, choices=ACTIVE_CHOICES)

    def filters(self) -> dict[str, Any]:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        active = {"1": True, "0": False}.get(data["active"])
        return {"q": data["q"], "kind": data["kind"], "active": active}
