DESC="one boot, no kexec: list, PCRs and quote agree"
HOPS=0
PRE=5
POST=0
