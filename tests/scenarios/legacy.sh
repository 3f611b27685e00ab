DESC="2 hops with the legacy ima template"
HOPS=2
PRE=5
POST=5
APPEND="ima_template=ima"
XFAIL="base kernel: a list in the legacy ima template is not restored after kexec"
