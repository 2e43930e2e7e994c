from collections.abc import Sequence
from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .forms import DATE
from .models import ReadinessQuestion


class CommitmentForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Nama yang berkomitmen"), max_length=200)
    position = forms.CharField(
        label=gettext_lazy("Jabatan"),
        max_length=200,
        help_text=gettext_lazy("Misalnya Kepala Dinas Kesehatan."),
    )
    committed_on = forms.DateField(label=gettext_lazy("Tanggal komitmen"), widget=DATE)
    letter = forms.FileField(
        label=gettext_lazy("Surat komitmen yang ditandatangani"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )

    def __init__(self, *args: Any, replacing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit = _("PDF, JPEG, atau PNG; paling besar %(mb)s MB.") % {"mb": settings.UPLOAD_MAX_MB}
        # The service asks for the letter when recording; a correction may keep the one on file.
        self.fields["letter"].help_text = (
            _("Biarkan kosong untuk tetap memakai surat yang sudah diunggah.") + " " + limit
            if replacing
            else limit
        )


class QuestionForm(forms.Form):
    aspect = forms.CharField(
        label=gettext_lazy("Aspek"),
        max_length=40,
        help_text=gettext_lazy("Label singkat untuk sumbu grafik radar, misalnya Kepemimpinan."),
    )
    text = forms.CharField(
        label=gettext_lazy("Pertanyaan"), max_length=300, widget=forms.Textarea(attrs={"rows": 2})
    )


class QuestionRemoveForm(forms.Form):
    answers_confirmed = forms.BooleanField(required=False)


SCALE_LABELS = {1: gettext_lazy("sangat belum siap"), 5: gettext_lazy("sangat siap")}


def field_name(question: ReadinessQuestion) -> str:
    return f"q{question.pk}"


class ReadinessForm(forms.Form):
    """One 1–5 scale per question of the cohort, all required: the team answers them together."""

    def __init__(self, *args: Any, questions: Sequence[ReadinessQuestion], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        choices = [
            (value, f"{value} – {SCALE_LABELS[value]}" if value in SCALE_LABELS else str(value))
            for value in range(1, 6)
        ]
        for question in self.questions:
            message = _("Pilih nilai 1 sampai 5 untuk aspek %(aspect)s.") % {"aspect": question.aspect}
            self.fields[field_name(question)] = forms.TypedChoiceField(
                label=question.aspect,
                help_text=question.text,
                choices=choices,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": message, "invalid_choice": message},
            )

    def answers(self) -> dict[int, int]:
        return {q.pk: self.cleaned_data[field_name(q)] for q in self.questions}

    def rows(self) -> list[tuple[ReadinessQuestion, forms.BoundField]]:
        return [(q, self[field_name(q)]) for q in self.questions]
