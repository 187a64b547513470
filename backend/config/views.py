"""Project-level views: health probe and JSON error pages."""
from django.http import JsonResponse


def health(request):
    """Liveness probe for process managers and test harnesses."""
    return JsonResponse({"status": "ok"})


def not_found(request, exception=None):
    return JsonResponse({"detail": "Not found.", "code": "not_found"}, status=404)


def server_error(request):
    return JsonResponse(
        {"detail": "The server failed while handling this request.", "code": "server_error"},
        status=500,
    )
