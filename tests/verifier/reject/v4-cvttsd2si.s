# expect: V4 writes-r14
# why: conversion into %r14
	.text
	.bundle_align_mode 5
	cvttsd2si %xmm0, %r14
	int3
