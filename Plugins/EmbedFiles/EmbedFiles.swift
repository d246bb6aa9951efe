import Foundation
import PackagePlugin

/// Builds what the tools carry inside their binaries, so a copied `gilrec` or `gilstat` needs no files beside it:
/// - GILRecorder: libgilrec.so, the library preloaded into a real CPython (`Sources/GILRecPreload/*.c`), compiled
///   by the toolchain's clang as a plain C shared library (SwiftPM's own dynamic products link the Swift
///   runtime, which must not enter the recorded process), and the start-up code `sitecustomize.py`;
/// - GILStatCLI: every `Queries/*.sql`, so `gilstat query NAME` works wherever the binary is;
/// embedded in base64 by `gilrec-embed` as `EmbeddedFiles` in the target the plugin is applied to.
@main
struct EmbedFiles: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        switch target.name {
        case "GILStatCLI": try queries(context: context)
        default: try preload(context: context)
        }
    }

    /// `Queries/NAME.sql` → `EmbeddedFiles.NAME` (and `EmbeddedFiles.all["NAME"]`).
    private func queries(context: PluginContext) throws -> [Command] {
        let directory = context.package.directoryURL.appending(path: "Queries")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".sql") }.sorted().map { directory.appending(path: $0) }
        let generated = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        let embed = try context.tool(named: "gilrec-embed")
        return [
            .buildCommand(
                displayName: "Embedding Queries/*.sql",
                executable: embed.url,
                arguments: [generated.path, "EmbeddedFiles"]
                    + files.map { "\($0.deletingPathExtension().lastPathComponent)=\($0.path)" },
                inputFiles: files,
                outputFiles: [generated]),
        ]
    }

    private func preload(context: PluginContext) throws -> [Command] {
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
