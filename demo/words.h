/* words.h - libwords: numbers as words and in columns (the demo's library) */
#ifndef WORDS_H
#define WORDS_H

/* n in English words ("minus forty-two"); a buffer of the library's,
   overwritten by the next call */
const char *spell(long n);

/* n right-aligned in a column `width` characters wide; the same kind of
   buffer */
const char *column(long n, int width);

#endif
