# A TCP echo server and clients with socket on loopback.
import socket
import threading

listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
listener.bind(("127.0.0.1", 0))
listener.listen(8)
host, port = listener.getsockname()
print("bound to", host)
CLIENTS = 3


def echo(conn):
    with conn:
        while True:
            data = conn.recv(64)
            if not data:
                break
            conn.sendall(data.upper())


def server():
    handlers = []
    for _ in range(CLIENTS):
        conn, addr = listener.accept()
        h = threading.Thread(target=echo, args=(conn,))
        h.start()
        handlers.append(h)
    for h in handlers:
        h.join()


replies = {}
lock = threading.Lock()


def client(n):
    with socket.create_connection(("127.0.0.1", port)) as s:
        got = []
        for word in ["hello", "from", f"client{n}"]:
            s.sendall(word.encode())
            expected = len(word)
            buf = b""
            while len(buf) < expected:
                buf += s.recv(expected - len(buf))
            got.append(buf.decode())
        s.shutdown(socket.SHUT_WR)
        tail = s.recv(16)
    with lock:
        replies[n] = (got, tail)


st = threading.Thread(target=server)
st.start()
clients = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
for c in clients:
    c.start()
for c in clients:
    c.join()
st.join()
listener.close()
for n in sorted(replies):
    print(n, replies[n])
