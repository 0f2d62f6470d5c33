# accept: pause (spin-wait hint)
	.text
	.bundle_align_mode 5
	pause
	int3
