"""Where uploaded files and published PDFs are kept, and how they are downloaded.

``STORAGE_URL`` unset: the filesystem under MEDIA_ROOT (one machine, or a shared volume).
``STORAGE_URL=s3://KEY:SECRET@BUCKET/PREFIX?endpoint=URL&region=NAME`` (any S3-compatible
store: AWS, MinIO, Ceph, Scaleway...): django-storages' S3Storage. KEY:SECRET may be left
out when the machine's role or AWS_* variables provide them; ``endpoint`` (URL-encoded) is
for a store other than AWS; ``expire`` is how many seconds a download link lives (60).

Downloads always go through a view that checks the permission first (``file_download``):
from the filesystem the view streams the file; from S3 it answers with a redirect to a
presigned address that expires after ``expire`` seconds, so a large PDF never passes
through a web worker and a copied link stops working quickly.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, unquote, urlsplit

from django.core.files.storage import Storage, default_storage
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.utils.http import content_disposition_header

from config.env import ImproperlyConfiguredEnv

S3_BACKEND = "storages.backends.s3.S3Storage"
FILESYSTEM_BACKEND = "django.core.files.storage.FileSystemStorage"
DEFAULT_LINK_SECONDS = 60


def parse_storage_url(url: str) -> dict:
    """The STORAGES["default"] entry for ``url`` ("" for the filesystem)."""
    if not url.strip():
        return {"BACKEND": FILESYSTEM_BACKEND}
    parts = urlsplit(url.strip())
    if parts.scheme.lower() != "s3":
        raise ImproperlyConfiguredEnv(
            f"STORAGE_URL must start with s3:// (or be unset for the filesystem), not {url!r}."
        )
    if not parts.hostname:
        raise ImproperlyConfiguredEnv("STORAGE_URL=s3://... needs a bucket name.")
    query = dict(parse_qsl(parts.query))
    try:
        expire = int(query.get("expire", DEFAULT_LINK_SECONDS))
    except ValueError:
        raise ImproperlyConfiguredEnv("STORAGE_URL: expire must be a number of seconds.") from None
    endpoint = query.get("endpoint") or None
    options = {
        # The bucket keeps its case: hostname would lower it.
        "bucket_name": parts.netloc.rsplit("@", 1)[-1],
        "location": parts.path.strip("/"),
        "region_name": query.get("region") or None,
        "endpoint_url": endpoint,
        # Stores other than AWS rarely resolve BUCKET.host names: address by path there.
        "addressing_style": query.get("addressing") or ("path" if endpoint else None),
        "access_key": unquote(parts.username) if parts.username else None,
        "secret_key": unquote(parts.password) if parts.password else None,
        # Private objects, reached only through presigned links made after the check.
        "default_acl": None,
        "querystring_auth": True,
        "querystring_expire": expire,
        # Signature version 4: what every region and every S3-compatible store accepts.
        "signature_version": "s3v4",
        # Like the filesystem: a second upload of the same name gets a new name instead of
        # replacing the first one's file.
        "file_overwrite": False,
    }
    return {"BACKEND": S3_BACKEND, "OPTIONS": {k: v for k, v in options.items() if v is not None}}


def _presigns(storage: Storage) -> bool:
    return bool(getattr(storage, "querystring_auth", False)) and hasattr(storage, "bucket_name")


def file_download(
    name: str,
    *,
    filename: str,
    content_type: str | None = None,
    private: bool = False,
    storage: Storage | None = None,
    missing: str = "The file is missing from storage.",
) -> HttpResponse:
    """Answer a download of the stored file ``name``, once the caller has checked that the
    person may have it: a redirect to a short-lived presigned address on S3, the file
    streamed from the filesystem. ``private`` keeps shared caches from keeping either."""
    storage = storage or default_storage
    try:
        if _presigns(storage):
            if not storage.exists(name):
                raise FileNotFoundError(name)
            parameters = {"ResponseContentDisposition": content_disposition_header(True, filename)}
            if content_type:
                parameters["ResponseContentType"] = content_type
            response = HttpResponseRedirect(storage.url(name, parameters=parameters))
        else:
            response = FileResponse(
                storage.open(name, "rb"),
                as_attachment=True,
                filename=filename,
                content_type=content_type,
            )
    except OSError as exc:  # FileNotFoundError, or the store unreachable
        raise Http404(missing) from exc
    if private:
        response["Cache-Control"] = "private, no-store"
    return response
