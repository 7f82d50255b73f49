#!/usr/bin/env python3
"""Time the pipeline on synthetic corpora of growing size (see the README's Performance section).

    .venv/bin/python benchmarks/run.py                 # N = 100 and 1000
    .venv/bin/python benchmarks/run.py --sizes 100,1000,10000
    .venv/bin/python benchmarks/run.py --quick         # N = 50 only: a smoke run for CI

For each N: write a corpus with scripts/make_corpus.py, then in a fresh
interpreter (so memory is ours alone) run the steps of `kb build` with a cold
cache — extraction (parallel as in a build), resolution, page writing — and
record wall and CPU time and peak memory; add one new article and rebuild
with the cache warm; then run `mkdocs build` on the generated site in a
temporary project (a copy of mkdocs.yml and the docs assets). A Markdown
table and the targets go to stdout, all numbers as JSON to --json.

Benchmarks are measurements, not tests: nothing here fails on a slow number.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import re
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SITE_FILES = ("mkdocs.yml", "scripts/mkdocs_hook.py", "docs/assets", "docs/overrides", "docs/about.md",
              "docs/tags.md")


def _make_corpus_module() -> Any:
    spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "scripts" / "make_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_corpus"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


# ---------------------------------------------------------------- one run, in a child process
def _cpu() -> float:
    """CPU seconds of this process and its finished children (the extraction workers)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def child(seeds: Path, out: Path, cache_dir: Path, key: str, jobs: int | None,
          extract_only: bool = False) -> dict[str, Any]:
    """The steps of `kb build`, timed one by one. Runs in a fresh interpreter."""
    from kb.cache import ExtractionCache, extract_articles
    from kb.ingest import read_folder
    from kb.model import Extraction
    from kb.pages import write_pages
    from kb.resolve import resolve

    times: dict[str, dict[str, float]] = {}

    def step(name: str, t0: float, c0: float) -> None:
        times[name] = {"wall": time.perf_counter() - t0, "cpu": _cpu() - c0}

    t0, c0 = time.perf_counter(), _cpu()
    articles, problems = read_folder(seeds)
    cache = ExtractionCache(cache_dir, key=key)  # key fixed by the caller: code edits mid-run must not miss
    results = extract_articles(articles, cache, jobs=jobs, progress=False)
    extractions = [r for r in results if isinstance(r, Extraction)]
    _stop_forkserver()  # its workers' CPU time and memory count only once it is reaped
    step("extract", t0, c0)
    if extract_only:
        return {"times": times, "articles": len(articles), "extracted": len(articles) - cache.hits,
                "cached": cache.hits, "failed": len(results) - len(extractions), **_memory()}
    t0, c0 = time.perf_counter(), _cpu()
    kb = resolve(extractions)
    step("resolve", t0, c0)
    t0, c0 = time.perf_counter(), _cpu()
    written = write_pages(kb, out, problems)
    step("pages", t0, c0)
    return {
        "times": times, "articles": len(articles), "extracted": len(articles) - cache.hits, "cached": cache.hits,
        "failed": len(results) - len(extractions), "people": len(kb.people), "events": len(kb.events),
        "agreements": len(kb.agreements), "organisations": len(kb.organisations),
        "files_written": len(written.written), "files_unchanged": len(written.unchanged), **_memory(),
    }


def _memory() -> dict[str, float]:
    # Peak resident memory, as the kernel counts it (not tracemalloc: it would slow every step several-fold).
    return {  # Linux reports ru_maxrss in KiB
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "peak_worker_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def _stop_forkserver() -> None:
    """Extraction workers are children of multiprocessing's fork server, not of this process."""
    try:
        from multiprocessing import forkserver

        forkserver._forkserver._stop()  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        pass


def _run_child(project: Path, key: str, jobs: int | None, extract_only: bool = False) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(project), "--key", key]
    if extract_only:
        cmd.append("--extract-only")
    if jobs is not None:
        cmd += ["--jobs", str(jobs)]
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=project)
    if done.returncode != 0:
        raise RuntimeError(f"benchmark child failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------- one size
def _site_project(project: Path) -> None:
    for rel in SITE_FILES:
        src, dst = ROOT / rel, project / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            shutil.copytree(src, dst, dirs_exist_ok=True)
        elif src.is_file():
            shutil.copy2(src, dst)


def _mkdocs(project: Path, timeout: float) -> dict[str, Any]:
    mkdocs = Path(sys.executable).with_name("mkdocs")
    cmd = [str(mkdocs) if mkdocs.exists() else "mkdocs", "build"]
    env = {**os.environ, "KB_SKIP_BUILD": "1", "NO_MKDOCS_2_WARNING": "1"}  # pages are generated already
    t0, c0 = time.perf_counter(), _children_cpu()
    try:
        done = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"skipped": f"took more than {timeout:.0f} s"}
    wall, cpu = time.perf_counter() - t0, _children_cpu() - c0
    if done.returncode != 0:
        return {"failed": done.stderr[-2000:]}
    out = {"wall": wall, "cpu": cpu, "pages": sum(1 for _ in (project / "site").rglob("*.html"))}
    # The build hook logs the search index's time (Pagefind runs inside `mkdocs build`).
    m = re.search(r"search index of (\d+) pages built in ([\d.]+) s wall, ([\d.]+) s CPU", done.stderr)
    if m:
        out["search"] = {"pages": int(m[1]), "wall": float(m[2]), "cpu": float(m[3])}
    bundle = project / "site" / "pagefind"
    out["search_bytes"] = sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file())
    return out


# ---------------------------------------------------------------- mkdocs serve
def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str, timeout: float = 600) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, ""


def _timeline_events(url: str) -> set[str]:
    return set(re.findall(r'href="events/([^"#]+)\.html"', _get(url + "timeline.html")[1]))


def _proc_cpu(pid: int) -> float:
    """CPU seconds of a process and its reaped children (/proc/PID/stat: utime, stime, cutime, cstime)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(x) for x in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def _wait(check: Any, timeout: float) -> float | None:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        try:
            if check():
                return time.perf_counter() - start
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            pass
        time.sleep(0.1)
    return None


def serve_latency(project: Path, new_article: Path, timeout: float) -> dict[str, Any]:
    """Under `mkdocs serve --dirty`: seconds from dropping an article into seeds/ until the served
    timeline lists its events, and from removing it until its source page is gone."""
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("KB_SKIP_BUILD", None)
    log = open(project / "serve.log", "w")  # noqa: SIM115 - closed below
    mkdocs = Path(sys.executable).with_name("mkdocs")
    proc = subprocess.Popen([str(mkdocs), "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"], cwd=project,
                            env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    out: dict[str, Any] = {}
    try:
        t0 = time.perf_counter()
        started = _wait(lambda: _get(url + "index.html", 5)[0] == 200, timeout)
        if started is None:
            return {"failed": "the server did not start"}
        # The first build renders every page; then wait for the background search index.
        indexed = _wait(lambda: "search index updated" in (project / "serve.log").read_text(), timeout)
        out["first_build_wall"] = round(time.perf_counter() - t0, 1)
        out["first_index_wall"] = indexed
        before = _timeline_events(url)
        target = project / "seeds" / f"99998_serve{new_article.suffix}"
        c0, t0 = _proc_cpu(proc.pid), time.perf_counter()
        shutil.copy(new_article, target)
        shown = _wait(lambda: _timeline_events(url) != before, timeout)
        out["add"] = {"wall": shown, "cpu": round(_proc_cpu(proc.pid) - c0, 2)}
        source = url + f"sources/{target.stem.replace('_', '-')}.html"
        out["add"]["source_page"] = _get(source)[0]
        time.sleep(1)  # let the rebuild that the pages' own writes start settle
        c0 = _proc_cpu(proc.pid)
        target.unlink()
        gone = _wait(lambda: _get(source)[0] == 404 and _timeline_events(url) == before, timeout)
        out["remove"] = {"wall": gone, "cpu": round(_proc_cpu(proc.pid) - c0, 2)}
        return out
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def _children_cpu() -> float:
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return kids.ru_utime + kids.ru_stime


def bench(n: int, work: Path, *, seed: int, jobs: int | None, key: str, mkdocs: bool,
          mkdocs_timeout: float, extract_only: bool = False, serve: bool = False) -> dict[str, Any]:
    project = work / f"n{n}"
    shutil.rmtree(project, ignore_errors=True)
    make = _make_corpus_module()
    make.make_corpus(n, project / "seeds", seed)
    _site_project(project)
    result: dict[str, Any] = {"n": n, "cold": _run_child(project, key, jobs, extract_only)}
    # One new article: another corpus's first story, under a name of its own.
    extra = make.make_corpus(1, work / f"extra{n}", seed + 1)[0]
    shutil.copy(extra, project / "seeds" / f"99999_new{extra.suffix}")
    shutil.rmtree(work / f"extra{n}")
    result["add_one"] = _run_child(project, key, jobs, extract_only)
    if extract_only:
        return result
    result["no_change"] = _hook_no_change(project)
    if mkdocs:
        result["mkdocs"] = _mkdocs(project, mkdocs_timeout)
    if serve:
        story = make.make_corpus(1, work / f"serve{n}", seed + 2)[0]
        result["serve"] = serve_latency(project, story, mkdocs_timeout)
        shutil.rmtree(work / f"serve{n}")
    return result


def _hook_no_change(project: Path) -> dict[str, float]:
    """What `mkdocs build` or `serve` spends in our steps when no article changed: the build hook's check."""
    code = ("import sys, time, resource, types, importlib.util\n"
            "spec = importlib.util.spec_from_file_location('hook', 'scripts/mkdocs_hook.py')\n"
            "hook = importlib.util.module_from_spec(spec); spec.loader.exec_module(hook)\n"
            "cfg = types.SimpleNamespace(config_file_path='mkdocs.yml', docs_dir='docs')\n"
            "hook.on_pre_build(cfg)\n"  # the first call builds (and records the fingerprint)
            "t0, r0 = time.perf_counter(), resource.getrusage(resource.RUSAGE_SELF)\n"
            "hook.on_pre_build(cfg)\n"
            "r1 = resource.getrusage(resource.RUSAGE_SELF)\n"
            "print(time.perf_counter() - t0, r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime)\n")
    env = {**os.environ}
    env.pop("KB_SKIP_BUILD", None)
    done = subprocess.run([sys.executable, "-c", code], cwd=project, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        return {"failed": done.stderr[-1000:]}  # type: ignore[dict-item]
    wall, cpu = (float(x) for x in done.stdout.split()[-2:])
    return {"wall": wall, "cpu": cpu}


# ---------------------------------------------------------------- report
def _ours(r: dict[str, Any], run: str = "cold", clock: str = "wall") -> float:
    return sum(t[clock] for t in r[run]["times"].values())


def machine() -> str:
    try:
        model = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                     if line.startswith("model name"))
    except (OSError, StopIteration):
        model = platform.processor() or "unknown CPU"
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{os.cpu_count()} cores ({model}), {mem:.0f} GiB, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}; load average {load:.1f} at the start")


def _s(times: dict[str, dict[str, float]], step: str) -> str:
    return f"{times[step]['wall']:.2f} s" if step in times else "–"


def report(results: list[dict[str, Any]]) -> str:
    lines = ["| N | extraction | resolution | pages | ours total (CPU) | peak RSS (workers) | mkdocs build (CPU) | "
             "ours / mkdocs (CPU) | add one: extraction (whole rebuild) | add one / full extraction |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        t = r["cold"]["times"]
        mk = r.get("mkdocs", {})
        mk_s = (f"{mk['wall']:.1f} s ({mk['cpu']:.1f} s)" if "wall" in mk
                else mk.get("skipped", "failed" if "failed" in mk else "not run"))
        ratio = (f"{100 * _ours(r) / mk['wall']:.1f}% ({100 * _ours(r, clock='cpu') / mk['cpu']:.1f}%)"
                 if "wall" in mk else "–")
        add = r["add_one"]["times"]
        lines.append(
            f"| {r['n']:,} | {_s(t, 'extract')} | {_s(t, 'resolve')} | {_s(t, 'pages')} "
            f"| {_ours(r):.1f} s ({_ours(r, clock='cpu'):.1f} s) | {r['cold']['peak_rss_mb']:.0f} MB "
            f"({r['cold']['peak_worker_rss_mb']:.0f} MB) | {mk_s} | {ratio} | {add['extract']['wall']:.2f} s "
            f"({_ours(r, 'add_one'):.1f} s) | {100 * add['extract']['wall'] / t['extract']['wall']:.1f}% |")
    by_n = {r["n"]: r for r in results}
    notes = []
    for r in results:
        mk, nc, sv = r.get("mkdocs", {}), r.get("no_change", {}), r.get("serve", {})
        if "search" in mk:
            sr = mk["search"]
            notes.append(f"- N={r['n']:,}: search index (Pagefind, inside mkdocs build) {sr['wall']:.1f} s wall, "
                         f"{sr['cpu']:.1f} s CPU for {sr['pages']:,} pages, {mk['search_bytes'] / 2**20:.1f} MB")
        if "cpu" in nc:
            ratio = f" = {100 * nc['cpu'] / mk['cpu']:.2f}% of mkdocs build (CPU)" if "cpu" in mk else ""
            notes.append(f"- N={r['n']:,}: no-change rebuild, our steps (the hook's check): {nc['wall']:.2f} s wall, "
                         f"{nc['cpu']:.2f} s CPU{ratio}")
        if "add" in sv:
            notes.append(f"- N={r['n']:,}: mkdocs serve --dirty: first build {sv['first_build_wall']} s; an added "
                         f"article on the served timeline after {sv['add']['wall']} s wall ({sv['add']['cpu']} s CPU "
                         f"of the server); a removed one gone after {sv['remove']['wall']} s wall "
                         f"({sv['remove']['cpu']} s CPU)")
        elif sv:
            notes.append(f"- N={r['n']:,}: mkdocs serve: {sv}")
    for r in results:
        c = r["cold"]
        found = (f"{c['people']} people, {c['events']} events, {c['agreements']} agreements, "
                 f"{c['organisations']} organisations" if "people" in c else "extraction only")
        notes.append(f"- N={r['n']:,}: {c['articles']} articles -> {found}; {c['failed']} failed; add-one rebuild "
                     f"extracted {r['add_one']['extracted']}, read {r['add_one']['cached']} from the cache")
    for small, big in ((100, 1000), (1000, 10000)):
        if small in by_n and big in by_n:
            tb, ts = by_n[big]["cold"]["times"], by_n[small]["cold"]["times"]
            parts = ", ".join(f"{s} {tb[s]['wall'] / max(ts[s]['wall'], 1e-9):.1f}x"
                              for s in ("extract", "resolve", "pages") if s in tb and s in ts)
            notes.append(f"- {big:,} costs {_ours(by_n[big]) / _ours(by_n[small]):.1f}x {small:,} in wall time "
                         f"(target <= 11x for 10,000 vs 1,000): {parts}")
    return "\n".join(lines + [""] + notes)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Time kb's steps and mkdocs on synthetic corpora.")
    p.add_argument("--sizes", default="100,1000", help="comma-separated corpus sizes (default 100,1000)")
    p.add_argument("--quick", action="store_true", help="N=50 only, for a CI smoke run")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--jobs", type=int, default=None, help="extraction processes (default: one per core)")
    p.add_argument("--no-mkdocs", action="store_true", help="do not time `mkdocs build`")
    p.add_argument("--mkdocs-timeout", type=float, default=1200, help="skip mkdocs past this many seconds")
    p.add_argument("--workdir", type=Path, help="keep the corpora and sites here (default: a temp dir, removed)")
    p.add_argument("--json", type=Path, help="write all numbers here")
    p.add_argument("--extract-only", action="store_true",
                   help="time extraction (cold and add-one) only: no resolution, pages or mkdocs")
    p.add_argument("--serve", action="store_true",
                   help="also time `mkdocs serve --dirty`: an article added, then removed, until the site shows it")
    p.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--key", help=argparse.SUPPRESS)
    args = p.parse_args(argv)

    if args.child:
        project = args.child
        out = child(project / "seeds", project / "docs", project / ".kb-cache", args.key, args.jobs,
                    args.extract_only)
        print(json.dumps(out))
        return 0

    sys.path.insert(0, str(ROOT / "src"))  # also when run from a checkout without `pip install -e .`
    from kb.cache import extractor_key, source_digest

    key = extractor_key(source_digest())
    sizes = [50] if args.quick else [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    work = args.workdir or Path(tempfile.mkdtemp(prefix="kb-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    desc = machine()
    print(f"machine: {desc}", flush=True)
    results = []
    try:
        for n in sizes:
            t0 = time.perf_counter()
            r = bench(n, work, seed=args.seed, jobs=args.jobs, key=key, mkdocs=not args.no_mkdocs,
                      mkdocs_timeout=args.mkdocs_timeout, extract_only=args.extract_only, serve=args.serve)
            results.append(r)
            print(f"N={n}: done in {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
            if args.json:  # after each size, so a long run leaves what it measured
                args.json.write_text(json.dumps({"machine": desc, "results": results}, indent=1))
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    print(report(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
