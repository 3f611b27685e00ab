DESC="hop 0 ima-sig with sha512 file hashes, hop 1 the defaults"
HOPS=1
PRE=5
POST=5
APPEND_0="ima_template=ima-sig ima_hash=sha512"
