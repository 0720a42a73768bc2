#!/usr/bin/env python3
"""Writer w8: students, scientists, game devs, quants, embedded/robotics, analysts, PMs, tech writers.
Writes w8.jsonl deterministically."""
import json, random, os

ROWS = []

def add(label, category, domain, voice, trap, rationale, prompt, language="en"):
    ROWS.append({"prompt": prompt, "label": label, "rationale": rationale, "category": category,
                 "domain": domain, "voice": voice, "language": language, "trap": trap})

# ---------------------------------------------------------------- long material generators

def gen_can_log(seed, n):
    """candump-style log with robot status frames."""
    rnd = random.Random(seed)
    ids = [("0x181", 8), ("0x182", 8), ("0x281", 6), ("0x701", 1), ("0x0A0", 8), ("0x3E1", 4), ("0x201", 8), ("0x080", 0)]
    out = []
    t = 1732950000.0
    for i in range(n):
        t += rnd.choice([0.001, 0.002, 0.005, 0.010, 0.010, 0.020]) + rnd.randint(0, 400) / 1e6
        cid, dlc = rnd.choice(ids)
        if cid == "0x701":
            data = "05"
        else:
            data = " ".join("%02X" % rnd.randint(0, 255) for _ in range(dlc))
        out.append(f"({t:.6f}) can0 {cid[2:]:>3}#{data.replace(' ', '')}   [{dlc}]  {data}")
        if rnd.random() < 0.004:
            out.append(f"({t + 0.0003:.6f}) can0 20000004#0000000000000000   ERRORFRAME  controller-problem{{rx-error-warning}}")
    return "\n".join(out)

def gen_md_log(seed, n):
    """LAMMPS-style thermo output."""
    rnd = random.Random(seed)
    out = ["LAMMPS (2 Aug 2023 - Update 1)", "OMP_NUM_THREADS environment is not set. Defaulting to 1 thread.",
           "Reading data file ...", "  orthogonal box = (0 0 0) to (42.17 42.17 42.17)", "  2 by 2 by 2 MPI processor grid",
           "  reading atoms ...", "  8000 atoms", "Neighbor list info ...", "  update: every = 1 steps, delay = 0 steps, check = yes",
           "  master list distance cutoff = 2.8", "Setting up Verlet run ...", "  Unit style    : lj", "  Current step  : 0",
           "  Time step     : 0.005",
           "Per MPI rank memory allocated (min/avg/max) = 3.184 | 3.184 | 3.184 Mbytes",
           "   Step          Temp          E_pair         E_mol          TotEng         Press     "]
    T, E, P = 1.44, -6.7733681, -5.0196694
    for step in range(0, n * 100, 100):
        T += rnd.uniform(-0.02, 0.02) - (T - 0.72) * 0.01
        E += rnd.uniform(-0.01, 0.01) + (T - 0.72) * -0.0005
        P += rnd.uniform(-0.05, 0.05)
        out.append(f"  {step:>8}   {T:>12.7f}  {E:>13.7f}   0            {E + 1.5 * T:>13.7f}  {P:>12.7f}")
    out.append(f"Loop time of {rnd.uniform(80, 120):.3f} on 8 procs for {n*100} steps with 8000 atoms")
    out.append("Performance: 43219.113 tau/day, 100.044 timesteps/s, 800.352 katom-step/s")
    out.append("MPI task timing breakdown:")
    out.append("Section |  min time  |  avg time  |  max time  |%varavg| %total")
    for sec in ["Pair", "Neigh", "Comm", "Output", "Modify", "Other"]:
        a = rnd.uniform(0.1, 60)
        out.append(f"{sec:<8}| {a:10.4f} | {a*1.02:10.4f} | {a*1.05:10.4f} |  {rnd.uniform(0.1,5):4.1f} | {rnd.uniform(0.1,70):5.2f}")
    out.append("Total wall time: 0:01:39")
    return "\n".join(out)

def gen_trades_csv(seed, n):
    rnd = random.Random(seed)
    syms = {"AAPL": 189.0, "MSFT": 378.0, "NVDA": 468.0, "TSLA": 241.0, "JPM": 156.0, "XOM": 104.0, "SPY": 455.0, "QQQ": 390.0}
    out = ["trade_id,timestamp,symbol,side,qty,price,fee,account,strategy"]
    h, m, s, ms = 9, 30, 0, 0
    for i in range(n):
        ms += rnd.randint(10, 9000)
        s += ms // 1000; ms %= 1000
        m += s // 60; s %= 60
        h += m // 60; m %= 60
        sym = rnd.choice(list(syms))
        syms[sym] *= 1 + rnd.uniform(-0.0015, 0.0015)
        qty = rnd.choice([1, 5, 10, 25, 50, 100, 200, 500])
        fee = round(max(0.35, qty * 0.0035), 4)
        out.append(f"T{100000 + i},2026-11-27T{h:02d}:{m:02d}:{s:02d}.{ms:03d}Z,{sym},{rnd.choice(['BUY','SELL'])},{qty},"
                   f"{syms[sym]:.2f},{fee},{rnd.choice(['ACC-01','ACC-02','ACC-07'])},{rnd.choice(['mr_v2','mom_fast','pairs_xom_cvx'])}")
    return "\n".join(out)

def gen_fortran(seed, n):
    rnd = random.Random(seed)
    out = ["module heat_solver", "  use iso_fortran_env, only: dp => real64", "  implicit none", "  private",
           "  public :: init_grid, step_explicit, apply_bc, residual_norm", "", "contains", ""]
    names = ["init_grid", "step_explicit", "apply_bc", "residual_norm"]
    for k in range(n):
        nm = names[k] if k < len(names) else f"helper_{rnd.choice(['flux','interp','smooth','restrict','prolong','limit'])}_{k}"
        a = rnd.choice(["u", "phi", "temp", "rho"])
        out += [f"  subroutine {nm}({a}, nx, ny, dx, dy, alpha)",
                f"    integer, intent(in) :: nx, ny",
                f"    real(dp), intent(inout) :: {a}(0:nx+1, 0:ny+1)",
                f"    real(dp), intent(in) :: dx, dy, alpha",
                f"    real(dp) :: tmp(0:nx+1, 0:ny+1)",
                f"    integer :: i, j",
                f"    tmp = {a}",
                f"    do j = 1, ny",
                f"      do i = 1, nx",
                f"        {a}(i,j) = tmp(i,j) + alpha * ( (tmp(i+1,j) - 2.0_dp*tmp(i,j) + tmp(i-1,j)) / dx**2 &",
                f"                 + (tmp(i,j+1) - 2.0_dp*tmp(i,j) + tmp(i,j-1)) / dy**2 ) * {rnd.choice(['0.25_dp','0.5_dp','1.0e-3_dp','dt_local'])}",
                f"      end do",
                f"    end do",
                f"  end subroutine {nm}", ""]
    out.append("end module heat_solver")
    return "\n".join(out)

def gen_matlab(seed, n):
    rnd = random.Random(seed)
    out = ["%% spectral_analysis.m -- vibration analysis of bearing test rig", "clear; close all; clc;",
           "fs = 25600;            % sampling rate [Hz]", "data = load('rig_run_042.mat');", "x = data.accel(:,1);",
           "N = length(x);", "t = (0:N-1)/fs;", ""]
    ops = [
        "win = hann({w});\n[Pxx, f] = pwelch(x, win, {o}, {w}, fs);\nfigure; semilogy(f, Pxx); grid on; title('PSD ch{c}');",
        "[b, a] = butter({ord}, [{lo} {hi}]/(fs/2), 'bandpass');\nxf = filtfilt(b, a, x);\nenv = abs(hilbert(xf));",
        "E = fft(env - mean(env));\nE = abs(E(1:floor(N/2)))/N;\nfe = (0:floor(N/2)-1)*fs/N;\nfigure; plot(fe, E); xlim([0 {xl}]);",
        "for k = 1:{kk}\n    seg = x((k-1)*{w}+1:k*{w});\n    rmsv(k) = sqrt(mean(seg.^2));\n    kurt(k) = kurtosis(seg);\nend",
        "BPFO = {bp} * shaft_hz;\nidx = find(abs(fe - BPFO) < {tol});\npk(end+1) = max(E(idx));",
        "x = data.accel(:,{c});\nx = detrend(x);\nx = x - mean(x);",
        "S = spectrogram(x, hann({w}), {o}, {w}, fs, 'yaxis');\nimagesc(10*log10(abs(S)));  axis xy; colorbar;",
    ]
    for i in range(n):
        op = rnd.choice(ops)
        out.append(f"%% section {i+1}")
        out.append(op.format(w=rnd.choice([1024, 2048, 4096, 8192]), o=rnd.choice([512, 1024, 2048]), c=rnd.randint(1, 4),
                             ord=rnd.randint(2, 6), lo=rnd.choice([500, 1000, 2000]), hi=rnd.choice([5000, 8000, 10000]),
                             xl=rnd.choice([300, 500, 1000]), kk=rnd.randint(10, 200), bp=rnd.choice(["3.572", "5.428", "4.11"]),
                             tol=rnd.choice([0.5, 1, 2])))
        out.append("")
    return "\n".join(out)

def gen_unity_cs(seed, n):
    rnd = random.Random(seed)
    out = ["using System.Collections.Generic;", "using System.Linq;", "using UnityEngine;", "",
           "public class EnemySwarmController : MonoBehaviour", "{",
           "    [SerializeField] private GameObject enemyPrefab;", "    [SerializeField] private Transform player;",
           "    [SerializeField] private int maxEnemies = 400;", "    private List<Enemy> enemies = new List<Enemy>();", ""]
    bodies = [
        "        var alive = enemies.Where(e => e.IsAlive).ToList();\n        foreach (var e in alive) e.Tick(Time.deltaTime);",
        "        for (int i = 0; i < enemies.Count; i++)\n        {{\n            var r = enemies[i].GetComponent<Rigidbody>();\n            r.AddForce((player.position - r.position).normalized * {f}f);\n        }}",
        "        var near = Physics.OverlapSphere(player.position, {f}f);\n        foreach (var c in near) if (c.CompareTag(\"Enemy\")) Debug.Log(\"near: \" + c.name);",
        "        string label = \"Enemies: \" + enemies.Count + \" / \" + maxEnemies;\n        hudText.text = label;",
        "        if (enemies.Count < maxEnemies && Random.value < {p}f)\n        {{\n            var go = Instantiate(enemyPrefab, RandomSpawn(), Quaternion.identity);\n            enemies.Add(go.GetComponent<Enemy>());\n        }}",
        "        foreach (var e in FindObjectsOfType<Enemy>())\n            if (Vector3.Distance(e.transform.position, player.position) > {f}f) Destroy(e.gameObject);",
        "        var sorted = enemies.OrderBy(e => (e.transform.position - player.position).sqrMagnitude).Take({k}).ToArray();\n        targeting.SetTargets(sorted);",
    ]
    meths = ["Update", "FixedUpdate", "LateUpdate"]
    for i in range(n):
        m = meths[i] if i < 3 else f"Step{rnd.choice(['Spawn','Steer','Cull','Hud','Target','Flock'])}{i}"
        out.append(f"    private void {m}()")
        out.append("    {")
        out.append(rnd.choice(bodies).format(f=rnd.choice([5, 12, 40, 80]), p=rnd.choice([0.02, 0.05, 0.1]), k=rnd.choice([4, 8, 16])))
        out.append("    }")
        out.append("")
    out.append("    private Vector3 RandomSpawn() => player.position + Random.onUnitSphere * 30f;")
    out.append("}")
    return "\n".join(out)

def gen_ros_log(seed, n):
    rnd = random.Random(seed)
    nodes = ["/move_base", "/amcl", "/robot_state_publisher", "/lidar_driver", "/base_controller", "/ekf_localization"]
    msgs = ["Got new plan", "Received a 640 X 480 map at 0.050000 m/pix", "Publishing odom at 50 Hz",
            "Requesting the map...", "Recovery behavior will clear the costmap",
            "Control loop missed its desired rate of 20.0000Hz... the loop actually took {x} seconds",
            "scan received, {k} points", "cmd_vel linear={v} angular={w}", "Initializing with pose (1.20, 0.45, 0.00)"]
    out = []
    t = 1732960000.0
    for i in range(n):
        t += rnd.uniform(0.01, 0.4)
        lvl = rnd.choice(["INFO"] * 8 + ["WARN", "DEBUG"])
        msg = rnd.choice(msgs).format(x=round(rnd.uniform(0.05, 0.2), 4), k=rnd.randint(700, 720),
                                       v=round(rnd.uniform(0, 0.5), 3), w=round(rnd.uniform(-0.8, 0.8), 3))
        out.append(f"[ {lvl}] [{t:.6f}] [{rnd.choice(nodes)}]: {msg}")
    out.append(f"[ERROR] [{t+0.2:.6f}] [/move_base]: Extrapolation Error looking up robot pose: Lookup would require extrapolation 0.512s into the future.  Requested time {t+0.7:.6f} but the latest data is at time {t+0.19:.6f}, when looking up transform from frame [base_link] to frame [map]")
    out.append(f"[ WARN] [{t+0.25:.6f}] [/move_base]: Could not get robot pose, cancelling reconfiguration")
    out.append(f"[ WARN] [{t+0.31:.6f}] [/ekf_localization]: Transform from imu_link to base_link was unavailable for the time requested. Using latest instead.")
    return "\n".join(out)

def gen_serial_log(seed, n):
    rnd = random.Random(seed)
    out = []
    ms = 0
    for i in range(n):
        ms += rnd.randint(8, 60)
        r = rnd.random()
        if r < 0.03:
            out.append(f"{ms:>9} [W] IMU timeout, retry {rnd.randint(1,3)}")
        elif r < 0.05:
            out.append(f"{ms:>9} [I] batt={rnd.uniform(11.1, 12.6):.2f}V")
        else:
            out.append(f"{ms:>9} [D] ax={rnd.uniform(-1,1):+.3f} ay={rnd.uniform(-1,1):+.3f} az={rnd.uniform(9.6,9.9):.3f} "
                       f"gx={rnd.uniform(-3,3):+.2f} gy={rnd.uniform(-3,3):+.2f} gz={rnd.uniform(-3,3):+.2f} pwmL={rnd.randint(0,255)} pwmR={rnd.randint(0,255)}")
    return "\n".join(out)

def gen_mpi_log(seed, n):
    rnd = random.Random(seed)
    out = ["SLURM_JOB_ID=4471823  nodes=16  ntasks=512", "Running: srun ./ocean_model namelist.ocn", ""]
    it = 0
    for i in range(n):
        it += 1
        r = rnd.randint(0, 511)
        k = rnd.random()
        if k < 0.6:
            out.append(f"[rank {r:03d}] iter {it:06d} halo_exchange done t={rnd.uniform(0.8, 2.4):.3f}ms")
        elif k < 0.85:
            out.append(f"[rank 000] iter {it:06d} global residual={10**rnd.uniform(-9,-4):.4e} dt={rnd.uniform(29.5, 30.0):.3f}s")
        elif k < 0.97:
            out.append(f"[rank {r:03d}] iter {it:06d} checkpoint write {rnd.randint(40, 80)}MB to /scratch/ocn/chk_{it:06d}.h5 in {rnd.uniform(0.2, 9.0):.2f}s")
        else:
            out.append(f"[rank {r:03d}] iter {it:06d} MPI_Waitall waited {rnd.uniform(50, 4000):.1f}ms (neighbours {rnd.randint(0,511)},{rnd.randint(0,511)})")
    out.append("slurmstepd: error: *** STEP 4471823.0 ON nid00412 CANCELLED AT 2026-11-29T03:14:07 DUE TO TIME LIMIT ***")
    return "\n".join(out)

def gen_sales_csv(seed, n):
    rnd = random.Random(seed)
    out = ["OrderDate,Region,Rep,Product,Units,UnitPrice,Discount"]
    for i in range(n):
        out.append(f"2026-{rnd.randint(1,11):02d}-{rnd.randint(1,28):02d},{rnd.choice(['North','South','East','West','Central'])},"
                   f"{rnd.choice(['Ayşe K.','Minh T.','Priya S.','Omar H.','Laura B.','Tom W.'])},{rnd.choice(['Widget A','Widget B','Gadget Pro','Gadget Mini','Service Plan'])},"
                   f"{rnd.randint(1,120)},{rnd.choice([9.99, 14.5, 129.0, 79.0, 249.0])},{rnd.choice(['0%','5%','10%','15%'])}")
    return "\n".join(out)

# ---------------------------------------------------------------- batch 1: long pastes

add("opus", "debug", "systems", "verbose", "easy-words-hard",
    "Intermittent stop across CAN bus, drivers and firmware with no clear lead: theory across components needed",
    "Hi, I'm a master's student working on a small warehouse robot (STM32 motor controllers + a Jetson running ROS 2, "
    "talking over CAN at 500 kbit/s). Every few hours the robot just stops. No crash, the Jetson is still alive, but the "
    "motors stop getting commands and after about 2 seconds they recover on their own. Sometimes it happens twice in an "
    "hour, sometimes not for a whole day. My supervisor says it's 'probably the bus' but I don't really know where to start. "
    "Here is a candump from the last event (the stop happens somewhere near the end). IDs: 0x181/0x182 are the motor "
    "controller TPDOs, 0x201 is our velocity command, 0x701 heartbeat, 0x080 SYNC, 0x0A0 IMU, 0x3E1 battery, 0x281 encoder.\n\n"
    + gen_can_log(801, 2000) +
    "\n\nCan you figure out what is happening and what I should check? I'd rather understand the cause than just add a watchdog.")

add("haiku", "question", "data", "terse", "long-trivial",
    "Reading two values off the end of a long log: checkable at a glance",
    "lammps output below. what's the final Temp and the total wall time?\n\n" + gen_md_log(802, 520))

add("sonnet", "implement", "data", "plain", None,
    "Clear-spec pandas feature (FIFO lot matching PnL) over a pasted CSV: careful multi-step work, no design",
    "Below is one day of fills from our paper-trading account. I need a pandas script that computes realized PnL per "
    "symbol and per strategy using FIFO lot matching (a SELL closes the oldest open BUY lots first; short positions are "
    "possible, then a BUY closes the oldest open SELL lots). Fees are subtracted from PnL. Output a DataFrame indexed by "
    "(symbol, strategy) with columns realized_pnl, fees, n_round_trips, open_qty. Use Decimal for the money math, the "
    "desk complains about float rounding.\n\n```csv\n" + gen_trades_csv(803, 560) + "\n```")

add("haiku", "edit", "systems", "plain", "long-trivial",
    "Adding a license header to a long file is mechanical, whatever its length",
    "Please add this header at the very top of the module, nothing else changes:\n\n"
    "! Copyright (c) 2026 Institute for Climate Modelling, University of Ankara\n! SPDX-License-Identifier: BSD-3-Clause\n\n"
    "```fortran\n" + gen_fortran(804, 24) + "\n```")

add("sonnet", "refactor", "data", "verbose", None,
    "Translating a whole long MATLAB script to numpy/scipy: many careful steps, rubric tie-breaker 5",
    "Our lab is moving off MATLAB because the licences got too expensive. This is the script our bearing-fault group uses. "
    "Could you translate it to Python (numpy, scipy.signal, matplotlib)? Please keep the section structure and comments so "
    "my colleagues can compare side by side, and watch out for the 1-based indexing and the fact that MATLAB's pwelch and "
    "scipy's welch have slightly different defaults. The .mat file has a struct 'accel' of shape (N, 4).\n\n```matlab\n"
    + gen_matlab(805, 125) + "\n```")

add("sonnet", "review", "general", "plain", None,
    "Reviewing a Unity script for GC allocations and per-frame costs: everyday perf review with known fixes",
    "Game drops from 120 to 40 fps once there are ~300 enemies. Profiler shows lots of GC.Alloc in this script. Can you "
    "go through it and list what allocates or is expensive per frame, and how to fix each one?\n\n```csharp\n"
    + gen_unity_cs(806, 70) + "\n```")

add("sonnet", "debug", "systems", "non-native", None,
    "ROS log with explicit TF extrapolation error points at the cause: everyday debugging",
    "Hello, I am using ROS noetic with move_base and amcl on our robot. After some minutes the robot is stopping and "
    "I see this error in the end of the log. I don't understand what means 'extrapolation into the future', the clock "
    "is same on both computer I think? Please help what I must change.\n\n" + gen_ros_log(807, 160))

add("opus", "debug", "systems", "verbose", None,
    "Intermittent hang in a 512-rank MPI job with no clear lead: cross-component theory needed",
    "Our ocean model runs on 512 ranks. Roughly one run in five stalls somewhere and gets killed by the time limit; "
    "the other runs finish in 3 hours. It's never the same iteration. Some runs show long MPI_Waitall waits just "
    "before, but we also see those in good runs. We changed nothing in the code, but the cluster got a Lustre update "
    "last month and we also started writing checkpoints every 500 iterations instead of every 5000. Here's the tail of "
    "a stalled run's stdout. What could cause this and how would you narrow it down?\n\n" + gen_mpi_log(808, 260))

add("haiku", "question", "systems", "typos", "long-trivial",
    "Counting one message in a long log is mechanical",
    "how many times does 'IMU timeout' apear in this serial log from my arduino? just the number pls\n\n"
    + gen_serial_log(809, 260))

add("haiku", "question", "data", "plain", "long-trivial",
    "One spreadsheet SUMIFS formula; the pasted CSV only shows the layout",
    "This is exported from our sales sheet (columns A to G, header in row 1). I need a formula in another sheet that "
    "gives total units for Region = 'West' and Product = 'Gadget Pro' in October 2026. Google Sheets.\n\n"
    + gen_sales_csv(810, 250))

# ---------------------------------------------------------------- batch 2: students and beginners
A = add
A("haiku", "debug", "general", "verbose", None,
  "Classic off-by-one in a short loop: obvious at a glance",
  "sorry if this is dumb but my loop prints 1 to 9 and I want 1 to 10??\n\nfor i in range(1, 10):\n    print(i)")
A("haiku", "explain", "general", "plain", None,
  "Common beginner error message explained in a sentence",
  "What does \"TypeError: can only concatenate str (not \"int\") to str\" mean? My code is print(\"Score: \" + score)")
A("sonnet", "explain", "general", "verbose", "easy-words-hard",
  "Why closures in a loop all see the last value: subtle behaviour explanation, tie-breaker 7",
  "ok so this is for my JS class. I make 3 buttons in a loop and each one should alert its number but they ALL say 3. "
  "my teacher said 'it's because of var' but didn't explain why and changing to let fixes it which is even more confusing. "
  "why does that happen??\n\nvar buttons = [];\nfor (var i = 0; i < 3; i++) {\n  buttons.push(function() { alert(i); });\n}\n"
  "buttons[0](); // 3 ?!")
A("haiku", "question", "general", "terse", None,
  "Well-known short answer",
  "difference between == and is in python")
A("sonnet", "implement", "general", "verbose", None,
  "Homework-style implementation with clear spec (linked list with several methods)",
  "For my data structures course I have to write a singly linked list in C with these functions: push_front, push_back, "
  "pop_front, remove_value (removes first occurrence), reverse (in place), and free_list. No global variables, all "
  "functions take a pointer to the head pointer. Can you write it with comments so I understand each step? We are not "
  "allowed to use anything except stdlib.h and stdio.h.")
A("opus", "question", "general", "plain", "easy-words-hard",
  "Asks for a correctness proof of an algorithm: formal reasoning",
  "my professor wants us to prove that Dijkstra doesn't work with negative edges but Bellman-Ford does, and also prove "
  "Bellman-Ford finds a negative cycle if there is one. how do I write these proofs properly? like the actual proof, "
  "not just an example")
A("haiku", "debug", "general", "typos", None,
  "Missing colon syntax error, obvious",
  "why is this sytax error?? \n\nif x > 5\n    print(\"big\")")
A("haiku", "question", "general", "non-native", None,
  "Simple how-to: reverse a string in Java",
  "Hello sir, how to reverse string in java? I am trying but not working. Please give simple code.")
A("sonnet", "debug", "general", "verbose", None,
  "Recursion bug in a student's merge sort with a wrong split: identifiable cause, needs tracing",
  "I wrote merge sort for homework and it works on small arrays but for [5, 2, 9, 1, 5, 6, 3] I get a RecursionError. "
  "I don't get why because it has a base case??\n\n```python\ndef merge_sort(a):\n    if len(a) <= 1:\n        return a\n"
  "    mid = len(a) // 2 + 1\n    left = merge_sort(a[:mid])\n    right = merge_sort(a[mid:])\n    return merge(left, right)\n\n"
  "def merge(l, r):\n    out = []\n    i = j = 0\n    while i < len(l) and j < len(r):\n        if l[i] < r[j]:\n"
  "            out.append(l[i]); i += 1\n        else:\n            out.append(r[j]); j += 1\n    return out + l[i:] + r[j:]\n```")
A("haiku", "explain", "general", "plain", "hard-words-easy",
  "Defines a term; big-sounding words, short known answer",
  "What does 'amortized O(1)' mean for Python list append? Our lecture used 'amortized asymptotic complexity under the "
  "aggregate method' and I got lost, I just need the idea.")
A("opus", "design", "general", "plain", "short-hard",
  "Novel algorithmic design with complexity guarantees",
  "how would I make a data structure that supports insert, delete, and get-median all in O(log n), and also "
  "'get the k-th smallest' in O(log n)? need to justify the bounds")
A("haiku", "question", "general", "terse", None,
  "One-liner",
  "c: how to print a double with 3 decimals")
A("sonnet", "test", "general", "plain", None,
  "Writing unit tests for a small existing function",
  "Can you write pytest tests for this? I need to hand them in with the assignment, covering normal cases and edge cases.\n\n"
  "def grade(score):\n    if not isinstance(score, (int, float)):\n        raise TypeError('score must be a number')\n"
  "    if score < 0 or score > 100:\n        raise ValueError('score out of range')\n    if score >= 90: return 'A'\n"
  "    if score >= 80: return 'B'\n    if score >= 70: return 'C'\n    if score >= 60: return 'D'\n    return 'F'")
A("haiku", "explain", "general", "non-native", None,
  "What a 3-line snippet does",
  "Bu kod ne yapıyor? I'm from Turkey, sorry my english. \n\nnums = [3, 8, 1]\nnums.sort(reverse=True)\nprint(nums[0])")
A("sonnet", "implement", "general", "follow-up", None,
  "Follow-up asking to extend the earlier linked list with a new function and tests: several steps",
  "ok that worked!! now can you also add insert_sorted and a main() that tests all the functions with asserts")
A("sonnet", "debug", "general", "typos", None,
  "Scanf leftover newline bug in C: subtle-ish but well known, needs explanation and fix",
  "my c program skips the second input, it asks for age then just dosnt let me type the name??\n\n"
  "int age; char name[50];\nprintf(\"age: \"); scanf(\"%d\", &age);\nprintf(\"name: \"); fgets(name, 50, stdin);\n"
  "printf(\"hi %s you are %d\", name, age);")
A("haiku", "question", "general", "verbose", "hard-words-easy",
  "Asks what a term means; the vocabulary is heavy, answer is short",
  "In my discrete math class they say a relation is 'reflexive, antisymmetric and transitive' so it's a partial order. "
  "Can you just tell me in plain words what antisymmetric means with one example? The textbook definition with "
  "quantifiers is killing me.")
A("opus", "debug", "general", "verbose", "easy-words-hard",
  "Heisenbug that vanishes with prints in C: likely UB/memory corruption, no clear lead",
  "my C homework (a small text adventure) crashes randomly, like 1 out of 10 runs, with segmentation fault. when I add "
  "printf to find where, it stops crashing. when I compile with -O0 it never crashes, with -O2 sometimes. the code is "
  "like 900 lines over 6 files so I can't paste all. what is going on and how do I even find this? I have valgrind on "
  "the lab machine but I don't know how to read it.")
A("haiku", "question", "general", "terse", None,
  "Short well-known fact",
  "git: undo last commit but keep changes?")
A("sonnet", "explain", "general", "plain", None,
  "Explaining a non-trivial function of dozens of lines",
  "We were given this code for a sudoku solver and have to explain it in our report. Can you walk through how it works, "
  "especially the backtracking part?\n\n```python\ndef find_empty(b):\n    for r in range(9):\n        for c in range(9):\n"
  "            if b[r][c] == 0:\n                return r, c\n    return None\n\ndef valid(b, n, pos):\n    r, c = pos\n"
  "    if n in b[r]: return False\n    if any(b[i][c] == n for i in range(9)): return False\n    br, bc = 3 * (r // 3), 3 * (c // 3)\n"
  "    for i in range(br, br + 3):\n        for j in range(bc, bc + 3):\n            if b[i][j] == n: return False\n    return True\n\n"
  "def solve(b):\n    pos = find_empty(b)\n    if not pos:\n        return True\n    r, c = pos\n    for n in range(1, 10):\n"
  "        if valid(b, n, pos):\n            b[r][c] = n\n            if solve(b):\n                return True\n"
  "            b[r][c] = 0\n    return False\n```")
A("haiku", "edit", "general", "plain", None,
  "Mechanical rename",
  "rename the variable `x` to `total_price` everywhere in this:\n\nx = 0\nfor item in cart:\n    x += item.price * item.qty\nif x > 100:\n    x *= 0.9\nprint(x)")
A("sonnet", "implement", "general", "non-native", None,
  "Small program with clear spec: tic-tac-toe with win detection",
  "Xin chào, I am student from Vietnam. I need make tic tac toe game in console Python, two player, check who win "
  "and draw, and ask play again. Please write with comment, my teacher want the code easy to read.")
A("haiku", "question", "general", "other-language", None,
  "Simple factual question in Vietnamese",
  "Sự khác nhau giữa list và tuple trong Python là gì? Giải thích ngắn gọn giúp mình với.", language="vi")
A("sonnet", "debug", "general", "other-language", None,
  "Wrong output from float comparison in a loop: identifiable cause, explanation needed (Turkish)",
  "Merhaba, bu döngü neden hiç bitmiyor? 0.1 ekleyip 1.0'a gelince durması lazım ama sonsuza kadar gidiyor.\n\n"
  "x = 0.0\nwhile x != 1.0:\n    x += 0.1\n    print(x)\n\nNeden böyle oluyor ve doğru yazımı nasıl olmalı?", language="tr")
A("haiku", "question", "general", "other-language", None,
  "Short how-to in Hindi: read a file line by line",
  "Python में एक फ़ाइल को लाइन-बाय-लाइन कैसे पढ़ते हैं? छोटा सा उदाहरण दे दीजिए।", language="hi")
A("opus", "question", "general", "plain", "short-hard",
  "Asks for a complexity proof / reduction: formal reasoning",
  "prove that 3-coloring a planar graph is NP-complete")
A("haiku", "explain", "general", "terse", None,
  "Explaining a common compiler error",
  "java says 'missing return statement' but all my ifs return??")
A("sonnet", "test", "general", "follow-up", None,
  "Follow-up asking for tests for previously written code: sonnet per tie-breaker 8",
  "cool. can you write junit tests for that too, my prof checks coverage")

# ---------------------------------------------------------------- batch 3: scientists
A("haiku", "edit", "data", "verbose", "hard-words-easy",
  "Heavy math vocabulary but the task is renaming one variable in a short function",
  "In our Galerkin discretisation of the Helmholtz operator on the Sobolev space H^1_0 we currently call the stiffness "
  "matrix `K` and the mass matrix `M`. The referee asked us to follow the notation of the paper. Please rename `K` to "
  "`A_h` and `M` to `M_h` in this function, nothing else:\n\n```python\ndef assemble(mesh, k):\n    K = stiffness(mesh)\n"
  "    M = mass(mesh)\n    S = K - k**2 * M\n    return S, K, M\n```")
A("haiku", "question", "data", "terse", None,
  "numpy one-liner",
  "numpy: indices of the 5 largest values in a 1d array?")
A("sonnet", "debug", "data", "plain", None,
  "scipy solve_ivp stiff problem blowing up: identifiable cause (wrong method / tolerances)",
  "solve_ivp on my chemical kinetics model (Robertson problem, 3 species) takes forever and then fails with "
  "'Required step size is less than spacing between numbers'. I'm using the default method.\n\n```python\n"
  "def rober(t, y):\n    y1, y2, y3 = y\n    return [-0.04*y1 + 1e4*y2*y3,\n            0.04*y1 - 1e4*y2*y3 - 3e7*y2**2,\n"
  "            3e7*y2**2]\n\nsol = solve_ivp(rober, (0, 1e5), [1, 0, 0])\n```\nWhat should I change?")
A("opus", "design", "data", "verbose", None,
  "Choosing a parallel decomposition for a PDE solver with trade-offs: HPC design",
  "We have a 3D compressible Navier-Stokes solver (finite volume, structured grid, ~2000^3 cells) currently parallelised "
  "with a 1D slab decomposition in MPI. It stops scaling past 256 ranks. We're considering 2D pencil vs full 3D block "
  "decomposition, and also whether to go hybrid MPI+OpenMP or MPI+CUDA on the new GPU partition (4x A100 per node). "
  "The FFT-based pressure solve is the part that worries me most. Can you lay out the trade-offs (communication volume, "
  "halo sizes, the all-to-all in the FFT transposes, load balance with immersed boundaries) and recommend a plan?")
A("haiku", "question", "data", "plain", None,
  "Short R how-to",
  "In R, how do I read a csv where the decimal separator is a comma? The German Excel export gives 3,14 instead of 3.14.")
A("sonnet", "refactor", "data", "plain", None,
  "Vectorising a nested-loop numpy function: everyday refactor with known technique",
  "This pairwise distance function is super slow for 20k points. Can you vectorise it with numpy (or scipy) and "
  "keep the same output?\n\n```python\ndef pair_dist(X):\n    n = X.shape[0]\n    D = np.zeros((n, n))\n"
  "    for i in range(n):\n        for j in range(n):\n            D[i, j] = np.sqrt(np.sum((X[i] - X[j])**2))\n    return D\n```\n"
  "Memory is 64GB, so the full matrix fits but barely.")
A("haiku", "edit", "data", "plain", "hard-words-easy",
  "Fixing a typo in a docstring; the topic sounds advanced",
  "fix the spelling in the docstring: \"Computes the Lyapunov exponnet of the Lorenz attractor via QR re-orthonormalisation "
  "of the tangent-space Jacobian flow.\"")
A("opus", "debug", "data", "verbose", "easy-words-hard",
  "Results differ across runs/core counts in a parallel reduction: floating-point nondeterminism, no clear lead",
  "My simulation gives slightly different answers depending on how many MPI ranks I use, and sometimes even between two "
  "runs with the same number of ranks. The differences are small at first (1e-14) but after 10^6 steps the final energy "
  "differs in the 3rd digit. My advisor says the physics is chaotic so that's expected, but a reviewer asked us to "
  "prove our results are reproducible. Where can the nondeterminism come from, and what can we do to get bitwise "
  "reproducible runs without killing performance?")
A("haiku", "question", "data", "terse", None,
  "Short Julia syntax question",
  "julia: what's the . in sin.(x)")
A("sonnet", "implement", "data", "verbose", None,
  "Implementing an RK4 integrator with adaptive step: clear spec, several steps",
  "For a celestial mechanics class project I need a Runge-Kutta-Fehlberg 4(5) integrator in numpy with adaptive step "
  "size control (tolerance given by the user), to integrate the restricted three-body problem. It should return the "
  "times and states like solve_ivp does. I know solve_ivp exists, the point of the project is to write it ourselves. "
  "Please include the Butcher tableau as arrays and comments.")
A("haiku", "question", "data", "non-native", None,
  "Short matplotlib how-to",
  "How I can make the y axis logarithmic in matplotlib and also put grid? I try plt.log but not exist.")
A("sonnet", "debug", "data", "plain", None,
  "Fortran array out-of-bounds found via compiler flags: identifiable cause from the message",
  "gfortran with -fcheck=bounds gives:\n\nAt line 47 of file advect.f90\nFortran runtime error: Index '0' of dimension 1 "
  "of array 'q' below lower bound of 1\n\nHere's the loop:\n\n```fortran\ndo i = 1, nx\n   flux(i) = 0.5d0 * u(i) * (q(i) + q(i-1)) &\n"
  "           - 0.5d0 * abs(u(i)) * (q(i) - q(i-1))\nend do\n```\nq is declared q(nx). How should I handle the boundary?")
A("opus", "question", "data", "plain", "short-hard",
  "Numerical analysis proof: stability of a scheme",
  "show the Crank-Nicolson scheme for u_t = a u_xx is unconditionally stable (von Neumann) but not L-stable, and what that means for stiff initial data")
A("haiku", "explain", "data", "verbose", "hard-words-easy",
  "Explain a 2-line numpy snippet; vocabulary sounds heavy",
  "In the context of our spectral element discretisation, what does this line do exactly? "
  "`w = np.einsum('ij,j->i', G, u)`")
A("sonnet", "implement", "data", "plain", None,
  "Integrating a library: MPI-parallel loop with mpi4py, clear spec",
  "I have a Monte Carlo estimate that loops over 10^9 samples in Python (numba-jitted). Can you turn it into an mpi4py "
  "program where each rank does a chunk with its own RNG stream (numpy SeedSequence spawn) and rank 0 reduces the mean "
  "and standard error? Should run with `mpirun -n 64 python mc.py`.")
A("haiku", "question", "data", "plain", None,
  "Known R function",
  "what's the R equivalent of numpy's linspace?")
A("sonnet", "debug", "data", "verbose", None,
  "Pandas SettingWithCopyWarning + wrong results: known cause",
  "I'm a biologist, not a programmer. I filter my plate reader data and then normalise a column, but the original "
  "DataFrame doesn't change and I get 'SettingWithCopyWarning'. Later my plots use the un-normalised values. What am "
  "I doing wrong?\n\n```python\nwells = df[df['plate'] == 'P3']\nwells['od_norm'] = wells['od600'] / wells['od600'].max()\n"
  "df.groupby('strain')['od_norm'].mean().plot(kind='bar')\n```")
A("opus", "debug", "data", "verbose", None,
  "Performance cliff in a numerical kernel needing cache analysis",
  "Our 2D stencil code (C, OpenMP, 5-point Jacobi) runs at ~18 GFLOP/s for N=4000 but drops to ~4 GFLOP/s at N=4096 "
  "and N=8192, and is fine again at N=4100. Same machine, same thread count, pinned threads. We already checked it's not "
  "NUMA first-touch. Why would a power of two be so much slower and what would you do about it? Inner loop:\n\n```c\n"
  "#pragma omp parallel for\nfor (int i = 1; i < N-1; i++)\n  for (int j = 1; j < N-1; j++)\n"
  "    b[i*N+j] = 0.25 * (a[(i-1)*N+j] + a[(i+1)*N+j] + a[i*N+j-1] + a[i*N+j+1]);\n```")
A("haiku", "edit", "data", "terse", None,
  "Convert a small snippet style; mechanical",
  "make these R lines use the native pipe |> instead of %>%:\n\ndf %>% filter(year > 2000) %>% group_by(site) %>% summarise(m = mean(temp))")
A("sonnet", "refactor", "data", "non-native", None,
  "Rewrite short MATLAB function to Julia with care for indexing",
  "Hi, I am postdoc from Iran, moving my code to Julia. Can you convert this MATLAB function to Julia and make it fast "
  "(no global, type stable)?\n\n```matlab\nfunction [x, it] = jacobi(A, b, x0, tol, maxit)\n  D = diag(diag(A));\n  R = A - D;\n"
  "  x = x0;\n  for it = 1:maxit\n    xn = D \\ (b - R*x);\n    if norm(xn - x, inf) < tol\n      x = xn; return;\n"
  "    end\n    x = xn;\n  end\nend\n```")
A("haiku", "question", "data", "plain", "hard-words-easy",
  "Looks like stochastic calculus, actually asks for a numpy function name",
  "For simulating geometric Brownian motion under the risk-neutral measure with Itô correction, which numpy function "
  "gives me standard normal samples? I keep seeing np.random.randn and np.random.default_rng().standard_normal.")
A("sonnet", "implement", "data", "plain", None,
  "Curve fitting with uncertainties using scipy: clear spec",
  "I have (x, y, sigma_y) data from a decay experiment. Fit y = A exp(-t/tau) + C with scipy.optimize.curve_fit using "
  "the sigmas, print parameters with 1-sigma errors, reduced chi^2, and plot data with error bars + fit + residuals panel "
  "below. Data is in decay.txt, 3 columns whitespace separated.")
A("opus", "design", "data", "plain", "easy-words-hard",
  "Plan for reproducible pipeline across a lab with many moving parts: open design",
  "Our lab has 12 people, each with their own scripts for processing microscope images, and nobody can reproduce "
  "anybody else's figures from two years ago. We want to fix this for the next paper, without forcing everyone to "
  "become software engineers. How should we set this up? Data is ~40 TB on a NAS, some people use MATLAB, some Python, "
  "one person uses Fiji macros.")
A("haiku", "question", "data", "terse", None,
  "Short SLURM fact",
  "slurm: how do I see why my job is pending")
A("sonnet", "ops", "data", "plain", None,
  "Writing an sbatch script for a hybrid MPI+OpenMP job: config work with known steps",
  "Write me an sbatch script for a hybrid job: 8 nodes, 4 MPI ranks per node, 16 OpenMP threads per rank, pin threads "
  "to cores, 12h limit, partition 'compute', load modules gcc/12 openmpi/4.1 hdf5/1.14, and copy results from "
  "$TMPDIR to /project/ocn/runs/$SLURM_JOB_ID at the end even if the job fails.")
A("haiku", "explain", "data", "plain", None,
  "Short common error message",
  "numpy says 'operands could not be broadcast together with shapes (3,4) (3,)'. what does that mean?")
A("opus", "review", "data", "verbose", None,
  "Review of an OpenMP reduction for races: concurrent code review, tie-breaker 10",
  "Can you check if this OpenMP code has race conditions? It builds a histogram of particle energies. Results look "
  "plausible but the total count is sometimes off by a few.\n\n```c\nint hist[NB] = {0};\n#pragma omp parallel for\n"
  "for (long p = 0; p < np; p++) {\n    int b = (int)((E[p] - emin) / de);\n    if (b >= 0 && b < NB) {\n"
  "        #pragma omp atomic\n        hist[b]++;\n    }\n    if (E[p] > emax_seen) emax_seen = E[p];\n"
  "    total++;\n}\n```\nAlso, is atomic the fastest way here or should I use private histograms?")
A("sonnet", "test", "data", "plain", None,
  "Writing property-based tests for numerical function",
  "Write hypothesis tests for my `cumtrapz_uniform(y, dx)` implementation: compare against scipy.integrate.cumulative_trapezoid, "
  "check linearity, check exactness for linear functions, and that it handles length-1 input.")
A("haiku", "question", "data", "typos", None,
  "Short fact question with typos",
  "wats the diffrence between np.array and np.asarray")
A("opus", "design", "ml", "plain", "short-hard",
  "Novel numerical method design",
  "design a symplectic integrator for a charged particle in a non-uniform magnetic field that conserves phase-space volume and is explicit")

# ---------------------------------------------------------------- batch 4: game developers
A("opus", "design", "general", "plain", "easy-words-hard",
  "Networked multiplayer with rollback is distributed-state design with hard trade-offs",
  "we're making a 2-player fighting game and people say the online feels laggy. how should we make online play feel "
  "like local play? we're on Unity, players are usually 50-150ms apart.")
A("haiku", "question", "general", "terse", None,
  "Short Unity fact",
  "unity: difference between Update and FixedUpdate?")
A("sonnet", "debug", "general", "plain", None,
  "Jittery rigidbody camera follow: known cause (Update vs FixedUpdate / interpolation)",
  "My camera follows the player but the player looks jittery when moving, background is smooth. Player is a Rigidbody "
  "moved with AddForce in FixedUpdate. Camera script:\n\n```csharp\nvoid Update() {\n    transform.position = Vector3.Lerp("
  "transform.position, target.position + offset, 10f * Time.deltaTime);\n}\n```\nHow do I fix the jitter?")
A("opus", "debug", "general", "verbose", None,
  "Intermittent physics tunnelling + nondeterminism in lockstep: cross-component theory",
  "Our RTS uses deterministic lockstep. Every few matches (maybe 1 in 30) clients desync around minute 15-20; the "
  "checksum mismatch is always in unit positions. We use our own fixed-point math for movement but Unity's NavMesh for "
  "pathfinding, and the desyncs seem more frequent on matches with mixed AMD/Intel players. Replays of the same inputs "
  "on one machine never desync. How would you hunt this down and what's likely wrong?")
A("haiku", "edit", "general", "plain", None,
  "Mechanical: add [SerializeField] to private fields",
  "add [SerializeField] to every private field here:\n\n```csharp\npublic class Door : MonoBehaviour {\n    private float openAngle = 90f;\n"
  "    private float speed = 2f;\n    private AudioClip creak;\n    public bool locked;\n}\n```")
A("sonnet", "implement", "general", "plain", None,
  "Implementing a known game mechanic (coyote time + jump buffer) with clear spec",
  "Add coyote time (0.1s) and jump buffering (0.15s) to my 2D platformer controller. It uses Rigidbody2D, the new Input "
  "System (PlayerInput with a 'Jump' action) and a ground check via Physics2D.OverlapCircle. Also variable jump height: "
  "releasing jump early cuts upward velocity by half.")
A("haiku", "question", "general", "plain", "hard-words-easy",
  "Quaternion vocabulary, but asks for one built-in function",
  "In Unity, to avoid gimbal lock when composing the quaternion rotation from the Euler angles of my turret's "
  "yaw/pitch, which function do I use to rotate smoothly towards a target rotation? Slerp or RotateTowards?")
A("sonnet", "implement", "general", "verbose", None,
  "Writing a standard shader (toon shading with outline) — clear spec, several pieces",
  "I want a toon shader for URP: 3-band cel shading from the main light, a rim light, and an inverted-hull outline with "
  "configurable width and colour. It must support shadows from the main light. I've only done Shader Graph before, so "
  "HLSL please with comments on what each pass does.")
A("opus", "debug", "general", "verbose", None,
  "Memory corruption crash in Unreal with no clear lead",
  "Unreal 5.3 C++ project. Shipping builds crash randomly after 30-90 minutes of play with EXCEPTION_ACCESS_VIOLATION "
  "in different places each time (once in the GC, once in our inventory component, once in Niagara). Development builds "
  "never crash. We added a lot of raw pointers to UObjects in a custom TMap cache for the inventory last sprint. Where "
  "would you start and what is the most likely class of bug?")
A("haiku", "explain", "general", "plain", None,
  "Explains a common Unreal compile error briefly",
  "UE5: 'error C2664: cannot convert argument 1 from 'AActor *' to 'APawn *''. what does it mean?")
A("sonnet", "debug", "general", "typos", None,
  "OnTriggerEnter not firing: checklist-level known cause",
  "OnTriggerEnter not fireing at all, coin has box collider with is trigger ticked, player has capsule collider and charactercontroller. "
  "no rigidbody anywhere. wat am i missing")
A("opus", "design", "general", "plain", "short-hard",
  "Open design: scalable spatial partitioning for a large sim",
  "design the spatial partitioning and job scheduling for 100k boids in Unity DOTS, with neighbour queries under 2ms")
A("haiku", "question", "general", "non-native", None,
  "Simple fact question",
  "Hello, in Unity what is the meaning of Time.deltaTime? Why I must multiply with speed?")
A("sonnet", "refactor", "general", "plain", None,
  "Refactor a god-class player script into components: everyday refactor",
  "My PlayerController.cs is 900 lines (movement, health, inventory, UI updates, audio). Propose how to split it into "
  "components and do the split for the health part: a Health component with events OnDamaged/OnDied that the UI and "
  "audio subscribe to. I'll paste the rest after.")
A("opus", "explain", "general", "verbose", None,
  "Explaining GPU memory ordering/barriers in a compute shader: concurrency semantics, tie-breaker 7",
  "In my compute shader I do a parallel prefix sum in groupshared memory. It works on NVIDIA but gives garbage on an "
  "AMD card and on Intel integrated. I have GroupMemoryBarrierWithGroupSync() after each step. Could you explain what "
  "the memory model for groupshared actually guarantees, why this could be vendor-dependent, and check my code?\n\n```hlsl\n"
  "groupshared uint tmp[512];\n[numthreads(256,1,1)]\nvoid CSMain(uint gi : SV_GroupIndex) {\n  tmp[gi] = In[gi]; tmp[gi+256] = In[gi+256];\n"
  "  for (uint o = 1; o < 512; o <<= 1) {\n    GroupMemoryBarrierWithGroupSync();\n    uint ai = o*(2*gi+1)-1, bi = o*(2*gi+2)-1;\n"
  "    if (bi < 512) tmp[bi] += tmp[ai];\n  }\n  // down-sweep omitted\n  Out[gi] = tmp[gi];\n}\n```")
A("haiku", "question", "general", "terse", None,
  "One-line shader math",
  "hlsl: remap value from [-1,1] to [0,1]")
A("sonnet", "implement", "general", "plain", None,
  "A* pathfinding on a grid: standard algorithm with clear spec",
  "Implement A* on a 2D grid for my tile-based game in C#: 8-directional movement, no corner cutting through walls, "
  "octile heuristic, weighted tiles (mud costs 3). Use a binary heap priority queue, not a List sort each step.")
A("haiku", "edit", "general", "plain", None,
  "Reformat: convert C# properties to expression-bodied",
  "convert these to expression-bodied members:\n\npublic float Speed { get { return speed; } }\npublic bool IsDead { get { return hp <= 0; } }\npublic int Ammo { get { return clip + reserve; } }")
A("opus", "debug", "general", "plain", "easy-words-hard",
  "Random long frame spikes across engine systems with no lead: performance theory needed",
  "every few minutes our game freezes for like half a second. not every time, doesn't happen in editor, happens more on "
  "console. profiler captures never catch it. we don't know where to look.")
A("sonnet", "explain", "general", "verbose", None,
  "Explaining a mid-size physics integration function",
  "Could you explain what this does step by step? Got it from an old tutorial for car suspension and I want to "
  "understand before tweaking.\n\n```csharp\nvoid FixedUpdate() {\n  foreach (var w in wheels) {\n"
  "    if (Physics.Raycast(w.position, -transform.up, out var hit, restLength + springTravel)) {\n"
  "      float len = hit.distance - wheelRadius;\n      len = Mathf.Clamp(len, restLength - springTravel, restLength + springTravel);\n"
  "      float springVel = (w.lastLength - len) / Time.fixedDeltaTime;\n      float springForce = stiffness * (restLength - len);\n"
  "      float damperForce = damper * springVel;\n      Vector3 f = (springForce + damperForce) * transform.up;\n"
  "      rb.AddForceAtPosition(f, hit.point);\n      w.lastLength = len;\n    }\n  }\n}\n```")
A("haiku", "question", "general", "plain", None,
  "Short factual",
  "what's the difference between a vertex shader and a fragment shader, in two sentences?")
A("sonnet", "implement", "general", "non-native", None,
  "Save system with JSON and versioning: clear spec",
  "Merhaba, I make a mobile game in Unity. I need save/load system: player level, coins, unlocked skins list, settings. "
  "Save to JSON in persistentDataPath, and if in the future I add new field, old saves must still load. Can you write it?")
A("opus", "review", "security", "plain", None,
  "Security review of anti-cheat/score submission: vulnerabilities matter",
  "Review how our game submits high scores. Client computes score, signs it with HMAC using a key embedded in the "
  "binary, sends {score, ts, sig} to our endpoint, server checks sig and ts within 60s. Players are already on the "
  "leaderboard with impossible scores. What's broken and what would a sound design look like?")

# ---------------------------------------------------------------- batch 5: quant / finance
A("haiku", "question", "general", "terse", None,
  "Known short answer",
  "python: round 2.675 to 2 decimals gives 2.67?? why")
A("sonnet", "implement", "general", "plain", None,
  "Black-Scholes pricer with greeks: well-known formulas, clear spec",
  "Write a Python function that prices European calls and puts with Black-Scholes (continuous dividend yield q) and "
  "returns delta, gamma, vega, theta, rho. Vectorised over numpy arrays of strikes. Add a put-call parity check in a test.")
A("opus", "review", "general", "verbose", "easy-words-hard",
  "Backtest leakage review requires judging subtle correctness across pipeline",
  "My backtest shows a Sharpe of 4.1 on daily US equities, 2010-2024, which my PM says is 'too good to be true'. The "
  "strategy ranks stocks by 20-day momentum and a quality score from fundamentals, rebalances monthly, long top decile, "
  "short bottom decile. I use the current S&P 500 constituent list, fundamentals from a vendor CSV keyed by fiscal "
  "period end date, and close prices. Can you tell me everything that might be making it look better than it is?")
A("haiku", "question", "general", "plain", "hard-words-easy",
  "Finance jargon, trivial formula question",
  "For the annualised volatility of a GARCH-filtered daily return series under the physical measure, do I multiply the "
  "daily std by sqrt(252) or sqrt(365)?")
A("sonnet", "debug", "general", "plain", None,
  "Money rounding bug with floats: known cause and fix (Decimal)",
  "Our invoice totals are off by a cent sometimes. Line items are summed like this, then rounded. Why and how to fix?\n\n"
  "```python\ntotal = sum(item.price * item.qty * (1 + item.vat) for item in items)\nreturn round(total, 2)\n```\nprices come from the DB as float.")
A("opus", "design", "general", "plain", None,
  "Exactly-once order handling across broker/ledger: distributed consistency",
  "Design how our trading service should submit orders to the broker API and book them in our ledger so that we never "
  "double-submit or lose a fill, even if our process crashes between sending and receiving the ack, or the broker's "
  "websocket drops fills during a reconnect. Broker supports client order IDs and a REST endpoint to query orders.")
A("haiku", "question", "databases", "plain", None,
  "Single-table SQL select",
  "SQL: get all trades from table trades where symbol = 'AAPL' and trade date is yesterday. Postgres.")
A("sonnet", "implement", "data", "verbose", None,
  "Vectorised backtest with costs: clear-spec implementation",
  "I need a simple vectorised backtester in pandas for a moving-average crossover on daily closes: long when 50d MA > "
  "200d MA, flat otherwise, signal computed on close and traded next day's open, 5 bps cost per side, output equity curve, "
  "CAGR, max drawdown, Sharpe (rf=0). The price DataFrame has columns open, close, indexed by date. Please make sure "
  "there's no lookahead.")
A("opus", "explain", "general", "plain", "short-hard",
  "Derivation with stochastic calculus: formal reasoning",
  "derive the Heston characteristic function and explain the 'little Heston trap' branch cut issue")
A("haiku", "edit", "general", "non-native", None,
  "Mechanical formatting change",
  "Please change all this numbers to have thousand separator and 2 decimal, like 1,234,567.89: 1234567.891, 98000, 45.5, 1000000")
A("sonnet", "debug", "data", "plain", None,
  "Timezone bug in trade timestamps with clear cause",
  "After daylight saving changed, our daily PnL for US equities includes trades from the previous day's afternoon. We "
  "bucket by `df['ts'].dt.date` where ts is UTC. Market is NYSE. What's the right way to assign trades to trading days?")
A("opus", "design", "general", "verbose", None,
  "Numerical method choice for pricing with trade-offs",
  "We price Bermudan swaptions with a one-factor Hull-White tree today. Risk wants sensitivities (bucketed vegas) "
  "overnight for 40k trades and the tree is too slow and noisy for bumping. Options: LSMC with AAD, PDE with adjoint, or "
  "moving to a two-factor model. What would you choose and why, given we also want to support callable range accruals next year?")
A("haiku", "question", "general", "typos", None,
  "Simple concept",
  "whats the diffrence between simple and log returns, when to use wich")
A("sonnet", "test", "general", "plain", None,
  "Tests for an existing money-handling function",
  "Write tests for this allocation function (splits an amount into n parts that sum exactly, distributing the remaining "
  "cents to the first parts). Include negative amounts and n > cents.\n\n```python\nfrom decimal import Decimal\n\n"
  "def allocate(amount: Decimal, n: int) -> list[Decimal]:\n    cents = int((amount * 100).to_integral_value())\n"
  "    base, rem = divmod(cents, n)\n    return [Decimal(base + (1 if i < rem else 0)) / 100 for i in range(n)]\n```")
A("opus", "debug", "general", "plain", None,
  "Intermittent price feed staleness across threads: concurrency without clear lead",
  "Our C++ market data handler occasionally publishes a stale best bid for a few milliseconds after a book update. It "
  "happens maybe 10 times a day on the busiest symbols. Book is updated by the feed thread and read by strategy threads "
  "via a seqlock we wrote ourselves. We can't reproduce it in tests. Here's the seqlock:\n\n```cpp\nstruct SeqLock {\n"
  "  std::atomic<uint64_t> seq{0};\n  Quote q;\n  void write(const Quote& n) {\n    seq.fetch_add(1, std::memory_order_relaxed);\n"
  "    q = n;\n    seq.fetch_add(1, std::memory_order_release);\n  }\n  Quote read() const {\n    Quote r; uint64_t s0, s1;\n"
  "    do {\n      s0 = seq.load(std::memory_order_acquire);\n      r = q;\n      s1 = seq.load(std::memory_order_relaxed);\n"
  "    } while (s0 != s1 || (s0 & 1));\n    return r;\n  }\n};\n```")
A("haiku", "question", "general", "plain", None,
  "Excel function question",
  "Excel: formula to get the XIRR of cash flows in B2:B20 with dates in A2:A20?")
A("sonnet", "implement", "databases", "plain", None,
  "Window-function SQL query of moderate complexity",
  "Postgres: table positions(account, symbol, ts, qty). For each account and symbol I need the position at end of each "
  "day for the last 30 days, carrying forward the last known qty on days without changes. Output account, symbol, day, qty.")
A("haiku", "explain", "general", "verbose", "hard-words-easy",
  "Scary quant term, very short conceptual answer",
  "Sorry for the basic question, I'm a PM new to the desk. People keep saying the 'convexity adjustment for the "
  "futures-forward basis under stochastic rates'. At the simplest level, is this just saying futures and forward rates "
  "differ a little because of daily margining? Yes or no and one sentence is enough.")
A("opus", "review", "security", "plain", None,
  "Security review of payment/wallet code: subtle mistake is a vulnerability",
  "Review this withdrawal endpoint for our crypto wallet service. Looking for security and race issues before launch.\n\n"
  "```python\n@app.post('/withdraw')\ndef withdraw(req: WithdrawReq, user=Depends(auth)):\n    bal = db.scalar(select(Balance.amount).where(Balance.user_id == user.id))\n"
  "    if bal < req.amount:\n        raise HTTPException(400, 'insufficient')\n    txid = chain.send(req.address, req.amount)\n"
  "    db.execute(update(Balance).where(Balance.user_id == user.id).values(amount=bal - req.amount))\n"
  "    db.commit()\n    return {'txid': txid}\n```")
A("sonnet", "debug", "data", "other-language", None,
  "Pandas resample misalignment, identifiable cause (Vietnamese)",
  "Mình resample dữ liệu giá 1 phút thành nến 5 phút bằng df.resample('5T').ohlc() nhưng nến đầu tiên lại bắt đầu lúc "
  "9:00 thay vì 9:15 (giờ mở cửa HOSE là 9:15), và volume bị tính sai. Làm sao để căn đúng phiên giao dịch và gộp volume bằng sum?",
  language="vi")
A("haiku", "question", "general", "other-language", None,
  "Simple Excel question in Turkish",
  "Excel'de bir sütundaki yinelenen değerleri nasıl renklendiririm? Kısaca adımları yazar mısın?", language="tr")

# ---------------------------------------------------------------- batch 6: embedded / robotics
A("haiku", "question", "systems", "terse", None,
  "Short embedded fact",
  "arduino uno: which pins support PWM?")
A("sonnet", "debug", "systems", "typos", None,
  "Classic millis() overflow / blocking delay issue, known fix",
  "my arduino led blink + button code, button only works sometimes. i think its the delay? how do i do it without delay\n\n"
  "void loop() {\n  digitalWrite(13, HIGH); delay(1000);\n  digitalWrite(13, LOW); delay(1000);\n"
  "  if (digitalRead(2) == HIGH) { count++; Serial.println(count); }\n}")
A("opus", "debug", "systems", "verbose", "easy-words-hard",
  "RTOS priority inversion / ISR race described in prose: no clear lead",
  "Our drone flight controller (FreeRTOS on STM32F7) very rarely does a small twitch in flight, maybe once every few "
  "flights. Logs show the attitude loop sometimes runs 3-4 ms late. We have the IMU read in an interrupt, a mutex around "
  "the SPI bus shared with the SD card logger task, and a low-priority telemetry task that also uses that mutex for a "
  "barometer on the same bus. Nothing obvious in the code. What would you suspect and how would you confirm it?")
A("haiku", "explain", "systems", "plain", "hard-words-easy",
  "Sounds like low-level hardware theory; it's explaining one register line",
  "On the ATmega328P, regarding the timer/counter prescaler and the waveform generation mode bits, what does this "
  "single line do? `TCCR1B |= (1 << CS12);`")
A("sonnet", "implement", "systems", "plain", None,
  "Driver for an I2C sensor with known datasheet steps",
  "Write an Arduino library (header + cpp) for the BMP280 over I2C: init with chip ID check, read calibration data, "
  "read compensated temperature (°C) and pressure (Pa) using the integer compensation formulas from the datasheet, and "
  "set oversampling. Wire library only.")
A("opus", "design", "systems", "plain", "short-hard",
  "Lock-free ISR-to-task ring buffer with memory-ordering reasoning",
  "write a lock-free single-producer single-consumer ring buffer for an ISR -> task path on Cortex-M7 with D-cache and DMA, and justify the barriers")
A("haiku", "question", "systems", "non-native", None,
  "Simple ROS command question",
  "In ROS2 how I can see all topics and the message rate of one topic? Which command?")
A("sonnet", "debug", "systems", "plain", None,
  "CAN bus no ACK: error counters point to a known set of causes (termination/bitrate)",
  "Two STM32 boards with MCP2551 transceivers, 500k. Sender's TEC climbs to 128 and it goes error-passive, receiver never "
  "gets anything. candump on a USB-CAN adapter also shows nothing. Bit timing: prescaler 6, BS1 11, BS2 2, SJW 1 on a "
  "42 MHz APB1. Cable is 30cm. What's wrong?")
A("sonnet", "implement", "systems", "verbose", None,
  "PID controller with anti-windup: standard implementation with clear spec",
  "For our line-following robot club we need a PID controller in C for an Arduino: fixed sample time (10 ms) using "
  "micros(), derivative on measurement (not error) to avoid kick, integral anti-windup by clamping, output limits, and "
  "a way to change gains at runtime without a bump. Please explain each part briefly, the kids are 16-17.")
A("haiku", "edit", "systems", "plain", None,
  "Mechanical: convert #defines to an enum",
  "turn these into a C enum called motor_state_t:\n\n#define MOTOR_IDLE 0\n#define MOTOR_RAMP_UP 1\n#define MOTOR_RUN 2\n#define MOTOR_BRAKE 3\n#define MOTOR_FAULT 4")
A("opus", "review", "systems", "plain", None,
  "Review of concurrent ISR/main-loop shared state code: tie-breaker 10",
  "Is this safe? Encoder ISR and main loop share the count. Target is an ESP32 (dual core), Arduino framework.\n\n"
  "```c\nvolatile long ticks = 0;\nvoid IRAM_ATTR enc_isr() { if (digitalRead(B)) ticks++; else ticks--; }\n\n"
  "void loop() {\n  long t = ticks;\n  ticks = 0;\n  float rpm = t * 60.0 / (CPR * 0.01);\n  pid_update(rpm);\n  delay(10);\n}\n```")
A("haiku", "question", "systems", "plain", None,
  "Short fact",
  "What's the max baud rate I can reliably use for Serial on an Arduino Nano at 16 MHz?")
A("sonnet", "ops", "systems", "plain", None,
  "ROS 2 launch file with parameters and remaps: config with known steps",
  "Write a ROS 2 Humble Python launch file that starts: the realsense2_camera node with depth aligned to color at 30fps, "
  "robot_localization ekf_node with params from config/ekf.yaml, and our own 'planner' node with use_sim_time from a "
  "launch argument, remapping /cmd_vel to /base/cmd_vel.")
A("opus", "debug", "systems", "verbose", None,
  "Robot arm oscillation under load with many interacting components: theory needed",
  "Our 6-DOF arm (ros2_control, EtherCAT servos at 1 kHz) is fine unloaded, but with a 3 kg payload joint 2 starts a "
  "~8 Hz oscillation that grows until a following-error fault. Retuning the PID gains moves the frequency a bit but "
  "doesn't remove it. Sometimes it only happens after the arm has been running for 20 minutes. Our controller runs in a "
  "non-RT Linux thread and we've seen cycle jitter up to 3 ms. Where does this come from and what's the fix order?")
A("haiku", "question", "systems", "other-language", None,
  "Short embedded fact in Hindi",
  "Arduino में analogRead() की वैल्यू 0 से 1023 तक क्यों होती है?", language="hi")
A("sonnet", "debug", "systems", "non-native", None,
  "Stack overflow in FreeRTOS task identified by hook: known cause",
  "Hello, in my ESP32 project with FreeRTOS I get 'Guru Meditation Error: Core 1 panic'ed (Unhandled debug exception). "
  "Debug exception reason: Stack canary watchpoint triggered (mqtt_task)'. The mqtt_task is created with 2048 stack and "
  "inside I have char buffer[4096] for JSON. What I do wrong and how to fix properly?")
A("haiku", "explain", "systems", "plain", None,
  "What a short snippet does",
  "what does `x & (x - 1)` do in C? saw it in firmware code")
A("sonnet", "implement", "systems", "plain", None,
  "Parse a binary protocol frame with CRC: clear spec, several steps",
  "Write a C parser for our UART protocol: frame = 0xAA 0x55, len (1 byte, payload length), cmd (1 byte), payload, "
  "CRC16-CCITT (0x1021, init 0xFFFF) over len+cmd+payload, big-endian. Byte-by-byte state machine (called from the RX "
  "ISR), resync on bad CRC, callback on a good frame. No malloc.")
A("opus", "design", "systems", "plain", "easy-words-hard",
  "Safe firmware update design with power loss and rollback: high stakes design",
  "we sell ~20k devices in the field (battery powered, cellular). we need to update their firmware remotely without ever "
  "bricking one, even if the battery dies halfway. how should we do it?")
A("haiku", "question", "systems", "typos", None,
  "Simple question with typos",
  "whats the diffrence betwen volatile and const in embeded c")
A("sonnet", "debug", "systems", "plain", None,
  "Servo jitter caused by Servo library timer conflict: identifiable cause",
  "My servos jitter as soon as I call analogWrite on pin 10 for the motor driver. Arduino Uno, Servo library on pins 9 and "
  "11. Without the motor line they're perfectly still. Why?")
A("haiku", "edit", "systems", "verbose", "hard-words-easy",
  "Rigorous control-theory wording but it's a constant change",
  "Following the Ziegler-Nichols ultimate-gain identification and a phase-margin analysis of the closed-loop transfer "
  "function, we concluded Kp should be 2.4 instead of 3.1. Please update just that constant in pid_cfg.h:\n\n"
  "#define PID_KP 3.1f\n#define PID_KI 0.8f\n#define PID_KD 0.05f")
A("opus", "plan", "systems", "plain", None,
  "Migration plan from ROS 1 to ROS 2 across a large codebase",
  "We have ~60 ROS 1 Noetic packages (C++ and Python, custom messages, a few nodelets, dynamic_reconfigure everywhere) "
  "running on 40 robots in customer warehouses. Noetic is EOL. Plan the move to ROS 2 Jazzy: order of work, bridging "
  "during the transition, how to test, how to roll out to the fleet without stopping customers' operations.")
A("sonnet", "test", "systems", "follow-up", None,
  "Follow-up asking for unit tests of the frame parser: sonnet, tie-breaker 8",
  "nice, now unit tests for the parser with Unity (the C test framework, not the game engine): good frame, bad crc, split across calls, garbage before sync")

# ---------------------------------------------------------------- batch 7: analysts, PMs, tech writers
def gen_doc(seed, n):
    rnd = random.Random(seed)
    heads = ["Installation", "Configuration", "Calibrating the sensor", "Running a measurement", "Exporting data",
             "Troubleshooting", "Firmware updates", "Safety notes", "Maintenance", "Glossary"]
    sents = ["Connect the probe to port {p} before powering on the unit.",
             "The default sampling interval is {s} seconds; change it under Settings > Acquisition.",
             "If the status LED blinks amber, the reference electrode needs recalibration.",
             "Exported files use UTF-8 and a semicolon as the field separator.",
             "Do not immerse the housing deeper than {d} cm.",
             "Calibration values are stored per probe serial number and survive a firmware update.",
             "The logger keeps the last {k} measurements in internal memory.",
             "Use the supplied buffer solutions at pH 4.01, 7.00 and 10.01 for a three-point calibration.",
             "When the battery drops below {b}%, logging continues but the display is switched off.",
             "Each measurement record contains a timestamp, the probe ID, the raw value and the compensated value."]
    out = ["# AquaSense 300 Field Logger — User Guide", ""]
    for i in range(n):
        out.append(f"## {i+1}. {rnd.choice(heads)}")
        out.append("")
        for _ in range(rnd.randint(3, 7)):
            out.append(" ".join(rnd.choice(sents).format(p=rnd.choice("ABCD"), s=rnd.choice([1, 5, 10, 60]), d=rnd.choice([50, 100, 200]),
                                                         k=rnd.choice([10000, 50000]), b=rnd.choice([10, 15, 20]))
                                for _ in range(rnd.randint(2, 4))))
            out.append("")
    s = "\n".join(out)
    return s.replace("recalibration.", "recalibraton.", 1)

A("haiku", "edit", "general", "plain", "long-trivial",
  "Finding one misspelling in a long document is checkable at a glance",
  "There's one typo somewhere in our user guide ('recalibraton' I think). Can you find which section it's in and give "
  "me the corrected sentence?\n\n" + gen_doc(871, 95))
A("haiku", "question", "databases", "terse", None,
  "Single-table SELECT",
  "sql count distinct customers per month from orders(order_id, customer_id, created_at)")
A("sonnet", "implement", "databases", "plain", None,
  "Cohort retention query: multi-step SQL with clear spec",
  "I'm an analyst. Need a BigQuery query for monthly cohort retention: cohort = month of a user's first purchase, and for "
  "each cohort the % of users who purchased again in month 1, 2, ... 12 after. Table: `shop.orders(user_id, order_ts, amount)`. "
  "Output one row per cohort with columns m0..m12.")
A("haiku", "question", "data", "plain", None,
  "One spreadsheet formula",
  "Google Sheets: how do I look up the price for a product code in another tab? XLOOKUP or VLOOKUP, whichever is simpler.")
A("opus", "plan", "general", "verbose", "easy-words-hard",
  "Open plan for a cross-team migration with no downtime",
  "I'm the PM for our billing team. Finance wants us to move all 80k customers from our homegrown invoicing to Stripe "
  "Billing by end of Q2. Some customers have custom contracts, some pay by bank transfer, and sales promised a few of them "
  "their old prices forever. I need a plan I can take to engineering: what happens in which order, how we avoid "
  "double-charging or missing an invoice during the switch, and what could go wrong.")
A("sonnet", "docs", "general", "plain", None,
  "Writing a spec document from a feature description: several sections, needs care",
  "Write a one-page product spec for 'export to CSV' in our lab notebook app: problem, users, scope (which tables, "
  "filters apply, max 1M rows, async email link for big exports), out of scope, acceptance criteria, open questions.")
A("haiku", "docs", "general", "plain", None,
  "Short text task: a changelog line",
  "Write one changelog line: we fixed the bug where exported CSVs used a comma as decimal separator for German users.")
A("opus", "question", "general", "plain", "easy-words-hard",
  "Estimate for a vague multi-system project requires architecture judgement",
  "how long would it take to add offline mode to our field-survey app? users collect data in places with no signal for "
  "days and then sync. right now everything goes straight to the server. I need a rough estimate and what the hard parts are.")
A("haiku", "edit", "general", "non-native", None,
  "Rewriting a short paragraph for grammar",
  "Please correct my english in this paragraph for documentation: \"This function is used for calculate the average of "
  "values which are given by user, it return None if list is empty.\"")
A("sonnet", "docs", "tooling", "plain", None,
  "Writing docs for a mid-size function from its code",
  "Write a README section (usage, parameters, return value, examples, caveats) for this function, audience is lab "
  "technicians who know a little Python:\n\n```python\ndef load_plate(path, layout='96', blank_wells=('H11', 'H12'), "
  "normalise=True):\n    df = pd.read_excel(path, skiprows=24, nrows=8, usecols='B:M')\n    df.index = list('ABCDEFGH')\n"
  "    df.columns = range(1, 13)\n    long = df.stack().rename('od').reset_index()\n    long['well'] = long['level_0'] + long['level_1'].astype(str)\n"
  "    long = long[['well', 'od']]\n    blank = long[long.well.isin(blank_wells)].od.mean()\n    long['od'] -= blank\n"
  "    if normalise:\n        long['od'] /= long['od'].max()\n    return long.set_index('well')\n```")
A("haiku", "question", "data", "typos", None,
  "Simple Excel how-to",
  "excel how to make a cell show 0 insted of #DIV/0!")
A("sonnet", "debug", "databases", "plain", None,
  "SQL join fan-out doubling totals: identifiable cause",
  "My revenue totals doubled after I joined shipments. Why and how do I fix it?\n\n```sql\nSELECT o.region, SUM(o.amount) AS revenue, "
  "COUNT(s.id) AS shipments\nFROM orders o\nLEFT JOIN shipments s ON s.order_id = o.id\nGROUP BY o.region;\n```\nAn order can have several shipments.")
A("haiku", "question", "general", "verbose", "hard-words-easy",
  "Jargon-heavy framing, trivial answer",
  "I'm writing docs for our event-sourced, CQRS-based, eventually consistent microservice platform and I'm not sure: "
  "is 'idempotent' spelled with one or two Ts in 'idempotency key'? And is it 'an idempotency key' or 'a idempotency key'?")
A("opus", "design", "data", "plain", None,
  "Choosing a metrics/data warehouse architecture with trade-offs",
  "We're a 30-person company. Our analysts query the production Postgres directly and it's slowing the app down. Should "
  "we do read replicas, a warehouse (BigQuery/Snowflake) with ELT, or something like ClickHouse? We need dashboards "
  "refreshed every 15 minutes, GDPR deletion requests honoured in the analytics copy too, and a budget under $2k/month. "
  "Give me a recommendation with reasons and a rollout order.")
A("sonnet", "implement", "data", "verbose", None,
  "Spreadsheet automation script with clear spec (Apps Script)",
  "Every Monday I copy rows from our 'Requests' sheet into a weekly summary by hand. Could you write a Google Apps Script "
  "that, when run, takes all rows where column F (Status) is 'Done' and column G (Closed date) is in the previous "
  "calendar week, appends them to a new tab named like 'Week 2026-48', adds a totals row for column H (hours), and sends "
  "me an email with the link? Trigger every Monday 8am.")
A("haiku", "docs", "general", "terse", None,
  "Short summary",
  "summarise in one sentence for release notes: 'The import wizard now detects semicolon-separated files automatically and no longer asks the user to pick a delimiter.'")
A("opus", "review", "general", "plain", None,
  "Review must judge an architecture proposal: tie-breaker 10",
  "Here's our tech lead's proposal. I'm the PM and I'm not technical enough to judge it. Is this a good architecture for "
  "our needs, what are the risks, and what should I ask him?\n\n'Proposal: replace the nightly batch sync between the ERP "
  "and the webshop with an event bus (Kafka). Every stock change in the ERP emits an event; the webshop consumes them "
  "and updates availability. Orders flow back via a second topic. We drop the nightly full sync. The ERP vendor's "
  "connector can emit events but not replay history older than 24h. Estimated effort: 6 weeks, 2 devs.'")
A("sonnet", "question", "databases", "non-native", None,
  "SQL with gaps-and-islands logic: moderate, needs care",
  "Hello, I am data analyst. I have table logins(user_id, login_date). I need for each user the longest streak of "
  "consecutive days they login. How to write this in SQL Server? I try with LAG but cannot get streak.")
A("haiku", "question", "databases", "other-language", None,
  "Simple SQL question in Vietnamese",
  "Câu SQL nào để lấy 10 sản phẩm có giá cao nhất trong bảng products(id, name, price)?", language="vi")
A("sonnet", "docs", "general", "other-language", None,
  "Writing a multi-section onboarding doc (Turkish)",
  "Yeni gelen veri analistleri için bir onboarding dokümanı yazar mısın? Bölümler: hangi veritabanlarına nasıl erişilir "
  "(Postgres replica ve BigQuery), SQL yazım kuralları, dashboard'ların nerede olduğu, veri sözlüğü, kime ne sorulur. "
  "Markdown formatında olsun.", language="tr")
A("haiku", "question", "general", "plain", None,
  "Short known answer",
  "What's the difference between a PRD and a tech spec? Two sentences please.")
A("sonnet", "plan", "general", "plain", None,
  "Breaking a clear feature into tickets with estimates: everyday planning",
  "Break this into Jira tickets with rough story points: 'Users can schedule a report to be emailed weekly as PDF.' "
  "We already have PDF export and an email service. Backend is Django, frontend React.")

# ---------------------------------------------------------------- batch 8: follow-ups, other languages, ml
A("sonnet", "debug", "general", "follow-up", None,
  "Pointer-only follow-up: work unknown, sonnet per tie-breaker 8",
  "still doesn't work, same error")
A("haiku", "edit", "general", "follow-up", None,
  "Follow-up naming a trivial edit (add comments to a few lines)",
  "can you put the comments back in? you removed them in the last version")
A("opus", "refactor", "systems", "follow-up", None,
  "Follow-up asking to make the ring buffer multi-producer lock-free: opus per tie-breaker 8",
  "ok now make it work with multiple producers (two ISRs at different priorities) still without disabling interrupts")
A("sonnet", "refactor", "data", "follow-up", None,
  "Follow-up: apply the same vectorisation to another function, sonnet",
  "great, that's 200x faster. do the same for the angle function below it\n\n```python\ndef pair_angles(X):\n    n = len(X)\n"
  "    A = np.zeros((n, n))\n    for i in range(n):\n        for j in range(n):\n            d = X[j] - X[i]\n"
  "            A[i, j] = np.arctan2(d[1], d[0])\n    return A\n```")
A("haiku", "edit", "general", "follow-up", None,
  "Follow-up: rename back",
  "actually rename it back to `calc_total`, my teacher's tests call it that")
A("sonnet", "implement", "general", "follow-up", None,
  "Follow-up asking to add a feature to the earlier game code",
  "nice!! now add a simple AI so you can play against the computer, it should at least block when I'm about to win")
A("opus", "debug", "general", "follow-up", None,
  "Follow-up reports the proposed fix didn't help for an intermittent desync: still needs deep theory",
  "we replaced Mathf with our fixed-point functions everywhere like you said and the desyncs still happen, maybe a bit "
  "less. one new clue: it only happened in matches where someone paused the game at least once. what now?")
A("sonnet", "explain", "general", "follow-up", None,
  "Pointer-only follow-up asking for more explanation: sonnet default",
  "i don't get the part about the stack, can you explain that again differently")
A("haiku", "docs", "general", "follow-up", None,
  "Follow-up: shorten text",
  "make it shorter, max 2 sentences")
A("sonnet", "test", "data", "follow-up", None,
  "Follow-up: add tests for the backtester",
  "now add pytest tests for the backtester, especially one that proves there is no lookahead (e.g. shuffle future prices and check past signals don't change)")
A("sonnet", "debug", "general", "follow-up", None,
  "'try again' gives no info on the work: sonnet",
  "try again, that version doesn't compile")
A("haiku", "edit", "databases", "follow-up", None,
  "Follow-up: trivial change to the query (sort order)",
  "sort it by revenue descending instead")
A("opus", "design", "general", "follow-up", None,
  "Follow-up asking to extend the order design to multiple brokers with failover: distributed consistency",
  "ok and what changes if we route to two brokers with failover, and a fill can arrive on the old broker after we've "
  "already failed over?")
A("haiku", "question", "general", "other-language", None,
  "Simple fact in Turkish",
  "Git'te bir dalı silmek için hangi komutu kullanıyorum? Hem yerelde hem uzakta.", language="tr")
A("opus", "design", "systems", "other-language", "easy-words-hard",
  "Design of a distributed sensor sync protocol (Vietnamese): open design",
  "Nhóm mình có 50 cảm biến rung đặt dọc một cây cầu, mỗi cái một ESP32, gửi dữ liệu qua WiFi. Cần đồng bộ thời gian "
  "giữa các cảm biến sai lệch dưới 100 micro giây để phân tích mode dao động. Nên thiết kế thế nào? Có cần GPS không?",
  language="vi")
A("sonnet", "implement", "ml", "other-language", None,
  "Training loop with clear spec (Hindi)",
  "PyTorch में एक सिंपल CNN लिखिए जो CIFAR-10 पर ट्रेन हो: डेटा लोडर, ट्रेनिंग लूप, वैलिडेशन एक्यूरेसी हर epoch के बाद, "
  "और सबसे अच्छा मॉडल सेव हो। GPU हो तो GPU पर चले।", language="hi")
A("haiku", "explain", "general", "other-language", None,
  "Explaining a common error (Hindi)",
  "Java में 'NullPointerException' का मतलब क्या होता है? एक लाइन में समझाइए।", language="hi")
A("sonnet", "debug", "ml", "other-language", None,
  "Loss NaN with identifiable cause (Turkish)",
  "PyTorch ile regresyon modeli eğitiyorum, 3-4 epoch sonra loss NaN oluyor. Öğrenme oranı 0.1, hedef değerler 0 ile 50000 "
  "arasında ve normalize etmedim. Sebebi ne olabilir, nasıl düzeltirim?", language="tr")
A("opus", "debug", "ml", "other-language", None,
  "Training diverges only in multi-GPU run, no clear lead (Vietnamese)",
  "Mô hình của mình train trên 1 GPU thì hội tụ bình thường, nhưng chạy DDP trên 8 GPU thì loss tăng vọt sau khoảng 2000 "
  "bước, không phải lần nào cũng vậy. Đã chỉnh learning rate theo số GPU rồi. Dùng mixed precision, gradient accumulation 4, "
  "BatchNorm. Có thể do đâu và nên kiểm tra theo thứ tự nào?", language="vi")
A("haiku", "question", "ml", "terse", None,
  "Short ML fact",
  "what's the difference between model.eval() and torch.no_grad()")
A("sonnet", "implement", "ml", "plain", None,
  "Cross-validation with a sklearn pipeline: clear spec",
  "scikit-learn: build a pipeline for my tabular data (numeric columns scaled, categorical one-hot with unknowns ignored), "
  "gradient boosting classifier, 5-fold stratified CV with ROC AUC, then a small grid search over learning_rate and "
  "max_depth. Data in a DataFrame df with target 'churned'.")
A("haiku", "question", "ml", "plain", "hard-words-easy",
  "Sounds advanced; actually one PyTorch call",
  "To do stochastic variational inference on the evidence lower bound I need the gradient of the reparametrised "
  "objective — in PyTorch how do I just zero the gradients before the backward pass again?")
A("opus", "design", "ml", "verbose", None,
  "Choosing an evaluation design for a scientific ML model with leakage risks",
  "We're training a model to predict protein-ligand binding from structures. Random train/test split gives 0.92 AUC, "
  "but I suspect it's memorising near-duplicate proteins. How should we design the splits and evaluation so the number "
  "we report means something for truly new targets? We have ~400k pairs, 3k proteins, sequence identity clusters "
  "available, and some ligands appear with many proteins.")
A("sonnet", "debug", "ml", "typos", None,
  "Shape mismatch error with clear trace",
  "RuntimeError: mat1 and mat2 shapes cannot be multiplied (64x3136 and 784x128)\n\nmy mnist cnn, i added a conv layer "
  "and now this. the linear layer is nn.Linear(784, 128). how do i know wat number to put")
A("opus", "question", "ml", "plain", "short-hard",
  "Asks for a proof about an optimisation method",
  "prove Adam can fail to converge on a convex problem and explain what AMSGrad changes in the proof")

# ---------------------------------------------------------------- batch 9: non-native, typos, traps
def gen_sensor_csv(seed, n):
    rnd = random.Random(seed)
    out = ["timestamp,node,temp_c,rh_pct,co2_ppm,battery_v"]
    t = 1764000000
    for i in range(n):
        t += rnd.randint(55, 65)
        out.append(f"{t},{rnd.choice(['gh-01','gh-02','gh-03','gh-04'])},{rnd.uniform(18,31):.2f},{rnd.uniform(40,95):.1f},"
                   f"{rnd.randint(380,1600)},{rnd.uniform(3.3,4.2):.3f}")
    return "\n".join(out)

A("haiku", "question", "data", "non-native", "long-trivial",
  "Asks for the column names and row count of a pasted CSV: checkable at a glance",
  "Hello, this is the data from our greenhouse sensors. Which columns it has and how many rows approximately? I need "
  "to write it in my thesis methods section.\n\n" + gen_sensor_csv(901, 400))
A("sonnet", "implement", "data", "non-native", None,
  "Plotting/aggregation script with clear spec over pasted CSV",
  "Sir, please write python script for this greenhouse data: daily mean and max of temp for each node, plot 4 lines in "
  "one figure, and mark the hours where co2 > 1200 with red background. Save as PNG 300 dpi for my report.\n\n"
  + gen_sensor_csv(902, 120))
A("opus", "debug", "data", "verbose", None,
  "Trading strategy PnL gap between backtest and live over many fills: needs open analysis across components",
  "These are yesterday's live fills for our three strategies. In backtest the same day makes about +$4,800; live we "
  "lost $1,900. We already checked fees are the same. I think there's slippage or a timing issue between signal and "
  "order, or the backtest is wrong, I can't tell which. Can you look at the fills and tell me what the likely causes "
  "are and what data we'd need to pin it down?\n\n```csv\n" + gen_trades_csv(903, 150) + "\n```")
A("sonnet", "debug", "general", "non-native", None,
  "Integer division bug in student code: simple cause but explanation of promotion needed",
  "I am student from Egypt. My C program for average always give 2.000000 not 2.500000, why? I make the result float already.\n\n"
  "int a = 2, b = 3;\nfloat avg = (a + b) / 2;\nprintf(\"%f\", avg);")
A("haiku", "question", "general", "non-native", None,
  "Short fact question",
  "What is meaning of 'void' in the function like void setup() in Arduino? It is return nothing?")
A("opus", "design", "systems", "non-native", None,
  "Designing deterministic scheduling/CAN priority for safety-relevant ECU messaging",
  "Hello, we are making electric tractor and we have 14 ECUs on one CAN bus 250k. Some messages are safety (brake, "
  "steering) and some are diagnostics. Sometimes under high load brake message is late more than 20ms. We want to "
  "design new message ID plan and schedule so safety messages always arrive in time, and maybe move to CAN FD. How to "
  "calculate worst case response time and what design you propose?")
A("sonnet", "refactor", "general", "non-native", None,
  "Restructure a student's repeated code into functions",
  "Mera code bahut lamba ho gaya hai, same thing I am writing 5 times for 5 subjects. How to make it with function and "
  "loop? \n\nm1 = int(input('maths: '))\nif m1 >= 40: print('maths pass')\nelse: print('maths fail')\n"
  "m2 = int(input('physics: '))\nif m2 >= 40: print('physics pass')\nelse: print('physics fail')\n"
  "m3 = int(input('chemistry: '))\nif m3 >= 40: print('chemistry pass')\nelse: print('chemistry fail')\n"
  "total = m1 + m2 + m3\nprint('percent', total / 3)")
A("haiku", "question", "general", "non-native", "hard-words-easy",
  "Sounds like compiler theory, asks what a keyword means",
  "In Unreal Engine the reflection system and garbage collector use UPROPERTY macro. I want only to know: what is "
  "'EditAnywhere' inside it? Is it means I can change in editor?")
A("opus", "debug", "systems", "non-native", "easy-words-hard",
  "Random rare data corruption on SD card logger across firmware/filesystem/power: no lead",
  "Hello, our data logger write to SD card every second. After some weeks, sometimes the file is corrupted, some lines "
  "are garbage or missing. Not always, maybe 1 in 20 devices. Devices are in the field with solar power. We use FatFs on "
  "STM32. What can be reason and how we find it?")
A("sonnet", "implement", "data", "non-native", None,
  "R script with clear spec",
  "Hi, I am PhD from Pakistan, need R code: read all csv files in folder 'runs', each have columns time and od, fit "
  "logistic growth model with nls for each file, put parameters (K, r, t0) in one table with file name, and save as "
  "results.csv. If fit fail for one file, skip and print warning.")
A("haiku", "question", "data", "non-native", None,
  "Simple pandas how-to",
  "How I can drop the rows which have NaN only in column 'price' in pandas? Other columns NaN is ok.")
A("sonnet", "debug", "general", "non-native", None,
  "Unity NullReferenceException with stack pointing at cause",
  "Please help, Unity give error:\n\nNullReferenceException: Object reference not set to an instance of an object\n"
  "GameManager.Start () (at Assets/Scripts/GameManager.cs:14)\n\nLine 14 is `scoreText.text = \"0\";` and scoreText is "
  "public Text. I drag it in the inspector I think. Also I have GameManager on two objects maybe?")
A("opus", "review", "security", "non-native", None,
  "Security review of a device provisioning scheme: subtle mistake is a vulnerability",
  "We provision our IoT devices like this: at factory each device get same AES key, device send its serial number "
  "encrypted with AES-ECB to server, server answer with WiFi password and MQTT password encrypted same way. Please "
  "review is this secure and what is better way, we have ~5k devices already sold.")
A("haiku", "explain", "general", "non-native", None,
  "Explains a short SQL snippet",
  "What this SQL do? I am new. `SELECT name FROM students WHERE marks > (SELECT AVG(marks) FROM students);`")
A("sonnet", "ops", "tooling", "non-native", None,
  "Setting up a CI job for a C project with tests: config with known steps",
  "Hello, for our university robot team repo (C++ with CMake, GoogleTest), we want GitHub Actions: build on Ubuntu "
  "and Windows, run tests, and build fail if warnings. How to write the yml?")
A("haiku", "question", "general", "typos", None,
  "Short question with typos",
  "how to make a 2d array in pyhton wihtout numpy, like 3 rows 4 colums of zeros")
A("sonnet", "debug", "general", "typos", None,
  "List aliasing bug ([[0]*n]*m): subtle but well known",
  "wierd bug, i change one cell and the whole colum changes???\n\ngrid = [[0]*4]*3\ngrid[0][1] = 5\nprint(grid)  # [[0,5,0,0],[0,5,0,0],[0,5,0,0]]")
A("opus", "debug", "systems", "typos", None,
  "Intermittent I2C bus lockup with multiple devices: no clear lead",
  "i2c bus on our robot locks up randomly, SDA stuck low, only power cycle fixes it. 3 sensors + oled on same bus, long "
  "wires (~40cm) to the arm, motors nearby. happens more when motors start. sometimes days without problem. "
  "what causes this and how to make it robust")
A("haiku", "edit", "general", "typos", None,
  "Fix indentation of a short snippet",
  "fix the indentaion pls\n\ndef area(r):\nreturn 3.14159 * r * r\n\nprint(area(2))")
A("sonnet", "implement", "general", "typos", None,
  "Small game feature with clear spec",
  "how do i make a health bar in unity that goes down smooth when player gets hit and changes colour green->yellow->red, "
  "using UI slider. also a little delay bar behind it like in dark souls")
A("haiku", "question", "data", "typos", None,
  "Spreadsheet one-liner",
  "sheets formula to count how many cells in B are bigger then 100")
A("opus", "design", "general", "plain", "short-hard",
  "Open design of a deterministic physics netcode",
  "how do I make rigid-body physics deterministic across PC, Switch and PS5 for a rollback netcode game?")
A("haiku", "question", "systems", "plain", "hard-words-easy",
  "HPC jargon, answer is a single flag",
  "For our hybrid MPI/OpenMP domain-decomposed spectral solver with non-blocking halo exchange, which mpirun flag "
  "prints where each rank got bound? Open MPI 4.1.")
A("opus", "plan", "data", "plain", "easy-words-hard",
  "Plan to move a lab's legacy Fortran code to GPUs with correctness guarantees: large multi-step migration",
  "our group's climate code is 300k lines of Fortran 77/90 written over 25 years by PhD students. the funding agency "
  "wants it running on the new GPU machine within 18 months. how do we get there without breaking the science?")
A("sonnet", "explain", "systems", "plain", None,
  "Explaining a mid-size embedded C function",
  "Can someone explain what this debounce function is doing? It's from the vendor example and I need to change the timing.\n\n"
  "```c\nstatic uint8_t hist[NBTN];\nuint8_t debounce(uint8_t raw) {\n  static uint8_t state;\n  uint8_t changed = 0;\n"
  "  for (int i = 0; i < NBTN; i++) {\n    hist[i] = (hist[i] << 1) | ((raw >> i) & 1);\n"
  "    if (hist[i] == 0xFF && !(state & (1 << i))) { state |= (1 << i); changed |= (1 << i); }\n"
  "    else if (hist[i] == 0x00 && (state & (1 << i))) { state &= ~(1 << i); changed |= (1 << i); }\n  }\n"
  "  return changed & state;\n}\n```\nIt's called every 5 ms from a timer.")

# ---------------------------------------------------------------- batch 10: mixed
def gen_arduino_sketch(seed, n):
    rnd = random.Random(seed)
    out = ["#include <Wire.h>", "#include <Servo.h>", "#include <EEPROM.h>", "", "Servo arm1, arm2, grip;",
           "int mode = 0;", "unsigned long lastT = 0;", "float kp = 1.2, ki = 0.01, kd = 0.2;", ""]
    for i in range(n):
        nm = rnd.choice(["readSensor", "moveArm", "checkButton", "logValue", "updateDisplay", "calibrate", "handleCmd"]) + str(i)
        pin = rnd.randint(2, 13)
        out += [f"int {nm}(int val) {{", f"  int r = analogRead(A{rnd.randint(0,5)});",
                f"  if (r > {rnd.randint(100, 900)}) {{", f"    digitalWrite({pin}, HIGH);", f"    val += r / {rnd.randint(2, 16)};",
                "  } else {", f"    digitalWrite({pin}, LOW);", f"    val -= {rnd.randint(1, 20)};", "  }",
                f"  Serial.print(\"{nm}: \");", "  Serial.println(val);", "  delay(" + str(rnd.choice([5, 10, 20, 50])) + ");",
                "  return val;", "}", ""]
    out += ["void setup() {", "  Serial.begin(115200);", "  arm1.attach(9); arm2.attach(10); grip.attach(11);", "}", "",
            "void loop() {", "  int v = 0;"] + [f"  v = {rnd.choice(['readSensor','moveArm','checkButton','logValue'])}{rnd.randint(0, n-1)}(v);" for _ in range(20)] + ["}"]
    return "\n".join(out)

A("sonnet", "refactor", "systems", "verbose", None,
  "Restructuring a long sketch into classes/non-blocking: long rewrite, many careful steps",
  "This is the Arduino sketch for our robotics club's arm. It grew over two years and everything uses delay(), so the "
  "arm stutters. Could you restructure it: group the functions into a few classes (Arm, Sensors, Logger), replace every "
  "delay with millis()-based scheduling, and keep the behaviour the same? It's long, sorry.\n\n```cpp\n"
  + gen_arduino_sketch(1001, 60) + "\n```")
A("haiku", "question", "systems", "terse", "long-trivial",
  "Finding which pins are used in a long sketch: extraction, checkable at a glance",
  "list every pin number passed to digitalWrite in this sketch, deduplicated, sorted\n\n```cpp\n" + gen_arduino_sketch(1002, 45) + "\n```")
A("opus", "design", "general", "terse", "short-hard",
  "Open design: deterministic replay system with trade-offs",
  "design a replay system for our Unreal shooter that survives patches")
A("opus", "implement", "systems", "plain", "short-hard",
  "Concurrency with memory ordering (MPI one-sided / RMA): hard",
  "implement a distributed work-stealing queue with MPI-3 one-sided RMA, passive target, no deadlocks")
A("opus", "question", "general", "terse", "short-hard",
  "Exact decimal arithmetic proof about rounding: formal reasoning",
  "prove banker's rounding of per-line VAT can never drift more than n/2 cents from rounding the total, or show a counterexample")
A("opus", "design", "data", "plain", "short-hard",
  "Streaming algorithm design with error bounds",
  "need exact-ish p99 latency over 5 billion events/day across 200 machines, mergeable, bounded memory. which sketch and why")
A("opus", "debug", "general", "plain", "easy-words-hard",
  "Money totals drift in prod in prose without a lead: consistency debugging",
  "our month-end report and the sum of the daily reports are off by a few hundred dollars, different amount every month. "
  "nobody knows which one is right. the daily ones are built from one database and the monthly one from the warehouse copy.")
A("opus", "plan", "general", "plain", "easy-words-hard",
  "Plan to introduce a game-wide save format change across released versions",
  "we need to change how save games are stored in our live game (2M players) because the old format can't hold the new "
  "inventory. how do we roll this out so nobody loses progress, including people who play on two devices?")
A("opus", "debug", "systems", "verbose", "easy-words-hard",
  "Robot drifts only sometimes in localisation — cross-component issue in prose",
  "Our delivery robot usually knows where it is, but a couple of times a week it suddenly thinks it's 2 metres to the "
  "left and drives into a shelf. It's always in the same long corridor but not every time it goes through. We have "
  "lidar + wheel odometry + IMU fused with an EKF, and AMCL on top. What's going on and how do we make it stop?")
A("opus", "design", "general", "plain", "easy-words-hard",
  "Design of an exact money ledger for multi-currency: high stakes design",
  "we're building the wallet for our game's in-game currency, which can be bought with real money in 30 currencies and "
  "refunded. how should we store balances and transactions so the books always add up?")
A("haiku", "explain", "general", "plain", "hard-words-easy",
  "Fancy ray tracing words; the task is explaining a two-line snippet",
  "In our physically based path tracer with importance-sampled BRDFs and Russian-roulette termination, what does this "
  "do?\n\n```glsl\nvec3 n = normalize(hitNormal);\nif (dot(n, rayDir) > 0.0) n = -n;\n```")
A("haiku", "docs", "systems", "plain", "hard-words-easy",
  "Short text: a commit message, despite the distributed-systems vocabulary",
  "write a commit message: raised the Raft election timeout in our robot fleet coordinator from 150ms to 300ms because WiFi roaming causes spurious leader elections")
A("haiku", "question", "general", "verbose", "hard-words-easy",
  "Heavy physics wording, asks for a unit conversion",
  "Our rigid-body solver integrates the Newton-Euler equations with a semi-implicit symplectic Euler step and the "
  "inertia tensor is given in kg·m². The artist gave me a mass in pounds. Just to be sure: how many kilograms is 150 lb?")
# plain sonnet work
A("sonnet", "implement", "general", "plain", None,
  "Object pooling system in Unity: clear spec",
  "Write a generic object pool for Unity (C#): prewarm N instances, Get/Release, auto-expand with a max, reset via an "
  "IPoolable interface, and work with the built-in UnityEngine.Pool.ObjectPool if that's better — compare briefly and pick one.")
A("sonnet", "debug", "data", "plain", None,
  "numpy dtype overflow in image processing: identifiable cause",
  "When I add two uint8 images with numpy the bright parts turn dark. `out = img1 + img2`. I expected it to saturate at 255. Why, and how do I do it properly?")
A("sonnet", "implement", "databases", "verbose", None,
  "Schema + queries for a lab sample tracker: clear-spec implementation",
  "I manage samples for a biobank and we outgrew Excel. Could you write a SQLite schema for: samples (barcode, type, "
  "collected date, donor), freezers/racks/boxes/positions (a position holds at most one sample), and a movement history "
  "so we know where a sample was at any time? Plus queries for 'where is sample X now', 'free positions in freezer F', "
  "and 'all samples from donor D moved in the last week'.")
A("sonnet", "test", "systems", "plain", None,
  "Unit tests for an existing ring buffer in C",
  "Write tests (plain asserts, no framework) for this ring buffer: empty/full conditions, wraparound, and that it holds exactly CAP-1 items.\n\n"
  "```c\n#define CAP 8\ntypedef struct { uint8_t buf[CAP]; uint8_t head, tail; } rb_t;\n"
  "bool rb_put(rb_t *r, uint8_t v) { uint8_t n = (r->head + 1) % CAP; if (n == r->tail) return false; r->buf[r->head] = v; r->head = n; return true; }\n"
  "bool rb_get(rb_t *r, uint8_t *v) { if (r->head == r->tail) return false; *v = r->buf[r->tail]; r->tail = (r->tail + 1) % CAP; return true; }\n```")
A("sonnet", "debug", "general", "verbose", None,
  "Unreal Blueprint-to-C++ delegate binding fails silently: known cause (UFUNCTION missing)",
  "In Unreal 5 I bind OnComponentBeginOverlap in my C++ actor's constructor with AddDynamic to a function "
  "OnOverlapBegin, but it never gets called. The collision settings are Overlap All and Generate Overlap Events is on. "
  "The function isn't marked with anything special. It compiles fine. What's missing?")
A("sonnet", "implement", "general", "plain", None,
  "Exact decimal money class with clear requirements",
  "Write a small Money class in Python: Decimal amount + ISO currency, arithmetic only between same currency (raise "
  "otherwise), multiplication by a number with HALF_EVEN rounding to the currency's minor units (JPY 0, USD 2, KWD 3), "
  "comparison, and a split(n) that distributes the remainder so parts sum exactly.")
A("sonnet", "review", "general", "plain", None,
  "Code review of a mid-size diff for correctness and style",
  "Review this diff to our lap-timer game mode please:\n\n```diff\n--- a/LapTimer.cs\n+++ b/LapTimer.cs\n@@ -12,14 +12,22 @@ public class LapTimer : MonoBehaviour\n"
  "-    private float lapStart;\n+    private float lapStart;\n+    private float bestLap = float.MaxValue;\n+    private int checkpointsHit;\n"
  "     void OnTriggerEnter(Collider other)\n     {\n-        if (other.CompareTag(\"Finish\"))\n-        {\n-            Debug.Log(Time.time - lapStart);\n-            lapStart = Time.time;\n-        }\n"
  "+        if (other.CompareTag(\"Checkpoint\")) checkpointsHit++;\n+        if (other.CompareTag(\"Finish\") && checkpointsHit >= totalCheckpoints)\n+        {\n"
  "+            float lap = Time.time - lapStart;\n+            if (lap < bestLap) { bestLap = lap; PlayerPrefs.SetFloat(\"best\", bestLap); }\n"
  "+            lapStart = Time.time;\n+            checkpointsHit = 0;\n+        }\n     }\n```")
A("sonnet", "ops", "systems", "plain", None,
  "Dockerising a ROS 2 workspace with GPU: config with known steps",
  "Write a Dockerfile and docker-compose.yml for our ROS 2 Humble workspace: build with colcon in a builder stage, slim "
  "runtime stage, access to /dev/ttyUSB0 and the host's NVIDIA GPU, host networking for DDS, and a volume for bag files.")
A("sonnet", "implement", "data", "plain", None,
  "Kalman filter implementation from a clear spec",
  "Implement a constant-velocity Kalman filter in numpy for 2D GPS positions (x, y) at 1 Hz with noisy measurements "
  "(sigma 5 m). State [x, y, vx, vy]. Include predict/update, a function to run over a whole track, and a plot comparing raw vs filtered.")
A("sonnet", "explain", "general", "plain", None,
  "Why the float comparison in a shader behaves oddly: subtle explanation",
  "Why does this fragment shader produce a flickering diagonal line where the two halves meet, and only on some GPUs?\n\n"
  "```glsl\nvoid main() {\n  vec2 uv = gl_FragCoord.xy / resolution;\n  if (uv.x == uv.y) fragColor = vec4(1,0,0,1);\n"
  "  else fragColor = uv.x > uv.y ? colA : colB;\n}\n```")
A("sonnet", "implement", "general", "non-native", None,
  "Spreadsheet-driven game config loader with clear spec",
  "Our designer keep weapons stats in Google Sheets. I want Unity editor tool: download sheet as CSV from URL, parse, "
  "create or update ScriptableObject for each weapon (name, damage, fireRate, ammo). Button in menu 'Tools/Import "
  "Weapons'. Can you write please?")
A("sonnet", "debug", "systems", "plain", None,
  "Linker error with a clear cause (missing library order)",
  "Compiling our MPI + HDF5 code:\n\n/usr/bin/ld: io.o: in function `write_field':\nio.c:(.text+0x1a4): undefined reference "
  "to `H5Fcreate'\n/usr/bin/ld: io.c:(.text+0x21c): undefined reference to `H5Dwrite'\ncollect2: error: ld returned 1 exit status\n\n"
  "Makefile line: `$(CC) -lhdf5 -o model main.o io.o solver.o`. HDF5 module is loaded.")
A("sonnet", "refactor", "data", "plain", None,
  "Turning a notebook into a script with functions and CLI",
  "I have a Jupyter notebook (about 40 cells) that processes our spectrometer files. Can you outline how to turn it into "
  "a package with a CLI (argparse), and do it for these cells as an example?\n\n```python\nimport glob, numpy as np, pandas as pd\n"
  "files = sorted(glob.glob('data/*.spc.csv'))\nspecs = [pd.read_csv(f, skiprows=3) for f in files]\n"
  "wl = specs[0]['wavelength'].values\nI = np.stack([s['intensity'].values for s in specs])\nI = I - I[:, wl > 900].mean(axis=1, keepdims=True)\n"
  "peak = wl[I.argmax(axis=1)]\npd.DataFrame({'file': files, 'peak_nm': peak}).to_csv('peaks.csv', index=False)\n```")
A("sonnet", "docs", "general", "verbose", None,
  "Writing a tutorial section with code examples",
  "I'm a technical writer at a scientific instrument company. Write a 'Getting started with the Python SDK' tutorial "
  "section: install with pip, connect to the instrument over USB (`Spectrometer.open()`), set integration time, take a "
  "measurement, save to CSV, close. Audience: chemists with little Python. Include a troubleshooting box for 'device "
  "not found' on Linux (udev rules).")
A("sonnet", "debug", "general", "plain", None,
  "Physics object tunnelling through walls: known fix (CCD)",
  "fast bullets in my Unity game go through thin walls sometimes. bullets are rigidbodies with velocity 200, walls are 0.1 thick box colliders. how to fix?")
A("sonnet", "implement", "general", "plain", None,
  "Monte Carlo option pricer with variance reduction: clear spec",
  "Price an Asian arithmetic-average call with Monte Carlo in numpy: GBM paths, 252 steps, antithetic variates and a "
  "geometric-Asian control variate (closed form). Report price and 95% CI with and without the control variate.")
A("sonnet", "implement", "general", "other-language", None,
  "Clear-spec homework implementation in Turkish",
  "C++ ile bir öğrenci not sistemi yazmam lazım: öğrenci ekle, not gir, ortalamaya göre sırala, dosyaya kaydet ve dosyadan "
  "oku. Sınıf (class) kullanmam gerekiyor. Açıklamalı yazar mısın?", language="tr")

# ---------------------------------------------------------------- batch 11: final mix
A("opus", "debug", "databases", "plain", None,
  "Lost updates under concurrency in a spreadsheet-backed app: race with no clear lead",
  "We built an internal tool on top of Google Sheets via the API: several lab techs log sample usage at the same time and "
  "the script reads the remaining volume, subtracts, writes it back. Every week or so the volumes don't add up and "
  "someone's usage is missing. It's rare and we can't make it happen on purpose. What's happening and how do we fix it "
  "without moving off Sheets right away?")
A("opus", "review", "general", "plain", None,
  "Review of a lock-free job system in a game engine: concurrent code review",
  "Review our job system's work-stealing deque (C++, Chase-Lev style) for correctness on ARM (Switch) as well as x86. "
  "We see very rare double-execution of a job on Switch only.\n\n```cpp\nJob* Deque::Pop() {\n  int64_t b = bottom.load(std::memory_order_relaxed) - 1;\n"
  "  bottom.store(b, std::memory_order_relaxed);\n  int64_t t = top.load(std::memory_order_relaxed);\n  if (t <= b) {\n"
  "    Job* j = buf[b & MASK];\n    if (t != b) return j;\n    if (!top.compare_exchange_strong(t, t + 1, std::memory_order_seq_cst, std::memory_order_relaxed)) j = nullptr;\n"
  "    bottom.store(b + 1, std::memory_order_relaxed);\n    return j;\n  }\n  bottom.store(b + 1, std::memory_order_relaxed);\n  return nullptr;\n}\n\n"
  "Job* Deque::Steal() {\n  int64_t t = top.load(std::memory_order_acquire);\n  int64_t b = bottom.load(std::memory_order_acquire);\n"
  "  if (t < b) {\n    Job* j = buf[t & MASK];\n    if (!top.compare_exchange_strong(t, t + 1, std::memory_order_seq_cst, std::memory_order_relaxed)) return nullptr;\n"
  "    return j;\n  }\n  return nullptr;\n}\n```")
A("opus", "design", "general", "verbose", None,
  "Architecture choice for a backtesting platform with trade-offs",
  "Our quant team (6 people) has a pile of pandas backtests, each researcher with their own. We want one platform that "
  "handles daily and intraday (1-min) data for ~3000 equities, corporate actions, realistic fills, and lets us go from "
  "research to paper trading with the same strategy code. Event-driven vs vectorised, build vs adopt (zipline-reloaded, "
  "nautilus_trader, backtrader), data storage (parquet vs a TSDB)... please recommend an architecture and justify the trade-offs.")
A("opus", "review", "security", "plain", None,
  "Threat model for a lab instrument network: security",
  "Make a threat model for our lab: 25 instruments with old Windows 7 control PCs (vendor won't support upgrades), "
  "connected to the university network so people can copy data off, plus a shared NAS. Ransomware hit a neighbouring "
  "department last month. What are the threats and what should we do first, given no budget for new instruments?")
A("opus", "debug", "general", "plain", "easy-words-hard",
  "Game server player count drifts from real; distributed state, no lead",
  "the 'players online' number on our game servers slowly creeps up over days until it says 5000 when there are 3000. "
  "restarting fixes it. it's counted across 12 servers that share a redis. no idea where the extra come from.")
A("opus", "question", "data", "plain", "short-hard",
  "Numerical analysis question needing careful reasoning",
  "why does Kahan summation stop helping under -ffast-math, and what's a reduction that stays accurate in parallel?")
A("opus", "design", "systems", "plain", "short-hard",
  "Hard real-time scheduling analysis",
  "rate-monotonic or EDF for our 9-task motor controller with a 2 kHz current loop and shared SPI? show the schedulability analysis")
A("opus", "plan", "data", "verbose", None,
  "Multi-step migration across a codebase (Python 2 numerical code to Python 3 + new numpy)",
  "We inherited a 120k-line Python 2.7 analysis codebase for a particle physics experiment (numpy 1.8, ROOT bindings, "
  "lots of integer division and string/bytes handling in file readers). Results must be bit-for-bit comparable with "
  "published ones. Plan the migration to Python 3.12 and numpy 2: order, how to verify physics results don't change, "
  "what to do about ROOT, and how to keep the collaboration running analyses meanwhile.")
A("opus", "debug", "general", "verbose", None,
  "Performance cliff in a physics engine with no clear lead",
  "Our custom physics engine runs 2000 bodies at 1 ms per step, but when bodies pile up in a heap (like a collapsing "
  "tower) the step time jumps to 40 ms and stays there even after things settle. Broadphase is a sweep-and-prune on the "
  "x axis, narrowphase GJK/EPA, solver is sequential impulses with 10 iterations and warm starting. Where would you look "
  "and why?")
A("opus", "explain", "systems", "plain", None,
  "Semantics of volatile vs atomics and barriers on Cortex-M: memory ordering, tie-breaker 7",
  "Why isn't `volatile` enough to share a struct between an ISR and the main loop on a Cortex-M7 with caches and DMA? "
  "When do I need __DMB/__DSB, and how do C11 atomics map to them?")
A("opus", "design", "general", "plain", "easy-words-hard",
  "Open design of a trading risk limit check under concurrency",
  "we want a rule that no trader can go over their daily loss limit, even if five of their orders fill at the same "
  "moment on different exchanges. how do we build that?")
A("opus", "implement", "data", "plain", None,
  "Novel-ish algorithm with correctness subtleties (parallel prefix on GPU with numba)",
  "Implement a numerically stable parallel Welford variance (mean/var/count merge) in numba CUDA for 10^9 floats, with "
  "a tree reduction across blocks, and argue why the merge formula stays stable compared to sum/sum-of-squares.")
A("opus", "review", "security", "non-native", None,
  "Security review of a robot's remote control API: vulnerability risk",
  "Please review security of our robot remote API: robot run Flask on port 5000, endpoint /cmd accept JSON {\"cmd\": "
  "\"...\"} and we run it with subprocess shell=True so operator can do any command, protected by header X-Token that "
  "is same for all robots and written in the Android app. Robots are on customer WiFi. What is risk and how fix?")
A("opus", "design", "ml", "plain", None,
  "Design an anomaly detection system for sensor fleet with trade-offs",
  "Design anomaly detection for vibration data from 2,000 pumps (1 sensor each, 10 kHz bursts every 10 min, labels for "
  "maybe 40 real failures in total). Edge vs cloud, features vs raw deep models, how to keep false alarms under one per "
  "pump per month, and how to evaluate before we trust it.")
# sonnet
A("sonnet", "implement", "general", "plain", None,
  "Implementing a grid-based inventory UI logic with clear spec",
  "Write the logic (no UI) for a Diablo-style grid inventory in C#: items have width/height, place at position if free, "
  "remove, find first free spot for an item, rotate 90°. 10x6 grid. Include unit tests with NUnit.")
A("sonnet", "debug", "data", "plain", None,
  "ggplot ordering issue: known cause (factor levels)",
  "ggplot sorts my bars alphabetically but I want them by value. `ggplot(df, aes(x = gene, y = expr)) + geom_col()`. How?")
A("sonnet", "implement", "systems", "plain", None,
  "micro-ROS publisher on ESP32 with clear spec",
  "Write a micro-ROS (Arduino framework, ESP32) node that publishes IMU data (MPU6050) as sensor_msgs/Imu at 100 Hz over "
  "WiFi UDP to an agent at 192.168.1.50:8888, and reconnects if the agent goes away.")
A("sonnet", "refactor", "general", "plain", None,
  "Refactor float money handling to Decimal across a small module",
  "Convert this little billing module from floats to Decimal properly (parsing from strings, quantize at the right "
  "places, no float ever touches it):\n\n```python\nTAX = 0.19\n\ndef line_total(price, qty, discount=0.0):\n    return price * qty * (1 - discount)\n\n"
  "def invoice_total(lines):\n    net = sum(line_total(**l) for l in lines)\n    tax = round(net * TAX, 2)\n    return round(net, 2), tax, round(net + tax, 2)\n\n"
  "def parse_price(s):\n    return float(s.replace(',', '.'))\n```")
A("sonnet", "test", "general", "verbose", None,
  "Writing tests for existing game logic",
  "I have a damage calculation function for my RPG (armor, crits, resistances). I've never written tests. Could you "
  "write NUnit tests for it and explain how to run them in Unity's Test Runner?\n\n```csharp\npublic static int Damage(int atk, int armor, "
  "float resist, bool crit) {\n    float raw = Mathf.Max(1, atk - armor * 0.5f);\n    if (crit) raw *= 2f;\n    raw *= 1f - Mathf.Clamp01(resist);\n"
  "    return Mathf.RoundToInt(raw);\n}\n```")
A("sonnet", "ops", "tooling", "plain", None,
  "Packaging a scientific Python tool with known steps",
  "Turn my analysis scripts folder into an installable package with pyproject.toml (hatchling), a console entry point "
  "`specfit`, optional extra [plot] for matplotlib, and a GitHub Action that builds and publishes to PyPI on tag.")
A("sonnet", "docs", "general", "plain", None,
  "Writing API reference docs for several functions",
  "Write reference docs (Markdown, one section per function: signature, params, returns, raises, example) for our "
  "instrument SDK functions: open(port=None, timeout=5.0), set_integration_time(ms), acquire(n_avg=1) -> Spectrum, "
  "dark_correct(spectrum, dark), close().")
A("sonnet", "debug", "general", "follow-up", None,
  "Follow-up that only points back: work unknown, sonnet",
  "that made it worse, now the player falls through the floor")
A("sonnet", "implement", "data", "plain", None,
  "Julia implementation with clear spec",
  "Write a Julia function for 1D finite-volume advection with a minmod-limited MUSCL scheme and periodic boundaries, "
  "plus a script that advects a square wave one period and plots the result vs exact with Plots.jl.")
A("sonnet", "debug", "systems", "plain", None,
  "Serial garbage from baud mismatch/clock config: identifiable",
  "STM32 prints garbage on the UART (like 'ÿ?ÿ?') at 115200 but the same code on another board of the same type is "
  "fine. CubeMX project, HSE 8 MHz in the config, the bad board has a 12 MHz crystal on it. Fix?")
# haiku
A("haiku", "question", "general", "terse", None,
  "One-liner",
  "bash: count lines in all .csv files in a folder")
A("haiku", "question", "data", "plain", None,
  "Known short answer",
  "In MATLAB what's the difference between * and .* ?")
A("haiku", "edit", "general", "plain", None,
  "Convert JSON to YAML",
  "convert this to YAML:\n\n{\"sim\": {\"dt\": 0.001, \"steps\": 50000, \"output\": {\"every\": 100, \"dir\": \"out/\"}}, \"seed\": 42}")
A("haiku", "question", "general", "plain", None,
  "Short fact",
  "What's the Unity shortcut to frame the selected object in the scene view?")
A("haiku", "explain", "general", "verbose", "hard-words-easy",
  "Intimidating context, the question is what one Excel function does",
  "I'm preparing the quarterly stochastic loss-reserving model review for the actuarial committee and one sheet uses "
  "=IFERROR(VLOOKUP(A2,Rates!A:B,2,FALSE),0). What does the IFERROR part do?")
A("haiku", "docs", "general", "plain", None,
  "Short text: commit message",
  "commit message for: fixed off-by-one in the histogram bin index, last bin was never filled")
A("haiku", "question", "systems", "other-language", None,
  "Simple question in Hindi",
  "ROS2 में नया पैकेज बनाने की कमांड क्या है? Python वाला।", language="hi")
A("haiku", "question", "general", "terse", None,
  "Short fact",
  "utc timestamp in excel to date?")

# ---- FOOTER
def main():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "w8.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for i, r in enumerate(ROWS, 1):
            row = {"id": f"w8-{i:04d}", **r}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")

if __name__ == "__main__":
    main()
