DESC="10 hops, 300 files executed after each load"
HOPS=10
PRE=5
POST=300
check() { expect_handovers "$HOPS"; }
