// swift-tools-version:6.1
import PackageDescription

/// Settings every Zorgbrug target shares: Swift 6 language mode (strict concurrency) and warnings as
/// errors in CI, so that "no warnings" is checked rather than hoped for.
let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Zorgbrug",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "zorgbrug", targets: ["zorgbrug"]),
        .library(name: "ZorgbrugClient", targets: ["ZorgbrugClient"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.0.0"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.7.1"),
    ],
    targets: [
        // System libraries: one module map each, nothing else.
        .systemLibrary(
            name: "CMicroHTTPD",
            pkgConfig: "libmicrohttpd",
            providers: [.apt(["libmicrohttpd-dev"])]
        ),
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),

        // FHIR R4 value types and JSON. No dependencies.
        .target(name: "FHIR", swiftSettings: strict),
        // Domain rules. Pure: no I/O, no HTTP, no SQL.
        .target(name: "ZorgbrugCore", dependencies: ["FHIR"], swiftSettings: strict),
        // Secrets, token hashing and client-assertion checks (swift-crypto and jwt-kit live here only).
        .target(
            name: "Credentials",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "JWTKit", package: "jwt-kit"),
            ],
            swiftSettings: strict
        ),
        // Persistence (GRDB lives here only).
        .target(
            name: "ZorgbrugStore",
            dependencies: [
                "ZorgbrugCore", "FHIR",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        // The libmicrohttpd wrapper. Knows nothing of FHIR.
        .target(
            name: "HTTPServer",
            dependencies: ["CMicroHTTPD", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),
        // Routes, authentication, the FHIR error mapping.
        .target(
            name: "ZorgbrugAPI",
            dependencies: [
                "FHIR", "ZorgbrugCore", "ZorgbrugStore", "HTTPServer", "Credentials",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // Typed HTTP client over libcurl, for the CLI and the end-to-end tests.
        .target(name: "ZorgbrugClient", dependencies: ["CCurl", "FHIR"], swiftSettings: strict),
        .executableTarget(
            name: "zorgbrug",
            dependencies: [
                "ZorgbrugAPI", "ZorgbrugStore", "ZorgbrugCore", "FHIR", "HTTPServer", "Credentials",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "ZorgbrugBench",
            dependencies: [
                "ZorgbrugAPI", "ZorgbrugStore", "ZorgbrugCore", "FHIR", "HTTPServer", "ZorgbrugClient",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/ZorgbrugBench",
            swiftSettings: strict
        ),

        .testTarget(name: "FHIRTests", dependencies: ["FHIR"], swiftSettings: strict),
        .testTarget(name: "ZorgbrugCoreTests", dependencies: ["ZorgbrugCore", "FHIR"], swiftSettings: strict),
        .testTarget(name: "CredentialsTests", dependencies: ["Credentials"], swiftSettings: strict),
        .testTarget(name: "ZorgbrugStoreTests", dependencies: ["ZorgbrugStore", "ZorgbrugCore", "FHIR"], swiftSettings: strict),
        // One raw TCP client for the test targets that speak HTTP by hand (not a product).
        .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: strict),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "ZorgbrugClientTests", dependencies: ["ZorgbrugClient", "FHIR", "TestSupport"], swiftSettings: strict),
        // Runs the built `zorgbrug` executable as an operator would (it is found next to the test bundle).
        .testTarget(
            name: "ZorgbrugCLITests",
            dependencies: [
                "ZorgbrugClient", "ZorgbrugStore", "FHIR", "TestSupport", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ZorgbrugAPITests",
            dependencies: [
                "ZorgbrugAPI", "ZorgbrugStore", "ZorgbrugCore", "FHIR", "HTTPServer", "Credentials", "ZorgbrugClient",
                "TestSupport",
            ],
            swiftSettings: strict
        ),
    ]
)
