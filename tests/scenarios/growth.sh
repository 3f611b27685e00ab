DESC="500 files executed between kexec_file_load and kexec -e"
HOPS=1
PRE=5
POST=500
XFAIL="base kernel: the list outgrows the half-page headroom; the hand-over is truncated and replay mismatches"
