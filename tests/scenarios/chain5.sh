DESC="5 kexec hops with a little activity before and after each load"
HOPS=5
PRE=5
POST=5
