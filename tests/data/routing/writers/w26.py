#!/usr/bin/env python3
"""Writer w26: frontend, mobile and product engineers and designers who code (React, Vue, Svelte, CSS,
accessibility, React Native, SwiftUI, Compose, Flutter) plus everyday dev tooling (git, npm/pnpm, Vite,
webpack, ESLint, GitHub Actions).
Run `python3 w26.py` to write w26.jsonl deterministically."""
import json, random

ROWS = []

def R(label, category, domain, voice, trap, rationale, prompt, language="en"):
    ROWS.append({"prompt": prompt, "label": label, "rationale": rationale, "category": category,
                 "domain": domain, "voice": voice, "language": language, "trap": trap})

# ---------------------------------------------------------------- material generators (seeded)

RNG = random.Random(2026)

WORDS = ["cart", "checkout", "profile", "avatar", "invoice", "order", "shipment", "coupon", "wishlist",
         "search", "filter", "banner", "toast", "modal", "drawer", "tabs", "stepper", "tooltip", "badge",
         "pricing", "plan", "billing", "address", "payment", "review", "rating", "gallery", "carousel",
         "feed", "comment", "thread", "inbox", "notification", "settings", "team", "member", "invite",
         "dashboard", "chart", "report", "export", "upload", "dropzone", "calendar", "booking", "slot"]
PARTS = ["header", "body", "footer", "title", "icon", "label", "item", "list", "row", "cell", "wrapper",
         "content", "actions", "meta", "caption", "thumb", "overlay", "trigger", "panel", "link"]
COLORS = ["#0f172a", "#1e293b", "#334155", "#64748b", "#94a3b8", "#e2e8f0", "#f8fafc", "#2563eb",
          "#1d4ed8", "#dc2626", "#16a34a", "#f59e0b", "#7c3aed", "#db2777", "#0891b2", "#ffffff"]


def cap(s):
    return s[0].upper() + s[1:]


def gen_css(n, seed):
    r = random.Random(seed)
    out = [":root {", "  --radius-sm: 4px;", "  --radius-md: 8px;", "  --space-1: 4px;", "  --space-2: 8px;",
           "  --space-3: 12px;", "  --space-4: 16px;", "  --brand: #2563eb;", "}", ""]
    for _ in range(n):
        w, p = r.choice(WORDS), r.choice(PARTS)
        sel = f".{w}__{p}" + r.choice(["", "", f"--{r.choice(['active','disabled','compact','open','error'])}",
                                       ":hover", ":focus-visible", " > svg"])
        out.append(sel + " {")
        props = r.sample([
            f"display: {r.choice(['flex','grid','block','inline-flex','none'])};",
            f"padding: var(--space-{r.randint(1,4)}) var(--space-{r.randint(1,4)});",
            f"margin-{r.choice(['top','bottom','left','right'])}: {r.choice([0,4,8,12,16,24])}px;",
            f"color: {r.choice(COLORS)};",
            f"background: {r.choice(COLORS)};",
            f"border-radius: var(--radius-{r.choice(['sm','md'])});",
            f"font-size: {r.choice(['0.75rem','0.875rem','1rem','1.125rem','1.25rem'])};",
            f"gap: {r.choice([4,6,8,12,16])}px;",
            f"align-items: {r.choice(['center','flex-start','baseline','stretch'])};",
            f"border: 1px solid {r.choice(COLORS)};",
            f"transition: {r.choice(['opacity','transform','background-color'])} {r.choice([120,150,200,250])}ms ease-out;",
            f"z-index: {r.choice([1,2,10,50,100,999])};",
            f"line-height: {r.choice(['1.2','1.4','1.5','20px'])};",
            f"box-shadow: 0 {r.randint(1,4)}px {r.randint(2,12)}px rgba(15, 23, 42, 0.{r.randint(5,25):02d});",
        ], r.randint(2, 6))
        out += ["  " + p for p in props] + ["}", ""]
    return "\n".join(out)


def gen_vite_build(n, seed):
    r = random.Random(seed)
    lines = ["> web@3.14.2 build", "> tsc -b && vite build", "",
             "vite v5.4.11 building for production...", "transforming...",
             f"✓ {r.randint(2400, 4100)} modules transformed.", "rendering chunks...", "computing gzip size..."]
    for _ in range(n):
        name = r.choice(WORDS) + r.choice(["", "Page", "Panel", "Route", "Modal", "View"])
        h = "".join(r.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") for _ in range(8))
        ext = r.choice(["js", "js", "js", "css"])
        size = r.uniform(0.4, 180.0)
        lines.append(f"dist/assets/{name}-{h}.{ext}".ljust(58) + f"{size:8.2f} kB │ gzip: {size*0.31:7.2f} kB")
    lines.append("dist/assets/index-Bq7xK2mD.js".ljust(58) + "  912.47 kB │ gzip: 287.03 kB")
    lines.append("")
    lines.append("(!) Some chunks are larger than 500 kB after minification. Consider:")
    lines.append("- Using dynamic import() to code-split the application")
    lines.append("- Use build.rollupOptions.output.manualChunks to improve chunking: https://rollupjs.org/configuration-options/#output-manualchunks")
    lines.append("- Adjust chunk size limit for this warning via build.chunkSizeWarningLimit.")
    lines.append(f"✓ built in {r.uniform(9, 48):.2f}s")
    return "\n".join(lines)


def gen_logcat(n, seed, crash="java.lang.NullPointerException: Attempt to invoke virtual method 'java.lang.String com.acme.shop.data.model.User.getDisplayName()' on a null object reference"):
    r = random.Random(seed)
    pairs = [("Choreographer", "Skipped %d frames!  The application may be doing too much work on its main thread."),
             ("OkHttp", "--> GET https://api.acme-shop.com/v2/catalog?page=%d"),
             ("OkHttp", "<-- 200 https://api.acme-shop.com/v2/catalog (%dms)"),
             ("WorkManager", "Running job id %d"),
             ("ShopApp/Repo", "onResume() took %dms"),
             ("ShopApp/Auth", "Token refreshed, expires in %ds"),
             ("ShopApp/Sync", "Sync batch %d committed"),
             ("ActivityManager", "Displayed com.acme.shop/.MainActivity: +%dms")]
    t = 0.0
    out = []
    for _ in range(n):
        t += r.uniform(0.002, 0.4)
        s = 14 * 3600 + 22 * 60 + t
        ts = f"12-03 {int(s//3600):02d}:{int(s%3600//60):02d}:{s%60:06.3f}"
        tag, msg = r.choice(pairs)
        pid = 8121 if tag not in ("ActivityManager",) else 1432
        out.append(f"{ts}  {pid}  {r.choice([8121, 8121, 8170, 8203, 8244])} {r.choice('DIIIW')} {tag}: "
                   + (msg % r.randint(1, 900)))
    s = 14 * 3600 + 22 * 60 + t + 0.137
    cts = f"12-03 {int(s//3600):02d}:{int(s%3600//60):02d}:{s%60:06.3f}"
    out += [f"{cts}  8121  8121 E AndroidRuntime: FATAL EXCEPTION: main",
            f"{cts}  8121  8121 E AndroidRuntime: Process: com.acme.shop, PID: 8121",
            f"{cts}  8121  8121 E AndroidRuntime: {crash}",
            f"{cts}  8121  8121 E AndroidRuntime: \tat com.acme.shop.ui.profile.ProfileViewModel.headerTitle(ProfileViewModel.kt:88)",
            f"{cts}  8121  8121 E AndroidRuntime: \tat com.acme.shop.ui.profile.ProfileScreenKt$ProfileScreen$1.invoke(ProfileScreen.kt:54)",
            f"{cts}  8121  8121 E AndroidRuntime: \tat androidx.compose.runtime.internal.ComposableLambdaImpl.invoke(ComposableLambda.jvm.kt:109)",
            f"{cts}  8121  8121 E AndroidRuntime: \tat androidx.compose.runtime.Recomposer.performRecompose(Recomposer.kt:1144)",
            f"{cts}  8121  8121 E AndroidRuntime: \tat android.os.Handler.handleCallback(Handler.java:958)",
            f"{cts}  8121  8121 E AndroidRuntime: \tat android.os.Looper.loop(Looper.java:294)",
            f"{cts}  8121  8121 E AndroidRuntime: \tat android.app.ActivityThread.main(ActivityThread.java:8177)"]
    return "\n".join(out)


def gen_eslint(n, seed):
    r = random.Random(seed)
    rules = [("react-hooks/exhaustive-deps", "warning", "React Hook useEffect has a missing dependency: '{d}'. Either include it or remove the dependency array"),
             ("@typescript-eslint/no-unused-vars", "warning", "'{d}' is defined but never used"),
             ("@typescript-eslint/no-explicit-any", "warning", "Unexpected any. Specify a different type"),
             ("jsx-a11y/alt-text", "error", "img elements must have an alt prop, either with meaningful text, or an empty string for decorative images"),
             ("jsx-a11y/click-events-have-key-events", "error", "Visible, non-interactive elements with click handlers must have at least one keyboard listener"),
             ("import/order", "warning", "`{d}` import should occur before import of `./styles.module.css`"),
             ("no-console", "warning", "Unexpected console statement"),
             ("react/jsx-key", "error", "Missing \"key\" prop for element in iterator")]
    out = []
    files = sorted({f"src/{r.choice(['components','features','pages','hooks'])}/{r.choice(WORDS)}/{cap(r.choice(WORDS))}{r.choice(['', 'List', 'Card', 'Form'])}.tsx" for _ in range(n)})
    total_e = total_w = 0
    for f in files:
        out.append("/home/runner/work/storefront/storefront/" + f)
        for _ in range(r.randint(1, 5)):
            rule, sev, msg = r.choice(rules)
            if sev == "error": total_e += 1
            else: total_w += 1
            out.append(f"  {r.randint(3,240)}:{r.randint(1,60)}  {sev:<7}  {msg.format(d=r.choice(WORDS)+cap(r.choice(PARTS)))}  {rule}")
        out.append("")
    out.append(f"✖ {total_e+total_w} problems ({total_e} errors, {total_w} warnings)")
    return "\n".join(out)


def gen_i18n(n, seed, lang="en"):
    r = random.Random(seed)
    phr = {"en": ["Save changes", "Cancel", "Something went wrong", "Try again", "Add to cart", "Remove", "Your order is on its way",
                  "Enter a valid email address", "Password must be at least 8 characters", "Continue to payment", "Apply coupon",
                  "No results found", "Load more", "Sign out", "Edit profile", "Delete account", "Are you sure?", "Copied!",
                  "Free shipping over {amount}", "{count} items in your cart", "Last updated {date}", "Upload a file", "Drag files here"]}
    d = {}
    for i in range(n):
        k = f"{r.choice(WORDS)}.{r.choice(PARTS)}.{r.choice(['label','title','cta','error','hint','empty','aria'])}"
        if k in d: k += f"_{i}"
        d[k] = r.choice(phr[lang])
    return json.dumps(dict(sorted(d.items())), indent=2, ensure_ascii=False)


def gen_git_log(n, seed):
    r = random.Random(seed)
    authors = ["Mina Park <mina@acme.dev>", "João Ribeiro <joao.ribeiro@acme.dev>", "Lan Nguyen <lan.n@acme.dev>",
               "Sam Patel <sam@acme.dev>", "Ella Fischer <ella@acme.dev>", "dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>"]
    subj = ["fix({w}): prevent double submit on slow network", "feat({w}): add skeleton loader", "chore(deps): bump vite from 5.4.{a} to 5.4.{b}",
            "refactor({w}): extract use{W} hook", "style: run prettier", "fix({w}): focus trap escapes on Shift+Tab",
            "test({w}): cover empty state", "feat({w}): dark mode tokens", "fix(a11y): label icon-only buttons in {w}",
            "perf({w}): memoize row renderer", "revert: \"feat({w}): optimistic update\"", "docs: update README for pnpm"]
    out = []
    day = 28
    for i in range(n):
        h = "".join(r.choice("0123456789abcdef") for _ in range(40))
        w = r.choice(WORDS)
        out += [f"commit {h}", f"Author: {r.choice(authors)}",
                f"Date:   {['Mon','Tue','Wed','Thu','Fri'][i%5]} Nov {max(1, day - i//6)} {r.randint(8,19)}:{r.randint(0,59):02d}:{r.randint(0,59):02d} 2026 +0000", "",
                "    " + r.choice(subj).format(w=w, W=cap(w), a=r.randint(1,5), b=r.randint(6,11)), ""]
    return "\n".join(out)


def gen_component(name, fields, seed):
    r = random.Random(seed)
    lines = ["import { useState } from 'react';", "import { Button, TextField, Checkbox } from '@acme/ui';",
             f"import styles from './{name}.module.css';", "",
             f"type {name}Values = {{"]
    for f in fields:
        lines.append(f"  {f}: {r.choice(['string', 'string', 'boolean', 'number'])};")
    lines += ["};", "", f"export function {name}({{ initial, onSubmit }}: {{ initial: {name}Values; onSubmit: (v: {name}Values) => void }}) {{",
              f"  const [values, setValues] = useState<{name}Values>(initial);", "",
              "  return (", "    <form className={styles.form} onSubmit={(e) => { e.preventDefault(); onSubmit(values); }}>"]
    for f in fields:
        lines += ["      <TextField", f"        label=\"{cap(f)}\"", f"        value={{String(values.{f} ?? '')}}",
                  f"        onChange={{(e) => setValues({{ ...values, {f}: e.target.value }})}}", "      />"]
    lines += ["      <Button type=\"submit\">Save</Button>", "    </form>", "  );", "}"]
    return "\n".join(lines)


def gen_gha_log(n, seed, failure=None):
    r = random.Random(seed)
    out = []
    t = 0
    steps = ["Set up job", "Checkout", "Setup pnpm", "Setup Node.js 20.x", "Get pnpm store directory", "Cache pnpm store",
             "Install dependencies", "Lint", "Typecheck", "Unit tests", "Build"]
    for st in steps:
        out.append(f"##[group]Run {st}")
        for _ in range(n // len(steps)):
            t += r.randint(50, 1800)
            ts = f"2026-12-02T09:{14 + t//60000:02d}:{(t//1000)%60:02d}.{t%1000:03d}0000Z"
            msg = r.choice([
                f"Progress: resolved {r.randint(100,1900)}, reused {r.randint(100,1800)}, downloaded {r.randint(0,40)}, added {r.randint(0,900)}",
                f"Cache restored from key: linux-pnpm-store-{''.join(r.choice('0123456789abcdef') for _ in range(64))}",
                f" ✓ src/features/{r.choice(WORDS)}/{r.choice(WORDS)}.test.tsx ({r.randint(2,30)} tests) {r.randint(40,900)}ms",
                f"packages/{r.choice(['ui','web','admin','shared'])} lint$ eslint . --max-warnings=0",
                f"Downloading @esbuild/linux-x64@0.21.5: {r.randint(1,9)}.{r.randint(0,9)} MB",
                "Done in 42.1s", f"tsc -b tsconfig.{r.choice(['app','node','lib'])}.json"])
            out.append(f"{ts} {msg}")
        out.append("##[endgroup]")
    if failure:
        out += failure.split("\n")
    return "\n".join(out)


def gen_sync_log(n, seed):
    r = random.Random(seed)
    out = []
    ms = 0
    devs = ["ipad-7F2A", "pixel8-03C1", "web-chrome-9B11"]
    for i in range(n):
        ms += r.randint(3, 4000)
        dev = r.choice(devs)
        ev = r.choice(["queue.push", "queue.flush", "pull.begin", "pull.apply", "push.ack", "conflict.lww", "net.offline", "net.online"])
        rec = f"note:{r.randint(1000, 1040)}"
        out.append(f"[{dev}] +{ms:>8}ms {ev:<13} rec={rec} v={r.randint(1,60)} hlc={1764700000000 + ms}:{r.randint(0,3)}:{dev[:4]}")
    return "\n".join(out)


def gen_tokens(n, seed):
    r = random.Random(seed)
    d = {"color": {}, "space": {}, "radius": {}, "font": {}}
    for i in range(n):
        g = r.choice(["color", "color", "space", "radius", "font"])
        k = f"{r.choice(['brand','neutral','danger','success','warning','info','surface','text','border'])}-{r.choice([50,100,200,300,400,500,600,700,800,900])}"
        if g == "color":
            d[g][k] = {"value": r.choice(COLORS), "type": "color"}
        elif g == "space":
            d[g][str(r.randint(0, 40))] = {"value": f"{r.randint(0,20)*4}px", "type": "dimension"}
        elif g == "radius":
            d[g][r.choice(["none","xs","sm","md","lg","xl","full"])] = {"value": f"{r.choice([0,2,4,6,8,12,9999])}px", "type": "dimension"}
        else:
            d[g][r.choice(["body","caption","heading-1","heading-2","heading-3","mono","label"])] = {"value": {"fontFamily": r.choice(["Inter","IBM Plex Mono","Source Serif 4"]), "fontWeight": r.choice([400,500,600,700]), "fontSize": f"{r.choice([12,14,16,18,20,24,32])}px"}, "type": "typography"}
    return json.dumps(d, indent=2)


def gen_ios_crash(seed):
    r = random.Random(seed)
    out = ["Incident Identifier: 6D1F5C2E-8B7A-4C21-9E0F-3A5B7C9D1E2F", "Hardware Model:      iPhone15,3",
           "Process:             Fieldbook [4127]", "Path:                /private/var/containers/Bundle/Application/1B2C/Fieldbook.app/Fieldbook",
           "Identifier:          com.acme.fieldbook", "Version:             4.2.0 (812)", "Code Type:           ARM-64 (Native)",
           "OS Version:          iPhone OS 18.1.1 (22B91)", "", "Exception Type:  EXC_BREAKPOINT (SIGTRAP)",
           "Exception Codes: 0x0000000000000001, 0x00000001a3f0c8d4", "Termination Reason: SIGNAL 5 Trace/BPT trap: 5",
           "Triggered by Thread:  0", ""]
    for th in range(r.randint(6, 9)):
        out.append(f"Thread {th}{' Crashed' if th == 0 else ''}:" + ("" if th else ""))
        frames = (["libswiftCore.dylib  0x00000001a3f0c8d4 _assertionFailure(_:_:file:line:flags:) + 264",
                   "Fieldbook           0x0000000102a41c08 closure #1 in EntryListView.body.getter (EntryListView.swift:61)",
                   "SwiftUI             0x00000001a8b1e0f4 ForEach.init<A>(_:content:) + 412",
                   "Fieldbook           0x0000000102a40e30 EntryListView.body.getter (EntryListView.swift:48)"] if th == 0 else [])
        for _ in range(r.randint(4, 14)):
            frames.append(r.choice(["libsystem_kernel.dylib  0x00000001e9c2a1c8 mach_msg2_trap + 8",
                                    "CoreFoundation      0x00000001a0b6d1a0 __CFRunLoopRun + 1208",
                                    "SwiftUI             0x00000001a8c20b3c ViewGraph.updateOutputs(at:) + 184",
                                    "AttributeGraph      0x00000001c4e1a2d0 AG::Graph::update_attribute(AG::data::ptr<AG::Node>, unsigned int) + 452",
                                    "libdispatch.dylib   0x00000001a09e3b50 _dispatch_main_queue_drain + 980",
                                    "CoreData            0x00000001a6f7d2a4 -[NSManagedObjectContext performBlockAndWait:] + 256",
                                    "libsystem_pthread.dylib 0x00000001fa7e80c4 _pthread_wqthread + 228",
                                    "UIKitCore           0x00000001a3126d64 -[UIApplication _run] + 816"]))
        for i, f in enumerate(frames):
            out.append(f"{i:<3} {f}")
        out.append("")
    return "\n".join(out)


# ---------------------------------------------------------------- rows

# --- batch 1: css, git, react basics, a few long pastes

R("haiku", "question", "web", "terse", None, "One-liner CSS: centering with flex/grid is a well-known short answer.",
  "center a div horizontally and vertically css")
R("haiku", "question", "tooling", "terse", None, "Single git command, well known.",
  "undo last commit but keep changes")
R("haiku", "edit", "web", "plain", None, "Mechanical rename of a prop in a small component.",
  """Rename the `isOpen` prop to `open` in this component, nothing else:

```tsx
type DrawerProps = { isOpen: boolean; onClose: () => void; children: React.ReactNode };

export function Drawer({ isOpen, onClose, children }: DrawerProps) {
  if (!isOpen) return null;
  return (
    <div className="drawer" role="dialog" aria-modal="true">
      <button onClick={onClose} aria-label="Close">×</button>
      {children}
    </div>
  );
}
```""")
R("haiku", "explain", "web", "plain", None, "Explaining a short snippet in a sentence or two (TB7).",
  """what does this hook do?

```js
function usePrevious(value) {
  const ref = useRef();
  useEffect(() => { ref.current = value; });
  return ref.current;
}
```""")
R("sonnet", "explain", "web", "plain", None, "TB7: why usePrevious returns the stale value needs render/effect ordering reasoning, subtle but not concurrent-algorithm hard.",
  """ok I get that usePrevious returns the old value, but WHY does it? the ref is set to the new value in the effect, so why doesn't the component see the new one? walk me through the render/commit order. also would it break with StrictMode double-invoking effects?

```js
function usePrevious(value) {
  const ref = useRef();
  useEffect(() => { ref.current = value; });
  return ref.current;
}
```""")
R("haiku", "question", "web", "typos", None, "Short factual CSS question.",
  "whats the diffrence between rem and em again")
R("haiku", "question", "tooling", "terse", None, "Single npm/pnpm command.",
  "pnpm add dev dependency to one workspace package only")
R("haiku", "edit", "general", "plain", None, "Small text task: a commit message.",
  "Write a conventional commit message for: fixed the checkout button being clickable twice when the network is slow, added a disabled state while the mutation is pending.")
R("sonnet", "implement", "web", "plain", None, "Feature with clear spec in one component: debounced search with cancel and loading state.",
  "In our React app I need a search input that debounces 300ms, cancels the in-flight fetch when the user keeps typing (AbortController), shows a spinner while loading and an empty state when there are no results. We use TanStack Query v5. Give me the hook and the component.")
R("opus", "design", "mobile", "plain", "easy-words-hard", "TB6: plain words, but offline-first sync with conflict resolution across devices is distributed consistency design.",
  "Our field workers use the app in places with no signal for hours. They edit the same job notes on a phone and a tablet. When they get back online, sometimes one device's changes just disappear. How should we redo syncing so that nothing gets lost?")
R("haiku", "question", "web", "terse", None, "Known CSS property.",
  "css truncate text with ellipsis one line")
R("haiku", "question", "web", "terse", None, "Known CSS property for multiline clamp.",
  "and for 3 lines?")
R("sonnet", "debug", "web", "plain", None, "Classic stale-closure interval bug with a clear cause.",
  """My counter only ever goes to 1 and stops. Why and how do I fix it?

```jsx
function Timer() {
  const [count, setCount] = useState(0);
  useEffect(() => {
    const id = setInterval(() => {
      setCount(count + 1);
    }, 1000);
    return () => clearInterval(id);
  }, []);
  return <span>{count}</span>;
}
```""")
R("opus", "debug", "web", "verbose", "easy-words-hard", "TB6: intermittent performance cliff with no reproduction or lead; needs a theory across rendering, data and devices.",
  "So this is a weird one. Some of our customers say the order list page \"freezes\" for several seconds when they scroll, but only sometimes, and none of us can reproduce it on our machines. It's a React 18 app, the list is virtualized with react-window, data comes from a websocket that pushes updates. Support says it seems to happen more to people who leave the tab open all day. We have no profiles from their machines. Where would you even start, and what would you want us to instrument so that the next time it happens we actually catch it?")
R("haiku", "question", "tooling", "terse", None, "Single git command.",
  "git delete local branch and remote branch")
R("haiku", "question", "tooling", "typos", None, "Single git command.",
  "how do i see whcih commit changed a line in a file")
R("sonnet", "debug", "tooling", "plain", None, "Build failure with a clear cause in the log (ESM/CJS config).",
  """Vite dev server won't start after I renamed the config to vite.config.ts:

```
failed to load config from /Users/mina/code/storefront/vite.config.ts
error when starting dev server:
Error [ERR_REQUIRE_ESM]: require() of ES Module /Users/mina/code/storefront/node_modules/@vitejs/plugin-react/dist/index.mjs not supported.
Instead change the require of index.mjs in /Users/mina/code/storefront/vite.config.ts.timestamp-1764741212.cjs to a dynamic import() which is available in all CommonJS modules.
    at Object.<anonymous> (/Users/mina/code/storefront/vite.config.ts.timestamp-1764741212.cjs:5:27)
```

package.json has no "type" field. Node 20.""")
R("haiku", "edit", "web", "terse", None, "Mechanical conversion of a tiny stylesheet to Tailwind classes.",
  """convert to tailwind classes

.card { display:flex; gap:8px; padding:16px; border-radius:8px; background:#fff; box-shadow:0 1px 3px rgba(0,0,0,.1) }""")

_css1 = gen_css(560, 11)
R("haiku", "question", "web", "plain", "long-trivial", "TB5: long stylesheet, trivial lookup of which rules set a z-index of 999.",
  "Which selectors in this stylesheet set `z-index: 999`? Just list them.\n\n```css\n" + _css1 + "\n```")
R("sonnet", "refactor", "web", "plain", None, "TB5: rewriting a whole long stylesheet to use tokens is many careful steps, sonnet.",
  "Refactor this whole stylesheet so every hard-coded colour uses a CSS custom property (define them in :root with sensible names like --color-text-muted), and every px margin uses the --space-* scale where it matches exactly. Keep selectors and order the same.\n\n```css\n" + gen_css(260, 12) + "\n```")

R("opus", "plan", "web", "plain", "easy-words-hard", "TB6: plan across a large codebase to migrate state management; many teams, incremental, high stakes.",
  "We have a 400k-line React app on Redux with sagas, about 180 slices, and 9 teams shipping into it weekly. We want to get to TanStack Query for server state and something small like Zustand for the rest. Plan how to get there without a freeze.")
R("sonnet", "implement", "web", "plain", None, "Clear spec: accessible modal with focus trap and Escape.",
  "Write an accessible Modal component in React: focus goes to the first focusable element on open, Tab and Shift+Tab stay inside, Escape closes, focus returns to the trigger on close, background gets aria-hidden/inert. No libraries.")
R("haiku", "question", "web", "terse", None, "Short known a11y fact.",
  "aria-label vs aria-labelledby")
R("haiku", "explain", "web", "plain", None, "Common error message explained.",
  "What does \"Warning: Each child in a list should have a unique \\\"key\\\" prop\" mean?")
R("sonnet", "debug", "mobile", "plain", None, "TB2: long logcat but the NPE at ProfileViewModel.kt:88 points straight at the cause.",
  "App crashes opening the profile screen right after login. logcat below, what's wrong?\n\n```\n" + gen_logcat(120, 21) + "\n```\n\nProfileViewModel.kt:88 is `val headerTitle get() = repo.currentUser.value!!.getDisplayName()`. Hmm actually it's Kotlin calling a Java model.")
R("haiku", "question", "mobile", "terse", None, "Known SwiftUI modifier.",
  "swiftui hide keyboard on tap outside")
R("sonnet", "implement", "mobile", "plain", None, "Everyday Compose feature: pull to refresh with paging and error state.",
  "Compose: I have a LazyColumn of orders from a Paging 3 flow. Add pull-to-refresh (material3 PullToRefreshBox), a retry footer when appending fails, and a full-screen error state when the first load fails.")
R("opus", "design", "web", "plain", "easy-words-hard", "Open design: a design system consumed by twenty teams needs versioning, theming and governance trade-offs.",
  "About twenty product teams are going to use our new component library. Some are on React 17, some on 18, two are on Vue. How should we set it up so we can keep changing it without breaking all of them?")
R("haiku", "edit", "tooling", "plain", None, "Mechanical JSON edit: add a script to package.json.",
  """add a "typecheck" script that runs tsc --noEmit

{
  "name": "storefront",
  "private": true,
  "scripts": {
    "dev": "vite",
    "build": "tsc -b && vite build",
    "lint": "eslint .",
    "preview": "vite preview"
  }
}""")
R("sonnet", "ops", "tooling", "plain", None, "CI configuration with a clear spec.",
  "Write a GitHub Actions workflow for a pnpm monorepo: on PRs run lint, typecheck and vitest only for packages affected by the change (we use turbo), cache the pnpm store, Node 20, and upload coverage as an artifact.")
R("haiku", "question", "tooling", "terse", None, "Single git command.",
  "git stash only one file")
R("sonnet", "ops", "tooling", "follow-up", None, "TB8: points back to the workflow with a concrete symptom; fixing cache keys is everyday CI work.",
  "that didnt work, the cache step still says cache not found on every run even when pnpm-lock.yaml didn't change")
R("opus", "review", "security", "plain", None, "TB10: security review of auth token handling in a SPA.",
  """Can you review how we store and refresh tokens in our SPA? Be harsh.

```ts
// auth.ts
const KEY = 'acme.session';

export function saveSession(s: { accessToken: string; refreshToken: string; exp: number }) {
  localStorage.setItem(KEY, JSON.stringify(s));
}

export async function authedFetch(input: RequestInfo, init: RequestInit = {}) {
  let s = JSON.parse(localStorage.getItem(KEY) || 'null');
  if (!s) throw new Error('not logged in');
  if (Date.now() > s.exp * 1000 - 30_000) {
    const r = await fetch('/api/auth/refresh?token=' + s.refreshToken, { method: 'POST' });
    s = await r.json();
    saveSession(s);
  }
  return fetch(input, { ...init, headers: { ...init.headers, Authorization: 'Bearer ' + s.accessToken } });
}

// called from the OAuth redirect page
export function handleRedirect() {
  const p = new URLSearchParams(location.hash.slice(1));
  saveSession({ accessToken: p.get('access_token')!, refreshToken: p.get('refresh_token')!, exp: Number(p.get('expires_at')) });
  location.href = p.get('next') || '/';
}
```""")
R("haiku", "question", "web", "terse", None, "Known CSS.",
  "hide scrollbar but keep scrolling")
R("haiku", "edit", "web", "plain", None, "Mechanical: add alt text props to images.",
  """Add sensible alt attributes to these, the first two are decorative:

<img src="/img/divider.svg">
<img src="/img/sparkle.png">
<img src="/img/team/mina.jpg">
<img src="/img/product/blue-mug-front.jpg">""")
R("sonnet", "test", "web", "plain", None, "Writing tests for existing component with RTL.",
  "Write React Testing Library tests for the Drawer component I pasted earlier: renders nothing when closed, renders children when open, close button calls onClose, and it has role dialog with aria-modal.")
R("opus", "debug", "mobile", "verbose", "easy-words-hard", "TB6: intermittent data loss across app lifecycle with no lead; needs theory across storage, background tasks and sync.",
  "We have a Flutter app with offline drafts stored in Hive. Maybe once a week a user writes to support saying a draft they typed yesterday is gone. It's always Android, mostly Samsung, and it seems to happen after the phone was restarted or the app was killed in the background, but we tried that a hundred times and can't make it happen. Drafts are saved on every keystroke debounced 500ms and also synced to the server by a WorkManager job. What could be going on? I'd like a list of theories ranked by how likely they are, and for each one how we could prove or disprove it.")
R("haiku", "question", "tooling", "plain", None, "Short known answer about npm vs npx.",
  "What's the difference between npm ci and npm install?")
R("haiku", "question", "web", "terse", "hard-words-easy", "Sounds heavy (hydration, SSR) but it's a well-known error meaning.",
  "what does hydration mismatch mean in next")
R("sonnet", "debug", "web", "plain", None, "Hydration mismatch with a clear cause (Date rendering) in a small component.",
  """Next.js 14 app router gives me "Text content does not match server-rendered HTML" on this component. Fix it properly please, not just suppressHydrationWarning.

```tsx
export default function LastSeen({ ts }: { ts: number }) {
  const mins = Math.round((Date.now() - ts) / 60000);
  return <span className="text-xs text-slate-500">{mins < 1 ? 'just now' : `${mins} min ago`} · {new Date(ts).toLocaleTimeString()}</span>;
}
```""")

_gitlog = gen_git_log(420, 31)
R("haiku", "question", "tooling", "plain", "long-trivial", "TB5: long git log, trivial extraction of commits by one author.",
  "From this git log, list the commit subjects by Lan Nguyen only.\n\n```\n" + _gitlog + "\n```")
R("sonnet", "docs", "tooling", "plain", None, "Writing release notes from a long log needs grouping and judgement across many commits: several careful steps.",
  "Turn this git log into user-facing release notes for v3.15: group into Features, Fixes, Accessibility, skip chores/deps/style commits, merge duplicates, write them so a PM could read them.\n\n```\n" + gen_git_log(160, 32) + "\n```")

R("haiku", "question", "mobile", "terse", None, "Known Flutter fact.",
  "flutter stateless vs stateful when to use")
R("haiku", "question", "mobile", "typos", None, "Known RN command.",
  "how to clear metro bundler cahce react native")
R("sonnet", "debug", "mobile", "plain", None, "Build error with a clear cause (pod/deployment target mismatch).",
  """iOS build fails after upgrading react-native-reanimated:

```
[!] CocoaPods could not find compatible versions for pod "RNReanimated":
  In Podfile:
    RNReanimated (from `../node_modules/react-native-reanimated`)

Specs satisfying the `RNReanimated (from `../node_modules/react-native-reanimated`)` dependency were found, but they required a higher minimum deployment target.
```

Podfile has `platform :ios, '12.4'`. RN 0.74.""")
R("opus", "design", "mobile", "plain", None, "Architecture choice with trade-offs: local-first storage and sync engine for a mobile app.",
  "We're starting a new React Native app that has to work fully offline (inspections app, forms with photos, maybe 50k records per user). Compare WatermelonDB, a CRDT approach like Automerge/Yjs, and rolling our own SQLite + change log with server-side merges. We need to pick one for the next 3 years. What would you pick and why?")
R("haiku", "edit", "web", "plain", None, "Mechanical: convert JSON to YAML.",
  """Convert to YAML:

{"extends": ["eslint:recommended", "plugin:react/recommended"], "rules": {"no-console": "warn", "react/prop-types": "off"}, "settings": {"react": {"version": "detect"}}}""")
R("haiku", "question", "web", "terse", None, "Short known answer.",
  "vue ref vs reactive")
R("sonnet", "refactor", "web", "plain", None, "Refactor Vue Options API component to Composition API: several careful steps.",
  """Convert this to <script setup> with the Composition API, keep behaviour identical:

```vue
<template>
  <div class="cart">
    <p v-if="loading">Loading…</p>
    <ul v-else>
      <li v-for="item in items" :key="item.id">
        {{ item.name }} × {{ item.qty }}
        <button @click="remove(item.id)">Remove</button>
      </li>
    </ul>
    <p class="total">Total: {{ formattedTotal }}</p>
  </div>
</template>

<script>
export default {
  props: { currency: { type: String, default: 'EUR' } },
  data() { return { items: [], loading: true }; },
  computed: {
    total() { return this.items.reduce((s, i) => s + i.price * i.qty, 0); },
    formattedTotal() { return new Intl.NumberFormat('de-DE', { style: 'currency', currency: this.currency }).format(this.total); },
  },
  watch: { currency() { this.fetchCart(); } },
  async mounted() { await this.fetchCart(); },
  methods: {
    async fetchCart() {
      this.loading = true;
      this.items = await (await fetch('/api/cart?c=' + this.currency)).json();
      this.loading = false;
    },
    async remove(id) {
      await fetch('/api/cart/' + id, { method: 'DELETE' });
      this.items = this.items.filter(i => i.id !== id);
      this.$emit('changed', this.items.length);
    },
  },
};
</script>
```""")
R("sonnet", "refactor", "web", "follow-up", None, "TB8: 'same for the other components' is the same refactor again: sonnet.",
  "nice. now do the same for CheckoutSummary.vue and AddressForm.vue, I'll paste them next")
R("haiku", "edit", "web", "follow-up", None, "TB8: the words say a trivial rename.",
  "actually rename `remove` to `removeItem` everywhere in that component")
R("opus", "debug", "web", "terse", "short-hard", "Short, but a memory leak in a long-lived SPA with no lead needs heap analysis across components.",
  "spa tab memory grows to 3gb over a workday, no idea why")
R("haiku", "question", "tooling", "terse", None, "Known ESLint config.",
  "eslint disable rule for next line")
R("sonnet", "debug", "tooling", "plain", None, "ESLint flat config migration error with a clear message.",
  """Moved to eslint 9 flat config and now:

```
Oops! Something went wrong! :(

ESLint: 9.15.0

TypeError: Key "plugins": Key "react-hooks": Expected an object.
    at ObjectSchema.validate (/app/node_modules/@eslint/config-array/dist/cjs/index.cjs:...)
```

eslint.config.js:

```js
import js from '@eslint/js';
import react from 'eslint-plugin-react';
import tseslint from 'typescript-eslint';

export default [
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { react, 'react-hooks': 'eslint-plugin-react-hooks' },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
];
```""")
_eslint = gen_eslint(150, 41)
R("haiku", "question", "tooling", "terse", "long-trivial", "TB5: long lint output, trivial count of errors vs warnings per rule.",
  "how many jsx-a11y errors in this\n\n```\n" + _eslint + "\n```")
R("sonnet", "edit", "web", "plain", None, "Fixing dozens of lint issues across files needs per-case judgement (deps, a11y).",
  "CI fails on these, can you give me the fixes file by file? For exhaustive-deps don't just add everything blindly, tell me where it'd cause a loop.\n\n```\n" + gen_eslint(40, 42) + "\n```")
R("opus", "design", "web", "plain", "easy-words-hard", "Open design: feature flags across frontend apps and mobile clients with consistency and cleanup.",
  "How should we introduce feature flags across our web app, two mobile apps and the BFF so a flag means the same thing everywhere, and old flags actually get removed?")
R("haiku", "question", "web", "plain", None, "Short known answer.",
  "What's the default value of `box-sizing` and why does everyone set it to border-box?")
R("haiku", "edit", "web", "plain", None, "Tiny edit: add a dark mode media query for two variables.",
  """Add a prefers-color-scheme: dark block that flips these two:

:root { --bg: #ffffff; --fg: #0f172a; }""")
R("sonnet", "implement", "web", "plain", None, "Dark mode toggle with persistence and no flash: several steps, clear spec.",
  "Add a dark mode toggle to our Vite + React app: respects system preference by default, user choice persisted in localStorage, no flash of the wrong theme on first load (so some inline script in index.html), and a `useTheme()` hook.")
R("opus", "debug", "web", "plain", None, "Performance cliff needing analysis: layout thrashing theory from a profile summary across many components.",
  """Scrolling our data grid drops to ~8fps but only when the "sticky columns" setting is on AND there are more than ~60 columns. Below 60 it's smooth. Chrome profile summary for a 5s scroll:

```
Scripting   1,204 ms
Rendering   3,112 ms   (Recalculate Style 1,870 ms, Layout 1,011 ms)
Painting      418 ms
System        201 ms
Idle           65 ms
Forced reflow is a likely performance bottleneck. (x 2,140)
```

Sticky columns are done with position: sticky and a left offset we compute in a useLayoutEffect that reads offsetWidth of every header cell. Why is there a cliff at 60 and not a gradual slowdown? I want to understand it, not just a patch.""")
R("haiku", "question", "mobile", "terse", None, "Known Android fact.",
  "compose remember vs rememberSaveable")
R("sonnet", "explain", "mobile", "plain", None, "Explaining a non-trivial Compose function with recomposition behaviour.",
  """Why does this recompose the whole list every time I type in the search field? I thought LazyColumn skips items.

```kotlin
@Composable
fun ContactsScreen(vm: ContactsViewModel) {
    val state by vm.state.collectAsState()
    Column {
        OutlinedTextField(value = state.query, onValueChange = vm::onQuery)
        LazyColumn {
            items(state.contacts) { c ->
                ContactRow(contact = c, onClick = { vm.open(c.id) }, selected = state.selectedIds)
            }
        }
    }
}

data class ContactsState(val query: String, val contacts: List<Contact>, val selectedIds: MutableSet<String>)
```""")
R("haiku", "question", "tooling", "terse", None, "Single git command.",
  "git squash last 3 commits")
R("haiku", "question", "tooling", "terse", None, "Known git command.",
  "git change author of last commit")
R("sonnet", "debug", "tooling", "verbose", None, "Rebase gone wrong; recovering via reflog is several careful steps, clear cause.",
  "I did an interactive rebase on my feature branch to squash stuff, messed up a conflict resolution, then force-pushed. Now two days of commits seem to be gone from the branch on GitHub. Nobody else has pulled it. I haven't run gc or anything. Can I get them back? Please give me the exact commands and tell me what to check before force-pushing again.")

# --- batch 2: more sonnet/opus, mobile, other languages

R("opus", "design", "web", "terse", "short-hard", "Short, but an offline-first sync protocol with conflict resolution is distributed-systems design.",
  "offline-first sync w/ conflict resolution for our notes app. design it")
R("opus", "debug", "mobile", "plain", None, "Many devices, interleaved sync log, lost update after reconnect: ordering/causality analysis across components.",
  "Two devices edited note:1017 while one was offline. After both came online the tablet's edit was lost even though its HLC was later, I think. Here is the merged client log from all three devices. Find where the ordering goes wrong and explain whether it's our HLC comparison, the queue flush order, or last-writer-wins itself.\n\n```\n" + gen_sync_log(220, 51) + "\n```\n\nOur comparator: `(a, b) => a.wall - b.wall || a.counter - b.counter`. Node id is not part of it.")
R("haiku", "question", "mobile", "plain", None, "Known SwiftUI fact.",
  "In SwiftUI what's the difference between @State, @StateObject and @ObservedObject, in two lines each?")
R("sonnet", "debug", "mobile", "plain", None, "SwiftUI crash from index-out-of-range in ForEach with identifiable cause in the crash log.",
  "Crash in production on iOS 18, only some users. Crash log below. EntryListView.swift:61 is `Text(entries[index].title)` inside `ForEach(0..<entries.count, id: \\.self) { index in`. Entries come from a @FetchRequest and can be deleted by a background sync.\n\n```\n" + gen_ios_crash(61) + "\n```")
R("haiku", "edit", "mobile", "plain", None, "Mechanical rename in a small SwiftUI view.",
  """rename `vm` to `viewModel` here:

```swift
struct InboxView: View {
    @StateObject var vm = InboxViewModel()
    var body: some View {
        List(vm.threads) { t in
            ThreadRow(thread: t).onTapGesture { vm.open(t) }
        }
        .task { await vm.load() }
        .refreshable { await vm.load(force: true) }
    }
}
```""")
R("sonnet", "implement", "mobile", "plain", None, "Everyday SwiftUI feature with a clear spec.",
  "SwiftUI: build a photo picker grid for a form. Up to 6 photos, uses PhotosPicker, shows thumbnails in a 3-column LazyVGrid with a remove button on each, and compresses to JPEG at 0.7 before handing the Data to the view model. iOS 17+.")
R("opus", "design", "mobile", "plain", None, "Open architecture choice with trade-offs for a large app's navigation and modularisation.",
  "We have an iOS app with 60 screens, all UIKit, 14 engineers, and we want to move to SwiftUI over the next year while shipping every two weeks. Navigation is the scary part — deep links, push notifications opening nested screens, and a coordinator pattern everywhere. How would you structure the migration and the navigation layer so both worlds coexist?")
R("haiku", "question", "mobile", "terse", None, "Known Kotlin fact.",
  "kotlin let vs apply vs also")
R("sonnet", "test", "mobile", "plain", None, "Writing unit tests for a ViewModel with coroutines.",
  """Write tests for this ViewModel with kotlinx-coroutines-test and Turbine. Cover: loading → success, loading → error, and retry after error.

```kotlin
class OrdersViewModel(private val repo: OrdersRepository) : ViewModel() {
    private val _state = MutableStateFlow<OrdersState>(OrdersState.Loading)
    val state: StateFlow<OrdersState> = _state

    init { load() }

    fun retry() = load()

    private fun load() {
        _state.value = OrdersState.Loading
        viewModelScope.launch {
            _state.value = try {
                OrdersState.Success(repo.fetchOrders())
            } catch (e: IOException) {
                OrdersState.Error(e.message ?: "network")
            }
        }
    }
}
```""")
R("opus", "debug", "mobile", "verbose", "easy-words-hard", "TB6: a hang nobody can reproduce, in prose, across app start, disk and network; no lead.",
  "Our Android app sometimes gets stuck on the splash screen forever. Not a crash, there's no ANR dialog either, it just sits there. Firebase says it's about 0.3% of cold starts, slightly more on Android 14. We've never seen it ourselves. On startup we run: Hilt init, a Room migration check, remote config fetch with a 3s timeout, and we read an encrypted DataStore for the session. I don't know where to even look. Can you help me think through what could block like this and what to log?")
R("haiku", "question", "mobile", "typos", None, "Known Flutter command.",
  "flutter how to chnage app icon for android and ios both")
R("sonnet", "debug", "mobile", "plain", None, "Flutter layout error with a well-known cause in the message.",
  """Getting this and the screen is blank:

```
════════ Exception caught by rendering library ═════════════════════════════════
The following assertion was thrown during performResize():
Vertical viewport was given unbounded height.
Viewport.performResize (package:flutter/src/rendering/viewport.dart:1512:15)
RenderObject.layout (package:flutter/src/rendering/object.dart:2597:7)
...
The relevant error-causing widget was:
    ListView ListView:file:///Users/lan/dev/shopfront/lib/screens/cart_screen.dart:44:18
```

cart_screen.dart has a Column with a header Text, then the ListView.builder, then a Row with total + checkout button.""")

# Korean
R("haiku", "question", "web", "other-language", None, "TB9: language doesn't change tier; a known CSS one-liner.",
  "CSS로 이미지 비율 16:9 유지하는 방법 알려주세요. 한 줄이면 돼요.", language="ko")
R("sonnet", "debug", "web", "other-language", None, "TB9: React useEffect double fetch in StrictMode; clear cause, needs careful fix.",
  """React 18에서 개발 모드일 때 API가 두 번 호출돼요. 아래 코드인데, 프로덕션에서는 한 번만 호출되는 것 같아요. 왜 그런지 설명하고 제대로 고치는 방법(AbortController 등) 알려주세요.

```jsx
useEffect(() => {
  fetch(`/api/orders/${id}`).then(r => r.json()).then(setOrder);
}, [id]);
```""", language="ko")
R("opus", "plan", "web", "other-language", "easy-words-hard", "TB9+TB6: plain words, but a design system used by many teams plus migration plan is open design.",
  "저희 회사에 프론트엔드 팀이 20개 있는데 각자 버튼, 모달, 폼 컴포넌트를 따로 만들어 쓰고 있어요. 공통 디자인 시스템을 만들어서 1년 안에 모두 옮기고 싶은데, 어떤 순서로 진행해야 할지, 버전 관리와 토큰 구조는 어떻게 할지 계획을 세워 주세요.", language="ko")
R("haiku", "question", "tooling", "other-language", None, "TB9: single git command.",
  "git에서 특정 파일만 이전 커밋 상태로 되돌리는 명령어가 뭐예요?", language="ko")
R("sonnet", "implement", "mobile", "other-language", None, "TB9: everyday RN feature with clear spec.",
  "React Native에서 무한 스크롤 목록 만들어 주세요. FlatList 쓰고, 끝에 가까워지면 다음 페이지 불러오고, 당겨서 새로고침도 되고, 로딩 중엔 하단에 스피너 보여 주세요. 타입스크립트로요.", language="ko")
R("haiku", "edit", "general", "other-language", None, "TB9: short translation/text task.",
  "이 버튼 문구들 자연스러운 영어로 바꿔 주세요: '저장하기', '취소', '다시 시도', '장바구니에 담기'", language="ko")
R("opus", "debug", "web", "other-language", None, "TB9: intermittent freeze in production without a lead; needs a theory.",
  "운영 환경에서만 가끔 대시보드 페이지가 10초 정도 멈춰요. 로컬이나 스테이징에서는 재현이 안 되고, 사용자들 말로는 오후에 더 자주 생긴대요. 차트 라이브러리는 ECharts, 데이터는 SSE로 계속 들어옵니다. 원인 후보와 어떻게 측정해서 좁혀갈지 알려주세요.", language="ko")

# Portuguese
R("haiku", "question", "web", "other-language", None, "TB9: short known CSS answer.",
  "Como faço um grid com 3 colunas iguais que vira 1 coluna no celular? Só o CSS.", language="pt")
R("sonnet", "debug", "tooling", "other-language", None, "TB9: build failure with a clear cause in the error.",
  """O build no GitHub Actions quebra mas local funciona. Erro:

```
Run pnpm install --frozen-lockfile
 ERR_PNPM_OUTDATED_LOCKFILE  Cannot install with "frozen-lockfile" because pnpm-lock.yaml is not up to date with packages/admin/package.json

Note that in CI environments this setting is true by default. If you still need to run install in such cases, use "pnpm install --no-frozen-lockfile"
```

O que está acontecendo e qual é a correção certa (não quero só desligar o frozen-lockfile)?""", language="pt")
R("opus", "review", "security", "other-language", None, "TB9+TB10: security review of a payment webview bridge.",
  """Pode revisar a segurança dessa ponte entre a WebView e o app React Native? A página de pagamento roda num domínio de terceiros.

```tsx
<WebView
  source={{ uri: checkoutUrl }}
  javaScriptEnabled
  originWhitelist={['*']}
  onMessage={(e) => {
    const msg = JSON.parse(e.nativeEvent.data);
    if (msg.type === 'PAYMENT_OK') confirmOrder(msg.orderId, msg.amount);
    if (msg.type === 'OPEN_URL') Linking.openURL(msg.url);
    if (msg.type === 'GET_TOKEN') webview.current?.injectJavaScript(`window.onToken('${authToken}')`);
  }}
  ref={webview}
/>
```""", language="pt")
R("haiku", "edit", "web", "other-language", None, "TB9: mechanical rename.",
  "Troca o nome da prop `titulo` para `title` nesse componente: `export const Card = ({ titulo, children }) => <section><h2>{titulo}</h2>{children}</section>`", language="pt")
R("sonnet", "implement", "web", "other-language", None, "TB9: form with validation, clear spec.",
  "Preciso de um formulário de cadastro em React com react-hook-form e zod: nome, e-mail, CPF (com validação dos dígitos), telefone com máscara e senha com confirmação. Mostrar erros embaixo de cada campo e desabilitar o botão enquanto envia.", language="pt")
R("opus", "plan", "mobile", "other-language", "easy-words-hard", "TB9+TB6: plan to move app to offline-first with conflict handling.",
  "Nosso app de vendas externas precisa funcionar sem internet o dia todo e sincronizar à noite. Hoje ele só funciona online. Dois vendedores às vezes editam o mesmo cliente. Como você planejaria essa mudança, do banco local até a resolução de conflitos?", language="pt")
R("haiku", "question", "tooling", "other-language", None, "TB9: single command.",
  "qual comando do git mostra as branches remotas?", language="pt")

# Vietnamese
R("haiku", "question", "web", "other-language", None, "TB9: short known CSS question.",
  "Làm sao để footer luôn nằm dưới cùng trang khi nội dung ít? CSS ngắn gọn thôi.", language="vi")
R("sonnet", "debug", "mobile", "other-language", None, "TB9: RN Android build error with clear cause.",
  """Build Android bị lỗi sau khi nâng cấp React Native lên 0.76:

```
FAILURE: Build failed with an exception.
* What went wrong:
Execution failed for task ':app:checkDebugAarMetadata'.
> A failure occurred while executing com.android.build.gradle.internal.tasks.CheckAarMetadataWorkAction
   > 2 issues were found when checking AAR metadata:
       1.  Dependency 'androidx.core:core:1.15.0' requires libraries and applications that
           depend on it to compile against version 35 or later of the
           Android APIs.
           :app is currently compiled against android-34.
```

Cần sửa ở đâu?""", language="vi")
R("opus", "design", "web", "other-language", None, "TB9: architecture trade-off for micro-frontends across many teams.",
  "Công ty mình có 6 team cùng làm một trang quản trị lớn bằng React. Mọi người đang cân nhắc chuyển sang micro-frontend (Module Federation) hay giữ monorepo. Bạn phân tích ưu nhược điểm, rủi ro về hiệu năng và chia sẻ state, rồi đề xuất hướng đi giúp mình.", language="vi")
R("haiku", "explain", "web", "other-language", None, "TB9: short snippet explained in a sentence.",
  "Đoạn này làm gì vậy: `const unique = [...new Set(arr)];`", language="vi")
R("sonnet", "test", "web", "other-language", None, "TB9: writing tests for an existing hook.",
  "Viết test bằng Vitest + React Testing Library cho hook useDebounce(value, delay) của mình: kiểm tra giá trị chỉ cập nhật sau delay, và timer bị hủy khi value đổi liên tục. Dùng fake timers.", language="vi")
R("haiku", "question", "tooling", "other-language", None, "TB9: single npm fact.",
  "npm và pnpm khác nhau chỗ nào, trả lời ngắn thôi", language="vi")

R("sonnet", "implement", "web", "plain", None, "Svelte feature, clear spec.",
  "Svelte 5 (runes): build a toast store + <Toaster/> component. toast.success/error/info, auto-dismiss after 4s unless hovered, max 3 visible, announced to screen readers via aria-live polite.")
R("haiku", "question", "web", "terse", None, "Known Svelte 5 fact.",
  "svelte 5 $state vs $derived")
R("sonnet", "debug", "web", "plain", None, "Svelte reactivity gotcha with clear cause.",
  """Why doesn't the list update when I add an item? Svelte 4.

```svelte
<script>
  let todos = [];
  let text = '';
  function add() {
    todos.push({ id: Date.now(), text });
    text = '';
  }
</script>

<input bind:value={text} />
<button on:click={add}>Add</button>
{#each todos as t (t.id)}<p>{t.text}</p>{/each}
```""")
R("opus", "debug", "web", "plain", None, "Race across components (optimistic update vs websocket echo) without clear lead: ordering reasoning.",
  "We do optimistic updates on our kanban board: drag a card, update the cache immediately, PATCH the server, and the server also broadcasts the move over a websocket to everyone including the sender. Under a bit of latency, cards sometimes jump back to the old column for a second, and occasionally end up in the wrong column permanently until refresh. Two people dragging at once makes it much worse. How should the client reconcile local intent with server events so it converges?")
R("haiku", "edit", "web", "plain", None, "Mechanical: sort imports.",
  """sort these imports: external first alphabetically, then internal aliases, then relative

import styles from './Cart.module.css';
import { formatPrice } from '@/lib/money';
import { useQuery } from '@tanstack/react-query';
import clsx from 'clsx';
import { CartRow } from './CartRow';
import React, { useMemo } from 'react';
import { Button } from '@acme/ui';
import { useCart } from '@/features/cart/useCart';""")
R("haiku", "question", "tooling", "terse", None, "Known git command.",
  "git see changes staged only")
R("sonnet", "ops", "tooling", "plain", None, "Build config: webpack → vite migration for a mid-size app, known steps.",
  """Migrate this webpack config to vite.config.ts. We need the same aliases, the SVG-as-React-component import, env vars prefixed with APP_, and the /api proxy.

```js
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const webpack = require('webpack');

module.exports = (env, argv) => ({
  entry: './src/index.tsx',
  output: { path: path.resolve(__dirname, 'build'), filename: '[name].[contenthash].js', publicPath: '/' },
  resolve: {
    extensions: ['.tsx', '.ts', '.js'],
    alias: { '@': path.resolve(__dirname, 'src'), '@ui': path.resolve(__dirname, '../ui/src') },
  },
  module: {
    rules: [
      { test: /\\.tsx?$/, use: 'babel-loader', exclude: /node_modules/ },
      { test: /\\.module\\.scss$/, use: ['style-loader', { loader: 'css-loader', options: { modules: true } }, 'sass-loader'] },
      { test: /\\.svg$/, use: ['@svgr/webpack'] },
      { test: /\\.(png|jpe?g|gif|woff2?)$/, type: 'asset' },
    ],
  },
  plugins: [
    new HtmlWebpackPlugin({ template: './public/index.html' }),
    new webpack.DefinePlugin({
      'process.env': JSON.stringify(Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('APP_')))),
    }),
  ],
  devServer: { historyApiFallback: true, port: 3000, proxy: { '/api': { target: 'http://localhost:8080', changeOrigin: true } } },
  devtool: argv.mode === 'production' ? 'source-map' : 'eval-cheap-module-source-map',
});
```""")
_vite = gen_vite_build(420, 71)
R("haiku", "question", "tooling", "plain", "long-trivial", "TB5: long build output, find the single largest chunk — checkable at a glance.",
  "Which chunk is the biggest in this build output and how big is it gzipped?\n\n```\n" + _vite + "\n```")
R("opus", "plan", "web", "plain", None, "Bundle analysis plus a code-splitting strategy across routes and shared deps needs analysis, not a known fix.",
  "Our main bundle is 912 kB and LCP on mid-range Android is 5.8s. Here's the full build output. Look at the chunk graph and propose a splitting strategy (routes, vendor groups, what to lazy-load, what should stay in the entry) with expected impact, and what would regress if we get it wrong.\n\n```\n" + gen_vite_build(120, 72) + "\n```")
R("haiku", "question", "web", "terse", None, "Known CSS.",
  "css smooth scroll to anchor")
R("haiku", "question", "web", "plain", None, "Short conceptual a11y answer.",
  "Is it ok to use a div with onClick as a button if I add role=\"button\"? What else do I need?")
R("sonnet", "review", "web", "plain", None, "TB10: reviewing a component diff for correctness and a11y.",
  """Review this PR diff please, anything wrong?

```diff
--- a/src/components/Tabs.tsx
+++ b/src/components/Tabs.tsx
@@ -1,22 +1,41 @@
-export function Tabs({ tabs }: { tabs: { id: string; label: string; content: ReactNode }[] }) {
-  const [active, setActive] = useState(tabs[0].id);
+export function Tabs({ tabs, defaultId }: { tabs: Tab[]; defaultId?: string }) {
+  const [active, setActive] = useState(defaultId ?? tabs[0].id);
+  const refs = useRef<HTMLButtonElement[]>([]);
+
+  function onKeyDown(e: KeyboardEvent, i: number) {
+    if (e.key === 'ArrowRight') refs.current[(i + 1) % tabs.length].focus();
+    if (e.key === 'ArrowLeft') refs.current[i - 1].focus();
+  }
+
   return (
     <div>
-      <div className="tabs__list">
-        {tabs.map(t => (
-          <button onClick={() => setActive(t.id)} className={t.id === active ? 'active' : ''}>{t.label}</button>
+      <div className="tabs__list" role="tablist">
+        {tabs.map((t, i) => (
+          <button
+            ref={el => (refs.current[i] = el!)}
+            role="tab"
+            aria-selected={t.id === active}
+            onKeyDown={e => onKeyDown(e, i)}
+            onClick={() => setActive(t.id)}
+          >
+            {t.label}
+          </button>
         ))}
       </div>
-      {tabs.find(t => t.id === active)?.content}
+      <div role="tabpanel">{tabs.find(t => t.id === active)?.content}</div>
     </div>
   );
 }
```""")
R("sonnet", "edit", "web", "follow-up", None, "TB8: applying the review fixes is several concrete edits.",
  "ok apply all of those fixes and give me the full file")
R("haiku", "docs", "web", "plain", None, "Add a JSDoc comment: mechanical docs.",
  "Add a short JSDoc to this: `export const clamp = (n: number, min: number, max: number) => Math.min(Math.max(n, min), max);`")
R("opus", "design", "security", "plain", None, "Threat model and design for auth in SPA + mobile: security, subtle mistakes are vulnerabilities.",
  "We're moving auth for our React SPA and two native apps from long-lived JWTs in localStorage to something sane. Design the whole thing: BFF with cookies vs tokens for the SPA, PKCE for the apps, refresh rotation and reuse detection, logout everywhere. Tell me where the traps are.")

# --- batch 3: traps both ways, mid-length pastes, more voices

R("haiku", "question", "web", "plain", "hard-words-easy", "Scary vocabulary (concurrent rendering, transitions) but a short well-known answer.",
  "In React 18 concurrent rendering, what does useTransition actually return? Just the signature.")
R("haiku", "explain", "web", "terse", "hard-words-easy", "Sounds like deep reconciliation internals but it's explaining a common warning.",
  "react reconciliation fiber warning: Cannot update a component while rendering a different component — what does it mean")
R("haiku", "question", "security", "plain", "hard-words-easy", "Security words but a one-line header config.",
  "What Content-Security-Policy header line blocks all inline scripts but allows scripts from our own origin and cdn.acme.com?")
R("haiku", "question", "web", "typos", "hard-words-easy", "Scary words (GPU compositing, layers) but the answer is a one-liner.",
  "how do i force an element onto its own gpu compositor layer, the will-change thing? whats the exact css")
R("haiku", "question", "tooling", "plain", "hard-words-easy", "Monorepo/ dependency-graph words but a single command.",
  "In a pnpm workspace with a complicated dependency graph, how do I run the build script in every package that depends on @acme/tokens, recursively?")
R("haiku", "edit", "mobile", "plain", "hard-words-easy", "Concurrency word (MainActor) but the ask is adding one annotation.",
  """Add @MainActor to this class, that's all, Swift 6 is complaining:

```swift
final class SessionStore: ObservableObject {
    @Published var user: User?
    func signOut() { user = nil }
}
```""")
R("haiku", "question", "mobile", "plain", "hard-words-easy", "Cryptographic-sounding (keychain, secure enclave) but just which API to call.",
  "What's the SwiftUI/iOS API to store a small token in the Keychain? Just the class/function names, I'll read the docs.")
R("haiku", "explain", "tooling", "plain", "hard-words-easy", "Scary-looking error (detached HEAD) that has a short well-known explanation.",
  "git says 'You are in detached HEAD state'. Am I in trouble? What does it mean in plain words")

R("opus", "design", "web", "terse", "short-hard", "Few words, but a virtualized grid with variable row heights and sticky columns at scale is a hard algorithm/perf design.",
  "virtualized table, 1M rows, variable row heights, sticky cols. how")
R("opus", "design", "web", "terse", "short-hard", "Short, but real-time collaborative editing requires CRDT/OT design.",
  "add google docs style co-editing to our rich text editor")
R("opus", "design", "mobile", "terse", "short-hard", "Short, but background sync reliability across iOS/Android constraints with exactly-once semantics is hard.",
  "exactly-once upload queue for photos on mobile, survives app kill")
R("opus", "plan", "web", "terse", "short-hard", "Short, but a plan to migrate a large app from Vue 2 to Vue 3 incrementally spans the codebase.",
  "vue 2 -> 3 for a 900-component app, plan it")
R("opus", "debug", "web", "terse", "short-hard", "Short, but a heisenbug in prod-only builds with no lead.",
  "only breaks in prod build, minified, cant repro in dev. sometimes.")
R("opus", "design", "web", "terse", "short-hard", "Short, but undo/redo across collaborative multi-user state is hard design.",
  "undo/redo that works with multiple users editing")
R("opus", "design", "security", "terse", "short-hard", "Short, but end-to-end encryption for a web+mobile chat is crypto design.",
  "e2e encrypt messages between our web and mobile clients")

R("sonnet", "debug", "web", "plain", None, "CORS error with identifiable cause in the message.",
  """fetch from localhost:5173 to our staging api fails:

```
Access to fetch at 'https://staging-api.acme.dev/v1/me' from origin 'http://localhost:5173' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.
```

Frontend uses `credentials: 'include'`. I can change both sides. Best way for dev and for prod?""")
R("haiku", "question", "web", "follow-up", None, "TB8: the words ask for one config line.",
  "and what's the vite proxy config line for that so I can skip cors in dev")
R("sonnet", "implement", "web", "plain", None, "Infinite scroll with IntersectionObserver, clear spec.",
  "Write a `useInfiniteScroll` hook using IntersectionObserver: takes a callback and `hasMore`, returns a ref for a sentinel element, doesn't fire twice while a page is loading, and cleans up properly. TypeScript.")
R("sonnet", "debug", "web", "typos", None, "Clear cause: useEffect missing cleanup causes setState on unmounted/outdated request race; standard fix.",
  "when i switch between user profiles fast the page somtimes shows the previous users data. i use useEffect with fetch(`/api/users/${id}`) and setUser. whats the fix")
R("opus", "debug", "web", "typos", "easy-words-hard", "TB6: prod-only intermittent state corruption across tabs with no lead.",
  "users say sometimes there cart shows items from another session?? like they log out, someone else logs in on the same computer and sees old cart for a sec then it flips. we use react query + localStorage persister + a service worker for offline. cant repro on purpose. is this a data leak? how do we find it")

_comp = gen_component("ShippingAddressForm", ["firstName", "lastName", "company", "street", "houseNumber", "postalCode", "city", "region", "country", "phone", "email", "deliveryNotes", "isDefault"], 81)
R("haiku", "edit", "web", "plain", None, "Mechanical: add autocomplete attributes on fields.",
  "Add the right `autoComplete` attribute to each TextField here (given-name, family-name, etc.). Don't change anything else.\n\n```tsx\n" + _comp + "\n```")
R("sonnet", "refactor", "web", "plain", None, "Refactor form to react-hook-form with zod validation: several steps.",
  "Refactor this form to react-hook-form + zod. postalCode must match by country (DE 5 digits, NL 4 digits + 2 letters, UK the usual), email valid, phone optional, show field errors with aria-describedby.\n\n```tsx\n" + _comp + "\n```")
R("sonnet", "debug", "web", "plain", None, "Identifiable cause: `String(values.isDefault)` into text fields and number coercion bug.",
  "Why does isDefault always end up as the string \"true\" or \"false\" when I submit, and the backend rejects it? Same component as before.\n\n```tsx\n" + _comp + "\n```")

R("sonnet", "implement", "web", "verbose", None, "Accessible combobox following ARIA pattern: several steps, clear spec.",
  "I need an autocomplete/combobox for picking a city in our checkout. Requirements from our accessibility audit: it must follow the WAI-ARIA combobox pattern (aria-expanded, aria-controls, aria-activedescendant), arrow keys move through options, Enter selects, Escape closes and clears if nothing selected, results announced (\"5 results available\"). Options come from an async endpoint /api/cities?q=. We don't want Downshift or any other library because of bundle size. React + TS please, with a short explanation of the ARIA bits so I can defend it to the auditor.")
R("haiku", "question", "web", "plain", None, "Short a11y fact.",
  "What contrast ratio does WCAG AA require for normal text and for large text?")
R("haiku", "question", "web", "terse", None, "Known CSS.",
  "prefers-reduced-motion disable all animations css snippet")
R("sonnet", "review", "web", "plain", None, "TB10: accessibility review of a component markup; correctness, not security.",
  """Do an accessibility review of this markup and list concrete fixes:

```html
<div class="card" onclick="openProduct(42)">
  <img src="/p/42.jpg">
  <div class="title">Blue mug</div>
  <div class="price" style="color:#9ca3af">€12.00</div>
  <div class="rating">★★★★☆</div>
  <span class="btn" onclick="addToCart(42); event.stopPropagation()">🛒</span>
</div>
<div class="toast" style="display:none" id="toast">Added to cart</div>
<input placeholder="Email for price alerts">
<span class="btn" onclick="subscribe()">Go</span>
```""")

R("sonnet", "debug", "tooling", "plain", None, "GHA log with a clear failing step (typecheck error).",
  "The CI job fails and I can't see why in this wall of text. What's the actual error and how do I fix it?\n\n```\n" + gen_gha_log(70, 91, failure="""##[group]Run Typecheck
2026-12-02T09:19:02.1130000Z packages/web typecheck$ tsc -b
2026-12-02T09:19:11.5870000Z src/features/checkout/useCheckout.ts(42,7): error TS2322: Type 'string | undefined' is not assignable to type 'string'.
2026-12-02T09:19:11.5870000Z   Type 'undefined' is not assignable to type 'string'.
2026-12-02T09:19:11.6010000Z packages/web typecheck: Failed
2026-12-02T09:19:11.6240000Z ##[error]Process completed with exit code 2.
##[endgroup]""") + "\n```\n\nline 42 is `const couponCode: string = params.get('coupon');`")
R("haiku", "question", "tooling", "terse", None, "Known GHA fact.",
  "github actions run job only on main branch push")
R("haiku", "question", "tooling", "plain", None, "Known GHA syntax.",
  "How do I reference a secret inside a GitHub Actions `run:` step?")
R("sonnet", "ops", "tooling", "plain", None, "CI config: matrix + release with changesets, known steps.",
  "Set up Changesets in our pnpm monorepo with a GitHub Action that opens a 'Version Packages' PR and publishes to npm on merge. Packages: @acme/ui, @acme/tokens, @acme/icons. icons should always be versioned together with ui.")
R("opus", "design", "tooling", "plain", "easy-words-hard", "TB6: plain words; versioning and release policy for a package consumed by 20 teams is open design with trade-offs.",
  "Twenty teams depend on our UI package. Every release breaks someone. How should we release it?")
R("opus", "plan", "web", "verbose", None, "Multi-step migration across a codebase: CSS-in-JS to a zero-runtime approach in a design system with many consumers.",
  "We built our design system on styled-components five years ago. It's now used by ~20 apps, some SSR with Next, and React Server Components basically can't use it. We're considering vanilla-extract, CSS modules + tokens, or Tailwind with a preset. Consumers override our styles in all sorts of ways (styled(Button), className props, theme overrides). I need a recommendation and a migration plan that doesn't require every app to migrate on the same day, including how we handle the overrides and how we know when we're done.")

R("haiku", "question", "web", "non-native", None, "TB9: rough English, short CSS question.",
  "please how I make the image not stretch inside box, it keep the ratio and fill the box, crop is ok")
R("sonnet", "debug", "web", "non-native", None, "TB9: rough English; sticky header bug with clear cause (overflow on ancestor).",
  """my header have position sticky top 0 but it not stick, it scroll away with page. what is wrong?

```css
.layout { display: flex; flex-direction: column; overflow-x: hidden; }
.header { position: sticky; top: 0; z-index: 10; background: white; }
```""")
R("opus", "design", "mobile", "non-native", "easy-words-hard", "TB9+TB6: offline conflicts between many workers on shared records is distributed design.",
  "We have app for warehouse, many worker scan same pallet in same time, sometimes no wifi in corner of warehouse. The count of items become wrong after sync. How we should design so count is always correct?")
R("haiku", "question", "mobile", "non-native", None, "TB9: known fact.",
  "in flutter what is difference of hot reload and hot restart, short answer please")
R("sonnet", "implement", "mobile", "non-native", None, "TB9: everyday Flutter feature with clear spec.",
  "I need in Flutter a login screen with email and password, show/hide password icon, validate email format, button show loading when request, and show snackbar if error. Use Riverpod please.")

R("haiku", "edit", "general", "plain", None, "Small text task: changelog line.",
  "Give me one changelog line for: Tabs now support keyboard navigation with arrow keys and Home/End.")
R("haiku", "edit", "web", "terse", None, "Mechanical conversion of class to function component, tiny.",
  """to function component

class Hello extends React.Component { render() { return <h1>Hello {this.props.name}</h1>; } }""")
R("sonnet", "refactor", "web", "plain", None, "Converting a non-trivial class component with lifecycles to hooks.",
  """Convert to a function component with hooks. Careful with the subscription and the scroll restore.

```jsx
class ChatWindow extends React.Component {
  state = { messages: [], draft: '' };
  listRef = React.createRef();

  componentDidMount() {
    this.unsub = chat.subscribe(this.props.roomId, this.onMessage);
  }
  componentDidUpdate(prevProps, prevState) {
    if (prevProps.roomId !== this.props.roomId) {
      this.unsub();
      this.setState({ messages: [] });
      this.unsub = chat.subscribe(this.props.roomId, this.onMessage);
    }
    if (prevState.messages.length < this.state.messages.length) {
      const el = this.listRef.current;
      const nearBottom = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
      if (nearBottom) el.scrollTop = el.scrollHeight;
    }
  }
  componentWillUnmount() { this.unsub(); }
  onMessage = (m) => this.setState(s => ({ messages: [...s.messages, m] }));
  send = () => { chat.send(this.props.roomId, this.state.draft); this.setState({ draft: '' }); };
  render() {
    return (
      <div>
        <ul ref={this.listRef} className="chat__list">{this.state.messages.map(m => <li key={m.id}>{m.text}</li>)}</ul>
        <input value={this.state.draft} onChange={e => this.setState({ draft: e.target.value })} />
        <button onClick={this.send}>Send</button>
      </div>
    );
  }
}
```""")
R("sonnet", "test", "web", "follow-up", None, "TB8: 'add tests for that too' → sonnet.",
  "add tests for that too, mock the chat module")

R("haiku", "question", "tooling", "terse", None, "Known git command.",
  "git rename branch local and remote")
R("haiku", "question", "tooling", "typos", None, "Known git command.",
  "git cherrypick a range of commits syntax")
R("sonnet", "debug", "tooling", "plain", None, "Merge conflict in lockfile: known steps.",
  "I have a merge conflict in pnpm-lock.yaml after rebasing on main, about 400 lines of conflict markers. What's the right way to resolve it without hand-editing?")
R("haiku", "question", "tooling", "plain", None, "Known .gitignore fact.",
  "I added .env to .gitignore but git still shows it as modified. Why and what's the command?")
R("sonnet", "ops", "security", "verbose", None, "Removing a leaked secret from git history: known steps (filter-repo, rotate), careful but standard.",
  "Someone committed our Stripe test secret key and a Firebase service account JSON into the repo three weeks ago; it's been pushed and there are ~40 commits after it, a few open PRs branch off after it. I know we have to rotate the keys, that's happening. What are the exact steps to purge them from history with git filter-repo, what happens to the open PRs and people's local clones, and what do I need to tell GitHub support about cached views?")

R("opus", "review", "web", "plain", None, "TB10: reviewing concurrent client code (request dedupe + cache + retry) for races.",
  """Review this request cache we wrote for our SPA for race conditions. It's used by ~200 components.

```ts
const cache = new Map<string, { data?: unknown; promise?: Promise<unknown>; ts: number }>();
const TTL = 30_000;

export async function cachedGet<T>(url: string, opts: { force?: boolean } = {}): Promise<T> {
  const hit = cache.get(url);
  if (hit && !opts.force) {
    if (hit.promise) return hit.promise as Promise<T>;
    if (Date.now() - hit.ts < TTL) return hit.data as T;
  }
  const promise = fetchWithRetry(url).then((data) => {
    cache.set(url, { data, ts: Date.now() });
    return data;
  });
  cache.set(url, { promise, ts: Date.now() });
  return promise as Promise<T>;
}

export function invalidate(prefix: string) {
  for (const k of cache.keys()) if (k.startsWith(prefix)) cache.delete(k);
}

async function fetchWithRetry(url: string, n = 3): Promise<unknown> {
  try {
    const r = await fetch(url);
    if (!r.ok) throw new Error(String(r.status));
    return r.json();
  } catch (e) {
    if (n === 0) throw e;
    await new Promise((res) => setTimeout(res, 2 ** (3 - n) * 250));
    return fetchWithRetry(url, n - 1);
  }
}
```

Typical flow: a mutation calls `invalidate('/api/orders')` and then a component re-renders and calls `cachedGet('/api/orders?page=1')`.""")
R("sonnet", "explain", "web", "plain", None, "TB7: why the async ordering behaves subtly (microtasks vs macrotasks).",
  """Why does this print 1 4 3 2 and not 1 2 3 4?

```js
console.log(1);
setTimeout(() => console.log(2), 0);
Promise.resolve().then(() => console.log(3));
console.log(4);
```""")
R("haiku", "explain", "web", "plain", None, "Short snippet explained in a sentence.",
  "what does `??=` do in JS, e.g. `opts.retries ??= 3`")
R("sonnet", "explain", "web", "plain", None, "TB7: closure capturing loop variable with var, subtle.",
  """Interview question I got wrong. Why does this log 3,3,3 and what are two ways to make it 0,1,2?

```js
for (var i = 0; i < 3; i++) {
  setTimeout(() => console.log(i));
}
```""")

R("opus", "debug", "mobile", "plain", None, "Performance cliff on RN list with a profile excerpt; needs analysis across JS thread, bridge and layout.",
  """Our React Native feed (FlashList, ~2k items, images) is smooth for the first ~300 items and then JS thread FPS falls off a cliff to ~5 and never recovers until you leave the screen. Memory is flat. Hermes sampling profile top frames after the cliff:

```
 self%  total%  function
 31.2   31.2    (garbage collector)
 14.8   46.1    reconcileChildrenArray  react-native-renderer
  9.7   22.4    useFeedItemAnalytics   src/feed/analytics.ts:27
  6.1    6.1    JSON.stringify
  5.3   12.0    getItemType             src/feed/FeedList.tsx:88
  4.4    4.4    Map.prototype.get
  3.9   18.7    onViewableItemsChanged  src/feed/FeedList.tsx:141
```

analytics.ts:27 builds a key with JSON.stringify(item) and keeps a Map of seen items for impression tracking. onViewableItemsChanged sets state with the list of visible ids. What's causing the cliff and what would you change?""")
R("opus", "design", "web", "plain", "easy-words-hard", "TB6: plain words, offline-capable PWA with background sync and conflict handling is distributed design.",
  "Our sales reps want to use the web app on trains. They should be able to create and edit orders with no connection and have everything show up correctly later, even if the price list changed meanwhile. What would you build?")
R("sonnet", "implement", "web", "plain", None, "Service worker caching strategy with Workbox, clear spec.",
  "Add a service worker with Workbox to our Vite app: precache the app shell, stale-while-revalidate for /api/catalog, network-first for /api/cart with a 3s timeout, cache-first for images with a 60-entry limit, and show a 'new version available, reload' banner when a new SW is waiting.")
R("haiku", "question", "web", "terse", None, "Known fact.",
  "how to unregister service worker from devtools")

# --- batch 4: long pastes, design tokens, crash logs, more sonnet/opus

_tokens = gen_tokens(700, 101)
R("haiku", "question", "web", "plain", "long-trivial", "TB5: long tokens file, trivial lookup of one value.",
  "What's the value of radius.md in this tokens file?\n\n```json\n" + _tokens + "\n```")
R("sonnet", "implement", "tooling", "plain", None, "Writing a Style Dictionary build for tokens to CSS vars + TS + Android/iOS: several steps, clear spec.",
  "Set up Style Dictionary v4 for this tokens file: output CSS custom properties (kebab-case, prefixed --acme-), a typed TS object, Android colors.xml and an iOS Swift extension on Color. Typography tokens should become CSS font shorthand. Here's the file:\n\n```json\n" + gen_tokens(90, 102) + "\n```")
R("opus", "design", "web", "plain", None, "Open design: token architecture (primitive/semantic/component tiers, theming, multi-brand) consumed by many teams.",
  "Our tokens file (sample below) is flat and every team references raw values like color.brand-600 directly, so dark mode and our second brand are basically impossible. Design a token architecture (tiers, naming, how themes and brands override, how deprecations work) that twenty teams can adopt gradually, and show how a Button would consume it.\n\n```json\n" + gen_tokens(60, 103) + "\n```")

_crash = gen_ios_crash(111)
R("haiku", "question", "mobile", "terse", "long-trivial", "TB5: crash log, trivial lookup of app version and OS.",
  "what app version and ios version is this crash from\n\n```\n" + _crash + "\n" + _crash.split("\n\n", 1)[1] * 6 + "\n```")

_logcat_oom = gen_logcat(1000, 121, crash="java.lang.OutOfMemoryError: Failed to allocate a 42467340 byte allocation with 25165824 free bytes and 31MB until OOM, target footprint 268435456, growth limit 268435456")
R("haiku", "question", "mobile", "plain", "long-trivial", "TB5: very long logcat, trivial: find the PID of the crashing process.",
  "Just tell me the PID and the exception type from this logcat dump, I'm filing a ticket.\n\n```\n" + _logcat_oom + "\n```")
R("opus", "debug", "mobile", "plain", None, "OOM after long sessions with many images and no clear lead: memory analysis across components.",
  "Same logcat as my ticket: OOM allocating a 42MB bitmap, but only after people use the app for 20+ minutes. We use Coil in Compose for product images, a custom zoomable image viewer that decodes full-size, and a share-sheet that renders a bitmap of the product card. Heap dumps from our own devices look fine. What would you suspect, in order, and how would you prove each one?\n\n```\n" + gen_logcat(160, 122, crash="java.lang.OutOfMemoryError: Failed to allocate a 42467340 byte allocation with 25165824 free bytes and 31MB until OOM, target footprint 268435456, growth limit 268435456") + "\n```")

_i18n = gen_i18n(1100, 131)
R("haiku", "edit", "web", "plain", "long-trivial", "TB5: long i18n file, one mechanical fix: a spelling change in every string containing it.",
  "Fix 'Something went wrong' to 'Something went wrong.' (add the period) wherever it appears and give me only the changed keys.\n\n```json\n" + _i18n + "\n```")
R("sonnet", "edit", "web", "plain", None, "TB5: translating a whole long locale file is many careful steps (placeholders, tone).",
  "Translate this whole en.json to Brazilian Portuguese. Keep the keys, keep {placeholders} untouched, informal 'você' tone, short button labels.\n\n```json\n" + gen_i18n(260, 132) + "\n```")

R("sonnet", "implement", "web", "plain", None, "i18n plural and formatting with ICU, clear spec.",
  "We use react-intl. Replace our hand-rolled '{count} items in your cart' string with proper ICU plural messages for en, de, pl (which has few/many) and ar, and show me the FormattedMessage usage.")
R("haiku", "question", "web", "terse", None, "Known Intl API.",
  "format number as currency EUR in js")
R("haiku", "question", "web", "plain", None, "Known Intl API.",
  "How do I format 'in 3 days' / '2 hours ago' with Intl in the browser?")

R("opus", "debug", "web", "verbose", "easy-words-hard", "TB6: intermittent lost writes after tab sync; ordering across tabs/service worker; no lead.",
  "We let people keep the editor open in several tabs. We sync drafts between tabs with BroadcastChannel and save to the server every few seconds. A couple of times a week someone loses a paragraph: they wrote in tab A, switched to tab B which was open on the same document, and later the paragraph was gone on the server. We've tried to make it happen on purpose for two days and can't. We don't have versions on the server, just last save wins. I'd love an explanation of what's probably happening and a fix that actually makes this impossible, not less likely.")
R("opus", "design", "web", "plain", None, "Choosing between designs with justification: state management architecture for a large editor app.",
  "For a Figma-like canvas editor in React (thousands of nodes, multiplayer later, undo/redo), compare keeping the document in Redux Toolkit, in a Zustand store with immer patches, or outside React entirely in a custom store with useSyncExternalStore selectors. What would you choose for rendering performance and future multiplayer, and why?")
R("sonnet", "implement", "web", "plain", None, "Implementing useSyncExternalStore-based store with selectors: clear spec.",
  "Write a tiny external store for React 18 with useSyncExternalStore: createStore(initial), store.set(updater), and a useStore(selector, isEqual?) hook that only re-renders when the selected slice changes. TS, with a small example.")
R("haiku", "question", "web", "terse", None, "Short known answer.",
  "useMemo vs useCallback")
R("sonnet", "debug", "web", "plain", None, "Infinite re-render loop from object dependency, identifiable.",
  """This causes "Maximum update depth exceeded":

```tsx
function Results({ filters }: { filters: Filters }) {
  const [items, setItems] = useState<Item[]>([]);
  const query = { ...filters, page: 1 };
  useEffect(() => {
    search(query).then(setItems);
  }, [query]);
  const [sorted, setSorted] = useState<Item[]>([]);
  useEffect(() => { setSorted([...items].sort(byPrice)); });
  return <List items={sorted} />;
}
```""")

R("sonnet", "debug", "mobile", "plain", None, "RN release build crash with clear symbolicated cause.",
  """Release build of our RN 0.75 Android app crashes on launch, debug works fine:

```
E/ReactNativeJS: TypeError: Cannot read property 'getConstants' of null, js engine: hermes
E/ReactNativeJS: Invariant Violation: "main" has not been registered. This can happen if:
* Metro (the local dev server) is run from the wrong folder. Check if Metro is running, stop it and restart it in the current project.
* A module failed to load due to an error and `AppRegistry.registerComponent` wasn't called.
E/AndroidRuntime: FATAL EXCEPTION: mqt_native_modules
E/AndroidRuntime: com.facebook.react.common.JavascriptException: TypeError: Cannot read property 'getConstants' of null
```

We just added react-native-config and enabled minifyEnabled true with proguard.""")
R("haiku", "question", "mobile", "terse", None, "Known RN fact.",
  "react native get device safe area insets")
R("sonnet", "implement", "mobile", "plain", None, "Everyday RN feature with clear spec: deep linking setup.",
  "Set up deep links for our RN app with React Navigation 6: acme://order/:id and https://acme.shop/order/:id should open OrderDetails inside the Orders tab, with the back button going to the Orders list. Include the iOS associated domains and Android intent-filter bits.")
R("opus", "design", "mobile", "plain", "easy-words-hard", "TB6: plain words, but safe rollout and rollback strategy for mobile app releases with OTA and backend compatibility is open design.",
  "We can't roll back a mobile release like we roll back the website. How should we ship changes so a bad release doesn't hurt us for two weeks?")
R("opus", "plan", "mobile", "plain", None, "Large migration plan: RN old architecture → new architecture across many native modules.",
  "We're on React Native 0.71, old architecture, with 23 third-party native modules and 6 of our own (two in Obj-C, one does Bluetooth). Plan the move to 0.76 and the New Architecture (Fabric + TurboModules): order of operations, how to find which libs are blockers, what to do with our own modules, how to ship it gradually, and how we'd detect regressions in production.")
R("haiku", "question", "mobile", "plain", None, "Known Xcode fact.",
  "Where do I change the bundle identifier in Xcode 16?")
R("sonnet", "debug", "mobile", "typos", None, "Clear cause: SwiftUI list not updating because struct mutation of non-published property.",
  """swiftui list doesnt update when i toggle favorite, the model changes (i printed it) but the row doesnt redraw

```swift
class Store: ObservableObject {
    var items: [Item] = []
    func toggle(_ id: UUID) {
        if let i = items.firstIndex(where: { $0.id == id }) { items[i].isFavorite.toggle() }
    }
}
```""")
R("opus", "explain", "mobile", "plain", None, "TB7: semantics of Swift concurrency actor reentrancy and data races are concurrency-algorithm level.",
  """Explain exactly what can interleave here. I thought actors made this safe, but we still get duplicate downloads of the same image.

```swift
actor ImageCache {
    private var cache: [URL: UIImage] = [:]

    func image(for url: URL) async throws -> UIImage {
        if let img = cache[url] { return img }
        let (data, _) = try await URLSession.shared.data(from: url)
        let img = UIImage(data: data)!
        cache[url] = img
        return img
    }
}
```

And what's the right pattern to dedupe in-flight requests without introducing a deadlock or leaking tasks when callers cancel?""")
R("sonnet", "implement", "mobile", "follow-up", None, "TB8: concrete follow-up asking for the in-flight dedupe implementation.",
  "ok write the in-flight dedupe version with a Task dictionary, and add cancellation handling like you described")

R("sonnet", "debug", "tooling", "plain", None, "Jest → Vitest migration error with clear cause.",
  """Migrated from jest to vitest and half the tests fail with:

```
ReferenceError: jest is not defined
 ❯ src/features/cart/__tests__/useCart.test.ts:6:1
      4| import { useCart } from '../useCart';
      5|
      6| jest.mock('@/lib/api', () => ({ get: jest.fn(), post: jest.fn() }));
       | ^
```

and some others with `TypeError: document is not defined`.""")
R("haiku", "question", "tooling", "terse", None, "Known Vitest config.",
  "vitest jsdom environment config")
R("sonnet", "test", "web", "plain", None, "E2E tests with Playwright for a flow: several steps.",
  "Write Playwright tests for our checkout flow: add a product, open cart, apply coupon SAVE10 (should show -10%), fill shipping, choose 'Standard', pay with the Stripe test card in the iframe, and land on /order/confirmed. Use role-based locators, no CSS selectors.")
R("opus", "debug", "tooling", "verbose", "easy-words-hard", "TB6: flaky e2e suite with no clear lead; needs a theory across test isolation, shared backend state and timing.",
  "Our Playwright suite has ~300 tests and on CI about 5–8 of them fail on every run, but never the same ones. Locally with --repeat-each=20 everything passes. We run 4 shards with 4 workers each against one shared staging backend, tests create their own users but some share the same product catalog and a global feature flag service. Retries hide it but CI takes 40 minutes now. How do I figure out what's going on and fix the root cause instead of adding more retries?")
R("haiku", "question", "tooling", "terse", None, "Known Playwright command.",
  "playwright run one test headed")
R("sonnet", "review", "tooling", "plain", None, "TB10: reviewing a CI workflow file for correctness.",
  """Review this workflow, it feels slow and I think the caching is wrong:

```yaml
name: ci
on: [push, pull_request]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with: { node-version: 20 }
      - run: npm i -g pnpm
      - uses: actions/cache@v4
        with:
          path: node_modules
          key: ${{ runner.os }}-modules
      - run: pnpm install
      - run: pnpm lint
      - run: pnpm test
      - run: pnpm build
  e2e:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with: { node-version: 20 }
      - run: npm i -g pnpm && pnpm install
      - run: pnpm build
      - run: npx playwright install --with-deps
      - run: pnpm e2e
```""")
R("opus", "review", "security", "plain", None, "TB10: security review of a GitHub Actions workflow (pull_request_target, secrets).",
  """Security review this workflow. It labels PRs and posts a preview link. External contributors open PRs too.

```yaml
name: preview
on:
  pull_request_target:
    types: [opened, synchronize]
permissions: write-all
jobs:
  preview:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: ${{ github.event.pull_request.head.sha }}
      - run: pnpm install && pnpm build
        env:
          VERCEL_TOKEN: ${{ secrets.VERCEL_TOKEN }}
      - run: npx vercel deploy --token $VERCEL_TOKEN --prebuilt > url.txt
      - run: |
          gh pr comment ${{ github.event.pull_request.number }} --body "Preview: $(cat url.txt) — ${{ github.event.pull_request.title }}"
        env:
          GH_TOKEN: ${{ secrets.GITHUB_TOKEN }}
```""")

R("haiku", "question", "web", "plain", None, "Known CSS selector.",
  "CSS selector for every other table row?")
R("haiku", "question", "web", "terse", None, "Known CSS.",
  "container queries syntax")
R("sonnet", "implement", "web", "plain", None, "Responsive layout with container queries, clear spec, several parts.",
  "Make our ProductCard responsive with container queries: under 280px stack image above text and hide the description, 280–480px image left 40%, above 480px show the rating row and a secondary button. Provide the CSS and the small markup change.")
R("sonnet", "debug", "web", "plain", None, "CSS layout bug with an identifiable cause (flex min-width auto).",
  """The text in the middle column won't truncate, it pushes the buttons off screen:

```html
<div class="row">
  <img class="row__thumb" src="..." />
  <div class="row__body"><p class="row__title">A very long product name that goes on and on and on…</p></div>
  <div class="row__actions"><button>Edit</button><button>Delete</button></div>
</div>
```
```css
.row { display: flex; gap: 12px; align-items: center; }
.row__title { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
```""")
R("opus", "debug", "web", "plain", "easy-words-hard", "TB6: visual glitch appearing only on some devices, no lead; rendering pipeline theory needed.",
  "On some iPhones our bottom sheet flickers white for a frame when it opens, but only the first time after app launch, and only in the installed PWA, not in Safari. Android is fine. We animate transform with a CSS transition and there's a backdrop-filter on the sheet. We have no idea how to approach it.")

R("haiku", "edit", "web", "plain", None, "Mechanical: reformat inline styles to a CSS class.",
  """Move these inline styles into a `.notice` class:

<p style="padding:12px 16px;border-left:4px solid #f59e0b;background:#fffbeb;color:#78350f;font-size:14px">Your trial ends in 3 days.</p>""")
R("haiku", "question", "web", "typos", None, "Short known CSS.",
  "whats teh css to make a button full width on mobile only")
R("sonnet", "implement", "web", "terse", None, "Feature with clear spec, terse voice.",
  "drag and drop reorder list react, dnd-kit, keyboard accessible, persist order via PATCH")
R("opus", "design", "web", "terse", "short-hard", "Short, but designing a plugin system for a design-system-based app shell across teams is open architecture.",
  "plugin architecture for our admin shell so teams ship pages independently")

# --- batch 5: mid-size pastes, sonnet-heavy, opus-heavy

R("sonnet", "explain", "web", "plain", None, "Explaining a non-trivial hook of dozens of lines.",
  """Can you explain what this hook does step by step? A colleague wrote it and left.

```ts
export function useAutosave<T>(value: T, save: (v: T) => Promise<void>, delay = 1500) {
  const latest = useRef(value);
  const saving = useRef<Promise<void> | null>(null);
  const dirty = useRef(false);
  const [status, setStatus] = useState<'idle' | 'pending' | 'saving' | 'saved' | 'error'>('idle');

  latest.current = value;

  const flush = useCallback(async () => {
    if (!dirty.current) return;
    if (saving.current) { await saving.current; return flush(); }
    dirty.current = false;
    setStatus('saving');
    saving.current = save(latest.current)
      .then(() => setStatus(dirty.current ? 'pending' : 'saved'))
      .catch(() => { dirty.current = true; setStatus('error'); })
      .finally(() => { saving.current = null; });
    await saving.current;
  }, [save]);

  useEffect(() => {
    dirty.current = true;
    setStatus('pending');
    const t = setTimeout(flush, delay);
    return () => clearTimeout(t);
  }, [value, delay, flush]);

  useEffect(() => {
    const onHide = () => { if (document.visibilityState === 'hidden') flush(); };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('beforeunload', onHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('beforeunload', onHide);
    };
  }, [flush]);

  return { status, flush };
}
```""")
R("haiku", "edit", "web", "follow-up", None, "TB8: the words ask for a docstring.",
  "great, add a TSDoc comment on top of useAutosave summarising that")
R("opus", "review", "web", "follow-up", None, "TB10: judging whether the autosave can lose or reorder writes is concurrency reasoning.",
  "now the real question: can this hook ever lose an edit or save an older value after a newer one? think through every interleaving, including the beforeunload path and the error retry")

R("sonnet", "debug", "web", "plain", None, "Identifiable cause in a Next.js build error.",
  """next build fails:

```
   Creating an optimized production build ...
 ✓ Compiled successfully
   Linting and checking validity of types ...
   Collecting page data ...
   Generating static pages (0/41) ...
Error occurred prerendering page "/account/orders". Read more: https://nextjs.org/docs/messages/prerender-error
ReferenceError: window is not defined
    at useViewport (/app/.next/server/chunks/812.js:1:2291)
    at OrdersTable (/app/.next/server/app/account/orders/page.js:1:8843)
 ⨯ Export encountered errors on following paths:
	/account/orders/page: /account/orders
```

useViewport reads window.innerWidth at the top of the hook to init state.""")
R("haiku", "question", "web", "terse", None, "Known Next.js fact.",
  "next app router 'use client' where to put it")
R("sonnet", "implement", "web", "plain", None, "Server action + form with optimistic UI in Next 14: clear spec.",
  "Next.js 14 app router: build an 'add comment' form using a server action with zod validation, useFormState for errors, useOptimistic to show the comment immediately, and revalidatePath for the post page.")
R("opus", "design", "web", "plain", None, "Choosing between rendering strategies with justification for a large storefront (ISR, SSR, edge, caching, personalization).",
  "Our storefront has 400k product pages, prices change every few minutes for ~5% of products, and logged-in users see personal prices. Next.js on Vercel today with full SSR and it's getting expensive and slow. Compare ISR with on-demand revalidation, partial prerendering, and edge SSR with a cache layer. What would you do and what breaks with each?")

R("sonnet", "debug", "mobile", "plain", None, "Compose crash with identifiable cause from stack trace.",
  """Crash when rotating the device on the checkout screen:

```
java.lang.IllegalArgumentException: Key "coupon_sheet" was already used. If you are using LazyColumn/Row please make sure you provide a unique key for each item.
    at androidx.compose.foundation.lazy.layout.LazyLayoutItemProviderKt...
    at com.acme.shop.ui.checkout.CheckoutScreenKt$CheckoutList$1$1.invoke(CheckoutScreen.kt:112)
```

CheckoutScreen.kt:

```kotlin
LazyColumn {
    item(key = "summary") { Summary(state) }
    items(state.lines, key = { it.sku }) { LineRow(it) }
    if (state.showCoupon) item(key = "coupon_sheet") { CouponSheet() }
    state.promos.forEach { p -> item(key = "coupon_sheet") { PromoBanner(p) } }
}
```""")
R("haiku", "question", "mobile", "terse", None, "Known Compose fact.",
  "compose LaunchedEffect key meaning")
R("sonnet", "explain", "mobile", "plain", None, "TB7: subtle but not concurrency-algorithm: why derivedStateOf avoids recomposition.",
  "Why would I use derivedStateOf here instead of just computing `listState.firstVisibleItemIndex > 0` inline? Our 'scroll to top' button recomposes the whole screen on every scroll frame and someone said derivedStateOf fixes it, I want to understand why.")
R("opus", "debug", "mobile", "plain", "easy-words-hard", "TB6: jank that appears only on some low-end devices after an update; no lead.",
  "Since our last release, scrolling the home screen on some cheaper Android phones stutters badly. Flagship phones are fine. The release had about 200 commits. Nothing obvious changed on the home screen. How do we find out what did it?")
R("sonnet", "ops", "mobile", "plain", None, "Build configuration: Gradle version catalog migration with known steps.",
  """Move these dependencies into a libs.versions.toml version catalog and update the build.gradle.kts:

```kotlin
dependencies {
    implementation("androidx.core:core-ktx:1.13.1")
    implementation("androidx.lifecycle:lifecycle-runtime-ktx:2.8.7")
    implementation("androidx.activity:activity-compose:1.9.3")
    implementation(platform("androidx.compose:compose-bom:2024.11.00"))
    implementation("androidx.compose.ui:ui")
    implementation("androidx.compose.material3:material3")
    implementation("io.coil-kt.coil3:coil-compose:3.0.4")
    implementation("com.squareup.retrofit2:retrofit:2.11.0")
    implementation("com.squareup.retrofit2:converter-kotlinx-serialization:2.11.0")
    implementation("org.jetbrains.kotlinx:kotlinx-serialization-json:1.7.3")
    implementation("com.google.dagger:hilt-android:2.52")
    ksp("com.google.dagger:hilt-compiler:2.52")
    testImplementation("junit:junit:4.13.2")
    testImplementation("org.jetbrains.kotlinx:kotlinx-coroutines-test:1.9.0")
    androidTestImplementation("androidx.compose.ui:ui-test-junit4")
}
```""")
R("haiku", "edit", "mobile", "plain", None, "Mechanical: bump one version string.",
  "In that list, bump retrofit and its converter to 2.11.1, nothing else.")

R("opus", "design", "mobile", "verbose", None, "Offline-first sync protocol design for mobile with CRDT vs server-authoritative trade-offs.",
  "We're building a shared shopping list app (iOS SwiftUI + Android Compose + web). Families share lists; people edit at the same time in the store with spotty reception; items get checked off, renamed, reordered and deleted. I want: no lost edits, sensible results when someone deletes an item someone else is renaming, ordering that doesn't jump around, and it has to work for days offline. Walk me through the data model and sync protocol you'd use, whether you'd reach for a CRDT library, and how the server fits in.")
R("sonnet", "implement", "mobile", "follow-up", None, "TB8: concrete implementation of one piece from the prior design, clear spec.",
  "ok, let's start with the ordering part. implement fractional indexing for list items in Kotlin with a function between(a, b) and tests for inserting at start, end and between close keys")
R("opus", "design", "mobile", "follow-up", None, "TB8: 'now handle concurrent inserts at the same spot from two offline devices without collisions' is a distributed ordering problem.",
  "and what happens if two phones offline both insert between the same two items? they'd get the same key right? fix that so it converges on every device")

R("sonnet", "debug", "web", "plain", None, "Vue reactivity bug with identifiable cause (destructuring props loses reactivity).",
  """Vue 3: the price doesn't update when the parent changes `product`.

```vue
<script setup lang="ts">
const props = defineProps<{ product: Product; qty: number }>();
const { product, qty } = props;
const total = computed(() => product.price * qty);
</script>
<template><span>{{ total }}</span></template>
```""")
R("haiku", "question", "web", "terse", None, "Known Vue fact.",
  "vue 3 v-model on custom component props name")
R("sonnet", "implement", "web", "plain", None, "Pinia store with persistence and typed actions: clear spec.",
  "Write a Pinia setup store for a cart: items, add/remove/updateQty, computed subtotal and itemCount, persisted to localStorage (handle SSR with Nuxt so it doesn't crash on the server), and sync across tabs with the storage event.")
R("opus", "plan", "web", "plain", None, "Large state management migration across a big Vue app (Vuex → Pinia) with many modules and teams.",
  "Our Nuxt 2 / Vuex app has 70 store modules, lots of them calling each other via rootState and dispatch('other/thing', null, { root: true }), plus mixins that map state everywhere. We need to get to Nuxt 3 + Pinia. Plan the migration: what order, how to run both stores side by side, how to untangle the cross-module calls, how to test it and ship incrementally.")

R("haiku", "question", "tooling", "plain", None, "Known npm fact.",
  "What does the caret in \"react\": \"^18.2.0\" mean exactly?")
R("haiku", "question", "tooling", "terse", None, "Known npm command.",
  "npm why is this package installed")
R("sonnet", "debug", "tooling", "plain", None, "Peer dependency conflict with clear cause.",
  """npm install fails:

```
npm ERR! code ERESOLVE
npm ERR! ERESOLVE unable to resolve dependency tree
npm ERR!
npm ERR! While resolving: storefront@3.14.2
npm ERR! Found: react@18.3.1
npm ERR! node_modules/react
npm ERR!   react@"^18.3.1" from the root project
npm ERR!
npm ERR! Could not resolve dependency:
npm ERR! peer react@"^16.8.0 || ^17.0.0" from react-beautiful-dnd@13.1.1
npm ERR! node_modules/react-beautiful-dnd
npm ERR!   react-beautiful-dnd@"^13.1.1" from the root project
```

What are my real options? I don't want --force forever.""")
R("sonnet", "review", "tooling", "plain", None, "Reviewing a package.json for dependency hygiene: several judgements, not security-critical.",
  """Review our package.json, what would you clean up?

```json
{
  "name": "admin",
  "version": "0.0.0",
  "scripts": {
    "start": "react-scripts start",
    "build": "react-scripts build",
    "test": "react-scripts test",
    "lint": "eslint src --ext .js,.jsx,.ts,.tsx",
    "postinstall": "patch-package && npm run build"
  },
  "dependencies": {
    "@types/react": "^18.2.0",
    "@types/lodash": "^4.14.202",
    "axios": "^1.6.2",
    "moment": "^2.29.4",
    "dayjs": "^1.11.10",
    "lodash": "^4.17.21",
    "lodash.debounce": "^4.0.8",
    "react": "^18.2.0",
    "react-dom": "^18.2.0",
    "react-scripts": "5.0.1",
    "typescript": "^5.3.3",
    "eslint": "^8.55.0",
    "node-sass": "^9.0.0",
    "sass": "^1.69.5",
    "uuid": "^9.0.1",
    "react-query": "^3.39.3",
    "@tanstack/react-query": "^5.14.2"
  },
  "devDependencies": {
    "patch-package": "^8.0.0",
    "prettier": "3.1.1"
  }
}
```""")
R("opus", "review", "security", "plain", None, "TB10: supply-chain security review of dependency/install setup.",
  "After the recent npm worm stories, review our supply chain setup: we have ~1,900 transitive deps, postinstall scripts allowed, Renovate automerges patch updates, CI publishes our internal packages to npm with a long-lived NPM_TOKEN, and devs run `npx` on random CLIs. What are the real risks, ranked, and what would you change first?")

_pkg_lock = "\n".join(f'    "node_modules/{n}": {{\n      "version": "{a}.{b}.{c}",\n      "resolved": "https://registry.npmjs.org/{n}/-/{n.split("/")[-1]}-{a}.{b}.{c}.tgz",\n      "integrity": "sha512-{h}"\n    }},'
                      for n, a, b, c, h in [(random.Random(i).choice(["@babel/core","@babel/parser","@babel/types","postcss","nanoid","picocolors","source-map-js","esbuild","rollup","@rollup/rollup-linux-x64-gnu","react","react-dom","scheduler","loose-envify","js-tokens","@types/react","csstype","typescript","vite","@vitejs/plugin-react","react-refresh","browserslist","caniuse-lite","electron-to-chromium","update-browserslist-db","escalade","semver","debug","ms","json5","gensync","convert-source-map","@jridgewell/trace-mapping","@jridgewell/sourcemap-codec","lru-cache","yallist","chalk","supports-color","ansi-styles","color-convert"]) + ("" if i < 40 else f"-{i}"), random.Random(i).randint(0,9), random.Random(i+1).randint(0,30), random.Random(i+2).randint(0,20),
                                                 "".join(random.Random(i+3).choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") for _ in range(86)) + "==") for i in range(260)])
R("haiku", "question", "tooling", "plain", "long-trivial", "TB5: long lockfile excerpt, trivial: which version of one package is locked.",
  "What version of nanoid is in our lockfile? Excerpt:\n\n```json\n{\n  \"name\": \"storefront\",\n  \"lockfileVersion\": 3,\n  \"packages\": {\n" + _pkg_lock + "\n  }\n}\n```")

R("opus", "debug", "web", "plain", None, "Memory leak with heap snapshot comparison across components: needs analysis.",
  """Heap snapshot comparison after opening and closing the order detail drawer 50 times (Chrome, prod build with source maps):

```
Constructor                 # New   # Deleted   # Delta   Alloc. Size   Freed Size   Size Delta
(closure)                   41,220      1,032   +40,188     3,215 kB        81 kB    +3,134 kB
Detached HTMLDivElement      5,150          0    +5,150       412 kB         0 kB      +412 kB
FiberNode                    9,870        412    +9,458     1,743 kB        73 kB    +1,670 kB
Object                      62,004      8,116   +53,888     2,587 kB       390 kB    +2,197 kB
EventListener                  101          1      +100         4 kB         0 kB        +4 kB
ResizeObserver                  50          0       +50         2 kB         0 kB        +2 kB
IntersectionObserver            50          0       +50         2 kB         0 kB        +2 kB
Array                       18,412      2,005   +16,407       902 kB       110 kB      +792 kB

Retainers for a Detached HTMLDivElement (class="order-drawer__body"):
  stateNode in FiberNode @881231
    return in FiberNode @881197
      current in FiberRootNode? no -> alternate in FiberNode @880011
        [1] in Array @771002
          listeners in Object @770990 (eventBus.ts:14)
  __reactFiber$k2j9 in HTMLDivElement @881240
  target in ResizeObserverEntry … callback in ResizeObserver @881302 (useElementSize.ts:9)
```

Drawer uses useElementSize (ResizeObserver), an IntersectionObserver for lazy images, and subscribes to our eventBus for live order updates. Walk me through which of these is the actual root retainer and why the others are only symptoms.""")
R("sonnet", "debug", "web", "follow-up", None, "TB8: fix for the identified leak: everyday.",
  "ok it's the eventBus one. here's eventBus.ts, fix the unsubscribe so it actually removes the listener:\n\n```ts\nconst listeners: Record<string, Function[]> = {};\nexport function on(evt: string, fn: Function) {\n  (listeners[evt] ||= []).push(fn);\n  return () => { listeners[evt] = listeners[evt].filter(f => f !== fn.bind(null)); };\n}\nexport function emit(evt: string, payload: unknown) {\n  (listeners[evt] || []).forEach(f => f(payload));\n}\n```")

R("haiku", "question", "web", "plain", None, "Known DOM fact.",
  "What's the difference between event.target and event.currentTarget?")
R("sonnet", "implement", "web", "plain", None, "Image upload with preview, progress and cancel: clear spec.",
  "Build an avatar uploader in React: drag & drop or click, client-side resize to 512x512 via canvas, preview, upload with progress (XHR or fetch with streams, whatever works in Safari), cancel button, and error for files > 10MB or non-images.")
R("haiku", "question", "web", "terse", None, "Known HTML fact.",
  "input accept only images")
R("sonnet", "debug", "web", "verbose", None, "Clear-cause Safari date parsing bug.",
  "Our booking calendar shows 'Invalid Date' for every slot but only on Safari (iOS and macOS), Chrome and Firefox are fine. The API returns dates like \"2026-12-05 14:30:00\" and we do `new Date(slot.start)` then format with date-fns. I'd like to understand why Safari is different and fix it properly across the app, there are maybe 30 places that do new Date(string).")
R("opus", "design", "web", "plain", "easy-words-hard", "TB6: time zones across bookings, DST and multiple locales is a subtle correctness design.",
  "Our booking app shows appointment slots to customers and staff who can be in different time zones, and some clinics are in places with daylight saving changes. We keep getting bugs around the clock change. How should we store, send and display times so this stops happening?")

R("sonnet", "refactor", "web", "plain", None, "Splitting a large component into smaller ones with hooks: refactor a module.",
  """This component got huge. Split it into sensible pieces (hooks + subcomponents), same behaviour:

```tsx
export function OrdersPage() {
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<'all' | 'open' | 'shipped' | 'cancelled'>('all');
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const { data, isLoading, error } = useQuery({
    queryKey: ['orders', page, status, q],
    queryFn: () => api.get('/orders', { page, status, q }),
    placeholderData: keepPreviousData,
  });
  const cancel = useMutation({
    mutationFn: (ids: string[]) => api.post('/orders/cancel', { ids }),
    onSuccess: () => { setSelected(new Set()); queryClient.invalidateQueries({ queryKey: ['orders'] }); },
  });
  const allSelected = data?.items.length > 0 && data.items.every((o) => selected.has(o.id));
  function toggleAll() {
    setSelected(allSelected ? new Set() : new Set(data!.items.map((o) => o.id)));
  }
  function toggle(id: string) {
    const s = new Set(selected);
    s.has(id) ? s.delete(id) : s.add(id);
    setSelected(s);
  }
  if (error) return <ErrorState onRetry={() => queryClient.invalidateQueries({ queryKey: ['orders'] })} />;
  return (
    <div className="orders">
      <div className="orders__toolbar">
        <input placeholder="Search orders" value={q} onChange={(e) => { setQ(e.target.value); setPage(1); }} />
        <select value={status} onChange={(e) => { setStatus(e.target.value as any); setPage(1); }}>
          <option value="all">All</option><option value="open">Open</option>
          <option value="shipped">Shipped</option><option value="cancelled">Cancelled</option>
        </select>
        <button disabled={selected.size === 0 || cancel.isPending} onClick={() => cancel.mutate([...selected])}>
          Cancel {selected.size || ''} selected
        </button>
      </div>
      {isLoading ? <Spinner /> : (
        <table>
          <thead><tr><th><input type="checkbox" checked={allSelected} onChange={toggleAll} /></th><th>#</th><th>Customer</th><th>Total</th><th>Status</th></tr></thead>
          <tbody>
            {data!.items.map((o) => (
              <tr key={o.id} className={selected.has(o.id) ? 'is-selected' : ''}>
                <td><input type="checkbox" checked={selected.has(o.id)} onChange={() => toggle(o.id)} /></td>
                <td>{o.number}</td><td>{o.customer.name}</td><td>{formatPrice(o.total)}</td><td><StatusBadge s={o.status} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={page} total={data?.totalPages ?? 1} onChange={setPage} />
    </div>
  );
}
```""")
R("haiku", "edit", "web", "follow-up", None, "TB8: the words ask for a trivial rename.",
  "rename OrdersPage to OrdersListPage in what you gave me")
R("sonnet", "test", "web", "follow-up", None, "TB8: tests for the refactored pieces.",
  "write tests for the selection hook you extracted")

# --- batch 6: storage, perf, a11y, more traps and pastes

R("sonnet", "implement", "databases", "plain", None, "IndexedDB wrapper with versioned schema upgrades: clear spec.",
  "Write a small IndexedDB layer with the idb library for our PWA: stores `drafts` (keyPath id, index by updatedAt) and `outbox` (autoIncrement), a version 2 upgrade that adds an index on drafts.projectId without losing data, and typed helpers getDraft/putDraft/enqueue/dequeueBatch(n).")
R("opus", "design", "databases", "plain", None, "Outbox/queue semantics with idempotency and ordering on flaky networks: distributed correctness.",
  "Given that outbox store, design the flush: mutations must reach the server exactly once and in order per document, the tab can be closed mid-flush, two tabs may flush at the same time, and the server may have applied a request even when the client saw a network error. What goes on the client and what must the server do?")
R("haiku", "question", "databases", "terse", None, "Known SQL one-liner over one table.",
  "sqlite select last 20 rows by created_at desc")
R("sonnet", "debug", "databases", "plain", None, "Room migration crash with clear cause in the message.",
  """After release 5.3 some users crash on launch:

```
java.lang.IllegalStateException: Migration didn't properly handle: drafts(com.acme.fieldbook.data.DraftEntity).
 Expected:
TableInfo{name='drafts', columns={id=Column{name='id', type='TEXT', affinity='2', notNull=true, primaryKeyPosition=1, defaultValue='undefined'}, body=Column{name='body', type='TEXT', affinity='2', notNull=true, primaryKeyPosition=0, defaultValue='undefined'}, projectId=Column{name='projectId', type='TEXT', affinity='2', notNull=false, primaryKeyPosition=0, defaultValue='undefined'}, updatedAt=Column{name='updatedAt', type='INTEGER', affinity='3', notNull=true, primaryKeyPosition=0, defaultValue='undefined'}}, foreignKeys=[], indices=[]}
 Found:
TableInfo{name='drafts', columns={id=Column{name='id', type='TEXT', affinity='2', notNull=true, primaryKeyPosition=1, defaultValue='undefined'}, body=Column{name='body', type='TEXT', affinity='2', notNull=true, primaryKeyPosition=0, defaultValue='undefined'}, projectId=Column{name='projectId', type='TEXT', affinity='2', notNull=false, primaryKeyPosition=0, defaultValue='undefined'}, updatedAt=Column{name='updatedAt', type='INTEGER', affinity='3', notNull=false, primaryKeyPosition=0, defaultValue='0'}}, foreignKeys=[], indices=[]}
```

MIGRATION_4_5 does `ALTER TABLE drafts ADD COLUMN updatedAt INTEGER DEFAULT 0`.""")
R("haiku", "question", "databases", "plain", "hard-words-easy", "Transaction/isolation vocabulary but the ask is one known SQLite pragma.",
  "For our app's SQLite database, to get better concurrent read/write behaviour between the UI thread and the sync worker, what's the pragma to turn on write-ahead logging?")

R("opus", "debug", "web", "plain", None, "Rendering performance cliff needing profile analysis (context re-render fan-out).",
  """Typing in any input on our settings page lags ~300ms per keystroke since we added a ThemeContext. React Profiler for one keystroke:

```
Commit #14  duration 287.4ms  (render 281.9ms)
  ThemeProvider                 0.4ms   (props changed: value)
  AppShell                      1.1ms   why: context changed
    Sidebar                    22.8ms   why: parent rendered
      NavTree                  19.6ms   why: parent rendered
    SettingsPage               241.0ms  why: context changed
      SettingsForm              12.3ms  why: hook 3 changed
      PreviewPane              221.7ms  why: context changed
        MarkdownPreview        208.9ms  why: parent rendered
```

```tsx
export function ThemeProvider({ children }) {
  const [theme, setTheme] = useState(loadTheme());
  const [draft, setDraft] = useState(theme);
  return (
    <ThemeContext.Provider value={{ theme, setTheme, draft, setDraft, tokens: buildTokens(draft) }}>
      {children}
    </ThemeContext.Provider>
  );
}
```

The settings form writes to `draft` on each keystroke for live preview. I want to understand the whole chain and the best structure, not just wrap things in memo.""")
R("sonnet", "refactor", "web", "follow-up", None, "TB8: applying the context split is a concrete refactor.",
  "ok split the context like you said (state vs setters vs tokens) and memo the preview, give me the code")
R("haiku", "question", "web", "terse", None, "Known React API.",
  "React.memo custom compare function signature")

R("haiku", "question", "web", "plain", None, "Short a11y fact.",
  "Should decorative icons inside buttons have aria-hidden=\"true\"?")
R("sonnet", "implement", "web", "plain", None, "Accessible disclosure/accordion with proper ARIA and keyboard: clear spec.",
  "Build an accessible Accordion in Vue 3: headings with buttons, aria-expanded/aria-controls, only one open at a time optionally (prop `single`), Home/End/Up/Down keyboard between headers, and animate height without breaking prefers-reduced-motion.")
R("sonnet", "debug", "web", "plain", None, "Screen reader issue with identifiable cause (live region inserted with content).",
  "VoiceOver doesn't announce our form error summary after submit. We render `{errors.length > 0 && <div role=\"alert\">...errors...</div>}` after a failed submit. NVDA on Firefox sometimes reads it, VoiceOver on Safari never. Why, and what's the robust pattern?")
R("opus", "plan", "web", "plain", "easy-words-hard", "TB6: plan to bring a large product to WCAG AA across many teams with a legal deadline: cross-codebase plan.",
  "We got a letter saying our app has to meet WCAG 2.2 AA by next September. It's a big app, 11 teams, lots of custom widgets, some legacy jQuery pages. Plan how we get there and how we stop regressing.")
R("haiku", "edit", "web", "plain", None, "Mechanical markup fix: add labels to inputs.",
  """add proper <label>s to these inputs

<input id="email" type="email" placeholder="Email">
<input id="pw" type="password" placeholder="Password">
<input id="remember" type="checkbox"> Remember me""")

R("haiku", "question", "tooling", "terse", "hard-words-easy", "Scary words (bisect, regression) but just the command sequence.",
  "git bisect find regression commands")
R("sonnet", "debug", "tooling", "follow-up", None, "TB8: only points back; unknown work → sonnet.",
  "ok continue")
R("sonnet", "ops", "tooling", "plain", None, "Automating git bisect with a script for a UI regression: several steps.",
  "Write a script for `git bisect run` that builds our Vite app, starts `vite preview`, runs one Playwright test (tests/regressions/price-rounding.spec.ts) and returns the right exit codes, including 125 when the build itself fails.")
R("haiku", "question", "tooling", "plain", None, "Known git config.",
  "How do I make git pull rebase by default instead of merge?")
R("haiku", "question", "tooling", "typos", None, "Known git command.",
  "git how to see the diff betwen my branch and main, only file names")
R("opus", "plan", "tooling", "plain", "easy-words-hard", "TB6: plain words; moving many repos into a monorepo with history, CI and ownership is a large multi-step plan.",
  "We have 14 frontend repos that share code by publishing packages to each other. We want one repo. How do we get there without stopping everyone for a month?")
R("sonnet", "ops", "tooling", "plain", None, "Configure turborepo pipeline with caching: clear spec.",
  """Write turbo.json for this: build depends on ^build, test depends on build of deps but not itself, lint has no deps, `dev` is persistent and not cached, outputs are dist/** for libs and .next/** (minus cache) for the web app. Env vars NEXT_PUBLIC_* should affect the web build hash.""")

R("sonnet", "implement", "mobile", "plain", None, "SwiftUI + SwiftData feature with clear spec.",
  "SwiftData: model a `Trip` with many `Expense`s (cascade delete), a list of trips with total spent, swipe to delete with undo via the model context's undo manager, and a detail view to add expenses with a currency picker.")
R("opus", "design", "mobile", "plain", None, "Sync design between SwiftData/CloudKit and own backend with conflict semantics: distributed.",
  "Our iOS app uses SwiftData with CloudKit sync for personal data, and now we need sharing with other users and an Android version, which means our own backend. Do we keep CloudKit for private data and add our sync for shared, or move everything to our sync? How do conflicts and offline edits work in each case?")
R("haiku", "question", "mobile", "terse", None, "Known SwiftUI fact.",
  "swiftui navigationstack programmatic push")
R("sonnet", "debug", "mobile", "plain", None, "Swift 6 concurrency compile errors with clear cause.",
  """Switched to Swift 6 language mode and get this in 40 places:

```
PhotoUploader.swift:23:17: error: sending 'self' risks causing data races
        Task { await self.upload(next) }
                    ^
PhotoUploader.swift:23:17: note: task-isolated 'self' is captured by a main actor-isolated closure. main actor-isolated uses in closure may race against later nonisolated uses
PhotoUploader.swift:9:5: error: main actor-isolated property 'queue' can not be mutated from a nonisolated context
```

```swift
final class PhotoUploader {
    var queue: [PhotoJob] = []
    private let session = URLSession(configuration: .background(withIdentifier: "uploads"))

    func enqueue(_ job: PhotoJob) {
        queue.append(job)
        if queue.count == 1 { startNext() }
    }

    func startNext() {
        guard let next = queue.first else { return }
        Task { await self.upload(next) }
    }

    func upload(_ job: PhotoJob) async { /* ... */ }
}
```

What's the right fix, not just @unchecked Sendable?""")

R("sonnet", "implement", "mobile", "plain", None, "Flutter feature with clear spec.",
  "Flutter: implement a cached network image list with shimmer placeholders, pull to refresh, and an error tile with retry, using go_router for navigation to a detail page with a Hero animation.")
R("haiku", "question", "mobile", "terse", None, "Known Flutter fact.",
  "flutter const constructor why")
R("opus", "debug", "mobile", "verbose", None, "Intermittent Flutter jank only in release on some devices with partial traces: theory across shader compilation, isolates and images.",
  "Our Flutter app janks the first time you open the product carousel after install, only in release, only on some iPhones (Impeller) — subsequent opens are smooth. On Android it's fine. DevTools timeline from a release-profile build shows a couple of 180ms raster frames but the UI thread is idle. The carousel uses a PageView with BackdropFilter blur on the captions and big network images. We tried precacheImage and it didn't help. What's going on and how do we prove it?")
R("sonnet", "test", "mobile", "plain", None, "Flutter widget tests for existing screen.",
  "Write widget tests for our LoginScreen (Riverpod): shows validation error for bad email, disables button while loading, shows SnackBar on AuthException, navigates to /home on success. Override the authRepository provider with a fake.")

R("haiku", "question", "infrastructure", "plain", None, "Known HTTP caching header fact.",
  "What Cache-Control header should hashed static assets like main.8f3a2c.js get?")
R("sonnet", "ops", "infrastructure", "plain", None, "CDN/hosting config with clear spec.",
  "Write the Netlify config (_redirects or netlify.toml) for our SPA: long cache for /assets/*, no-cache for index.html, SPA fallback to index.html except for /api/* which proxies to https://api.acme.dev, and security headers (HSTS, X-Content-Type-Options, a CSP report-only).")
R("opus", "debug", "infrastructure", "plain", "easy-words-hard", "TB6: after deploy some users get a blank page for hours; cache/chunk versioning across CDN/SW; no lead.",
  "After every deploy, a handful of users get a blank white page until they hard refresh, sometimes for hours. It's not everyone and we can't make it happen. We use a CDN in front of S3 and a service worker. What's happening?")
R("sonnet", "debug", "web", "follow-up", None, "TB8: the follow-up gives the concrete cause (chunk load error), fix is known.",
  "found it in Sentry, it's `ChunkLoadError: Loading chunk 812 failed` right after deploys. what's the fix? we use React.lazy for routes")

R("haiku", "explain", "web", "plain", None, "Explaining a common error message.",
  "What does \"ResizeObserver loop completed with undelivered notifications\" mean and is it bad?")
R("haiku", "explain", "web", "terse", None, "Common error message.",
  "Uncaught TypeError: Cannot read properties of undefined (reading 'map') — meaning")
R("sonnet", "debug", "web", "plain", None, "Stack trace points to the cause: undefined data before load.",
  """Production error in Sentry, ~200 events/hour:

```
TypeError: Cannot read properties of undefined (reading 'map')
  at ReviewsList (src/features/reviews/ReviewsList.tsx:31:22)
  at renderWithHooks (react-dom.production.min.js:160:147)
  at mountIndeterminateComponent (react-dom.production.min.js:195:109)
  at beginWork (react-dom.production.min.js:218:402)
```

```tsx
export function ReviewsList({ productId }: { productId: string }) {
  const { data } = useQuery({ queryKey: ['reviews', productId], queryFn: () => getReviews(productId) });
  const [sort, setSort] = useState<'new' | 'top'>('top');
  const sorted = useMemo(() => [...(data?.reviews ?? [])].sort(cmp[sort]), [data, sort]);
  return (
    <section>
      <SortPicker value={sort} onChange={setSort} />
      {data.highlights.map((h) => <Highlight key={h.id} {...h} />)}
      {sorted.map((r) => <ReviewCard key={r.id} review={r} />)}
    </section>
  );
}
```

It only happens for some products. getReviews returns `{ reviews, highlights? }`.""")

R("opus", "design", "web", "plain", None, "Choosing a frontend architecture with justification for a multi-brand white-label product.",
  "We sell a white-label booking product: 35 customers, each wants their own branding, some want custom flows (extra steps, different payment providers), and two want to embed it in their own sites. Today it's one React app with if (tenant === 'x') everywhere. Propose an architecture for theming, per-tenant configuration vs code, embedding (iframe vs web component vs SDK), and how we test 35 variants.")
R("sonnet", "implement", "web", "plain", None, "Web component wrapper for embedding a widget: clear spec.",
  "Wrap our React booking widget as a custom element <acme-booking tenant=\"...\" locale=\"...\">: shadow DOM with our CSS injected, attributes map to props and re-render on change, emits a `booking-complete` CustomEvent with the booking id, and cleans up on disconnect.")
R("haiku", "question", "web", "terse", None, "Known web components fact.",
  "shadow dom open vs closed")

R("haiku", "question", "general", "plain", None, "Short general question.",
  "What's the keyboard shortcut in VS Code to rename a symbol everywhere?")
R("haiku", "question", "tooling", "terse", None, "Known prettier config.",
  "prettier single quotes no semicolons config")
R("sonnet", "debug", "tooling", "typos", None, "ESLint and Prettier fighting, clear cause.",
  "eslint and prettier keep fighting, i save the file and it flips between double and single quotes and the trailing commas come and go. vscode, both extensions installed, eslint.config.js uses stylistic plugin. how do i make them stop")
R("opus", "design", "tooling", "plain", None, "Designing lint/codemod governance for a design system across teams: trade-offs.",
  "When we deprecate a component in our design system, 20 teams keep using it for years. Design the tooling: custom ESLint rules, codemods, usage telemetry from the monorepo and outside repos, deprecation windows. What would actually work and what's the order to build it?")
R("sonnet", "implement", "tooling", "follow-up", None, "TB8: concrete implementation of one piece: a custom ESLint rule.",
  "start with the ESLint rule: flag imports of `Button` from '@acme/ui/legacy' and offer an autofix to '@acme/ui' when the props are compatible (no `kind` prop). include RuleTester tests")
R("sonnet", "implement", "tooling", "plain", None, "jscodeshift codemod with clear spec.",
  "Write a jscodeshift codemod that renames the `isOpen` prop to `open` on every <Drawer> and <Modal> from '@acme/ui' (including when imported under an alias), and leaves other components with isOpen alone.")

# --- batch 7: opus-heavy, traps, non-native, mid pastes

R("opus", "design", "web", "terse", "short-hard", "Short, but a rich-text editor's collaborative cursor/presence with consistency is hard.",
  "multiplayer cursors + selections in our prosemirror editor, design")
R("opus", "debug", "mobile", "terse", "short-hard", "Short, but a rare crash only after background/foreground with no stack is a heisenbug.",
  "ios app crashes after ~2h in background, no stack, only watchdog 0x8badf00d sometimes")
R("opus", "design", "web", "terse", "short-hard", "Short, but permission-aware UI caching across roles and tenants is a security/consistency design.",
  "client cache keyed by user + tenant + role, without leaking data between them")
R("opus", "plan", "mobile", "terse", "short-hard", "Short, but migrating a big Xamarin app to native/Flutter is a multi-step plan with trade-offs.",
  "xamarin forms app, 120 screens, EOL. what now")
R("opus", "design", "web", "terse", "short-hard", "Short, but a consistent optimistic-UI layer with rollback across many mutations is hard.",
  "generic optimistic updates w/ rollback that survive out of order responses")
R("opus", "debug", "web", "terse", "short-hard", "Short, but an INP regression with no clear lead needs analysis.",
  "INP went from 180ms to 640ms after the react 19 upgrade, why")
R("opus", "design", "security", "terse", "short-hard", "Short, but sandboxing third-party scripts/widgets in our app is a security design.",
  "let customers run their own JS snippets in our dashboard safely")
R("opus", "design", "mobile", "terse", "short-hard", "Short, but a feature that must be consistent across app versions in the wild is versioning/compat design.",
  "api versioning so 2yr old app builds keep working")

R("haiku", "question", "web", "plain", "hard-words-easy", "Vocabulary of isomorphic/SSR streaming but a one-line API name.",
  "In React 18's streaming server rendering with Suspense boundaries and selective hydration, what's the function name to render to a Node stream?")
R("haiku", "question", "security", "terse", "hard-words-easy", "Crypto words but a one-line API call.",
  "web crypto generate random uuid one liner")
R("haiku", "question", "web", "plain", "hard-words-easy", "Sounds like deep event-loop theory, but it's a known API name.",
  "To yield to the main thread during a long task for better INP, what's the new scheduler API called again? scheduler.something")
R("haiku", "edit", "mobile", "plain", "hard-words-easy", "Jargon-heavy (Fabric, TurboModules, codegen) but the ask is to flip one flag.",
  "We're enabling the New Architecture with Fabric renderer and TurboModules codegen in our RN 0.74 Android app. Which line in gradle.properties do I change?")
R("haiku", "question", "tooling", "plain", "hard-words-easy", "Sounds like a deep git internals question but it's one command.",
  "Our repo's packfiles and object database are huge because of some old binary blobs. What's the command just to see the total size of the .git folder objects?")

_gl2 = gen_git_log(300, 141)
R("haiku", "question", "tooling", "terse", "long-trivial", "TB5: long git log, trivial: count dependabot commits.",
  "how many dependabot commits in here\n\n```\n" + _gl2 + "\n```")
_css2 = gen_css(380, 142)
R("haiku", "edit", "web", "plain", "long-trivial", "TB5: long stylesheet, mechanical single replacement of one color.",
  "Replace #db2777 with var(--accent) everywhere in this file. Just tell me the line count of changes and give me the sed command, don't paste the file back.\n\n```css\n" + _css2 + "\n```")

R("opus", "design", "web", "verbose", "easy-words-hard", "TB6: plain words; a design system consumed by many teams needs API stability, theming and migration design.",
  "We have a design team that keeps changing the look of buttons and inputs, and twenty product teams who each copy-pasted our components at different times, so there are like nine versions of the same button in production. Management wants one look everywhere by summer, but the teams can't all stop to migrate. I'm the one who has to make this happen. How would you approach it, what would you build first, and how do I keep the teams from forking again?")
R("opus", "plan", "web", "plain", "easy-words-hard", "TB6: plain words, a large migration from a JS app to TypeScript across many teams is a cross-codebase plan.",
  "We want our whole frontend in TypeScript. It's 2,800 JavaScript files and people keep adding more every day. How do we do it?")
R("opus", "debug", "mobile", "plain", "easy-words-hard", "TB6: push notifications sometimes don't arrive for some users; across FCM/APNs/token lifecycle; no lead.",
  "Some users stop getting our push notifications after a while and never get them again until they reinstall. Maybe 5% of users. Both iOS and Android. No errors on our side. Where do we start?")
R("opus", "debug", "web", "plain", "easy-words-hard", "TB6: numbers are off by a cent sometimes in totals across client/server; subtle correctness with no lead.",
  "Sometimes the total shown in the cart is one cent different from what the customer gets charged. It's rare, maybe 1 order in 2,000. We compute totals in the browser for display and on the server for charging. How do I find the cause and make sure it can't happen?")
R("opus", "design", "mobile", "plain", "easy-words-hard", "TB6: plain words; designing login that works offline securely is a security design.",
  "Our inspectors need to log into the tablet app in the morning even without internet, and if the tablet is stolen nobody else should get in. How should login work?")
R("opus", "plan", "web", "plain", "easy-words-hard", "TB6: plain words; replacing the router in a large app incrementally is a cross-codebase migration plan.",
  "We need to swap out our router. The app has about 300 routes and lots of code reads the URL directly. How do we switch without breaking things?")
R("opus", "design", "web", "plain", "easy-words-hard", "TB6: plain words; analytics events consistency across web/iOS/Android with schema evolution is design.",
  "Our product analytics are a mess: the same button click is tracked with different names on web, iOS and Android, and nobody trusts the dashboards. How should we fix it for good?")

R("sonnet", "debug", "web", "non-native", None, "TB9: React key bug with clear cause described.",
  "when I delete one item from my todo list, the text in input of next item is wrong, it show the deleted item text. I use index as key. why this happen and how I fix?")
R("opus", "debug", "web", "non-native", None, "TB9: intermittent production issue across services with no lead.",
  "Our website sometime show old price after admin change price, but only for some user and it can stay few hours. We use Next.js ISR, Cloudflare, and React Query on client. I cannot find where is the old price come from. Please help how to find.")
R("sonnet", "implement", "web", "non-native", None, "TB9: clear-spec feature.",
  "I need make a pagination component in React, show first, last, current with 2 pages around, and '...' between. Also keyboard accessible and with aria-current. TypeScript please.")
R("haiku", "question", "tooling", "non-native", None, "TB9: one command.",
  "how I can see which version of node I am use and change it with nvm?")
R("opus", "review", "web", "non-native", None, "TB9+TB10: architectural review of a state layer for a large app.",
  """Please review our architecture for state. We have 40 developers. Is this ok for next 3 years or we must change?

- Redux store for everything (server data + UI state), 180 slices
- Sagas for all API calls, each saga also write to localStorage for offline
- Components connect() with mapStateToProps, sometimes select whole slice
- WebSocket middleware dispatch actions for live updates, about 50/sec at peak
- We have selector reselect only in 20% places
- Some teams start using React Query in their new pages already""")
R("sonnet", "explain", "mobile", "non-native", None, "TB9: explain non-trivial code behaviour (Kotlin Flow operators).",
  """Can you explain me what this Flow do, step by step? I not understand flatMapLatest and why the search is cancel.

```kotlin
val results: StateFlow<List<Product>> = query
    .debounce(300)
    .map { it.trim() }
    .distinctUntilChanged()
    .flatMapLatest { q ->
        if (q.length < 2) flowOf(emptyList())
        else repo.search(q).catch { emit(emptyList()) }
    }
    .stateIn(viewModelScope, SharingStarted.WhileSubscribed(5_000), emptyList())
```""")

R("sonnet", "implement", "web", "plain", None, "Virtualized list with dynamic heights using TanStack Virtual: clear spec.",
  "Use @tanstack/react-virtual to virtualize our comments list (variable heights, images load late and change height), keep scroll position when new comments are prepended at the top, and support 'jump to comment #id'.")
R("sonnet", "debug", "web", "plain", None, "Clear cause: CSS transform on ancestor breaks position: fixed for modal.",
  "Our modal with position: fixed is positioned relative to the card instead of the viewport, and gets clipped. It's rendered inside a card that has `transform: translateZ(0)` for a hover animation. What's happening and what's the proper fix (portal?)")
R("sonnet", "implement", "web", "terse", None, "Clear-spec feature.",
  "react portal tooltip, flips when near edge, floating-ui, hover + focus, delay 300ms")
R("sonnet", "debug", "web", "terse", None, "Clear-cause bug from description (strict mode + ref callback).",
  "useEffect cleanup runs immediately on mount in dev, my websocket connects twice then closes. next 14. fix?")
R("sonnet", "review", "web", "plain", None, "TB10: reviewing a hook for correctness and style.",
  """Code review please:

```ts
export function useLocalStorage<T>(key: string, initial: T) {
  const [value, setValue] = useState<T>(() => {
    const raw = localStorage.getItem(key);
    return raw ? JSON.parse(raw) : initial;
  });
  useEffect(() => {
    localStorage.setItem(key, JSON.stringify(value));
  }, [value]);
  useEffect(() => {
    window.addEventListener('storage', (e) => {
      if (e.key === key) setValue(JSON.parse(e.newValue!));
    });
  }, []);
  return [value, setValue] as const;
}
```""")
R("sonnet", "implement", "web", "plain", None, "Form wizard with per-step validation and persistence: several steps.",
  "Build a 4-step onboarding wizard in React (company, team, billing, review): per-step zod validation, back/next, progress indicator with aria-current=\"step\", state kept in the URL (?step=2) and in sessionStorage so refresh doesn't lose it.")
R("sonnet", "ops", "tooling", "plain", None, "Storybook + Chromatic CI setup with clear spec.",
  "Add visual regression tests for our design system: Storybook 8 with Vite builder, Chromatic in GitHub Actions only on PRs touching packages/ui, TurboSnap on, and fail the check only for changes in components marked `tags: ['stable']`.")
R("sonnet", "test", "web", "plain", None, "Tests for a11y with axe in existing component stories.",
  "Set up jest-axe (or vitest equivalent) and write a11y tests that render each of our 12 form components in their error state and assert no violations. Give me a helper so it's one line per component.")
R("sonnet", "debug", "tooling", "plain", None, "Build failure with a clear cause: duplicate React copies in monorepo.",
  """Our design system works in Storybook but in the app we get:

```
Warning: Invalid hook call. Hooks can only be called inside of the body of a function component. This could happen for one of the following reasons:
1. You might have mismatching versions of React and the renderer (such as React DOM)
2. You might be breaking the Rules of Hooks
3. You might have more than one copy of React in the same app
```

The app consumes @acme/ui via `"@acme/ui": "workspace:*"` and @acme/ui lists react in dependencies (not peer).""")
R("sonnet", "implement", "mobile", "plain", None, "Compose custom component with semantics: clear spec.",
  "Compose: build a rating bar (1–5 stars) that's tappable and draggable, supports half stars in read-only mode, and exposes correct semantics for TalkBack (role slider, state description '3 of 5 stars', increment/decrement actions).")
R("sonnet", "implement", "mobile", "plain", None, "iOS widget with clear spec.",
  "Make a WidgetKit widget for our app showing today's next 3 bookings, refreshed every 30 min and when the app writes new data (App Group + WidgetCenter.reloadTimelines), with small and medium families and a placeholder.")
R("sonnet", "debug", "mobile", "plain", None, "App Store rejection / privacy manifest: clear cause and known steps.",
  """Got this email from App Store Connect:

```
ITMS-91053: Missing API declaration - Your app's code in the "Fieldbook" file references one or more APIs that require reasons, including the following API categories: NSPrivacyAccessedAPICategoryUserDefaults. While no action is required at this time, starting May 1, 2024, when you upload a new app or app update, you must include a NSPrivacyAccessedAPITypes array in your app's privacy manifest to provide approved reasons for these APIs used by your app's code.
ITMS-91053: Missing API declaration - ... NSPrivacyAccessedAPICategoryFileTimestamp ...
```

What exactly do I add and where? We use UserDefaults for settings and check file modification dates for our image cache.""")
R("haiku", "question", "mobile", "terse", None, "Known fact.",
  "testflight how long does build processing take usually")

R("opus", "design", "web", "plain", None, "Open design: error handling and resilience strategy across a large SPA (boundaries, retries, offline, telemetry).",
  "We keep shipping screens where one failing API call blanks the whole page. Propose an error-handling architecture for our React app: where error boundaries go, how queries retry vs surface, offline handling, what the user sees, and how it ties into Sentry so we can tell bugs from outages. It needs to be something 9 teams will actually follow.")
R("opus", "design", "mobile", "plain", None, "Trade-off design: KMP shared logic vs separate native codebases vs RN for a team.",
  "We have separate iOS (SwiftUI) and Android (Compose) apps with duplicated business logic (pricing rules, validation, offline sync) that keeps drifting. Compare Kotlin Multiplatform for the shared core, moving to React Native, or a Rust core with UniFFI. Team: 5 iOS, 6 Android, no Rust experience. Recommend one with a migration path.")
R("opus", "debug", "web", "verbose", None, "Heisenbug across browser, extension and app: no clear lead, needs theory.",
  "We have a React error #418 (hydration) showing up in Sentry for about 2% of sessions, all on Chrome on Windows, and the pages involved don't have anything time- or random-based that we can see. We tried every page in Chrome on Windows ourselves and never got it. The breadcrumbs show the error right after the first paint. It's also correlated with higher bounce rate on those sessions. I suspect browser extensions or translation but I don't know how to confirm or what to do about it if so.")
R("opus", "explain", "web", "plain", None, "TB7: semantics of a concurrent algorithm (React's lanes/transition interruption) in depth.",
  "Explain precisely how React 18 decides to interrupt a transition render when an urgent update arrives, what happens to state computed during the interrupted render, and why that means side effects in render bodies can run more than once. I need to reason about a bug where a useMemo with a side effect double-counts analytics.")
R("opus", "review", "security", "plain", None, "TB10: security review of a markdown rendering pipeline (XSS).",
  """Security review: user bios are markdown, rendered like this in our React app.

```tsx
import { marked } from 'marked';

export function Bio({ md }: { md: string }) {
  const html = marked.parse(md.replace(/<script.*?>.*?<\\/script>/gi, ''));
  return <div className="bio" dangerouslySetInnerHTML={{ __html: html }} />;
}
```

Also we allow links, and the profile page has our session cookie (httpOnly) and a CSRF token in a meta tag.""")
R("opus", "review", "security", "plain", None, "TB10: security review of deep link handling in mobile app.",
  """Review this Android deep link handler for security problems:

```kotlin
class DeepLinkActivity : AppCompatActivity() {
    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        val uri = intent.data ?: return finish()
        when (uri.host) {
            "web" -> startActivity(Intent(this, WebActivity::class.java).putExtra("url", uri.getQueryParameter("u")))
            "reset" -> AuthRepo.resetPassword(uri.getQueryParameter("token")!!, uri.getQueryParameter("pw")!!)
            "open" -> startActivity(Intent.parseUri(uri.getQueryParameter("intent"), 0))
        }
        finish()
    }
}
// WebActivity loads the url in a WebView with javaScriptEnabled and addJavascriptInterface(AuthBridge(), "Acme")
```""")
R("opus", "design", "web", "plain", None, "Open design: real-time dashboard architecture under load with backpressure and rendering budget.",
  "A trading-ish dashboard: 40 widgets, each subscribing to some of ~3,000 instruments, server pushes up to 20k updates/sec over websocket at peak. Right now the browser melts. Design the client side: transport, batching, where data lives, how widgets subscribe, rendering (canvas vs DOM), and how we degrade when the tab is in the background or the machine is slow.")
R("opus", "plan", "tooling", "plain", None, "Large build migration across a monorepo (webpack 4 + Babel → Vite/Rspack) with risk analysis.",
  "Our monorepo has 31 apps on webpack 4 with custom loaders (one for our i18n files, one that inlines SVG sprites), Babel macros, and a Module Federation setup for 4 of them. Builds take 14 minutes. Evaluate Vite vs Rspack vs upgrading to webpack 5, and give me a migration plan with the order of apps, what to do with the custom loaders, and how we verify output parity.")
R("opus", "debug", "tooling", "plain", None, "Nondeterministic build output breaking caching across CI runners with no clear lead.",
  "Our Turborepo remote cache hit rate is ~20% even for PRs that only touch docs. Hashes differ between CI runners for the same commit. We don't know which inputs differ. How would you track down what makes the task hashes nondeterministic and fix it?")
R("opus", "design", "web", "plain", None, "Designing a permissions model in the UI consistent with backend, high stakes.",
  "Our admin app hides buttons based on roles we hard-coded in the frontend, and the backend checks something slightly different, so people see buttons that fail or (worse) don't see ones they can use. Design how permissions should flow from the backend to the UI for 30 screens, including caching, role changes mid-session, and making sure the UI can never be the only check.")
R("opus", "design", "mobile", "verbose", "easy-words-hard", "TB6: plain words but offline-first mobile data model with background sync and conflict resolution.",
  "We make an app for farmers. They go out in the fields for the whole day without coverage, log what they sprayed, harvested, etc. Several people on the same farm share records. At night at home they get wifi. Right now we just post to the API and if it fails we show an error, which is useless. What should we build? We're a small team (3 devs) using React Native and a Node backend, so please be realistic.")
R("opus", "design", "web", "plain", None, "Trade-off design with justification: monorepo module boundaries for a large frontend.",
  "Propose module boundaries for our 400k-line frontend: which things become packages, what may import what, how we enforce it (eslint boundaries, TS project refs), and how to get from today's spaghetti to that shape without a rewrite.")

R("sonnet", "docs", "web", "plain", None, "Writing component documentation (MDX) from props: several careful steps.",
  "Write the Storybook MDX docs page for our Button: when to use primary vs secondary vs ghost, sizes, loading state, icon-only usage (needs aria-label), do/don't examples, and the props table via ArgTypes.")
R("haiku", "docs", "web", "plain", None, "Small text task: short README section.",
  "Write a 3-line README section explaining how to run Storybook locally (pnpm storybook, port 6006).")
R("sonnet", "docs", "tooling", "plain", None, "Writing a contributing guide with several parts: sonnet.",
  "Write a CONTRIBUTING.md for our design system repo: setup with pnpm, how to add a component (folder layout, story, tests, changeset), commit convention, review rules, and how releases happen.")

# --- batch 8: mid-size pastes (20-200 lines) across tiers

R("haiku", "question", "web", "plain", None, "Short lookup in a mid-size stylesheet, checkable at a glance.",
  "Which of these rules uses position or z-index? I'm hunting a stacking bug, just list selectors.\n\n```css\n" + gen_css(18, 201) + "\n```")
R("sonnet", "refactor", "web", "plain", None, "Converting a mid-size stylesheet to CSS modules + nesting: several careful steps.",
  "Convert this to native CSS nesting grouped by block (cart, checkout, ...), keep specificity the same, and flag any rules that would change behaviour when nested.\n\n```css\n" + gen_css(30, 202) + "\n```")
R("haiku", "edit", "web", "typos", None, "Mechanical: sort keys alphabetically in a small JSON.",
  "can u sort these keys alphabeticaly pls\n\n```json\n" + gen_i18n(35, 203) + "\n```")
R("sonnet", "review", "web", "plain", None, "Reviewing translation strings for consistency and ICU issues: several judgements.",
  "Review these English UI strings for consistency (capitalisation, tone, punctuation) and tell me which ones need ICU plurals or placeholders instead of concatenation.\n\n```json\n" + gen_i18n(60, 204) + "\n```")
R("haiku", "question", "tooling", "terse", None, "Read one number from a short build log.",
  "how long did the build take\n\n```\n" + gen_vite_build(28, 205) + "\n```")
R("sonnet", "ops", "tooling", "plain", None, "Configure manualChunks from the build output: everyday build config.",
  "Based on this build output, write a build.rollupOptions.output.manualChunks function that puts react/react-dom/scheduler in one vendor chunk, charts (echarts, zrender) in another, and leaves route chunks alone.\n\n```\n" + gen_vite_build(45, 206) + "\n```")
R("sonnet", "debug", "mobile", "plain", None, "TB2: logcat with the NPE pointing at the cause: sonnet.",
  "crash on profile again but different device, same cause?\n\n```\n" + gen_logcat(30, 207, crash="kotlin.UninitializedPropertyAccessException: lateinit property analytics has not been initialized") + "\n```\n\nProfileViewModel has `lateinit var analytics: Analytics` set from the Fragment in onViewCreated.")
R("haiku", "question", "mobile", "plain", None, "Trivial extraction from a short log: the exception line.",
  "What's the exception message in this? Just the line.\n\n```\n" + gen_logcat(25, 208) + "\n```")
R("opus", "debug", "mobile", "plain", None, "Interleaved sync log across devices where the ordering bug must be reconstructed: distributed reasoning.",
  "Another lost edit. This time on note:1022, three devices, one went offline twice. Reconstruct the causal order from this log and tell me which device's clock or queue broke it, and whether our 'pull before push' rule can ever fix it.\n\n```\n" + gen_sync_log(90, 209) + "\n```")
R("haiku", "question", "mobile", "terse", None, "Trivial count in a short sync log.",
  "how many conflict.lww lines here\n\n```\n" + gen_sync_log(45, 210) + "\n```")
R("sonnet", "debug", "tooling", "plain", None, "GHA log with clear failing step (lockfile/engine mismatch).",
  "why does this fail?\n\n```\n" + gen_gha_log(35, 211, failure="""##[group]Run Install dependencies
2026-12-02T09:16:41.0020000Z pnpm install --frozen-lockfile
2026-12-02T09:16:41.9110000Z  ERR_PNPM_UNSUPPORTED_ENGINE  Unsupported environment (bad pnpm and/or Node.js version)
2026-12-02T09:16:41.9110000Z Your Node version is incompatible with "/home/runner/work/storefront/storefront".
2026-12-02T09:16:41.9110000Z Expected version: >=22.11.0
2026-12-02T09:16:41.9110000Z Got: v20.18.1
2026-12-02T09:16:41.9400000Z ##[error]Process completed with exit code 1.
##[endgroup]""") + "\n```")
R("haiku", "question", "tooling", "plain", None, "Trivial lookup in a short CI log.",
  "Which step failed here? one word answer is fine\n\n```\n" + gen_gha_log(22, 212, failure="##[group]Run Lint\n2026-12-02T09:18:00.0000000Z ✖ 3 problems (3 errors, 0 warnings)\n2026-12-02T09:18:00.1000000Z ##[error]Process completed with exit code 1.\n##[endgroup]") + "\n```")
R("sonnet", "edit", "web", "plain", None, "Fixing a set of lint errors with per-case judgement.",
  "Fix these, show diffs per file:\n\n```\n" + gen_eslint(7, 213) + "\n```\n\n(I can paste files if you need them.)")
R("haiku", "question", "tooling", "terse", None, "Trivial: which rule fires most.",
  "which rule fires the most\n\n```\n" + gen_eslint(9, 214) + "\n```")
R("sonnet", "docs", "tooling", "plain", None, "Changelog from a short log: grouping and rewriting, several steps.",
  "Write a CHANGELOG.md entry (Keep a Changelog format) for 2.8.0 from these commits:\n\n```\n" + gen_git_log(14, 215) + "\n```")
R("haiku", "question", "tooling", "plain", None, "Trivial extraction from a short git log.",
  "What's the hash of the revert commit in this log?\n\n```\n" + gen_git_log(12, 216) + "\n```")
R("sonnet", "implement", "web", "plain", None, "Token pipeline code from a token sample: clear spec.",
  "Write a small Node script that reads this tokens JSON and outputs a tailwind.config.js theme.extend (colors, spacing, borderRadius, fontSize). Fail loudly on duplicate keys.\n\n```json\n" + gen_tokens(25, 217) + "\n```")
R("haiku", "question", "web", "terse", None, "Trivial lookup in a small tokens file.",
  "which font families are used in here\n\n```json\n" + gen_tokens(22, 218) + "\n```")
R("opus", "review", "web", "plain", None, "TB10: judging a token structure as architecture for a multi-brand DS.",
  "Judge this token set as the foundation for 3 brands and dark mode across 20 apps. What's structurally wrong, what will hurt in a year, and what would you restructure first?\n\n```json\n" + gen_tokens(30, 219) + "\n```")
_c2 = gen_component("BillingDetailsForm", ["companyName", "vatId", "invoiceEmail", "street", "postalCode", "city", "country", "poNumber", "sendCopy"], 220)
R("haiku", "edit", "web", "plain", None, "Mechanical: change one label text in a mid-size component.",
  "Change the label for vatId to \"VAT number\" and poNumber to \"PO number\". Only those two lines.\n\n```tsx\n" + _c2 + "\n```")
R("sonnet", "test", "web", "plain", None, "Tests for a mid-size form component.",
  "Write RTL tests for this form: typing updates values, submit calls onSubmit with all fields, and sendCopy ends up boolean (it's currently broken, the test should fail until fixed).\n\n```tsx\n" + _c2 + "\n```")
R("sonnet", "refactor", "web", "plain", None, "Refactor a repetitive form into a field config map: several steps.",
  "This is so repetitive. Refactor into a field config array + a generic field renderer, typed so a typo in a field name is a compile error.\n\n```tsx\n" + _c2 + "\n```")
R("haiku", "explain", "mobile", "plain", None, "Short explanation of top crash frame: what assertion failed.",
  "In one sentence, what kind of crash is this (the first frames)?\n\n```\n" + "\n".join(gen_ios_crash(221).split("\n")[:40]) + "\n```")
R("opus", "debug", "mobile", "plain", None, "Crash that happens only with background sync + Core Data concurrency: race across threads.",
  "This crash is rare (0.05% of sessions) and we can't reproduce it. The backtrace shows the SwiftUI list, but other threads are in Core Data. Our background sync uses a separate NSManagedObjectContext and merges into viewContext. What's the likely race and how would you restructure it so it can't happen?\n\n```\n" + "\n".join(gen_ios_crash(222).split("\n")[:90]) + "\n```")

R("sonnet", "debug", "web", "typos", None, "Clear-cause Tailwind purge/content config bug.",
  "tailwind classes work in dev but in prod build half my styles are gone, specificaly the ones in packages/ui components. tailwind 3, content is ['./src/**/*.{ts,tsx}']. wat do")
R("haiku", "question", "web", "typos", None, "Known CSS.",
  "css make last item in flex row push to teh right")
R("sonnet", "implement", "web", "typos", None, "Clear-spec small feature.",
  "need a copy to clipboard button w/ a 'copied!' tooltip for 2s, fallback for old safari, and announce it for screenreaders. react ts pls")
R("opus", "debug", "web", "typos", "easy-words-hard", "TB6: intermittent duplicate orders from double submit across tabs/retries; no lead.",
  "we get duplicate orders like 3-4 a day, same cart charged twice, couple seconds apart. we disable the button on click so its not double click?? happens on mobile mostly. no idea")
R("sonnet", "debug", "mobile", "typos", None, "Known cause: keyboard covering input in RN.",
  "rn keyboard covers the text input at the bottom of my chat screen on android, KeyboardAvoidingView does nothing. expo sdk 52")

R("sonnet", "implement", "web", "plain", None, "SSE client hook with reconnect and backoff: clear spec.",
  "Write a useEventSource hook: connects to a URL, parses JSON messages, reconnects with exponential backoff + jitter (max 30s), resumes with Last-Event-ID, pauses when the tab is hidden for more than 5 minutes, and exposes status.")
R("opus", "design", "web", "follow-up", None, "TB8: follow-up asks for a correctness guarantee across reconnects and tabs (exactly-once, ordering).",
  "now make it so updates are applied exactly once and in order even across reconnects and with the same stream open in several tabs (only one connection total)")
R("haiku", "edit", "web", "follow-up", None, "TB8: trivial change of a constant.",
  "change the max backoff to 60s")

R("sonnet", "implement", "mobile", "plain", None, "Everyday mobile feature with clear spec: biometric unlock.",
  "Add Face ID / fingerprint unlock to our Expo app with expo-local-authentication: opt-in toggle in settings, prompt on app foreground after 5 minutes in background, fallback to PIN, and don't prompt if the device has no enrolled biometrics.")
R("opus", "design", "security", "follow-up", None, "TB8+security: what the biometric gate actually protects, key storage and bypass analysis.",
  "wait, the biometric prompt is just a UI gate, right? if someone roots the phone they skip it. how do we make the session token actually require biometrics (keystore/keychain with access control) and what are the failure modes when the user adds a new fingerprint")

R("sonnet", "debug", "web", "plain", None, "Identifiable cause: Vite env var not exposed (missing VITE_ prefix).",
  "import.meta.env.API_URL is undefined in my Vite app but it's in .env. Other vars work. Why?")
R("haiku", "question", "web", "terse", None, "Known Vite fact.",
  "vite base path for subfolder deploy")
R("sonnet", "plan", "web", "plain", None, "Medium plan: upgrade React 17 → 18 in a mid-size app with known steps.",
  "Give me a checklist to upgrade our mid-size app (120 components) from React 17 to 18: createRoot, automatic batching gotchas, StrictMode effects, types changes for children, testing-library updates, and which third-party libs usually break.")
R("opus", "plan", "web", "plain", None, "Large cross-codebase upgrade plan with many teams and libraries (React 18 → 19 + RSC) with risk analysis.",
  "We have 31 apps and a shared design system, all on React 18 with a mix of Next 13 pages router and Vite SPAs. Plan the move to React 19 (and RSC for the Next apps), including the order, the design system's compatibility window, how to handle libraries that lag, and how we decide whether RSC is even worth it per app.")

# --- batch 9: final opus rows, traps

R("opus", "design", "web", "terse", "short-hard", "Short, but a conflict-free merge of concurrent form edits by several admins is consistency design.",
  "two admins editing same product form at once, merge not overwrite")
R("opus", "debug", "web", "terse", "short-hard", "Short, but a slow memory-bound frame drop only on Safari with no lead needs profiling theory.",
  "safari only: canvas map stutters every ~10s, gc?")
R("opus", "design", "mobile", "terse", "short-hard", "Short, but incremental sync of 50k records with deletes (tombstones, cursors) is distributed design.",
  "delta sync 50k rows to phone incl deletes, cursor design")
R("opus", "plan", "web", "terse", "short-hard", "Short, but splitting a monolithic SPA into independently deployed apps is architecture + plan.",
  "break our SPA into independently deployable parts, plan")
R("opus", "design", "web", "plain", "easy-words-hard", "TB6: plain words; a drafts feature across devices with merging is offline-sync conflict design.",
  "Users want to start an email draft on their phone and finish it on their laptop, sometimes editing both before either syncs. What's the right way to make that work?")
R("opus", "debug", "mobile", "plain", "easy-words-hard", "TB6: battery drain reports after an update; no lead, needs theory across background work/location/network.",
  "Since version 6.2 people complain our app drains their battery overnight. Android and iOS both. We didn't knowingly change anything in the background. How do we find it?")
R("opus", "plan", "web", "plain", "easy-words-hard", "TB6: plain words, but rolling a new checkout out to everyone safely across web and apps is a large multi-step plan.",
  "We rebuilt checkout. How do we switch everyone over without losing sales if something is wrong?")
R("opus", "design", "web", "verbose", None, "Open design: an undo/redo system for a complex editor with async server operations.",
  "Our page builder needs undo/redo. Problem is that some actions are local (move a block), some hit the server (upload an image, publish a section), some are done by other people in real time, and some can't really be undone (sending a test email). I want a model for this that the team can implement without every feature reinventing it. What would you design — command pattern, patches, something else — and how do server-side and collaborative changes fit in?")
R("opus", "review", "web", "plain", None, "TB10: reviewing concurrent client-side sync code for ordering bugs.",
  """Review this sync loop for correctness under concurrency (two tabs, flaky network):

```ts
let syncing = false;

export async function sync() {
  if (syncing) return;
  syncing = true;
  const since = Number(localStorage.getItem('cursor') ?? 0);
  const pending = await db.outbox.toArray();
  for (const m of pending) {
    await api.post('/mutations', m);
    await db.outbox.delete(m.id);
  }
  const { changes, cursor } = await api.get('/changes?since=' + since);
  await db.transaction('rw', db.notes, async () => {
    for (const c of changes) {
      const local = await db.notes.get(c.id);
      if (!local || local.updatedAt < c.updatedAt) await db.notes.put(c);
    }
  });
  localStorage.setItem('cursor', String(cursor));
  syncing = false;
}

setInterval(sync, 10_000);
window.addEventListener('online', sync);
```""")
R("opus", "design", "security", "plain", None, "Security design: securing a mobile app's API against tampering and scraping (attestation, pinning) with trade-offs.",
  "Someone is scraping our prices through the mobile app's API and we're seeing fake accounts created from modified APKs. What can we realistically do: Play Integrity / App Attest, certificate pinning, request signing? What does each actually stop and what does it cost us when it breaks?")
R("opus", "debug", "web", "plain", None, "Performance analysis from a trace summary: long tasks from layout + style recalculation in a specific interaction.",
  """Opening our filter panel takes ~900ms on a mid-range laptop. Performance trace summary for the click:

```
Event: click  (INP candidate)  total 912ms
  Input delay            14ms
  Processing            602ms
    Function call  panel.tsx:41 openPanel            588ms
      setState x 1
      React commit                                    402ms
        Recalculate Style   (elements affected: 14,812)  231ms
        Layout              (nodes needing layout: 14,790) 148ms
  Presentation delay    296ms
    Recalculate Style                                 171ms
    Paint                                              61ms
    Composite Layers                                   19ms
```

The panel toggles a class `filters-open` on <body>, which changes the grid template of the main product grid (1,200 cards). Walk me through why it's this expensive and what the options are, with expected gains.""")
R("opus", "design", "mobile", "plain", None, "Design of a robust background upload pipeline on iOS/Android with OS constraints and resumability.",
  "Design a photo upload pipeline for our inspection app: up to 300 photos per inspection, must survive app kill and reboot, resume partial uploads, not duplicate on retry, respect low power mode and metered networks, and let the user see per-photo progress. iOS background URLSession and Android WorkManager. What does the client state machine look like and what must the server support?")
R("haiku", "question", "web", "plain", "hard-words-easy", "Distributed-sounding words but the answer is one header name.",
  "For idempotent retries of our checkout POST across flaky mobile networks, what's the conventional HTTP header name people use for the idempotency key?")
R("haiku", "question", "mobile", "terse", "hard-words-easy", "Scary (memory pressure, jetsam) but a one-line definition.",
  "what is jetsam on ios, one line")

# ROWS-END

if __name__ == "__main__":
    with open("w26.jsonl", "w", encoding="utf-8") as f:
        for i, row in enumerate(ROWS, 1):
            f.write(json.dumps({"id": f"w26-{i:04d}", **row}, ensure_ascii=False) + "\n")
