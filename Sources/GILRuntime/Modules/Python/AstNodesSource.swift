/// `_ast`: Python 3.11's AST node classes (the documented grammar of the `ast` module: each class's `_fields`,
/// `_attributes`, optional fields defaulting to None on the class, `__match_args__`, the constructor's
/// positional/keyword rules and errors of Python/Python-ast.c). With it CPython's own `ast.py` imports, and
/// through it `inspect`, `dis`, `pkgutil`'s module listing, `dataclasses`-style tooling. The table below is the
/// grammar written out as `Name(base): fields | attributes`, `?` marking optional fields and `*` lists.
/// Parsing source into these nodes (`ast.parse`, `compile(..., PyCF_ONLY_AST)`) is not there yet.
enum AstNodesSource {
    static let text = #"""
        PyCF_ONLY_AST = 1024
        PyCF_TYPE_COMMENTS = 4096
        PyCF_ALLOW_TOP_LEVEL_AWAIT = 8192

        _POSITIONS = "lineno col_offset end_lineno? end_col_offset?"

        _GRAMMAR = """
        mod(AST):
        Module(mod): body* type_ignores*
        Interactive(mod): body*
        Expression(mod): body
        FunctionType(mod): argtypes* returns
        stmt(AST): | POS
        FunctionDef(stmt): name args body* decorator_list* returns? type_comment?
        AsyncFunctionDef(stmt): name args body* decorator_list* returns? type_comment?
        ClassDef(stmt): name bases* keywords* body* decorator_list*
        Return(stmt): value?
        Delete(stmt): targets*
        Assign(stmt): targets* value type_comment?
        AugAssign(stmt): target op value
        AnnAssign(stmt): target annotation value? simple
        For(stmt): target iter body* orelse* type_comment?
        AsyncFor(stmt): target iter body* orelse* type_comment?
        While(stmt): test body* orelse*
        If(stmt): test body* orelse*
        With(stmt): items* body* type_comment?
        AsyncWith(stmt): items* body* type_comment?
        Match(stmt): subject cases*
        Raise(stmt): exc? cause?
        Try(stmt): body* handlers* orelse* finalbody*
        TryStar(stmt): body* handlers* orelse* finalbody*
        Assert(stmt): test msg?
        Import(stmt): names*
        ImportFrom(stmt): module? names* level?
        Global(stmt): names*
        Nonlocal(stmt): names*
        Expr(stmt): value
        Pass(stmt):
        Break(stmt):
        Continue(stmt):
        expr(AST): | POS
        BoolOp(expr): op values*
        NamedExpr(expr): target value
        BinOp(expr): left op right
        UnaryOp(expr): op operand
        Lambda(expr): args body
        IfExp(expr): test body orelse
        Dict(expr): keys* values*
        Set(expr): elts*
        ListComp(expr): elt generators*
        SetComp(expr): elt generators*
        DictComp(expr): key value generators*
        GeneratorExp(expr): elt generators*
        Await(expr): value
        Yield(expr): value?
        YieldFrom(expr): value
        Compare(expr): left ops* comparators*
        Call(expr): func args* keywords*
        FormattedValue(expr): value conversion format_spec?
        JoinedStr(expr): values*
        Constant(expr): value kind?
        Attribute(expr): value attr ctx
        Subscript(expr): value slice ctx
        Starred(expr): value ctx
        Name(expr): id ctx
        List(expr): elts* ctx
        Tuple(expr): elts* ctx
        Slice(expr): lower? upper? step?
        expr_context(AST):
        Load(expr_context):
        Store(expr_context):
        Del(expr_context):
        boolop(AST):
        And(boolop):
        Or(boolop):
        operator(AST):
        Add(operator):
        Sub(operator):
        Mult(operator):
        MatMult(operator):
        Div(operator):
        Mod(operator):
        Pow(operator):
        LShift(operator):
        RShift(operator):
        BitOr(operator):
        BitXor(operator):
        BitAnd(operator):
        FloorDiv(operator):
        unaryop(AST):
        Invert(unaryop):
        Not(unaryop):
        UAdd(unaryop):
        USub(unaryop):
        cmpop(AST):
        Eq(cmpop):
        NotEq(cmpop):
        Lt(cmpop):
        LtE(cmpop):
        Gt(cmpop):
        GtE(cmpop):
        Is(cmpop):
        IsNot(cmpop):
        In(cmpop):
        NotIn(cmpop):
        comprehension(AST): target iter ifs* is_async
        excepthandler(AST): | POS
        ExceptHandler(excepthandler): type? name? body*
        arguments(AST): posonlyargs* args* vararg? kwonlyargs* kw_defaults* kwarg? defaults*
        arg(AST): arg annotation? type_comment? | POS
        keyword(AST): arg? value | POS
        alias(AST): name asname? | POS
        withitem(AST): context_expr optional_vars?
        match_case(AST): pattern guard? body*
        pattern(AST): | lineno col_offset end_lineno end_col_offset
        MatchValue(pattern): value
        MatchSingleton(pattern): value
        MatchSequence(pattern): patterns*
        MatchMapping(pattern): keys* patterns* rest?
        MatchClass(pattern): cls patterns* kwd_attrs* kwd_patterns*
        MatchStar(pattern): name?
        MatchAs(pattern): pattern? name?
        MatchOr(pattern): patterns*
        type_ignore(AST):
        TypeIgnore(type_ignore): lineno tag
        """


        class AST:
            _fields = ()
            _attributes = ()

            def __init__(self, *args, **kwargs):
                fields = type(self)._fields
                if len(args) > len(fields):
                    raise TypeError("%s constructor takes at most %d positional argument%s"
                                    % (type(self).__name__, len(fields), "" if len(fields) == 1 else "s"))
                for name, value in zip(fields, args):
                    setattr(self, name, value)
                for name, value in kwargs.items():
                    if name in fields[:len(args)]:
                        raise TypeError("%s got multiple values for argument %r" % (type(self).__name__, name))
                    setattr(self, name, value)

            def __reduce__(self):
                return type(self), (), dict(self.__dict__)

            def __setstate__(self, state):
                self.__dict__.update(state)


        AST.__module__ = "ast"


        def _build():
            made = {"AST": AST}
            for line in _GRAMMAR.strip().splitlines():
                head, _, rest = line.strip().partition(":")
                name, _, base = head.partition("(")
                fields_text, _, attributes_text = rest.partition("|")
                if attributes_text.strip() == "POS":
                    attributes_text = _POSITIONS
                fields, optional = [], []
                for item in fields_text.split():
                    if item.endswith("?"):
                        optional.append(item[:-1])
                    fields.append(item.rstrip("?*"))
                attributes = []
                for item in attributes_text.split():
                    if item.endswith("?"):
                        optional.append(item[:-1])
                    attributes.append(item.rstrip("?"))
                parent = made[base.rstrip(")")]
                namespace = {"__module__": "ast"}
                if fields or parent is AST or base.rstrip(")") == "AST":
                    namespace["_fields"] = tuple(fields)
                    namespace["__match_args__"] = tuple(fields)
                if attributes:
                    namespace["_attributes"] = tuple(attributes)
                for item in optional:
                    namespace[item] = None
                cls = type(name, (parent,), namespace)
                made[name] = cls
                globals()[name] = cls
            return made


        _classes = _build()
        """#
}
