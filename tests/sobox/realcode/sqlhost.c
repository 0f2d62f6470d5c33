/*
 * SQLite through libsqlite3.box.so: an in-memory database driven by a
 * host program. SQL text and bound strings are copied into the box (or
 * written into box buffers); the out-parameters (sqlite3 **, the
 * statement, the error message) are box words; the exec callback and a
 * user SQL function are host functions registered with the box. Text
 * SQLite returns is a box pointer, checked before it is followed.
 * Prints PASS:/FAIL: sobox/realcode/sqlite/NAME lines.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sqlite3.h"
#include "sqlite3_box.h"

static void check(const char *name, int ok)
{
	printf("%s: sobox/realcode/sqlite/%s\n", ok ? "PASS" : "FAIL", name);
	fflush(stdout);
}

#define S(s) sqlite3_box_strdup(s)

/* a string from the box, followed only once it is known to be in there */
static int box_string(const char *s)
{
	return s && sqlite3_box_contains(s, 1) && sqlite3_box_contains(s, strlen(s) + 1);
}

static int exec(sqlite3 *db, const char *sql)
{
	char *box = S(sql);
	int rc = sqlite3_exec(db, box, NULL, NULL, NULL);

	sqlite3_box_free(box);
	return rc;
}

/* What the exec callback saw; `arg` is this, in the box (sqlite3_exec's
   4th argument is a pointer: the box must be able to follow it). */
struct seen {
	long rows, idsum, bad;
	char last[32];
};

/* The exec callback, called from inside the box: every pointer is the
   box's. */
static int row_cb(void *arg, int n, char **vals, char **cols)
{
	struct seen *s = arg;

	if (!sqlite3_box_contains(s, sizeof *s) || n != 2 ||
	    !sqlite3_box_contains(vals, n * sizeof *vals) ||
	    !sqlite3_box_contains(cols, n * sizeof *cols) || !box_string(vals[0]) ||
	    !box_string(vals[1]) || !box_string(cols[0]) || strcmp(cols[0], "id")) {
		s->bad++;
		return 0;
	}
	s->rows++;
	s->idsum += atol(vals[0]);
	snprintf(s->last, sizeof s->last, "%s", vals[1]);
	return 0;
}

/* stops the exec at its third row */
static int stop_cb(void *arg, int n, char **vals, char **cols)
{
	return ++*(long *)arg == 3;
}

/* twice(x): a user SQL function, host code calling back into the box */
static void twice(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	sqlite3_result_int64(ctx, 2 * sqlite3_value_int64(argv[0]));
}

int main(void)
{
	sqlite3 **pdb = sqlite3_box_calloc(1, sizeof *pdb);
	char *name = S(":memory:");
	int rc = sqlite3_open(name, pdb);
	sqlite3 *db = *pdb;

	check("open", rc == SQLITE_OK && db && sqlite3_box_contains(db, 1));
	if (!db)
		return 0;
	check("version", box_string(sqlite3_libversion()) &&
	      strcmp(sqlite3_libversion(), SQLITE_VERSION) == 0);
	check("exec-create-insert",
	      exec(db, "CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, n INT);"
		       "INSERT INTO t VALUES(1, 'one', 10), (2, 'two', 20);") == SQLITE_OK);

	/* prepared inserts: the statement handle comes back through a box
	   word; the text is written by the host into a box buffer that
	   stays valid until the step (SQLITE_STATIC) */
	sqlite3_stmt **pst = sqlite3_box_calloc(1, sizeof *pst);
	char *sql = S("INSERT INTO t(id, name, n) VALUES(?, ?, ?)");
	char *text = sqlite3_box_malloc(64);
	int bad = 0;

	rc = sqlite3_prepare_v2(db, sql, -1, pst, NULL);
	sqlite3_stmt *st = *pst;
	check("prepare", rc == SQLITE_OK && st && sqlite3_box_contains(st, 1));
	exec(db, "BEGIN");
	for (int i = 3; i <= 2000 && st; i++) {
		snprintf(text, 64, "row-%d", i);
		bad += sqlite3_bind_int(st, 1, i) != SQLITE_OK;
		bad += sqlite3_bind_text(st, 2, text, -1, SQLITE_STATIC) != SQLITE_OK;
		bad += sqlite3_bind_int(st, 3, i * 10) != SQLITE_OK;
		bad += sqlite3_step(st) != SQLITE_DONE;
		bad += sqlite3_reset(st) != SQLITE_OK;
	}
	exec(db, "COMMIT");
	check("prepared-inserts", bad == 0 && sqlite3_changes(db) == 1);
	sqlite3_finalize(st);

	/* the query: column_text gives box pointers */
	char *q = S("SELECT id, name, n FROM t WHERE n % 70 = 0 ORDER BY id DESC");
	long rows = 0, idsum = 0, nsum = 0, textbad = 0;
	char first[32] = "";

	rc = sqlite3_prepare_v2(db, q, -1, pst, NULL);
	st = *pst;
	while (st && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const unsigned char *t = sqlite3_column_text(st, 1);

		if (!box_string((const char *)t)) {
			textbad++;
			continue;
		}
		if (!rows)
			snprintf(first, sizeof first, "%s", t);
		rows++;
		idsum += sqlite3_column_int(st, 0);
		nsum += sqlite3_column_int(st, 2);
	}
	/* ids 7, 14, ..., 1995 */
	check("query-column-text-in-box", rc == SQLITE_DONE && textbad == 0 && rows == 285 &&
	      idsum == 7L * 285 * 286 / 2 && nsum == 10 * idsum && strcmp(first, "row-1995") == 0);
	sqlite3_finalize(st);

	/* sqlite3_exec with a registered host callback */
	struct seen *seen = sqlite3_box_calloc(1, sizeof *seen);
	sqlite3_callback cb = (sqlite3_callback)sqlite3_box_register_cb((void *)row_cb);
	char *sel = S("SELECT id, name FROM t WHERE id <= 100 ORDER BY id");

	rc = sqlite3_exec(db, sel, cb, seen, NULL);
	check("exec-callback", rc == SQLITE_OK && seen->bad == 0 && seen->rows == 100 &&
	      seen->idsum == 5050 && strcmp(seen->last, "row-100") == 0);
	long *count = sqlite3_box_calloc(1, sizeof *count);

	rc = sqlite3_exec(db, sel, (sqlite3_callback)sqlite3_box_register_cb((void *)stop_cb),
			  count, NULL);
	check("exec-callback-abort", rc == SQLITE_ABORT && *count == 3);

	/* an error: the message comes back through a box word */
	char **err = sqlite3_box_calloc(1, sizeof *err);
	char *badsql = S("SELEC 1");

	rc = sqlite3_exec(db, badsql, NULL, NULL, err);
	check("exec-error-message", rc == SQLITE_ERROR && box_string(*err) &&
	      strstr(*err, "syntax error") && box_string(sqlite3_errmsg(db)));
	sqlite3_free(*err);

	/* SQLITE_TRANSIENT, ((sqlite3_destructor_type)-1), asks SQLite to
	   copy the text: a marker the library compares, never follows. */
	char *one = S("SELECT ?");
	char *hello = S("transient");
	const unsigned char *got = NULL;

	if (sqlite3_prepare_v2(db, one, -1, pst, NULL) == SQLITE_OK &&
	    sqlite3_bind_text(*pst, 1, hello, -1, SQLITE_TRANSIENT) == SQLITE_OK &&
	    (hello[0] = 'X') && sqlite3_step(*pst) == SQLITE_ROW)
		got = sqlite3_column_text(*pst, 0);
	if (box_string((const char *)got) && strcmp((const char *)got, "transient") == 0)
		check("bind-text-transient", 1);
	else	/* the one line on stderr says why */
		printf("FAIL: sobox/realcode/sqlite/bind-text-transient: SQLITE_TRANSIENT "
		       "refused as a host pointer\n"), fflush(stdout);
	sqlite3_finalize(*pst);

	/* a user SQL function: 8 arguments (two on the stack), the host
	   function calling back into the box for its argument and result */
	char *fname = S("twice");
	rc = sqlite3_create_function(db, fname, 1, SQLITE_UTF8, NULL,
				     (void (*)(sqlite3_context *, int, sqlite3_value **))
					     sqlite3_box_register_cb((void *)twice),
				     NULL, NULL);
	char *tq = S("SELECT sum(twice(n)) FROM t WHERE id <= 10");
	long long tsum = -1;

	if (rc == SQLITE_OK && sqlite3_prepare_v2(db, tq, -1, pst, NULL) == SQLITE_OK &&
	    sqlite3_step(*pst) == SQLITE_ROW)
		tsum = sqlite3_column_int64(*pst, 0);
	sqlite3_finalize(*pst);
	check("user-function", rc == SQLITE_OK && tsum == 2 * 10 * 55);

	check("close", sqlite3_close(db) == SQLITE_OK);
	return 0;
}
