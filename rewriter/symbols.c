/* Symbol sets and numeric local labels. */
#include "rewrite.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t hash(const char *s, int len)
{
	size_t h = 5381;
	for (int i = 0; i < len; i++)
		h = h * 33 + (unsigned char)s[i];
	return h;
}

/* The slot of name: where it is, or the empty slot where it would go. */
static size_t slot(const struct symset *s, const char *name, int len)
{
	size_t i = hash(name, len) & (s->cap - 1);
	while (s->key[i] && !((int)strlen(s->key[i]) == len &&
			      !strncmp(s->key[i], name, (size_t)len)))
		i = (i + 1) & (s->cap - 1);
	return i;
}

static void grow(struct symset *s)
{
	struct symset old = *s;
	s->cap = old.cap ? 2 * old.cap : 256;
	s->key = calloc(s->cap, sizeof *s->key);
	s->val = calloc(s->cap, sizeof *s->val);
	if (!s->key || !s->val) {
		perror("lfi-rewrite");
		exit(2);
	}
	for (size_t i = 0; i < old.cap; i++) {
		if (!old.key[i])
			continue;
		size_t j = slot(s, old.key[i], (int)strlen(old.key[i]));
		s->key[j] = old.key[i];
		s->val[j] = old.val[i];
	}
	free(old.key);
	free(old.val);
}

int *symset_find(const struct symset *s, const char *name, int len)
{
	if (!s->cap)
		return NULL;
	size_t i = slot(s, name, len);
	return s->key[i] ? &s->val[i] : NULL;
}

void symset_put(struct symset *s, const char *name, int len, int val)
{
	int *v = symset_find(s, name, len);
	if (v) {
		*v = val;
		return;
	}
	if (2 * (s->n + 1) > s->cap)	/* keep it at most half full */
		grow(s);
	size_t i = slot(s, name, len);
	s->key[i] = strndup(name, (size_t)len);
	s->val[i] = val;
	s->n++;
}

void symset_add(struct symset *s, const char *name, int len)
{
	if (!symset_find(s, name, len))
		symset_put(s, name, len, 0);
}

bool symset_has(const struct symset *s, const char *name, int len)
{
	return symset_find(s, name, len) != NULL;
}

/*
 * Numeric local labels (`1:`) may be defined many times; `1b` means the
 * latest definition so far, `1f` the next one. Each definition gets its
 * own name "1:K" (K counts the definitions of 1), which no symbol can
 * spell, so the instances can live in the same sets as ordinary names.
 */
static bool all_digits(const char *s, int len)
{
	if (len <= 0)
		return false;
	for (int i = 0; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

bool numeric_label(const char *s, int len)
{
	return all_digits(s, len);
}

static void instance_name(char *out, size_t cap, const char *s, int len,
                          int k)
{
	snprintf(out, cap, "%.*s:%d", len, s, k);
}

/* A definition of label s: its instance name in out. */
void numlabel_define(struct symset *seen, const char *s, int len, char *out,
                     size_t cap)
{
	int *k = symset_find(seen, s, len);
	int next = k ? *k + 1 : 0;
	symset_put(seen, s, len, next);
	instance_name(out, cap, s, len, next);
}

/* A reference `Nb`/`Nf`: the instance it means. False when s is not a
 * numeric label reference or `Nb` has no definition before it. */
bool numlabel_ref(const struct symset *seen, const char *s, int len,
                  char *out, size_t cap)
{
	if (len < 2 || (s[len - 1] != 'b' && s[len - 1] != 'f') ||
	    !all_digits(s, len - 1))
		return false;
	int *k = symset_find(seen, s, len - 1);
	int latest = k ? *k : -1;
	int want = s[len - 1] == 'b' ? latest : latest + 1;
	if (want < 0)
		return false;
	instance_name(out, cap, s, len - 1, want);
	return true;
}
