# expect: V6 indirect-branch
# why: jmpq *%gs:ptr(%eip): the pointer is read from (writable) sandbox memory
	.text
	.bundle_align_mode 5
	jmpq *%gs:ptr(%eip)
	int3
	.data
	ptr: .quad 0
