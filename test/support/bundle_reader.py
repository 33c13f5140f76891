"""An independent reader of Holding bundles, written from docs/bundle-format.md alone, with PyNaCl
(Debian's python3-nacl): a different libsodium binding from the app's.

Usage: bundle_reader.py BUNDLE ENCRYPTION_PUBLIC ENCRYPTION_SECRET SIGNING_PUBLIC   (the reader's keys, base64url)
Prints {"kind": 1|2, "header": {...}, "payload": "<utf-8 text>"} as JSON; or exits 2 with the reason.
A share's optional `replies` (Payload, "Replies to the supervisor's comments") is checked against its schema
too: refused as "unreadable" when it does not match.
"""
import base64
import json
import os
import re
import struct
import sys

import nacl.bindings as b
from nacl.encoding import RawEncoder
from nacl.exceptions import BadSignatureError, CryptoError
from nacl.hash import blake2b
from nacl.signing import VerifyKey

MAX_BYTES = 64 * 1024 * 1024
CHUNK = 65536
ABYTES = 17


def unb64(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def blake(data):
    return blake2b(data, digest_size=32, encoder=RawEncoder)


def no_repeats(pairs):
    """Objects whose members are each named once; a repeat is refused, never settled by the last."""
    names = [name for name, _ in pairs]
    if len(set(names)) != len(names):
        raise ValueError("a member named twice")
    return dict(pairs)


# As strict as the app's schemas (zod's, which are JavaScript regular expressions): matched whole, with \Z (in
# Python `$` also accepts a newline before the end), and ASCII only (in Python `\d` is any Unicode digit).
# A UUID as RFC 9562 has it, the nil and max UUIDs included (as the app's schema takes them).
UUID = re.compile(
    r"(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}"
    r"|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)\Z",
    re.ASCII,
)
REF = re.compile(r"[A-Za-z0-9_-]{22}\Z", re.ASCII)
KEY = re.compile(r"[A-Za-z0-9_-]{43}\Z", re.ASCII)
# An ISO 8601 time with seconds and its offset (RFC 3339), as the app writes them (`toISOString`) and reads them:
# hours 00-23, minutes and seconds 00-59, any fraction, `Z` or +hh:mm; a date that exists (checked below).
ISO_WITH_OFFSET = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)\Z",
    re.ASCII,
)
REPLY_MEMBERS = {"id", "share", "ref", "body", "writtenAt"}
# Replies under any one comment (the same earlier share and ref) in one share (docs/bundle-format.md).
MAX_REPLIES_PER_COMMENT = 50


def is_uuid(value):
    return isinstance(value, str) and UUID.match(value) is not None


def is_time(value):
    m = ISO_WITH_OFFSET.match(value) if isinstance(value, str) else None
    if not m:
        return False
    year, month, day = (int(g) for g in m.groups())
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    days = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return 1 <= month <= 12 and 1 <= day <= days[month - 1]


def header_ok(header):
    """The header's members, each as the format says (the sender's too)."""
    expected = {"bundleId", "createdAt", "sender", "recipientFingerprint", "payloadType"}
    if not isinstance(header, dict) or set(header) != expected:
        return False
    sender = header["sender"]
    if not isinstance(sender, dict) or set(sender) != {"name", "role", "encryptionKey", "signingKey"}:
        return False
    if not (isinstance(sender["name"], str) and 1 <= utf16_length(sender["name"]) <= 200):
        return False
    if not (isinstance(sender["role"], str) and utf16_length(sender["role"]) <= 200):
        return False
    if not all(isinstance(sender[k], str) and KEY.match(sender[k]) for k in ("encryptionKey", "signingKey")):
        return False
    return is_uuid(header["bundleId"]) and is_time(header["createdAt"])


def utf16_length(text):
    """Lengths as the format counts them: UTF-16 code units, as JavaScript does."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def replies_ok(payload):
    """A share's `replies`, when present: 1 to 20,000 replies, each exactly as the format says, ids unique, and no
    more than 50 under any one comment."""
    if not isinstance(payload, dict) or "replies" not in payload:
        return True
    replies = payload["replies"]
    if not isinstance(replies, list) or not 1 <= len(replies) <= 20000:
        return False
    under = {}
    for r in replies:
        if not isinstance(r, dict) or set(r) != REPLY_MEMBERS:
            return False
        if not (is_uuid(r["id"]) and is_uuid(r["share"]) and is_time(r["writtenAt"])):
            return False
        if r["ref"] is not None and not (isinstance(r["ref"], str) and REF.match(r["ref"])):
            return False
        if not (isinstance(r["body"], str) and 1 <= utf16_length(r["body"]) <= 20000):
            return False
        comment = (r["share"], r["ref"] or "")
        under[comment] = under.get(comment, 0) + 1
        if under[comment] > MAX_REPLIES_PER_COMMENT:
            return False
    return len({r["id"] for r in replies}) == len(replies)


def refuse(reason):
    print(reason, file=sys.stderr)
    sys.exit(2)


def read(path, enc_pk, enc_sk, sign_pk):
    # 1. Size, before reading.
    if os.path.getsize(path) > MAX_BYTES:
        refuse("too-large")
    data = open(path, "rb").read()
    # 2-4. Magic, version, kind, reserved, header.
    if len(data) < 16 or data[:8] != b"HOLDBNDL":
        refuse("not-a-bundle")
    version, kind, reserved, h = struct.unpack(">BBHI", data[8:16])
    # 1 for every feedback and a share without replies; 2 for a share carrying replies.
    if version not in (1, 2):
        refuse("unknown-version")
    if kind not in (1, 2) or reserved != 0 or not 1 <= h <= 65536 or (version == 2 and kind != 1):
        refuse("malformed")
    if len(data) < 16 + h:
        refuse("truncated")
    try:
        header = json.loads(data[16 : 16 + h].decode("utf-8"), object_pairs_hook=no_repeats)
    except ValueError:
        refuse("malformed")
    if not header_ok(header):
        refuse("malformed")
    if header["payloadType"] != ("holding.share.v1" if kind == 1 else "holding.feedback.v1"):
        refuse("malformed")
    # 5. For us?
    own = blake(b"HOLDING-IDENTITY-1\x00" + enc_pk + sign_pk).hex()
    if header["recipientFingerprint"] != own:
        refuse("not-for-you")
    # 6. Framing: chunks walked by their lengths end exactly at the signature.
    sealed_at, stream_header_at, chunks_at = 16 + h, 96 + h, 120 + h
    end = len(data) - 64
    chunks, offset = [], chunks_at
    while offset < end:
        if offset + 4 > end:
            refuse("truncated")
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        if not ABYTES <= length <= CHUNK + ABYTES:
            refuse("damaged")
        if offset + 4 + length > end:
            refuse("truncated")
        chunks.append(data[offset + 4 : offset + 4 + length])
        offset += 4 + length
    if chunks_at > end or not chunks:
        refuse("truncated")
    # Every chunk but the last is full.
    if any(len(c) != CHUNK + ABYTES for c in chunks[:-1]):
        refuse("damaged")
    # 7. The sender's signature over everything before it, and the key it was sealed to.
    message = b"HOLDING-BUNDLE-SIG-1\x00" + data[:end] + enc_pk
    try:
        VerifyKey(unb64(header["sender"]["signingKey"])).verify(message, data[end:])
    except (BadSignatureError, ValueError, TypeError, KeyError):
        refuse("bad-signature")
    # 8. The content key.
    try:
        key = b.crypto_box_seal_open(data[sealed_at : sealed_at + 80], enc_pk, enc_sk)
    except CryptoError:
        refuse("damaged")
    # 9. Every chunk, bound to the preamble and header; only the last is final.
    ad = blake(data[: 16 + h])
    state = b.crypto_secretstream_xchacha20poly1305_state()
    b.crypto_secretstream_xchacha20poly1305_init_pull(state, data[stream_header_at:chunks_at], key)
    payload = b""
    for i, chunk in enumerate(chunks):
        try:
            message, tag = b.crypto_secretstream_xchacha20poly1305_pull(state, chunk, ad)
        except CryptoError:
            refuse("damaged")
        final = tag == b.crypto_secretstream_xchacha20poly1305_TAG_FINAL
        if final != (i == len(chunks) - 1):
            refuse("damaged" if final else "truncated")
        if not final and tag != b.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE:
            refuse("damaged")
        payload += message
    text = payload.decode("utf-8")
    # 11, in part: a share's replies, read by their schema (members named twice are refused, as in the header).
    if kind == 1:
        try:
            parsed = json.loads(text, object_pairs_hook=no_repeats)
        except ValueError:
            parsed = None
            if '"replies"' in text:
                refuse("unreadable")
        if not replies_ok(parsed):
            refuse("unreadable")
        # Replies travel in version 2 only, and version 2 always carries them.
        if (isinstance(parsed, dict) and "replies" in parsed) != (version == 2):
            refuse("unreadable")
    return {"kind": kind, "header": header, "payload": text}


if __name__ == "__main__":
    path, pk, sk, spk = sys.argv[1:5]
    print(json.dumps(read(path, unb64(pk), unb64(sk), unb64(spk))))
