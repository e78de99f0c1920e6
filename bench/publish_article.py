#!/usr/bin/env python3
"""Publishes one demo article through the API and saves the reader page's bytes (stdlib only).

The editorial workflow as the README's table has it: the author submits the English variant of
the first demo article that is still a draft, the medical reviewer approves it with the full
checklist, the editor publishes it. Then GET /{locale}/articles/{slug} once, without a login,
must answer 200; its body goes to --out and its path is printed on the last line:

    PAGE /en/articles/<slug>

    publish_article.py --port 8080 --out /tmp/page.html [--locale en]
"""

import argparse
import base64
import http.client
import json
import sys
import urllib.parse

HOST = "127.0.0.1"  # the only host this script ever contacts
PASSWORD = "demo"
CHECKLIST = {"sources-current": True, "risks-stated": True, "no-promotion": True, "dosing-checked": True}


def call(port, method, path, user=None, body=None):
    headers = {"Accept": "application/json"}
    if user:
        headers["Authorization"] = "Basic " + base64.b64encode(("%s:%s" % (user, PASSWORD)).encode()).decode()
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        conn.request(method, path, body=data, headers=headers)
        answer = conn.getresponse()
        return answer.status, answer.read()
    finally:
        conn.close()


def expect(port, method, path, user, body=None, status=200):
    got, data = call(port, method, path, user, body)
    if got != status:
        sys.exit("%s %s as %s answered %d, not %d: %s" % (method, path, user, got, status, data[:400].decode("utf-8", "replace")))
    return json.loads(data) if data else None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--locale", default="en")
    args = parser.parse_args()
    locale = args.locale

    items = expect(args.port, "GET", "/api/articles?locale=%s&state=draft&limit=1" % locale, "author")["items"]
    if not items:
        sys.exit("no draft demo article in %s (is demo mode on?)" % locale)
    variant = "/api/articles/%d/locales/%s" % (items[0]["id"], locale)
    for user, step in (("author", {"action": "submit"}),
                       ("reviewer", {"action": "approve", "checklist": CHECKLIST}),
                       ("editor", {"action": "publish"})):
        expect(args.port, "POST", variant + "/transitions", user, step)
    article = expect(args.port, "GET", "/api/articles/%d" % items[0]["id"], "author")
    state = [e["state"] for e in article["locales"] if e["locale"] == locale]
    if state != ["published"]:
        sys.exit("the article is %s in %s, not published" % (state, locale))

    slug = expect(args.port, "GET", variant, "author")["slug"]
    page = "/%s/articles/%s" % (locale, urllib.parse.quote(slug))
    status, body = call(args.port, "GET", page)
    if status != 200 or not body:
        sys.exit("GET %s answered %d with %d bytes, not a page" % (page, status, len(body)))
    with open(args.out, "wb") as out:
        out.write(body)
    print("published article %d in %s: %d bytes" % (items[0]["id"], locale, len(body)))
    print("PAGE " + page)


if __name__ == "__main__":
    main()
