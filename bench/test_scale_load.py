"""The scale bench's generator: the same articles every time, in the shape the batch import takes,
and as a content archive whose tables reference each other as the application's own rows do.

    python3 -m unittest bench/test_scale_load.py
"""

import argparse
import http.server
import io
import json
import os
import re
import sys
import tempfile
import threading
import unittest
import zipfile
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


class ArchiveTest(unittest.TestCase):
    """The archive of articles 1..60: every table the import reads, rows that fit together."""

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory()
        cls.path = os.path.join(cls.dir.name, "archive.zip")
        cls.start = scale_load.parse_utc("2026-01-01T00:00:00Z")
        cls.rows = scale_load.write_archive(cls.path, "test", 1, 60, cls.start, workers=2, chunk=7)
        with zipfile.ZipFile(cls.path) as z:
            cls.names = set(z.namelist())
            cls.manifest = json.loads(z.read("manifest.json"))
            cls.t = {}
            for table in scale_load.ARCHIVE_TABLES:
                text = z.read("tables/%s.ndjson" % table).decode("utf-8")
                cls.t[table] = [json.loads(line) for line in text.splitlines()]

    @classmethod
    def tearDownClass(cls):
        cls.dir.cleanup()

    def test_the_archive_has_the_tables_the_product_archives(self):
        """An import refuses an archive without one of them: a new table of the product goes here too."""
        source = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir,
                              "src/main/java/org/medpub/cms/archive/control/ContentArchive.java")
        with open(source, encoding="utf-8") as f:
            product = set(re.findall(r'new Table\("(\w+)"', f.read()))
        self.assertTrue(product)
        self.assertEqual(product, set(scale_load.ARCHIVE_TABLES))

    def test_every_table_of_the_archive_is_there_and_the_manifest_counts_its_rows(self):
        self.assertEqual({"manifest.json"} | {"tables/%s.ndjson" % t for t in scale_load.ARCHIVE_TABLES}, self.names)
        self.assertEqual("medpub-cms-archive", self.manifest["format"])
        self.assertEqual(1, self.manifest["formatVersion"])
        self.assertGreaterEqual(self.manifest["schemaVersion"], 28)
        for table, rows in self.t.items():
            self.assertEqual(len(rows), self.manifest["rows"][table], table)
            self.assertEqual(len(rows), self.rows[table], table)
            for r in rows:
                self.assertEqual(list(scale_load.ARCHIVE_TABLES[table]), list(r), table)
        self.assertEqual(60, len(self.t["article"]))
        self.assertEqual(300, len(self.t["variant"]))

    def test_keys_are_unique_and_every_reference_points_at_a_row(self):
        def ids(table, key="id"):
            values = [r[key] for r in self.t[table]]
            self.assertEqual(len(values), len(set(values)), table)
            return set(values)
        articles, variants, revisions, reviews = ids("article"), ids("variant"), ids("revision"), ids("medical_review")
        ids("audit_event")
        users = {r["username"] for r in self.t["app_user"]}
        user_ids = ids("app_user")
        terms = {r["term"]: r["topic_id"] for r in self.t["topic_term"]}
        self.assertLessEqual(set(terms.values()), ids("topic"))
        for table in ("app_user_role", "app_user_locale", "app_user_profile"):
            self.assertLessEqual({r["user_id"] for r in self.t[table]}, user_ids, table)
        revision = {r["id"]: r for r in self.t["revision"]}
        self.assertLessEqual({r["article_id"] for r in self.t["variant"]}, articles)
        self.assertLessEqual({r["variant_id"] for r in self.t["revision"]}, variants)
        for v in self.t["variant"]:
            self.assertEqual(v["id"], revision[v["current_revision_id"]]["variant_id"])
            if v["live_revision_id"] is not None:
                self.assertEqual(v["id"], revision[v["live_revision_id"]]["variant_id"])
        for table in ("revision_topic", "revision_reference"):
            self.assertLessEqual({r["revision_id"] for r in self.t[table]}, revisions, table)
            keys = [(r["revision_id"], r["item_order"]) for r in self.t[table]]
            self.assertEqual(len(keys), len(set(keys)), table)
        self.assertLessEqual({r["topic"] for r in self.t["revision_topic"]}, set(terms))
        for m in self.t["medical_review"]:
            self.assertEqual(m["variant_id"], revision[m["revision_id"]]["variant_id"])
        self.assertLessEqual({r["review_id"] for r in self.t["medical_review_check"]}, reviews)
        self.assertLessEqual({r["article_id"] for r in self.t["audit_event"]}, articles)
        # the people the import checks, and the writers and actors
        self.assertLessEqual({r["reviewer"] for r in self.t["medical_review"]}, users)
        self.assertLessEqual({r["author"] for r in self.t["revision"]} | {r["actor"] for r in self.t["audit_event"]}
                             | {r["created_by"] for r in self.t["article"]}, users)
        self.assertTrue(all(v["assigned_reviewer"] is None for v in self.t["variant"]))
        for i, locale in enumerate(scale_load.LOCALES):
            slugs = [v["slug"] for v in self.t["variant"] if v["locale"] == locale]
            self.assertEqual(60, len(set(slugs)), locale)

    def test_rows_say_what_the_workflow_did(self):
        revision = {r["id"]: r for r in self.t["revision"]}
        variants = {(v["article_id"], v["locale"]): v for v in self.t["variant"]}
        reviews = {m["revision_id"]: m for m in self.t["medical_review"]}
        checks = {}
        for c in self.t["medical_review_check"]:
            checks.setdefault(c["review_id"], set()).add(c["item_key"])
        trail = {}
        for e in self.t["audit_event"]:
            trail.setdefault((e["article_id"], e["locale"]), []).append(e["action"])
        for a in self.t["article"]:
            n = a["id"]
            doc = scale_load.article("test", n)
            source = variants[(n, "en")]
            current = revision[source["current_revision_id"]]
            self.assertEqual(doc["title"], a["title"])
            self.assertEqual(doc["body"], current["body"])
            self.assertEqual("ar de en es fr", a["locales"])
            self.assertEqual(2 if "previousBody" in doc else 1, current["revision_no"])
            published = doc["state"] == "published"
            live = [variants[(n, loc)]["live_signed_off_at"] for loc in scale_load.LOCALES]
            self.assertEqual(min(live) if published else None, a["signed_off_at"])
            self.assertEqual(max(variants[(n, loc)]["updated_at"] for loc in scale_load.LOCALES), a["updated_at"])
            for t in [None] + doc["translations"]:
                locale = t["locale"] if t else "en"
                v = variants[(n, locale)]
                r = revision[v["current_revision_id"]]
                self.assertEqual(doc["state"], v["state"])
                self.assertEqual((t or doc)["slug"], v["slug"])
                self.assertEqual((t or doc)["title"], r["title"])
                expected = ["create"] + (["save"] if not t and "previousBody" in doc else [])
                if published:
                    expected += ["submit", "approve", "publish"]
                    self.assertEqual(v["current_revision_id"], v["live_revision_id"])
                    self.assertEqual(v["published_at"], v["updated_at"])
                    review = reviews[r["id"]]
                    self.assertEqual(v["live_signed_off_at"], review["reviewed_at"])
                    self.assertLess(r["created_at"], review["reviewed_at"])
                    self.assertLess(review["reviewed_at"], v["published_at"])
                    self.assertEqual(set(scale_load.CHECKLIST), checks[review["id"]])
                else:
                    self.assertIsNone(v["live_revision_id"])
                    self.assertIsNone(v["published_at"])
                    self.assertNotIn(r["id"], reviews)
                self.assertEqual(expected, trail[(n, locale)])
                if t:
                    translated = 1 if t["translatesPrevious"] else current["revision_no"]
                    self.assertEqual(translated, r["source_revision"])
                    # outdated: a live translation of an older source revision than the live source
                    self.assertEqual(published and translated < current["revision_no"], v["outdated"])
                    self.assertGreater(r["created_at"], revision[source["current_revision_id"]]["created_at"])
                else:
                    self.assertIsNone(r["source_revision"])
                    self.assertFalse(v["outdated"])
        self.assertTrue(any(v["outdated"] for v in self.t["variant"]))
        for table in ("article", "variant", "revision", "audit_event", "medical_review"):
            for r in self.t[table]:
                for column, value in r.items():
                    if column.endswith("_at") and value is not None:
                        self.assertRegex(value, r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", table + "." + column)


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
