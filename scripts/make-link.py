#!/usr/bin/env python3
"""Print a valuecalc share link for a model file, written without valuecalc.

    python3 scripts/make-link.py MODEL.json [BASE_URL]

The link is BASE_URL (default http://127.0.0.1:8000/) + "#m=" + the
base64url (no padding) of the zlib (RFC 1950) compression of the file's
bytes, as SPEC §5 defines. zlib's Adler-32 checksum lets the app refuse a
damaged link. It shows that any program can make valuecalc links.
"""
import base64
import sys
import zlib


def payload(data: bytes) -> str:
    # zlib.compress writes the zlib header and the Adler-32 checksum.
    return base64.urlsafe_b64encode(zlib.compress(data, 9)).decode("ascii").rstrip("=")


def main() -> int:
    if len(sys.argv) not in (2, 3):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    base = sys.argv[2] if len(sys.argv) == 3 else "http://127.0.0.1:8000/"
    with open(sys.argv[1], "rb") as f:
        print(base + "#m=" + payload(f.read()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
