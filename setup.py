"""Only what pyproject.toml cannot say: ``migrations/`` and ``resources/`` live at the top
of the repository (where Alembic and the developers expect them) but ship inside the
installed package as ``tit_desktop/_migrations`` and ``tit_desktop/_resources``, where
``tit_desktop.paths`` finds them. Everything else is in pyproject.toml."""

from setuptools import find_packages, setup

SHIPPED = {"tit_desktop._migrations": "migrations", "tit_desktop._resources": "resources"}

setup(
    packages=[
        *find_packages(include=["tit_desktop", "tit_desktop.*"]),
        *SHIPPED,
        "tit_desktop._migrations.versions",
    ],
    package_dir=SHIPPED,
    package_data={
        "tit_desktop._migrations": ["script.py.mako"],
        "tit_desktop._resources": ["**/*"],
    },
    exclude_package_data={"": ["__pycache__/*", "*.pyc"]},
)
