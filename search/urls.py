from django.urls import path

from search import views

urlpatterns = [
    path("search/", views.search_page, name="search"),
    path("search/suggest/", views.suggest_view, name="search_suggest"),
    path("tags/<slug:slug>/", views.tag_page, name="tag"),
]
