import Foundation
import PackagePlugin

/// Builds what gilrec carries inside its binary, so a copied `gilrec` needs no files beside it:
/// - libgilrec.so, the library preloaded into a real CPython (`Sources/GILRecPreload/*.c`), compiled by the
///   toolchain's clang as a plain C shared library (SwiftPM's own dynamic products link the Swift runtime,
///   which must not enter the recorded process), and the start-up code `sitecustomize.py`;
/// both embedded in base64 by `gilrec-embed` as `EmbeddedFiles` in the target the plugin is applied to.
@main
struct EmbedFiles: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let package = context.package.directoryURL
        let preload = package.appending(path: "Sources/GILRecPreload")
        let include = package.appending(path: "Sources/CGILRecShared/include")
        let work = context.pluginWorkDirectoryURL
        let sources = try FileManager.default.contentsOfDirectory(atPath: preload.path)
            .filter { $0.hasSuffix(".c") }.sorted().map { preload.appending(path: $0) }
        let headers = [preload.appending(path: "preload.h"), include.appending(path: "gilrec_shared.h")]
        let library = work.appending(path: "libgilrec.so")
        let startup = preload.appending(path: "sitecustomize.py")
        let generated = work.appending(path: "EmbeddedFiles.swift")
        let clang = try context.tool(named: "clang")
        let embed = try context.tool(named: "gilrec-embed")
        return [
            .buildCommand(
                displayName: "Compiling libgilrec.so (preloaded into CPython)",
                executable: clang.url,
                arguments: [
                    "-shared", "-fPIC", "-O2", "-fvisibility=hidden", "-std=gnu11", "-Wall", "-Wextra",
                    "-I", include.path, "-o", library.path,
                ] + sources.map(\.path) + ["-ldl"],
                inputFiles: sources + headers,
                outputFiles: [library]),
            .buildCommand(
                displayName: "Embedding libgilrec.so and sitecustomize.py",
                executable: embed.url,
                arguments: [
                    generated.path, "EmbeddedFiles", "preloadLibrary=\(library.path)", "sitecustomize=\(startup.path)",
                ],
                inputFiles: [library, startup],
                outputFiles: [generated]),
        ]
    }
}
