"""Pages of the jury: a team's showcase entry, a juror's scoring sheet and the admins' ranking."""

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from lumbung.accounts.access import AuthenticatedRequest
from lumbung.core.forms import add_service_errors

from . import diagnose
from . import jury_services as services
from .access import get_cohort_for_admin
from .models import Criterion, Entry, Team, TeamFile

TIE_RULE = gettext_lazy(
    "Nilai total sama diurutkan menurut rata-rata nilai pada kriteria berbobot terbesar, lalu kriteria "
    "berikutnya; bila semuanya sama, menurut nama tim secara alfabetis."
)
RANGE = gettext_lazy("Nilai harus antara 0 dan 100.")


IMAGE_ACCEPT = "image/jpeg,image/png"
INLINE_TYPES = ("image/jpeg", "image/png")
WEIGHT = gettext_lazy("Bobot harus bilangan bulat 0–100.")


class EntryForm(forms.Form):
    pitch = forms.CharField(
        label=gettext_lazy("Pitch (satu paragraf)"), widget=forms.Textarea(attrs={"rows": 5})
    )
    video_url = forms.URLField(
        label=gettext_lazy("Tautan video"), max_length=500, required=False, assume_scheme="https"
    )
    poster = forms.FileField(
        label=gettext_lazy("Poster"),
        required=False,
        help_text=gettext_lazy("Gambar JPEG atau PNG. Poster baru menggantikan poster lama."),
        widget=forms.ClearableFileInput(attrs={"accept": IMAGE_ACCEPT}),
    )


class PhotoForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Foto kegiatan"),
        help_text=gettext_lazy("Gambar JPEG atau PNG."),
        widget=forms.ClearableFileInput(attrs={"accept": IMAGE_ACCEPT}),
    )
    caption = forms.CharField(label=gettext_lazy("Keterangan"), max_length=200, required=False)


class CriterionRowForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Kriteria"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"aria-label": gettext_lazy("Nama kriteria")}),
    )
    weight = forms.IntegerField(
        label=gettext_lazy("Bobot (%)"),
        min_value=0,
        max_value=100,
        required=False,
        error_messages={"invalid": WEIGHT, "min_value": WEIGHT, "max_value": WEIGHT},
        widget=forms.NumberInput(
            attrs={
                "step": 1,
                "min": 0,
                "max": 100,
                "inputmode": "numeric",
                "aria-label": gettext_lazy("Bobot (%)"),
            }
        ),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("DELETE"):
            return data
        if data.get("name") and data.get("weight") is None and "weight" not in self.errors:
            self.add_error("weight", _("Isi bobot kriteria ini."))
        if not data.get("name") and data.get("weight") is not None:
            self.add_error("name", _("Isi nama kriteria ini."))
        return data


RubricFormSet = forms.formset_factory(
    CriterionRowForm, extra=2, can_delete=True, max_num=services.MAX_CRITERIA, absolute_max=30
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
@require_http_methods(["GET", "POST"])
def entry_edit(request: AuthenticatedRequest, pk: int, team: int) -> HttpResponse:
    found = diagnose.get_team_for_editor(request.user, pk, team)
    entry = Entry.objects.filter(team=found).select_related("poster").first()
    initial = {"pitch": entry.pitch, "video_url": entry.video_url} if entry else None
    posted = request.method == "POST"
    is_photo = posted and request.POST.get("action") == "photo"
    entry_post = posted and not is_photo
    form = EntryForm(
        request.POST if entry_post else None, request.FILES if entry_post else None, initial=initial
    )
    photo_form = PhotoForm(request.POST if is_photo else None, request.FILES if is_photo else None)
    if posted and _entry_post(request, found, photo_form if is_photo else form):
        return redirect("labs:entry_edit", pk=found.cohort_id, team=found.pk)
    return render(
        request,
        "labs/jury/entry_form.html",
        {
            "cohort": found.cohort,
            "team": found,
            "entry": entry,
            "form": form,
            "photo_form": photo_form,
            "photos": services.photos_of(found),
            "refusal": services.display_refusal(request.user, found),
            "max_photos": services.MAX_PHOTOS,
        },
        status=400 if posted else 200,
    )


def _entry_post(request: AuthenticatedRequest, found: Team, form: forms.Form) -> bool:
    """Save the entry or add a photo; True when it was saved."""
    if not form.is_valid():
        return False
    try:
        if isinstance(form, PhotoForm):
            data = form.cleaned_data
            services.entry_photo_add(
                actor=request.user, team=found, upload=data["file"], caption=data["caption"]
            )
            messages.success(request, _("Foto kegiatan sudah ditambahkan."))
        else:
            services.entry_save(actor=request.user, team=found, **form.cleaned_data)
            messages.success(request, _("Karya pameran sudah disimpan."))
    except ValidationError as error:
        add_service_errors(form, error)
        return False
    return True


@login_required
@require_http_methods(["GET", "POST"])
def entry_photo_remove(request: AuthenticatedRequest, pk: int, team: int, file: int) -> HttpResponse:
    """Ask before removing an event photo; the POST removes it."""
    found = diagnose.get_team_for_editor(request.user, pk, team)
    photo = services.get_photo(found, file)
    if request.method == "POST":
        try:
            services.entry_photo_remove(actor=request.user, team=found, photo=photo)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Foto kegiatan sudah dihapus."))
        return redirect("labs:entry_edit", pk=found.cohort_id, team=found.pk)
    return render(
        request, "labs/jury/photo_remove.html", {"cohort": found.cohort, "team": found, "photo": photo}
    )


@login_required
def entry_image(request: AuthenticatedRequest, pk: int, team: int, file: int) -> HttpResponseBase:
    """A poster or event photo shown inline, to those who may see the team's entry; images only."""
    found = services.get_team_for_entry_reader(request.user, pk, team)
    stored = TeamFile.objects.filter(
        team=found, pk=file, purpose__in=[TeamFile.Purpose.POSTER, TeamFile.Purpose.PHOTO]
    ).first()
    # Only the two image types are ever sent inline: anything else could run as a page of this site.
    if stored is None or stored.content_type not in INLINE_TYPES:
        raise Http404
    response = FileResponse(stored.file.open("rb"), content_type=stored.content_type)
    response["Content-Disposition"] = "inline"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=3600"
    return response


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
    photos = services.photos_by_team(cohort)
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
        sheets.append({"entry": entry, "form": form, "photos": photos.get(entry.team_id, [])})
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


@login_required
@require_http_methods(["GET", "POST"])
def jury_rubric(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The admin's rubric: criteria names and whole-number weights summing to 100, before any scoring."""
    cohort = get_cohort_for_admin(request.user, pk)
    criteria = services.criteria_for(cohort)
    locked = services.rubric_lock(cohort)
    initial = [{"name": c.name, "weight": c.weight} for c in criteria]
    formset = RubricFormSet(request.POST if request.method == "POST" else None, initial=initial)
    errors: list[str] = []
    if request.method == "POST" and not locked and formset.is_valid():
        rows = [
            (row["name"], row["weight"])
            for row in formset.cleaned_data
            if row and not row.get("DELETE") and (row.get("name") or row.get("weight") is not None)
        ]
        try:
            services.criteria_replace(cohort=cohort, rows=rows)
        except ValidationError as error:
            errors = error.messages
        else:
            messages.success(request, _("Rubrik penjurian sudah disimpan."))
            return redirect("labs:jury_rubric", pk=cohort.pk)
    elif request.method == "POST" and locked:
        errors = [locked]
    return render(
        request,
        "labs/jury/rubric.html",
        {
            "cohort": cohort,
            "criteria": criteria,
            "formset": formset,
            "errors": errors,
            "locked": locked,
            "total": sum(c.weight for c in criteria),
        },
        status=400 if request.method == "POST" else 200,
    )
