"""The scale bench's generator: the same articles every time, in the shape the batch import takes.

    python3 -m unittest bench/test_scale_load.py
"""

import argparse
import http.server
import io
import json
import os
import re
import sys
import threading
import unittest
from contextlib import redirect_stdout

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import scale_load  # noqa: E402

N = 3000


def word_count(text):
    return len(text.split())


class GeneratorTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.docs = [scale_load.article("test", n) for n in range(1, N + 1)]

    def test_the_same_seed_makes_the_same_article_and_another_seed_another(self):
        self.assertEqual(json.dumps(scale_load.article("test", 42)), json.dumps(self.docs[41]))
        self.assertNotEqual(scale_load.article("other", 42)["body"], self.docs[41]["body"])
        self.assertEqual(scale_load.batch_body("test", 1, 3).decode("utf-8"),
                         "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in self.docs[:3]))

    def test_every_line_has_the_batch_shape_in_five_locales(self):
        for doc in self.docs[:200]:
            self.assertLessEqual({"sourceLocale", "title", "slug", "summary", "body", "topics", "references",
                                  "state", "reviewer", "translations"}, set(doc))
            self.assertEqual("en", doc["sourceLocale"])
            self.assertIn(doc["state"], ("draft", "published"))
            self.assertEqual(["es", "de", "fr", "ar"], [t["locale"] for t in doc["translations"]])
            self.assertTrue(1 <= len(doc["references"]) <= 4 and 1 <= len(doc["topics"]) <= 3)
            self.assertTrue(4 <= word_count(doc["title"]) <= 10, doc["title"])
            self.assertTrue(20 <= word_count(doc["summary"]) <= 40)
            self.assertTrue(600 <= word_count(doc["body"]) <= 1500 + 40, word_count(doc["body"]))
            self.assertIn("\n## ", doc["body"])
            for t in doc["translations"]:
                self.assertLessEqual({"locale", "title", "slug", "summary", "body", "state", "translatesPrevious"}, set(t))
                self.assertTrue(len(t["title"]) <= 200 and len(t["summary"]) <= 500 and len(t["slug"]) <= 120)
                self.assertTrue(400 <= word_count(t["body"]) <= 2000, word_count(t["body"]))
            json.dumps(doc)

    def test_slugs_are_unique_per_locale_and_valid(self):
        for i, locale in enumerate(scale_load.LOCALES):
            slugs = [d["slug"] if i == 0 else d["translations"][i - 1]["slug"] for d in self.docs]
            self.assertEqual(len(slugs), len(set(slugs)), locale)
            for s in slugs:
                self.assertRegex(s, r"^\w+(-\w+)*$")
                self.assertEqual(s, s.lower())
                self.assertNotIn("_", s)

    def test_shares_published_and_outdated(self):
        published = sum(d["state"] == "published" for d in self.docs) / N
        self.assertAlmostEqual(0.8, published, delta=0.03)
        translations = [t for d in self.docs for t in d["translations"]]
        outdated = sum(t["translatesPrevious"] for t in translations) / len(translations)
        self.assertAlmostEqual(0.1, outdated, delta=0.03)
        for d in self.docs:
            if any(t["translatesPrevious"] for t in d["translations"]):
                self.assertIn("previousBody", d)
                self.assertEqual("published", d["state"])
                self.assertNotEqual(d["previousBody"], d["body"])

    def test_rare_words_in_one_article_of_a_thousand_and_common_ones_in_most(self):
        for i, locale in enumerate(scale_load.LOCALES):
            bodies = [d["body"] if i == 0 else d["translations"][i - 1]["body"] for d in self.docs]
            rare = [n + 1 for n, b in enumerate(bodies) if scale_load.RARE[locale] in b.split()]
            self.assertEqual([1, 1001, 2001], rare, locale)
            common = sum(scale_load.COMMON[locale] in b.split() for b in bodies) / N
            self.assertGreater(common, 0.85, locale)
        self.assertTrue(all(self.docs[n - 1]["state"] == "published" for n in (1, 1001, 2001)))

    def test_reader_paths_are_the_published_pages(self):
        paths = list(scale_load.reader_paths("test", 1, 100))
        published = [d for d in self.docs[:100] if d["state"] == "published"]
        self.assertEqual(5 * len(published), len(paths))
        self.assertIn("/ar/articles/" + published[0]["translations"][3]["slug"], paths)


class BatchServer(http.server.BaseHTTPRequestHandler):
    """POST /api/import/batch: 503 with Retry-After to every other batch, the first time it is sent."""
    lines, busy_once, lock = [], set(), threading.Lock()

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"])).decode("utf-8")
        docs = [json.loads(line) for line in body.splitlines()]
        with self.lock:
            busy = docs[0]["slug"] not in self.busy_once and len(self.busy_once) % 2 == 0
            self.busy_once.add(docs[0]["slug"])
            if not busy:
                self.lines.extend(docs)
        self.send_response(503 if busy else 200)
        if busy:
            self.send_header("Retry-After", "0")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


class LoadTest(unittest.TestCase):

    def test_every_article_is_sent_once_in_batches_and_a_busy_answer_is_resent(self):
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), BatchServer)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            args = argparse.Namespace(port=server.server_address[1], from_=5, to=64, threads=3, batch=7,
                                      user="admin", password="demo", reviewer="reviewer", reviewer_password="demo",
                                      timeout=10.0, max_wait=10.0, seed="test")
            with redirect_stdout(io.StringIO()) as out:
                self.assertEqual(0, scale_load.load(args))
        finally:
            server.shutdown()
        self.assertEqual(sorted(scale_load.article("test", n)["slug"] for n in range(5, 65)),
                         sorted(d["slug"] for d in BatchServer.lines))
        self.assertGreater(len(BatchServer.busy_once), 8)
        self.assertIn("loaded 60 articles", out.getvalue())


if __name__ == "__main__":
    unittest.main()
