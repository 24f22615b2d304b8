from django.urls import path

from resources import views

urlpatterns = [
    path("resources/<int:page_id>/adoption/", views.record_adoption, name="record_adoption"),
]
