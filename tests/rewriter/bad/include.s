# expect-line: 4
# an included file would be assembled without being rewritten
	.text
	.include "other.s"
	ret
