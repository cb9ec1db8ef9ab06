#!/bin/sh
# Issue 16.4 in one command: the server under late full-mode games (about 8-10 minutes).
#   1. benchmarks/fanout.py: view sizes, and CPU per move (apply + views for 12 seats,
#      a room screen and the console) in process time, min/median/max of 5 runs;
#   2. benchmarks/load.py: 100 late full-mode tables x 12 seats (+ room screens and a
#      console) on loopback, open loop, 2 moves/s per table, every view parsed,
#      the database on disk and durable before every ack; once with the seats in one
#      client process, once split over two (they share the 2 cores with the server).
#      Each run prints its client processes' CPU and says SATURATED when one of them
#      was near a full core: then the latencies are the load generator's limit.
#      15 s of warmup: when 100 tables start moving at once the host needs about 5 s
#      to work off the start (docs/BENCHMARKS.md, issue 16.4, fourth round); the
#      window measures the steady state after it;
#   3. benchmarks/wire.py: bytes on the wire per seat (deflate from 8 KiB).
# Run from anywhere: sh benchmarks/server.sh   (PYTHON=... to choose the interpreter)
set -e
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"
echo "== $(date -u '+%Y-%m-%d %H:%M UTC')  load: $(cut -d' ' -f1-3 /proc/loadavg)  cores: $(nproc)"
"$PY" benchmarks/fanout.py --moves 200 --repeat 5
"$PY" benchmarks/load.py --tables 100 --rate 2 --duration 20 --warmup 15
"$PY" benchmarks/load.py --tables 100 --rate 2 --duration 20 --warmup 15 --procs 2
"$PY" benchmarks/wire.py --moves 100 --repeat 3
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
