from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Participant, Problem, Team
from .team_forms import ParticipantChoiceField

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise as StrOrPromise


def usg_field(label: "StrOrPromise", help_text: "StrOrPromise") -> forms.IntegerField:
    message = _("Isi angka 1 sampai 5.")
    return forms.IntegerField(
        label=label,
        min_value=1,
        max_value=5,
        help_text=help_text,
        error_messages={"min_value": message, "max_value": message, "invalid": message},
        widget=forms.NumberInput(attrs={"min": 1, "max": 5}),
    )


class ProblemForm(forms.Form):
    title = forms.CharField(label=_("Masalah"), max_length=200)
    description = forms.CharField(label=_("Uraian"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    urgency = usg_field(_("Urgensi (U)"), _("Seberapa mendesak: 1 tidak mendesak, 5 sangat mendesak."))
    seriousness = usg_field(_("Keseriusan (S)"), _("Seberapa berat dampaknya: 1 ringan, 5 sangat berat."))
    growth = usg_field(_("Perkembangan (G)"), _("Seberapa cepat memburuk bila dibiarkan: 1 lambat, 5 cepat."))


class IdeaForm(forms.Form):
    title = forms.CharField(label=_("Gagasan"), max_length=200)
    description = forms.CharField(
        label=_("Tujuan dan uraian"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    problem = forms.ModelChoiceField(
        label=_("Masalah yang dijawab"), queryset=Problem.objects.none(), required=False
    )
    proposed_by = ParticipantChoiceField(
        label=_("Pengusul"), queryset=Participant.objects.none(), required=False
    )

    def __init__(self, *args: Any, team: Team, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        problem = self.fields["problem"]
        proposer = self.fields["proposed_by"]
        assert isinstance(problem, forms.ModelChoiceField) and isinstance(proposer, forms.ModelChoiceField)
        problem.queryset = Problem.objects.filter(team=team).order_by("id")
        proposer.queryset = (
            Participant.objects.filter(cohort_id=team.cohort_id, role=Participant.Role.PARTICIPANT)
            .select_related("user", "unit")
            .order_by("unit__name", "user__full_name")
        )
