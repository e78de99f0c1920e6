#!/usr/bin/env python3
"""Publish-to-visible latency on every instance of a cluster (bench/cluster.sh); stdlib only, 127.0.0.1 only.

    cluster_publish.py --ports P1,P2,P3 --count 100 [--timeout 2]

Creates one article and publishes it, then COUNT times: reads its reader page on every instance
(so that each keeps it), saves a new revision with a marker in the body, and takes it through
submit, approve and publish, each publish through the next instance in turn. From the moment the
publish is answered, every instance's page is read again every 5 ms until the marker is on it:
that time is the instance's publish-to-visible latency (0 when the first read shows it). An
instance still without the marker after TIMEOUT seconds counts as stale for that publish.
Prints one line per instance, "node PORT: p50=.. p99=.. max=.. ms stale=N of COUNT", then
"ALL: p50=.. p99=.. max=.. stale=N" over every instance; exits 1 if anything was stale.
"""

import argparse
import base64
import http.client
import json
import sys
import threading
import time

HOST = "127.0.0.1"  # the only host this script ever contacts
CHECKLIST = {"sources-current": True, "risks-stated": True, "no-promotion": True, "dosing-checked": True}


def auth(user):
    return "Basic " + base64.b64encode(("%s:demo" % user).encode()).decode()


def call(port, method, path, user=None, body=None, headers=None):
    h = {"Accept": "application/json"}
    if user:
        h["Authorization"] = auth(user)
    h.update(headers or {})
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        h["Content-Type"] = "application/json"
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        conn.request(method, path, body=data, headers=h)
        answer = conn.getresponse()
        return answer.status, answer.getheader("ETag"), answer.read()
    finally:
        conn.close()


def expect(port, method, path, user, body=None, status=200, headers=None):
    got, etag, data = call(port, method, path, user, body, headers)
    if got != status:
        sys.exit("%s %s as %s on %d answered %d, not %d: %s"
                 % (method, path, user, port, got, status, data[:300].decode("utf-8", "replace")))
    return etag, data


def content(slug, body, note=None):
    article = {"title": "Cluster visibility " + slug, "slug": slug, "summary": "Published again and again.",
               "body": body, "topics": ["cluster"], "references": []}
    if note is None:
        article["sourceLocale"] = "en"
    else:
        article.update({"changeNote": note, "safetyRelevant": False})
    return article


def publish(port, variant):
    for user, step in (("author", {"action": "submit"}),
                       ("reviewer", {"action": "approve", "checklist": CHECKLIST}),
                       ("editor", {"action": "publish"})):
        expect(port, "POST", variant + "/transitions", user, step)


def page_has(port, page, marker, conn_cache):
    conn = conn_cache.get(port) or http.client.HTTPConnection(HOST, port, timeout=10)
    conn_cache[port] = conn
    try:
        conn.request("GET", page)
        answer = conn.getresponse()
        body = answer.read()
        return answer.status == 200 and marker.encode() in body
    except (OSError, http.client.HTTPException):
        conn.close()
        conn_cache.pop(port, None)
        return False


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(p / 100 * len(ordered) + 0.5)) - 1))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ports", required=True)
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--timeout", type=float, default=2.0)
    args = parser.parse_args()
    ports = [int(p) for p in args.ports.split(",")]

    slug = "cluster-visible-%d" % int(time.time() * 1000)
    _, data = expect(ports[0], "POST", "/api/articles", "author", content(slug, "marker-0"), status=201)
    variant = "/api/articles/%d/locales/en" % json.loads(data)["id"]
    publish(ports[0], variant)
    page = "/en/articles/" + slug
    latencies = {port: [] for port in ports}
    stale = {port: 0 for port in ports}

    for n in range(1, args.count + 1):
        through = ports[n % len(ports)]
        for port in ports:  # every instance serves, and keeps, the page as it is now
            for _ in range(2):
                call(port, "GET", page)
        etag, _ = expect(through, "GET", variant, "author")
        marker = "marker-%d" % n
        expect(through, "PUT", variant, "author", content(slug, marker, "publish %d" % n), headers={"If-Match": etag})
        publish(through, variant)
        published = time.monotonic()

        def watch(port):
            cache = {}
            while True:
                seen = page_has(port, page, marker, cache)
                waited = time.monotonic() - published
                if seen:
                    latencies[port].append(waited * 1000)
                    return
                if waited > args.timeout:
                    stale[port] += 1
                    return
                time.sleep(0.005)

        watchers = [threading.Thread(target=watch, args=(port,)) for port in ports]
        for w in watchers:
            w.start()
        for w in watchers:
            w.join()

    everything = [v for port in ports for v in latencies[port]]
    for port in ports:
        values = latencies[port] or [float("nan")]
        print("node %d: p50=%.1f p99=%.1f max=%.1f ms stale=%d of %d (not visible within %.1f s)"
              % (port, percentile(values, 50), percentile(values, 99), max(values), stale[port], args.count, args.timeout))
    values = everything or [float("nan")]
    print("ALL: p50=%.1f p99=%.1f max=%.1f stale=%d" % (percentile(values, 50), percentile(values, 99), max(values),
                                                         sum(stale.values())))
    sys.exit(0 if sum(stale.values()) == 0 else 1)


if __name__ == "__main__":
    main()
