"""The `openstack` CLI, as a long-lived process that forks one child per command.

A one-shot `openstack ...` spends ~1.3 s of its ~2.4 s importing openstackclient and scanning its plugins, before
any API call: the e2e suite makes hundreds of witness calls. Here the imports are done once; each command then runs
`openstackclient.shell.main(argv)` in a fresh fork (so no state is shared between commands: each one reads
clouds.yaml, authenticates and exits like the one-shot CLI) with its own stdout, stderr and exit status.

Protocol, one JSON object per line: in `{"id": n, "argv": [...]}`, out `{"id": n, "code": int, "stdout": str,
"stderr": str}`. Commands run concurrently; answers come as they finish. Exits when stdin closes.
"""
import json
import os
import selectors
import signal
import sys

from openstackclient import shell

# What most witness commands load anyway: imported once here instead of in every child.
import openstackclient.compute.v2.server  # noqa: F401
import openstackclient.network.v2.network  # noqa: F401
import openstackclient.volume.v2.volume  # noqa: F401
import openstackclient.image.v2.image  # noqa: F401

COMMAND_TIMEOUT = 120  # seconds; a hung command is killed (SIGALRM) and answers 124 like timeout(1)

selector = selectors.DefaultSelector()
running = {}  # pid -> {"id", "stdout": [], "stderr": [], "open": int}


def start(request):
    out_read, out_write = os.pipe()
    err_read, err_write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(out_read)
        os.close(err_read)
        os.dup2(out_write, 1)
        os.dup2(err_write, 2)
        signal.signal(signal.SIGALRM, lambda *_: os._exit(124))
        signal.alarm(COMMAND_TIMEOUT)
        try:
            code = shell.main(request["argv"])
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else 1
        except BaseException as error:  # the CLI's own handler failed: say so like an unhandled crash would
            sys.stderr.write(f"{type(error).__name__}: {error}\n")
            code = 1
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code or 0)
    os.close(out_write)
    os.close(err_write)
    running[pid] = {"id": request["id"], "stdout": [], "stderr": [], "open": 2}
    selector.register(out_read, selectors.EVENT_READ, (pid, "stdout"))
    selector.register(err_read, selectors.EVENT_READ, (pid, "stderr"))


def finish(pid):
    command = running.pop(pid)
    _, status = os.waitpid(pid, 0)
    answer = {
        "id": command["id"],
        "code": os.waitstatus_to_exitcode(status),
        "stdout": b"".join(command["stdout"]).decode("utf-8", "replace"),
        "stderr": b"".join(command["stderr"]).decode("utf-8", "replace"),
    }
    sys.stdout.write(json.dumps(answer) + "\n")
    sys.stdout.flush()


def main():
    stdin = sys.stdin.fileno()
    os.set_blocking(stdin, False)
    selector.register(stdin, selectors.EVENT_READ, None)
    pending = b""
    reading = True
    while reading or running:
        for key, _ in selector.select():
            if key.data is None:
                chunk = os.read(stdin, 65536)
                if not chunk:
                    selector.unregister(stdin)
                    reading = False
                    continue
                pending += chunk
                *lines, pending = pending.split(b"\n")
                for line in lines:
                    if line.strip():
                        start(json.loads(line))
                continue
            pid, stream = key.data
            chunk = os.read(key.fd, 65536)
            if chunk:
                running[pid][stream].append(chunk)
                continue
            selector.unregister(key.fd)
            os.close(key.fd)
            running[pid]["open"] -= 1
            if running[pid]["open"] == 0:
                finish(pid)


if __name__ == "__main__":
    main()
