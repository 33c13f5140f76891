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


UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$")
REF = re.compile(r"^[A-Za-z0-9_-]{22}$")
ISO_WITH_OFFSET = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")
REPLY_MEMBERS = {"id", "share", "ref", "body", "writtenAt"}


def replies_ok(payload):
    """A share's `replies`, when present: 1 to 20,000 replies, each exactly as the format says, ids unique."""
    if not isinstance(payload, dict) or "replies" not in payload:
        return True
    replies = payload["replies"]
    if not isinstance(replies, list) or not 1 <= len(replies) <= 20000:
        return False
    for r in replies:
        if not isinstance(r, dict) or set(r) != REPLY_MEMBERS:
            return False
        if not all(isinstance(r[k], str) for k in ("id", "share", "body", "writtenAt")):
            return False
        if not UUID.match(r["id"]) or not UUID.match(r["share"]) or not ISO_WITH_OFFSET.match(r["writtenAt"]):
            return False
        if r["ref"] is not None and not (isinstance(r["ref"], str) and REF.match(r["ref"])):
            return False
        # Lengths as the format counts them: UTF-16 code units, as JavaScript does.
        if not 1 <= len(r["body"].encode("utf-16-le", "surrogatepass")) // 2 <= 20000:
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
    expected = {"bundleId", "createdAt", "sender", "recipientFingerprint", "payloadType"}
    if not isinstance(header, dict) or set(header) != expected:
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
