"""The intermediate representation: plain dataclasses that know nothing of botocore, jinja or markdown."""
