DESC="Debian's kexec-tools as the loader: kexec -s -l (kexec_file_load) and kexec -e, 2 hops: chain intact, every bank replays, the quote verifies"
# The guest loads every hop with /usr/sbin/kexec (ikx.loader=kexec-tools,
# tests/guest/init) instead of our ikx-kexec helper: what a real boot
# loader does.
ARCHS="x86_64"
HOPS=2
PRE=5
POST=5
APPEND="ikx.loader=kexec-tools"
check() {
	local h env bad=0
	expect_no_restore_failure "a kernel of the chain" || return 1
	expect_chain_intact || return 1
	expect_handovers "$HOPS" || return 1
	expect_banks_replayed sha1 sha256 sha384 sha512 || return 1
	for ((h = 0; h < HOPS; h++)); do
		env=$RESULT_DIR/share/hop-$h.env
		grep -qx 'loader=kexec-tools' "$env" && grep -qx 'load_rc=0' "$env" ||
			{ echo "# hop $h: not loaded by kexec-tools ($(grep -E '^(loader|load_rc|load_err)=' "$env" | tr '\n' ' '))"; bad=1; continue; }
		# The measurements say who loaded: kexec itself was executed
		# (BPRM_CHECK), our helper was not, and the load was a
		# kexec_file_load (its kernel, initramfs, command line and
		# kexec_load event are measured).
		hop_part "$h" | grep -q ' /usr/sbin/kexec$' ||
			{ echo "# hop $h: /usr/sbin/kexec not measured"; bad=1; }
		! hop_part "$h" | grep -q 'ikx-kexec' ||
			{ echo "# hop $h: ikx-kexec was executed"; bad=1; }
		hop_part "$h" | grep -q ' kexec_load ' && hop_part "$h" | grep -q ' kexec-cmdline ' ||
			{ echo "# hop $h: no kexec_load / kexec-cmdline measurement: not a kexec_file_load"; bad=1; }
	done
	[ $bad = 0 ] && echo "# every hop loaded with kexec -s -l and jumped with kexec -e"
}
