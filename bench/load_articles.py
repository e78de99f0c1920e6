#!/usr/bin/env python3
"""Loads N articles into the CMS through POST /api/articles (stdlib only).

Each worker thread keeps its own keep-alive HTTP connection to 127.0.0.1. Every answer must be
201 with a Location naming the new article; the ids go to a file, one per line. Exits non-zero
when any article failed, so the benchmark stops instead of measuring a half-loaded database.

    load_articles.py --port 8080 --count 10000 --ids /tmp/ids.txt [--workers 8]
"""

import argparse
import base64
import concurrent.futures
import http.client
import json
import random
import sys
import threading
import time

HOST = "127.0.0.1"  # the only host this script ever contacts

WORDS = (
    "patient clinical trial dose therapy symptom diagnosis chronic acute infection inflammation "
    "cardiovascular renal hepatic pulmonary neurological screening prevalence incidence cohort "
    "randomised placebo outcome mortality morbidity adverse event guideline evidence biomarker "
    "imaging ultrasound antibody vaccine antibiotic resistance dosage tolerance follow-up relapse "
    "remission prognosis comorbidity elderly paediatric pregnancy lifestyle exercise diet sleep "
    "blood pressure glucose insulin cholesterol statin aspirin fever cough fatigue headache rash"
).split()
ACCENTED = ["Sjögren", "Ménière", "Guillain–Barré", "naïve", "café-au-lait", "Behçet", "Creutzfeldt–Jakob"]
TOPICS = ["cardiology", "diabetes", "oncology", "infectious-disease", "neurology", "nephrology",
          "paediatrics", "geriatrics", "dermatology", "pulmonology", "nutrition", "vaccination"]


def sentence(rng, low=8, high=18):
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    if rng.random() < 0.15:
        words.insert(rng.randrange(len(words)), rng.choice(ACCENTED))
    if rng.random() < 0.2:
        i = rng.randrange(len(words))
        words[i] = "**" + words[i] + "**"
    if rng.random() < 0.1:
        words.append("(%d mg/dL)" % rng.randint(40, 400))
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def markdown_body(rng, n, target=2048):
    """About `target` characters of Markdown: headings, paragraphs, lists, a quote, a link."""
    parts = ["## Overview", " ".join(sentence(rng) for _ in range(rng.randint(2, 4)))]
    section = 1
    while sum(len(p) + 2 for p in parts) < target - 200:
        kind = rng.random()
        if kind < 0.15:
            section += 1
            parts.append("## " + rng.choice(["Symptoms", "Diagnosis", "Treatment", "Prevention",
                                             "When to see a doctor", "Outlook"]) + " %d" % section)
        elif kind < 0.35:
            parts.append("\n".join("- " + sentence(rng, 4, 9) for _ in range(rng.randint(2, 5))))
        elif kind < 0.45:
            parts.append("\n".join("%d. %s" % (i + 1, sentence(rng, 4, 9)) for i in range(rng.randint(2, 4))))
        elif kind < 0.5:
            parts.append("> " + sentence(rng))
        else:
            parts.append(" ".join(sentence(rng) for _ in range(rng.randint(2, 5))))
    parts.append("See [the guideline](https://example.org/guideline/%d) and ask your doctor "
                 "about article %d." % (rng.randint(1, 999), n))
    return "\n\n".join(parts)


def article(run_id, n):
    rng = random.Random("%s-%d" % (run_id, n))
    headline = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 6)))
    slug_words = "-".join(w for w in headline.split() if w.isalpha())[:60].strip("-") or "article"
    doc = {
        "sourceLocale": "en",
        "title": "%s %d" % (headline[0].upper() + headline[1:], n),
        "slug": "bench-%s-%d-%s" % (run_id, n, slug_words),
        "summary": sentence(rng, 10, 25),
        "body": markdown_body(rng, n),
        "topics": rng.sample(TOPICS, rng.randint(1, 3)),
        "references": [{
            "text": "Author %s et al. %s. Journal of Bench Medicine %d;%d:%d-%d." % (
                chr(65 + rng.randrange(26)), sentence(rng, 4, 8), rng.randint(1990, 2025),
                rng.randint(1, 60), rng.randint(1, 500), rng.randint(501, 999)),
            "url": "https://example.org/ref/%s/%d" % (run_id, n),
        }],
    }
    if rng.random() < 0.3:
        doc["references"][0]["doi"] = "10.%d/bench.%s.%d" % (rng.randint(1000, 99999), run_id, n)
    return doc


class Client(threading.local):
    """One keep-alive connection per worker thread."""

    def __init__(self):
        self.conn = None


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--count", type=int, default=10000)
    ap.add_argument("--workers", type=int, default=8)
    ap.add_argument("--ids", required=True, help="file to write the created ids to, one per line")
    ap.add_argument("--user", default="author")
    ap.add_argument("--password", default="demo")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per request")
    ap.add_argument("--deadline", type=float, default=3600.0, help="seconds for the whole load")
    ap.add_argument("--run-id", default=None, help="makes slugs unique across runs on one database")
    args = ap.parse_args()
    if args.count < 1 or args.workers < 1:
        ap.error("--count and --workers must be at least 1")

    run_id = args.run_id or "%x" % int(time.time() * 1000)
    auth = "Basic " + base64.b64encode(("%s:%s" % (args.user, args.password)).encode()).decode()
    headers = {"Authorization": auth, "Content-Type": "application/json", "Accept": "application/json",
               "Connection": "keep-alive"}
    local = Client()
    lock = threading.Lock()
    ids, failures, latencies = [], [], []
    reconnects = [0]
    done = [0]
    start = time.monotonic()
    stop_at = start + args.deadline
    step = max(1, args.count // 10)

    def post(n):
        if time.monotonic() > stop_at:
            return n, None, "deadline of %.0f s passed" % args.deadline, 0.0
        body = json.dumps(article(run_id, n)).encode("utf-8")
        if local.conn is None:
            local.conn = http.client.HTTPConnection(HOST, args.port, timeout=args.timeout)
            with lock:
                reconnects[0] += 1
        t0 = time.monotonic()
        try:
            local.conn.request("POST", "/api/articles", body=body, headers=headers)
            resp = local.conn.getresponse()
            payload = resp.read()
            elapsed = time.monotonic() - t0
            if resp.will_close:
                local.conn.close()
                local.conn = None
            if resp.status != 201:
                return n, None, "HTTP %d: %s" % (resp.status, payload[:300].decode("utf-8", "replace")), elapsed
            location = resp.getheader("Location") or ""
            tail = location.rstrip("/").rsplit("/", 1)[-1]
            if not tail.isdigit():
                try:
                    tail = str(json.loads(payload)["id"])
                except (ValueError, KeyError, TypeError):
                    return n, None, "201 without an article id (Location: %r)" % location, elapsed
            return n, int(tail), None, elapsed
        except (OSError, http.client.HTTPException) as e:
            # Not retried: a POST is not idempotent. The connection is opened anew for the next one.
            try:
                local.conn.close()
            finally:
                local.conn = None
            return n, None, "%s: %s" % (type(e).__name__, e), time.monotonic() - t0

    with concurrent.futures.ThreadPoolExecutor(max_workers=args.workers) as pool:
        for n, article_id, error, elapsed in pool.map(post, range(1, args.count + 1)):
            done[0] += 1
            if error is None:
                ids.append(article_id)
                latencies.append(elapsed)
            else:
                failures.append((n, error))
                if len(failures) <= 5:
                    print("  article %d failed: %s" % (n, error), file=sys.stderr, flush=True)
            if done[0] % step == 0 and done[0] < args.count:
                t = time.monotonic() - start
                print("  ... %d/%d in %.1f s (%.1f articles/s), %d failed" % (
                    done[0], args.count, t, done[0] / t, len(failures)), flush=True)

    seconds = time.monotonic() - start
    with open(args.ids, "w") as out:
        out.write("".join("%d\n" % i for i in ids))
    latencies.sort()
    if latencies:
        def pct(p):
            return latencies[min(len(latencies) - 1, int(p / 100.0 * len(latencies)))] * 1000
        print("  POST latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms; %d connections opened" % (
            pct(50), pct(99), latencies[-1] * 1000, reconnects[0]))
    if len(set(ids)) != len(ids):
        print("  %d duplicate ids among the answers" % (len(ids) - len(set(ids))), file=sys.stderr)
        failures.append((0, "duplicate ids"))
    print("loaded %d articles in %.1f s: %.1f articles/s" % (len(ids), seconds, len(ids) / seconds))
    if failures:
        print("FAILED: %d of %d articles were not created (first: article %d: %s)" % (
            len(failures), args.count, failures[0][0], failures[0][1]), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
