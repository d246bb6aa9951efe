import GILCore
import GILTrace

/// `urllib.request.urlopen`: an HTTP GET through GILCore's client inside `ThreadState.blockingIO(.urlopen)`,
/// so the GIL is released during the real network wait (the convoy and I/O-overlap lessons depend on it).
enum URLLibModule {
    static let urlError: PyType = {
        let t = PyType(name: "URLError", base: ExceptionKind.osError.type, module: "urllib.error")
        return t
    }()
    static let httpError: PyType = PyType(name: "HTTPError", base: urlError, module: "urllib.error")

    static func makeError() -> PyModule {
        let m = PyModule(name: "urllib.error")
        m.dict["URLError"] = .object(urlError)
        m.dict["HTTPError"] = .object(httpError)
        return m
    }

    final class ResponseData {
        let response: HTTPResponse
        var consumed = false

        init(_ response: HTTPResponse) {
            self.response = response
        }
    }

    static func makeRequest(_ runtime: PythonRuntime) -> PyModule {
        let m = PyModule(name: "urllib.request")
        let responseType = PyType(name: "HTTPResponse", base: BuiltinTypes.object, module: "http.client")
        responseType.addMethod("read") { a, _, _ in
            guard case .object(let i as PyInstance) = a[0], let d = i.native as? ResponseData else { return .object(PyBytes([])) }
            if d.consumed { return .object(PyBytes([])) }
            d.consumed = true
            return .object(PyBytes(d.response.body))
        }
        responseType.addMethod("getcode") { a, _, ctx in try Attributes.get(a[0], "status", ctx) }
        responseType.addMethod("close") { _, _, _ in .none }
        responseType.addMethod("__enter__") { a, _, _ in a[0] }
        responseType.addMethod("__exit__") { _, _, _ in .bool(false) }
        m.addFunction("urlopen") { args, kwargs, ctx in
            guard let first = args.first, case .object(let u as PyStr) = first else {
                throw PyException.make(.typeError, "urlopen() needs a URL string")
            }
            let timeout = try ThreadingModule.timeoutNs(ThreadingModule.argument(args, kwargs, 2, "timeout"))
            let url = u.value
            if url.hasPrefix("http://127.0.0.1") || url.hasPrefix("http://localhost") { _ = LoopbackHTTPServer.shared.baseURL }
            let result: Result<HTTPResponse, HTTPError> = ctx.ts.blockingIO(.urlopen, request: 0, {
                do throws(HTTPError) { return .success(try HTTPClient.get(url, timeoutNs: timeout)) } catch { return .failure(error) }
            }, result: { r in
                if case .success(let resp) = r { return Int64(resp.body.count) }
                return -1
            })
            try ThreadingModule.checkInterrupt(ctx)
            switch result {
            case .failure(let e):
                let exc = PyInstance(type: urlError)
                exc.attributes["args"] = .object(PyTuple([.str(e.description)]))
                exc.attributes["reason"] = .str(e.description)
                exc.native = ExceptionData()
                throw PyException(exc)
            case .success(let resp):
                if resp.status >= 400 {
                    let exc = PyInstance(type: httpError)
                    exc.attributes["args"] = .object(PyTuple([.str("HTTP Error \(resp.status): \(resp.reason)")]))
                    exc.attributes["code"] = .int(resp.status)
                    exc.attributes["reason"] = .str(resp.reason)
                    exc.native = ExceptionData()
                    throw PyException(exc)
                }
                let r = PyInstance(type: responseType)
                r.native = ResponseData(resp)
                r.attributes["status"] = .int(resp.status)
                r.attributes["reason"] = .str(resp.reason)
                r.attributes["url"] = .str(url)
                return .object(r)
            }
        }
        return m
    }
}
