from songforge.cli.client_commands import printable


def test_control_characters_from_the_server_are_shown_escaped() -> None:
    assert printable("Neon\x1b[2J\x07\x9b\x7f") == "Neon\\x1b[2J\\x07\\x9b\\x7f"
    assert printable("a\nb\tc\r") == "a\\x0ab\\x09c\\x0d"
    assert printable("[Verse]\nla\tla\x1b", multiline=True) == "[Verse]\nla\tla\\x1b"
    assert printable("Ünïcødé 😀") == "Ünïcødé 😀"
