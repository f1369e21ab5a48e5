import BetweenCore

/// Where templates come from: the built-ins compiled into the binary (the top-level
/// `templates/` folder of the source tree), each replaced by a file of the same name in
/// the vault's own `templates/` folder.
///
/// `<vault>/templates/digest.md.mustache` replaces the built-in Markdown digest; other
/// `.mustache` files there can be used as partials (`{{> my-footer}}`). Vault files are
/// read when asked for, so a stray file never gets in the way of another template.
public struct TemplateStore: Sendable {
    /// The folder, in the source tree and in a vault, that holds templates.
    public static let folderName = "templates"
    /// Larger files are refused: a template is a page of text.
    static let sizeLimit = 1024 * 1024

    /// A template's name and text, and where it came from.
    public struct Template: Sendable, Hashable {
        /// The file name, e.g. `digest.md.mustache`.
        public var name: String
        /// The Mustache source.
        public var text: String
        /// Built in, or the vault's own file.
        public var origin: Origin
    }

    /// Whether a template is built in or the vault's own.
    public enum Origin: Sendable, Hashable {
        /// Compiled into Between from the source tree's `templates/`.
        case builtIn
        /// The vault's file, by its path from the vault root (`templates/NAME`).
        case vault(path: String)

        /// Where to point a person: `templates/NAME` for the vault's file, or "built-in NAME".
        public func location(of name: String) -> String {
            switch self {
            case .builtIn: "built-in \(name)"
            case .vault(let path): path
            }
        }
    }

    private let builtIns: [String: String]
    /// The vault's root folder, or nil for built-ins only.
    private let vaultRoot: String?

    /// The built-in templates, overridden by those in `<vaultRoot>/templates/` when a root is given.
    public init(vaultRoot: String? = nil) {
        self.init(vaultRoot: vaultRoot, builtIns: BuiltinTemplates.files)
    }

    /// The built-in templates, overridden by those in the vault's `templates/` folder.
    public init(vault: Vault) {
        self.init(vaultRoot: vault.root)
    }

    init(vaultRoot: String?, builtIns: [String: String]) {
        self.builtIns = builtIns
        self.vaultRoot = vaultRoot
    }

    /// Names of the built-in templates, sorted.
    public var builtInNames: [String] { builtIns.keys.sorted() }

    /// The built-in text of a template, ignoring the vault.
    public func builtInText(named name: String) -> String? { builtIns[name] }

    /// Whether the vault has its own file for `name`.
    public func isOverridden(_ name: String) -> Bool {
        guard let path = vaultPath(of: name) else { return false }
        return FileSystem.status(path) != nil
    }

    /// The template called `name` (a file name such as `digest.md.mustache`): the vault's
    /// file when there is one, else the built-in; nil when neither exists.
    ///
    /// - Throws: `TemplateError.unreadable` when the vault's file exists but can't be read as UTF-8 text.
    public func template(named name: String) throws(TemplateError) -> Template? {
        if let path = vaultPath(of: name), let status = FileSystem.status(path) {
            let relative = Self.folderName + "/" + name
            if status.kind == .symlink, !linksInsideVault(path) {
                throw .unreadable(path: relative, reason: "it is a link to a file outside the vault, and Between doesn't follow those")
            }
            switch FileSystem.read(path, limit: Self.sizeLimit) {
            case .failure(.tooLarge):
                throw .unreadable(path: relative, reason: "it is larger than 1 MB; a template should be a page of text")
            case .failure(.notRegular):
                throw .unreadable(path: relative, reason: "it is not a regular file")
            case .failure(.cannotOpen(let refusal)):
                throw .unreadable(path: relative, reason: refusal.reason)
            case .success(let bytes):
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    throw .unreadable(path: relative, reason: "it is not UTF-8 text; re-save it as UTF-8 in your editor")
                }
                return Template(name: name, text: text, origin: .vault(path: relative))
            }
        }
        return builtIns[name].map { Template(name: name, text: $0, origin: .builtIn) }
    }

    /// Plain file names only: a partial named `../secrets` must not read outside the folder.
    private func vaultPath(of name: String) -> String? {
        guard let vaultRoot, Self.isPlainName(name) else { return nil }
        return vaultRoot + "/" + Self.folderName + "/" + name
    }

    /// Like every file Between reads, a link is followed only when it stays in the vault.
    private func linksInsideVault(_ path: String) -> Bool {
        guard let vaultRoot, let root = FileSystem.realPath(vaultRoot), let target = FileSystem.realPath(path) else { return false }
        return target.hasPrefix(root == "/" ? "/" : root + "/")
    }

    static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.contains("/") && !name.contains("\0")
    }
}
