/* test-audit.c: the append-only, hash-chained audit log
 *
 * A small demonstration programme fills the log through the audited
 * tables' triggers.  Tampering is done as an intruder would: with a plain
 * SQLite connection that drops the append-only triggers first.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sb-audit.h"
#include "sb-demo.h"
#include "sb-programme.h"

typedef struct
{
  char        *dir;
  char        *path;
  SbProgramme *programme;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate today;

  fixture->dir = g_dir_make_tmp ("stdbase-test-audit-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "audit.db", NULL);
  fixture->programme = sb_programme_open (fixture->path, SB_DATABASE_OPEN_FLAGS_CREATE, &error);
  g_assert_no_error (error);

  sb_database_set_audit_actor (sb_programme_get_database (fixture->programme),
                               "王审计", "");
  g_date_set_dmy (&today, 27, 11, 2026);
  g_assert_true (sb_demo_fill (sb_programme_get_store (fixture->programme), 12, 7, &today, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);

  g_clear_object (&fixture->programme);
  g_remove (fixture->path);
  g_remove (wal);
  g_remove (shm);
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static gint64
query_int (SbDatabase *database,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (sb_database_get_handle (database), sql, -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

/* What an intruder with the sqlite3 shell would do. */
static void
tamper (Fixture    *fixture,
        const char *sql)
{
  g_autofree char *full = g_strconcat ("DROP TRIGGER audit_log_no_update;"
                                       "DROP TRIGGER audit_log_no_delete;", sql, NULL);
  sqlite3 *db = NULL;
  char *message = NULL;

  /* Closing the programme first, as the intruder's edit happens while the
   * app is not running. */
  g_clear_object (&fixture->programme);

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, full, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
  sqlite3_close (db);
}

static SbAuditReport
verify (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  SbAuditReport report;

  if (fixture->programme == NULL)
    {
      fixture->programme = sb_programme_open (fixture->path, SB_DATABASE_OPEN_FLAGS_NONE, &error);
      g_assert_no_error (error);
    }
  g_assert_true (sb_audit_verify (sb_programme_get_database (fixture->programme), &report, &error));
  g_assert_no_error (error);

  return report;
}

static void
test_every_change_is_logged (Fixture       *fixture,
                             gconstpointer  data)
{
  SbDatabase *database = sb_programme_get_database (fixture->programme);
  SbAuditReport report = verify (fixture);
  g_autofree char *description = NULL;

  g_assert_cmpint (report.verdict, ==, SB_AUDIT_INTACT);
  g_assert_cmpuint (report.n_entries, ==, query_int (database, "SELECT count(*) FROM audit_log"));
  g_assert_cmpint (report.head_seq, ==, (gint64) report.n_entries);
  g_assert_cmpuint (strlen (report.head_hash), ==, 64);

  /* One entry per transition and per submitted row, by the set actor. */
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM audit_log WHERE entity = 'transitions'"),
                   ==, query_int (database, "SELECT count(*) FROM transitions"));
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM audit_log"
                                        " WHERE entity = 'standards' AND operation = 'insert'"),
                   ==, query_int (database, "SELECT count(*) FROM standards"));
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM audit_log WHERE seq > 1"
                                        " AND (actor <> '王审计' OR role <> '')"), ==, 0);
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM audit_log WHERE entity = 'transitions'"
                                        " AND base_id <> json_extract (payload, '$.base_id')"), ==, 0);

  description = sb_audit_describe_report (&report);
  g_assert_nonnull (strstr (description, report.head_hash));
}

static void
test_log_refuses_edits (Fixture       *fixture,
                        gconstpointer  data)
{
  SbDatabase *database = sb_programme_get_database (fixture->programme);
  g_autoptr(GError) error = NULL;

  g_assert_false (sb_database_exec (database, "UPDATE audit_log SET actor = 'x' WHERE seq = 5", &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "append-only"));
  g_clear_error (&error);

  g_assert_false (sb_database_exec (database, "DELETE FROM audit_log WHERE seq = 5", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_cmpint (verify (fixture).verdict, ==, SB_AUDIT_INTACT);
}

static void
test_deleting_a_base_is_logged (Fixture       *fixture,
                                gconstpointer  data)
{
  SbDatabase *database = sb_programme_get_database (fixture->programme);
  g_autoptr(GError) error = NULL;
  gint64 transitions = query_int (database, "SELECT count(*) FROM transitions WHERE base_id = 3");

  g_assert_cmpint (transitions, >, 0);
  g_assert_true (sb_database_exec (database, "DELETE FROM bases WHERE id = 3", &error));
  g_assert_no_error (error);

  /* The cascade removed its transitions; the log kept them and says so. */
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM audit_log WHERE base_id = 3"
                                        " AND entity = 'transitions' AND operation = 'delete'"),
                   ==, transitions);
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM audit_log WHERE base_id = 3"
                                        " AND entity = 'bases' AND operation = 'delete'"), ==, 1);
  g_assert_cmpint (verify (fixture).verdict, ==, SB_AUDIT_INTACT);
}

static void
test_changed_entry (Fixture       *fixture,
                    gconstpointer  data)
{
  SbAuditReport report;

  tamper (fixture, "UPDATE audit_log SET payload = replace (payload, '\"approve\"', '\"FORGED\"')"
                   " WHERE seq = (SELECT min (seq) FROM audit_log"
                   "  WHERE entity = 'transitions' AND payload LIKE '%\"approve\"%')");
  report = verify (fixture);
  g_assert_cmpint (report.verdict, ==, SB_AUDIT_CHANGED);
  g_assert_cmpint (report.bad_seq, ==, query_int (sb_programme_get_database (fixture->programme),
                                                  "SELECT min (seq) FROM audit_log"
                                                  " WHERE payload LIKE '%\"FORGED\"%'"));
}

/* Recomputing the changed entry's own hash does not help the intruder: the
 * next entry no longer follows from it. */
static void
test_rehashed_entry (Fixture       *fixture,
                     gconstpointer  data)
{
  SbDatabase *database = sb_programme_get_database (fixture->programme);
  sqlite3_stmt *stmt = NULL;
  const char *fields[8];
  char prev[65], hash[65];
  g_autofree char *sql = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (sb_database_get_handle (database),
                                       "SELECT (SELECT hash FROM audit_log WHERE seq = 9),"
                                       " recorded_at, actor, role, entity, operation, base_id"
                                       " FROM audit_log WHERE seq = 10", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  for (int i = 0; i < 7; i++)
    fields[i] = (const char *) sqlite3_column_text (stmt, i);
  fields[7] = "{\"forged\":true}";
  g_strlcpy (prev, fields[0], sizeof prev);
  sb_audit_compute_hash (prev, 10, fields[1], fields[2], fields[3], fields[4], fields[5],
                         fields[6], fields[7], hash);
  sqlite3_finalize (stmt);

  sql = g_strdup_printf ("UPDATE audit_log SET payload = '%s', hash = '%s' WHERE seq = 10",
                         fields[7], hash);
  tamper (fixture, sql);

  g_assert_cmpint (verify (fixture).verdict, ==, SB_AUDIT_CHANGED);
  g_assert_cmpint (verify (fixture).bad_seq, ==, 11);
}

static void
test_deleted_entry (Fixture       *fixture,
                    gconstpointer  data)
{
  SbAuditReport report;

  tamper (fixture, "DELETE FROM audit_log WHERE seq = 42");
  report = verify (fixture);
  g_assert_cmpint (report.verdict, ==, SB_AUDIT_MISSING);
  g_assert_cmpint (report.bad_seq, ==, 42);
}

/* Deleting an entry and renumbering the rest to close the gap. */
static void
test_deleted_and_renumbered (Fixture       *fixture,
                             gconstpointer  data)
{
  tamper (fixture, "DELETE FROM audit_log WHERE seq = 42;"
                   "UPDATE audit_log SET seq = -seq WHERE seq > 42;"
                   "UPDATE audit_log SET seq = -seq - 1 WHERE seq < 0;");
  g_assert_cmpint (verify (fixture).verdict, ==, SB_AUDIT_CHANGED);
  g_assert_cmpint (verify (fixture).bad_seq, ==, 42);
}

static void
test_reordered_entries (Fixture       *fixture,
                        gconstpointer  data)
{
  tamper (fixture, "UPDATE audit_log SET seq = -1 WHERE seq = 20;"
                   "UPDATE audit_log SET seq = 20 WHERE seq = 21;"
                   "UPDATE audit_log SET seq = 21 WHERE seq = -1;");
  g_assert_cmpint (verify (fixture).verdict, ==, SB_AUDIT_CHANGED);
  g_assert_cmpint (verify (fixture).bad_seq, ==, 20);
}

static void
test_deleted_start (Fixture       *fixture,
                    gconstpointer  data)
{
  tamper (fixture, "DELETE FROM audit_log WHERE seq = 1");
  g_assert_cmpint (verify (fixture).verdict, ==, SB_AUDIT_BAD_START);
}

static void
test_export_csv (Fixture       *fixture,
                 gconstpointer  data)
{
  SbDatabase *database = sb_programme_get_database (fixture->programme);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;
  gsize size;

  g_assert_true (sb_audit_export_csv (database, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, &error));
  size = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out));
  text = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)), size);

  lines = g_strsplit (text, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==, "seq,recorded_at,actor,role,entity,operation,base_id,payload,hash");
  /* A header, one line per entry (JSON holds no line breaks), and the end. */
  g_assert_cmpuint (g_strv_length (lines), ==, query_int (database, "SELECT count(*) FROM audit_log") + 2);
  g_assert_true (g_str_has_prefix (lines[1], "1,"));
  /* Quotes inside the JSON are doubled in a quoted field. */
  g_assert_nonnull (strstr (lines[1], ",\"{\"\"schema\"\":2}\","));
}

/* The base's history comes from the log: a step removed from the
 * transitions table behind the application's back is still shown. */
static void
test_history_survives_the_table (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;

  before = sb_base_store_list_transitions (sb_programme_get_store (fixture->programme), 8, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before->len, >=, 2);

  tamper (fixture, "DROP TRIGGER audit_transitions_delete;"
                   "DELETE FROM transitions WHERE base_id = 8;");
  fixture->programme = sb_programme_open (fixture->path, SB_DATABASE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);

  after = sb_base_store_list_transitions (sb_programme_get_store (fixture->programme), 8, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < before->len; i++)
    {
      SbTransitionRecord *a = g_ptr_array_index (before, i);
      SbTransitionRecord *b = g_ptr_array_index (after, i);

      g_assert_cmpint (a->id, ==, b->id);
      g_assert_cmpstr (a->action, ==, b->action);
      g_assert_cmpstr (a->date, ==, b->date);
      g_assert_cmpstr (a->actor, ==, b->actor);
      g_assert_cmpstr (a->note, ==, b->note);
    }
}

/* A demonstration beyond its first 72 bases is a bulk load: its bases are
 * written quietly and the load is one entry that says so. */
static void
test_bulk_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbProgramme) programme = NULL;
  SbDatabase *database;
  SbAuditReport report;
  GDate today;

  programme = sb_programme_open (":memory:", SB_DATABASE_OPEN_FLAGS_CREATE, &error);
  g_assert_no_error (error);
  database = sb_programme_get_database (programme);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 27, 11, 2026);
  g_assert_true (sb_demo_fill (sb_programme_get_store (programme), SB_DEMO_AUDITED_BASES + 8, 3,
                               &today, &error));
  g_assert_no_error (error);

  g_assert_cmpint (query_int (database, "SELECT count(*) FROM audit_log WHERE base_id > 72"), ==, 0);
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM audit_log"
                                        " WHERE entity = 'bases' AND operation = 'insert'"), ==, 72);
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM audit_log WHERE entity = 'demo'"
                                        " AND operation = 'load'"
                                        " AND json_extract (payload, '$.bases') = 80"
                                        " AND json_extract (payload, '$.audited_bases') = 72"), ==, 1);

  /* Changes after the load are audited again. */
  g_assert_true (sb_database_exec (database, "UPDATE bases SET short_name_zh = '改名' WHERE id = 80", &error));
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM audit_log WHERE base_id = 80"), ==, 1);

  g_assert_true (sb_audit_verify (database, &report, &error));
  g_assert_cmpint (report.verdict, ==, SB_AUDIT_INTACT);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/audit/bulk-demo", test_bulk_demo);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/audit/every-change-is-logged", test_every_change_is_logged);
  ADD ("/audit/log-refuses-edits", test_log_refuses_edits);
  ADD ("/audit/deleting-a-base-is-logged", test_deleting_a_base_is_logged);
  ADD ("/audit/changed-entry", test_changed_entry);
  ADD ("/audit/rehashed-entry", test_rehashed_entry);
  ADD ("/audit/deleted-entry", test_deleted_entry);
  ADD ("/audit/deleted-and-renumbered", test_deleted_and_renumbered);
  ADD ("/audit/reordered-entries", test_reordered_entries);
  ADD ("/audit/deleted-start", test_deleted_start);
  ADD ("/audit/export-csv", test_export_csv);
  ADD ("/audit/history-survives-the-table", test_history_survives_the_table);

#undef ADD

  return g_test_run ();
}
