"""Core metadata (METADATA in the wheel, PKG-INFO in the sdist), version 2.4, with the README as the
long description."""

from __future__ import annotations

from .project import Project

METADATA_VERSION = "2.4"  # License-Expression and License-File (PEP 639)


def core_metadata(project: Project) -> str:
    fields = [
        ("Metadata-Version", METADATA_VERSION),
        ("Name", project.name),
        ("Version", project.version),
        ("Summary", project.summary),
        ("License-Expression", project.license_expression),
        *(("License-File", path) for path in project.license_files),
        ("Keywords", ",".join(project.keywords)),
        *(("Classifier", classifier) for classifier in project.classifiers),
        ("Requires-Python", project.requires_python),
        *(("Requires-Dist", requirement) for requirement in project.dependencies),
        ("Description-Content-Type", project.readme_type),
    ]
    header = "".join(f"{key}: {value}\n" for key, value in fields if value)
    return f"{header}\n{project.readme}"
