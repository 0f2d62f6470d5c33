/* Structs: member access through pointers, arrays of structs, copies. */
struct point { int x, y; };
struct shape {
	char name[16];
	struct point pts[4];
	int npts;
	struct shape *next;
};

int perimeter_sq(const struct shape *s)
{
	int total = 0;
	for (int i = 0; i < s->npts; i++) {
		const struct point *a = &s->pts[i], *b = &s->pts[(i + 1) % s->npts];
		int dx = a->x - b->x, dy = a->y - b->y;
		total += dx * dx + dy * dy;
	}
	return total;
}

struct shape copy_shape(const struct shape *s)
{
	struct shape c = *s;
	c.next = 0;
	return c;
}

int count_list(const struct shape *s)
{
	int n = 0;
	for (; s; s = s->next)
		n += s->npts;
	return n;
}

void translate(struct shape *s, struct point d)
{
	for (int i = 0; i < s->npts; i++) {
		s->pts[i].x += d.x;
		s->pts[i].y += d.y;
	}
}
