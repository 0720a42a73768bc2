"""A worker on the raw NATS path, with nats-py: claims a task from a shim-node (MessagePack by hand, no
receipt header), as a client in another language would.

usage: nats_py_claim.py <nats_url> <claim_subject> <chat_id> <wait_seconds> <mode>
  mode "wait":  waits wait_seconds + 10 s for the answer; prints the claimed task as JSON (null when none)
  mode "leave": sends the claim, prints "sent", then closes the connection while the claim waits
"""

import asyncio
import json
import struct
import sys

import nats


def pack(value):
    if value is None:
        return b"\xc0"
    if value is True or value is False:
        return b"\xc3" if value else b"\xc2"
    if isinstance(value, int):
        if 0 <= value < 128:
            return bytes([value])
        return b"\xcf" + struct.pack(">Q", value)
    if isinstance(value, str):
        raw = value.encode()
        if len(raw) < 32:
            return bytes([0xA0 | len(raw)]) + raw
        return b"\xd9" + bytes([len(raw)]) + raw
    if isinstance(value, list):
        return bytes([0x90 | len(value)]) + b"".join(pack(item) for item in value)
    if isinstance(value, dict):
        return bytes([0x80 | len(value)]) + b"".join(pack(k) + pack(v) for k, v in value.items())
    raise TypeError(value)


def unpack(data, at=0):
    tag = data[at]
    at += 1
    if tag < 0x80:
        return tag, at
    if tag >= 0xE0:
        return tag - 0x100, at
    if 0x80 <= tag <= 0x8F:
        return unpack_map(data, at, tag & 0x0F)
    if 0x90 <= tag <= 0x9F:
        return unpack_array(data, at, tag & 0x0F)
    if 0xA0 <= tag <= 0xBF:
        size = tag & 0x1F
        return data[at:at + size].decode(), at + size
    fixed = {0xC0: None, 0xC2: False, 0xC3: True}
    if tag in fixed:
        return fixed[tag], at
    sized = {0xCC: ">B", 0xCD: ">H", 0xCE: ">I", 0xCF: ">Q", 0xD0: ">b", 0xD1: ">h", 0xD2: ">i",
             0xD3: ">q", 0xCA: ">f", 0xCB: ">d"}
    if tag in sized:
        fmt = sized[tag]
        size = struct.calcsize(fmt)
        return struct.unpack(fmt, data[at:at + size])[0], at + size
    lengths = {0xD9: ">B", 0xDA: ">H", 0xDB: ">I", 0xC4: ">B", 0xC5: ">H", 0xC6: ">I"}
    if tag in lengths:
        fmt = lengths[tag]
        head = struct.calcsize(fmt)
        size = struct.unpack(fmt, data[at:at + head])[0]
        at += head
        raw = data[at:at + size]
        return (raw.decode() if tag >= 0xD9 else raw.hex()), at + size
    counts = {0xDC: (">H", unpack_array), 0xDD: (">I", unpack_array), 0xDE: (">H", unpack_map),
              0xDF: (">I", unpack_map)}
    if tag in counts:
        fmt, reader = counts[tag]
        head = struct.calcsize(fmt)
        return reader(data, at + head, struct.unpack(fmt, data[at:at + head])[0])
    raise ValueError(f"msgpack tag {tag:#x}")


def unpack_array(data, at, count):
    items = []
    for _ in range(count):
        item, at = unpack(data, at)
        items.append(item)
    return items, at


def unpack_map(data, at, count):
    items = {}
    for _ in range(count):
        key, at = unpack(data, at)
        items[key], at = unpack(data, at)
    return items, at


async def main():
    url, subject, chat_id, wait, mode = sys.argv[1:6]
    wait = int(wait)
    client = await nats.connect(url)
    payload = pack({"chat_id": chat_id, "wait_seconds": wait, "capabilities": []})
    headers = {"Shim-Protocol": "1"}
    if mode == "wait":
        reply = await client.request(subject, payload, timeout=wait + 10, headers=headers)
        body, _ = unpack(reply.data)
        print(json.dumps(body["Ok"]["task"]), flush=True)
    else:
        pending = asyncio.ensure_future(client.request(subject, payload, timeout=wait + 10, headers=headers))
        await client.flush()
        print("sent", flush=True)
        pending.cancel()
    await client.close()


asyncio.run(main())
