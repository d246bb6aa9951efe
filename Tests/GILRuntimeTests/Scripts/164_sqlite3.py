# sqlite3 over our native _sqlite3: connect, execute/executemany/executescript, fetch*, rowcount/lastrowid/description,
# 3.11's implicit transactions and the connection as a context manager, create_function/create_aggregate, Row,
# text_factory, PARSE_DECLTYPES converters (dbapi2's date/timestamp), and CPython's exceptions and messages.
import sqlite3, math
print(sqlite3.sqlite_version_info >= (3, 0, 0), sqlite3.paramstyle, sqlite3.apilevel)
conn = sqlite3.connect(":memory:")
print(conn.isolation_level == "", conn.in_transaction, conn.total_changes)
conn.execute("create table t (id integer primary key, name text, score real, data blob, d date)")
cur = conn.execute("insert into t (name, score, data) values (?, ?, ?)", ("ann", 1.5, b"\x00\x01"))
print(cur.rowcount, cur.lastrowid, conn.in_transaction)
cur.executemany("insert into t (name, score) values (?, ?)", [("bob", 2), ("cy", None), ("dee", 4.25)])
print(cur.rowcount, cur.lastrowid, cur.description)
conn.commit()
print(conn.in_transaction, conn.total_changes)
cur = conn.execute("select id, name, score, data from t order by id")
print([d[0] for d in cur.description])
print(cur.fetchone())
print(cur.fetchmany(2))
print(cur.fetchall(), cur.fetchone())
for row in conn.execute("select name from t where score > :min", {"min": 1.6}):
    print(row)
conn.create_function("twice", 1, lambda x: x * 2)
print(conn.execute("select twice(score), twice(name) from t where id = 1").fetchone())
class Avg:
    def __init__(self):
        self.n = 0
        self.total = 0
    def step(self, x):
        if x is not None:
            self.n += 1
            self.total += len(x)
    def finalize(self):
        return self.total / self.n
conn.create_aggregate("avglen", 1, Avg)
print(conn.execute("select avglen(name) from t").fetchone()[0])
conn.create_function("boom", 0, lambda: 1 / 0)
for sql, params in [("select boom()", ()), ("select * from nope", ()), ("insert into t (id) values (?)", (1,)),
                    ("select ?", (1, 2)), ("select 1; select 2", ()), ("select :x", {"y": 1}), ("select ?", (object(),))]:
    try:
        conn.execute(sql, params)
    except sqlite3.Error as e:
        print(type(e).__name__, e)
print(issubclass(sqlite3.IntegrityError, sqlite3.DatabaseError), sqlite3.OperationalError.__module__)
conn.row_factory = sqlite3.Row
r = conn.execute("select id, name as Who from t where id = 2").fetchone()
print(type(r).__name__, r["who"], r[0], r.keys(), tuple(r), len(r))
conn.row_factory = None
with conn:
    conn.execute("update t set score = 9 where id = 2")
print(conn.in_transaction, conn.execute("select score from t where id = 2").fetchone())
try:
    with conn:
        conn.execute("update t set score = 10 where id = 2")
        raise ValueError("x")
except ValueError:
    pass
print(conn.execute("select score from t where id = 2").fetchone())
conn.executescript("create table u (x); insert into u values (1); insert into u values (2);")
print(conn.execute("select sum(x) from u").fetchone(), sqlite3.complete_statement("select 1;"), sqlite3.complete_statement("select"))
conn.text_factory = bytes
print(conn.execute("select 'abc'").fetchone())
conn.close()
try:
    conn.execute("select 1")
except sqlite3.ProgrammingError as e:
    print("ProgrammingError", e)
import datetime
c2 = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES)
c2.execute("create table d (x date, y timestamp)")
c2.execute("insert into d values (?, ?)", (datetime.date(2024, 2, 29), datetime.datetime(2024, 1, 2, 3, 4, 5, 600)))
print(c2.execute("select x, y from d").fetchone())
try:
    c2.execute("select ?", (2**70,))
except OverflowError as e:
    print("OverflowError", e)
