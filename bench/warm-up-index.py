#!/usr/bin/env python3
"""Warms a freshly started fixture index up before a timed run: a just-started server compiles its
request handling on the first requests, which a timed run would otherwise pay for (PyPI is never
cold). Makes up to 64 requests, 16 at a time, of every kind a resolution makes (PEP 691 listings, a
missing project, distribution files and their .metadata), and prints how many it made, so a
script can take them off the server's request count.

With --replay FILE (paths under the server's root, one per line, as `simple/six/`: the requests of
a recorded run), it also makes those requests, 16 at a time, asking for gzip as every client here
does, three times over. PyPI serves its pages from a CDN's cache, compressed already, on servers
whose code is warm; a fresh fixture server would instead compress each page the first time it
serves it, and compile and then recompile its hot paths for that work, during the timed run and on
the cores the timed run uses. Measured on the 166-package set: the server used 1.4 s of CPU in the
first replay, 1.3 s in the second, 0.4 s in the third, and 0.17-0.19 s in the timed cold run after
them (0.41 s after none, 0.51 s after one).

With --settle PID (the server's process), it then waits until that process has used no CPU for
0.3 s (at most 10 s), so that nothing the warm-up started is taken from the timed run on the same
cores.

The server itself runs without tiered compilation (its project file): every method is compiled
once, fully optimized. With tiering, these replays and the settling were not enough: the runtime
still recompiled about 300 of the server's hot methods during the first timed run (0.35-0.52 s of
the server's CPU in that run, against 0.11-0.15 s since).

    bench/warm-up-index.py SIMPLE_URL [--replay FILE] [--settle PID]
"""
import concurrent.futures
import gzip
import json
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

SIMPLE_JSON = "application/vnd.pypi.simple.v1+json"
REPLAYS = 3
PROJECTS = ["six", "idna", "certifi", "urllib3", "requests", "click", "attrs", "packaging"]


def get(url, accept="*/*"):
    request = urllib.request.Request(url, headers={"Accept": accept, "Accept-Encoding": "gzip"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            body = response.read()
            return gzip.decompress(body) if response.headers.get("Content-Encoding") == "gzip" else body
    except urllib.error.HTTPError as error:
        if error.code != 404:
            raise
        return b""


def main():
    index = sys.argv[1].rstrip("/") + "/"
    urls = []
    with concurrent.futures.ThreadPoolExecutor(16) as pool:
        pages = list(pool.map(lambda name: get(index + name + "/", SIMPLE_JSON), PROJECTS))
        made = len(pages)
        for name, page in zip(PROJECTS, pages):
            files = json.loads(page)["files"][-3:] if page else []
            for file in files:
                url = urllib.parse.urljoin(index + name + "/", file["url"])
                urls.append(url)
                if file.get("core-metadata") or file.get("dist-info-metadata"):
                    urls.append(url + ".metadata")
        urls += [index + f"no-such-project-{i}/" for i in range(8)]
        urls = urls[: 64 - made]
        list(pool.map(get, urls))
        if "--replay" in sys.argv:
            root = index[: -len("simple/")]
            replayed = [root + path for path in read_paths(sys.argv[sys.argv.index("--replay") + 1])]
            for _ in range(REPLAYS):
                list(pool.map(lambda url: get(url, SIMPLE_JSON if "/simple/" in url else "*/*"), replayed))
                urls += replayed
    if "--settle" in sys.argv:
        settle(int(sys.argv[sys.argv.index("--settle") + 1]))
    print(made + len(urls))


def read_paths(path):
    with open(path, encoding="utf-8") as lines:
        return [line.strip() for line in lines if line.strip()]


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def settle(pid, quiet=0.3, step=0.05, limit=10.0):
    deadline = time.monotonic() + limit
    last, still = cpu_ticks(pid), 0.0
    while still < quiet and time.monotonic() < deadline:
        time.sleep(step)
        now = cpu_ticks(pid)
        still = still + step if now == last else 0.0
        last = now


if __name__ == "__main__":
    main()
