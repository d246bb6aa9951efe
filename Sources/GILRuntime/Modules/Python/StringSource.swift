/// `string` (Lib/string.py): the character-class constants and capwords.
/// Compiled by our own compiler at first import (`SourceModules`).
enum StringSource {
    static let text = #"""
        whitespace = " \t\n\r\v\f"
        ascii_lowercase = "abcdefghijklmnopqrstuvwxyz"
        ascii_uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        ascii_letters = ascii_lowercase + ascii_uppercase
        digits = "0123456789"
        hexdigits = digits + "abcdef" + "ABCDEF"
        octdigits = "01234567"
        punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
        printable = digits + ascii_letters + punctuation + whitespace


        def capwords(s, sep=None):
            return (sep or " ").join(x.capitalize() for x in s.split(sep))
        """#
}
