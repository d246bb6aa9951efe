# sqlite3 keeps prepared statements per connection (CPython's cached_statements LRU): executing the same SQL
# again reuses one, two cursors stepping the same SQL at once each get their own, and what a statement tells
# (description, DML for implicit transactions, rowcount) stays right across reuses.
import sqlite3

con = sqlite3.connect(":memory:")
con.execute("create table t (a, b, c)")
for i in range(20):
    con.execute("insert into t values (?, ?, ?)", (i, i * 0.5, str(i)))
print("in_transaction after inserts:", con.in_transaction)
con.commit()

# Two cursors over the same SQL at once: the second cannot share the first's statement.
c1 = con.execute("select a, c from t where a < ? order by a", (5,))
c2 = con.execute("select a, c from t where a < ? order by a", (3,))
print(c1.fetchone(), c2.fetchone(), c1.fetchone(), c2.fetchall(), c1.fetchall())
# Once both are exhausted, the SQL runs again from its cached statement.
print(con.execute("select a, c from t where a < ? order by a", (2,)).fetchall())

# Interleaved iteration over one SQL string, with different parameters.
rows = []
for (a,) in con.execute("select a from t where a % 5 = 0 order by a"):
    inner = con.execute("select count(*) from t where a < ?", (a,)).fetchone()[0]
    rows.append((a, inner))
print(rows)

# description follows the statement, including after a schema change of a cached statement.
cur = con.execute("select * from t limit 1")
print([d[0] for d in cur.description], cur.fetchall())
con.execute("alter table t add column d")
cur = con.execute("select * from t limit 1")
print([d[0] for d in cur.description], cur.fetchall())
print(con.execute("update t set d = a * 2 where a > ?", (15,)).rowcount, con.execute("select sum(d) from t").fetchone())
print(con.execute("update t set d = a * 2 where a > ?", (17,)).rowcount)
print(con.execute("  -- comment\n /* c */ DELETE from t where a = ?", (0,)).rowcount, con.in_transaction)
con.rollback()
print("after rollback:", con.execute("select count(*) from t").fetchone())

# DML detection: only whole keywords count; comments and whitespace before them are skipped.
for sql in ["insert into t (a) values (100)", "\n\tINSERT into t (a) values (101)", "/* x */ replace into t (a) values (102)",
            "select 1", "with q as (select 1) select * from q", "-- only a comment\nupdate t set b = 1 where a = 100"]:
    con.commit()
    con.execute(sql)
    print(repr(sql[:24]), con.in_transaction)
con.commit()

# Empty SQL does nothing; several statements are refused, before and after caching.
cur = con.cursor()
print(cur.execute("   ").description, cur.execute("-- nothing").rowcount)
for _ in range(2):
    try:
        con.execute("select 1; select 2")
    except sqlite3.ProgrammingError as e:
        print("ProgrammingError", e)

# executemany on a cached statement, then the same SQL through execute.
con.executemany("insert into t (a, c) values (?, ?)", [(200 + k, "m%d" % k) for k in range(5)])
print(con.execute("select count(*), max(a) from t where a >= 200").fetchone())
con.execute("insert into t (a, c) values (?, ?)", (210, "x"))
print(con.execute("select count(*), max(a) from t where a >= 200").fetchone())

# Factories read per row.
cur = con.execute("select a, c from t where a >= 200 order by a")
print(cur.fetchone())
cur.row_factory = lambda cursor, row: {"a": row[0], "c": row[1]}
print(cur.fetchone())
con.text_factory = bytes
print(cur.fetchone())
con.text_factory = str
cur.row_factory = sqlite3.Row
r = cur.fetchone()
print(r["a"], r["C"], r.keys())

# Adapters: none for plain ints/strs unless registered for int itself.
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

sqlite3.register_adapter(Point, lambda p: "%d;%d" % (p.x, p.y))
print(con.execute("select ?, ?, ?", (Point(1, 2), 3, "s")).fetchone())
sqlite3.register_adapter(int, lambda n: n * 10)
print(con.execute("select ?, ?, ?", (Point(1, 2), 3, True)).fetchone())
del sqlite3.adapters[(int, sqlite3.PrepareProtocol)]

# No statement cache at all.
con2 = sqlite3.connect(":memory:", cached_statements=0)
con2.execute("create table u (x)")
for i in range(3):
    con2.execute("insert into u values (?)", (i,))
print(con2.execute("select sum(x) from u").fetchone(), con2.total_changes)
# More distinct statements than the cache holds.
con3 = sqlite3.connect(":memory:", cached_statements=2)
print([con3.execute("select %d" % (k % 4)).fetchone()[0] for k in range(10)])

# A closed connection refuses its cursors, even those holding cached statements.
cur = con.execute("select a from t order by a")
print(cur.fetchone())
con.close()
for f in (lambda: cur.fetchone(), lambda: con.execute("select 1")):
    try:
        f()
    except sqlite3.ProgrammingError as e:
        print("ProgrammingError", e)
