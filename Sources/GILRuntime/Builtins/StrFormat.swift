/// `str.format`: `{}`, `{0}`, `{name}`, `{x.attr}`, `{x[0]}`, `{!r}`, `{:spec}` (Objects/stringlib/unicode_format.h).
enum StrFormat {
    static func format(_ template: String, _ args: [Value], _ kwargs: [(String, Value)], _ ctx: ExecutionContext) throws -> String {
        var out = ""
        let chars = Array(template)
        var i = 0
        var auto = 0
        while i < chars.count {
            let c = chars[i]
            if c == "{" {
                if i + 1 < chars.count && chars[i + 1] == "{" { out.append("{"); i += 2; continue }
                var depth = 1
                var j = i + 1
                var field = ""
                while j < chars.count {
                    if chars[j] == "{" { depth += 1 }
                    if chars[j] == "}" { depth -= 1; if depth == 0 { break } }
                    field.append(chars[j])
                    j += 1
                }
                guard j < chars.count else { throw PyException.make(.valueError, "Single '{' encountered in format string") }
                i = j + 1
                var spec = ""
                var conversion: Character?
                var name = field
                if let colon = field.firstIndex(of: ":") {
                    spec = String(field[field.index(after: colon)...])
                    name = String(field[..<colon])
                }
                if let bang = name.firstIndex(of: "!") {
                    conversion = name[name.index(after: bang)...].first
                    name = String(name[..<bang])
                }
                if spec.contains("{") { spec = try format(spec, args, kwargs, ctx) }
                var head = name.prefix { $0 != "." && $0 != "[" }
                var rest = name.dropFirst(head.count)
                var value: Value
                if head.isEmpty {
                    guard auto < args.count else { throw PyException.make(.indexError, "Replacement index \(auto) out of range for positional args tuple") }
                    value = args[auto]
                    auto += 1
                } else if let n = Int(head) {
                    guard n < args.count else { throw PyException.make(.indexError, "Replacement index \(n) out of range for positional args tuple") }
                    value = args[n]
                } else {
                    guard let v = kwargs.first(where: { $0.0 == String(head) })?.1 else { throw PyException(Subscript.keyError(.str(String(head)))) }
                    value = v
                }
                while let f = rest.first {
                    rest = rest.dropFirst()
                    if f == "." {
                        head = rest.prefix { $0 != "." && $0 != "[" }
                        rest = rest.dropFirst(head.count)
                        value = try Attributes.get(value, String(head), ctx)
                    } else if f == "[" {
                        let key = rest.prefix { $0 != "]" }
                        rest = rest.dropFirst(key.count + 1)
                        value = try Subscript.get(value, Int(key).map { .int($0) } ?? .str(String(key)), ctx)
                    }
                }
                switch conversion {
                case "r", "a": value = .str(try repr(value, ctx))
                case "s": value = .str(try str(value, ctx))
                default: break
                }
                out += try formatValue(value, spec, ctx)
            } else if c == "}" {
                if i + 1 < chars.count && chars[i + 1] == "}" { out.append("}"); i += 2; continue }
                throw PyException.make(.valueError, "Single '}' encountered in format string")
            } else {
                out.append(c)
                i += 1
            }
        }
        return out
    }
}
