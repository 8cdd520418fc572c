"""Packaging beyond pyproject.toml: notebooks/ and data/ stay at the top of the repository, where people
look for them, and ship inside the package as reviewlab/_notebooks and reviewlab/_data, so an installed
reviewlab can build the sample archive and give you the notebooks (`reviewlab init --sample`, `reviewlab lab`).
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["reviewlab", "reviewlab.*"]),
              "reviewlab._notebooks", "reviewlab._data", "reviewlab._data.reviews"],
    package_dir={"reviewlab._notebooks": "notebooks", "reviewlab._data": "data"},
)
