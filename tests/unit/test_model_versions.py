"""Every `mv` TokenLab documents is accepted and served by the nearest version a backend has."""

from __future__ import annotations

from songforge.domain.model_versions import (
    VENDOR_VERSIONS,
    accepted_versions,
    served_as,
    serving_version,
)

ENGINE = ("chirp-v3-5", "chirp-v4", "chirp-v4-5", "songforge-1")


def test_known_versions_serve_themselves() -> None:
    for version in ENGINE:
        assert serving_version(version, ENGINE) == version


def test_missing_versions_go_to_the_nearest_number() -> None:
    assert serving_version("chirp-v4.5", ENGINE) == "chirp-v4-5"
    assert serving_version("chirp-v4-5plus", ENGINE) == "chirp-v4-5"
    assert serving_version("chirp-v4.5all", ENGINE) == "chirp-v4-5"
    assert serving_version("chirp-v5", ENGINE) == "chirp-v4-5"
    assert serving_version("chirp-v5.5", ENGINE) == "chirp-v4-5"
    assert serving_version("chirp-v4", ("chirp-v3-5", "chirp-v4-5")) == "chirp-v4-5"  # tie: newer
    assert serving_version("chirp-v5", ("songforge-1",)) == "songforge-1"
    assert serving_version("chirp-v5", ()) is None


def test_every_vendor_version_is_accepted_and_mapped() -> None:
    accepted = accepted_versions(ENGINE)
    assert set(VENDOR_VERSIONS) | {"songforge-1"} == set(accepted)
    mapping = served_as(ENGINE)
    assert set(mapping) == set(VENDOR_VERSIONS) - set(ENGINE)
    assert set(mapping.values()) <= set(ENGINE)
