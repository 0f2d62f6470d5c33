# expect: V6 indirect-branch
# why: a PLT-style jmp *GOT(%rip) to an external symbol (the relocation must not exempt it)
	.text
	.bundle_align_mode 5
	jmpq *ext@GOTPCREL(%rip)
