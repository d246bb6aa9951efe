# octal escapes in patterns: three octal digits outside a class, up to three inside (email.header's fcre)
import re

fcre = re.compile(r'[\041-\176]+:$')
print(bool(fcre.match("Subject:")), bool(fcre.match("Sub ject:")))
print(re.findall(r'\101\102', "ABAB"), re.findall(r'[\60-\71]+', "a123b45"), re.sub(r'[\0\11]', "_", "a\tb\0c"))
print(re.match(r'(a)\1', "aa").group())
for bad in [r'\400', r'[\777]', r'(a)\2', r'[\8]']:
    try:
        re.compile(bad)
    except re.error as e:
        print("re.error:", e)
