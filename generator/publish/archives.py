"""The wheel and the sdist of a project, as bytes: files in sorted order, one fixed timestamp, fixed
modes and owners, so two builds of the same folder are byte-identical."""

from __future__ import annotations

import base64
import gzip
import hashlib
import io
import tarfile
import time
import zipfile

from .. import __version__
from .metadata import core_metadata
from .project import Project

# 2020-02-02, the SOURCE_DATE_EPOCH build backends default to; zip cannot say anything before 1980
EPOCH = 1580601600
WHEEL_TAG = "py3-none-any"


def wheel_name(project: Project) -> str:
    return f"{project.stem}-{WHEEL_TAG}.whl"


def sdist_name(project: Project) -> str:
    return f"{project.stem}.tar.gz"


def wheel(project: Project) -> bytes:
    """The import packages' files, then the .dist-info folder with its RECORD last."""
    info = f"{project.stem}.dist-info"
    entries = [
        (path, project.read(path))
        for path in project.files
        if any(path.startswith(f"{package}/") for package in project.packages)
    ]
    entries.append((f"{info}/METADATA", core_metadata(project).encode()))
    entries.append((f"{info}/WHEEL", _wheel_file().encode()))
    entries += [(f"{info}/licenses/{path}", project.read(path)) for path in project.license_files]
    record = "".join(f"{path},sha256={_hash(data)},{len(data)}\n" for path, data in entries)
    entries.append((f"{info}/RECORD", f"{record}{info}/RECORD,,\n".encode()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, data in entries:
            member = zipfile.ZipInfo(path, time.gmtime(EPOCH)[:6])
            member.external_attr = 0o644 << 16
            member.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(member, data)
    return buffer.getvalue()


def sdist(project: Project) -> bytes:
    """Every file of the folder (pyproject.toml names the backend that builds it) and PKG-INFO."""
    entries = [(path, project.read(path)) for path in project.files]
    entries = sorted([*entries, ("PKG-INFO", core_metadata(project).encode())])
    buffer = io.BytesIO()
    # gzip's own header holds a timestamp and a file name too
    with gzip.GzipFile(fileobj=buffer, mode="wb", filename="", mtime=EPOCH) as compressed:
        with tarfile.open(fileobj=compressed, mode="w", format=tarfile.PAX_FORMAT) as archive:
            for path, data in entries:
                member = tarfile.TarInfo(f"{project.stem}/{path}")
                member.size, member.mtime, member.mode = len(data), EPOCH, 0o644
                archive.addfile(member, io.BytesIO(data))
    return buffer.getvalue()


def _wheel_file() -> str:
    return f"Wheel-Version: 1.0\nGenerator: boto-typegen {__version__}\nRoot-Is-Purelib: true\nTag: {WHEEL_TAG}\n"


def _hash(data: bytes) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
