from django.urls import include, path

app_name = "reports"
urlpatterns = [
    path("impor/", include("lumbung.reports.imports.urls")),
    path("ekspor/", include("lumbung.reports.exports.urls")),
    path("lab/", include("lumbung.reports.labbook.urls")),
    path("iid/", include("lumbung.reports.iid.urls")),
]
