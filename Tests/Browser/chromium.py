"""A small driver for headless Chromium (Debian's `chromium`) over the DevTools protocol on a pipe.

Chromium started with --remote-debugging-pipe reads commands on file descriptor 3 and writes
replies and events on 4, each a JSON message ended by a NUL byte: no network port, no WebSocket
library, only the standard library. Used by the report's browser test (report_e2e.py) and its
benchmark (Benchmarks/report_bench.py).
"""
import base64
import json
import os
import shutil
import subprocess
import tempfile
import time


def find_chromium():
    """The Chromium executable on PATH, or None."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


class Chromium:
    """One headless browser with one page attached; `with Chromium() as browser: ...`."""

    def __init__(self, executable=None, width=1280, height=900, timeout=60):
        self.executable = executable or find_chromium()
        if not self.executable:
            raise RuntimeError("no chromium on PATH (Debian: apt-get install chromium)")
        self.width, self.height, self.timeout = width, height, timeout
        self.next_id = 0
        self.buffer = b""
        self.events = []

    def __enter__(self):
        self.profile = tempfile.mkdtemp(prefix="pimsim-chromium-")
        to_browser_read, self.to_browser = os.pipe()
        self.from_browser, from_browser_write = os.pipe()

        def wire():
            # Fresh copies first, so neither end is overwritten when it already sits on 3 or 4.
            read_end, write_end = os.dup(to_browser_read), os.dup(from_browser_write)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)

        args = [self.executable, "--headless=new", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-default-apps",
                "--mute-audio", "--hide-scrollbars", f"--user-data-dir={self.profile}",
                f"--window-size={self.width},{self.height}", "about:blank"]
        self.process = subprocess.Popen(args, preexec_fn=wire, pass_fds=(3, 4),
                                        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser_read)
        os.close(from_browser_write)
        targets = self.send("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        self.session = self.send("Target.attachToTarget", {"targetId": page["targetId"], "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable")
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": self.width, "height": self.height, "deviceScaleFactor": 1, "mobile": False})
        return self

    def __exit__(self, *_):
        try:
            self.send("Browser.close")
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self.to_browser)
        os.close(self.from_browser)
        shutil.rmtree(self.profile, ignore_errors=True)

    def _read_message(self, deadline):
        while b"\0" not in self.buffer:
            if time.monotonic() > deadline:
                raise TimeoutError("chromium did not answer in time")
            chunk = os.read(self.from_browser, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed its pipe (did it crash?)")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method, params=None, session=None):
        """Sends a command and waits for its reply; events meanwhile are kept in `events`."""
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def call(self, method, params=None):
        """A command to the page's session."""
        return self.send(method, params, session=self.session)

    def wait_for(self, method, deadline):
        """Waits for the first event `method` not yet seen."""
        while True:
            for index, event in enumerate(self.events):
                if event["method"] == method:
                    return self.events.pop(index)
            self.events.append(self._read_message(deadline))

    def load(self, path):
        """Opens a file and waits until it is loaded and painted; returns the page's own time from
        navigation start to the second animation frame after load (ms): parsed, laid out, painted."""
        self.events = []
        self.call("Page.navigate", {"url": "file://" + os.path.abspath(path)})
        self.wait_for("Page.loadEventFired", time.monotonic() + self.timeout)
        return self.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now()))))")

    def evaluate(self, expression):
        """The value of a JavaScript expression in the page (promises awaited)."""
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def problems(self):
        """Console errors, uncaught exceptions and log errors seen since the last load."""
        found = []
        for event in self.events:
            method, params = event["method"], event.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                found.append("console: " + " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
            elif method == "Runtime.exceptionThrown":
                found.append("exception: " + params.get("exceptionDetails", {}).get("text", ""))
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                found.append("log: " + params["entry"].get("text", ""))
        return found

    def requests(self):
        """URLs the page asked for since the last load (the page itself included)."""
        return [e["params"]["request"]["url"] for e in self.events if e["method"] == "Network.requestWillBeSent"]

    def screenshot(self, path, until=None):
        """A PNG of the page from its top: the whole page, or down to the top of the element that
        the CSS selector `until` names."""
        width, height = self.evaluate("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
        if until:
            height = self.evaluate(f"Math.ceil(document.querySelector({json.dumps(until)}).getBoundingClientRect().top + window.scrollY)")
        params = {"format": "png", "captureBeyondViewport": True,
                  "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}}
        with open(path, "wb") as out:
            out.write(base64.b64decode(self.call("Page.captureScreenshot", params)["data"]))
