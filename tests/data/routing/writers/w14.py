#!/usr/bin/env python3
"""Writer w14: mobile, frontend, game developers and students (iOS, Android, Flutter, RN, React/Vue/Svelte,
CSS, a11y, Unity/Godot/C#, algorithms homework). Casual, typos, some prompts in ko/tr/hi/vi/id.
Run `python3 w14.py` to write w14.jsonl deterministically."""
import json, os, random, string

ROWS = []

def R(label, category, domain, voice, trap, rationale, prompt, language="en"):
    ROWS.append({"prompt": prompt, "label": label, "rationale": rationale, "category": category,
                 "domain": domain, "voice": voice, "language": language, "trap": trap})

# ------------------------------------------------------------------ long material generators

def _clock(rng, h=None):
    return [rng.randint(8, 20) if h is None else h, rng.randint(0, 59), rng.randint(0, 59), rng.randint(0, 999)]

def _tick(c, rng, max_ms=900):
    c[3] += rng.randint(1, max_ms)
    while c[3] >= 1000:
        c[3] -= 1000; c[2] += 1
    while c[2] >= 60:
        c[2] -= 60; c[1] += 1
    while c[1] >= 60:
        c[1] -= 60; c[0] += 1

def gen_logcat(seed, n):
    rng = random.Random(seed)
    pid = rng.randint(4000, 29000)
    c = _clock(rng)
    paths = ["recipes", "users/me", "feed?page=2", "search?q=pasta", "favorites", "recipes/8812/reviews",
             "shopping-list", "notifications/unread", "config/remote"]
    def line(lvl, tag, msg, tid=None):
        return f"03-14 {c[0]:02d}:{c[1]:02d}:{c[2]:02d}.{c[3]:03d}  {pid}  {tid or pid} {lvl} {tag:<14}: {msg}"
    out = []
    for _ in range(n):
        _tick(c, rng, 400)
        k = rng.random()
        bg = rng.randint(pid + 20, pid + 90)
        if k < 0.16:
            p = rng.choice(paths)
            out.append(line("D", "OkHttp", f"--> GET https://api.pocketchef.io/v2/{p}", bg))
            _tick(c, rng, 300)
            out.append(line("D", "OkHttp", f"<-- 200 https://api.pocketchef.io/v2/{p} ({rng.randint(38, 940)}ms, {rng.randint(1, 90)}.{rng.randint(0,9)}kB body)", bg))
        elif k < 0.24:
            out.append(line("I", "Choreographer", f"Skipped {rng.randint(31, 140)} frames!  The application may be doing too much work on its main thread."))
        elif k < 0.36:
            out.append(line("I", "zygote64", f"Background concurrent copying GC freed {rng.randint(2000, 90000)}({rng.randint(1, 24)}MB) AllocSpace objects, {rng.randint(0, 40)}({rng.randint(100, 9000)}KB) LOS objects, {rng.randint(20, 60)}% free, {rng.randint(8, 60)}MB/{rng.randint(60, 120)}MB, paused {rng.randint(40, 900)}us total {rng.randint(20, 400)}.{rng.randint(100,999)}ms", pid + 7))
        elif k < 0.44:
            out.append(line("D", "RecipeRepo", f"cache {'hit' if rng.random() < 0.7 else 'miss'} for recipe {rng.randint(1000, 9999)}", bg))
        elif k < 0.50:
            out.append(line("W", "Looper", f"Slow dispatch took {rng.randint(101, 450)}ms main h=android.view.Choreographer$FrameHandler c=android.view.Choreographer$FrameDisplayEventReceiver m=0"))
        elif k < 0.58:
            out.append(line("V", "FA", f"Recording user engagement, ms: {rng.randint(1000, 90000)}", bg))
        elif k < 0.64:
            act = rng.choice(["MainActivity", "RecipeDetailActivity", "SettingsActivity", "CookModeActivity"])
            out.append(line("I", "ActivityTaskManager", f"Displayed com.pocketchef.app/.ui.{act}: +{rng.randint(180, 1900)}ms", 1650))
        elif k < 0.72:
            out.append(line("D", "Glide", f"Finished loading BitmapDrawable from REMOTE for https://cdn.pocketchef.io/img/{rng.randint(10000, 99999)}_w{rng.choice([320, 640, 1080])}.webp with size [{rng.choice([320, 640, 1080])}x{rng.randint(200, 900)}] in {rng.randint(20, 700)}.{rng.randint(100, 999)} ms", bg))
        elif k < 0.78:
            out.append(line("D", "InsetsController", rng.choice(["show(ime(), fromIme=true)", "hide(ime(), fromIme=true)", "onStateChanged: InsetsState: {mDisplayFrame=Rect(0, 0 - 1080, 2400)}"])))
        elif k < 0.84:
            out.append(line("W", "System", "A resource failed to call close. ", pid + 12))
        elif k < 0.90:
            out.append(line("D", "ProfileInstaller", rng.choice(["Installing profile for com.pocketchef.app", "DIAGNOSTIC_PROFILE_IS_COMPRESSED", "RESULT_ALREADY_INSTALLED"]), bg))
        else:
            out.append(line("I", "CookTimerService", f"tick remaining={rng.randint(0, 3600)}s step={rng.randint(1, 12)}", bg))
    return "\n".join(out)

ENTITIES = ["Product", "Order", "Customer", "Review", "Coupon", "Address", "CartItem", "Wishlist", "Category",
            "Store", "Notification", "PaymentMethod", "Shipment", "ReturnRequest", "GiftCard", "LoyaltyTier",
            "Banner", "Brand", "SizeChart", "Message", "Ticket", "Subscription", "Invoice", "Promo", "Collection",
            "Look", "Outfit", "StylistNote", "Appointment", "Referral", "Badge", "Survey", "FAQ", "Article"]
SWIFT_FIELDS = [("title", "String"), ("subtitle", "String?"), ("createdAt", "Date"), ("updatedAt", "Date?"),
                ("price", "Decimal"), ("currency", "String"), ("imageURL", "URL?"), ("isActive", "Bool"),
                ("count", "Int"), ("rating", "Double"), ("tags", "[String]"), ("ownerId", "UUID"),
                ("status", "String"), ("note", "String?"), ("sortIndex", "Int"), ("expiresAt", "Date?")]

def gen_swift_models(seed, n):
    rng = random.Random(seed)
    ents = rng.sample(ENTITIES, n)
    out = ["import Foundation", "import Combine", "import SwiftUI", ""]
    for e in ents:
        fields = rng.sample(SWIFT_FIELDS, rng.randint(4, 8))
        low = e[0].lower() + e[1:]
        out.append(f"struct {e}DTO: Codable, Identifiable, Hashable {{")
        out.append("    let id: UUID")
        for f, t in fields:
            out.append(f"    let {f}: {t}")
        out.append("}")
        out.append("")
        out.append(f"protocol {e}ServiceProtocol {{")
        out.append(f"    func fetch{e}s(page: Int) async throws -> [{e}DTO]")
        out.append(f"    func delete{e}(id: UUID) async throws")
        out.append("}")
        out.append("")
        out.append("@MainActor")
        out.append(f"final class {e}ListViewModel: ObservableObject {{")
        out.append(f"    @Published private(set) var items: [{e}DTO] = []")
        out.append("    @Published private(set) var isLoading = false")
        out.append("    @Published var errorMessage: String?")
        out.append("    private var page = 0")
        out.append(f"    private let service: {e}ServiceProtocol")
        out.append("")
        out.append(f"    init(service: {e}ServiceProtocol) {{")
        out.append("        self.service = service")
        out.append("    }")
        out.append("")
        out.append("    func loadNextPage() async {")
        out.append("        guard !isLoading else { return }")
        out.append("        isLoading = true")
        out.append("        defer { isLoading = false }")
        out.append("        do {")
        out.append(f"            let next = try await service.fetch{e}s(page: page)")
        out.append("            items.append(contentsOf: next)")
        out.append("            page += 1")
        out.append("        } catch {")
        out.append(f"            errorMessage = \"Could not load {low}s: \\(error.localizedDescription)\"")
        out.append("        }")
        out.append("    }")
        out.append("")
        out.append(f"    func delete(_ item: {e}DTO) async {{")
        out.append("        do {")
        out.append(f"            try await service.delete{e}(id: item.id)")
        out.append("            items.removeAll { $0.id == item.id }")
        out.append("        } catch {")
        out.append("            errorMessage = error.localizedDescription")
        out.append("        }")
        out.append("    }")
        if rng.random() < 0.5:
            f0 = fields[0][0]
            out.append("")
            out.append(f"    var sorted: [{e}DTO] {{")
            out.append(f"        items.sorted {{ \"\\($0.{f0})\" < \"\\($1.{f0})\" }}")
            out.append("    }")
        out.append("}")
        out.append("")
    return "\n".join(out)

SCREENS = ["onboarding", "login", "signup", "home", "search", "profile", "settings", "cart", "checkout", "orders",
           "notifications", "wishlist", "product", "reviews", "help", "wallet", "rewards", "camera", "share",
           "downloads", "library", "player", "stats", "friends", "chat", "map", "booking", "feedback", "language", "privacy"]
ELEMS = {"title": ["{S}", "Your {S}", "{S} overview"], "subtitle": ["Everything about your {s} in one place",
         "Tap to manage your {s}", "Nothing here yet"], "button_continue": ["Continue"], "button_cancel": ["Cancel"],
         "button_retry": ["Try again"], "error_generic": ["Something went wrong. Please try again."],
         "error_offline": ["You\\'re offline. Check your connection."], "empty_state": ["No {s} yet",
         "Your {s} is empty"], "hint": ["Search {s}", "Enter a value"], "toast_saved": ["Saved!", "Changes saved"],
         "a11y_back": ["Navigate back"], "a11y_close": ["Close {s}"], "dialog_title": ["Leave {s}?", "Are you sure?"],
         "dialog_message": ["Your changes to {s} won\\'t be saved.", "This can\\'t be undone."],
         "label_updated": ["Updated %1$s"], "label_count": ["%1$d items"]}

def gen_strings_xml(seed):
    rng = random.Random(seed)
    entries = []
    for s in SCREENS:
        for el, opts in ELEMS.items():
            if rng.random() < 0.75:
                v = rng.choice(opts).replace("{S}", s.capitalize()).replace("{s}", s)
                entries.append((f"{s}_{el}", v))
    rng.shuffle(entries)
    out = ['<?xml version="1.0" encoding="utf-8"?>', "<resources>", '    <string name="app_name">Shoply</string>']
    for k, v in entries:
        out.append(f'    <string name="{k}">{v}</string>')
    out.append('    <plurals name="cart_items_count">')
    out.append('        <item quantity="one">%d item</item>')
    out.append('        <item quantity="other">%d items</item>')
    out.append("    </plurals>")
    out.append("</resources>")
    return "\n".join(out)

NPM_PKGS = ["@babel/core", "@babel/runtime", "@babel/preset-env", "@babel/parser", "@babel/traverse", "@babel/types",
            "@react-navigation/native", "@react-navigation/native-stack", "@react-navigation/bottom-tabs",
            "react-native-screens", "react-native-safe-area-context", "react-native-gesture-handler",
            "react-native-reanimated", "react-native-svg", "react-native-mmkv", "@shopify/flash-list",
            "@tanstack/react-query", "zustand", "axios", "dayjs", "lodash", "metro", "metro-config",
            "metro-react-native-babel-transformer", "hermes-estree", "hermes-parser", "invariant", "scheduler",
            "react", "react-native", "react-is", "prop-types", "semver", "chalk", "ansi-styles", "supports-color",
            "debug", "ms", "glob", "minimatch", "brace-expansion", "balanced-match", "yargs", "yargs-parser",
            "cliui", "string-width", "strip-ansi", "ansi-regex", "wrap-ansi", "escalade", "y18n",
            "jest", "jest-environment-node", "@jest/types", "@types/react", "@types/jest", "typescript",
            "eslint", "@react-native/eslint-config", "prettier", "@react-native-community/cli",
            "@react-native-community/cli-platform-android", "@react-native-community/cli-platform-ios",
            "convert-source-map", "source-map", "source-map-support", "buffer-from", "whatwg-fetch",
            "event-target-shim", "abort-controller", "base64-js", "ieee754", "nullthrows", "pretty-format",
            "stacktrace-parser", "use-sync-external-store", "color", "color-convert", "color-name", "color-string"]

def gen_yarn_lock(seed):
    rng = random.Random(seed)
    out = ["# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.", "# yarn lockfile v1", "", ""]
    for p in sorted(NPM_PKGS):
        if p == "react-native-reanimated":
            ver = "3.6.2"; ranges = ["^3.6.0"]
        elif p == "react-native":
            ver = "0.73.4"; ranges = ["0.73.4"]
        elif p == "react":
            ver = "18.2.0"; ranges = ["18.2.0"]
        else:
            maj = rng.randint(0, 9); ver = f"{maj}.{rng.randint(0, 30)}.{rng.randint(0, 15)}"
            ranges = [f"^{maj}.{rng.randint(0, 5)}.0"] + ([f"~{ver}"] if rng.random() < 0.3 else [])
        head = ", ".join(f'"{p}@{r}"' for r in ranges)
        out.append(head + ":")
        out.append(f'  version "{ver}"')
        tail = p.split("/")[-1]
        sha1 = "".join(rng.choice("0123456789abcdef") for _ in range(40))
        out.append(f'  resolved "https://registry.yarnpkg.com/{p}/-/{tail}-{ver}.tgz#{sha1}"')
        integ = "".join(rng.choice(string.ascii_letters + string.digits + "+/") for _ in range(86))
        out.append(f"  integrity sha512-{integ}==")
        deps = rng.sample(NPM_PKGS, rng.randint(0, 6))
        deps = [d for d in deps if d != p]
        if deps:
            out.append("  dependencies:")
            for d in sorted(deps):
                out.append(f'    {d if "/" not in d and "@" not in d else chr(34) + d + chr(34)} "^{rng.randint(0, 9)}.{rng.randint(0, 20)}.0"')
        out.append("")
    return "\n".join(out)

def gen_unity_gamemanager(seed):
    rng = random.Random(seed)
    out = ["using System;", "using System.Collections;", "using System.Collections.Generic;", "using System.IO;",
           "using System.Linq;", "using UnityEngine;", "using UnityEngine.SceneManagement;", "using UnityEngine.UI;",
           "using TMPro;", "", "public class GameManager : MonoBehaviour", "{",
           "    public static GameManager Instance;", ""]
    fields = ["int coins", "int gems", "int currentLevel", "float musicVolume", "float sfxVolume", "bool adsRemoved",
              "bool isPaused", "int lives", "float comboTimer", "int comboCount", "string playerName",
              "List<string> unlockedSkins", "Dictionary<string, int> inventory", "int dailyStreak",
              "DateTime lastLogin", "int highScore", "bool tutorialDone", "AudioSource musicSource",
              "AudioSource sfxSource", "TextMeshProUGUI coinsLabel", "TextMeshProUGUI gemsLabel",
              "GameObject pausePanel", "GameObject shopPanel", "GameObject gameOverPanel", "Slider musicSlider",
              "Transform enemyRoot", "GameObject[] enemyPrefabs", "GameObject bossPrefab", "Camera mainCam"]
    for f in fields:
        out.append(f"    public {f};")
    out.append("")
    out += ["    void Awake()", "    {", "        if (Instance != null) { Destroy(gameObject); return; }",
            "        Instance = this;", "        DontDestroyOnLoad(gameObject);", "        LoadGame();", "    }", ""]
    systems = {
        "Save": ["SaveGame", "LoadGame", "DeleteSave", "MigrateSaveV1ToV2", "BackupSave", "WriteSaveFile", "ReadSaveFile"],
        "Economy": ["AddCoins", "SpendCoins", "AddGems", "SpendGems", "GrantDailyReward", "ApplyDoubleCoins"],
        "Shop": ["OpenShop", "CloseShop", "BuySkin", "EquipSkin", "RestorePurchases", "OnPurchaseComplete"],
        "Audio": ["PlayMusic", "StopMusic", "PlaySfx", "SetMusicVolume", "SetSfxVolume", "FadeMusic"],
        "Enemies": ["SpawnWave", "SpawnEnemy", "SpawnBoss", "OnEnemyKilled", "ClearEnemies", "ScaleDifficulty"],
        "UI": ["UpdateHud", "ShowPause", "HidePause", "ShowGameOver", "ShowToast", "RefreshShopUi"],
        "Ads": ["ShowInterstitial", "ShowRewarded", "OnRewardedComplete", "RemoveAds"],
        "Level": ["StartLevel", "RestartLevel", "NextLevel", "OnPlayerDied", "OnLevelComplete", "LoadLevelAsync"],
    }
    stmts = ["        coins = Mathf.Max(0, coins);", "        UpdateHud();", "        SaveGame();",
             "        PlayerPrefs.SetInt(\"coins\", coins);", "        if (isPaused) return;",
             "        Debug.Log($\"[GM] {nameof(GameManager)} tick {Time.frameCount}\");",
             "        sfxSource.PlayOneShot(Resources.Load<AudioClip>(\"Sfx/click\"));",
             "        inventory.TryGetValue(\"potion\", out var potions);", "        comboTimer = 0f;",
             "        Time.timeScale = isPaused ? 0f : 1f;", "        StartCoroutine(FadeRoutine(0.5f));",
             "        var path = Path.Combine(Application.persistentDataPath, \"save.json\");",
             "        highScore = Mathf.Max(highScore, coins * 10 + currentLevel);",
             "        foreach (Transform t in enemyRoot) Destroy(t.gameObject);",
             "        if (!adsRemoved && UnityEngine.Random.value < 0.3f) ShowInterstitial();",
             "        coinsLabel.text = coins.ToString(\"N0\");", "        gemsLabel.text = gems.ToString();",
             "        lives = Mathf.Clamp(lives, 0, 5);", "        PlayerPrefs.Save();"]
    for sysname, methods in systems.items():
        out.append(f"    // ---------------- {sysname} ----------------")
        for m in methods:
            arg = rng.choice(["", "int amount", "string id", "float value", "bool force"])
            out.append(f"    public void {m}({arg})")
            out.append("    {")
            for _ in range(rng.randint(4, 14)):
                out.append(rng.choice(stmts))
            if rng.random() < 0.4:
                out.append("        if (currentLevel > 10 && !tutorialDone)")
                out.append("        {")
                out.append("            tutorialDone = true;")
                out.append("            ShowToast(\"Tutorial complete!\");")
                out.append("        }")
            out.append("    }")
            out.append("")
    out += ["    IEnumerator FadeRoutine(float duration)", "    {", "        float t = 0;",
            "        while (t < duration) { t += Time.unscaledDeltaTime; musicSource.volume = Mathf.Lerp(0, musicVolume, t / duration); yield return null; }",
            "    }", "", "    void Update()", "    {", "        if (Input.GetKeyDown(KeyCode.Escape)) { if (isPaused) HidePause(); else ShowPause(); }",
            "        comboTimer += Time.deltaTime;", "        if (comboTimer > 2f) comboCount = 0;", "    }", "}"]
    return "\n".join(out)

IOS_FRAMES = [("UIKitCore", "-[UIView(CALayerDelegate) layoutSublayersOfLayer:]"), ("QuartzCore", "CA::Layer::layout_if_needed(CA::Transaction*)"),
              ("QuartzCore", "CA::Transaction::commit()"), ("CoreFoundation", "__CFRunLoopDoObservers"),
              ("CoreFoundation", "__CFRunLoopRun"), ("CoreFoundation", "CFRunLoopRunSpecific"),
              ("GraphicsServices", "GSEventRunModal"), ("UIKitCore", "-[UIApplication _run]"),
              ("UIKitCore", "UIApplicationMain"), ("libdispatch.dylib", "_dispatch_call_block_and_release"),
              ("libdispatch.dylib", "_dispatch_client_callout"), ("libdispatch.dylib", "_dispatch_lane_serial_drain"),
              ("libdispatch.dylib", "_dispatch_root_queue_drain"), ("libsystem_pthread.dylib", "_pthread_wqthread"),
              ("libsystem_pthread.dylib", "start_wqthread"), ("libsystem_kernel.dylib", "mach_msg2_trap"),
              ("libsystem_kernel.dylib", "__psynch_cvwait"), ("Foundation", "-[NSOperation start]"),
              ("CFNetwork", "_CFNetworkHTTPConnectionCacheStep"), ("libswiftCore.dylib", "swift_retain"), ("libswiftCore.dylib", "swift_release"),
              ("libobjc.A.dylib", "objc_msgSend"), ("libobjc.A.dylib", "objc_release"),
              ("Tripster", "ImageCache.store(_:for:) (ImageCache.swift:88)"), ("Tripster", "ImageCache.image(for:) (ImageCache.swift:61)"),
              ("Tripster", "closure #1 in FeedViewController.collectionView(_:cellForItemAt:) (FeedViewController.swift:214)"),
              ("Tripster", "FeedCell.configure(with:) (FeedCell.swift:47)"), ("Tripster", "PhotoLoader.load(_:completion:) (PhotoLoader.swift:130)"),
              ("Tripster", "closure #2 in PhotoLoader.load(_:completion:) (PhotoLoader.swift:151)"),
              ("Tripster", "Analytics.flush() (Analytics.swift:77)")]

def gen_ios_crash(seed, reports):
    rng = random.Random(seed)
    out = []
    for r in range(reports):
        ver = rng.choice(["17.2.1", "17.3", "17.4.1", "17.1.2"])
        model = rng.choice(["iPhone14,5", "iPhone15,2", "iPhone13,2", "iPhone16,1", "iPhone12,1"])
        out += ["Incident Identifier: " + "-".join("".join(rng.choice("0123456789ABCDEF") for _ in range(k)) for k in (8, 4, 4, 4, 12)),
                f"Hardware Model:      {model}", "Process:             Tripster [" + str(rng.randint(300, 9000)) + "]",
                "Path:                /private/var/containers/Bundle/Application/.../Tripster.app/Tripster",
                "Identifier:          com.tripster.ios", "Version:             4.12.0 (4120)",
                f"Date/Time:           2024-05-{rng.randint(1, 28):02d} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}.{rng.randint(100, 999)} +0200",
                f"OS Version:          iPhone OS {ver} (21{rng.choice('CDE')}{rng.randint(100, 999)})", "",
                "Exception Type:  EXC_BAD_ACCESS (SIGSEGV)",
                f"Exception Subtype: KERN_INVALID_ADDRESS at 0x{rng.randint(0x10, 0xfffffff):016x}",
                "Exception Codes: 0x0000000000000001, 0x" + f"{rng.randint(0x10, 0xfffffff):016x}",
                f"Triggered by Thread:  {rng.choice([0, 4, 7, 9])}", ""]
        crashed = None
        nthreads = rng.randint(8, 13)
        for t in range(nthreads):
            label = "" if t else " name:  Dispatch queue: com.apple.main-thread"
            out.append(f"Thread {t}{label}:")
            frames = rng.sample(IOS_FRAMES, rng.randint(5, 11))
            for i, (lib, sym) in enumerate(frames):
                out.append(f"{i:<4}{lib:<26}\t0x{rng.randint(0x180000000, 0x1ffffffff):x} {sym} + {rng.randint(4, 900)}")
            out.append("")
        out.append(f"Thread 0 crashed with ARM Thread State (64-bit):")
        regs = "    " + "   ".join(f"x{i}: 0x{rng.randint(0, 2**48):016x}" for i in range(4))
        out.append(regs)
        out.append("")
        out.append("Binary Images:")
        out.append(f"0x1000{rng.randint(1000, 9999)}000 - 0x1000{rng.randint(1000, 9999)}fff Tripster arm64  <{''.join(rng.choice('0123456789abcdef') for _ in range(32))}> /private/var/containers/Bundle/Application/.../Tripster.app/Tripster")
        out.append("")
        out.append("-" * 60)
        out.append("")
    return "\n".join(out)

def gen_react_file(seed, n):
    rng = random.Random(seed)
    names = ["Dashboard", "OrdersTable", "InvoiceList", "CustomerCard", "RevenueChart", "TeamMembers", "ActivityFeed",
             "BillingSettings", "ApiKeys", "Webhooks", "UsagePanel", "PlanPicker", "AuditLog", "Integrations",
             "NotificationPrefs", "ProfileForm", "AvatarUpload", "InviteModal", "RoleEditor", "ExportButton",
             "ImportWizard", "SearchBar", "FilterChips", "DateRangePicker", "StatusBadge", "EmptyState"]
    paths = ["/api/v1/orders", "/api/v1/invoices?status=open", "/api/v1/customers/${id}", "/api/v1/metrics/revenue?range=${range}",
             "/api/v1/team", "/api/v1/activity?limit=50", "/api/v1/billing", "/api/v1/keys", "/api/v1/webhooks",
             "/api/v1/usage", "/api/v1/plans", "/api/v1/audit?cursor=${cursor}", "/api/v1/integrations",
             "/api/v1/me/notifications", "/api/v1/me", "/api/v1/me/avatar", "/api/v1/invites", "/api/v1/roles/${roleId}",
             "/api/v1/exports", "/api/v1/imports"]
    out = ["import React, { useEffect, useMemo, useState, useCallback } from 'react';",
           "import { Button, Card, Table, Spinner, Modal, TextField } from '@acme/ui';",
           "import { useAuth } from '../auth/useAuth';", "import { formatMoney, formatDate } from '../utils/format';", ""]
    for nm in rng.sample(names, n):
        p = rng.choice(paths)
        method = rng.choice(["GET", "GET", "GET", "POST", "PATCH", "DELETE"])
        out.append(f"export function {nm}({{ id, range = '30d', cursor, roleId }}) {{")
        out.append("  const { token } = useAuth();")
        out.append("  const [data, setData] = useState(null);")
        out.append("  const [loading, setLoading] = useState(true);")
        out.append("  const [error, setError] = useState(null);")
        out.append("")
        out.append("  useEffect(() => {")
        out.append("    let cancelled = false;")
        out.append(f"    fetch(`https://app.acme-billing.com{p}`, {{")
        out.append(f"      method: '{method}',")
        out.append("      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },")
        out.append("    })")
        out.append("      .then((r) => (r.ok ? r.json() : Promise.reject(r.status)))")
        out.append("      .then((json) => { if (!cancelled) setData(json); })")
        out.append("      .catch((e) => !cancelled && setError(e))")
        out.append("      .finally(() => !cancelled && setLoading(false));")
        out.append("    return () => { cancelled = true; };")
        out.append(f"  }}, [token{', id' if '${id}' in p else ''}{', range' if '${range}' in p else ''}]);")
        out.append("")
        if rng.random() < 0.4:
            out.append("  const rows = useMemo(() => (data?.items ?? []).map((it) => ({ ...it, total: formatMoney(it.amount, it.currency) })), [data]);")
        else:
            out.append("  const rows = data?.items ?? [];")
        out.append("  if (loading) return <Spinner />;")
        out.append("  if (error) return <Card tone=\"danger\">Failed to load ({String(error)})</Card>;")
        out.append("  return (")
        out.append(f"    <Card title=\"{' '.join(w for w in __import__('re').findall('[A-Z][a-z]*', nm))}\">")
        out.append("      <Table rows={rows} columns={['name', 'status', 'total', 'updatedAt']} />")
        if rng.random() < 0.3:
            q = rng.choice(paths)
            out.append(f"      <Button onClick={{() => fetch(`https://app.acme-billing.com{q}`, {{ method: 'POST', headers: {{ Authorization: `Bearer ${{token}}` }} }})}}>Refresh</Button>")
        out.append("    </Card>")
        out.append("  );")
        out.append("}")
        out.append("")
    return "\n".join(out)

def gen_css(seed, n):
    rng = random.Random(seed)
    sels = [".header", ".header__logo", ".nav", ".nav__item", ".nav__item--active", ".hero", ".hero__title", ".hero__cta",
            ".card", ".card__body", ".card__footer", ".grid", ".grid--3", ".btn", ".btn-secondary", ".btn-ghost",
            ".btn-danger", ".badge", ".badge--new", ".footer", ".footer__links", ".modal", ".modal__backdrop",
            ".form-row", ".input", ".input--error", ".toast", ".avatar", ".tabs", ".tab", ".pricing", ".pricing__plan",
            ".testimonial", ".faq__item", ".sidebar", ".breadcrumbs", ".pagination", ".tooltip", ".chip", ".divider"]
    props = [("color", lambda: rng.choice(["#1f2937", "#374151", "#6b7280", "#111827", "var(--text)", "#fff"])),
             ("background", lambda: rng.choice(["#fff", "#f9fafb", "var(--surface)", "#eef2ff", "transparent", "#111827"])),
             ("padding", lambda: f"{rng.choice([4, 8, 12, 16, 24])}px {rng.choice([8, 12, 16, 24, 32])}px"),
             ("margin", lambda: f"0 0 {rng.choice([8, 12, 16, 24])}px"), ("border-radius", lambda: f"{rng.choice([4, 6, 8, 12, 999])}px"),
             ("font-size", lambda: rng.choice(["0.875rem", "1rem", "1.125rem", "1.5rem", "2rem"])),
             ("font-weight", lambda: rng.choice(["400", "500", "600", "700"])), ("display", lambda: rng.choice(["flex", "grid", "block", "inline-flex"])),
             ("gap", lambda: f"{rng.choice([4, 8, 12, 16])}px"), ("box-shadow", lambda: "0 1px 2px rgba(0,0,0,.06), 0 1px 3px rgba(0,0,0,.1)"),
             ("transition", lambda: f"all {rng.choice([120, 150, 200])}ms ease"), ("line-height", lambda: rng.choice(["1.2", "1.4", "1.5", "1.6"])),
             ("border", lambda: f"1px solid {rng.choice(['#e5e7eb', '#d1d5db', 'var(--border)'])}")]
    out = [":root {", "  --text: #111827;", "  --surface: #ffffff;", "  --border: #e5e7eb;", "  --brand: #4f46e5;", "  --brand-dark: #4338ca;", "}", ""]
    placed = False
    for i in range(n):
        s = rng.choice(sels)
        if rng.random() < 0.3:
            s += rng.choice([":hover", ":focus-visible", " > a", " svg", ":first-child", ":disabled"])
        out.append(s + " {")
        for p, f in rng.sample(props, rng.randint(2, 6)):
            out.append(f"  {p}: {f()};")
        out.append("}")
        out.append("")
        if not placed and i > n * 0.62:
            out += [".btn-primary,", ".btn.is-primary {", "  background: linear-gradient(180deg, var(--brand) 0%, var(--brand-dark) 100%);",
                    "  color: #fff;", "  border: 0;", "}", ""]
            placed = True
        if rng.random() < 0.05:
            bp = rng.choice([480, 640, 768, 1024])
            out.append(f"@media (max-width: {bp}px) {{")
            out.append(f"  {rng.choice(sels)} {{ padding: {rng.choice([8, 12])}px; font-size: 0.9375rem; }}")
            out.append("}")
            out.append("")
    return "\n".join(out)

def gen_gradle_log(seed):
    rng = random.Random(seed)
    modules = [":app", ":core:network", ":core:database", ":core:ui", ":feature:home", ":feature:player", ":feature:search",
               ":feature:library", ":feature:settings", ":data:podcasts", ":data:downloads"]
    tasks = ["preBuild", "preDebugBuild", "generateDebugBuildConfig", "checkDebugAarMetadata", "generateDebugResValues",
             "mapDebugSourceSetPaths", "generateDebugResources", "mergeDebugResources", "packageDebugResources",
             "parseDebugLocalResources", "processDebugManifest", "processDebugManifestForPackage",
             "kspDebugKotlin", "compileDebugKotlin", "javaPreCompileDebug", "compileDebugJavaWithJavac",
             "bundleLibCompileToJarDebug", "bundleLibRuntimeToJarDebug", "mergeDebugShaders", "compileDebugShaders",
             "mergeDebugAssets", "compressDebugAssets", "processDebugJavaRes", "mergeDebugJniLibFolders",
             "mergeDebugNativeLibs", "stripDebugDebugSymbols", "dexBuilderDebug", "mergeExtDexDebug",
             "mergeLibDexDebug", "mergeProjectDexDebug"]
    out = ["Executing tasks: [:app:assembleDebug] in project /Users/deniz/dev/podcastly", "",
           "Starting Gradle Daemon...", "Gradle Daemon started in 1 s 412 ms",
           "> Configure project :app", "w: file:///Users/deniz/dev/podcastly/app/build.gradle.kts:41:9: 'setter for jvmTarget: String' is deprecated.", ""]
    warns = ["w: Parameter 'index' is never used", "w: Variable 'state' is never used",
             "w: 'getter for statusBarColor: Int' is deprecated. Deprecated in Java",
             "w: Unchecked cast: Any? to List<Episode>", "w: 'onBackPressed(): Unit' is deprecated. Deprecated in Java",
             "w: Name shadowed: it", "w: 'LocalLifecycleOwner' is deprecated. Moved to lifecycle-runtime-compose library in androidx.lifecycle.compose package."]
    files = ["PlayerViewModel.kt", "EpisodeRow.kt", "HomeScreen.kt", "DownloadWorker.kt", "SearchRepository.kt",
             "LibraryScreen.kt", "MainActivity.kt", "PodcastDao.kt", "SettingsScreen.kt", "MiniPlayer.kt"]
    for m in modules:
        for t in tasks:
            state = rng.choice(["", "", " UP-TO-DATE", " UP-TO-DATE", " NO-SOURCE", " FROM-CACHE"])
            if m == ":app" and t in ("mergeExtDexDebug", "mergeLibDexDebug", "mergeProjectDexDebug"):
                continue
            out.append(f"> Task {m}:{t}{state}")
            if t == "compileDebugKotlin" and not state.strip():
                for _ in range(rng.randint(1, 8)):
                    f = rng.choice(files)
                    out.append(f"w: file:///Users/deniz/dev/podcastly/{m.strip(':').replace(':', '/')}/src/main/java/fm/podcastly/{f}:{rng.randint(10, 400)}:{rng.randint(5, 60)} {rng.choice(warns)[3:]}")
    out += ["> Task :app:checkDebugDuplicateClasses FAILED", "",
            "FAILURE: Build failed with an exception.", "", "* What went wrong:",
            "Execution failed for task ':app:checkDebugDuplicateClasses'.",
            "> A failure occurred while executing com.android.build.gradle.internal.tasks.CheckDuplicatesRunnable",
            "   > Duplicate class kotlin.collections.jdk8.CollectionsJDK8Kt found in modules kotlin-stdlib-1.9.22 (org.jetbrains.kotlin:kotlin-stdlib:1.9.22) and kotlin-stdlib-jdk8-1.7.10 (org.jetbrains.kotlin:kotlin-stdlib-jdk8:1.7.10)",
            "     Duplicate class kotlin.internal.jdk7.JDK7PlatformImplementations found in modules kotlin-stdlib-1.9.22 (org.jetbrains.kotlin:kotlin-stdlib:1.9.22) and kotlin-stdlib-jdk7-1.7.10 (org.jetbrains.kotlin:kotlin-stdlib-jdk7:1.7.10)",
            "     Duplicate class kotlin.internal.jdk8.JDK8PlatformImplementations found in modules kotlin-stdlib-1.9.22 (org.jetbrains.kotlin:kotlin-stdlib:1.9.22) and kotlin-stdlib-jdk8-1.7.10 (org.jetbrains.kotlin:kotlin-stdlib-jdk8:1.7.10)",
            "     Duplicate class kotlin.random.jdk8.PlatformThreadLocalRandom found in modules kotlin-stdlib-1.9.22 (org.jetbrains.kotlin:kotlin-stdlib:1.9.22) and kotlin-stdlib-jdk8-1.7.10 (org.jetbrains.kotlin:kotlin-stdlib-jdk8:1.7.10)",
            "", "     Go to the documentation to learn how to <a href=\"d.android.com/r/tools/classpath-sync-errors\">Fix dependency resolution errors</a>.",
            "", "* Try:", "> Run with --stacktrace option to get the stack trace.", "> Run with --info or --debug option to get more log output.",
            "> Run with --scan to get full insights.", "> Get more help at https://help.gradle.org.", "",
            "BUILD FAILED in 2m 14s", f"{rng.randint(380, 460)} actionable tasks: {rng.randint(120, 200)} executed, {rng.randint(80, 160)} from cache, {rng.randint(60, 120)} up-to-date"]
    return "\n".join(out)

def gen_trace_json(seed, n):
    rng = random.Random(seed)
    ev = []
    ts = 81234000000
    names = [("Choreographer#doFrame", "gfx"), ("RV OnBindView", "view"), ("Inflate", "view"), ("measure", "view"),
             ("layout", "view"), ("draw", "view"), ("DrawFrame", "gfx"), ("dequeueBuffer", "gfx"),
             ("JSTimers.callTimers", "rn"), ("MessageQueue.callFunctionReturnFlushedQueue", "rn"),
             ("UIManager.updateView", "rn"), ("UIManager.createView", "rn"), ("NativeAnimatedModule.flush", "rn"),
             ("VirtualizedList.onLayout", "rn"), ("Image decode webp", "img"), ("GC: partial", "art"),
             ("Lock contention on a monitor lock (owner tid: 8123)", "art"), ("binder transaction", "binder")]
    tids = {"gfx": 8123, "view": 8123, "rn": 8190, "img": 8201, "art": 8123, "binder": 8123}
    for i in range(n):
        nm, cat = rng.choice(names)
        dur = rng.randint(80, 2200)
        if nm in ("Choreographer#doFrame",) and rng.random() < 0.25:
            dur = rng.randint(17000, 64000)
        if nm == "MessageQueue.callFunctionReturnFlushedQueue" and rng.random() < 0.3:
            dur = rng.randint(9000, 40000)
        if nm.startswith("Lock contention") and rng.random() < 0.5:
            dur = rng.randint(3000, 12000)
        args = {}
        if nm == "RV OnBindView":
            args = {"position": rng.randint(0, 480)}
        if nm == "UIManager.updateView":
            args = {"tag": rng.randint(100, 9000), "className": rng.choice(["RCTView", "RCTImageView", "RCTText"])}
        ev.append({"name": nm, "cat": cat, "ph": "X", "ts": ts, "dur": dur, "pid": 8123, "tid": tids[cat], "args": args})
        ts += rng.randint(200, 9000)
    body = ",\n".join("  " + json.dumps(e) for e in ev)
    meta = json.dumps({"device": "Pixel 4a", "app": "com.feedly.rn", "rn": "0.72.6", "hermes": True})
    return '{"traceEvents": [\n' + body + '\n ],\n "displayTimeUnit": "ms",\n "metadata": ' + meta + "\n}"

def gen_gdscript(seed, n):
    rng = random.Random(seed)
    out = ["extends CharacterBody2D", "class_name Player", "", "signal player_hp_changed(new_value)", "signal died", "",
           "@export var speed: float = 180.0", "@export var jump_velocity: float = -360.0", "@export var max_player_hp: int = 100",
           "var player_hp: int = 100", "var invincible := false", "var coins := 0", "var facing := 1", "",
           "@onready var sprite: AnimatedSprite2D = $AnimatedSprite2D", "@onready var hurt_timer: Timer = $HurtTimer",
           "@onready var hp_bar: ProgressBar = $\"../HUD/HpBar\"", ""]
    bodies = ["\tvelocity.x = move_toward(velocity.x, 0, speed)", "\tsprite.play(\"idle\")", "\tif not is_on_floor():\n\t\tvelocity.y += gravity * delta",
              "\tplayer_hp = clamp(player_hp, 0, max_player_hp)", "\thp_bar.value = player_hp", "\temit_signal(\"player_hp_changed\", player_hp)",
              "\tif player_hp <= 0:\n\t\tdie()", "\tcoins += 1", "\t$CoinSfx.play()", "\tfacing = sign(velocity.x) if velocity.x != 0 else facing",
              "\tsprite.flip_h = facing < 0", "\tinvincible = true\n\thurt_timer.start()", "\tmove_and_slide()",
              "\tvar dir := Input.get_axis(\"move_left\", \"move_right\")", "\tprint(\"hp: \", player_hp)",
              "\tif player_hp < max_player_hp * 0.25:\n\t\tsprite.modulate = Color(1, 0.5, 0.5)"]
    funcs = ["_physics_process(delta)", "_ready()", "take_damage(amount: int)", "heal(amount: int)", "collect_coin()",
             "die()", "_on_hurt_timer_timeout()", "_on_hitbox_area_entered(area)", "save_state() -> Dictionary",
             "load_state(d: Dictionary)", "respawn(at: Vector2)", "apply_knockback(from: Vector2)", "_update_animation()",
             "pickup_potion(kind: String)", "on_level_up()", "reset_stats()"]
    out.append("var gravity: float = ProjectSettings.get_setting(\"physics/2d/default_gravity\")")
    out.append("")
    k = 0
    while len("\n".join(out)) < n:
        f = funcs[k % len(funcs)] if k < len(funcs) else funcs[k % len(funcs)].replace("(", f"_v{k // len(funcs)}(", 1)
        out.append(f"func {f}:")
        for _ in range(rng.randint(3, 9)):
            out.append(rng.choice(bodies))
        if "save_state" in f:
            out.append("\treturn {\"player_hp\": player_hp, \"coins\": coins, \"pos\": [global_position.x, global_position.y]}")
        out.append("")
        k += 1
    return "\n".join(out)

def gen_gateway_log(seed, n):
    rng = random.Random(seed)
    users = [f"u_{rng.randint(100000, 999999)}" for _ in range(40)]
    pops = ["FRA", "AMS", "IST", "WAW", "MAD"]
    c = _clock(rng, 19)
    out = []
    for i in range(n):
        _tick(c, rng, 350)
        u = rng.choice(users)
        path = rng.choice(["/api/cart", "/api/cart", "/api/me", "/api/products?cat=shoes", "/api/products/77812",
                           "/api/auth/login", "/api/auth/refresh", "/api/recommendations", "/static/app.9f3c1.js", "/api/cart/items"])
        method = "POST" if path in ("/api/auth/login", "/api/auth/refresh", "/api/cart/items") else "GET"
        status = 200 if rng.random() < 0.93 else rng.choice([401, 304, 429, 502])
        cache = "MISS"
        if path.startswith("/static") or path.startswith("/api/products"):
            cache = rng.choice(["HIT", "HIT", "MISS"])
        if path == "/api/cart" and rng.random() < 0.06:
            cache = "HIT"
        rec = {"ts": f"2024-06-11T{c[0]:02d}:{c[1]:02d}:{c[2]:02d}.{c[3]:03d}Z", "pop": rng.choice(pops),
               "req_id": "".join(rng.choice("0123456789abcdef") for _ in range(16)), "method": method, "path": path,
               "status": status, "user": u if path != "/api/auth/login" else None, "cache": cache,
               "vary": "Accept-Encoding" if path != "/api/me" else "Accept-Encoding, Authorization",
               "upstream_ms": 0 if cache == "HIT" else rng.randint(12, 480), "ua": rng.choice(["Shoply/5.3.0 (iOS 17.5)", "Shoply/5.3.0 (Android 14)", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X)", "okhttp/4.12.0"])}
        out.append(json.dumps(rec))
    return "\n".join(out)

def gen_grades_csv(seed, n):
    rng = random.Random(seed)
    first = ["Ayse", "Mehmet", "Liam", "Olivia", "Noah", "Emma", "Minh", "Linh", "Priya", "Arjun", "Siti", "Budi", "Jisoo",
             "Minjun", "Lucas", "Sofia", "Mateo", "Zeynep", "Ahmet", "Ananya", "Rahul", "Dewi", "Hana", "Kenji", "Chloe"]
    last = ["Yilmaz", "Kaya", "Nguyen", "Tran", "Sharma", "Patel", "Santoso", "Wijaya", "Kim", "Park", "Lee", "Smith",
            "Garcia", "Muller", "Demir", "Singh", "Rossi", "Sato", "Brown", "Lopez"]
    out = ["student_id,first_name,last_name,section,hw1,hw2,hw3,hw4,hw5,hw6,lab_avg,midterm,final,attendance_pct"]
    for i in range(n):
        hw = [rng.choice([rng.randint(55, 100), rng.randint(55, 100), 0, ""]) if rng.random() < 0.1 else rng.randint(55, 100) for _ in range(6)]
        out.append(",".join(str(x) for x in [f"2023{rng.randint(10000, 99999)}", rng.choice(first), rng.choice(last),
                                             rng.choice(["A", "B", "C", "D"]), *hw, f"{rng.uniform(50, 100):.1f}",
                                             rng.randint(30, 100), rng.randint(25, 100), rng.randint(40, 100)]))
    return "\n".join(out)

def gen_kotlin_sync(seed):
    rng = random.Random(seed)
    out = ["package app.habitly.sync", "", "import kotlinx.coroutines.*", "import kotlinx.coroutines.flow.*",
           "import app.habitly.db.*", "import app.habitly.net.*", "import android.util.Log", "",
           "class SyncRepository(", "    private val api: HabitlyApi,", "    private val dao: HabitDao,",
           "    private val prefs: SyncPrefs,", "    private val scope: CoroutineScope = CoroutineScope(Dispatchers.IO)", ") {",
           "    private val pending = mutableListOf<PendingChange>()",
           "    private val inFlight = HashMap<String, Job>()",
           "    private var lastSyncToken: String? = prefs.lastToken",
           "    private var isSyncing = false",
           "    val status = MutableStateFlow<SyncStatus>(SyncStatus.Idle)", ""]
    ents = ["Habit", "Checkin", "Reminder", "Streak", "Tag", "Note", "Goal", "Challenge", "Friend", "Badge", "Journal", "Mood", "Routine", "Timer", "Quote", "Milestone"]
    for e in ents:
        low = e.lower()
        out += [f"    fun enqueue{e}Change(item: {e}Entity, op: Op) {{",
                f"        pending.add(PendingChange(type = \"{low}\", id = item.id, op = op, payload = item.toJson(), ts = System.currentTimeMillis()))",
                f"        if (!isSyncing) scope.launch {{ syncNow() }}", "    }", "",
                f"    private suspend fun push{e}s(batch: List<PendingChange>) {{",
                f"        val res = api.push{e}s(batch.map {{ it.payload }}, lastSyncToken)",
                "        if (res.isSuccessful) {",
                "            lastSyncToken = res.body()?.token",
                "            prefs.lastToken = lastSyncToken",
                "            pending.removeAll(batch)",
                "        } else {",
                f"            Log.w(\"Sync\", \"push {low} failed ${{res.code()}}\")",
                "        }", "    }", "",
                f"    private suspend fun pull{e}s() {{",
                f"        val remote = api.pull{e}s(since = lastSyncToken)",
                f"        remote.items.forEach {{ r ->",
                f"            val local = dao.get{e}(r.id)",
                f"            if (local == null || local.updatedAt < r.updatedAt) dao.upsert{e}(r.toEntity())",
                "        }",
                "        lastSyncToken = remote.token", "    }", ""]
    out += ["    suspend fun syncNow() {", "        if (isSyncing) return", "        isSyncing = true",
            "        status.value = SyncStatus.Running", "        try {"]
    for e in ents:
        out.append(f"            val {e.lower()}Batch = pending.filter {{ it.type == \"{e.lower()}\" }}")
        out.append(f"            if ({e.lower()}Batch.isNotEmpty()) push{e}s({e.lower()}Batch)")
    for e in ents:
        out.append(f"            pull{e}s()")
    out += ["            status.value = SyncStatus.Done(System.currentTimeMillis())", "        } catch (e: Exception) {",
            "            status.value = SyncStatus.Failed(e)", "        } finally {", "            isSyncing = false", "        }", "    }", "",
            "    fun syncHabitDebounced(id: String) {", "        inFlight[id]?.cancel()", "        inFlight[id] = scope.launch {",
            "            delay(500)", "            syncNow()", "            inFlight.remove(id)", "        }", "    }", "}"]
    # add some DAO/entity boilerplate so it reads like a real file dump
    out.append("")
    for e in ents:
        fields = rng.sample(["title: String", "createdAt: Long", "updatedAt: Long", "deleted: Boolean = false", "color: Int",
                             "order: Int", "userId: String", "note: String? = null", "value: Int = 0", "emoji: String? = null"], 5)
        if "updatedAt: Long" not in fields:
            fields[0] = "updatedAt: Long"
        out.append("@Entity(tableName = \"" + e.lower() + "s\")")
        out.append(f"data class {e}Entity(")
        out.append("    @PrimaryKey val id: String,")
        for f in fields:
            out.append(f"    val {f},")
        out.append(")")
        out.append("")
    return "\n".join(out)

# ================================================================== HAIKU rows
H = "haiku"
R(H, "question", "mobile", "non-native", None, "Well-known language fact with a short answer.",
  "Hello, I am learning swift since one week. What is the difference of let and var? In javascript let is for the changing value so I am confused which one to use.")
R(H, "question", "web", "typos", None, "Common CSS snippet, answer checkable at a glance.",
  "how do i center a div both ways with flexbox i always forget 😅")
R(H, "question", "mobile", "terse", None, "Short conceptual Kotlin question.",
  "kotlin val vs const val?")
R(H, "question", "web", "typos", None, "One regex, trivially checkable.",
  "regex for a 6 digit otp code in js, only numbers, no spaces. using it in the input's pattern attr and also in a .test() before submit")
R(H, "question", "mobile", "non-native", None, "Short conceptual SwiftUI question with a well-known answer.",
  "Sorry for the basic question. In SwiftUI what is the difference of @State and @Binding? When I pass my @State variable to the child view, the parent is not updating when child changes it.")
R(H, "question", "tooling", "typos", None, "Single well-known git command.",
  "git command to undo my last commit but keep the changes in my files?? i commited to main by accident, havent pushed yet thank god")
R(H, "question", "mobile", "typos", None, "Well-known setup step with a standard package.",
  "how do i change the app icon in flutter for both android and ios, is there a package for it")
R(H, "question", "general", "typos", None, "Textbook complexity fact for a student.",
  "whats the time complexity of binary search and why is it log n, simple explanation pls")
R(H, "edit", "web", "terse", None, "Mechanical syntax conversion of one line.",
  "convert to arrow fn: function add(a, b) { return a + b }")
R(H, "question", "mobile", "typos", None, "Single operator meaning.",
  "what does ?. mean in kotlin and whats ?: then")
R(H, "question", "web", "plain", None, "One CSS property answers it.",
  "How do I stop an image from stretching inside a fixed-size box? It should crop instead. The box is 200x200 and the product photos are all different ratios, plain <img> inside a div.")
R(H, "question", "mobile", "typos", None, "IDE shortcut lookup.",
  "xcode shortcut to re-indent the whole file? ctrl+i doesnt seem to do anything, do i have to select everything first or is it a setting")
R(H, "question", "mobile", "typos", None, "Standard Unity concept with a short answer.",
  "unity Update vs FixedUpdate, when do i use which. my movement code is in Update rn")
R(H, "docs", "mobile", "plain", None, "Small text task: a commit message.",
  "write a commit message for: added dark mode toggle in settings screen, saved in shared prefs, applied on app start")
R(H, "question", "general", "typos", None, "One-line Python idiom.",
  "how to print a python list without the [ ] brackets and commas, just spaces. like [3, 1, 4] -> 3 1 4. the autograder compares output exactly 😩")
R(H, "question", "general", "typos", None, "Textbook complexity fact.",
  "big o of inserting at the start of a python list? my prof said its bad but why, isnt a list just a list. whats better if i need to push to the front a lot")
R(H, "question", "web", "plain", None, "Well-known React concept, short answer.",
  "Why does React need a key prop on list items? And is using the index as key actually bad? My list never gets reordered, it's just a static menu rendered from an array.")
R(H, "question", "mobile", "terse", None, "Single style property meaning.",
  "rn: what does flex: 1 actually do")
R(H, "question", "web", "typos", None, "Short factual accessibility distinction.",
  "aria-label vs aria-labelledby whats the diff, when to use each")
R(H, "question", "web", "plain", None, "Short accessibility guideline answer.",
  "What should the alt text be for a purely decorative image? Empty string or leave it out?")
R(H, "question", "mobile", "typos", None, "One dependency line.",
  "how do i add retrofit to build.gradle.kts, just the dependency line pls")
R(H, "question", "mobile", "terse", None, "What a common command does.",
  "what does npx pod-install do exactly")
R(H, "question", "mobile", "typos", None, "One API call in Godot.",
  "godot 4 how do i get the mouse position in 2d? get_global_mouse_position or something? my camera moves so get_viewport().get_mouse_position() gives weird values")
R(H, "question", "general", "typos", None, "Textbook C# distinction, short answer requested.",
  "c# struct vs class, short answer, i have a quiz in 20 min 🙏")
R(H, "question", "mobile", "plain", None, "Short conceptual Flutter question.",
  "What does putting const in front of a widget constructor actually do in Flutter? My linter keeps nagging about it. Is it a real performance thing or just style?")
R(H, "question", "web", "terse", None, "One directive, well-known.",
  "svelte bind input value to a variable?")
R(H, "question", "general", "typos", None, "Beginner one-liner.",
  "how do you reverse a string in java, is there a built in? its for a palindrome check in my lab, we can only use stuff from java.lang and java.util")
R(H, "explain", "general", "typos", None, "Short conceptual explanation for a beginner.",
  "explain recursion like im 5. i get the factorial example but not why it doesnt loop forever, like what makes it stop and how does it remember where it was")
R(H, "question", "web", "terse", None, "Well-known JS fact.",
  "== vs === in js")
R(H, "edit", "mobile", "plain", None, "Fix spelling in one string.",
  "Fix the typos in this error string: \"Pleae enter a vaild email adress\"")
R(H, "question", "web", "typos", None, "Short Vue concept.",
  "vue 3 ref vs reactive in one sentence each")
R(H, "question", "mobile", "typos", None, "Single known API for a common task.",
  "how to hide the status bar in an android app thats all compose? just for the splash screen, it should come back on the home screen")
R(H, "edit", "web", "terse", None, "Mechanical reformat of a small JSON blob.",
  'format this pls {"id":12,"name":"Lamp","price":19.9,"tags":["home","light"],"stock":{"warehouse":3,"store":0}}')
R(H, "edit", "mobile", "plain", None, "Mechanical JSON-to-data-class conversion.",
  'Turn this JSON into a Kotlin data class with @Serializable:\n{"id": 42, "title": "Morning run", "distanceKm": 5.2, "startedAt": "2024-05-01T06:30:00Z", "tags": ["cardio"], "private": false}')
R(H, "question", "mobile", "typos", None, "Single keyword meaning.",
  "what does mutating mean on a swift struct function, why do i need it? xcode says this and offers a fix-it but i dont get why a struct is immutable\n\nstruct Counter {\n    var value = 0\n    func increment() { value += 1 }  // Cannot assign to property: 'self' is immutable\n}")
R(H, "question", "web", "terse", None, "Utility classes lookup.",
  "tailwind classes for fully rounded + shadow only on hover?")
R(H, "question", "mobile", "terse", None, "Single factual lookup.",
  "default port for metro bundler?")
R(H, "docs", "mobile", "plain", None, "Small text task: a changelog line.",
  "Changelog line for: fixed crash when rotating on the camera screen on Android 14 devices")
R(H, "question", "general", "typos", None, "Intro CS concept question.",
  "linked list vs array, when do you use which? this is for intro to cs so nothing fancy")
R(H, "question", "mobile", "typos", None, "Common Unity concept.",
  "what does Time.deltaTime actually mean, why multiply speed by it? tutorial says 'to make it framerate independent' but my game runs at 60 anyway so does it matter\n\nvoid Update() {\n    transform.position += Vector3.right * speed * Time.deltaTime;\n}")
R(H, "question", "web", "terse", None, "One media query.",
  "media query for screens under 600px")
R(H, "question", "tooling", "plain", None, "One find command.",
  "Shell command to list all .png files over 1MB under assets/, with sizes")
R(H, "question", "web", "typos", None, "Basic CSS concept.",
  "margin vs padding?? i keep mixing them up. like if i want space between the border of a card and the text inside, which one is it, and which one for the gap between two cards")
R(H, "question", "mobile", "typos", None, "Explaining a very common build error message.",
  "xcode keeps saying 'Command PhaseScriptExecution failed with a nonzero exit code', what does that even mean in general")
R(H, "question", "tooling", "non-native", None, "Single command lookup.",
  "How I can check which node version is installed in my laptop, and change it to node 18 with nvm? The project is giving warning 'engine node >=18' when I do npm install.")
R(H, "question", "web", "typos", None, "Common CSS one-liner.",
  "how to make text truncate with ... after one line in css")
R(H, "question", "mobile", "terse", None, "Well-known Dart concept.",
  "dart: final vs const")
R(H, "question", "mobile", "non-native", None, "Single API for a common task.",
  "How to open one url in safari from a swiftui button? I saw there is Link view but I need to do some logic first before opening, so it must be in button action.")
R(H, "question", "general", "typos", None, "Short C++ idiom for a student.",
  "c++ how do i read numbers from input until end of file, for a competitive programming problem? the input doesnt say how many numbers there are, just whitespace separated")
R(H, "question", "web", "non-native", None, "Short conceptual question about a common JS feature.",
  "What is difference between localStorage and sessionStorage? In my project the login is remembered after closing the tab and my senior say it should not. Which one I must use?")
R(H, "question", "mobile", "non-native", None, "Simple Compose modifier answer.",
  "In compose my Column is cutting off in the bottom when content is more than screen. How to make it scrollable? It is simple form with 8 TextFields, nothing dynamic.")
R(H, "question", "general", "typos", None, "Textbook definition for a student.",
  "what is a stable sort, and is pythons sort stable? prof keeps saying 'sort by grade then by name, stability matters' and i nodded but no idea what he means")
R(H, "edit", "web", "plain", None, "Mechanical rename in a short snippet.",
  "Rename userList to users in this:\n\nconst [userList, setUserList] = useState([]);\nuseEffect(() => { api.get('/users').then(r => setUserList(r.data)); }, []);\nreturn <ul>{userList.map(u => <li key={u.id}>{u.name}</li>)}</ul>;")
R(H, "edit", "mobile", "terse", None, "Sorting imports is mechanical.",
  "sort these\n\nimport SwiftUI\nimport Combine\nimport AVFoundation\nimport CoreData\nimport Foundation\nimport PhotosUI\nimport MapKit")
R(H, "docs", "general", "typos", None, "Adding a docstring to a tiny function.",
  "add a docstring to this pls\n\ndef clamp(x, lo, hi):\n    return max(lo, min(x, hi))")
R(H, "explain", "web", "typos", None, "Explaining a three-line snippet.",
  "what does this do\n\nconst unique = [...new Set(arr)];\nconst sorted = unique.sort((a, b) => a - b);\nconsole.log(sorted.at(-1));")
R(H, "explain", "mobile", "plain", None, "Explaining a few lines of Swift.",
  "Can you explain what this does?\n\nlet names = users.compactMap { $0.nickname }.filter { !$0.isEmpty }\nlet label = names.prefix(3).joined(separator: \", \")")
R(H, "question", "web", "typos", None, "Explaining a very common React warning.",
  "what does 'Each child in a list should have a unique key prop' mean, i do have keys?? oh wait they're on the inner div not the outer one. is that why")
R(H, "question", "mobile", "typos", None, "Common error message with a standard fix.",
  "rn error 'Unable to resolve module react-native-vector-icons/MaterialIcons' what does it mean, i just installed it with npm i, ios simulator, metro already running")
R(H, "question", "general", "plain", None, "Short git question.",
  "What's the git command to see what changed in a single file over the last 5 commits?")
R(H, "question", "mobile", "typos", None, "Where a setting lives; one-step answer.",
  "where do i change the display name of my ios app (the one under the icon), not the bundle id. its showing 'Runner' because its a flutter app lol")
R(H, "question", "web", "typos", None, "One CSS property.",
  "how to make a sticky header in css, position sticky doesnt work on my div hmm\n\n.page { overflow: hidden; }\n.page > header { position: sticky; top: 0; background: white; z-index: 10; }\n\nheader is a direct child of .page")
R(H, "question", "web", "plain", None, "Well-known accessibility threshold.",
  "What's the minimum contrast ratio for normal body text under WCAG AA? And is it the same for the small grey helper text under inputs? Our designer used #9CA3AF on white.")
R(H, "question", "general", "typos", None, "Single SQL select over one table.",
  "sql to get all notes ordered by created_at newest first, sqlite, table is notes. created_at is stored as text like '2024-05-01 13:22:10' if that changes anything")
R(H, "question", "mobile", "typos", None, "Single Godot API usage.",
  "godot how to wait 2 seconds in gdscript without adding a timer node to the scene? want the enemy to flash red then queue_free after 2s")
R(H, "question", "mobile", "terse", None, "Well-known Unity API.",
  "unity load scene by name c#")
R(H, "question", "general", "non-native", None, "Beginner one-liner in Python.",
  "In python how I can count each word how many times it is coming in a string? Is there some built in function or I must write the loop with dictionary?")
R(H, "edit", "web", "plain", None, "Mechanical conversion to a different syntax.",
  "Convert this to a template literal: 'Hello, ' + user.first + ' ' + user.last + '! You have ' + n + ' new messages.'")
R(H, "question", "mobile", "typos", None, "Single API for a known task.",
  "swift how to format a Date as '12 May 2024', DateFormatter or the new .formatted thing")
R(H, "question", "web", "terse", None, "One npm command.",
  "npm remove a package and its entry from package.json")
R(H, "question", "mobile", "typos", None, "Known Flutter widget answer.",
  "flutter how do i add space between two widgets in a Row, whats the clean way? rn im doing this everywhere and my senior said its ugly lol\n\nRow(children: [\n  Icon(Icons.star),\n  Container(width: 10),\n  Text('4.8'),\n  Container(width: 10),\n  Text('(212 reviews)'),\n])")
R(H, "question", "general", "plain", None, "Short textbook definition.",
  "What's the difference between a stack and a queue? One example each.")

# --- hard-words-easy (haiku)
R(H, "question", "web", "plain", "hard-words-easy", "Scary term, but a short well-known definition.",
  "Quick one: what does 'idempotent' mean for HTTP PUT vs POST?")
R(H, "question", "mobile", "typos", "hard-words-easy", "Sounds like compiler internals, but it's a definition.",
  "what does 'monomorphization' mean? heard it in a swift generics talk and nodded along lol is it the same thing as specialization?")
R(H, "explain", "web", "plain", "hard-words-easy", "Explaining a common error message in a paragraph.",
  "Explain what a 'hydration mismatch' error in Next.js means, one paragraph, I'm not asking to fix anything yet. It shows up on every page that renders a date.")
R(H, "question", "security", "typos", "hard-words-easy", "Crypto-sounding but it's one standard command.",
  "firebase wants the SHA-256 fingerprint for my android app, where do i even get that, is it a command or somewhere in android studio? its for google sign in")
R(H, "question", "mobile", "typos", "hard-words-easy", "Math-sounding, short practical answer.",
  "what is a quaternion in unity and do i need to understand the math just to rotate my character towards the mouse? top down 2d-ish game but using 3d physics")
R(H, "question", "mobile", "terse", "hard-words-easy", "Build jargon with a short factual answer.",
  "what's an 'ABI split' in build.gradle")
R(H, "question", "mobile", "plain", "hard-words-easy", "Looking up one field's meaning in a small JSON.",
  'What does processingState mean in this App Store Connect API response? Is my build stuck?\n\n{"data":{"type":"builds","id":"9f1c","attributes":{"version":"312","uploadedDate":"2024-05-20T09:12:44-07:00","processingState":"PROCESSING","usesNonExemptEncryption":null,"minOsVersion":"16.0"}}}')
R(H, "question", "web", "typos", "hard-words-easy", "Jargon with a simple explanation.",
  "what is a 'memoized selector' in simple terms, reselect docs are confusing me. like why not just compute it in the component")
R(H, "question", "web", "typos", "hard-words-easy", "Fancy term, short conceptual answer.",
  "the word 'reconciliation' is everywhere in react docs, what is it in 2 sentences")
R(H, "question", "mobile", "terse", "hard-words-easy", "Compiler flags lookup.",
  "what do -O and -wmo mean in swift build settings")
R(H, "question", "mobile", "typos", "hard-words-easy", "One-line definition of a dispatcher.",
  "kotlin coroutines what does Dispatchers.IO mean, one line")
R(H, "question", "security", "plain", "hard-words-easy", "Crypto word, but just a concept definition.",
  "The Sign in with Apple docs keep mentioning a 'cryptographic nonce'. Just conceptually, what is it for? What attack is it supposed to stop?")
R(H, "question", "security", "typos", "hard-words-easy", "Converting a timestamp is trivial.",
  "my jwt has \"exp\": 1718035200 what date is that in utc")
R(H, "question", "mobile", "typos", "hard-words-easy", "Sounds like security tooling, but it's a factual upload step.",
  "what does the R8 obfuscation mapping file do and where am i supposed to upload it, play console? crashlytics stack traces for my release build are all a.b.c() nonsense")
R(H, "question", "mobile", "typos", "hard-words-easy", "Graphics term, short practical answer.",
  "whats vsync in unity quality settings and should i turn it on for a mobile game? i also have Application.targetFrameRate = 60 in my bootstrap script, do they fight")
R(H, "question", "general", "typos", "hard-words-easy", "Distributed-systems word, but only the term's origin is asked.",
  "what does 'byzantine' mean in byzantine fault tolerance?? just the word and the general idea, my lecturer skipped it and its in the glossary part of the exam")
R(H, "question", "mobile", "typos", "hard-words-easy", "Engine concept with a short answer.",
  "in godot what exactly is a signal? is it just an event like in c#")
R(H, "question", "web", "plain", "hard-words-easy", "Acronym lookup with a short answer.",
  "Our design system says components are 'WCAG 2.2 AA compliant'. What does that label actually promise? Does it mean our app is compliant if we only use those components?")
R(H, "question", "web", "typos", "hard-words-easy", "Explaining a known CSS hack.",
  "what does the transform: translate3d(0,0,0) hack do, gpu layer something?")
R(H, "question", "mobile", "typos", "hard-words-easy", "Shader jargon, conceptual short answer.",
  "what is a 'shader variant' conceptually, my unity build log says 48000 of them lol. not asking to fix the build time yet, just want to understand what it's counting")
R(H, "question", "general", "typos", "hard-words-easy", "Algorithm names, textbook one-liners.",
  "dijkstra vs A* in one sentence each, for a pathfinding quiz")
R(H, "question", "web", "terse", "hard-words-easy", "Build jargon, short definition.",
  "what is tree shaking")
R(H, "question", "mobile", "plain", "hard-words-easy", "Concurrency-sounding annotation with a short definition.",
  "What does the @MainActor annotation mean on a class? Just the idea, not the whole concurrency model. Xcode suggested adding it to my ViewModel when I fixed a warning.")
R(H, "question", "security", "typos", "hard-words-easy", "Entitlements key definition.",
  "what does 'keychain access group' mean in my entitlements file, do i need it? i only have one app, no extensions, and xcode added it when i turned on the keychain sharing capability")
R(H, "question", "general", "typos", "hard-words-easy", "Complexity-theory word, plain definition for an exam.",
  "what does NP-complete mean in plain words, exam tomorrow 😭 dont need proofs, just enough to not write nonsense in the definitions section")
R(H, "question", "web", "plain", "hard-words-easy", "Lockfile field meaning.",
  "What is the integrity sha512 field in package-lock.json for?")
R(H, "question", "security", "typos", "hard-words-easy", "Security concept, definition only.",
  "whats certificate pinning, one paragraph no code")
R(H, "question", "web", "typos", "hard-words-easy", "Config option lookup.",
  "what does devtool: 'source-map' do in webpack config vs eval-source-map")
R(H, "question", "mobile", "typos", "hard-words-easy", "Rendering jargon, short definition.",
  "what is 'overdraw' on android, the debug gpu overdraw thing shows my screen all red")
R(H, "question", "general", "plain", "hard-words-easy", "Sounds like theory, it's a quick definition.",
  "What's an 'amortized' O(1)? I see it next to ArrayList.add in the docs.")
R(H, "question", "security", "typos", "hard-words-easy", "Reading one JWT claim is trivial.",
  "decoded my token and theres 'aud': 'com.shoply.ios' what is aud")
R(H, "question", "web", "typos", "hard-words-easy", "Event loop term, short definition.",
  "what's a microtask vs macrotask in js, one line each")
R(H, "question", "mobile", "plain", "hard-words-easy", "Manifest attribute meaning.",
  "What does android:exported=\"true\" mean on an activity and why did Android 12 start requiring it?")
R(H, "question", "ml", "typos", "hard-words-easy", "ML-sounding, but it's a file-format question.",
  "whats a .tflite file, can i just drop it in my flutter assets folder")
R(H, "question", "mobile", "typos", "hard-words-easy", "Unity physics term defined simply.",
  "what is 'interpolate' on a rigidbody in unity, the dropdown thing (none / interpolate / extrapolate)? my camera follows the player and the player looks jittery, someone on discord said to set it")

# --- long-trivial (haiku), medium pastes
R(H, "question", "mobile", "plain", "long-trivial", "Finding one value in a pasted manifest.",
  """What's the min SDK and the package name in here? I inherited this project.

<?xml version="1.0" encoding="utf-8"?>
<manifest xmlns:android="http://schemas.android.com/apk/res/android"
    xmlns:tools="http://schemas.android.com/tools">

    <uses-permission android:name="android.permission.INTERNET" />
    <uses-permission android:name="android.permission.ACCESS_NETWORK_STATE" />
    <uses-permission android:name="android.permission.CAMERA" />
    <uses-permission android:name="android.permission.POST_NOTIFICATIONS" />
    <uses-permission android:name="android.permission.VIBRATE" />
    <uses-feature android:name="android.hardware.camera" android:required="false" />

    <uses-sdk android:minSdkVersion="24" android:targetSdkVersion="34" tools:overrideLibrary="com.google.mlkit.vision.barcode" />

    <application
        android:name=".FitTrackApp"
        android:allowBackup="false"
        android:icon="@mipmap/ic_launcher"
        android:roundIcon="@mipmap/ic_launcher_round"
        android:label="@string/app_name"
        android:supportsRtl="true"
        android:theme="@style/Theme.FitTrack"
        android:networkSecurityConfig="@xml/network_security_config"
        tools:targetApi="34">

        <activity
            android:name=".ui.MainActivity"
            android:exported="true"
            android:windowSoftInputMode="adjustResize"
            android:theme="@style/Theme.FitTrack.Splash">
            <intent-filter>
                <action android:name="android.intent.action.MAIN" />
                <category android:name="android.intent.category.LAUNCHER" />
            </intent-filter>
            <intent-filter android:autoVerify="true">
                <action android:name="android.intent.action.VIEW" />
                <category android:name="android.intent.category.DEFAULT" />
                <category android:name="android.intent.category.BROWSABLE" />
                <data android:scheme="https" android:host="fittrack.app" android:pathPrefix="/w/" />
            </intent-filter>
        </activity>

        <activity android:name=".ui.scan.ScanActivity" android:exported="false" />
        <activity android:name=".ui.settings.SettingsActivity" android:exported="false" />

        <service
            android:name=".workout.WorkoutService"
            android:foregroundServiceType="health"
            android:exported="false" />

        <receiver android:name=".notify.ReminderReceiver" android:exported="false" />

        <meta-data
            android:name="com.google.firebase.messaging.default_notification_channel_id"
            android:value="reminders" />
    </application>
</manifest>

(build.gradle has namespace = "app.fittrack.android" and applicationId = "app.fittrack" btw)""")

R(H, "question", "mobile", "typos", "long-trivial", "Finding one version in a pasted lockfile excerpt.",
  """which version of FirebaseCrashlytics is actually installed? podfile just says pod 'Firebase/Crashlytics'

PODS:
  - Firebase/Analytics (10.22.0):
    - Firebase/Core
  - Firebase/Core (10.22.0):
    - Firebase/CoreOnly
    - FirebaseAnalytics (~> 10.22.0)
  - Firebase/CoreOnly (10.22.0):
    - FirebaseCore (= 10.22.0)
  - Firebase/Crashlytics (10.22.0):
    - Firebase/CoreOnly
    - FirebaseCrashlytics (~> 10.22.0)
  - Firebase/Messaging (10.22.0):
    - Firebase/CoreOnly
    - FirebaseMessaging (~> 10.22.0)
  - FirebaseAnalytics (10.22.0):
    - FirebaseAnalytics/AdIdSupport (= 10.22.0)
    - FirebaseCore (~> 10.0)
    - FirebaseInstallations (~> 10.0)
    - GoogleUtilities/AppDelegateSwizzler (~> 7.11)
    - GoogleUtilities/MethodSwizzler (~> 7.11)
    - GoogleUtilities/Network (~> 7.11)
    - "GoogleUtilities/NSData+zlib (~> 7.11)"
    - nanopb (< 2.30911.0, >= 2.30908.0)
  - FirebaseCore (10.22.0):
    - FirebaseCoreInternal (~> 10.0)
    - GoogleUtilities/Environment (~> 7.12)
    - GoogleUtilities/Logger (~> 7.12)
  - FirebaseCoreExtension (10.22.0):
    - FirebaseCore (~> 10.0)
  - FirebaseCoreInternal (10.22.0):
    - "GoogleUtilities/NSData+zlib (~> 7.8)"
  - FirebaseCrashlytics (10.22.1):
    - FirebaseCore (~> 10.5)
    - FirebaseInstallations (~> 10.0)
    - FirebaseRemoteConfigInterop (~> 10.0)
    - FirebaseSessions (~> 10.5)
    - GoogleDataTransport (~> 9.2)
    - GoogleUtilities/Environment (~> 7.8)
    - nanopb (< 2.30911.0, >= 2.30908.0)
    - PromisesObjC (~> 2.1)
  - FirebaseInstallations (10.22.0):
    - FirebaseCore (~> 10.0)
    - GoogleUtilities/Environment (~> 7.8)
    - GoogleUtilities/UserDefaults (~> 7.8)
    - PromisesObjC (~> 2.1)
  - FirebaseMessaging (10.22.0):
    - FirebaseCore (~> 10.0)
    - FirebaseInstallations (~> 10.0)
    - GoogleDataTransport (~> 9.3)
  - FirebaseSessions (10.22.0):
    - FirebaseCore (~> 10.5)
    - FirebaseCoreExtension (~> 10.0)
    - FirebaseInstallations (~> 10.0)
    - GoogleDataTransport (~> 9.2)
    - PromisesSwift (~> 2.1)
  - GoogleDataTransport (9.4.1):
    - GoogleUtilities/Environment (~> 7.7)
    - nanopb (< 2.30911.0, >= 2.30908.0)
    - PromisesObjC (< 3.0, >= 1.2)
  - nanopb (2.30910.0):
    - nanopb/decode (= 2.30910.0)
    - nanopb/encode (= 2.30910.0)
  - PromisesObjC (2.4.0)
  - PromisesSwift (2.4.0):
    - PromisesObjC (= 2.4.0)

DEPENDENCIES:
  - Firebase/Analytics
  - Firebase/Crashlytics
  - Firebase/Messaging

COCOAPODS: 1.15.2""")

R(H, "question", "web", "terse", "long-trivial", "Checking one flag in a pasted config.",
  """is strict mode actually on here or does something override it

{
  "extends": "./tsconfig.base.json",
  "compilerOptions": {
    "target": "ES2020",
    "useDefineForClassFields": true,
    "lib": ["ES2020", "DOM", "DOM.Iterable"],
    "module": "ESNext",
    "skipLibCheck": true,
    "moduleResolution": "bundler",
    "allowImportingTsExtensions": true,
    "resolveJsonModule": true,
    "isolatedModules": true,
    "noEmit": true,
    "jsx": "react-jsx",
    "strict": true,
    "noUnusedLocals": true,
    "noUnusedParameters": false,
    "noFallthroughCasesInSwitch": true,
    "baseUrl": ".",
    "paths": {
      "@/*": ["src/*"],
      "@components/*": ["src/components/*"],
      "@hooks/*": ["src/hooks/*"],
      "@api/*": ["src/api/*"]
    },
    "types": ["vite/client", "vitest/globals"],
    "strictNullChecks": false
  },
  "include": ["src", "tests"],
  "exclude": ["node_modules", "dist"],
  "references": [{ "path": "./tsconfig.node.json" }]
}""")

R(H, "edit", "mobile", "typos", "long-trivial", "Translating UI strings is a small mechanical text task.",
  """translate these to turkish pls, keep the keys

"onboarding.title" = "Welcome to Plantly";
"onboarding.subtitle" = "Keep your plants alive, finally.";
"onboarding.cta" = "Get started";
"home.greeting" = "Good morning";
"home.water_today" = "Water today";
"home.no_tasks" = "Nothing to do today. Enjoy!";
"plant.add" = "Add plant";
"plant.edit" = "Edit plant";
"plant.delete" = "Delete plant";
"plant.delete_confirm" = "Are you sure? This can't be undone.";
"plant.light.low" = "Low light";
"plant.light.medium" = "Medium light";
"plant.light.bright" = "Bright light";
"plant.water_every" = "Water every %d days";
"plant.last_watered" = "Last watered %@";
"reminders.title" = "Reminders";
"reminders.enable" = "Enable reminders";
"reminders.time" = "Reminder time";
"settings.title" = "Settings";
"settings.units" = "Units";
"settings.language" = "Language";
"settings.rate" = "Rate Plantly";
"settings.logout" = "Log out";
"error.network" = "Can't connect. Check your internet.";
"error.generic" = "Something went wrong.";""")

R(H, "edit", "mobile", "plain", "long-trivial", "Alphabetising enum cases is mechanical.",
  """Alphabetize the cases in this enum, keep the raw values as they are.

enum AnalyticsEvent: String {
    case screenView = "screen_view"
    case signUpStarted = "sign_up_started"
    case signUpCompleted = "sign_up_completed"
    case loginSucceeded = "login_succeeded"
    case loginFailed = "login_failed"
    case addToCart = "add_to_cart"
    case removeFromCart = "remove_from_cart"
    case checkoutStarted = "checkout_started"
    case purchaseCompleted = "purchase_completed"
    case couponApplied = "coupon_applied"
    case searchPerformed = "search_performed"
    case filterChanged = "filter_changed"
    case productViewed = "product_viewed"
    case wishlistAdded = "wishlist_added"
    case shareTapped = "share_tapped"
    case pushOpened = "push_opened"
    case pushPermissionGranted = "push_permission_granted"
    case pushPermissionDenied = "push_permission_denied"
    case reviewSubmitted = "review_submitted"
    case appRated = "app_rated"
    case logout = "logout"
}""")

R(H, "edit", "general", "typos", "long-trivial", "Fixing typos in a pasted README.",
  """can u fix the typos in my readme, dont change anything else

# PixelDash

PixelDash is a small 2D platformer made in Godot 4 for my game dev class. You play as a tiny robot who has to collect batteries befor the level runs out of power.

## How to run

1. Instal Godot 4.2 or newer
2. Clone this repositry
3. Open the project.godot file in the editor
4. Press F5 to play

## Controls

- Arrow keys / A D - move
- Space - jump (hold for higher jumps)
- Shift - dash (has a cooldown of 1.5 secconds)
- Esc - pause menu

## Features

- 12 levels with increasng difficulty
- Collectable batteries and hidden gears
- Simple enemys that patrol platforms
- Checkpoints so you dont have to restart the whole level
- Local highscore saved on disk

## Known issues

- Sometimes the player gets stuck on the corner of tiles
- The pause menu doesnt scale correctly on ultrawide monitors
- Music restarts when you reload a level

## Credits

Art by me, music from freesound.org (see CREDITS.md). Thanks to my proffesor and classmates for playtesting!""")

R(H, "edit", "web", "plain", "long-trivial", "Format conversion of a pasted JSON config.",
  """Convert this theme JSON to YAML, same structure:

{
  "name": "Harbor Light",
  "version": 3,
  "colors": {
    "primary": "#0F62FE",
    "primaryHover": "#0353E9",
    "secondary": "#393939",
    "background": "#FFFFFF",
    "surface": "#F4F4F4",
    "text": "#161616",
    "textMuted": "#525252",
    "danger": "#DA1E28",
    "warning": "#F1C21B",
    "success": "#24A148"
  },
  "radius": { "sm": 2, "md": 4, "lg": 8, "pill": 999 },
  "spacing": [0, 2, 4, 8, 12, 16, 24, 32, 40, 48],
  "typography": {
    "fontFamily": "IBM Plex Sans, system-ui, sans-serif",
    "scale": { "xs": 12, "sm": 14, "md": 16, "lg": 20, "xl": 28, "xxl": 42 },
    "weights": { "regular": 400, "medium": 500, "bold": 600 }
  },
  "shadows": {
    "card": "0 1px 2px rgba(0,0,0,0.1)",
    "modal": "0 12px 24px rgba(0,0,0,0.25)"
  },
  "darkMode": false
}""")

R(H, "question", "web", "typos", "long-trivial", "Counting in pasted linter output.",
  """how many errors vs warnings is this total? just the numbers

/Users/ana/dev/storefront/src/components/Cart.tsx
   12:10  error    'useMemo' is defined but never used               @typescript-eslint/no-unused-vars
   48:7   warning  React Hook useEffect has a missing dependency: 'items'  react-hooks/exhaustive-deps
   91:15  error    Unexpected any. Specify a different type            @typescript-eslint/no-explicit-any

/Users/ana/dev/storefront/src/components/ProductCard.tsx
   5:1    warning  Import order is wrong                               import/order
   33:22  error    img elements must have an alt prop                  jsx-a11y/alt-text
   40:9   warning  Visible, non-interactive elements with click handlers must have at least one keyboard listener  jsx-a11y/click-events-have-key-events

/Users/ana/dev/storefront/src/hooks/useCart.ts
   7:3    error    Unexpected console statement                        no-console
   22:14  warning  'prev' is assigned a value but never used           @typescript-eslint/no-unused-vars
   60:1   error    Expected 1 empty line after import statement        import/newline-after-import

/Users/ana/dev/storefront/src/pages/Checkout.tsx
   14:8   warning  React Hook useCallback has an unnecessary dependency: 'total'  react-hooks/exhaustive-deps
   77:5   error    Unexpected any. Specify a different type            @typescript-eslint/no-explicit-any
   102:11 error    Form label must be associated with a control        jsx-a11y/label-has-associated-control
   130:3  warning  Unexpected console statement                        no-console

/Users/ana/dev/storefront/src/utils/price.ts
   3:17   error    'Currency' is defined but never used                @typescript-eslint/no-unused-vars

✖ 14 problems (8 errors, 6 warnings)
  3 errors and 2 warnings potentially fixable with the `--fix` option.

oh wait its at the bottom lol. ok which files have jsx-a11y ones then""")

R(H, "question", "tooling", "plain", "long-trivial", "Extracting one value from a pasted CI config.",
  """Which Xcode version does this workflow use? I need to match it locally.

name: iOS CI
on:
  pull_request:
    branches: [ main, release/* ]
  push:
    branches: [ main ]
concurrency:
  group: ios-${{ github.ref }}
  cancel-in-progress: true
jobs:
  build-and-test:
    runs-on: macos-14
    timeout-minutes: 45
    env:
      DEVELOPER_DIR: /Applications/Xcode_15.2.app/Contents/Developer
      SCHEME: Tripster
      DESTINATION: platform=iOS Simulator,name=iPhone 15,OS=17.2
    steps:
      - uses: actions/checkout@v4
      - name: Cache SPM
        uses: actions/cache@v4
        with:
          path: ~/Library/Developer/Xcode/DerivedData/**/SourcePackages
          key: spm-${{ hashFiles('**/Package.resolved') }}
      - name: Install tools
        run: brew install swiftlint xcbeautify
      - name: Lint
        run: swiftlint --strict
      - name: Resolve packages
        run: xcodebuild -resolvePackageDependencies -scheme "$SCHEME"
      - name: Build & test
        run: |
          set -o pipefail
          xcodebuild test -scheme "$SCHEME" -destination "$DESTINATION" \\
            -enableCodeCoverage YES -resultBundlePath TestResults | xcbeautify
      - name: Upload results
        if: always()
        uses: actions/upload-artifact@v4
        with:
          name: test-results
          path: TestResults.xcresult""")

R(H, "edit", "mobile", "plain", "long-trivial", "Adding a comment header to a pasted file is mechanical.",
  """Add a file header comment at the top of this (filename, project "Habitly", author "Minh Tran", created 2024-06-02). Don't touch anything else.

import SwiftUI

struct StreakBadge: View {
    let days: Int
    var compact: Bool = false

    private var color: Color {
        switch days {
        case 0..<3: return .gray
        case 3..<7: return .orange
        case 7..<30: return .red
        default: return .purple
        }
    }

    var body: some View {
        HStack(spacing: 4) {
            Image(systemName: "flame.fill")
                .foregroundStyle(color)
            if !compact {
                Text("\\(days) day streak")
                    .font(.subheadline.weight(.semibold))
            } else {
                Text("\\(days)")
                    .font(.caption.monospacedDigit())
            }
        }
        .padding(.horizontal, compact ? 6 : 10)
        .padding(.vertical, 4)
        .background(color.opacity(0.12), in: Capsule())
        .accessibilityElement(children: .combine)
        .accessibilityLabel("\\(days) day streak")
    }
}

#Preview {
    VStack {
        StreakBadge(days: 1)
        StreakBadge(days: 5)
        StreakBadge(days: 12, compact: true)
        StreakBadge(days: 45)
    }
}""")

# ================================================================== SONNET rows
S = "sonnet"
R(S, "implement", "mobile", "typos", None, "Small feature with a clear spec touching view and view model.",
  "add pull to refresh to my swiftui List that calls await viewModel.reload(), and show an error banner if it throws. ios 16+")
R(S, "implement", "mobile", "plain", None, "A screen with a clear spec: fields, validation and loading state.",
  "Write a Compose login screen: email + password fields, validate email format and password >= 8 chars, show errors under the fields, and a loading spinner in the button while the ViewModel's login() runs.")
R(S, "debug", "mobile", "typos", None, "Stack trace points at a well-known RecyclerView misuse.",
  """recyclerview crashes when i delete items fast, trace:

java.lang.IndexOutOfBoundsException: Inconsistency detected. Invalid view holder adapter positionViewHolder{a1b2c3 position=7 id=-1, oldPos=-1, pLpos:-1 no parent} androidx.recyclerview.widget.RecyclerView{...}
    at androidx.recyclerview.widget.RecyclerView$Recycler.validateViewHolderForOffsetPosition(RecyclerView.java:6156)
    at androidx.recyclerview.widget.RecyclerView$Recycler.tryGetViewHolderForPositionByDeadline(RecyclerView.java:6339)
    at androidx.recyclerview.widget.GapWorker.prefetchPositionWithDeadline(GapWorker.java:288)

adapter code:
fun removeAt(pos: Int) {
    items.removeAt(pos)
    notifyItemRemoved(pos)
}
and in the viewholder click listener i call adapter.removeAt(adapterPosition)""")
R(S, "test", "web", "plain", None, "Writing tests for an existing hook with timers.",
  """Write Jest + React Testing Library tests for this hook, including the timer behaviour:

export function useDebounce<T>(value: T, delay = 300): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(id);
  }, [value, delay]);
  return debounced;
}""")
R(S, "refactor", "web", "typos", None, "Splitting one component into several, routine refactor.",
  "my ProductPage.jsx is like 400 lines, it has the gallery, the size picker, reviews and the add to cart logic all in one. can you split it into components, i'll paste it next msg")
R(S, "implement", "mobile", "plain", None, "Library integration with a clear route spec.",
  "Set up deep linking in my Flutter app with go_router so https://shoply.app/product/123 opens ProductScreen(id: 123). Need the Android intent filter and iOS associated domains parts too.")
R(S, "implement", "mobile", "typos", None, "Integrating a payment SDK against an existing backend endpoint.",
  "integrate stripe payment sheet in react native (expo bare). backend already has POST /payment-intent that returns clientSecret, ephemeralKey, customer. just need the client side + error handling")
R(S, "ops", "tooling", "typos", None, "CI configuration with known steps.",
  "github actions workflow to build a release apk for my flutter app on every push to main and upload it as an artifact. signing key is in secrets as base64")
R(S, "explain", "web", "plain", None, "Explaining a reducer of several dozen lines.",
  """Can you walk me through what this reducer does? I didn't write it.

function cartReducer(state, action) {
  switch (action.type) {
    case 'ADD': {
      const existing = state.items.find(i => i.sku === action.item.sku && i.size === action.item.size);
      const items = existing
        ? state.items.map(i => i === existing ? { ...i, qty: Math.min(i.qty + action.item.qty, i.maxQty) } : i)
        : [...state.items, { ...action.item, qty: Math.min(action.item.qty, action.item.maxQty) }];
      return { ...state, items, version: state.version + 1 };
    }
    case 'REMOVE':
      return { ...state, items: state.items.filter(i => !(i.sku === action.sku && i.size === action.size)), version: state.version + 1 };
    case 'SET_QTY': {
      if (action.qty <= 0) return cartReducer(state, { type: 'REMOVE', sku: action.sku, size: action.size });
      return {
        ...state,
        items: state.items.map(i => (i.sku === action.sku && i.size === action.size) ? { ...i, qty: Math.min(action.qty, i.maxQty) } : i),
        version: state.version + 1,
      };
    }
    case 'APPLY_COUPON':
      if (state.coupon && state.coupon.code === action.coupon.code) return state;
      return { ...state, coupon: action.coupon, version: state.version + 1 };
    case 'SYNCED':
      return action.version >= state.version ? { ...state, dirty: false } : state;
    case 'HYDRATE':
      return action.payload.version > state.version ? { ...action.payload, dirty: false } : state;
    default:
      return state;
  }
}""")
R(S, "implement", "databases", "non-native", None, "A Room migration with known steps.",
  "I need room migration from version 3 to 4. Must add column favorite (boolean, default false) in notes table and new index on (folder_id, updated_at). Also I am confused should I use auto migration or manual one?")
R(S, "implement", "general", "typos", None, "Standard data-structure assignment with several operations.",
  "need BST in java for my ds assignment: insert, search, delete (all 3 cases), inorder traversal. with comments so i understand it pls")
R(S, "implement", "general", "plain", None, "Textbook algorithm implemented with a heap, several steps.",
  "Implement Dijkstra in Python with heapq. Graph is a dict of node -> list of (neighbor, weight). Return distances and a way to rebuild the shortest path to any node.")
R(S, "edit", "web", "plain", None, "Accessibility fixes across a small form, several concerns.",
  """Make this form accessible: proper labels, errors announced by screen readers, focus moves to the first invalid field on submit.

<form id="signup">
  <input type="text" placeholder="Name" id="name">
  <input type="text" placeholder="Email" id="email">
  <span class="err" id="email-err" style="display:none;color:red">Invalid email</span>
  <input type="password" placeholder="Password" id="pw">
  <span class="err" id="pw-err" style="display:none;color:red">Min 8 characters</span>
  <div class="btn" onclick="submitForm()">Sign up</div>
</form>""")
R(S, "debug", "mobile", "non-native", None, "Known physics cause, identifiable fix.",
  "In unity my bullet is passing through the thin walls when the speed is high. Both have collider, bullet has rigidbody and I am moving it like below. When speed is slow it is hitting correctly. What is the reason and how to fix?\n\nvoid Start() {\n    rb = GetComponent<Rigidbody>();\n    rb.velocity = transform.forward * 120f;\n}")
R(S, "implement", "web", "plain", None, "Custom hook with a clear spec.",
  "Write a useFetch(url) hook in TypeScript: returns { data, error, loading, refetch }, aborts the request on unmount or when url changes, ignores stale responses.")
R(S, "refactor", "web", "typos", None, "Converting a class component to hooks, routine refactor.",
  """convert this to a function component with hooks

class SearchBox extends React.Component {
  state = { q: '', results: [], loading: false };
  componentDidUpdate(prevProps, prevState) {
    if (prevState.q !== this.state.q && this.state.q.length > 2) {
      this.setState({ loading: true });
      api.search(this.state.q).then(results => this.setState({ results, loading: false }));
    }
  }
  componentWillUnmount() { this.unmounted = true; }
  render() {
    return (
      <div>
        <input value={this.state.q} onChange={e => this.setState({ q: e.target.value })} />
        {this.state.loading ? <Spinner /> : <ResultList items={this.state.results} onPick={this.props.onPick} />}
      </div>
    );
  }
}""")
R(S, "debug", "general", "typos", None, "Failing test with visible cause in the pasted code.",
  """test keeps failing "expected 3 received 2" and i dont get why

def count_vowels(s):
    count = 0
    for i in range(1, len(s)):
        if s[i].lower() in "aeiou":
            count += 1
    return count

def test_count():
    assert count_vowels("Aloe") == 3""")
R(S, "implement", "web", "plain", None, "A composable with a clear behaviour spec.",
  "Write a Vue 3 composable useInfiniteScroll(loadMore) using IntersectionObserver on a sentinel element. Should stop when loadMore returns false and not fire twice while a load is in progress.")
R(S, "implement", "web", "typos", None, "Small feature across store, CSS and toggle.",
  "add dark mode to my sveltekit app, css variables + a toggle button, remember choice in localStorage and respect prefers-color-scheme the first time. no flash on load if possible")
R(S, "implement", "mobile", "plain", None, "Known iOS API integration with setup steps.",
  "How do I refresh data roughly every hour in the background on iOS with BGTaskScheduler? I need the Info.plist bits, registration, scheduling, and the handler that calls my SyncService.")
R(S, "explain", "mobile", "typos", None, "Explaining a state machine of several dozen lines.",
  """can you explain how this state machine works, esp the transitions part. got it from a tutorial

extends Node
class_name StateMachine

@export var initial_state: State
var current_state: State
var states: Dictionary = {}

func _ready():
    for child in get_children():
        if child is State:
            states[child.name.to_lower()] = child
            child.transitioned.connect(_on_child_transitioned)
    if initial_state:
        initial_state.enter()
        current_state = initial_state

func _process(delta):
    if current_state:
        current_state.update(delta)

func _physics_process(delta):
    if current_state:
        current_state.physics_update(delta)

func _on_child_transitioned(state, new_state_name):
    if state != current_state:
        return
    var new_state = states.get(new_state_name.to_lower())
    if !new_state:
        return
    if current_state:
        current_state.exit()
    new_state.enter()
    current_state = new_state""")
R(S, "debug", "mobile", "typos", None, "Known platform difference with a standard fix.",
  "rn: keyboard covers my text input on android only, works perfect on ios. the input is at the bottom of a ScrollView\n\n<KeyboardAvoidingView behavior='padding' style={{ flex: 1 }}>\n  <ScrollView contentContainerStyle={{ padding: 16 }}>\n    <ProfileFields />\n    <TextInput placeholder='Bio' multiline style={styles.bio} />\n  </ScrollView>\n</KeyboardAvoidingView>")
R(S, "test", "mobile", "plain", None, "Unit tests for an existing ViewModel with flows.",
  "Write unit tests for my Kotlin SearchViewModel using Turbine and a fake repository. It debounces the query by 300ms and exposes a StateFlow<SearchUiState> (Idle, Loading, Results, Error). I'll paste the class if you need it.")
R(S, "review", "web", "plain", None, "Routine review of a small diff.",
  """Can you review this diff? Nothing security related, just general code quality.

--- a/src/components/TodoList.jsx
+++ b/src/components/TodoList.jsx
@@ -1,18 +1,27 @@
-import React from 'react';
+import React, { useState } from 'react';
 
-export default function TodoList({ todos, onToggle }) {
+export default function TodoList({ todos, onToggle, onDelete }) {
+  const [filter, setFilter] = useState('all');
+  const visible = todos.filter(t => filter === 'all' ? true : filter === 'done' ? t.done : !t.done);
   return (
-    <ul>
-      {todos.map((t, i) => (
-        <li key={i} onClick={() => onToggle(t.id)}>
-          {t.done ? <s>{t.title}</s> : t.title}
-        </li>
-      ))}
-    </ul>
+    <>
+      <select value={filter} onChange={e => setFilter(e.target.value)}>
+        <option value="all">All</option>
+        <option value="done">Done</option>
+        <option value="open">Open</option>
+      </select>
+      <ul>
+        {visible.map((t, i) => (
+          <li key={i} onClick={() => onToggle(t.id)}>
+            {t.done ? <s>{t.title}</s> : t.title}
+            <button onClick={() => onDelete(t.id)}>x</button>
+          </li>
+        ))}
+      </ul>
+    </>
   );
 }""")
R(S, "implement", "web", "typos", None, "Responsive layout with a clear spec.",
  "css grid layout for a dashboard: sidebar 240px, header on top, then a row of 3 stat cards and a big chart below. under 768px everything stacks and sidebar becomes a top bar. no frameworks")
R(S, "implement", "mobile", "plain", None, "Auth library integration with platform config.",
  "Hook up Google Sign-In with Firebase Auth in my Flutter app. I've added google-services.json already. Need the Dart side, the iOS URL scheme bit, and sign out.")
R(S, "implement", "mobile", "typos", None, "Cursor pagination in a SwiftUI list, clear spec.",
  "swiftui list that loads more when u hit the bottom, api returns { items, nextCursor }. no duplicate requests when scrolling fast, show a spinner row at the end")
R(S, "implement", "tooling", "plain", None, "Small multi-step script.",
  "Bash script that bumps versionCode by 1 and sets versionName to an argument in app/build.gradle.kts, commits it, and creates a git tag v<versionName>. Mac sed please.")
R(S, "implement", "web", "typos", None, "Feature with a clear pattern (command stack).",
  "implement undo/redo for my canvas drawing app in react, strokes are stored as an array of points arrays. ctrl+z / ctrl+shift+z too")
R(S, "implement", "mobile", "plain", None, "Reusable component with a defined API.",
  "Make a reusable AppButton composable with Primary, Secondary and Text variants, optional leading icon, loading state that keeps the width, and proper disabled colors from MaterialTheme.")
R(S, "implement", "web", "typos", None, "Library setup with a clear spec.",
  "set up react-i18next in my vite react app with english and turkish, language detector, and a dropdown to switch. translations in public/locales")
R(S, "explain", "general", "typos", None, "Tracing a recursive function step by step is more than a glance.",
  """can you trace this step by step for [1,2,3], i dont get how the backtracking part works

def permute(nums):
    res = []
    def bt(path, used):
        if len(path) == len(nums):
            res.append(path[:])
            return
        for i in range(len(nums)):
            if used[i]:
                continue
            used[i] = True
            path.append(nums[i])
            bt(path, used)
            path.pop()
            used[i] = False
    bt([], [False] * len(nums))
    return res""")
R(S, "implement", "general", "typos", None, "Standard sorting algorithm for homework with explanation.",
  "merge sort in c++ with vectors, and explain each part, its for homework so no std::sort 😅 input is n then n ints, print the sorted ones on one line")
R(S, "debug", "mobile", "plain", None, "Known RN error with the cause visible in the snippet.",
  """Getting "Text strings must be rendered within a <Text> component" but only when the cart is empty?

<View style={styles.footer}>
  {items.length && <Text style={styles.count}>{items.length} items</Text>}
  <Button title="Checkout" disabled={!items.length} onPress={goCheckout} />
</View>""")
R(S, "ops", "tooling", "terse", None, "CI config with known steps.",
  "gh action: eslint + vitest on every PR, pnpm, cache the store")
R(S, "implement", "mobile", "plain", None, "Data model plus list UI with a clear spec.",
  "Add SwiftData models for Workout and Exercise (a workout has many exercises, cascade delete) plus a list view that shows workouts by date with swipe to delete.")
R(S, "implement", "mobile", "non-native", None, "Feature with a known pattern for surviving config changes.",
  "Please help to make countdown timer in compose which is not resetting on rotation, and it should pause when app is going to background and continue when coming back. Need start, pause and reset buttons.")
R(S, "implement", "mobile", "typos", None, "Standard game pattern with clear scope.",
  "unity simple object pool for bullets, i'm instantiating like 30 per second and the profiler shows GC spikes. c#, unity 2022")
R(S, "test", "web", "plain", None, "E2E tests for a described flow.",
  "Write Playwright tests for our login flow: wrong password shows an error, correct login lands on /dashboard, and 'remember me' keeps you logged in after reload.")
R(S, "refactor", "mobile", "typos", None, "Library upgrade with documented steps.",
  "upgrade my navigators from react-navigation v5 to v6, i have a stack, a bottom tabs and a drawer. what changes? ill paste the files")
R(S, "implement", "mobile", "plain", None, "Scheduled background work with a clear spec.",
  "Use WorkManager to sync unsent journal entries every 6 hours, only on unmetered network and when the battery isn't low. Retry with backoff on failure.")
R(S, "implement", "web", "typos", None, "Client-side feature with clear behaviour.",
  "image upload with preview in vue, drag and drop + click, max 5 files, 2mb each, show progress per file. backend is POST /upload multipart")
R(S, "debug", "web", "plain", None, "Stack trace with an identifiable cause.",
  """Next.js build fails with this, any idea?

Error occurred prerendering page "/blog/[slug]". Read more: https://nextjs.org/docs/messages/prerender-error
TypeError: Cannot read properties of undefined (reading 'title')
    at BlogPost (/app/.next/server/app/blog/[slug]/page.js:1:2874)
    at renderWithHooks (/app/node_modules/react-dom/cjs/react-dom-server.node.development.js:5658:16)

export async function generateStaticParams() {
  const posts = await getPosts();
  return posts.map(p => ({ slug: p.slug }));
}
export default async function BlogPost({ params }) {
  const post = (await getPosts()).find(p => p.id === params.slug);
  return <h1>{post.title}</h1>;
}""")
R(S, "implement", "mobile", "non-native", None, "Known platform permission flow.",
  "Kindly help me to ask the notification permission in android 13 and above with compose, but only after user finish the onboarding. If user denied one time I want to show a rationale dialog before asking again.")
R(S, "implement", "web", "plain", None, "Form with validation library integration.",
  "Build a multi-step checkout form in React with react-hook-form + zod: shipping, payment, review. Keep state between steps and validate each step before moving on.")
R(S, "debug", "mobile", "typos", None, "Known Flutter layout error with an obvious cause.",
  """flutter error: 'Vertical viewport was given unbounded height'. i have a ListView inside a Column inside a SingleChildScrollView. what do i change

Column(
  children: [
    Header(),
    ListView.builder(
      itemCount: items.length,
      itemBuilder: (c, i) => ItemTile(items[i]),
    ),
  ],
)""")
R(S, "implement", "mobile", "plain", None, "Camera library integration with a clear spec.",
  "In SwiftUI, add a barcode scanner screen using VisionKit's DataScannerViewController that returns the first EAN-13 it sees and dismisses. Handle the unsupported-device case.")
R(S, "implement", "mobile", "typos", None, "Game feature with a clear spec.",
  "godot 4 inventory with 20 slots, items stack up to 99, drag and drop between slots, and save/load to user:// as json. items are Resources with id, icon, max_stack")
R(S, "refactor", "web", "plain", None, "Moving a component to a new styling approach.",
  "Move this component from styled-components to Tailwind. Keep the hover/focus states and the responsive padding the same. It's about 80 lines, pasting below in the next message.")
R(S, "implement", "web", "non-native", None, "Endpoint with a clear spec.",
  "Please write express endpoint POST /api/reviews. Rating must be 1 to 5, text maximum 1000 chars, user should be logged in (req.user), and only one review per product per user, otherwise return 409. We are using prisma.")
R(S, "test", "mobile", "typos", None, "Writing widget tests for existing code.",
  "write flutter widget tests for my LoginForm: empty fields show errors, valid input calls onSubmit once, button disabled while loading")
R(S, "implement", "web", "plain", None, "Accessible component with a known WAI-ARIA pattern.",
  "Build an accessible tabs component in plain React: arrow keys move between tabs, Home/End work, roles and aria-selected/aria-controls set correctly, only the active tab is in the tab order.")
R(S, "implement", "mobile", "typos", None, "Known animation API, several pieces.",
  "reanimated 3: card that you can swipe left/right like tinder, rotates a bit while dragging, flies off if past threshold else springs back. call onSwipe(dir)")
R(S, "debug", "mobile", "plain", None, "Compiler error with the cause visible.",
  """Swift 5.9 error: "Reference to captured var 'count' in concurrently-executing code". What's the right fix here?

func loadAll() async {
    var count = 0
    await withTaskGroup(of: Void.self) { group in
        for id in ids {
            group.addTask {
                await self.load(id)
                count += 1
            }
        }
    }
    print("loaded \\(count)")
}""")
R(S, "implement", "mobile", "typos", None, "Platform API integration with a clear spec.",
  "local notifications in react native (notifee) for a medicine reminder: daily at chosen time, with 'taken' and 'snooze 10 min' action buttons")
R(S, "refactor", "mobile", "plain", None, "Routine refactor toward an established pattern.",
  "Refactor my Android app's NotesFragment so the network and DB calls move out into a NotesViewModel + NotesRepository with StateFlow. Currently everything is in the fragment with callbacks.")
R(S, "implement", "general", "typos", None, "Classic algorithm implementation for a student.",
  "implement a hash map with separate chaining in C for my assignment: put, get, remove, resize when load factor > 0.75. strings as keys")
R(S, "implement", "general", "plain", None, "Standard graph algorithm, several steps.",
  "Write BFS on a grid maze in Python that returns the shortest path as a list of coordinates, walls are '#', start 'S', end 'E'.")
R(S, "explain", "web", "typos", None, "Explaining a medium-size code module.",
  "can someone explain our axios interceptor file? its like 70 lines with refresh token queueing and i have to change it but i dont get the failedQueue part. pasting it next")
R(S, "implement", "web", "plain", None, "Known web API integration.",
  "Add a service worker to my Vite PWA so the app shell and the last 20 visited article pages work offline. Using Workbox is fine.")
R(S, "implement", "mobile", "typos", None, "Game UI feature, clear scope.",
  "unity health bar above enemies that always faces the camera and smoothly lerps when damaged, world space canvas. 50 enemies on screen max")
R(S, "debug", "mobile", "typos", None, "Common build error with an identifiable cause.",
  """ios build fails after adding a pod:

ld: warning: ignoring file '/Users/x/Library/Developer/Xcode/DerivedData/.../libPods-Runner.a', building for iOS Simulator-arm64 but attempting to link with file built for iOS Simulator-x86_64
Undefined symbols for architecture arm64:
  "_OBJC_CLASS_$_GMSServices", referenced from:
      objc-msg-ref in AppDelegate.o
ld: symbol(s) not found for architecture arm64

m1 mac, flutter project. google_maps_flutter""")
R(S, "implement", "web", "plain", None, "Clear data-viz component spec.",
  "Line chart component in Svelte with D3 for daily step counts: x = date, y = steps, tooltip on hover, responsive width. Data is an array of { date, steps }.")
R(S, "test", "general", "typos", None, "Writing tests for existing student code.",
  "write pytest tests for my linked list class (append, insert_at, remove, reverse, __len__). edge cases like empty list and index out of range too")
R(S, "implement", "mobile", "plain", None, "Well-defined feature with platform APIs.",
  "Add biometric unlock (Face ID / fingerprint) to my Flutter app using local_auth, fall back to the device PIN, and lock again after 5 minutes in the background.")
R(S, "refactor", "web", "typos", None, "Routine refactor of a module.",
  "our utils.js is a dumping ground of 40 functions (dates, money, strings, validation). split it into modules with proper exports and update the imports, im using vscode so i can do find/replace if u give me the mapping")
R(S, "implement", "mobile", "typos", None, "Known gesture implementation with clear scope.",
  "pinch to zoom + pan on an image in swiftui, double tap to reset, dont let it pan outside the image bounds")
R(S, "debug", "web", "plain", None, "Classic stale closure bug, identifiable from the code.",
  """My counter shows 1 forever even though the interval keeps running:

function Ticker() {
  const [n, setN] = useState(0);
  useEffect(() => {
    const id = setInterval(() => setN(n + 1), 1000);
    return () => clearInterval(id);
  }, []);
  return <p>{n}</p>;
}""")
R(S, "implement", "mobile", "typos", None, "Clear spec for a save system in a single-player game.",
  "save system for my unity game: player pos, inventory, quest flags, 3 save slots, json in persistentDataPath. nothing fancy, single player, no cloud")
R(S, "ops", "mobile", "plain", None, "Build configuration with known steps.",
  "Set up three Android build flavors (dev, staging, prod) with different applicationIdSuffix, app names and API base URLs via BuildConfig. Kotlin DSL.")
R(S, "implement", "web", "typos", None, "Component with a clear behaviour spec.",
  "autocomplete input in react: debounce 250ms, keyboard up/down/enter, highlight matching part, close on escape or click outside. results from /api/search?q=")
R(S, "explain", "mobile", "plain", None, "Explaining a non-trivial module of moderate size.",
  "I'm new to the codebase. Could you explain how the Coordinator pattern is used in this iOS app? There's an AppCoordinator, a TabCoordinator and four child coordinators, about 300 lines total. I'll paste them.")
R(S, "implement", "general", "plain", None, "Standard DP problem implementation.",
  "Write the 0/1 knapsack DP in Java with the table, then reconstruct which items were picked. Explain the recurrence in comments.")
R(S, "implement", "mobile", "typos", None, "Clear widget spec with state handling.",
  "flutter: a search bar with recent searches saved in shared_preferences (max 10, newest first, tap to reuse, swipe to delete one)")
R(S, "debug", "mobile", "non-native", None, "Common Compose mistake visible from description.",
  "My LazyColumn items are losing the checkbox state when I scroll them out of screen and come back. Why it is happening and what is the correct way?\n\nitems(tasks) { task ->\n    var checked by remember { mutableStateOf(false) }\n    Row {\n        Checkbox(checked = checked, onCheckedChange = { checked = it })\n        Text(task.title)\n    }\n}")
R(S, "implement", "web", "plain", None, "Routine CSS component with a few states.",
  "CSS-only toggle switch from a checkbox: animated knob, focus-visible ring, disabled state, and it should still be a real checkbox for screen readers.")
R(S, "implement", "mobile", "typos", None, "Well-known audio API integration.",
  "play background music in my ios app that keeps playing when the screen locks and shows controls on the lock screen. AVPlayer, swift")
R(S, "implement", "databases", "plain", None, "Migration with known steps on existing data.",
  "Write the SQLite migration for my Flutter app (sqflite) that moves the comma-separated `tags` column of notes into a separate tags table + note_tags join table, keeping existing data.")
R(S, "debug", "web", "typos", None, "CORS error with a known cause.",
  "fetch from my react app on localhost:5173 to my express api on :3000 gives 'blocked by CORS policy: Response to preflight request doesn't pass access control check'. i have app.use(cors()) tho?? its after my routes if that matters")
R(S, "implement", "mobile", "plain", None, "Clear spec for a widget extension.",
  "Create an iOS home screen widget (WidgetKit) showing today's water intake from my app. Share data via an App Group, refresh every 30 min, small and medium sizes.")
R(S, "implement", "web", "typos", None, "Known pattern: optimistic updates with a library.",
  "react query optimistic update for toggling a todo, rollback if the PATCH fails, and invalidate the list after")
R(S, "test", "mobile", "plain", None, "Writing XCTest tests for existing code.",
  "Write XCTest unit tests for my PriceFormatter (handles currencies, rounding, negative values, and locales de_DE vs en_US). Class has format(_ amount: Decimal, currency: String) -> String.")
R(S, "implement", "mobile", "typos", None, "Game mechanic with clear spec.",
  "2d platformer coyote time + jump buffering in godot 4, 0.1s each. here's my current jump code: if Input.is_action_just_pressed('jump') and is_on_floor(): velocity.y = JUMP_VELOCITY")

# --- sonnet hard-words-easy: scary words, ordinary integration work
R(S, "implement", "security", "plain", "hard-words-easy", "Security vocabulary, but it's wiring an existing library per its docs.",
  "Implement the OAuth 2.0 authorization code flow with PKCE in my Android app using the AppAuth library. Our IdP is Keycloak, I have the client id and redirect URI.")
R(S, "implement", "mobile", "typos", "hard-words-easy", "Sounds like ML, it's a library integration with clear steps.",
  "run a tflite image classification model on camera frames in my android app, mobilenet, just show the top label. camerax + tensorflow lite support lib")
R(S, "implement", "security", "typos", "hard-words-easy", "Crypto words, but using the platform keychain wrapper as documented.",
  "store the user's refresh token in the ios keychain with kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly, read/update/delete helpers in swift")
R(S, "implement", "web", "plain", "hard-words-easy", "Real-time buzzword, but a standard socket.io integration.",
  "Add a WebSocket-based live 'X people viewing this' counter to my Next.js product page using socket.io. Server already has socket.io set up.")

# --- minimal pairs with haiku / opus counterparts
R(S, "explain", "web", "typos", None, "Explaining interacting effects across a larger component, not a glance.",
  "explain why these 4 useEffects in my 90 line component fire in the order they do and why the fetch runs twice in dev, pasting it below. (not asking to fix yet)")
R(S, "implement", "mobile", "plain", None, "Caching feature with a clear spec, several steps.",
  "Add offline caching to the recipes list: show cached data from Room immediately, refresh from the API in the background, and show a small 'offline' chip if the refresh fails.")
R(H, "edit", "mobile", "plain", None, "A few-line UI tweak, checkable at a glance.",
  "Add a loading spinner to the recipes list while isLoading is true. It's a LazyColumn inside a Box, just center a CircularProgressIndicator.")
R(S, "implement", "web", "typos", None, "Off-main-thread sort with a known approach.",
  "sorting 2 million scores in the browser freezes the page for 3 seconds. move it to a web worker with a typed array and post back the top 100. vanilla js")
R(S, "review", "web", "plain", None, "Accessibility audit of one screen with concrete fixes.",
  "Audit this settings screen's JSX for screen reader problems (VoiceOver + NVDA) and fix them. It has toggles made from divs, an icon-only close button, and a custom dropdown. Pasting it below.")
R(S, "implement", "databases", "typos", None, "Migration splitting a table, known steps.",
  "write the migration to split our notes table into notes + folders, right now folder is just a text column. postgres, keep existing data, knex")

# ================================================================== OPUS rows
O = "opus"
# --- short-hard
R(O, "implement", "mobile", "terse", "short-hard", "Real-time lock-free structure; subtle memory-ordering work.",
  "lock-free SPSC ring buffer for the audio render thread in swift, zero allocations")
R(O, "design", "mobile", "terse", "short-hard", "Open design of sync with conflict resolution.",
  "offline-first sync for our notes app, conflict resolution?")
R(O, "design", "web", "terse", "short-hard", "Choosing a CRDT and justifying it is design with trade-offs.",
  "which CRDT for collaborative rich text in a react editor, and why")
R(O, "design", "mobile", "terse", "short-hard", "Deterministic lockstep netcode is hard distributed design.",
  "deterministic lockstep for a unity rts, floats??")
R(O, "debug", "mobile", "terse", "short-hard", "Release-only behaviour with no lead needs a theory.",
  "compose recomposes in an infinite loop but only in release builds")
R(O, "question", "general", "terse", "short-hard", "A correctness proof (exchange argument).",
  "prove greedy earliest-finish interval scheduling is optimal")
R(O, "design", "security", "terse", "short-hard", "End-to-end encryption key exchange is cryptographic design.",
  "e2e encrypted group chat in flutter, how do we do key exchange + device changes")
R(O, "implement", "mobile", "terse", "short-hard", "Rollback netcode requires deterministic simulation and state rewind.",
  "rollback netcode for a 1v1 fighting game in godot 4")
R(O, "design", "security", "terse", "short-hard", "Threat modelling token storage.",
  "threat model for refresh tokens on rooted android devices")
R(O, "debug", "mobile", "terse", "short-hard", "Actor reentrancy race needs concurrency reasoning.",
  "swift actor reentrancy: wallet balance goes negative under load")
R(O, "implement", "mobile", "terse", "short-hard", "Work-stealing scheduler is subtle concurrent code.",
  "work-stealing job system in c# for unity, lock-free deques")
R(O, "question", "general", "terse", "short-hard", "Rigorous amortized proof.",
  "rigorous amortized analysis of dynamic array doubling AND halving at 1/4, potential method")
R(O, "design", "web", "terse", "short-hard", "Undo in a multi-user editor is a consistency design problem.",
  "undo/redo for a multiplayer whiteboard, per-user undo")
R(O, "debug", "mobile", "terse", "short-hard", "Cross-thread deadlock in native module bridging needs deep reasoning.",
  "JSI module deadlocks when called sync from JS while UI thread waits on it")
R(O, "debug", "mobile", "terse", "short-hard", "Display-rate specific jank with no lead.",
  "jank only on 120hz iphones, 60hz fine. no idea")
R(O, "design", "mobile", "terse", "short-hard", "Spatial partition choice with justification at scale.",
  "spatial hash vs quadtree vs BVH for 50k moving entities, justify")
R(O, "implement", "web", "terse", "short-hard", "Novel layout algorithm plus virtualization with unknown heights.",
  "virtualized masonry grid with unknown item heights, smooth scroll restore")
R(O, "review", "mobile", "terse", "short-hard", "Memory model reasoning about double-checked locking.",
  "is double-checked locking without @Volatile broken in kotlin/jvm? prove it")
R(O, "question", "general", "terse", "short-hard", "Correctness proof for a non-obvious algorithm.",
  "prove the O(n log n) LIS patience sorting algorithm is correct")
R(O, "design", "general", "terse", "short-hard", "NP-hard scheduling, needs a reasoned approach.",
  "exam timetabling so no student has 2 exams at once, minimize slots, 8k students")
R(O, "implement", "security", "terse", "short-hard", "Hand-rolled crypto protocol; subtle mistakes are vulnerabilities.",
  "implement SRP-6a login in dart, constant time compares")
R(O, "debug", "mobile", "terse", "short-hard", "Torn reads across threads need memory-model reasoning.",
  "Interlocked counter in my unity job reads torn values on ARM android only")
R(O, "design", "mobile", "terse", "short-hard", "Client-side prediction and reconciliation design.",
  "client prediction + server reconciliation for a mobile .io game")
R(O, "implement", "general", "terse", "short-hard", "Non-trivial algorithm with tricky invariants.",
  "persistent (immutable) red-black tree with delete in typescript")
R(O, "debug", "web", "terse", "short-hard", "Cross-browser GC/perf cliff without a lead.",
  "safari tab hits 2GB and reloads after ~40 min in our SPA")
R(O, "design", "mobile", "terse", "short-hard", "Exactly-once purchase delivery across store, app and server.",
  "iap receipts: make sure consumables are granted exactly once")

# --- easy-words-hard
R(O, "debug", "mobile", "plain", "easy-words-hard", "Intermittent logout with no lead spans auth, storage and lifecycle.",
  "Sometimes the app just logs people out for no reason. Like once a week maybe. We can't make it happen ourselves. Happens on both iPhone and Android.")
R(O, "debug", "mobile", "typos", "easy-words-hard", "Intermittent hitch on some devices needs profiling theory.",
  "our game freezes for like a second sometimes on older phones, not always, not in the same place. new phones are totally smooth. players are starting to leave reviews about it")
R(O, "debug", "mobile", "plain", "easy-words-hard", "Duplicate delivery across push infra, token lifecycle and app; no lead.",
  "Some users get every notification twice. Most people are fine. We haven't changed the push code in months. Both iPhone and Android users, as far as we can tell from support tickets.")
R(O, "debug", "web", "typos", "easy-words-hard", "Growing slowdown implies a leak with no lead; needs analysis.",
  "our web app gets slower and slower the longer the tab stays open, after a workday its unusable and people just reload it. started happening sometime this year")
R(O, "debug", "mobile", "plain", "easy-words-hard", "Lost concurrent edits is a consistency problem.",
  "When two people in the same family edit the shopping list at the same time, one person's changes just disappear. The list lives on our server and the app saves every few seconds.")
R(O, "debug", "mobile", "typos", "easy-words-hard", "Stale reads after writes: a consistency/caching issue without a lead.",
  "leaderboard shows wrong places for a few seconds right after a match ends, then fixes itself. sometimes a player shows up twice in the list during those seconds")
R(O, "plan", "mobile", "plain", "easy-words-hard", "Startup performance with no lead needs measurement strategy and analysis.",
  "The app feels slow to open. How do we figure out where the time goes and actually fix it?")
R(O, "debug", "mobile", "typos", "easy-words-hard", "Message ordering across devices is a distributed ordering problem.",
  "sometimes chat messages show up in the wrong order for the other person. like i send 'ok' then 'see u at 5' and they get them swapped. doesnt happen every time")
R(O, "debug", "mobile", "typos", "easy-words-hard", "Netcode authority/validation issue; security and sync reasoning.",
  "players with bad wifi can walk through walls in our multiplayer game lol. how do we stop that without making the game feel laggy for everyone else")
R(O, "design", "mobile", "plain", "easy-words-hard", "Architecture for team scaling with trade-offs.",
  "How should we split up our app so three teams can work on it without constantly stepping on each other? Right now every release has merge fights and one team's change keeps breaking another team's screens.")
R(O, "design", "mobile", "plain", "easy-words-hard", "Offline-first design with conflict handling, in plain words.",
  "We want people to be able to keep using the app when there's no internet and have everything sort itself out later. It's a sales app: orders, customer notes and photos, and several people share the same customers.")
R(O, "debug", "mobile", "typos", "easy-words-hard", "Data loss after update with no lead: migration forensics.",
  "after our last update some players lost their saved games. not all. we dont know which ones or why, and we can't roll back because the update also fixed a crash")
R(O, "debug", "mobile", "plain", "easy-words-hard", "Blank screen after returning suggests process death/state restore; no lead.",
  "Sometimes on Android the screen is just blank after coming back from taking a photo. Happens to maybe 1 in 50 users. Nothing in Crashlytics.")
R(O, "design", "security", "plain", "easy-words-hard", "Device authorization flow design is security-sensitive.",
  "How do we let people log in on our TV app by using their phone instead of typing a password with the remote? It's on Android TV and tvOS, and the phone app already has a normal login.")
R(O, "debug", "web", "typos", "easy-words-hard", "Race on coupon redemption; concurrency across requests.",
  "the same coupon can be used twice if you tap the button really fast on two phones")
R(O, "debug", "mobile", "plain", "easy-words-hard", "Battery drain without a lead needs cross-component analysis.",
  "People say our app drains their battery even when they're not using it. We don't know what it's doing in the background. It counts steps and syncs every now and then.")
R(O, "debug", "web", "typos", "easy-words-hard", "Cross-user data exposure; caching/security with no lead.",
  "some users see another person's name in the header for a moment after logging in, then it switches to theirs. scary. we can't make it happen ourselves")
R(O, "design", "mobile", "plain", "easy-words-hard", "Large migration strategy across a big codebase.",
  "We have a big old app written one way and want to move it to the new way of doing screens without stopping feature work. Where do we start?")
R(O, "debug", "mobile", "typos", "easy-words-hard", "Timing-dependent visual bug with no lead.",
  "the score counter sometimes skips numbers when lots of coins are picked up at once, and the final score is sometimes 1 or 2 less than the coins you actually collected")
R(O, "debug", "mobile", "plain", "easy-words-hard", "Clock/time-zone logic across devices with no lead.",
  "Our streaks reset for some users even though they did the habit every day. Mostly people who travel, we think? Some of the streak logic runs on the phone and some in a nightly job on the server.")
R(O, "debug", "web", "typos", "easy-words-hard", "Double charging points at idempotency across services.",
  "a few customers got charged twice this month. we have no idea how. support refunded them but it keeps happening, maybe 1 in 2000 orders")
R(O, "debug", "mobile", "plain", "easy-words-hard", "Nondeterministic physics divergence across clients.",
  "In our co-op game the two players' screens slowly drift apart until the ball is in different places for each of them. Each phone runs its own physics and they send positions to each other.")
R(O, "design", "web", "plain", "easy-words-hard", "Permission system design with trade-offs.",
  "We need to let some people see some projects but not others, and let team owners decide. How should we build that so it doesn't become a mess?")
R(O, "debug", "mobile", "typos", "easy-words-hard", "Memory growth over play sessions with no lead.",
  "game gets slower every time you go back to the main menu and start again. after 5 or 6 times its a slideshow. restarting the app fixes it")

# --- regular opus
R(O, "design", "mobile", "non-native", None, "Real-time multiplayer architecture at scale with trade-offs.",
  "We are making a live trivia game app. Around 10k players will be in one game at same time, the question must reach everyone at same moment and answer scoring should be done within 1 second, also we need to stop the cheating. Please design the backend architecture for this.")
R(O, "plan", "mobile", "verbose", None, "Incremental migration plan across a 200-screen app.",
  "We have a 200-screen UIKit app (storyboards + some programmatic VCs, MVC with massive view controllers, about 350k lines of Swift and ObjC) and we want to move to SwiftUI over the next year without a rewrite. Can you lay out a phased plan: what to migrate first, how navigation should work during the hybrid period, how to share state between UIKit and SwiftUI parts, and what to measure so we know it's not hurting performance?")
R(O, "plan", "web", "plain", None, "Codebase-wide state management migration.",
  "Plan a migration of our React app from Redux (with sagas) to Zustand + React Query. About 80 files use the store, 25 sagas, some of them do polling and optimistic updates. We can't freeze features.")
R(O, "debug", "mobile", "verbose", None, "Unbounded memory growth across scene loads with partial evidence; needs a theory.",
  "In our Unity mobile game memory grows by roughly 60-80MB every time a level is loaded and unloaded (additive scenes), even though we call Resources.UnloadUnusedAssets and GC.Collect. The memory profiler snapshot diff shows a lot of Texture2D and some native allocations we can't map to anything. It only crashes on 3GB devices after about 8 levels. Where would you even start, and what are the likely causes?")
R(O, "review", "security", "plain", None, "Security review of a WebView JS bridge.",
  """Security review please. This is our Android WebView bridge for the in-app help center:

class HelpBridge(private val ctx: Context, private val session: Session) {
    @JavascriptInterface fun getToken(): String = session.accessToken
    @JavascriptInterface fun openUrl(url: String) {
        ctx.startActivity(Intent(Intent.ACTION_VIEW, Uri.parse(url)).addFlags(Intent.FLAG_ACTIVITY_NEW_TASK))
    }
    @JavascriptInterface fun saveFile(name: String, base64: String) {
        File(ctx.filesDir, name).writeBytes(Base64.decode(base64, Base64.DEFAULT))
    }
}

webView.settings.javaScriptEnabled = true
webView.settings.allowFileAccess = true
webView.settings.allowUniversalAccessFromFileURLs = true
webView.addJavascriptInterface(HelpBridge(this, session), "Native")
webView.webViewClient = object : WebViewClient() {
    override fun shouldOverrideUrlLoading(v: WebView, r: WebResourceRequest) = false
}
webView.loadUrl(intent.getStringExtra("help_url") ?: "https://help.shoply.app")""")
R(O, "review", "security", "typos", None, "Reviewing token storage and deep-link auth handling for vulnerabilities.",
  """can u check this for security issues before we ship? react native

// deep link handler
Linking.addEventListener('url', async ({ url }) => {
  const { path, queryParams } = Linking.parse(url);
  if (path === 'auth/callback') {
    await AsyncStorage.setItem('token', queryParams.token);
    navigation.navigate('Home');
  }
  if (path === 'open') {
    navigation.navigate(queryParams.screen, JSON.parse(queryParams.params || '{}'));
  }
});

// api client
const api = axios.create({ baseURL: Config.API_URL });
api.interceptors.request.use(async (cfg) => {
  cfg.headers.Authorization = 'Bearer ' + (await AsyncStorage.getItem('token'));
  console.log('request', cfg.url, cfg.headers);
  return cfg;
});""")
R(O, "design", "mobile", "plain", None, "Choosing between state architectures with justification for a large app.",
  "We're starting a new Flutter app that will have ~80 screens, offline support and 6 developers. Compare Riverpod, Bloc and plain Provider+ChangeNotifier for us and pick one with reasons, including how testing and feature modules would look.")
R(O, "design", "web", "plain", None, "Micro-frontend architecture decision with trade-offs.",
  "Should we split our admin dashboard into micro-frontends (module federation) or keep a monorepo with one app? 4 teams, 300k LOC React, shared design system, deploys currently take 40 minutes.")
R(O, "debug", "mobile", "verbose", None, "Intermittent crash across threads with no clear lead.",
  "We get EXC_BAD_ACCESS crashes in our iOS app's image cache, but the crashing thread is different every time (sometimes main, sometimes a URLSession delegate queue, sometimes a background decode queue). Crash rate is 0.3% of sessions, we can't reproduce it, and it started after we added prefetching to the feed collection view. Thread Sanitizer in debug shows nothing. How would you approach this?")
R(O, "review", "mobile", "plain", None, "Data race review under Swift strict concurrency.",
  """Is this actually data-race free? We turned on strict concurrency checking and it compiles, but I'm not convinced.

final class ImageCache: @unchecked Sendable {
    static let shared = ImageCache()
    private var storage: [URL: UIImage] = [:]
    private let queue = DispatchQueue(label: "cache", attributes: .concurrent)

    func image(for url: URL) -> UIImage? {
        queue.sync { storage[url] }
    }

    func insert(_ image: UIImage, for url: URL) {
        queue.async { self.storage[url] = image }
    }

    func removeAll() {
        storage.removeAll()
    }
}""")
R(O, "design", "security", "plain", None, "Designing app attestation and anti-abuse is high-stakes security.",
  "Our free-trial signup in the mobile app gets abused by bots creating thousands of accounts. Design an approach using App Attest / Play Integrity plus server-side checks that doesn't lock out real users on older devices.")
R(O, "plan", "mobile", "plain", None, "Modularization plan across a large codebase with build-time goals.",
  "Our Android app is a single :app module, 250k lines, clean builds take 9 minutes. Propose a modularization plan (feature/core/data modules), the order to extract things in, and how to handle the dependency graph and DI (we use Hilt).")
R(O, "debug", "web", "verbose", None, "Performance cliff needing profile analysis across layers.",
  "Our React table with about 5,000 rows and inline editing was fine until last sprint. Now typing in one cell takes 300ms per keystroke on a MacBook and is unusable on Windows laptops. We added a context for the selected row and a couple of derived columns. React Profiler shows every row re-rendering, but memoizing rows didn't help much. How would you dig into this and what architecture would fix it properly?")
R(O, "design", "mobile", "typos", None, "Designing a robust offline queue with ordering and idempotency.",
  "design an offline action queue for our field-inspection app: users create/edit/delete reports with photos while offline for days, multiple devices per team, server must not get duplicates or out of order edits. what goes on client vs server")
R(O, "design", "web", "plain", None, "Open architecture for a plugin system with security boundaries.",
  "We want third parties to write plugins for our web-based design tool (like Figma plugins). How should we sandbox them, what API surface do we expose, and how do we keep a malicious plugin from reading other files?")
R(O, "debug", "mobile", "non-native", None, "Audio glitch with real-time thread constraints and no clear cause.",
  "In our music app there is crackling sound every few seconds on some Android phones (mostly Samsung, Android 13 and above), only when the screen is off. We are using Oboe with callback and buffer size is same as device burst. In profiler no CPU spike is visible. What can be the reason?")
R(O, "design", "general", "plain", None, "Algorithm design with complexity analysis.",
  "For my algorithms project: given a road network of 2 million nodes and queries for shortest paths that must answer in under 5ms, compare contraction hierarchies, ALT and plain bidirectional Dijkstra, and recommend one with complexity and preprocessing trade-offs.")
R(O, "review", "mobile", "typos", None, "Concurrency review of coroutine code with shared state.",
  """pls review this for race conditions, we sometimes get the same order submitted twice

class CheckoutViewModel(private val repo: OrderRepo) : ViewModel() {
    private var submitting = false
    val state = MutableStateFlow<CheckoutState>(CheckoutState.Idle)

    fun submit(cart: Cart) {
        if (submitting) return
        viewModelScope.launch(Dispatchers.IO) {
            submitting = true
            state.value = CheckoutState.Loading
            val result = runCatching { repo.placeOrder(cart) }
            state.value = result.fold({ CheckoutState.Done(it) }, { CheckoutState.Error(it) })
            submitting = false
        }
    }
}""")
R(O, "plan", "web", "plain", None, "Cross-cutting accessibility remediation plan for a large product.",
  "We got a legal letter about accessibility. Our web app has ~150 screens built over 6 years with three different component libraries. Plan how to get to WCAG 2.2 AA in 6 months: audit strategy, what to fix first, how to stop regressions, and how to involve screen reader users.")
R(O, "design", "mobile", "plain", None, "Designing a feature-flag/OTA update strategy with rollback and safety.",
  "Design how we ship over-the-air JS updates for our React Native app (CodePush is going away): staged rollout, instant rollback, compatibility with the native binary version, and signing so nobody can push a malicious bundle.")
R(O, "debug", "mobile", "verbose", None, "Flaky multiplayer desync needs theory across systems.",
  "In our Photon-based Unity game, about one match in twenty ends with the two clients disagreeing on who won. The final score event is sent reliably, but the round timer and the last goal are handled by the master client, and if the master client switches mid-match (someone leaves) things seem to go wrong. Logs are attached in the ticket but they're huge. How do we reason about this and fix it properly?")
R(O, "question", "general", "plain", None, "Proof of correctness for a graph algorithm.",
  "Prove that Kruskal's algorithm returns a minimum spanning tree. My textbook's proof skips the cut property and I need to write it out properly for an assignment.")
R(O, "design", "security", "typos", None, "Security design for payments in a game economy.",
  "our mobile game has a gem currency bought with IAP and earned in game. right now the client tells the server how many gems it has 💀 how do we redesign this so it cant be hacked, without rewriting every feature")
R(O, "debug", "web", "plain", None, "Service worker cache inconsistency across deploys, no lead.",
  "After some deploys, a few users get a white screen until they hard-refresh. We use a service worker with Workbox precaching and code-split chunks. Not every deploy, not every user.")
R(O, "design", "mobile", "plain", None, "Choosing an architecture for a complex real-time feature with trade-offs.",
  "We're adding live location sharing (like Find My friends) to our app. Design it: update frequency vs battery, background modes on iOS/Android, server fan-out, privacy controls, and what happens when someone goes offline.")
R(O, "implement", "web", "plain", None, "Novel algorithm: text diffing for collaborative editing with correctness concerns.",
  "Implement operational transform for plain text (insert/delete) with a central server in TypeScript, including transform functions and the client-side pending/buffer state machine. Must converge with three concurrent clients.")
R(O, "debug", "mobile", "typos", None, "Heisenbug that disappears under the debugger.",
  "bug only happens in release build on real iphone, never with debugger attached. list sometimes shows items from the previous filter. adding a print statement makes it go away 🙃")
R(O, "design", "web", "plain", None, "Design of a design-token system across platforms with trade-offs.",
  "We have iOS, Android, web and a Flutter kiosk app. Design a design-token pipeline so colors, spacing and typography come from one source, support theming per brand (we have 4 brands) and dark mode, and don't break existing screens.")
R(O, "plan", "mobile", "plain", None, "Large multi-step migration with data-safety stakes.",
  "We need to move 2 million users' local data from Realm to SQLite (Room/GRDB) in our iOS and Android apps without losing anything, including users who skip several app versions. Plan the migration.")
R(O, "question", "general", "typos", None, "Complexity lower-bound proof.",
  "why is comparison sorting at least n log n? need the actual decision tree proof not the vibes version, my exam has a question like this")
R(O, "debug", "mobile", "plain", None, "Slow ANRs in production without a lead.",
  "Play Console says our ANR rate went from 0.2% to 0.9% after the last release. The ANR traces mostly show the main thread in nativePollOnce, which tells us nothing. What changed is a new analytics SDK, a Room version bump and a new splash screen. How do we find the real cause?")
R(O, "design", "mobile", "typos", None, "Designing deterministic replays needs careful engine reasoning.",
  "want to add replays to our unity racing game (record inputs, replay later, also ghost cars online). physics isnt deterministic across devices. what are our options")
R(O, "review", "security", "plain", None, "Cryptographic code review; subtle mistakes matter.",
  """Is this a safe way to encrypt notes locally in our Flutter app?

final key = sha256.convert(utf8.encode(userPin)).bytes;
final iv = IV.fromLength(16);
final encrypter = Encrypter(AES(Key(Uint8List.fromList(key)), mode: AESMode.cbc));
final encrypted = encrypter.encrypt(noteText, iv: iv);
await prefs.setString('note_$id', encrypted.base64);""")
R(O, "design", "web", "plain", None, "Rendering strategy decision with trade-offs across SEO, perf and infra.",
  "Our e-commerce site is a client-side React SPA and SEO is bad. Should we move to Next.js SSR, static generation with ISR, or add prerendering? 200k products, prices change hourly, we run on AWS. Give a recommendation with trade-offs.")
R(O, "debug", "mobile", "verbose", None, "Intermittent background-task failure across OS scheduling, no lead.",
  "Our iOS app's background upload of workout files works when testing but in production about 15% of uploads never finish. We use a background URLSession, and we create the upload tasks from the workout-ended handler. Users swear the app had network. There's no crash. Server never sees the request. What could be happening and how do we instrument this?")
R(O, "design", "mobile", "plain", None, "Game architecture choice with justification.",
  "Starting a Unity mobile RPG with a team of 5. Should we go ECS (DOTS) or classic MonoBehaviours with a service layer? We expect ~500 active units max, lots of UI, live-ops content updates. Need a justified choice.")
R(O, "plan", "mobile", "plain", None, "Multi-app release engineering plan with risk management.",
  "We're moving from manual releases to a release train for our iOS and Android apps (weekly, with phased rollout and feature flags). Plan the branches, CI, QA gates, hotfix flow and how to handle server API compatibility with old app versions.")
R(O, "implement", "general", "plain", None, "Non-trivial algorithm with tricky correctness.",
  "Implement an interval tree in C++ that supports insert, delete and 'find all intervals overlapping [a,b]' in O(log n + k), with the augmentation maintained through rotations. For my data structures project.")
R(O, "debug", "web", "plain", None, "Flaky test suite with ordering/timing issues, no lead.",
  "Our Cypress suite fails randomly in CI about 1 run in 4, always different tests, never locally. Retries hide it but it's getting worse. We use MSW for mocks and the app has lots of debounced inputs. How would you track this down systematically?")

# --- minimal pair partners for sonnet/haiku rows
R(O, "debug", "mobile", "typos", None, "Small-share crash with no stack trace: no lead, needs a theory.",
  "app crashes on launch for like 2% of users, no stack trace in crashlytics at all, mostly samsung a-series. cant repro on any of our phones")
R(O, "review", "security", "plain", None, "Security review of token refresh logic, not style.",
  "Review this diff for security problems specifically. It changes how we refresh tokens and store them between app launches, and adds a 'remember this device' option. Pasting it below.")
R(O, "debug", "mobile", "non-native", None, "Isolate deadlock requires concurrency reasoning.",
  "My dart isolates are getting deadlock sometimes, both are waiting for reply on each other's SendPort. It happens only when app is under heavy load, not in normal usage. How to find the reason?")
R(H, "question", "mobile", "typos", None, "Short textbook Dart concept.",
  "what does async/await actually do in dart, is it a new thread?")
R(H, "question", "general", "terse", None, "Basic syntax lookup.",
  "how do i use a lock in c#, syntax")
R(O, "debug", "general", "typos", None, "Intermittent deadlock with multiple locks needs lock-order analysis.",
  "my c# game server deadlocks maybe once a day, two threads each holding one lock (players + rooms). how do i find and fix it properly")
R(O, "design", "mobile", "plain", None, "Cache design across accounts with invalidation: consistency and privacy stakes.",
  "Design caching for all screens in our banking app: what to cache, for how long, how to invalidate on server changes, and how to make sure nothing from one account shows up after switching to another.")

# ================================================================== other languages
OL = "other-language"
# Korean
R(H, "question", "mobile", OL, None, "Short conceptual Swift question.",
  "스위프트에서 옵셔널 바인딩이 뭐예요? if let이랑 guard let 차이도 간단하게 알려주세요", language="ko")
R(S, "debug", "mobile", OL, None, "List performance with known optimisations.",
  "리액트 네이티브 FlatList 스크롤이 너무 버벅거려요. 아이템 500개 정도고 각각 이미지가 있어요. renderItem은 인라인 함수로 되어있어요. 어떻게 최적화하면 될까요?", language="ko")
R(O, "debug", "mobile", OL, "easy-words-hard", "Intermittent state loss on return suggests process death; no lead.",
  "안드로이드 앱이 가끔 백그라운드에 갔다가 돌아오면 입력한 데이터가 다 날아가요. 저희 폰에서는 재현이 잘 안 되고 사용자 몇 명만 그래요.", language="ko")
R(S, "implement", "mobile", OL, None, "Screen with clear spec.",
  "코틀린 컴포즈로 회원가입 화면 만들어 주세요. 이메일, 비밀번호, 비밀번호 확인, 약관 동의 체크박스, 유효성 검사 포함이요.", language="ko")
R(H, "question", "tooling", OL, None, "Single git command.",
  "git에서 로컬 브랜치 이름 바꾸는 명령어가 뭐예요?", language="ko")
R(O, "design", "mobile", OL, None, "Multiplayer server architecture for thousands of users.",
  "유니티로 실시간 멀티플레이 게임을 만들고 있는데 서버 구조를 어떻게 설계해야 할까요? 동시 접속 5천 명 정도, 방 하나에 8명, 치팅 방지도 필요해요.", language="ko")
R(H, "edit", "web", OL, "long-trivial", "Finding typos in a pasted stylesheet.",
  """이 CSS에서 오타 좀 찾아주세요. 적용이 안 되는 속성이 있는 것 같아요.

.card {
  display: flex;
  flex-direction: colum;
  padding: 16px;
  border-radius: 12px;
  backgroud-color: #fff;
  box-shadow: 0 2px 8px rgba(0,0,0,.08);
}
.card__title {
  font-size: 1.125rem;
  font-wieght: 600;
  margin-bottom: 8px;
}
.card__body {
  color: #4b5563;
  line-hieght: 1.5;
}
.card__footer {
  display: flex;
  justify-content: space-betwen;
  align-items: center;
  margin-top: 12px;
}""", language="ko")
R(S, "implement", "general", OL, None, "Standard data structure assignment.",
  "자료구조 과제인데 체이닝 방식 해시테이블을 C로 구현해야 해요. 삽입, 검색, 삭제, 그리고 로드팩터 넘으면 리사이즈까지요. 주석 많이 달아주세요.", language="ko")
R(O, "design", "mobile", OL, None, "Choosing a state architecture for a large team app with justification.",
  "플러터 상태관리 뭐 써야 할지 모르겠어요. 개발자 5명, 화면 60개 정도, 오프라인 지원 필요해요. riverpod이랑 bloc 중에 근거 있게 골라주세요.", language="ko")

# Turkish
R(H, "question", "mobile", OL, None, "Short conceptual Flutter question.",
  "Flutter'da ListView ile GridView arasındaki fark ne? Ne zaman hangisini kullanmalıyım?", language="tr")
R(H, "question", "web", OL, None, "Short React concept.",
  "React'te useMemo ne zaman kullanılmalı? Kısaca anlatır mısın, her yere koymak kötü mü?", language="tr")
R(H, "edit", "mobile", OL, None, "Mechanical JSON to Codable conversion.",
  """Bu JSON için Swift Codable struct yazar mısın?

{"id": 981, "username": "ayse_k", "avatar_url": "https://cdn.example.com/a/981.png", "followers": 1204, "is_verified": true, "joined_at": "2021-03-14T10:00:00Z"}""", language="tr")
R(O, "debug", "mobile", OL, "easy-words-hard", "Double payment race with no confirmed cause.",
  "Android uygulamamız bazen aynı siparişten iki kere ödeme alıyor. Kullanıcı butona hızlı basınca olabilir diye düşündük ama butonu kilitledik, yine oluyor. Nereden başlamalıyız?", language="tr")
R(S, "implement", "web", OL, None, "Store with clear spec.",
  "Vue projeme Pinia ile sepet store'u ekler misin? Ürün ekleme, silme, adet güncelleme, toplam fiyat getter'ı ve localStorage'a kaydetme olsun.", language="tr")
R(O, "design", "mobile", OL, None, "Save system with cloud sync and conflict resolution design.",
  "Mobil oyunumuz için kayıt sistemi tasarlamamız lazım. Oyuncular birden fazla cihazda oynayabiliyor, bulut senkronizasyonu ve çakışma çözümü olmalı, hile yapılmasın.", language="tr")
R(S, "debug", "mobile", OL, None, "Stack trace points directly at the cause.",
  """Bu stack trace'e göre hata nerede, nasıl düzeltirim?

FATAL EXCEPTION: main
Process: com.ornek.notlar, PID: 12044
kotlin.UninitializedPropertyAccessException: lateinit property adapter has not been initialized
    at com.ornek.notlar.ui.NotesFragment.getAdapter(NotesFragment.kt:24)
    at com.ornek.notlar.ui.NotesFragment.onNotesLoaded(NotesFragment.kt:88)
    at com.ornek.notlar.ui.NotesFragment.onViewCreated$lambda$2(NotesFragment.kt:51)

onViewCreated içinde önce viewModel.notes.observe ediyorum, sonra setupRecyclerView() çağırıyorum.""", language="tr")
R(H, "implement", "general", OL, None, "Textbook short function.",
  "Üniversite ödevim: tek yönlü bağlı listeyi ters çeviren fonksiyonu Java'da yazar mısın? Node sınıfı val ve next içeriyor.", language="tr")

# Hindi
R(H, "question", "web", OL, None, "Short conceptual React question.",
  "रिएक्ट में props और state में क्या अंतर है? आसान भाषा में समझाइए।", language="hi")
R(S, "debug", "mobile", OL, None, "Double API call with visible cause in code.",
  """मेरे Flutter ऐप में बटन दबाने पर API कॉल दो बार हो रही है। कोड नीचे है, क्या गलत है?

@override
Widget build(BuildContext context) {
  context.read<OrderCubit>().loadOrders();
  return BlocBuilder<OrderCubit, OrderState>(
    builder: (context, state) => ElevatedButton(
      onPressed: () => context.read<OrderCubit>().placeOrder(),
      child: const Text('ऑर्डर करें'),
    ),
  );
}""", language="hi")
R(O, "design", "mobile", OL, None, "Full app architecture with offline, payments and push.",
  "मुझे एक ई-कॉमर्स मोबाइल ऐप का पूरा आर्किटेक्चर डिज़ाइन करना है — ऑफ़लाइन सपोर्ट, पेमेंट, पुश नोटिफ़िकेशन और 10 लाख यूज़र्स के लिए। कौन से हिस्से कैसे बनाएँ और क्यों?", language="hi")
R(H, "question", "general", OL, None, "Beginner one-liner.",
  "पायथन में लिस्ट को उल्टा कैसे करें? reverse() और [::-1] में क्या फ़र्क है?", language="hi")
R(S, "implement", "mobile", OL, None, "Scheduled background work with clear spec.",
  "Android में WorkManager से हर 15 मिनट में सर्वर से डेटा सिंक करने का कोड लिखिए, सिर्फ़ इंटरनेट होने पर, और फ़ेल होने पर retry हो।", language="hi")
R(O, "debug", "mobile", OL, "easy-words-hard", "Gradual slowdown with no lead.",
  "हमारा गेम कुछ फ़ोनों पर आधे घंटे खेलने के बाद धीरे-धीरे धीमा हो जाता है। हर फ़ोन पर नहीं होता। पता नहीं क्यों।", language="hi")
R(H, "question", "general", OL, None, "Textbook comparison, short answer.",
  "merge sort और quick sort में कब कौन सा इस्तेमाल करें? परीक्षा के लिए छोटा जवाब चाहिए।", language="hi")

# Vietnamese
R(H, "question", "web", OL, None, "One CSS snippet.",
  "Làm sao để căn giữa một phần tử cả ngang lẫn dọc bằng CSS grid vậy?", language="vi")
R(H, "implement", "web", OL, None, "Well-known short utility function.",
  "Viết giúp mình hàm debounce bằng TypeScript, có kiểu generic cho tham số nha.", language="vi")
R(S, "debug", "mobile", OL, None, "Trace points at a missing runtime permission.",
  """App React Native của mình bị crash khi mở camera trên Android 13, log bên dưới:

E AndroidRuntime: FATAL EXCEPTION: main
E AndroidRuntime: java.lang.SecurityException: Permission Denial: starting Intent { act=android.media.action.IMAGE_CAPTURE cmp=com.android.camera/.Camera } from ProcessRecord{8a1f 12345:com.myapp/u0a321} with revoked permission android.permission.CAMERA
E AndroidRuntime:   at android.os.Parcel.createExceptionOrNull(Parcel.java:3011)
E AndroidRuntime:   at android.app.Instrumentation.execStartActivity(Instrumentation.java:1856)

Mình dùng react-native-image-picker bản 7.""", language="vi")
R(O, "design", "mobile", OL, None, "Realtime chat design with delivery and ordering guarantees.",
  "Thiết kế hệ thống chat realtime cho app mobile khoảng 100k người dùng, cần đảm bảo tin nhắn không bị mất, không bị trùng và đúng thứ tự, kể cả khi mất mạng rồi kết nối lại.", language="vi")
R(H, "explain", "mobile", OL, None, "Explaining a few lines.",
  """Giải thích giúp mình đoạn code Kotlin này làm gì:

val grouped = orders
    .filter { it.status == Status.PAID }
    .groupBy { it.createdAt.toLocalDate() }
    .mapValues { (_, list) -> list.sumOf { it.total } }""", language="vi")
R(S, "test", "mobile", OL, None, "Writing unit tests for an existing class.",
  "Viết unit test cho class CartViewModel của mình (thêm sản phẩm, xoá, áp mã giảm giá, tính tổng). Dùng JUnit5 + MockK, mình sẽ dán code class ở tin nhắn sau.", language="vi")
R(O, "question", "general", OL, None, "Formal proof for a student.",
  "Bài tập: chứng minh thuật toán Kruskal luôn cho ra cây khung nhỏ nhất. Cần chứng minh chặt chẽ, dùng tính chất lát cắt.", language="vi")
R(S, "edit", "mobile", OL, None, "Accessibility improvements to an existing screen.",
  "Thêm hỗ trợ VoiceOver cho màn hình thanh toán trong SwiftUI: các nút icon chưa có label, tổng tiền cần đọc đúng đơn vị tiền tệ, và nhóm các dòng sản phẩm lại. Code mình dán ở dưới.", language="vi")

# Indonesian
R(H, "question", "mobile", OL, None, "Short conceptual Flutter question.",
  "Apa bedanya StatelessWidget dan StatefulWidget di Flutter? Kapan pakai yang mana?", language="id")
R(H, "question", "databases", OL, None, "Single-table SQL select.",
  "Tolong buatkan query SQL untuk ambil 10 user terbaru dari tabel users berdasarkan created_at.", language="id")
R(O, "debug", "security", OL, "easy-words-hard", "Cross-account data leak with no lead.",
  "Aplikasi kami kadang-kadang menampilkan data milik user lain setelah ganti akun. Jarang terjadi, belum tahu penyebabnya, dan ini data pribadi.", language="id")
R(S, "implement", "web", OL, None, "Endpoint with clear spec.",
  "Buatkan endpoint Express untuk upload foto profil pakai multer: maksimal 2MB, hanya jpg/png, simpan ke S3, dan update kolom avatar_url user.", language="id")
R(S, "debug", "mobile", OL, None, "Known physics issue with identifiable fix.",
  "Game Unity saya: karakter bisa nembus tembok kalau lari sambil lompat. Saya gerakkan pakai transform.position += ..., ada Rigidbody dan BoxCollider.", language="id")
R(S, "refactor", "web", OL, None, "Routine refactor to a new API style.",
  """Gimana cara refactor komponen Vue ini jadi pakai Composition API dengan <script setup>?

export default {
  props: ['userId'],
  data() { return { user: null, loading: false } },
  computed: { fullName() { return this.user ? this.user.first + ' ' + this.user.last : '' } },
  watch: { userId: { immediate: true, handler: 'load' } },
  methods: {
    async load() {
      this.loading = true
      this.user = await api.getUser(this.userId)
      this.loading = false
    }
  }
}""", language="id")
R(O, "plan", "mobile", OL, None, "Modular architecture plan for a huge codebase.",
  "Rancang arsitektur modular untuk aplikasi Android kami yang sudah 300 ribu baris kode di satu modul, supaya build lebih cepat dan tim bisa kerja paralel. Urutan pemecahannya juga.", language="id")
R(H, "question", "web", OL, None, "Explaining a common error message.",
  "Apa arti error 'Unhandled Promise Rejection' di Node.js? Singkat aja.", language="id")

# ================================================================== follow-ups inside a chat
FU = "follow-up"
R(S, "implement", "general", FU, None, "Bare continuation: resume the previous multi-step answer.", "continue")
R(S, "implement", "general", FU, None, "Bare retry of the previous task.", "try again")
R(S, "implement", "web", FU, None, "Continuation of an unfinished implementation.", "keep going, u stopped in the middle of the reducer")
R(S, "test", "mobile", FU, None, "Writing tests for the code just produced.", "ok that worked!! now add tests for it")
R(S, "implement", "mobile", FU, None, "Repeating a feature for another screen, several steps.", "now do the same for the signup screen")
R(S, "debug", "mobile", FU, None, "Unspecific failure follow-up; needs re-debugging the previous change.", "still the same error 😩")
R(S, "debug", "mobile", FU, None, "Follow-up bug in the just-written code.", "hmm it compiles but the list is empty now")
R(S, "implement", "mobile", FU, None, "Extending the previous layout for another orientation.", "can you make it work in landscape too, the chart gets squished")
R(S, "implement", "mobile", FU, None, "Porting the previous implementation to the other platform.", "ok now the ios side pls, same behaviour")
R(S, "debug", "mobile", FU, None, "New issue after the previous fix, identifiable scope.", "that fixed the crash but now the card animation stutters when it flies off screen")
R(S, "implement", "mobile", FU, None, "Extending the feature with persistence.", "nice. can u also keep the inventory between scenes")
R(S, "implement", "mobile", FU, None, "Redo with the correct API version.", "wait thats the v5 api, im on v6")
R(S, "implement", "general", FU, None, "Bare continuation.", "go on")
R(S, "implement", "web", FU, None, "Retry with a constraint; several steps.", "try again but without any extra packages pls")
R(S, "implement", "web", FU, None, "Applying the same work to another codebase variant.", "perfect, now the same thing for the vue version of the app")
R(H, "edit", "web", FU, None, "Mechanical rename of what was just written.", "rename it to useDebouncedValue")
R(H, "docs", "general", FU, None, "Adding comments to a small snippet just produced.", "can you add short comments to that")
R(H, "docs", "general", FU, None, "Shortening a commit message.", "shorter commit msg pls, one line")
R(H, "edit", "web", FU, None, "One-value style change.", "make the button color #4f46e5 instead and the text white")
R(O, "design", "mobile", FU, None, "Extending sync design to concurrent offline edits is a consistency problem.",
  "ok that works for one device. what happens when the same user edits the same note on two phones offline and both come back online?")
R(O, "debug", "mobile", FU, None, "Reasoning about a failover race mid-event.",
  "and what if the master client disconnects exactly while the goal event is in flight? does your fix still hold")
R(O, "review", "security", FU, None, "Extending a review with an adversarial threat model.",
  "ok now look at the payments flow the same way, but assume the attacker fully controls the client")

# ================================================================== more sonnet
R(S, "implement", "mobile", "typos", None, "Custom view modifier with animation, a few pieces.",
  "swiftui shimmer loading effect as a ViewModifier so i can do .shimmering() on placeholder views. should respect reduce motion")
R(S, "implement", "web", "plain", None, "Auth store with SSR and client paths, clear spec.",
  "SvelteKit auth store: read the session from a cookie in hooks.server.ts, expose it via layout data, and keep a client-side store in sync after login/logout.")
R(S, "implement", "mobile", "typos", None, "Parser implementation with a clear target model.",
  """parse this rss into [Episode] in swift (title, audio url, duration in seconds, pubDate as Date). XMLParser or whatever is easiest

<item>
  <title>Ep 42: Shipping on Fridays</title>
  <enclosure url="https://cdn.pod.fm/ep42.mp3" length="48211234" type="audio/mpeg"/>
  <itunes:duration>00:52:11</itunes:duration>
  <pubDate>Tue, 04 Jun 2024 06:00:00 +0000</pubDate>
  <guid isPermaLink="false">pod-42</guid>
</item>""")
R(S, "implement", "mobile", "typos", None, "Camera follow with bounds, routine game code.",
  "unity 2d camera follow with SmoothDamp that clamps to the tilemap bounds so you never see outside the level. orthographic cam, different aspect ratios")
R(S, "debug", "mobile", "plain", None, "Known edge-to-edge insets issue with a standard fix.",
  "After calling enableEdgeToEdge() my TopAppBar draws under the status bar and the bottom button is hidden behind the gesture bar. Scaffold with Material3. How do I fix the insets properly?")
R(S, "implement", "mobile", "typos", None, "Simple single-device retry queue with a clear spec.",
  "rn hook that tracks online/offline with netinfo and retries failed POSTs when back online. just a simple in-memory + asyncstorage queue, single user, order doesnt matter")
R(S, "ops", "mobile", "plain", None, "Build profile configuration with known steps.",
  "Set up EAS build profiles for a dev client, an internal preview build, and production with auto-incremented build numbers. Also how do I pass different API URLs to each?")
R(S, "refactor", "web", "typos", None, "Rewrite of a small widget to vanilla JS with a11y.",
  """get rid of jquery in this carousel, vanilla js, and add left/right arrow key support

$(function () {
  var i = 0, $slides = $('.carousel .slide');
  function show(n) { $slides.removeClass('active').eq(n).addClass('active'); }
  $('.carousel .next').on('click', function () { i = (i + 1) % $slides.length; show(i); });
  $('.carousel .prev').on('click', function () { i = (i - 1 + $slides.length) % $slides.length; show(i); });
  setInterval(function () { $('.carousel .next').trigger('click'); }, 5000);
});""")
R(S, "implement", "mobile", "plain", None, "Textbook pathfinding on a grid, several details.",
  "Implement A* on my Unity Tilemap grid: 8-directional movement, no corner cutting past walls, octile heuristic. Return a List<Vector3Int>.")
R(S, "implement", "mobile", "typos", None, "UI component with clear behaviour.",
  "compose modal bottom sheet with filter chips (category, price range slider, in stock toggle), apply + reset buttons, and give the result back to the screen")
R(S, "ops", "mobile", "plain", None, "Library integration plus CI step.",
  "Add Sentry to our React Native app (bare workflow) with source maps and dSYMs uploaded from CI so stack traces are readable.")
R(S, "debug", "web", "typos", None, "Known Jest/ESM config error.",
  "jest: 'SyntaxError: Cannot use import statement outside a module' coming from node_modules/nanoid after i added it. how do i set transformIgnorePatterns for this")
R(S, "implement", "general", "typos", None, "Standard algorithm variant with explanation.",
  "quicksort in java with median of three pivot and insertion sort for small subarrays (<16), for algo lab. also explain why the cutoff is faster")
R(S, "implement", "mobile", "plain", None, "Custom navigation UI with a clear spec.",
  "SwiftUI custom tab bar with 4 tabs and a raised center '+' button that opens a sheet instead of switching tabs. Should hide when the keyboard is up.")
R(S, "ops", "tooling", "typos", None, "CI workflow with known steps.",
  "github action that runs flutter test --coverage and comments the coverage % on the PR, fail if under 60")
R(S, "implement", "mobile", "typos", None, "Game AI with clear states.",
  "godot 4 enemy: patrol between markers, chase player if raycast sees them within 200px, go back to patrol if lost for 3 sec. state machine pls")
R(S, "implement", "general", "plain", None, "Standard data structure plus ranking.",
  "Write a Trie in Python with insert(word, freq), search, starts_with, and autocomplete(prefix) returning the top 5 words by frequency.")
R(S, "debug", "web", "typos", None, "Stale state between routes, common React pattern.",
  "react router: going from /profile/1 to /profile/2 shows user 1's data for a sec and sometimes the old request finishes last and overwrites it. how to fix properly")
R(S, "implement", "web", "plain", None, "Accessible responsive navbar, several concerns.",
  "Make this navbar responsive with a hamburger menu under 768px. The menu button needs aria-expanded, Escape closes it, focus is trapped while open and returns to the button on close.")
R(S, "implement", "mobile", "typos", None, "Platform sharing integration with a FileProvider.",
  "share an image from my android app to instagram stories, i have the bitmap. need the FileProvider setup and the intent")
R(S, "implement", "mobile", "plain", None, "Custom Flow operator with clear spec.",
  "Write a Kotlin Flow extension retryWithBackoff(max = 5) that only retries on IOException, with exponential delay starting at 500ms and jitter.")
R(S, "explain", "mobile", "typos", None, "Explaining a shader of moderate size.",
  """found this water shader, can u explain what each part does? i want to change the wave speed and foam

Shader "Custom/StylizedWater" {
  Properties {
    _ShallowColor ("Shallow", Color) = (0.3, 0.8, 0.9, 0.7)
    _DeepColor ("Deep", Color) = (0.05, 0.2, 0.4, 0.95)
    _DepthMax ("Depth Max", Float) = 1.5
    _NoiseTex ("Noise", 2D) = "white" {}
    _Speed ("Wave Speed", Vector) = (0.03, 0.03, 0, 0)
    _FoamDist ("Foam Distance", Float) = 0.4
    _Cutoff ("Noise Cutoff", Range(0,1)) = 0.777
  }
  SubShader {
    Tags { "Queue"="Transparent" }
    Blend SrcAlpha OneMinusSrcAlpha
    ZWrite Off
    Pass {
      CGPROGRAM
      #pragma vertex vert
      #pragma fragment frag
      #include "UnityCG.cginc"
      sampler2D _CameraDepthTexture; sampler2D _NoiseTex; float4 _NoiseTex_ST;
      float4 _ShallowColor, _DeepColor, _Speed; float _DepthMax, _FoamDist, _Cutoff;
      struct v2f { float4 pos : SV_POSITION; float4 screen : TEXCOORD0; float2 uv : TEXCOORD1; };
      v2f vert (appdata_base v) {
        v2f o; o.pos = UnityObjectToClipPos(v.vertex);
        o.screen = ComputeScreenPos(o.pos);
        o.uv = TRANSFORM_TEX(v.texcoord, _NoiseTex);
        return o;
      }
      float4 frag (v2f i) : SV_Target {
        float raw = tex2Dproj(_CameraDepthTexture, UNITY_PROJ_COORD(i.screen)).r;
        float diff = LinearEyeDepth(raw) - i.screen.w;
        float t = saturate(diff / _DepthMax);
        float4 col = lerp(_ShallowColor, _DeepColor, t);
        float foamT = saturate(diff / _FoamDist);
        float cutoff = foamT * _Cutoff;
        float n = tex2D(_NoiseTex, i.uv + _Time.y * _Speed.xy).r;
        float foam = n > cutoff ? 1 : 0;
        return col + foam;
      }
      ENDCG
    }
  }
}""")
R(S, "refactor", "web", "plain", None, "Typed API client refactor over a dozen endpoints.",
  "Replace our scattered fetch calls (12 endpoints) with a small typed API client in TypeScript that validates responses with zod and throws typed errors. I'll paste the current calls.")
R(S, "implement", "tooling", "typos", None, "Asset pipeline script with a clear spec.",
  "python script: take every png in ./raw, make @1x @2x @3x versions (raw is @3x) into an xcassets folder with the right Contents.json for each imageset")
R(S, "implement", "mobile", "plain", None, "List animations with known APIs.",
  "Animate adding and removing items in my Compose LazyColumn: fade + slide for removals, smooth reordering when the list is sorted. Compose BOM 2024.05.")
R(S, "ops", "web", "typos", None, "Build config with a typed module, routine.",
  "vite react: env vars for dev / staging / prod builds + a typed config.ts that fails at startup if something is missing")
R(S, "debug", "mobile", "plain", None, "Trace points at a fragment lifecycle misuse.",
  """Crashlytics top crash, any idea?

Fatal Exception: java.lang.IllegalStateException: Fragment ProfileFragment{4e2a1c0} (b7d3...) not attached to a context.
       at androidx.fragment.app.Fragment.requireContext(Fragment.java:972)
       at com.trailmate.ui.profile.ProfileFragment.showBadges(ProfileFragment.kt:143)
       at com.trailmate.ui.profile.ProfileFragment$loadBadges$1.onResponse(ProfileFragment.kt:121)
       at retrofit2.DefaultCallAdapterFactory$ExecutorCallbackCall$1.lambda$onResponse$0(DefaultCallAdapterFactory.java:89)
       at android.os.Handler.handleCallback(Handler.java:958)
       at android.os.Looper.loop(Looper.java:294)

loadBadges() does api.badges().enqueue(object : Callback ...) in onViewCreated.""")
R(S, "implement", "web", "typos", None, "Component with clear spec.",
  "react date range picker for a booking site: disable past dates and already booked ranges (from api), min 2 nights, keyboard navigable. can use date-fns")
R(S, "debug", "mobile", "typos", None, "Common iOS layout warning with identifiable cause.",
  """getting this spam in the console when the keyboard opens, app works but idk what to fix

[LayoutConstraints] Unable to simultaneously satisfy constraints.
	Probably at least one of the constraints in the following list is one you don't want.
(
    "<NSLayoutConstraint:0x600002b1c0f0 UIView:0x7fa1c2d0.height == 56   (active)>",
    "<NSLayoutConstraint:0x600002b1c320 V:|-(0)-[UIView:0x7fa1c2d0]   (active, names: '|':UIStackView:0x7fa1c0e0 )>",
    "<NSLayoutConstraint:0x600002b1c370 V:[UIView:0x7fa1c2d0]-(0)-|   (active, names: '|':UIStackView:0x7fa1c0e0 )>",
    "<NSLayoutConstraint:0x600002b1d1d0 'UIView-Encapsulated-Layout-Height' UIStackView:0x7fa1c0e0.height == 44   (active)>"
)

Will attempt to recover by breaking constraint 
<NSLayoutConstraint:0x600002b1c0f0 UIView:0x7fa1c2d0.height == 56   (active)>

its my custom inputAccessoryView""")
R(S, "implement", "general", "plain", None, "Classic algorithm implementation with union-find.",
  "Implement Kruskal's MST in C++ with a union-find (path compression + union by rank). Input: n, list of edges (u, v, w). Output the total weight and the edges.")
R(S, "review", "mobile", "typos", None, "Routine code review of a moderate snippet.",
  """quick review? its my first real swiftui view, anything bad?

struct ProfileView: View {
    @ObservedObject var vm = ProfileViewModel()
    var body: some View {
        VStack {
            if vm.user != nil {
                AsyncImage(url: URL(string: vm.user!.avatar))
                    .frame(width: 80, height: 80)
                Text(vm.user!.name).font(.title)
                Text("\\(vm.user!.followers) followers")
            }
            Button("Reload") { vm.load() }
        }
        .onAppear { vm.load() }
    }
}""")

# ================================================================== more opus
R(O, "design", "mobile", "plain", None, "Cross-platform notification system design with dedup and preferences.",
  "Design notification delivery for iOS, Android and web: per-user preferences, quiet hours in the user's time zone, daily digest batching, and no duplicates when someone has four devices logged in.")
R(O, "debug", "mobile", "verbose", None, "Native crash on subset of devices needs cross-layer theory.",
  "Our Unity IL2CPP Android build crashes in native code (SIGSEGV in libunity.so) on some Mali GPU devices only, right when a particular scene with a custom shader loads. Works on Adreno. The tombstone has no symbols from our code. Vulkan and GLES3 both enabled. How would you narrow this down?")
R(O, "implement", "general", "terse", "short-hard", "Bounded lock-free MPMC queue is subtle concurrency.",
  "bounded MPMC queue in c# with Interlocked, no locks")
R(O, "debug", "mobile", "plain", None, "Performance regression across many commits needs analysis.",
  "Our React Native app's time-to-interactive went from 1.2s to 3.5s between two releases with about 400 commits in between. Hermes in both. How do we find what caused it without bisecting 400 commits by hand, and what are the usual suspects?")
R(O, "debug", "mobile", "typos", None, "Frame drops tied to layout passes need profile analysis.",
  "compose screen drops frames only when the keyboard opens on pixel 7, perfetto shows long measure passes in our LazyColumn (like 40ms). no idea which composable")
R(O, "plan", "security", "plain", None, "Cross-system data deletion plan with compliance stakes.",
  "A user asks us to delete all their data (GDPR). It lives in our Postgres, Firebase Analytics, Crashlytics, S3 photo backups, Mixpanel, and nightly database backups. Plan how to do deletion properly and prove it happened.")
R(O, "design", "web", "typos", None, "Real-time collaboration architecture choice.",
  "we're adding google-docs-style live editing to our notes web app. yjs vs automerge vs rolling our own OT on the server? 50k DAU, need offline + version history")
R(O, "debug", "web", "plain", "easy-words-hard", "Timezone/date bug only for some users, no lead.",
  "Some customers in Australia see their bookings on the wrong day. Everyone else is fine. It started sometime last month. Nobody remembers changing anything about dates.")

# ================================================================== very long pasted material
R(H, "question", "mobile", "typos", "long-trivial", "Counting one kind of line in a long log is mechanical.",
  "heres my logcat from opening the app and scrolling the feed for a bit. how many times does it say 'Skipped ... frames'? just the count, im tracking it before/after a change\n\n"
  + gen_logcat(101, 300))
R(H, "edit", "mobile", "plain", "long-trivial", "Adding MARK comments above each type is mechanical.",
  "Add a `// MARK: - <TypeName>` line above every struct, protocol and class in this file. Don't change anything else.\n\n```swift\n"
  + gen_swift_models(202, 30) + "\n```")
R(H, "edit", "mobile", "typos", "long-trivial", "Sorting XML entries by key is mechanical.",
  "sort the <string> entries by name alphabetically, keep app_name first and the plurals at the bottom. our translators keep complaining lol\n\n"
  + gen_strings_xml(303))
R(H, "question", "web", "typos", "long-trivial", "Finding one entry in a long lockfile.",
  "package.json says \"react-native-reanimated\": \"^3.6.0\" but which version actually got resolved in yarn.lock? pasting it\n\n"
  + gen_yarn_lock(404))
R(O, "plan", "mobile", "verbose", None, "Decomposing a god class with save compatibility under a deadline needs a careful plan.",
  "This is our GameManager.cs. It does saving, economy, shop, audio, enemies, UI, ads and level flow, and everything references GameManager.Instance. We ship in three weeks and also want to add cloud saves next quarter. Can you plan how to split this into separate systems step by step without breaking existing save files or the IAP restore flow, and say what we should NOT touch before launch?\n\n```csharp\n"
  + gen_unity_gamemanager(505) + "\n```")
R(O, "debug", "mobile", "plain", None, "Crash with varying threads and no reproduction: memory-corruption theory needed.",
  "Three crash reports from the same week. They started after we added image prefetching to the feed. The crashed thread and top frames differ each time, we can't reproduce it, and TSan shows nothing in debug. What's going on and how do we prove it?\n\n"
  + gen_ios_crash(606, 3))
R(H, "question", "web", "typos", "long-trivial", "Extracting URLs from a long file is mechanical.",
  "can u list every api endpoint this file calls (just the paths, deduped)? need it for the backend team\n\n```jsx\n"
  + gen_react_file(707, 22) + "\n```")
R(H, "question", "web", "typos", "long-trivial", "Finding one rule in a long stylesheet.",
  "where does .btn-primary get its background from in here?? devtools shows a gradient but i cant find it, file is huge\n\n```css\n"
  + gen_css(808, 260) + "\n```")
R(S, "debug", "mobile", "plain", None, "Long build log, but the error names the conflicting dependencies directly.",
  "Build broke after I bumped Kotlin to 1.9.22. Full output below, what do I change?\n\n"
  + gen_gradle_log(909))
R(O, "debug", "mobile", "verbose", None, "Scroll jank analysis from a raw trace needs performance reasoning across threads.",
  "Scrolling our React Native feed (FlatList, ~500 items with images) janks badly on a Pixel 4a, fine on iPhone. I exported a trace of about 3 seconds of scrolling, converted to this JSON. Where is the time actually going, what's causing the long frames, and what would you change in the architecture of the list to fix it?\n\n"
  + gen_trace_json(1010, 300))
R(H, "edit", "mobile", "typos", "long-trivial", "Renaming one identifier across a file is mechanical.",
  "rename player_hp to player_health everywhere in this (also max_player_hp -> max_player_health and the signal name). nothing else pls\n\n```gdscript\n"
  + gen_gdscript(1111, 26000) + "\n```")
R(O, "debug", "security", "plain", "easy-words-hard", "Cross-user data exposure at the cache layer; security stakes and no confirmed cause.",
  "A few users reported seeing someone else's cart right after logging in. Here's a slice of our CDN/API gateway log from the evening it happened. We don't know where to start.\n\n"
  + gen_gateway_log(1212, 170))
R(H, "question", "data", "typos", "long-trivial", "A one-line pandas groupby; the paste only shows columns.",
  "pandas one liner to get the average final per section from this? pasting the csv so u see the columns. its for my TA job\n\n"
  + gen_grades_csv(1313, 520))
R(O, "review", "mobile", "plain", None, "Concurrency review of shared mutable state in coroutine sync code.",
  "Our habit app sometimes uploads the same check-in twice and sometimes loses one after a sync. Here's the sync repository. Please review it for concurrency problems and tell me what a correct design would look like.\n\n```kotlin\n"
  + gen_kotlin_sync(1414) + "\n```")

# ------------------------------------------------------------------ writer
def write():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "w14.jsonl")
    with open(out, "w", encoding="utf-8") as f:
        for i, row in enumerate(ROWS, 1):
            r = {"id": f"w14-{i:04d}", **row}
            f.write(json.dumps(r, ensure_ascii=False) + "\n")

if __name__ == "__main__":
    write()
