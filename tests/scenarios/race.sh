DESC="20 hops, each with two loops executing new files while kexec -e runs: replay still matches"
HOPS=20
PRE=2
POST=5
TIMEOUT=900
check() { expect_handovers "$HOPS"; }
