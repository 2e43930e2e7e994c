"""Pages of the jury: a team's showcase entry, a juror's scoring sheet and the admins' ranking."""

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lumbung.accounts.access import AuthenticatedRequest
from lumbung.core.forms import add_service_errors

from . import diagnose
from . import jury_services as services
from .access import get_cohort_for_admin
from .models import Criterion, Entry

TIE_RULE = gettext_lazy(
    "Nilai total sama diurutkan menurut rata-rata nilai pada kriteria berbobot terbesar, lalu kriteria "
    "berikutnya; bila semuanya sama, menurut nama tim secara alfabetis."
)
RANGE = gettext_lazy("Nilai harus antara 0 dan 100.")


class EntryForm(forms.Form):
    pitch = forms.CharField(
        label=gettext_lazy("Pitch (satu paragraf)"), widget=forms.Textarea(attrs={"rows": 5})
    )
    video_url = forms.URLField(
        label=gettext_lazy("Tautan video"), max_length=500, required=False, assume_scheme="https"
    )


class ScoreForm(forms.Form):
    """One entry's scores by one juror: a value and a comment for each criterion."""

    def __init__(self, *args: Any, criteria: list[Criterion], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for c in criteria:
            self.fields[f"value_{c.pk}"] = forms.IntegerField(
                label=f"{c.name} ({c.weight}%)",
                min_value=0,
                max_value=100,
                error_messages={"min_value": RANGE, "max_value": RANGE, "invalid": RANGE, "required": RANGE},
            )
            self.fields[f"comment_{c.pk}"] = forms.CharField(
                label=_("Komentar"), required=False, widget=forms.Textarea(attrs={"rows": 2})
            )

    def rows(self) -> list[tuple[Criterion, Any, Any]]:
        return [(c, self[f"value_{c.pk}"], self[f"comment_{c.pk}"]) for c in self.criteria]


class PublishForm(forms.Form):
    top_n = forms.IntegerField(label=gettext_lazy("Jumlah terbaik yang diumumkan"), min_value=1, initial=3)
    confirm = forms.BooleanField(
        label=gettext_lazy("Saya yakin: peringkat diumumkan di halaman angkatan dan nilai dikunci.")
    )


@login_required
def entry_edit(request: AuthenticatedRequest, pk: int, team: int) -> HttpResponse:
    found = diagnose.get_team_for_editor(request.user, pk, team)
    entry = Entry.objects.filter(team=found).first()
    initial = {"pitch": entry.pitch, "video_url": entry.video_url} if entry else None
    form = EntryForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.entry_save(team=found, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Karya pameran sudah disimpan."))
            return redirect("labs:detail", pk=found.cohort_id)
    return render(request, "labs/jury/entry_form.html", {"cohort": found.cohort, "team": found, "form": form})


@login_required
def jury_score(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    cohort = services.get_cohort_for_juror(request.user, pk)
    criteria = services.criteria_for(cohort)
    entries = services.entries_of(cohort)
    published = services.ranking_publication(cohort) is not None
    posted: ScoreForm | None = None
    status = 200
    if request.method == "POST":
        entry = next((e for e in entries if str(e.pk) == request.POST.get("entry")), None)
        if entry is None:
            raise Http404
        posted = ScoreForm(request.POST, criteria=criteria, prefix=f"e{entry.pk}")
        if posted.is_valid():
            try:
                _save_sheet(posted, entry, request)
            except ValidationError as error:
                add_service_errors(posted, error)
            else:
                messages.success(
                    request, _("Nilai untuk %(team)s sudah disimpan.") % {"team": entry.team.name}
                )
                return redirect("labs:jury_score", pk=cohort.pk)
        status = 400
    own = services.own_scores(cohort, request.user)
    sheets = []
    for entry in entries:
        if posted is not None and posted.prefix == f"e{entry.pk}":
            form = posted
        else:
            initial: dict[str, Any] = {}
            for c in criteria:
                score = own.get((entry.pk, c.pk))
                if score is not None:
                    initial[f"value_{c.pk}"] = score.value
                    initial[f"comment_{c.pk}"] = score.comment
            form = ScoreForm(initial=initial, criteria=criteria, prefix=f"e{entry.pk}")
        sheets.append({"entry": entry, "form": form})
    return render(
        request,
        "labs/jury/score.html",
        {"cohort": cohort, "criteria": criteria, "sheets": sheets, "published": published},
        status=status,
    )


def _save_sheet(form: ScoreForm, entry: Entry, request: AuthenticatedRequest) -> None:
    with transaction.atomic():
        for c in form.criteria:
            services.score_save(
                entry=entry,
                juror=request.user,
                criterion=c,
                value=form.cleaned_data[f"value_{c.pk}"],
                comment=form.cleaned_data[f"comment_{c.pk}"],
            )


@login_required
def jury_ranking(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    cohort = get_cohort_for_admin(request.user, pk)
    publication = services.ranking_publication(cohort)
    form = PublishForm(request.POST or None, initial={"top_n": publication.top_n} if publication else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.ranking_publish(cohort=cohort, top_n=form.cleaned_data["top_n"], actor=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Peringkat sudah diumumkan di halaman angkatan."))
            return redirect("labs:detail", pk=cohort.pk)
    return render(
        request,
        "labs/jury/ranking.html",
        {
            "cohort": cohort,
            "criteria": services.criteria_for(cohort),
            "rows": services.ranking(cohort),
            "publication": publication,
            "form": form,
            "tie_rule": TIE_RULE,
        },
    )
