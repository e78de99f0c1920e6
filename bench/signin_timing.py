"""Times refused sign-ins against a CMS on 127.0.0.1 (see signin-timing.sh and bench/README.md).

Cases: an unknown user name; a wrong password for `author` (after every 4 failures a right
sign-in, untimed, clears the count so that the account never locks); a locked account (`editor`,
locked first by 5 wrong passwords). Each over HTTP Basic (GET /api/articles?limit=1) and through
the sign-in form (POST /admin/login.xhtml, a stateless view, so one form serves every post).
Cases take turns request by request, so that a change in the machine's load hits all alike.
"""
import argparse
import base64
import http.client
import re
import statistics
import time
import urllib.parse
import uuid


def basic(conn, user, password):
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    conn.request("GET", "/api/articles?limit=1", headers={"Authorization": "Basic " + token})
    response = conn.getresponse()
    response.read()
    return response.status


def form_fields(conn):
    conn.request("GET", "/admin/login.xhtml")
    response = conn.getresponse()
    page = response.read().decode()
    form = page[page.index('<form id="login"'):page.index("</form>", page.index('<form id="login"'))]
    fields = {}
    for tag in re.findall(r"<input\b([^>]*)>", form):
        attributes = dict(re.findall(r'([\w:-]+)="([^"]*)"', tag))
        if "name" in attributes and attributes.get("type") != "submit":
            fields[attributes["name"]] = attributes.get("value", "")
    return fields


def form(conn, fields, user, password):
    body = dict(fields, **{"login:userName": user, "login:password": password, "login:signIn": "Sign in"})
    conn.request("POST", "/admin/login.xhtml", body=urllib.parse.urlencode(body),
                 headers={"Content-Type": "application/x-www-form-urlencoded"})
    response = conn.getresponse()
    response.read()
    if response.getheader("Set-Cookie", "").startswith("JSESSIONID") and response.status != 302:
        raise SystemExit("a refused sign-in started a session")
    return response.status


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--attempts", type=int, default=40)
    args = parser.parse_args()
    conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=60)

    for i in range(5):
        basic(conn, "editor", f"lock it {i}")
    if basic(conn, "editor", "demo") != 401:
        raise SystemExit("editor is not locked")
    fields = form_fields(conn)

    timings = {(way, case): [] for way in ("Basic", "form") for case in ("unknown", "wrong", "locked")}
    failures = 0
    for attempt in range(args.attempts):
        for way, send in (("Basic", lambda u, p: basic(conn, u, p)), ("form", lambda u, p: form(conn, fields, u, p))):
            for case, user in (("unknown", "nobody-" + uuid.uuid4().hex[:8]), ("wrong", "author"), ("locked", "editor")):
                start = time.perf_counter()
                status = send(user, "wrong-" + uuid.uuid4().hex[:8])
                timings[(way, case)].append((time.perf_counter() - start) * 1000)
                if status not in (200, 401):
                    raise SystemExit(f"{way} {case}: status {status}")
            failures += 1
            if failures % 4 == 0:
                if basic(conn, "author", "demo") != 200:
                    raise SystemExit("author could not sign in to clear the count")

    print(f"{'':8} {'case':8} {'median ms':>10} {'p25 ms':>8} {'p75 ms':>8}")
    for (way, case), values in timings.items():
        q = statistics.quantiles(values, n=4)
        print(f"{way:8} {case:8} {statistics.median(values):10.1f} {q[0]:8.1f} {q[2]:8.1f}")


if __name__ == "__main__":
    main()
