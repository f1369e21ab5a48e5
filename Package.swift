// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Between",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "between", targets: ["between"]),
        .library(name: "BetweenKit", targets: ["BetweenKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
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
        .target(
            name: "BetweenKit",
            dependencies: [
                "CCmark",
                .product(name: "Yams", package: "Yams"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C interface, for the authorizer `between sql` runs a person's SQL under.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            plugins: ["EmbedTemplates"]
        ),
        // Compiles the top-level templates/ folder into BetweenKit (BuiltinTemplates.files).
        .executableTarget(name: "EmbedTemplatesTool"),
        .plugin(name: "EmbedTemplates", capability: .buildTool(), dependencies: ["EmbedTemplatesTool"]),
        .executableTarget(
            name: "between",
            dependencies: [
                "BetweenKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "BetweenKitTests", dependencies: [
            "BetweenKit",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ], exclude: ["Goldens"]), // read from the source tree by GoldenFile, so re-recording edits them in place
    ],
    swiftLanguageModes: [.v6]
)
