# LFI-x64 __set_thread_area(tp): runtime call 16 (set thread pointer,
# %rdi = tp, returns 0 in %rax) instead of arch_prctl(ARCH_SET_FS), which
# would set the host's %fs. Reads (mov %fs:0) become runtime call 8.
#
# `wrfsbase %rdi` is lfi-rewrite's input form of runtime call 16: it
# becomes M3 with N = 16, and the 0 the runtime returns in %rax is our
# return value.
.text
.global __set_thread_area
.hidden __set_thread_area
.type __set_thread_area,@function
__set_thread_area:
	wrfsbase %rdi
	ret
