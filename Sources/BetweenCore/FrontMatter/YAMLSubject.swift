/// What the YAML being read is called in messages: a note's front matter, or the
/// vault's settings file, which is read the same way.
struct YAMLSubject: Sendable {
    /// As a message begins: "front matter is not valid YAML", "between.yml is …".
    var name: String
    /// After a preposition: "written twice in the front matter", "… in between.yml".
    var withArticle: String

    /// A note's front matter.
    static let frontMatter = YAMLSubject(name: "front matter", withArticle: "the front matter")

    /// A whole YAML file, called by its name.
    static func file(_ name: String) -> YAMLSubject {
        YAMLSubject(name: name, withArticle: name)
    }
}
