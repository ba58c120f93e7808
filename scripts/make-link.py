#!/usr/bin/env python3
"""Print a valuecalc share link for a model file, written without valuecalc.

    python3 scripts/make-link.py MODEL.json [BASE_URL]

The link is BASE_URL (default http://127.0.0.1:8000/) + "#model=" + the
base64url (no padding) of the raw DEFLATE (RFC 1951) of the file's bytes,
as SPEC §5 defines. It shows that any program can make valuecalc links.
"""
import base64
import sys
import zlib


def payload(data: bytes) -> str:
    z = zlib.compressobj(9, zlib.DEFLATED, -15)  # wbits=-15: raw DEFLATE, no zlib header
    raw = z.compress(data) + z.flush()
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def main() -> int:
    if len(sys.argv) not in (2, 3):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    base = sys.argv[2] if len(sys.argv) == 3 else "http://127.0.0.1:8000/"
    with open(sys.argv[1], "rb") as f:
        print(base + "#model=" + payload(f.read()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
