from django.urls import path

from search import views

urlpatterns = [
    path("search/", views.search_page, name="search"),
    path("search/suggest/", views.suggest_view, name="search_suggest"),
    path("tags/<slug:slug>/", views.tag_page, name="tag"),
    path("stages/<slug:slug>/", views.stage_page, name="stage"),
    path("types/<slug:slug>/", views.type_page, name="resource_type"),
]
