// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "hedgebook",
    products: [
        .executable(name: "hedgebook", targets: ["hedgebook"]),
        .library(name: "HedgebookModel", targets: ["HedgebookModel"]),
        .library(name: "HedgebookShell", targets: ["HedgebookShell"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // MARK: - The model: pricing, the condor, sizing, the hedge, the journal (pure)
        .target(name: "HedgebookModel"),

        // MARK: - The shell: language, session, rendering (no terminal)
        .target(name: "HedgebookShell", dependencies: ["HedgebookModel", "CSQLite"]),

        // MARK: - Market history: SQLite's C API (only History/SQLiteDatabase.swift imports it)
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),

        // MARK: - The terminal: libedit behind a shim, and the thin executable
        .systemLibrary(
            name: "CLibedit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .executableTarget(
            name: "hedgebook",
            dependencies: [
                "HedgebookShell",
                "CLibedit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: - Benchmarks (make bench)
        .executableTarget(
            name: "hedgebook-bench",
            dependencies: ["HedgebookModel", "HedgebookShell"]
        ),

        // MARK: - Tests
        .testTarget(
            name: "HedgebookModelTests",
            dependencies: [
                "HedgebookModel",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "HedgebookShellTests",
            dependencies: [
                "HedgebookShell",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["HedgebookShell"]
        ),
    ]
)
