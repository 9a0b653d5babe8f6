#!/usr/bin/env python3
"""Whole-process timing of what users run, `verify train` and `verify critic`, beside PyTorch 1.13 scripts doing the same
work (bench/train/anchor_cli.py, bench/critic/anchor.py), alternating ours and the anchor in every round; medians, ratio.

Workloads (issue 12):
  toy512   verify train 8gaussians --method wgan-gp --iterations 30 --n-critic 5 --hidden 512 --layers 3 --batch 256
  toy128   the same with --hidden 128 --iterations 200
  critic   verify critic --real R --fake F --method wgan-gp --steps 2000, R and F 4096 points in 2-D
           (verify sample 8gaussians --n 4096 --seed 1, 8gaussians-fixed-generator --theta 1 --n 4096 --seed 2)
Both sides compute the same outputs: the train anchor logs every iteration with the exact W1 of the batches (POT) and
writes samples and checkpoint; the critic anchor computes the held-out estimate, POT's exact W1 (held-out halves and all
rows) and the Lipschitz audit. The critic anchor is also timed without the exact values ("training only", --no-exact):
verify always computes them, so that ratio is the conservative one.

The anchor's process alone runs with OPENBLAS_CORETYPE=SkylakeX (PyTorch with AVX-512 kernels, at its best on this CPU);
ours runs in the environment as it is. Times are wall-clock seconds of the whole process (start-up, JIT or imports,
reading, training, writing), measured with time.perf_counter around subprocess.run.

GFLOP/s: matmul FLOPs of the workload (forward F = sum 2*batch*in*out, backward 2F; a WGAN-GP critic step is
F_G + 12 F_D in training, 12 F_D on fixed samples; a generator step with gradients for G only is 3 F_G + 2 F_D)
divided by our whole-process median, and as a share of the engine's GEMM peak when --gemm-peak is given.

Usage: /usr/bin/python3 bench/train/whole_process.py --verify PATH [--rounds 3] [--workloads toy512,toy128,critic]
       [--gemm-peak GFLOPS] [--work DIR]
"""
import argparse, json, os, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PY = "/usr/bin/python3"


def passes(batch, sizes):
    return sum(2.0 * batch * sizes[i] * sizes[i + 1] for i in range(len(sizes) - 1))


def flops(name):
    if name == "critic":
        return 2000 * 12 * passes(64, [2, 64, 64, 1])
    w, it = (512, 30) if name == "toy512" else (128, 200)
    g, d = passes(256, [2, w, w, w, 2]), passes(256, [2, w, w, w, 1])
    return it * (5 * (g + 12 * d) + 3 * g + 2 * d)


def commands(name, verify, work, real, fake):
    if name == "critic":
        ours = [verify, "critic", "--real", real, "--fake", fake, "--method", "wgan-gp", "--steps", "2000", "--json"]
        torch = [PY, os.path.join(ROOT, "bench", "critic", "anchor.py"), real, fake, "--steps", "2000"]
        return ours, torch, torch + ["--no-exact"]
    w, it = ("512", "30") if name == "toy512" else ("128", "200")
    ours = [verify, "train", "8gaussians", "--method", "wgan-gp", "--iterations", it, "--n-critic", "5", "--hidden", w, "--layers", "3",
            "--batch", "256", "--out", os.path.join(work, "ours-" + name), "--json"]
    torch = [PY, os.path.join(ROOT, "bench", "train", "anchor_cli.py"), "--out", os.path.join(work, "torch-" + name), "--iterations", it,
             "--hidden", w, "--layers", "3", "--batch", "256", "--n-critic", "5", "--lambda", "0.1", "--exact-every", "1"]
    return ours, torch, None


def timed(cmd, env):
    t = time.perf_counter()
    r = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    s = time.perf_counter() - t
    if r.returncode != 0:
        sys.exit(f"failed ({r.returncode}): {' '.join(cmd)}\n{r.stderr.strip()}")
    return s


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--verify", required=True)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--workloads", default="toy512,toy128,critic")
    ap.add_argument("--gemm-peak", type=float, default=0)
    ap.add_argument("--work", default="")
    a = ap.parse_args()
    work = a.work or tempfile.mkdtemp(prefix="verify-bench-")
    names = a.workloads.split(",")
    ours_env = dict(os.environ)
    torch_env = dict(os.environ, OPENBLAS_CORETYPE="SkylakeX")
    real, fake = os.path.join(work, "critic-real.csv"), os.path.join(work, "critic-fake.csv")
    if "critic" in names:
        subprocess.run([a.verify, "sample", "8gaussians", "--n", "4096", "--seed", "1", "--out", real], check=True, stdout=subprocess.DEVNULL)
        subprocess.run([a.verify, "sample", "8gaussians-fixed-generator", "--theta", "1", "--n", "4096", "--seed", "2", "--out", fake],
                       check=True, stdout=subprocess.DEVNULL)
    times = {n: {"ours": [], "torch": [], "torch_train_only": []} for n in names}
    print(f"# whole process, seconds; ours: {a.verify} (OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', '(unset)')}); "
          f"anchor: PyTorch 1.13 with OPENBLAS_CORETYPE=SkylakeX, 2 threads; {a.rounds} rounds, alternating", flush=True)
    for r in range(a.rounds):
        for n in names:
            ours, torch, torch_only = commands(n, a.verify, work, real, fake)
            order = [("ours", ours, ours_env), ("torch", torch, torch_env)]
            if r % 2 == 1:
                order.reverse()
            if torch_only:
                order.append(("torch_train_only", torch_only, torch_env))
            line = []
            for key, cmd, env in order:
                s = timed(cmd, env)
                times[n][key].append(s)
                line.append(f"{key} {s:.2f}")
            print(f"round {r + 1} {n:7s} " + ", ".join(line), file=sys.stderr, flush=True)
    print(f"{'workload':9s} {'ours s':>8s} {'torch s':>8s} {'ours/torch':>10s} {'torch train-only s':>19s} {'ours/that':>9s} "
          f"{'ours GFLOP/s':>12s} {'of GEMM peak':>12s}  (ours min-max, torch min-max)")
    for n in names:
        o, t = statistics.median(times[n]["ours"]), statistics.median(times[n]["torch"])
        t2 = statistics.median(times[n]["torch_train_only"]) if times[n]["torch_train_only"] else None
        gf = flops(n) / o / 1e9
        peak = f"{100 * gf / a.gemm_peak:.0f}%" if a.gemm_peak > 0 else "-"
        print(f"{n:9s} {o:8.2f} {t:8.2f} {o / t:10.3f} {('%.2f' % t2) if t2 else '-':>19s} {('%.3f' % (o / t2)) if t2 else '-':>9s} "
              f"{gf:12.1f} {peak:>12s}  ({min(times[n]['ours']):.2f}-{max(times[n]['ours']):.2f}, "
              f"{min(times[n]['torch']):.2f}-{max(times[n]['torch']):.2f})")
    print(json.dumps({"times": times, "gemm_peak": a.gemm_peak}))


if __name__ == "__main__":
    main()
