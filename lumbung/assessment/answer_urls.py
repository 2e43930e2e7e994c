from django.urls import URLPattern, path

from . import answer_views as views

# A region's answers for one year of the index; included by assessment/urls.py under /iid/.
urlpatterns: list[URLPattern] = [
    path("wilayah/<str:code>/<int:year>/", views.answers_region, name="answers_region"),
    path("wilayah/<str:code>/<int:year>/spd/", views.answers_spd, name="answers_spd"),
    path("wilayah/<str:code>/<int:year>/inovasi/<int:version>/", views.answers_sid, name="answers_sid"),
    path("wilayah/<str:code>/<int:year>/verifikasi/", views.verification_queue, name="verification_queue"),
    path(
        "wilayah/<str:code>/<int:year>/jawaban/<int:answer>/bukti/",
        views.evidence_add,
        name="evidence_add",
    ),
    path(
        "wilayah/<str:code>/<int:year>/jawaban/<int:answer>/verifikasi/",
        views.answer_verify,
        name="answer_verify",
    ),
    path(
        "wilayah/<str:code>/<int:year>/jawaban/<int:answer>/tolak/",
        views.answer_reject,
        name="answer_reject",
    ),
    path(
        "wilayah/<str:code>/<int:year>/bukti/<int:evidence>/",
        views.evidence_download,
        name="evidence_download",
    ),
    path(
        "wilayah/<str:code>/<int:year>/bukti/<int:evidence>/hapus/",
        views.evidence_remove,
        name="evidence_remove",
    ),
]
