HOPS=1
PRE=5
POST=500
# ppc64le runs with 64 KiB pages: the base kernel's segment is
# ALIGN(list + 32 KiB, 64 KiB), so 500 entries still fit there (measured:
# 513 handed over intact) and would not exercise growth past the base
# headroom. 1000 entries (~100 KiB in the base kernel's format) do, as 500
# do with 4 KiB pages (measured on the base kernel: "Dump measurements
# failed", replay mismatch). The series' 512 KiB default headroom holds
# them (~250 KiB in format 2 with four banks).
[ "${ARCH:-x86_64}" = ppc64le ] && POST=1000
DESC="$POST files executed between kexec_file_load and kexec -e"
