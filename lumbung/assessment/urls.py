from django.urls import include, path

app_name = "assessment"
urlpatterns = [
    path("", include("lumbung.assessment.edition_urls")),
    path("", include("lumbung.assessment.answer_urls")),
    path("", include("lumbung.assessment.score_urls")),
    path("", include("lumbung.assessment.index_urls")),
]
