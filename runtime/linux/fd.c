/* The per-box file-descriptor table (files.h). One mutex per table;
   files are reference-counted so that a system call using a host fd
   keeps it open even if another sandbox thread closes the sandbox fd. */
#define _GNU_SOURCE
#include "files.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct slot {
	struct lfi_file *file;	/* NULL: free */
	int cloexec;
};

struct lfi_fds {
	pthread_mutex_t lock;
	struct slot slot[LFI_MAX_FDS];
};

struct lfi_file *file_new(int host, const char *path, int ro)
{
	struct lfi_file *f = malloc(sizeof *f);
	char *p = strdup(path ? path : "");

	if (!f || !p) {
		free(f);
		free(p);
		close(host);
		return NULL;
	}
	*f = (struct lfi_file){ .host = host, .refs = 1, .ro = ro, .path = p };
	return f;
}

void file_put(struct lfi_file *f)
{
	if (f && __atomic_sub_fetch(&f->refs, 1, __ATOMIC_ACQ_REL) == 0) {
		close(f->host);
		free(f->path);
		free(f);
	}
}

static struct lfi_file *file_ref(struct lfi_file *f)
{
	__atomic_add_fetch(&f->refs, 1, __ATOMIC_RELAXED);
	return f;
}

/* The standard streams are dups (host fd >= 3, O_CLOEXEC): the sandbox
   closing its fd 1 must not close the host's. */
struct lfi_fds *lfi_fds_new(const int std[3])
{
	struct lfi_fds *fds = calloc(1, sizeof *fds);

	if (!fds)
		return NULL;
	pthread_mutex_init(&fds->lock, NULL);
	for (int i = 0; i < 3; i++) {
		int h;
		if (!std || std[i] < 0)
			continue;
		h = fcntl(std[i], F_DUPFD_CLOEXEC, 3);
		if (h < 0 || !(fds->slot[i].file = file_new(h, "", 0))) {
			lfi_fds_free(fds);
			return NULL;
		}
	}
	return fds;
}

void lfi_fds_free(struct lfi_fds *fds)
{
	if (!fds)
		return;
	for (int i = 0; i < LFI_MAX_FDS; i++)
		file_put(fds->slot[i].file);
	pthread_mutex_destroy(&fds->lock);
	free(fds);
}

struct lfi_file *fd_get(struct lfi_fds *fds, uint64_t fd)
{
	struct lfi_file *f = NULL;

	if (fd >= LFI_MAX_FDS)
		return NULL;
	pthread_mutex_lock(&fds->lock);
	if (fds->slot[fd].file)
		f = file_ref(fds->slot[fd].file);
	pthread_mutex_unlock(&fds->lock);
	return f;
}

int fd_install(struct lfi_fds *fds, struct lfi_file *f, int min, int cloexec)
{
	int fd = min < 0 ? 0 : min;

	pthread_mutex_lock(&fds->lock);
	while (fd < LFI_MAX_FDS && fds->slot[fd].file)
		fd++;
	if (fd < LFI_MAX_FDS)
		fds->slot[fd] = (struct slot){ f, !!cloexec };
	pthread_mutex_unlock(&fds->lock);
	if (fd < LFI_MAX_FDS)
		return fd;
	file_put(f);
	return -EMFILE;
}

int fd_install_at(struct lfi_fds *fds, struct lfi_file *f, uint64_t fd,
		  int cloexec)
{
	struct lfi_file *old;

	if (fd >= LFI_MAX_FDS) {
		file_put(f);
		return -EBADF;
	}
	pthread_mutex_lock(&fds->lock);
	old = fds->slot[fd].file;
	fds->slot[fd] = (struct slot){ f, !!cloexec };
	pthread_mutex_unlock(&fds->lock);
	file_put(old);	/* outside the lock: close() may block */
	return (int)fd;
}

int fd_close(struct lfi_fds *fds, uint64_t fd)
{
	struct lfi_file *old = NULL;

	if (fd >= LFI_MAX_FDS)
		return -EBADF;
	pthread_mutex_lock(&fds->lock);
	old = fds->slot[fd].file;
	fds->slot[fd] = (struct slot){ 0 };
	pthread_mutex_unlock(&fds->lock);
	if (!old)
		return -EBADF;
	file_put(old);
	return 0;
}

int fd_get_cloexec(struct lfi_fds *fds, uint64_t fd)
{
	int ret = -EBADF;

	if (fd >= LFI_MAX_FDS)
		return -EBADF;
	pthread_mutex_lock(&fds->lock);
	if (fds->slot[fd].file)
		ret = fds->slot[fd].cloexec ? FD_CLOEXEC : 0;
	pthread_mutex_unlock(&fds->lock);
	return ret;
}

int fd_set_cloexec(struct lfi_fds *fds, uint64_t fd, int cloexec)
{
	int ret = -EBADF;

	if (fd >= LFI_MAX_FDS)
		return -EBADF;
	pthread_mutex_lock(&fds->lock);
	if (fds->slot[fd].file) {
		fds->slot[fd].cloexec = !!cloexec;
		ret = 0;
	}
	pthread_mutex_unlock(&fds->lock);
	return ret;
}
