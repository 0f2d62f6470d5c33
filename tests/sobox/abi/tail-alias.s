# A tail call to a name gcc defined with .set (its identical-code-folding
# alias of a static function), after an %rsp adjustment: the flags are
# dead at the jump, as at a jump to `pa`. lfi-rewrite must accept it
# (run.sh: lfi-rewrites-tail-call-to-alias).
	.text
	.type	pa, @function
pa:
	ret
	.set	pb, pa
	.globl	g
	.type	g, @function
g:
	subq	$24, %rsp
	addq	$24, %rsp
	jmp	pb
