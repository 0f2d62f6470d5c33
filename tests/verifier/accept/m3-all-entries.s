# accept: M3 with every N that is a multiple of 8 below 256
	.text
	.bundle_align_mode 5
	.bundle_lock
	leaq 1f(%rip), %r11
	jmpq *0(%r14)
1:
	.bundle_unlock
	.bundle_lock
	leaq 2f(%rip), %r11
	jmpq *8(%r14)
2:
	.bundle_unlock
	.bundle_lock
	leaq 3f(%rip), %r11
	jmpq *16(%r14)
3:
	.bundle_unlock
	.bundle_lock
	leaq 4f(%rip), %r11
	jmpq *24(%r14)
4:
	.bundle_unlock
	.bundle_lock
	leaq 5f(%rip), %r11
	jmpq *32(%r14)
5:
	.bundle_unlock
	.bundle_lock
	leaq 6f(%rip), %r11
	jmpq *40(%r14)
6:
	.bundle_unlock
	.bundle_lock
	leaq 7f(%rip), %r11
	jmpq *48(%r14)
7:
	.bundle_unlock
	.bundle_lock
	leaq 8f(%rip), %r11
	jmpq *56(%r14)
8:
	.bundle_unlock
	.bundle_lock
	leaq 9f(%rip), %r11
	jmpq *64(%r14)
9:
	.bundle_unlock
	.bundle_lock
	leaq 1f(%rip), %r11
	jmpq *72(%r14)
1:
	.bundle_unlock
	.bundle_lock
	leaq 2f(%rip), %r11
	jmpq *80(%r14)
2:
	.bundle_unlock
	.bundle_lock
	leaq 3f(%rip), %r11
	jmpq *88(%r14)
3:
	.bundle_unlock
	.bundle_lock
	leaq 4f(%rip), %r11
	jmpq *96(%r14)
4:
	.bundle_unlock
	.bundle_lock
	leaq 5f(%rip), %r11
	jmpq *104(%r14)
5:
	.bundle_unlock
	.bundle_lock
	leaq 6f(%rip), %r11
	jmpq *112(%r14)
6:
	.bundle_unlock
	.bundle_lock
	leaq 7f(%rip), %r11
	jmpq *120(%r14)
7:
	.bundle_unlock
	.bundle_lock
	leaq 8f(%rip), %r11
	jmpq *128(%r14)
8:
	.bundle_unlock
	.bundle_lock
	leaq 9f(%rip), %r11
	jmpq *136(%r14)
9:
	.bundle_unlock
	.bundle_lock
	leaq 1f(%rip), %r11
	jmpq *144(%r14)
1:
	.bundle_unlock
	.bundle_lock
	leaq 2f(%rip), %r11
	jmpq *152(%r14)
2:
	.bundle_unlock
	.bundle_lock
	leaq 3f(%rip), %r11
	jmpq *160(%r14)
3:
	.bundle_unlock
	.bundle_lock
	leaq 4f(%rip), %r11
	jmpq *168(%r14)
4:
	.bundle_unlock
	.bundle_lock
	leaq 5f(%rip), %r11
	jmpq *176(%r14)
5:
	.bundle_unlock
	.bundle_lock
	leaq 6f(%rip), %r11
	jmpq *184(%r14)
6:
	.bundle_unlock
	.bundle_lock
	leaq 7f(%rip), %r11
	jmpq *192(%r14)
7:
	.bundle_unlock
	.bundle_lock
	leaq 8f(%rip), %r11
	jmpq *200(%r14)
8:
	.bundle_unlock
	.bundle_lock
	leaq 9f(%rip), %r11
	jmpq *208(%r14)
9:
	.bundle_unlock
	.bundle_lock
	leaq 1f(%rip), %r11
	jmpq *216(%r14)
1:
	.bundle_unlock
	.bundle_lock
	leaq 2f(%rip), %r11
	jmpq *224(%r14)
2:
	.bundle_unlock
	.bundle_lock
	leaq 3f(%rip), %r11
	jmpq *232(%r14)
3:
	.bundle_unlock
	.bundle_lock
	leaq 4f(%rip), %r11
	jmpq *240(%r14)
4:
	.bundle_unlock
	.bundle_lock
	leaq 5f(%rip), %r11
	jmpq *248(%r14)
5:
	.bundle_unlock
