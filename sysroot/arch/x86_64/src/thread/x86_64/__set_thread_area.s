# LFI-x64 __set_thread_area(tp): runtime call 16 (set thread pointer,
# %rdi = tp, returns 0 in %rax) instead of arch_prctl(ARCH_SET_FS), which
# would set the host's %fs. Reads (mov %fs:0) become runtime call 8.
#
# lfi-rewrite has no input form for runtime call 16 (it refuses %r11/%r14
# and wrfsbase), so M3 is written as bytes, at the start of a bundle:
#   4c 8d 1d 04 00 00 00   leaq 4(%rip),%r11   (-> right after the jmp)
#   41 ff 66 10            jmpq *16(%r14)
# The runtime returns to the address in %r11: the ret below.
.text
.global __set_thread_area
.hidden __set_thread_area
.type __set_thread_area,@function
.p2align 5
__set_thread_area:
	.byte 0x4c,0x8d,0x1d,0x04,0x00,0x00,0x00,0x41,0xff,0x66,0x10
	ret
