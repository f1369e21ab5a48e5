import BetweenCore

/// A piece of query text: a word, a quoted string, an operator run, or punctuation.
struct QueryToken: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// A run of anything but spaces, quotes, `( ) ,` and operator characters.
        case word
        /// A `"…"` or `'…'` string, escapes resolved.
        case quoted
        /// A run of `= ! < > ~`, valid or not (the parser judges it).
        case symbol
        case open
        case close
        case comma
        case end
    }

    var kind: Kind
    /// The word, the string's contents, or the symbol as written.
    var text: String
    /// 1-based character column of the token's first character.
    var column: Int
    /// 1-based column just past the token.
    var endColumn: Int

    /// Whether this is the keyword `name` (keywords ignore case).
    func isKeyword(_ name: String) -> Bool {
        kind == .word && text.lowercased() == name
    }

    /// `and`, `or`, `not`: never a field name or a bare value.
    var isReservedWord: Bool {
        isKeyword("and") || isKeyword("or") || isKeyword("not")
    }

    /// The token as the person wrote it, for messages.
    var shown: String {
        switch kind {
        case .quoted: "\"\(text)\""
        case .end: "the end of the query"
        default: text
        }
    }
}

/// Splits query text into tokens. Columns count characters, 1-based.
enum QueryLexer {
    static let symbolCharacters: Set<Character> = ["=", "!", "<", ">", "~"]
    private static let stopCharacters: Set<Character> = ["(", ")", ",", "\"", "'"]

    static func tokens(_ text: String) throws(QuerySyntaxError) -> [QueryToken] {
        let characters = Array(text)
        var tokens: [QueryToken] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let start = index
            if character.isWhitespace {
                index += 1
                continue
            }
            switch character {
            case "(", ")", ",":
                index += 1
                let kind: QueryToken.Kind = character == "(" ? .open : character == ")" ? .close : .comma
                tokens.append(QueryToken(kind: kind, text: String(character), column: start + 1, endColumn: index + 1))
            case "\"", "'":
                let contents = try quoted(characters, at: &index)
                tokens.append(QueryToken(kind: .quoted, text: contents, column: start + 1, endColumn: index + 1))
            default:
                let isSymbol = symbolCharacters.contains(character)
                while index < characters.count {
                    let next = characters[index]
                    if isSymbol != symbolCharacters.contains(next) || next.isWhitespace || stopCharacters.contains(next) { break }
                    index += 1
                }
                tokens.append(QueryToken(kind: isSymbol ? .symbol : .word, text: String(characters[start..<index]),
                                         column: start + 1, endColumn: index + 1))
            }
        }
        tokens.append(QueryToken(kind: .end, text: "", column: characters.count + 1, endColumn: characters.count + 1))
        return tokens
    }

    /// Reads a string opened by the quote at `index`; a backslash takes the next character as it is.
    private static func quoted(_ characters: [Character], at index: inout Int) throws(QuerySyntaxError) -> String {
        let quote = characters[index]
        let opening = index
        var contents = ""
        index += 1
        while index < characters.count {
            let character = characters[index]
            index += 1
            if character == quote { return contents }
            if character == "\\" {
                guard index < characters.count else { break }
                contents.append(characters[index])
                index += 1
            } else {
                contents.append(character)
            }
        }
        throw QuerySyntaxError(
            message: "this quote is never closed", column: opening + 1,
            hint: "end the value with a matching \(quote); write \\\(quote) for a \(quote) inside it")
    }
}
