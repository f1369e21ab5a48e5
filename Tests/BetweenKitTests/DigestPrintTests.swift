import Foundation
import Testing

/// The HTML digest as a browser prints it: headless Chromium turns the example vault's
/// digest into a PDF, on A4 and on Letter, and the pages are counted. Skipped where
/// Chromium is not installed (`make test` installs it), except under CI (`CI` set),
/// where a missing Chromium is a failure.
@Suite struct DigestPrintTests {
    /// The most pages the example digest may take: a therapist reads it in two minutes.
    static let pageLimit = 3

    static let browser: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return "\(folder)/\(name)"
            }
        }
        return nil
    }()

    static let underCI = ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } ?? false

    @Test(.enabled(if: browser != nil || underCI, "Chromium is not installed (`make deps` installs it)"))
    func theExampleDigestPrintsOnAtMostThreePages() throws {
        guard let browser = Self.browser else {
            Issue.record("Chromium is not installed, and under CI the print check must run: `make deps` installs it")
            return
        }
        let vault = try TemporaryVault.copyOfExample()
        defer { vault.remove() }
        let html = vault.root + "/prep.html"
        let result = try CLI.run(["digest", "--vault", vault.root, "--since", "2026-11-17", "--until", "2026-11-26", "--format", "html", "-o", html],
                                 environment: ["BETWEEN_TODAY": "2026-11-26"])
        #expect(result.status == 0, "\(result.stderr)")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        // The page leaves the paper size to the browser; choosing A4 is what a person does in the print dialog.
        for (paper, style) in [("A4", "<style>@page { size: A4; }</style>"), ("Letter", "<style>@page { size: letter; }</style>")] {
            let source = vault.root + "/prep-\(paper).html"
            try page.replacingOccurrences(of: "</head>", with: style + "</head>").write(toFile: source, atomically: true, encoding: .utf8)
            let pdf = vault.root + "/prep-\(paper).pdf"
            try print(source, to: pdf, with: browser, profile: vault.root + "/.chromium-\(paper)")
            let pages = try Self.pageCount(of: pdf)
            #expect((1...Self.pageLimit).contains(pages), "the example digest prints on \(pages) \(paper) pages")
        }
    }

    /// Prints `source` to `pdf` with headless Chromium, giving up after two minutes.
    private func print(_ source: String, to pdf: String, with browser: String, profile: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--user-data-dir=\(profile)",
                             "--print-to-pdf=\(pdf)", URL(fileURLWithPath: source).absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        if done.wait(timeout: .now() + 120) == .timedOut {
            process.terminate()
            Issue.record("Chromium did not finish printing within two minutes")
        }
        #expect(FileManager.default.fileExists(atPath: pdf), "Chromium wrote no PDF")
    }

    /// The number of page objects (`/Type /Page`, not `/Pages`) in a PDF as Chromium writes it.
    static func pageCount(of pdf: String) throws -> Int {
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: pdf)), as: UTF8.self)
        return text.ranges(of: /\/Type\s*\/Page(?![a-zA-Z])/).count
    }
}
