#!/usr/bin/env python3
"""Once per cluster (bench/cluster.sh); stdlib only, 127.0.0.1 only.

    cluster_once.py mailbox --port P --out FILE
        An SMTP server that accepts every message and appends one line per recipient,
        "recipient<TAB>subject", to FILE (flushed at once). Runs until killed.

    cluster_once.py schedule --ports P1,P2,P3 --count N [--ahead 5] [--settle 6]
        Creates N articles, each through the next instance, takes each through submit and approve,
        and schedules its publication AHEAD seconds from now, so that every instance's scheduler
        finds them due in the same polls. Waits until every one is published (as every instance
        says), then SETTLE seconds more for further polls and re-review checks. Prints
        "TITLES <prefix>" (what the articles' titles begin with), "ARTICLES id,id,…" and
        "PUBLISHED n of N".
"""

import argparse
import json
import socketserver
import sys
import time

from cluster_publish import CHECKLIST, HOST, call, expect


class Mailbox(socketserver.StreamRequestHandler):
    out = None

    def reply(self, line):
        self.wfile.write((line + "\r\n").encode())
        self.wfile.flush()

    def handle(self):
        self.reply("220 bench mailbox")
        recipients = []
        while True:
            line = self.rfile.readline(65536)
            if not line:
                return
            command = line.decode("utf-8", "replace").strip()
            verb = command[:4].upper()
            if verb in ("EHLO", "HELO"):
                self.reply("250 bench mailbox")
            elif verb == "MAIL":
                recipients = []
                self.reply("250 OK")
            elif verb == "RCPT":
                recipients.append(command.split(":", 1)[1].strip().strip("<>"))
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 go on")
                subject = ""
                while True:
                    data = self.rfile.readline(65536)
                    if not data or data in (b".\r\n", b".\n"):
                        break
                    text = data.decode("utf-8", "replace")
                    if not subject and text.lower().startswith("subject:"):
                        subject = text.split(":", 1)[1].strip()
                with open(self.out, "a", encoding="utf-8") as out:
                    for recipient in recipients:
                        out.write("%s\t%s\n" % (recipient, subject))
                self.reply("250 OK")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("250 OK")


def mailbox(args):
    Mailbox.out = args.out
    open(args.out, "a").close()
    socketserver.ThreadingTCPServer.allow_reuse_address = True
    with socketserver.ThreadingTCPServer((HOST, args.port), Mailbox) as server:
        server.daemon_threads = True
        server.serve_forever()


def schedule(args):
    ports = [int(p) for p in args.ports.split(",")]
    prefix = "Scheduled once %d" % int(time.time() * 1000)
    variants = []
    for n in range(args.count):
        through = ports[n % len(ports)]
        slug = "scheduled-once-%d-%d" % (int(time.time() * 1000), n)
        article = {"title": "%s no %d" % (prefix, n), "slug": slug, "summary": "Published by the scheduler.",
                   "body": "Scheduled publication %d." % n, "topics": ["cluster"], "references": [],
                   "sourceLocale": "en"}
        _, data = expect(through, "POST", "/api/articles", "author", article, status=201)
        variant = "/api/articles/%d/locales/en" % json.loads(data)["id"]
        expect(through, "POST", variant + "/transitions", "author", {"action": "submit"})
        expect(through, "POST", variant + "/transitions", "reviewer", {"action": "approve", "checklist": CHECKLIST})
        variants.append(variant)
    at = time.time() + args.ahead
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(at)) + ".%03dZ" % int(at % 1 * 1000)
    for n, variant in enumerate(variants):
        expect(ports[n % len(ports)], "POST", variant + "/transitions", "editor", {"action": "publish", "publishAt": stamp})
    print("TITLES %s" % prefix)
    print("ARTICLES %s" % ",".join(v.split("/")[3] for v in variants), flush=True)

    deadline = time.time() + args.ahead + 60
    published = 0
    while time.time() < deadline:
        published = sum(1 for n, variant in enumerate(variants)
                        if json.loads(call(ports[n % len(ports)], "GET", variant, "author")[2]).get("state") == "published")
        if published == len(variants):
            break
        time.sleep(0.5)
    time.sleep(args.settle)
    print("PUBLISHED %d of %d" % (published, len(variants)))
    sys.exit(0 if published == len(variants) else 1)


def main():
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="command", required=True)
    box = commands.add_parser("mailbox")
    box.add_argument("--port", type=int, required=True)
    box.add_argument("--out", required=True)
    plan = commands.add_parser("schedule")
    plan.add_argument("--ports", required=True)
    plan.add_argument("--count", type=int, default=30)
    plan.add_argument("--ahead", type=float, default=5.0)
    plan.add_argument("--settle", type=float, default=6.0)
    args = parser.parse_args()
    mailbox(args) if args.command == "mailbox" else schedule(args)


if __name__ == "__main__":
    main()
