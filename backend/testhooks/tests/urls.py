from django.urls import include, path

urlpatterns = [path("v1/test/", include("testhooks.urls"))]
