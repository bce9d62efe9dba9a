"""Trains seedprint-tiny-v1 from nothing, in one run: vocabulary, the three diffusion networks,
the evaluation classifier, ONNX export, sample preview, optional held-out evaluation, model card.

  /usr/bin/python3 models/train_all.py --check              # the pinned packages only
  /usr/bin/python3 models/train_all.py --dry-run            # the pins, then every step's command
  /usr/bin/python3 models/train_all.py --steps 2 --out /tmp/sp-smoke   # a few steps per network
  /usr/bin/python3 models/train_all.py [--eval]             # the full recipe (days on 2 CPU cores)

Before anything runs, the packages in models/requirements.txt are checked (Debian version and the
version each module reports); any difference stops the run with exit code 2. Every step gets a
fixed seed (Python, NumPy and torch generators, deterministic torch kernels, PYTHONHASHSEED 0)
and a fixed thread count, so a rerun on the same packages repeats the same computation.

The model is written to --out (default models/.ckpt/seedprint-tiny-v1), never over the shipped
folder unless --out names it; checkpoints and caches go to --work, which must start empty (a
checkpoint there would be resumed) unless --resume.
"""
import argparse
import os
import shlex
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHIPPED = os.path.join(HERE, "seedprint-tiny-v1")

# The recipe: each network's step count and schedule (steps are absolute: the expert and the
# low-noise base continue from the base's checkpoint at BASE_STEPS).
BASE_STEPS = 47607  # base on every t
HI_STEPS = 98242  # high-noise expert (t >= 0.6), a copy of the base at BASE_STEPS
LOW_STEPS = 48797  # the base again, on t < 0.6 only
SR_STEPS = 37592
CLS_STEPS = 7739
HI_BOOST = "triangles=3,stars=2.5,dots=2.5,flowers=1.5,waves=1.5,zigzag=1.5,hearts=1.5,checks=0.8,stripes=0.4"
CLS_BOOST = "zigzag=3,waves=3,stars=2,triangles=2,dots=1.5,hearts=1.5"


def read_pins(path=os.path.join(HERE, "requirements.txt")):
    pins = []
    for line in open(path):
        line = line.split("#", 1)[0].split()
        if line:
            deb, deb_version, module, version = line
            pins.append((deb, deb_version, module, version))
    return pins


def module_version(module):
    if module == "python":
        import platform
        return platform.python_version()
    try:
        mod = __import__(module, fromlist=["__version__"])
    except ImportError:
        return None
    return getattr(mod, "__version__", None)


def deb_version(package):
    if not shutil.which("dpkg-query"):
        return None  # not a Debian system: the module versions still have to match
    r = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True)
    return r.stdout.strip() if r.returncode == 0 else "not installed"


def check_pins():
    """The differences from models/requirements.txt, as lines to print (empty: all match)."""
    problems = []
    for deb, want_deb, module, want in read_pins():
        have = module_version(module)
        if have != want:
            problems.append(f"{module}: found {have or 'nothing'}, pinned {want} (Debian {deb} {want_deb})")
        have_deb = deb_version(deb)
        if have_deb is not None and have_deb != want_deb:
            problems.append(f"{deb}: Debian package {have_deb}, pinned {want_deb}")
    return problems


def steps(a):
    """The pipeline: (name, argv) in order."""
    py = [sys.executable]
    m = lambda f: os.path.join(HERE, f)  # noqa: E731
    smoke = a.steps > 0
    base, hi, low, sr, cls = (a.steps, 2 * a.steps, 2 * a.steps, a.steps, a.steps) if smoke else (BASE_STEPS, HI_STEPS, LOW_STEPS, SR_STEPS, CLS_STEPS)
    pools = ["--pool", "96", "--sr-pool", "32", "--refresh-every", "1000"] if smoke else []
    t = ["--threads", str(a.threads)]
    train = py + [m("train_diffusion.py")] + t + pools + ["--save-every", "600"]
    out = [
        ("vocabulary and held-out prompts", py + [m("make_vocab.py")]),
        ("base, every noise level", train + ["--stages", "base", "--seed", str(a.seed), "--max-steps", str(base),
                                             "--low-t-frac", "0.35", "--decay-start", "0", "--decay-end", str(base)]),
        ("high-noise expert (t >= 0.6), from the base", train + ["--stages", "base-hi", "--seed", str(a.seed + 200), "--max-steps", str(hi),
                                                                  "--rewarm", "--lr", "2e-4", "--decay-start", str(base), "--decay-end", str(hi),
                                                                  "--geo-frac", "0.62", "--motif-boost", HI_BOOST]),
        ("base, low noise only (t < 0.6)", train + ["--stages", "base", "--seed", str(a.seed + 1), "--max-steps", str(low),
                                                    "--rewarm", "--lr", "2e-4", "--decay-start", str(base), "--decay-end", str(low),
                                                    "--t-max", "0.6", "--low-t-frac", "0.35", "--geo-frac", "0.5"]),
        ("super-resolution", train + ["--stages", "sr", "--seed", str(a.seed + 100), "--max-steps", str(sr),
                                      "--decay-start", "0", "--decay-end", str(sr)]),
        ("evaluation classifier", py + [m("train_classifier.py")] + t + ["--seed", str(a.seed), "--steps", str(cls),
                                                                           "--geo-frac", "0.6", "--motif-boost", CLS_BOOST, "--out", a.out]
         + (["--n-train", "256", "--n-test", "64"] if smoke else ["--n-train", "100000", "--n-test", "2000"])),
        ("ONNX export and manifest", py + [m("export_onnx.py"), "--out", a.out, "--threads", str(a.threads),
                                           "--note", f"base={BASE_STEPS if not smoke else base} steps on every t, then to {low} on t < 0.6 (models/train_all.py)",
                                           "--note", f"baseHigh=a copy of the base, to step {hi} on t >= 0.6 (models/train_all.py)",
                                           "--note", f"sr={sr} steps (models/train_all.py)"]),
        ("sample grid", py + [m("sample_torch.py"), "--grid", os.path.join(a.work, "samples.png"), "--sr", "--threads", str(a.threads),
                              "--guidance", "3", "--guidance-min-t", "0.6", "--seed", "0"]),
        ("sample preview", py + [m("make_preview.py")]),
    ]
    if a.eval:
        out.append(("held-out evaluation (ONNX pipeline of the shop)", ["npm", "run", "--silent", "eval:model", "--", "--model-dir", a.out, "--write-model-eval"]))
    out.append(("model card", py + [m("write_card.py")]))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="check the pinned packages and stop")
    ap.add_argument("--dry-run", action="store_true", help="check the pins and print every step's command without running it")
    ap.add_argument("--steps", type=int, default=0, help="a smoke run: this many steps per network, tiny data pools (0: the full recipe)")
    ap.add_argument("--out", default=os.path.join(HERE, ".ckpt", "seedprint-tiny-v1"), help="the model folder to write")
    ap.add_argument("--work", default=None, help="checkpoints and caches (default: a 'work' folder next to --out)")
    ap.add_argument("--threads", type=int, default=2, help="torch threads per step (part of what makes a run repeat exactly)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--eval", action="store_true", help="run the held-out evaluation (npm run eval:model) before the card")
    ap.add_argument("--resume", action="store_true", help="continue from the checkpoints in --work")
    a = ap.parse_args()
    a.out = os.path.abspath(a.out)
    a.work = os.path.abspath(a.work or os.path.join(os.path.dirname(a.out), "work"))

    problems = check_pins()
    if problems:
        print("models/train_all.py: the installed packages differ from models/requirements.txt:", file=sys.stderr)
        for p in problems:
            print("  " + p, file=sys.stderr)
        print(f"Install the pinned versions (models/requirements.txt says how) and run this script with the Python that has them"
              f" (/usr/bin/python3 on Debian 12; this one is {sys.executable}).", file=sys.stderr)
        return 2
    print(f"pinned packages: all {len(read_pins())} match", flush=True)
    if a.check:
        return 0
    if a.out == os.path.abspath(SHIPPED) and a.steps:
        print("a smoke run (--steps) never writes the shipped model folder: give another --out", file=sys.stderr)
        return 2
    env = dict(os.environ, PYTHONHASHSEED="0", CUBLAS_WORKSPACE_CONFIG=":4096:8", SEEDPRINT_WORK=a.work, SEEDPRINT_MODEL_DIR=a.out)
    env.pop("SEEDPRINT_CKPT", None)  # checkpoints are read from --work only
    plan = steps(a)
    if a.dry_run:
        print(f"SEEDPRINT_WORK={a.work} SEEDPRINT_MODEL_DIR={a.out} PYTHONHASHSEED=0")
        for i, (name, argv) in enumerate(plan, 1):
            print(f"{i:2d}. {name}\n    {shlex.join(argv)}")
        return 0
    if not a.resume and os.path.isdir(a.work) and any(f.endswith(".pt") for f in os.listdir(a.work)):
        print(f"{a.work} holds checkpoints, which training would resume: empty it, or pass --resume", file=sys.stderr)
        return 2
    os.makedirs(a.work, exist_ok=True)
    os.makedirs(a.out, exist_ok=True)
    for i, (name, argv) in enumerate(plan, 1):
        t0 = time.time()
        print(f"== {i}/{len(plan)} {name}\n   {shlex.join(argv)}", flush=True)
        r = subprocess.run(argv, cwd=ROOT, env=env)
        if r.returncode:
            print(f"step {i} ({name}) failed with exit code {r.returncode}", file=sys.stderr)
            return r.returncode
        print(f"   done in {time.time() - t0:.0f} s", flush=True)
    print(f"model written to {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
