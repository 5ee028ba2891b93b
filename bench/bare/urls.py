from django.urls import path

from bench import views

urlpatterns = [path("_bench/trivial/", views.trivial)]
