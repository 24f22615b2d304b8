from django.urls import path

from audits import views

urlpatterns = [
    path("audits/", views.round_list, name="audit_rounds"),
    path("audits/<slug:slug>/", views.round_findings, name="audit_round"),
    path("audits/<slug:slug>/findings.json", views.round_findings_json, name="audit_round_json"),
    path("audits/<slug:slug>/findings.csv", views.round_findings_csv, name="audit_round_csv"),
]
