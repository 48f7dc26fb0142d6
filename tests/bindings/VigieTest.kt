// Binding smoke test: proves the Kotlin bridge end to end; the Rust logic is tested in Rust.
package org.vigie.test

import org.vigie.ApiException
import org.vigie.Engine
import org.vigie.core.AppInfo
import org.vigie.core.CheckOptions
import org.vigie.core.Checklist
import org.vigie.core.DeviceSnapshot
import org.vigie.core.Platform
import org.vigie.core.Message
import org.vigie.core.InputKind
import org.vigie.core.Risk
import org.vigie.core.SignalKind
import org.vigie.core.Technique
import org.vigie.uniffiEnsureInitialized

var passed = 0
var failed = 0

fun check(name: String, cond: Boolean, detail: () -> String = { "" }) {
    if (cond) {
        passed++
        println("ok   $name")
    } else {
        failed++
        println("FAIL $name ${detail()}")
    }
}

fun main(args: Array<String>) {
    // Checks the contract version and every API checksum: stale bindings fail here.
    uniffiEnsureInitialized()

    val engine = Engine()
    engine.warmUp()
    check("pack info", engine.packInfo().packId == "org.vigie.default")

    // Emoji (surrogate pairs) and CJK before the match: UTF-16 offsets must still slice right.
    val offer = "😀🚀 招聘 — Offre d'emploi : service client à Sihanoukville, salaire élevé, " +
        "aucune expérience demandée. Frais d'inscription de 300 USD à payer avant le départ. " +
        "Envoyez une photo de votre passeport sur Telegram @rh_recrut88. L'entreprise garde votre passeport à l'arrivée."
    val report = engine.checkOffer(offer, CheckOptions(lang = "fr"))
    check("french scam is high", report.risk == Risk.HIGH) { "risk=${report.risk} score=${report.score}" }
    check("language detected", report.language == "fr") { report.language }
    check("has findings", report.findings.isNotEmpty())
    var sliced = 0
    for (f in report.findings) {
        for (e in f.evidence) {
            val s = offer.substring(e.startUtf16.toInt(), e.endUtf16.toInt())
            check("evidence ${f.ruleId} slices the Kotlin string", s == e.text) { "'$s' != '${e.text}'" }
            sliced++
        }
    }
    check("evidence present", sliced > 0)
    check("explanations localized", report.findings.all { it.title.isNotBlank() && it.advice.isNotBlank() })
    check("entities extracted", report.entities.any { it.value == "@rh_recrut88" })

    val chat = listOf(
        Message(sender = "recruiter", text = "Hello! Let's continue on Telegram, add me @hr_lisa"),
        Message(sender = "me", text = "ok"),
        Message(sender = "recruiter", text = "Send a photo of your passport and pay the visa processing fee of 200 USD"),
    )
    val conv = engine.checkConversation(chat, CheckOptions(lang = null))
    check("conversation adds up", conv.risk == Risk.HIGH || conv.risk == Risk.MEDIUM) { "risk=${conv.risk}" }
    check("conversation evidence points at messages", conv.findings.flatMap { it.evidence }.all { e ->
        val i = e.messageIndex!!.toInt()
        chat[i].text.substring(e.startUtf16.toInt(), e.endUtf16.toInt()) == e.text
    })

    // Links: a Cyrillic look-alike of a brand, a brand's own site, an e-mail, a refused input.
    val look = engine.checkUrl("https://аmazon-careers.top/apply")
    check("lookalike link is high", look.risk == Risk.HIGH) { "risk=${look.risk}" }
    val sig = look.signals.firstOrNull { it.kind == SignalKind.LOOKALIKE }
    check("lookalike names the brand domain", sig?.brandDomain == "amazon.com" && sig.technique == Technique.COMBO) { "$sig" }
    check("punycode host and unicode form", look.host.startsWith("xn--") && look.hostUnicode.startsWith("аmazon")) { look.host }
    val own = engine.checkUrl("https://jobs.apple.com/en-us/search")
    check("official domain is quiet", own.risk == Risk.NONE && own.registrableDomain == "apple.com" && own.officialBrand == "Apple")
    val mail = engine.checkUrl("deloitte.hr@gmail.com")
    check("e-mail kind and free mail", mail.kind == InputKind.EMAIL && mail.signals.any { it.kind == SignalKind.FREE_MAIL })
    try {
        engine.checkUrl("")
        check("empty link raises", false)
    } catch (e: ApiException.InvalidInput) {
        check("empty link raises ApiException.InvalidInput", true)
    }

    try {
        Engine.fromPack(byteArrayOf(1, 2, 3, 4))
        check("bad pack raises", false)
    } catch (e: ApiException.InvalidPack) {
        check("bad pack raises ApiException.InvalidPack", true)
    }
    try {
        engine.checkOffer("   ", CheckOptions(lang = null))
        check("empty text raises", false)
    } catch (e: ApiException.InvalidInput) {
        check("empty text raises ApiException.InvalidInput", true)
    }
    // The old engine still works after a refused update.
    check("engine still works", engine.checkOffer(offer, CheckOptions(lang = "en")).risk == Risk.HIGH)

    // Device audit, from JSON (unknown fields tolerated) and from records.
    val snapshotJson = """{"platform": "android", "future_field": 1,
        "apps": [{"id": "org.example.devicecare", "label": "Device Health Service",
                  "installer": "com.android.packageinstaller", "launcher_icon": false,
                  "permissions": ["android.permission.READ_SMS", "android.permission.RECORD_AUDIO",
                                  "android.permission.ACCESS_BACKGROUND_LOCATION"]}],
        "accessibility_services": ["org.example.devicecare/.Helper"],
        "device_admins": ["org.example.devicecare/.Admin"]}"""
    val audit = engine.auditDeviceJson(snapshotJson, CheckOptions(lang = "fr"))
    check("covert monitor is high", audit.risk == Risk.HIGH) { "risk=${audit.risk}" }
    val top = audit.findings.first()
    check("finding names the app", top.app == "org.example.devicecare") { "${top.app}" }
    check("finding category", top.category == "stalkerware") { top.category }
    check("device advice localized", audit.outputLanguage == "fr" && top.advice.isNotBlank() && audit.advice.size == 4)
    val ios = DeviceSnapshot(
        platform = Platform.IOS,
        checklist = Checklist(locationSharedFindMy = true),
    )
    val shared = engine.auditDevice(ios, CheckOptions(lang = null))
    check("find my sharing is flagged", shared.findings.any { it.category == "location_sharing" && it.app == null })
    val clean = engine.auditDevice(
        DeviceSnapshot(platform = Platform.ANDROID, apps = listOf(AppInfo(id = "org.example.notes", installer = "com.android.vending"))),
        CheckOptions(lang = "es"),
    )
    check("clean phone has no findings", clean.risk == Risk.NONE && clean.appsChecked == 1u) { "risk=${clean.risk}" }
    try {
        engine.auditDeviceJson("{ not json", CheckOptions(lang = null))
        check("malformed snapshot raises", false)
    } catch (e: ApiException.InvalidInput) {
        check("malformed snapshot raises ApiException.InvalidInput", true)
    }

    engine.close()
    try {
        engine.packInfo()
        check("closed engine refuses calls", false)
    } catch (e: IllegalStateException) {
        check("closed engine refuses calls", true)
    }

    println("kotlin: $passed passed, $failed failed")
    if (failed > 0) kotlin.system.exitProcess(1)
}
