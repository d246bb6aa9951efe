# Parallel downloads: a tiny HTTP server on a loopback socket, fetched with urllib from several threads.
import socket
import threading
import urllib.request

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", 0))
server.listen(16)
port = server.getsockname()[1]
PAGES = 6


def handle(conn):
    with conn:
        request = b""
        while b"\r\n\r\n" not in request:
            chunk = conn.recv(1024)
            if not chunk:
                return
            request += chunk
        path = request.split(b" ")[1].decode()
        body = ("page " + path.strip("/") + "\n") * 3
        head = "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n" % len(body)
        conn.sendall(head.encode() + body.encode())


def serve():
    for _ in range(PAGES):
        conn, _ = server.accept()
        threading.Thread(target=handle, args=(conn,)).start()


server_thread = threading.Thread(target=serve)
server_thread.start()

pages = {}
lock = threading.Lock()


def fetch(n):
    url = f"http://127.0.0.1:{port}/{n}"
    with urllib.request.urlopen(url, timeout=5) as response:
        text = response.read().decode()
        status = response.status
    with lock:
        pages[n] = (status, len(text), text.splitlines()[0])


threads = [threading.Thread(target=fetch, args=(n,)) for n in range(PAGES)]
for t in threads:
    t.start()
for t in threads:
    t.join()
server_thread.join()
server.close()
for n in sorted(pages):
    print(n, pages[n])
print("total bytes:", sum(p[1] for p in pages.values()))
