/*
 * rt_api.c - the box API of foo_box.h (the generated box.c defines the
 * foo_box_* names on top of these): memory inside the box, copies in,
 * pointer checks, host functions the box may call.
 */
#define _GNU_SOURCE
#include "boxrt.h"

#include <string.h>
#include <sys/mman.h>

#include "core/signals.h"

static void *box_pointer(uint64_t v)
{
	return v ? (void *)(uintptr_t)(sobox_base | (uint32_t)v) : NULL;
}

void *sobox_api_malloc(size_t n)
{
	uint64_t a[6] = { n };

	return box_pointer(sobox_call6(SOBOX_MALLOC, a, 0));
}

void *sobox_api_calloc(size_t n, size_t size)
{
	uint64_t a[6] = { n, size };

	return box_pointer(sobox_call6(SOBOX_CALLOC, a, 0));
}

/* Reads no box: a destroy may be freeing it. Before the box is made
   (-lazy) nothing is inside it. */
int sobox_api_contains(const void *p, size_t len)
{
	uint64_t a = (uint64_t)(uintptr_t)p, base = sobox_base;

	return p && __atomic_load_n(&sobox_lib.ready, __ATOMIC_ACQUIRE) &&
	       a >= base && len <= LFI_BOX_SIZE && a - base <= LFI_BOX_SIZE - len;
}

/* realloc and free take only the box's own pointers (or NULL). */
void *sobox_api_realloc(void *p, size_t n)
{
	uint64_t a[6] = { (uint64_t)(uintptr_t)p, n };

	if (p && !sobox_api_contains(p, 1)) {
		sobox_complain("box_realloc of %p, not a pointer into the box", p);
		return NULL;
	}
	return box_pointer(sobox_call6(SOBOX_REALLOC, a, 0));
}

void sobox_api_free(void *p)
{
	uint64_t a[6] = { (uint64_t)(uintptr_t)p };

	if (p && !sobox_api_contains(p, 1)) {
		sobox_complain("box_free of %p, not a pointer into the box", p);
		return;
	}
	if (p)
		sobox_call6(SOBOX_FREE, a, 0);
}

/* The box's memory may vanish under the copy (another sandbox thread
   unmapping it): a checked copy. Counted as a call from C, so that a
   destroy cannot unmap the box (and the host map something else there)
   between the malloc and the copy. */
void *sobox_api_memdup(const void *src, size_t n)
{
	void *p;

	if (sobox_c_begin(0))
		return NULL;
	p = sobox_api_malloc(n ? n : 1);
	if (p && (!sobox_api_contains(p, n) ||
		  lfi_box_write_checked((uint64_t)(uintptr_t)p, src, n))) {
		sobox_api_free(p);
		p = NULL;
	}
	sobox_c_end();
	return p;
}

char *sobox_api_strdup(const char *s)
{
	return sobox_api_memdup(s, strlen(s) + 1);
}

long sobox_unregistered_cb(void)
{
	sobox_complain("the box called a callback that is not registered: it returns -1");
	return -1;
}

static int callback_slot(uint64_t fn)
{
	for (int k = 0; k < LFI_MAX_CALLBACKS; k++)
		if (sobox_lib.callbacks[k] == fn)
			return k;
	return -1;
}

/* The callback stubs, at the first registration (verifying 128 KiB of
   stubs is not worth it for a library that never gets a callback).
   Under callback_lock. */
static int map_callback_stubs(void)
{
	struct sobox_lib *l = &sobox_lib;
	uint64_t at = 0;
	char why[256] = "";

	if (l->callback_stubs)
		return 0;
	if (lfi_box_map(l->p.box, &at, LFI_MAX_CALLBACKS * 32, PROT_READ, 0) ||
	    lfi_box_map_callback_stubs(l->p.box, at, LFI_MAX_CALLBACKS, why, sizeof why)) {
		sobox_complain("cannot map the callback stubs: %s", why);
		return -1;
	}
	__atomic_store_n(&l->callback_stubs, at, __ATOMIC_RELEASE);
	return 0;
}

/* The box function that calls `fn` (the same for the same fn), or NULL
   when all LFI_MAX_CALLBACKS slots are taken. */
/* callback_lock, or -1: this thread is in the middle of the box's setup
   or of another box API call (a signal handler calling in) and must
   not wait for itself. */
static int lock_callbacks(void)
{
	if (sobox_setup_begin())
		return -1;
	pthread_mutex_lock(&sobox_lib.callback_lock);
	return 0;
}

static void unlock_callbacks(void)
{
	pthread_mutex_unlock(&sobox_lib.callback_lock);
	sobox_setup_end();
}

void *sobox_api_register_cb(void *fn)
{
	struct sobox_lib *l = &sobox_lib;
	uint64_t host = (uint64_t)(uintptr_t)fn, stubs;
	int k = -1;

	if (!fn)
		return NULL;
	for (;;) {
		if (!sobox_ready() || lock_callbacks())
			return NULL;
		if (l->ready)	/* not destroyed since: its box is there */
			break;
		unlock_callbacks();
	}
	if (map_callback_stubs() == 0 && (k = callback_slot(host)) < 0 &&
	    (k = callback_slot((uint64_t)(uintptr_t)sobox_unregistered_cb)) >= 0)
		__atomic_store_n(&l->callbacks[k], host, __ATOMIC_RELEASE);
	stubs = l->callback_stubs;
	unlock_callbacks();
	if (k < 0 && stubs)
		sobox_complain("no callback slot left (%d)", LFI_MAX_CALLBACKS);
	return k < 0 ? NULL : (void *)(uintptr_t)(stubs + 32 * k);
}

int sobox_api_unregister_cb(void *fn)
{
	struct sobox_lib *l = &sobox_lib;
	int k;

	if (!fn || !l->ready || lock_callbacks())
		return -1;
	if ((k = callback_slot((uint64_t)(uintptr_t)fn)) >= 0)
		__atomic_store_n(&l->callbacks[k],
				 (uint64_t)(uintptr_t)sobox_unregistered_cb,
				 __ATOMIC_RELEASE);
	unlock_callbacks();
	return k < 0 ? -1 : 0;
}

/* The box address of an export (given as the host's function) or of a
   registered callback; NULL for anything else. */
void *sobox_api_addr(void *fn)
{
	struct sobox_lib *l = &sobox_lib;
	uint64_t stubs;
	int k;

	if (!fn || !sobox_ready())
		return NULL;
	for (size_t i = 0; i < l->nexports; i++)
		if (sobox_tramps[i] == fn)
			return (void *)(uintptr_t)sobox_fns[i];
	if (lock_callbacks())
		return NULL;
	k = callback_slot((uint64_t)(uintptr_t)fn);
	stubs = l->callback_stubs;
	unlock_callbacks();
	return k < 0 || !stubs ? NULL : (void *)(uintptr_t)(stubs + 32 * k);
}
