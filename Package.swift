// swift-tools-version:6.1
import PackageDescription

// Linux (Debian, Ubuntu) only: the code calls glibc directly and links Debian's libcmark
// and SQLite (docs/architecture.md).
let package = Package(
    name: "Between",
    products: [
        .executable(name: "between", targets: ["between"]),
        .library(name: "BetweenKit", targets: ["BetweenCore", "BetweenIndex", "BetweenKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Minor versions only: YAMLEventReader reads Yams' own libyaml (its CYaml target),
        // which a new major version may rename or drop (docs/architecture.md).
        .package(url: "https://github.com/jpsim/Yams", .upToNextMinor(from: "6.2.2")),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // Support helpers, dates, diagnostics, front matter, Markdown, the model, the vault: from files to entries.
        .target(
            name: "BetweenCore",
            dependencies: [
                "CCmark",
                .product(name: "Yams", package: "Yams"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            plugins: ["EmbedTemplates"]
        ),
        // The query language and the index (GRDB over SQLite): the only code that knows SQL.
        .target(
            name: "BetweenIndex",
            dependencies: [
                "BetweenCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C interface, for the authorizer `between sql` runs a person's SQL under.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            plugins: ["SourceFingerprint"]
        ),
        // The digest and its reports (Mustache), cope, output formats, capture, git, encryption, the schema.
        .target(
            name: "BetweenKit",
            dependencies: [
                "BetweenCore",
                "BetweenIndex",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // What the build plugins' tools share: writing the source they generate.
        .target(name: "GeneratedSource"),
        // Compiles the top-level templates/ folder into BetweenCore (BuiltinTemplates.files): the
        // model reads the entry templates' field comments, the kit renders them.
        .executableTarget(name: "EmbedTemplatesTool", dependencies: ["GeneratedSource"]),
        .plugin(name: "EmbedTemplates", capability: .buildTool(), dependencies: ["EmbedTemplatesTool"]),
        // Hashes the sources of BetweenCore and BetweenIndex, the templates and the dependency
        // versions into BetweenIndex (BuildFingerprint.sources): an index another build wrote is rebuilt.
        .executableTarget(name: "SourceFingerprintTool", dependencies: ["GeneratedSource"]),
        .plugin(name: "SourceFingerprint", capability: .buildTool(), dependencies: ["SourceFingerprintTool"]),
        .executableTarget(
            name: "between",
            dependencies: [
                "BetweenCore",
                "BetweenIndex",
                "BetweenKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "BetweenKitTests", dependencies: [
            "BetweenCore",
            "BetweenIndex",
            "BetweenKit",
            // White-box tests of the index read its tables with SQL.
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "PropertyBased", package: "swift-property-based"),
        ], exclude: ["Goldens"]), // read from the source tree by GoldenFile, so re-recording edits them in place
    ],
    swiftLanguageModes: [.v6]
)
