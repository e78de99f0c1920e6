#!/usr/bin/env python3
"""Generates articles in five locales for the scale bench and loads them into the CMS (stdlib only).

Article n is always the same text (seeded by --seed and n): an English source of 600-1500 words
with headings and lists, 1-4 references, 1-3 topics, and translations into es, de, fr and ar of a
length usual for each language, written from small word lists of this file. About 80 % are
published; about 10 % of the translations translate the source's previous text (outdated). Some
words are searched for by the bench: COMMON[locale] is in most articles, RARE[locale] in one
article of a thousand (n % 1000 == 1, always published).

It sends NDJSON batches (one article a line) to POST /api/import/batch from several threads, and
resends a batch answered 503 after its Retry-After. When the server has no batch endpoint (404),
it falls back to POST /api/articles, PUT for the translations and the workflow's transitions:
slow, but the same content.

    scale_load.py load --port 8080 --from 1 --to 1000 [--threads 3] [--batch 500]
    scale_load.py paths --from 1 --to 1000          # reader paths of the published pages
    scale_load.py show 7                            # one article's NDJSON line
"""

import argparse
import base64
import bisect
import concurrent.futures
import functools
import http.client
import itertools
import json
import queue
import random
import sys
import threading
import time
import unicodedata
import urllib.parse

HOST = "127.0.0.1"  # the only host this script ever contacts
LOCALES = ("en", "es", "de", "fr", "ar")
TRANSLATIONS = LOCALES[1:]

# The bench's own small vocabularies: medical and everyday words, and joining words to make
# the sentences read as that language's text does (word frequencies, lengths, stemming).
WORDS = {
    "en": {
        "content": """patient doctor nurse clinic hospital treatment therapy medicine dose tablet symptom sign
            diagnosis test scan result blood pressure sugar heart lung kidney liver brain skin bone joint
            muscle infection fever cough pain headache fatigue rash swelling allergy asthma diabetes cancer
            stroke vaccine antibiotic virus bacteria risk factor diet exercise sleep weight smoking alcohol
            pregnancy child adult elderly family care support advice guideline study trial evidence research
            chronic acute mild severe common rare early late daily weekly regular normal healthy
            reduce increase prevent manage monitor check improve recover help protect cause affect
            condition disease disorder illness injury surgery recovery outcome benefit effect side""",
        "joining": """the the the a a of of of and and and to to in in is is are for with on that this
            it can may be as or by at your you from not most some more when if""",
    },
    "es": {
        "content": """paciente médico enfermera clínica hospital tratamiento terapia medicamento dosis pastilla
            síntoma signo diagnóstico prueba análisis resultado sangre presión azúcar corazón pulmón riñón
            hígado cerebro piel hueso articulación músculo infección fiebre tos dolor cansancio erupción
            hinchazón alergia asma diabetes cáncer ictus vacuna antibiótico virus bacteria riesgo factor
            dieta ejercicio sueño peso tabaco alcohol embarazo niño adulto anciano familia cuidado apoyo
            consejo guía estudio ensayo evidencia investigación crónico agudo leve grave frecuente raro
            temprano diario semanal habitual normal sano reducir aumentar prevenir controlar vigilar mejorar
            recuperar ayudar proteger causar afectar enfermedad trastorno lesión cirugía recuperación
            beneficio efecto secundario""",
        "joining": """el el la la los las de de de del y y y en en a a que que es son para con por un una
            se su sus puede pueden más como o al lo no""",
    },
    "de": {
        "content": """Patient Arzt Pflegekraft Praxis Krankenhaus Behandlung Therapie Medikament Dosis Tablette
            Symptom Anzeichen Diagnose Untersuchung Befund Blut Blutdruck Zucker Herz Lunge Niere Leber
            Gehirn Haut Knochen Gelenk Muskel Infektion Fieber Husten Schmerzen Kopfschmerzen Müdigkeit
            Ausschlag Schwellung Allergie Asthma Diabetes Krebs Schlaganfall Impfung Antibiotikum Virus
            Bakterien Risiko Ernährung Bewegung Schlaf Gewicht Rauchen Alkohol Schwangerschaft Kind
            Erwachsene Familie Pflege Unterstützung Rat Leitlinie Studie Nachweis Forschung chronisch akut
            leicht schwer häufig selten früh spät täglich wöchentlich regelmäßig gesund senken erhöhen
            vorbeugen behandeln überwachen kontrollieren verbessern erholen helfen schützen verursachen
            Erkrankung Störung Verletzung Operation Genesung Nutzen Wirkung Nebenwirkung""",
        "joining": """der der die die das das und und und in in ist sind zu zu mit mit von für auf bei
            ein eine einer nicht oder auch kann können wenn sich Sie wird werden""",
    },
    "fr": {
        "content": """patient médecin infirmière cabinet hôpital traitement thérapie médicament dose comprimé
            symptôme signe diagnostic examen analyse résultat sang tension sucre cœur poumon rein foie
            cerveau peau os articulation muscle infection fièvre toux douleur fatigue éruption gonflement
            allergie asthme diabète cancer AVC vaccin antibiotique virus bactérie risque facteur alimentation
            exercice sommeil poids tabac alcool grossesse enfant adulte personne âgée famille soins soutien
            conseil recommandation étude essai preuve recherche chronique aigu léger grave fréquent rare
            précoce tardif quotidien hebdomadaire régulier normal sain réduire augmenter prévenir surveiller
            contrôler améliorer guérir aider protéger provoquer affecter maladie trouble blessure chirurgie
            guérison bénéfice effet indésirable""",
        "joining": """le le la la les les de de de des du et et et à à en en est sont pour avec par un une
            qui que il elle peut peuvent plus comme ou au aux ne pas se""",
    },
    "ar": {
        "content": """مريض طبيب ممرضة عيادة مستشفى علاج دواء جرعة قرص أعراض علامة تشخيص فحص تحليل نتيجة دم ضغط
            سكر قلب رئة كلية كبد دماغ جلد عظم مفصل عضلة عدوى حمى سعال ألم صداع تعب طفح تورم حساسية ربو
            السكري سرطان سكتة لقاح مضاد حيوي فيروس بكتيريا خطر عامل غذاء رياضة نوم وزن تدخين كحول حمل
            طفل بالغ مسن أسرة رعاية دعم نصيحة إرشادات دراسة تجربة دليل بحث مزمن حاد خفيف شديد شائع نادر
            مبكر متأخر يومي أسبوعي منتظم طبيعي سليم تقليل زيادة الوقاية متابعة مراقبة تحسين شفاء مساعدة
            حماية سبب تأثير مرض اضطراب إصابة جراحة تعافي فائدة أثر جانبي""",
        "joining": """في في في من من من على على إلى و و و مع عن هذا هذه التي الذي قد يجب يمكن لا كل بعض
            بين بعد قبل عند أو أن""",
    },
}
HEADINGS = {
    "en": ["Overview", "Symptoms", "Causes", "Diagnosis", "Treatment", "Prevention", "When to see a doctor", "Outlook"],
    "es": ["Resumen", "Síntomas", "Causas", "Diagnóstico", "Tratamiento", "Prevención", "Cuándo consultar al médico", "Pronóstico"],
    "de": ["Überblick", "Symptome", "Ursachen", "Diagnose", "Behandlung", "Vorbeugung", "Wann zum Arzt", "Aussichten"],
    "fr": ["Aperçu", "Symptômes", "Causes", "Diagnostic", "Traitement", "Prévention", "Quand consulter", "Évolution"],
    "ar": ["نظرة عامة", "الأعراض", "الأسباب", "التشخيص", "العلاج", "الوقاية", "متى تراجع الطبيب", "التوقعات"],
}
# Words per word of English text: Romance languages take more words, German and Arabic fewer.
LENGTH_FACTOR = {"en": 1.0, "es": 1.15, "de": 0.9, "fr": 1.18, "ar": 0.85}
# In most articles (the common search), and in one of a thousand (the rare search). Lower case,
# so that PostgreSQL's dictionaries and H2 find them as written.
COMMON = {"en": "health", "es": "salud", "de": "gesundheit", "fr": "santé", "ar": "صحة"}
RARE = {"en": "xenotropic", "es": "xenotrópico", "de": "xenotrop", "fr": "xénotrope", "ar": "زينوتروبي"}
TOPICS = ["cardiology", "diabetes", "oncology", "infectious-disease", "neurology", "nephrology",
          "paediatrics", "geriatrics", "dermatology", "pulmonology", "nutrition", "vaccination",
          "mental-health", "womens-health", "allergy", "gastroenterology", "ophthalmology", "urology"]
JOURNALS = ["Journal of Clinical Bench Medicine", "Annals of Synthetic Health", "Bench Review of Therapy",
            "Proceedings of Generated Care"]
PUBLISHED_SHARE = 0.8
PREVIOUS_SHARE = 0.125     # published articles whose source changed since (previousBody) ...
TRANSLATES_PREVIOUS = 0.8  # ... and the share of their translations made from the older text: ~10 %
REVIEWER = "reviewer"


def pool(locale):
    """The words to draw from: joining words about 40 % of running text, as in prose."""
    content, joining = WORDS[locale]["content"].split(), WORDS[locale]["joining"].split()
    return content * 2 + joining * max(1, round(len(content) * 2 * 0.4 / 0.6 / len(joining)))


_POOL = {loc: pool(loc) for loc in LOCALES}


def words(rng, locale, count):
    """count words of running text."""
    return rng.choices(_POOL[locale], k=count)


def sentences(rng, ws, low, high):
    """The words cut into sentences of low..high words, each capitalised and ended with a full stop."""
    out, i = [], 0
    while i < len(ws):
        part = ws[i:i + rng.randint(low, high)]
        i += len(part)
        text = " ".join(part)
        out.append(text[0].upper() + text[1:] + ".")
    return out


class Corpus:
    """A locale's running text, made once: sentences of 8-20 words, and list items of 3-9. An article
    takes consecutive sentences from a place its seed picks, which is fast enough to generate
    thousands of articles a second and still gives every article different text."""

    def __init__(self, locale, sentence_count=20000, item_count=5000):
        rng = random.Random("corpus:" + locale)
        self.sentences = sentences(rng, words(rng, locale, sentence_count * 14), 8, 20)
        self.cumulative = list(itertools.accumulate(s.count(" ") + 1 for s in self.sentences))
        self.items = sentences(rng, words(rng, locale, item_count * 6), 3, 9)

    def paragraph(self, rng, budget):
        """Sentences of about budget words in all, and their word count."""
        i = rng.randrange(len(self.sentences) // 2)
        before = self.cumulative[i - 1] if i else 0
        j = min(len(self.sentences) - 1, bisect.bisect_left(self.cumulative, before + budget, i))
        return " ".join(self.sentences[i:j + 1]), self.cumulative[j] - before

    def list_items(self, rng, count):
        i = rng.randrange(len(self.items) - count)
        return self.items[i:i + count]


_CORPUS = {}


def corpus(locale):
    if locale not in _CORPUS:
        _CORPUS[locale] = Corpus(locale)
    return _CORPUS[locale]


def body_text(rng, locale, target_words, extra):
    """Markdown of about target_words words: headed sections of paragraphs, now and then a list.
    extra: words to weave in (the common and rare search words)."""
    headings = HEADINGS[locale]
    blocks, used, section = [], 0, 0
    since_heading, next_heading = 0, 0
    while used < target_words:
        if section < len(headings) and since_heading >= next_heading:
            blocks.append("## " + headings[section])
            section += 1
            since_heading, next_heading = 0, rng.randint(2, 4)
        since_heading += 1
        if rng.random() < 0.15:
            items = corpus(locale).list_items(rng, rng.randint(3, 6))
            blocks.append("\n".join("- " + i for i in items))
            used += sum(i.count(" ") + 1 for i in items)
        else:
            text, n = corpus(locale).paragraph(rng, max(8, min(rng.randint(60, 140), target_words - used)))
            blocks.append(text)
            used += n
    for word in extra:
        # into a paragraph (not a heading), at a word boundary
        candidates = [i for i, b in enumerate(blocks) if not b.startswith(("## ", "- "))]
        i = rng.choice(candidates)
        ws = blocks[i].split(" ")
        ws.insert(rng.randrange(1, len(ws)), word)
        blocks[i] = " ".join(ws)
    return "\n\n".join(blocks)


@functools.lru_cache(maxsize=None)
def slug_word(word):
    """A word in a slug: lower case, accents off (ß as ss), anything but letters and digits a hyphen."""
    kept = []
    for ch in unicodedata.normalize("NFKD", word.replace("ß", "ss")).lower():
        if not unicodedata.combining(ch):
            kept.append(ch if unicodedata.category(ch) in ("Ll", "Lo", "Nd") else "-")
    return "-".join(p for p in "".join(kept).split("-") if p)


def slugify(text, n):
    """A slug unique to article n (the vocabularies are small: slugs of the words are remembered)."""
    base = "-".join(p for p in map(slug_word, text.split()) if p)
    base = base[:80].strip("-") or "article"
    return "%s-%d" % (base, n)


def title_of(rng, locale, factor, title_words):
    title = " ".join(words(rng, locale, max(3, round(title_words * factor)))).rstrip(".")
    return title[0].upper() + title[1:]


def rest_of(rng, locale, factor, summary_words, body_words, extra):
    """The summary and body, drawn after the title."""
    summary = " ".join(words(rng, locale, round(summary_words * factor))) + "."
    summary = summary[0].upper() + summary[1:]
    return summary, body_text(rng, locale, round(body_words * factor), extra)


def article(seed, n, titles_only=False):
    """Article n as one line of the batch import: a dict in the fixed NDJSON shape. titles_only:
    only the state, titles and slugs (the same as in the whole article, made far faster)."""
    rng = random.Random("%s:%d" % (seed, n))
    rare = n % 1000 == 1
    published = rare or rng.random() < PUBLISHED_SHARE
    has_previous = published and rng.random() < PREVIOUS_SHARE
    title_words, summary_words, body_words = rng.randint(4, 10), rng.randint(20, 40), rng.randint(600, 1500)
    common = rng.random() < 0.9

    def extra(locale):
        return ([COMMON[locale]] if common else []) + ([RARE[locale]] if rare else [])

    title = title_of(rng, "en", 1.0, title_words)
    state = "published" if published else "draft"
    if titles_only:
        return {"title": title, "slug": slugify(title, n), "state": state, "translations": [
            {"locale": locale, "slug": slugify(title_of(*translation_start(seed, n, locale), title_words), n),
             "state": state} for locale in TRANSLATIONS]}
    summary, body = rest_of(rng, "en", 1.0, summary_words, body_words, extra("en"))
    doc = {
        "sourceLocale": "en",
        "title": title,
        "slug": slugify(title, n),
        "summary": summary,
        "body": body,
        "topics": rng.sample(TOPICS, rng.randint(1, 3)),
        "references": [reference(rng, n, i) for i in range(rng.randint(1, 4))],
    }
    if has_previous:
        # the source as it was: one section shorter, which the translations may still translate
        doc["previousBody"] = body.rsplit("\n\n", 2)[0]
    doc["state"] = state
    doc["reviewer"] = REVIEWER
    doc["translations"] = []
    for locale in TRANSLATIONS:
        trng, _, factor = translation_start(seed, n, locale)
        t_title = title_of(trng, locale, factor, title_words)
        t_summary, t_body = rest_of(trng, locale, factor, summary_words, body_words, extra(locale))
        doc["translations"].append({
            "locale": locale,
            "title": t_title,
            "slug": slugify(t_title, n),
            "summary": t_summary,
            "body": t_body,
            "state": doc["state"],
            "translatesPrevious": has_previous and trng.random() < TRANSLATES_PREVIOUS,
        })
    return doc


def translation_start(seed, n, locale):
    """A translation's random numbers, locale and length factor, before its title is drawn."""
    trng = random.Random("%s:%d:%s" % (seed, n, locale))
    return trng, locale, LENGTH_FACTOR[locale] * trng.uniform(0.92, 1.08)


def reference(rng, n, i):
    ref = {
        "text": "%s %s et al. %s. %s %d;%d:%d-%d." % (
            rng.choice(["Smith", "García", "Müller", "Dubois", "Haddad", "Khan", "Rossi", "Novak"]),
            chr(65 + rng.randrange(26)), rng.choice(corpus("en").items).rstrip("."), rng.choice(JOURNALS),
            rng.randint(1995, 2025), rng.randint(1, 60), rng.randint(1, 500), rng.randint(501, 999)),
        "url": "https://example.org/ref/%d/%d" % (n, i),
    }
    if rng.random() < 0.4:
        ref["doi"] = "10.%d/scale.%d.%d" % (rng.randint(1000, 99999), n, i)
    return ref


def reader_paths(seed, first, last):
    """The reader pages of the published articles, every locale."""
    for n in range(first, last + 1):
        doc = article(seed, n, titles_only=True)
        if doc["state"] != "published":
            continue
        yield "/en/articles/" + doc["slug"]
        for t in doc["translations"]:
            if t["state"] == "published":
                yield "/%s/articles/%s" % (t["locale"], t["slug"])


def search_paths(locale, word):
    """Search pages of one locale, each asking for the word with one or two more content words of
    the locale, in a shuffled order that is the same every time: some thousands of different queries
    a locale, so that a run's requests miss the page cache and do the search's work (a query's page
    is cached once asked), and each finds about what the word alone finds, since every article has
    most of the content words."""
    others = []
    for other in WORDS[locale]["content"].split():
        if other.lower() != word.lower() and other.lower() not in {o.lower() for o in others}:
            others.append(other)
    queries = [(other,) for other in others] + list(itertools.combinations(others, 2))
    random.Random("%s %s" % (locale, word)).shuffle(queries)
    for more in queries:
        yield "/%s/search?q=%s" % (locale, urllib.parse.quote(" ".join((word,) + more)))


# ---- sending ---------------------------------------------------------------------------------------

class Failed(Exception):
    pass


class Server:
    """One keep-alive connection to the server per thread, HTTP Basic."""

    def __init__(self, port, user, password, timeout):
        self.port, self.timeout = port, timeout
        self.auth = "Basic " + base64.b64encode(("%s:%s" % (user, password)).encode()).decode()
        self.local = threading.local()

    def call(self, method, path, body=None, content_type="application/json", auth=None, headers=None):
        conn = getattr(self.local, "conn", None)
        if conn is None:
            conn = self.local.conn = http.client.HTTPConnection(HOST, self.port, timeout=self.timeout)
        h = {"Authorization": auth or self.auth, "Accept": "application/json"}
        if body is not None:
            h["Content-Type"] = content_type
        h.update(headers or {})
        try:
            conn.request(method, path, body=body, headers=h)
            resp = conn.getresponse()
            payload = resp.read()
        except (OSError, http.client.HTTPException):
            conn.close()
            self.local.conn = None
            raise
        if resp.will_close:
            conn.close()
            self.local.conn = None
        return resp.status, resp, payload


def basic(user, password):
    return "Basic " + base64.b64encode(("%s:%s" % (user, password)).encode()).decode()


def batch_body(seed, first, last):
    """Articles first..last as an NDJSON request body (made in a worker process)."""
    return "".join(json.dumps(article(seed, n), ensure_ascii=False) + "\n"
                   for n in range(first, last + 1)).encode("utf-8")


def send_batch(server, body, numbers, max_wait):
    """One batch, resent after Retry-After while the database is busy. Returns the status."""
    waited = 0.0
    while True:
        status, resp, payload = server.call("POST", "/api/import/batch", body, "application/x-ndjson")
        if status == 503 and waited < max_wait:
            pause = max(0.1, float(resp.getheader("Retry-After") or "1"))
            time.sleep(pause)
            waited += pause
            continue
        if status == 404 or status // 100 == 2:
            return status
        raise Failed("batch of articles %d-%d: HTTP %d: %s" % (
            numbers[0], numbers[-1], status, payload[:500].decode("utf-8", "replace")))


class OneByOne:
    """The slow way without the batch endpoint: POST, PUT and transitions, article by article."""

    def __init__(self, server, reviewer_auth, checklist):
        self.server, self.reviewer_auth, self.checklist = server, reviewer_auth, checklist

    def ok(self, what, answer, expected=(200, 201)):
        status, resp, payload = answer
        if status not in expected:
            raise Failed("%s: HTTP %d: %s" % (what, status, payload[:300].decode("utf-8", "replace")))
        return resp, payload

    def publish(self, base, locale):
        path = "%s/locales/%s/transitions" % (base, locale)
        s = self.server
        self.ok("submit " + path, s.call("POST", path, json.dumps({"action": "submit"})))
        self.ok("approve " + path, s.call("POST", path, json.dumps({"action": "approve", "checklist": self.checklist}),
                                          auth=self.reviewer_auth))
        self.ok("publish " + path, s.call("POST", path, json.dumps({"action": "publish"})))

    def load(self, n, doc):
        s = self.server
        fields = ("title", "slug", "summary", "body", "topics", "references")
        source = {k: doc[k] for k in fields}
        source["sourceLocale"] = doc["sourceLocale"]
        previous = "previousBody" in doc
        if previous:
            source["body"] = doc["previousBody"]
        resp, _ = self.ok("POST article %d" % n,
                          s.call("POST", "/api/articles", json.dumps(source, ensure_ascii=False).encode()), (201,))
        base = "/api/articles/" + (resp.getheader("Location") or "").rstrip("/").rsplit("/", 1)[-1]
        if previous:
            edit = dict(source, body=doc["body"], changeNote="scale bench: the source changed")
            self.ok("PUT source of %s" % base, s.call("PUT", base + "/locales/en", json.dumps(edit, ensure_ascii=False).encode(),
                                                       headers={"If-Match": resp.getheader("ETag")}))
        if doc["state"] == "published":
            self.publish(base, "en")
        for t in doc["translations"]:
            text = {k: t.get(k, doc[k]) for k in fields}
            text["sourceRevision"] = 1 if t["translatesPrevious"] else (2 if previous else 1)
            self.ok("PUT %s of %s" % (t["locale"], base),
                    s.call("PUT", "%s/locales/%s" % (base, t["locale"]), json.dumps(text, ensure_ascii=False).encode()),
                    (200, 201))
            if t["state"] == "published":
                self.publish(base, t["locale"])


def load(args):
    server = Server(args.port, args.user, args.password, args.timeout)
    total = args.to - args.from_ + 1
    batches = [range(first, min(args.to, first + args.batch - 1) + 1)
               for first in range(args.from_, args.to + 1, args.batch)]
    work = queue.Queue()
    for numbers in batches[1:]:
        work.put(numbers)
    lock = threading.Lock()
    state = {"done": 0, "mode": None, "error": None, "one_by_one": None}
    step = max(args.batch, total // 10)
    next_report = [step]
    start = time.monotonic()

    def fallback():
        status, _, payload = server.call("GET", "/api/workflow/checklist")
        if status != 200:
            raise Failed("GET /api/workflow/checklist: HTTP %d" % status)
        checklist = {item["key"]: True for item in json.loads(payload)}
        return OneByOne(server, basic(args.reviewer, args.reviewer_password), checklist)

    # generating and encoding takes ~2 ms of CPU an article: worker processes, one per sender
    makers = concurrent.futures.ProcessPoolExecutor(max_workers=args.threads)

    def send(numbers):
        """Sends articles; False when it put them back on the queue in small parts instead."""
        if state["mode"] != "one-by-one":
            body = makers.submit(batch_body, args.seed, numbers[0], numbers[-1]).result()
            status = send_batch(server, body, numbers, args.max_wait)
            if status != 404:
                state["mode"] = "batch"
                return True
            with lock:
                if state["mode"] is None:
                    print("  POST /api/import/batch answered 404: loading one article at a time through "
                          "POST /api/articles, PUT and transitions (slow)", flush=True)
                    state["one_by_one"] = fallback()
                    state["mode"] = "one-by-one"
        if len(numbers) > 10:
            # one article at a time: small parts, so that every sender has some
            for first in range(0, len(numbers), 10):
                work.put(numbers[first:first + 10])
            return False
        for n in numbers:
            state["one_by_one"].load(n, article(args.seed, n))
        return True

    def count(numbers):
        with lock:
            state["done"] += len(numbers)
            if next_report[0] <= state["done"] < total:
                next_report[0] += step
                t = time.monotonic() - start
                print("  ... %d/%d in %.1f s (%.0f articles/s)" % (state["done"], total, t, state["done"] / t),
                      flush=True)

    def worker():
        while state["error"] is None:
            try:
                numbers = work.get_nowait()
            except queue.Empty:
                return
            try:
                sent = send(numbers)
            except Exception as e:  # noqa: BLE001 - any failure stops the load and is reported
                with lock:
                    state["error"] = state["error"] or e
                return
            if sent:
                count(numbers)

    # the first batch alone: its answer tells whether there is a batch endpoint
    try:
        if send(batches[0]):
            count(batches[0])
    except Exception as e:  # noqa: BLE001
        state["error"] = e
    threads = [threading.Thread(target=worker) for _ in range(args.threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    makers.shutdown()
    seconds = time.monotonic() - start
    if state["error"] is not None:
        print("FAILED after %d articles: %s" % (state["done"], state["error"]), file=sys.stderr)
        return 1
    how = ("POST /api/import/batch, %d a batch" % args.batch if state["mode"] == "batch"
           else "one by one: POST, PUT, transitions")
    print("loaded %d articles × %d locales in %.1f s: %.1f articles/s (%s; %d threads)" % (
        state["done"], len(LOCALES), seconds, state["done"] / seconds, how, args.threads))
    print("BENCH load_articles=%d load_seconds=%.2f load_rate=%.1f" % (state["done"], seconds, state["done"] / seconds))
    return 0


# ---- the content archive ---------------------------------------------------------------------------
# The rows the application itself writes for these articles when people make them through the
# workflow (as an export of such an instance shows them): the author creates the English source
# (and saves it once more when the article has a previous text), submits it, the medical reviewer
# approves it with the whole checklist, the editor publishes it; then the translator does the same
# for each translation, which pins the source revision it translates. Drafts have only their
# creation. Every id is derived from the article's number, so that chunks are made apart.

# Every table of an archive (ContentArchive.TABLES), each with its columns; those without rows here
# are written empty.
ARCHIVE_TABLES = {
    "app_user": ("id", "username", "password_hash", "display_name", "credentials", "email", "created_at",
                 "failed_logins", "locked_until", "ui_language", "time_zone", "deactivated_at",
                 "password_change_required", "profile_slug", "profile_public"),
    "app_user_role": ("user_id", "role"),
    "app_user_locale": ("user_id", "locale"),
    "app_user_profile": ("user_id", "locale", "display_name", "credentials", "bio"),
    "topic": ("id", "topic_key", "created_at"),
    "topic_locale": ("topic_id", "locale", "name", "slug"),
    "topic_term": ("term", "topic_id"),
    "article": ("id", "source_locale", "created_at", "created_by", "updated_at", "title", "signed_off_at",
                "locales", "audience"),
    "article_disclosure": (),
    "contradicting_phrase": (),
    "variant": ("id", "article_id", "locale", "state", "slug", "current_revision_id", "live_revision_id",
                "updated_at", "version", "assigned_reviewer", "live_signed_off_at", "published_at", "outdated"),
    "revision": ("id", "variant_id", "revision_no", "title", "slug", "summary", "body", "author", "created_at",
                 "change_note", "safety_relevant", "source_revision", "tell_readers"),
    "revision_topic": ("revision_id", "item_order", "topic"),
    "revision_reference": ("revision_id", "item_order", "citation", "url", "doi", "pmid"),
    "media_blob": (), "media_item": (), "media_version": (), "media_rendition": (), "media_text": (),
    "media_usage": (),
    "medical_review": ("id", "variant_id", "revision_id", "decision", "reviewer", "reviewer_name",
                       "reviewer_credentials", "review_comment", "reviewed_at", "no_references_reason"),
    "medical_review_check": ("review_id", "item_key"),
    "editorial_comment": (),
    "audit_event": ("id", "article_id", "locale", "revision_no", "action", "from_state", "to_state", "actor",
                    "occurred_at", "event_comment"),
    "scheduled_publication": (), "change_note_translation": (), "change_log_entry": (), "inbox_entry": (),
    "autosaved_draft": (), "glossary_term": (),
}
# The tables an article adds rows to; "revision" (most of the bytes) goes straight into the ZIP.
ARTICLE_TABLES = ("article", "variant", "revision", "revision_topic", "revision_reference", "medical_review",
                  "medical_review_check", "audit_event")
CHECKLIST = ("dosing-checked", "no-promotion", "risks-stated", "sources-current")  # cms.review.checklist
AUTHOR, TRANSLATOR, EDITOR = "author", "translator", "editor"
# The team (ids as in the archive; the target gives them its own). The importing admin keeps their
# account and password; the others come without one.
USERS = (
    (1, "admin", "Ada Admin", None, ["admin"], [], None, {}),
    (2, AUTHOR, "Alex Author", None, ["author"], [], "alex-author",
     {"en": ("Medical writer", "Alex writes about common conditions and their treatment.")}),
    (3, TRANSLATOR, "Teresa Translator", None, ["translator"], list(TRANSLATIONS), None, {}),
    (4, REVIEWER, "Dr. Rana Reviewer", "MD, internal medicine", ["medical-reviewer"], [], "rana-reviewer",
     {"en": ("MD, internal medicine", "Rana is a specialist in internal medicine.")}),
    (5, EDITOR, "Eddie Editor", None, ["editor"], [], None, {}),
)
REVIEWER_NAME, REVIEWER_CREDENTIALS = USERS[3][2], USERS[3][3]
# Per article: variants are ids 5(n-1)+1..5n, a variant's revisions 2(v-1)+1..2v, its trail lines
# 8(v-1)+1..; its review has the variant's id.
MAX_REVISIONS, MAX_EVENTS = 2, 8
SPACING = 30  # seconds between the creation of two articles
DEFAULT_START = "2026-06-01T00:00:00Z"


def utc(seconds):
    """An instant (seconds since the epoch) as the archive writes it."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds))


def parse_utc(text):
    import calendar
    return calendar.timegm(time.strptime(text, "%Y-%m-%dT%H:%M:%SZ"))


def row(table, *values):
    """One NDJSON line of a table, its columns in the archive's order."""
    return json.dumps(dict(zip(ARCHIVE_TABLES[table], values)), ensure_ascii=False, separators=(",", ":")) + "\n"


def article_rows(seed, n, start):
    """Article n's rows: {table: [NDJSON lines]}."""
    doc = article(seed, n)
    out = {t: [] for t in ARTICLE_TABLES}
    created = start + n * SPACING
    published = doc["state"] == "published"
    previous = "previousBody" in doc
    source_no = 2 if previous else 1
    live_signed_off = []
    last_update = created

    def variant(k, locale, content, writer, begins, texts, source_revision):
        """One locale: its revisions (texts: the bodies in order), steps, review; returns when it ends."""
        nonlocal last_update
        vid = 5 * (n - 1) + k + 1
        event_ids = itertools.count(MAX_EVENTS * (vid - 1) + 1)
        at = begins
        for no, body in enumerate(texts, 1):
            rid = MAX_REVISIONS * (vid - 1) + no
            note = "Source text revised" if no > 1 else None
            out["revision"].append(row("revision", rid, vid, no, content["title"], content["slug"], content["summary"],
                                       body, writer, utc(at), note, False, source_revision, False))
            for i, topic in enumerate(doc["topics"]):
                out["revision_topic"].append(row("revision_topic", rid, i, topic))
            for i, ref in enumerate(doc["references"]):
                out["revision_reference"].append(row("revision_reference", rid, i, ref["text"], ref["url"],
                                                     ref.get("doi"), None))
            action, before = ("create", None) if no == 1 else ("save", "draft")
            out["audit_event"].append(row("audit_event", next(event_ids), n, locale, no, action, before, "draft",
                                          writer, utc(at), note))
            at += 86400 if no < len(texts) else 0
        rid = MAX_REVISIONS * (vid - 1) + len(texts)
        live, signed_off, published_at, outdated = None, None, None, False
        steps = 1 + len(texts)
        if published:
            submitted, signed_off, published_at = at + 600, at + 3600, at + 7200
            for action, before, after, actor, when in (
                    ("submit", "draft", "in_review", writer, submitted),
                    ("approve", "in_review", "approved", REVIEWER, signed_off),
                    ("publish", "approved", "published", EDITOR, published_at)):
                out["audit_event"].append(row("audit_event", next(event_ids), n, locale, len(texts), action, before,
                                              after, actor, utc(when), None))
            out["medical_review"].append(row("medical_review", vid, vid, rid, "APPROVED", REVIEWER, REVIEWER_NAME,
                                             REVIEWER_CREDENTIALS, None, utc(signed_off), None))
            out["medical_review_check"].extend(row("medical_review_check", vid, key) for key in CHECKLIST)
            live = rid
            live_signed_off.append(signed_off)
            # a translation of an older source revision than the one readers of the source see
            outdated = source_revision is not None and source_revision < source_no
            at = published_at
            steps += 3
        out["variant"].append(row("variant", vid, n, locale, doc["state"], content["slug"], rid, live, utc(at), steps,
                                  None, signed_off and utc(signed_off), published_at and utc(published_at), outdated))
        last_update = max(last_update, at)
        return at

    texts = [doc["previousBody"], doc["body"]] if previous else [doc["body"]]
    after_source = variant(0, "en", doc, AUTHOR, created, texts, None)
    for k, t in enumerate(doc["translations"], 1):
        variant(k, t["locale"], t, TRANSLATOR, after_source + 3600 * k, [t["body"]],
                1 if t["translatesPrevious"] else source_no)
    out["article"].append(row("article", n, "en", utc(created), AUTHOR, utc(last_update), doc["title"],
                              utc(min(live_signed_off)) if live_signed_off else None, " ".join(sorted(LOCALES)),
                              (None, "PATIENTS", "PROFESSIONALS")[n % 3]))
    return out


def chunk_rows(seed, first, last, start):
    """Articles first..last, each table's lines joined (made in a worker process)."""
    joined = {t: [] for t in ARTICLE_TABLES}
    for n in range(first, last + 1):
        for table, lines in article_rows(seed, n, start).items():
            joined[table].extend(lines)
    return {t: ("".join(lines).encode("utf-8"), len(lines)) for t, lines in joined.items()}


def team_rows(start):
    """The users and the topics: {table: [lines]}."""
    out = {t: [] for t in ("app_user", "app_user_role", "app_user_locale", "app_user_profile",
                           "topic", "topic_locale", "topic_term")}
    for uid, name, display, credentials, roles, locales, slug, profile in USERS:
        out["app_user"].append(row("app_user", uid, name, "", display, credentials, "%s@scale.invalid" % name,
                                   utc(start - 86400), 0, None, None, None, None, False, slug, slug is not None))
        out["app_user_role"].extend(row("app_user_role", uid, r) for r in roles)
        out["app_user_locale"].extend(row("app_user_locale", uid, loc) for loc in locales)
        out["app_user_profile"].extend(row("app_user_profile", uid, loc, None, c, bio) for loc, (c, bio) in profile.items())
    # as the taxonomy's migration (V27) makes topics of the revisions' topics: key, name and term
    # the topic as written, named in the source locale; the audience as the entity stores its enum
    for tid, topic in enumerate(TOPICS, 1):
        out["topic"].append(row("topic", tid, topic, utc(start - 86400)))
        out["topic_locale"].append(row("topic_locale", tid, "en", topic, topic))
        out["topic_term"].append(row("topic_term", topic, tid))
    return out


def schema_version():
    """The highest migration of this checkout: the archive is made for its schema."""
    import glob
    import os
    import re
    here = os.path.dirname(os.path.abspath(__file__))
    found = [int(m.group(1)) for f in glob.glob(os.path.join(here, "..", "src/main/resources/db/migration/*/V*__*.sql"))
             for m in [re.match(r"V(\d+)__", os.path.basename(f))] if m]
    return max(found) if found else 1


def write_archive(path, seed, first, last, start, workers=2, chunk=100, progress=None):
    """The content archive of articles first..last as a ZIP at path, written as it is made: the
    revisions straight into the ZIP, the other tables through temp files, then the manifest.
    Returns the rows per table."""
    import os
    import tempfile
    import zipfile
    rows = {t: 0 for t in ARCHIVE_TABLES}
    with tempfile.TemporaryDirectory(prefix="scale-archive-") as tmp, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        spill = {t: open(os.path.join(tmp, t + ".ndjson"), "wb") for t in ARTICLE_TABLES if t != "revision"}
        for table, lines in team_rows(start).items():
            spill[table] = open(os.path.join(tmp, table + ".ndjson"), "wb")
            spill[table].write("".join(lines).encode("utf-8"))
            rows[table] = len(lines)
        chunks = [(a, min(last, a + chunk - 1)) for a in range(first, last + 1, chunk)]
        with zf.open("tables/revision.ndjson", "w", force_zip64=True) as revisions, \
                concurrent.futures.ProcessPoolExecutor(max_workers=workers) as makers:
            # a few chunks ahead of the writer, no more: memory stays flat
            pending = [makers.submit(chunk_rows, seed, a, b, start) for a, b in chunks[:2 * workers]]
            for i in range(len(chunks)):
                made = pending[i].result()
                pending[i] = None
                if i + 2 * workers < len(chunks):
                    a, b = chunks[i + 2 * workers]
                    pending.append(makers.submit(chunk_rows, seed, a, b, start))
                for table, (data, count) in made.items():
                    (revisions if table == "revision" else spill[table]).write(data)
                    rows[table] += count
                if progress:
                    progress(chunks[i][1] - first + 1)
        for table in ARCHIVE_TABLES:
            if table == "revision":
                continue
            if table in spill:
                spill[table].close()
                zf.write(os.path.join(tmp, table + ".ndjson"), "tables/%s.ndjson" % table)
            else:
                zf.writestr("tables/%s.ndjson" % table, b"")
        manifest = {"format": "medpub-cms-archive", "formatVersion": 1, "schemaVersion": schema_version(),
                    "createdAt": utc(time.time()), "rows": rows}
        zf.writestr("manifest.json", json.dumps(manifest, indent=2))
    return rows


def archive_command(args):
    start = parse_utc(args.start)
    began = time.monotonic()
    total = args.to - args.from_ + 1
    step = max(100, total // 10)
    marks = [step]

    def progress(done):
        if done >= marks[0] and done < total:
            marks[0] += step
            t = time.monotonic() - began
            print("  ... %d/%d articles in %.1f s" % (done, total, t), flush=True)

    rows = write_archive(args.out, args.seed, args.from_, args.to, start, args.workers, progress=progress)
    seconds = time.monotonic() - began
    import os
    size = os.path.getsize(args.out)
    print("wrote %s: %d articles × %d locales, %d rows, %.1f MB, in %.1f s" % (
        args.out, total, len(LOCALES), sum(rows.values()), size / 1e6, seconds))
    print("BENCH archive_articles=%d archive_rows=%d archive_bytes=%d archive_seconds=%.2f" % (
        total, sum(rows.values()), size, seconds))
    return 0


def import_archive(args):
    """POST /api/import/archive with the file, streamed; prints the rate and the rows the server took."""
    import os
    size = os.path.getsize(args.file)
    articles = args.articles
    conn = http.client.HTTPConnection(HOST, args.port, timeout=args.timeout)
    began = time.monotonic()
    with open(args.file, "rb") as body:
        conn.request("POST", "/api/import/archive", body=body, headers={
            "Authorization": basic(args.user, args.password), "Content-Type": "application/zip",
            "Accept": "application/json", "Content-Length": str(size)})
        resp = conn.getresponse()
        payload = resp.read()
    seconds = time.monotonic() - began
    if resp.status != 200:
        print("POST /api/import/archive: HTTP %d: %s" % (resp.status, payload[:1000].decode("utf-8", "replace")),
              file=sys.stderr)
        return 1
    answer = json.loads(payload)
    rows = sum(answer["rows"].values()) + 0
    print("imported %s (%.1f MB): %d rows in %.1f s, %.1f articles/s; users without a password: %s" % (
        args.file, size / 1e6, rows, seconds, articles / seconds, ", ".join(answer.get("usersWithoutPassword", []))))
    print("  rows: " + ", ".join("%s %d" % (t, c) for t, c in answer["rows"].items() if c))
    print("BENCH load_articles=%d load_seconds=%.2f load_rate=%.1f archive_bytes=%d load_rows=%d" % (
        articles, seconds, articles / seconds, size, rows))
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", default="scale", help="the same seed makes the same articles")
    sub = ap.add_subparsers(dest="command", required=True)
    lp = sub.add_parser("load", help="load articles --from..--to into the server")
    lp.add_argument("--port", type=int, required=True)
    lp.add_argument("--from", dest="from_", type=int, default=1)
    lp.add_argument("--to", type=int, required=True)
    lp.add_argument("--threads", type=int, default=3, help="concurrent senders")
    lp.add_argument("--batch", type=int, default=500, help="articles a batch (cms.import.batch-max-lines: 1000)")
    lp.add_argument("--user", default="admin")
    lp.add_argument("--password", default="demo")
    lp.add_argument("--reviewer", default=REVIEWER)
    lp.add_argument("--reviewer-password", default="demo")
    lp.add_argument("--timeout", type=float, default=300.0, help="seconds per request")
    lp.add_argument("--max-wait", type=float, default=300.0, help="seconds of Retry-After a batch may wait in all")
    pp = sub.add_parser("paths", help="print the reader paths of the published pages")
    pp.add_argument("--from", dest="from_", type=int, default=1)
    pp.add_argument("--to", type=int, required=True)
    qp = sub.add_parser("searches", help="print search paths of a locale: the word and one or two more words each")
    qp.add_argument("--locale", required=True, choices=LOCALES)
    qp.add_argument("--word", required=True)
    ap_ = sub.add_parser("archive", help="write the content archive of articles --from..--to")
    ap_.add_argument("--from", dest="from_", type=int, default=1)
    ap_.add_argument("--to", type=int, required=True)
    ap_.add_argument("--out", required=True, help="the ZIP to write")
    ap_.add_argument("--start", default=DEFAULT_START, help="when article 0 would have been made (UTC, %s)" % DEFAULT_START)
    ap_.add_argument("--workers", type=int, default=2, help="processes making the rows")
    ip = sub.add_parser("import-archive", help="load an archive into the server (POST /api/import/archive)")
    ip.add_argument("--port", type=int, required=True)
    ip.add_argument("--file", required=True)
    ip.add_argument("--articles", type=int, required=True, help="articles in it, for the rate")
    ip.add_argument("--user", default="admin")
    ip.add_argument("--password", required=True)
    ip.add_argument("--timeout", type=float, default=3600.0, help="seconds the import may take")
    sp = sub.add_parser("show", help="print article N's NDJSON line")
    sp.add_argument("n", type=int)
    args = ap.parse_args()
    if args.command == "show":
        print(json.dumps(article(args.seed, args.n), ensure_ascii=False))
        return 0
    if args.command == "searches":
        print("\n".join(search_paths(args.locale, args.word)))
        return 0
    if args.command == "import-archive":
        return import_archive(args)
    if args.from_ < 1 or args.to < args.from_:
        ap.error("need 1 <= --from <= --to")
    if args.command == "archive":
        return archive_command(args)
    if args.command == "paths":
        out = sys.stdout
        for p in reader_paths(args.seed, args.from_, args.to):
            out.write(p + "\n")
        return 0
    if not 1 <= args.batch <= 1000 or not 1 <= args.threads <= 16:
        ap.error("--batch must be 1-1000 and --threads 1-16")
    return load(args)


if __name__ == "__main__":
    sys.exit(main())
