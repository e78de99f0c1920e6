#!/usr/bin/env python3
"""Writers and checker of the crash test (bench/crash.sh); stdlib only, 127.0.0.1 only.

    crash_writers.py setup  --port P --articles FILE [--writers 8]
        creates one article per writer (POST /api/articles as author) and writes their ids to FILE
    crash_writers.py write  --port P --articles FILE --acks FILE --round N [--seconds S]
        each writer thread saves its own article again and again (GET for the ETag, then PUT with
        If-Match) and appends every acknowledged save (200) to the acks file as one JSON line:
        article, revision number (from the ETag), text; stops when the server is gone, or after S
        seconds (through a proxy in front of several instances, bench/cluster.sh)
    crash_writers.py check  --port P --acks FILE
        reads every acknowledged revision back (GET .../revisions/{n}) and prints
        "acknowledged=A lost=L duplicated=D" (lost: missing or another text; duplicated: a
        revision number acknowledged twice with different texts); exits 1 unless L and D are 0
"""

import argparse
import base64
import http.client
import json
import os
import sys
import threading
import time

HOST = "127.0.0.1"  # the only host this script ever contacts
AUTH = {"Authorization": "Basic " + base64.b64encode(b"author:demo").decode()}


def connect(port):
    return http.client.HTTPConnection(HOST, port, timeout=30)


def request(conn, method, path, body=None, headers=None):
    h = dict(AUTH)
    h.update(headers or {})
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        h["Content-Type"] = "application/json"
    conn.request(method, path, body=data, headers=h)
    response = conn.getresponse()
    return response.status, response.getheader("ETag"), response.read()


def article(slug, text):
    return {"title": "Crash test " + slug, "slug": slug, "summary": "Saved while the server is killed.",
            "body": text, "topics": ["crash"], "references": [], "changeNote": text, "safetyRelevant": False}


def setup(args):
    conn = connect(args.port)
    ids = []
    stamp = "%d-%d" % (os.getpid(), int(time.time()))
    for w in range(args.writers):
        slug = "crash-%s-%d" % (stamp, w)
        body = article(slug, "created")
        del body["changeNote"], body["safetyRelevant"]
        body["sourceLocale"] = "en"
        status, _, data = request(conn, "POST", "/api/articles", body)
        if status != 201:
            sys.exit("creating an article answered %d: %s" % (status, data[:300]))
        ids.append(json.loads(data)["id"])
    with open(args.articles, "w") as f:
        f.write("\n".join(str(i) for i in ids) + "\n")


def write(args):
    ids = [int(line) for line in open(args.articles) if line.strip()]
    acks = open(args.acks, "a")
    lock = threading.Lock()
    counts = {"acks": 0, "conflicts": 0, "errors": 0}

    def writer(w, article_id):
        path = "/api/articles/%d/locales/en" % article_id
        conn = connect(args.port)
        seq = 0
        try:
            status, etag, _ = request(conn, "GET", path)
            while args.seconds == 0 or time.time() < end:
                seq += 1
                text = "round %d writer %d save %d at %.6f" % (args.round, w, seq, time.time())
                status, new_etag, data = request(conn, "PUT", path, article("crash-%d" % article_id, text),
                                                 {"If-Match": etag})
                if status == 200:
                    revision = int(new_etag.strip('"').lstrip("r"))
                    with lock:
                        acks.write(json.dumps({"article": article_id, "revision": revision, "text": text}) + "\n")
                        acks.flush()
                        counts["acks"] += 1
                    etag = new_etag
                elif status == 412:
                    with lock:
                        counts["conflicts"] += 1
                    status, etag, _ = request(conn, "GET", path)
                else:
                    with lock:
                        counts["errors"] += 1
                    time.sleep(0.05)
        except (OSError, http.client.HTTPException):
            return  # the server is gone: what was acknowledged is in the acks file

    end = time.time() + args.seconds
    threads = [threading.Thread(target=writer, args=(w, i)) for w, i in enumerate(ids)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    acks.close()
    print("acknowledged=%d conflicts=%d other=%d" % (counts["acks"], counts["conflicts"], counts["errors"]))


def check(args):
    acks = [json.loads(line) for line in open(args.acks) if line.strip()]
    texts = {}
    duplicated = 0
    for ack in acks:
        key = (ack["article"], ack["revision"])
        if key in texts and texts[key] != ack["text"]:
            duplicated += 1
        texts.setdefault(key, ack["text"])
    conn = connect(args.port)
    lost = 0
    for (article_id, revision), text in sorted(texts.items()):
        status, _, data = request(conn, "GET", "/api/articles/%d/locales/en/revisions/%d" % (article_id, revision))
        if status != 200 or json.loads(data).get("body") != text:
            lost += 1
            if lost <= 5:
                print("lost: article %d revision %d (%d)" % (article_id, revision, status), file=sys.stderr)
    print("acknowledged=%d lost=%d duplicated=%d" % (len(acks), lost, duplicated))
    sys.exit(0 if lost == 0 and duplicated == 0 else 1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["setup", "write", "check"])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--articles")
    parser.add_argument("--acks")
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--round", type=int, default=0)
    parser.add_argument("--seconds", type=float, default=0)
    args = parser.parse_args()
    {"setup": setup, "write": write, "check": check}[args.command](args)


if __name__ == "__main__":
    main()
