# wrfsbase %rdi is runtime call 16 (set thread pointer), rdfsbase %rX
# runtime call 8 (read thread pointer) + movq %r11,%rX
# expect: .bundle_lock | leaq .Llfi_ret0(%rip),%r11 | jmpq *16(%r14) | .bundle_unlock | .Llfi_ret0:
# expect: leaq .Llfi_ret1(%rip),%r11 | jmpq *8(%r14) | .bundle_unlock | .Llfi_ret1: | movq %r11,%rax
# expect: leaq .Llfi_ret2(%rip),%r11 | jmpq *8(%r14) | .bundle_unlock | .Llfi_ret2: | movq %r11,%r15
	.text
	.globl	settp
	.type	settp, @function
settp:
	wrfsbase %rdi
	ret
	.globl	gettp
	.type	gettp, @function
gettp:
	rdfsbase %rax
	rdfsbase %r15
	ret
