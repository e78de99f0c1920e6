#!/usr/bin/env python3
"""Uploads images to the media library one at a time, as bench/media.sh runs it.

For each file: POST /api/media (multipart, as author:demo over HTTP Basic), the wall time of the
request and the server's CPU time for it (utime+stime of the server's processes from /proc, so the
renditions' work is counted whatever thread does it). Every answer must be 201 with the
renditions listed; anything else fails the run. Prints one line per upload and a BENCH line with
the totals. Only 127.0.0.1 is contacted.
"""
import argparse
import base64
import http.client
import json
import os
import sys
import time
import uuid


def cpu_ticks(pids):
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(") ", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total


def multipart(fields, file_name, data):
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n".encode())
    parts.append(f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\n"
                 "Content-Type: application/octet-stream\r\n\r\n".encode() + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return boundary, b"".join(parts)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--pids", required=True, help="comma-separated pids of the server's processes")
    parser.add_argument("--label", default="run")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    pids = [int(p) for p in args.pids.split(",") if p]
    ticks_per_second = os.sysconf("SC_CLK_TCK")
    auth = "Basic " + base64.b64encode(b"author:demo").decode()
    connection = http.client.HTTPConnection("127.0.0.1", args.port, timeout=300)
    renditions = 0
    wall = 0.0
    cpu = 0.0
    for path in args.files:
        with open(path, "rb") as image:
            data = image.read()
        boundary, body = multipart({"locale": "en", "alt": "Bench image " + os.path.basename(path),
                                    "licence": "CC BY 4.0", "source": "bench/PhotoLike.java"},
                                   os.path.basename(path), data)
        before_cpu = cpu_ticks(pids)
        started = time.perf_counter()
        connection.request("POST", "/api/media", body=body, headers={
            "Authorization": auth, "Content-Type": f"multipart/form-data; boundary={boundary}",
            "Accept": "application/json"})
        response = connection.getresponse()
        answer = response.read()
        seconds = time.perf_counter() - started
        used = (cpu_ticks(pids) - before_cpu) / ticks_per_second
        if response.status != 201:
            print(f"bench: upload of {path} answered {response.status}: {answer[:500]!r}", file=sys.stderr)
            sys.exit(1)
        made = json.loads(answer)["renditions"]
        renditions += len(made)
        wall += seconds
        cpu += used
        widths = ",".join(str(r["width"]) for r in made)
        print(f"  {os.path.basename(path)}: {len(data) / 1e6:.1f} MB, {len(made)} renditions ({widths})"
              f" in {seconds * 1000:.0f} ms, server CPU {used * 1000:.0f} ms")
    print(f"BENCH {args.label} uploads={len(args.files)} renditions={renditions}"
          f" renditions_per_s={renditions / wall:.2f} cpu_ms_per_rendition={cpu * 1000 / renditions:.0f}"
          f" ms_per_upload={wall * 1000 / len(args.files):.0f} cpu_ms_per_upload={cpu * 1000 / len(args.files):.0f}")


if __name__ == "__main__":
    main()
