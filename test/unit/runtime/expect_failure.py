#!/usr/bin/python3
"""Runs a command that must fail cleanly: non-zero exit, no hang.

Usage: expect_failure.py [--timeout S] [--exit-code N] [--stdout REGEX]...
                         [--stderr REGEX]... -- COMMAND...

Passes when COMMAND ends within S seconds with a non-zero status (exactly N
when given) and every REGEX matches its stdout or stderr respectively. A command still running at
the deadline counts as a hang: its whole process group is killed.
"""

import argparse
import os
import re
import signal
import subprocess
import sys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--exit-code", type=int)
    parser.add_argument("--stdout", action="append", default=[])
    parser.add_argument("--stderr", action="append", default=[])
    parser.add_argument("command", nargs="+")
    args = parser.parse_args()

    # A session of its own, so a hang can be killed with all its children.
    process = subprocess.Popen(args.command, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    try:
        stdout, stderr = process.communicate(timeout=args.timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        print("FAIL: still running after %gs (a hang)" % args.timeout)
        return 1

    sys.stdout.write("--- stdout\n%s--- stderr\n%s---\n" % (stdout, stderr))
    problems = []
    if process.returncode == 0:
        problems.append("exit status 0, expected a failure")
    elif args.exit_code is not None and process.returncode != args.exit_code:
        problems.append("exit status %d, expected %d"
                        % (process.returncode, args.exit_code))
    for name, patterns, text in [("stdout", args.stdout, stdout),
                                 ("stderr", args.stderr, stderr)]:
        for pattern in patterns:
            if not re.search(pattern, text):
                problems.append("%s does not match %r" % (name, pattern))
    for problem in problems:
        print("FAIL: " + problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
