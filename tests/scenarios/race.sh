DESC="20 hops, each with two loops executing new files while kexec -e runs: replay still matches, every file that ran is in the list"
HOPS=20
PRE=2
POST=5
TIMEOUT=900
# The loops' "ikx: ran" lines must not be rate-limited away.
APPEND="printk.devkmsg=on"
check() { expect_handovers "$HOPS" && expect_ran_files_measured; }
