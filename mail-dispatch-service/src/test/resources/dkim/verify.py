"""Verifies the topmost DKIM-Signature of the message on stdin with dkimpy (Debian's python3-dkim).

Usage: verify.py <base64 SubjectPublicKeyInfo of the RSA public key>
The key is served as the TXT record of whatever selector and domain the signature names, so no DNS is asked.
Exit status: 0 verified, 1 not verified, 2 the verification could not run.
"""
import sys

import dkim


def main():
    record = b"v=DKIM1; k=rsa; p=" + sys.argv[1].encode("ascii")
    asked = []

    def dnsfunc(name, timeout=5):
        asked.append(name)
        return record

    message = sys.stdin.buffer.read()
    verified = dkim.verify(message, dnsfunc=dnsfunc)
    print("verified" if verified else "not verified", "; key asked for:", b", ".join(asked).decode("ascii", "replace"))
    return 0 if verified else 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception as e:  # noqa: BLE001 - any failure to run is reported as such, not as "not verified"
        print("error:", repr(e))
        sys.exit(2)
