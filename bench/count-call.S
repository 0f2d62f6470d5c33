/*
 * count-call.S - `counted`, the marked call of count-host.c: called with
 * the arguments of the function in count_target, it calls that function
 * between two int3, so that count-steps sees exactly the call, what it
 * runs and the return: the first int3 stops before the `call`, the
 * second is the instruction after it returns. The return address of
 * `counted` is popped first (kept in count_ret), so the target finds its
 * stack arguments where its caller put them and %rsp is the same at
 * both int3 (count-steps checks it). %r11 (free at a call) points at the
 * name count-steps prints for the region.
 */
	.text
	.globl	counted
	.type	counted, @function
counted:
	popq	%r11
	movq	%r11, count_ret(%rip)
	movq	count_label(%rip), %r11
	int3
	call	*count_target(%rip)
	int3
	pushq	count_ret(%rip)
	ret
	.size	counted, . - counted

	.bss
	.p2align 3
	.globl	count_target, count_label
count_target:
	.zero	8
count_label:
	.zero	8
count_ret:
	.zero	8
	.section .note.GNU-stack,"",@progbits
