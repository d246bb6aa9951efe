# _ast node classes (CPython's ast.py and inspect import over them), a class's __dict__ in definition order
import ast
import inspect
from enum import IntEnum, auto, _simple_enum

print(ast.Name._fields, ast.Name._attributes, ast.Return().value, ast.Load._fields, ast.Pass.__match_args__)
print(ast.FunctionDef._fields)
print(ast.arguments._fields, ast.arg._attributes, ast.MatchAs.__match_args__, ast.comprehension._fields)
n = ast.Name("x", ast.Load(), lineno=1, col_offset=0)
print(n.id, type(n.ctx).__name__, n.lineno, n.end_lineno, isinstance(n, ast.expr), isinstance(n, ast.AST))
print(issubclass(ast.Add, ast.operator), issubclass(ast.ExceptHandler, ast.excepthandler), ast.Constant.kind)
b = ast.BinOp(ast.Constant(1), ast.Add(), ast.BinOp(ast.Constant(2), ast.Mult(), ast.Name("y", ast.Load())))
print(ast.dump(b))
print(ast.unparse(b), ast.unparse(ast.BinOp(b, ast.Pow(), ast.Constant(3))))
for bad in [lambda: ast.Name(1, 2, 3), lambda: ast.Pass(1), lambda: ast.Name("x", id="y")]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
call = ast.Call(ast.Name("print", ast.Load()), [ast.Constant("hi")], [ast.keyword("sep", ast.Constant(""))])
module = ast.Module([ast.Expr(call)], [])
print(ast.dump(module))
print(ast.dump(module, include_attributes=True, indent=1)[:60])
print(ast.unparse(module))
print([type(x).__name__ for x in ast.walk(module)])
match ast.BinOp(ast.Constant(1), ast.Sub(), ast.Constant(2)):
    case ast.BinOp(ast.Constant(value=a), ast.Sub(), right):
        print("matched", a, right.value)
print(ast.literal_eval(ast.Tuple([ast.Constant(1), ast.List([ast.Constant("a")], ast.Load())], ast.Load())))
print(inspect.getmodulename("/a/fix_x.py"), inspect.isfunction(len), inspect.isclass(int), inspect.isgeneratorfunction(lambda: (yield)))


def f(a, b: int = 2, *c, d, **e) -> str:
    pass


print(inspect.signature(f), list(inspect.signature(f).parameters))


@_simple_enum(IntEnum)
class Level:
    LOW = auto()
    MID = auto()
    SAME = MID
    HIGH = auto()
    ATOM = auto()


print([(m.name, int(m)) for m in Level], Level.SAME is Level.MID)


class Body:
    zeta = 1
    alpha = 2

    def middle(self):
        pass

    beta = 3


print([k for k in Body.__dict__ if not k.startswith("__")])
