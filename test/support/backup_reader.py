"""An independent reader of Holding backups, written from docs/backup-format.md alone, with PyNaCl
(Debian's python3-nacl, a different libsodium binding from the app's) and Python's own hashlib
(SHA-256, and keyed BLAKE2b for the MAC and for crypto_kdf, which PyNaCl does not bind).

Usage: backup_reader.py BACKUP       (the passphrase on standard input, one line)
Checks the framing, unwraps the data key with the passphrase, and checks the MAC and the hashes.
Prints {"header": {...}, "dataKey": "<hex>", "databaseSha256": "<hex>"} as JSON; or exits 2 with the
reason on standard error.
"""
import base64
import hashlib
import json
import os
import struct
import sys
import unicodedata

import nacl.bindings as b
from nacl.exceptions import CryptoError

MAGIC = b"HOLDBKUP"
FIXED = 60  # preamble 16, key-file length 4, database length 8, MAC 32
MAX_HEADER = 65536
MAX_KEY_FILE = 65536
MAX_DATABASE = 2**53 - 1
MEMBERS = ["vaultId", "madeAt", "appVersion", "schemaVersion", "computer", "counts", "keyFile", "database",
           "contentDigest"]
PIECE = 1024 * 1024


def refuse(reason):
    print(reason, file=sys.stderr)
    sys.exit(2)


def no_duplicates(pairs):
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        refuse("malformed")
    return dict(pairs)


def read_header(raw):
    try:
        text = raw.decode("utf-8")
        header = json.loads(text, object_pairs_hook=no_duplicates)
    except ValueError:
        refuse("malformed")
    if not isinstance(header, dict) or list(header) != MEMBERS:
        refuse("malformed")
    # The one canonical form: compact, as JSON.stringify writes it.
    if json.dumps(header, separators=(",", ":"), ensure_ascii=False) != text:
        refuse("malformed")
    for part in ("keyFile", "database"):
        if not isinstance(header[part], dict) or list(header[part]) != ["bytes", "sha256"]:
            refuse("malformed")
    counts = header["counts"]
    if not isinstance(counts, dict) or list(counts) != sorted(counts):
        refuse("malformed")
    return header


def read(path, passphrase):
    size = os.path.getsize(path)
    with open(path, "rb") as f:
        def at(offset, length):
            f.seek(offset)
            data = f.read(length)
            if len(data) != length:
                refuse("truncated")
            return data

        # 1-2. Magic, version, reserved.
        start = f.read(16)
        if start[:8] != MAGIC:
            refuse("truncated" if MAGIC.startswith(start[:8]) else "not-a-backup")
        if len(start) < 16:
            refuse("truncated")
        version, r0, r1, r2, h = struct.unpack(">BBBBI", start[8:16])
        if version != 1:
            refuse("unknown-version")
        if (r0, r1, r2) != (0, 0, 0) or not 2 <= h <= MAX_HEADER:
            refuse("malformed")
        # 3. Header, its length checked against the size first.
        if FIXED + h > size:
            refuse("truncated")
        header = read_header(at(16, h))
        # 4. Key file.
        (k,) = struct.unpack(">I", at(16 + h, 4))
        if not 1 <= k <= MAX_KEY_FILE or k != header["keyFile"]["bytes"]:
            refuse("malformed")
        if FIXED + h + k > size:
            refuse("truncated")
        key_file_bytes = at(20 + h, k)
        if hashlib.sha256(key_file_bytes).hexdigest() != header["keyFile"]["sha256"]:
            refuse("damaged")
        # 5. Database length, and nothing after the MAC.
        (d,) = struct.unpack(">Q", at(20 + h + k, 8))
        if not 1 <= d <= MAX_DATABASE or d != header["database"]["bytes"]:
            refuse("malformed")
        if FIXED + h + k + d > size:
            refuse("truncated")
        if FIXED + h + k + d < size:
            refuse("trailing-bytes")

        # 7-8. The data key, unwrapped with the passphrase.
        key_file = json.loads(key_file_bytes.decode("utf-8"))
        if key_file.get("format") != "holding.key" or key_file.get("version") != 1:
            refuse("malformed")
        if key_file["vaultId"] != header["vaultId"]:
            refuse("damaged")
        slot = key_file["passphrase"]
        kdf = slot["kdf"]
        if kdf["algorithm"] != "argon2id13":
            refuse("malformed")
        kek = b.crypto_pwhash_alg(
            32,
            unicodedata.normalize("NFC", passphrase).encode("utf-8"),
            base64.b64decode(kdf["salt"]),
            kdf["opsLimit"],
            kdf["memLimitBytes"],
            b.crypto_pwhash_ALG_ARGON2ID13,
        )
        ad = ("holding.key|v1|%s|passphrase" % key_file["vaultId"]).encode("ascii")
        try:
            data_key = b.crypto_aead_xchacha20poly1305_ietf_decrypt(
                base64.b64decode(slot["wrappedKey"]), ad, base64.b64decode(slot["nonce"]), kek)
        except CryptoError:
            refuse("wrong-passphrase")

        # 9. MAC: keyed BLAKE2b-256 with crypto_kdf_derive_from_key(32, 1, "HoldBkup", dataKey).
        mac_key = hashlib.blake2b(b"", digest_size=32, key=data_key, salt=struct.pack("<Q", 1) + bytes(8),
                                  person=b"HoldBkup" + bytes(8)).digest()
        mac = hashlib.blake2b(digest_size=32, key=mac_key)
        database = hashlib.sha256()
        db_at, mac_at = 28 + h + k, 28 + h + k + d
        f.seek(0)
        position = 0
        while position < mac_at:
            piece = f.read(min(PIECE, mac_at - position))
            if not piece:
                refuse("truncated")
            mac.update(piece)
            if position + len(piece) > db_at:
                database.update(piece[max(0, db_at - position):])
            position += len(piece)
        if not b.sodium_memcmp(mac.digest(), at(mac_at, 32)):
            refuse("bad-mac")
        if database.hexdigest() != header["database"]["sha256"]:
            refuse("damaged")
        return {"header": header, "dataKey": data_key.hex(), "databaseSha256": database.hexdigest()}


if __name__ == "__main__":
    secret = sys.stdin.readline().rstrip("\n")
    print(json.dumps(read(sys.argv[1], secret)))
