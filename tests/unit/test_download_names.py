from songforge.domain.download_names import ascii_name, content_disposition, song_file_name

HOSTILE = '../AC/DC "Live"; filename=evil.exe \\ 😀 Ünïcødé\r\nX-Injected: 1'


def test_ascii_fallback_keeps_the_song_tag_when_transliteration_lengthens_the_title() -> None:
    name = song_file_name(HOSTILE, "0d9acdb2", "audio", ".mp3")
    fallback = ascii_name(name)
    assert name.endswith("-0d9acdb2.mp3")
    assert fallback.endswith("-0d9acdb2.mp3")
    assert fallback.startswith("ac-dc-live-filename-evil-exe")
    assert len(fallback.removesuffix("-0d9acdb2.mp3")) <= 60
    assert fallback.isascii()
    header = content_disposition(name)
    assert "\r" not in header
    assert "\n" not in header
    assert f'filename="{fallback}"' in header


def test_two_songs_with_one_long_title_get_different_ascii_names() -> None:
    title = "😀" * 40
    first = ascii_name(song_file_name(title, "0d9acdb2", "audio", ".mp3"))
    second = ascii_name(song_file_name(title, "11111111", "audio", ".mp3"))
    assert first != second


def test_kind_suffix_and_untitled_names_survive() -> None:
    assert ascii_name(song_file_name("星空", "3f9a1c2e", "cover_image", ".png")) == (
        "xingkong-3f9a1c2e-cover-image.png"
    )
    assert ascii_name(song_file_name(None, "3f9a1c2e", "audio", ".mp3")) == "3f9a1c2e.mp3"
    assert ascii_name("upload.wav") == "upload.wav"
