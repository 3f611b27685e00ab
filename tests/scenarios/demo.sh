DESC="make demo: 5 kexec hops, 50 measurements between load and execute at each"
HOPS=5
PRE=10
POST=50
