# A plain call of __tls_get_addr, as musl's dl_iterate_phdr.c and
# dynlink.c make it (a function call with a tls_index pointer in %rdi):
# an ordinary call through the GOT.
	.text
	.globl	f
	.type	f, @function
f:
	movq	%rbx, %rdi
	call	*__tls_get_addr@GOTPCREL(%rip)
	ret
# expect: movq %rbx,%rdi | movq __tls_get_addr@GOTPCREL(%rip),%r11 | .bundle_lock
