/* tls-dynamic.c again with -g: .loc directives and .LVL labels around
 * the TLS sequences (gcc puts them before the leaq and after the call). */
/* cflags: -g */
#include "tls-dynamic.c"
