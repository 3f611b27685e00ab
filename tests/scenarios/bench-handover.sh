# Used by tests/bench.d/kexec-handover, not by make check: one hop that
# hands over a list of ikx.fill measurements (IKX_APPEND="ikx.fill=N"),
# with printk timestamps on the console.
DESC="hand-over of a large list (benchmark)"
HOPS=1
PRE=0
POST=0
APPEND="printk.time=1"
TIMEOUT=${BENCH_TIMEOUT:-1800}
