/*
 * api.h - the box API of a .box.so (api.c writes it, rt_api.c runs it).
 */
#ifndef SOBOX_API_H
#define SOBOX_API_H

#include <stddef.h>
#include <stdio.h>

/* PREFIX_box.h, the application's header. 0 or -1 on a write error. */
int sobox_write_api_header(FILE *f, const char *prefix);
/* api.c, the PREFIX_box_* functions of the .box.so. */
int sobox_write_api_source(FILE *f, const char *prefix);
/* How many functions the API has, and the name of the i-th (for the
   version script). */
size_t sobox_api_count(void);
void sobox_api_name(FILE *f, const char *prefix, size_t i);

#endif
