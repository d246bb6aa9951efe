# print with sep, end, flush and file; sys.stdout.write.
import sys

print("a", "b", "c", sep="-")
print("no newline", end="")
print(" ... continued")
print(1, 2, 3, sep="", end="!\n")
print("flushed", flush=True)
print(*[1, 2, 3], sep=", ")
print()
print("to stdout", file=sys.stdout)
sys.stdout.write("written directly\n")
n = sys.stdout.write("count me\n")
print(n)
print("multi", "part", sep="\n", end="\n--\n")
print(None, True, 1.5, [1, "x"], {"k": (1,)}, sep=" | ")
print("tab\tseparated", "end", sep="\t")
print("", end="")
print("done")
