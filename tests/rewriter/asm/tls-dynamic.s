# General- and local-dynamic TLS: the leaq stays, the padding (`.byte
# 0x66`, `.value 0x6666`, data16, rex64, wherever gcc or a person put it)
# goes, and the call becomes a GOT load plus M2 in one locked group of 32
# bytes (8 bytes of NOPs first), so nothing comes between the leaq and
# the load and the call ends the bundle.
	.text
	.globl	gd
	.type	gd, @function
gd:
	subq	$8, %rsp	# -O0: flags of this M4 must not be live (the .byte is no read)
	data16	leaq	tv@tlsgd(%rip), %rdi
	.byte	0x66
	rex64
	call	*__tls_get_addr@GOTPCREL(%rip)
	movl	(%rax), %eax
	addq	$8, %rsp
	ret
# expect: .bundle_lock | .byte 0x0f,0x1f,0x84,0x00,0x00,0x00,0x00,0x00 | leaq tv@tlsgd(%rip),%rdi | movq __tls_get_addr@GOTPCREL(%rip),%r11 | andl $-32,%r11d | orq %r14,%r11 | callq *%r11 | .bundle_unlock | movl %gs:(%eax),%eax

	.globl	gd_plt
	.type	gd_plt, @function
gd_plt:
	data16	leaq	tw@tlsgd(%rip), %rdi
	.value	0x6666
	rex64
	call	__tls_get_addr@PLT
	ret
# expect: leaq tw@tlsgd(%rip),%rdi | movq __tls_get_addr@GOTPCREL(%rip),%r11 | andl $-32,%r11d

	.globl	gd_prefixed
	.type	gd_prefixed, @function
gd_prefixed:
	subq	$24, %rsp
	.byte 0x66; leaq tx@tlsgd(%rip), %rdi	# the older spelling of data16
	# a comment line between
	data16
	rex64 callq *__tls_get_addr@GOTPCREL(%rip)
	addq	$24, %rsp
	ret
# expect: subl $24,%esp | orq %r14,%rsp | .bundle_unlock | .bundle_lock | .byte 0x0f,0x1f,0x84,0x00,0x00,0x00,0x00,0x00 | leaq tx@tlsgd(%rip),%rdi | movq __tls_get_addr@GOTPCREL(%rip),%r11 | andl $-32,%r11d | orq %r14,%r11 | callq *%r11 | .bundle_unlock | .bundle_lock | addl $24,%esp

	.globl	ld
	.type	ld, @function
ld:
	leaq	stv@tlsld(%rip), %rdi
	call	*__tls_get_addr@GOTPCREL(%rip)
.LVL1:
	movl	stv@dtpoff(%rax), %edx
	movl	%ecx, stv@dtpoff+4(%rax,%rdx,4)
	leaq	stv@dtpoff(%rax), %rax
	ret
# expect: leaq stv@tlsld(%rip),%rdi | movq __tls_get_addr@GOTPCREL(%rip),%r11 | andl $-32,%r11d | orq %r14,%r11 | callq *%r11 | .bundle_unlock | .LVL1:
# expect: leaq stv@dtpoff(%rax),%r11 | movl %gs:(%r11d),%edx | leaq stv@dtpoff+4(%rax,%rdx,4),%r11 | movl %ecx,%gs:(%r11d) | leaq stv@dtpoff(%rax),%rax

	.section .tbss,"awT",@nobits
	.align 4
stv:	.zero 8
