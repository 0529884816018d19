/* bench-audit.c: how fast the audit log's hash chain is verified
 *
 * Writes an audit log of one million entries (transition-sized JSON rows,
 * chained exactly as the triggers chain them) into a temporary database,
 * then times sb_audit_verify over it.  Target: under 2 s.
 *
 * Usage: bench-audit [ENTRIES]   (default 1000000)
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "sb-audit.h"
#include "sb-database.h"

#define TARGET_SECONDS 2.0

static gboolean
fill_log (SbDatabase  *database,
          guint        n_entries,
          GError     **error)
{
  sqlite3_stmt *stmt;
  char prev[65], hash[65];
  sqlite3_stmt *head;

  head = sb_database_prepare (database, "SELECT hash FROM audit_log WHERE seq = 1", error);
  if (head == NULL || sqlite3_step (head) != SQLITE_ROW)
    return FALSE;
  g_strlcpy (prev, (const char *) sqlite3_column_text (head, 0), sizeof prev);
  sqlite3_reset (head);

  stmt = sb_database_prepare (database,
                              "INSERT INTO audit_log (seq, recorded_at, actor, role, entity,"
                              " operation, base_id, payload, hash)"
                              " VALUES (?, ?, '张明', 'authority', 'transitions', 'insert', ?, ?, ?)",
                              error);
  if (stmt == NULL || !sb_database_begin (database, error))
    return FALSE;

  for (guint seq = 2; seq <= n_entries; seq++)
    {
      g_autofree char *at = g_strdup_printf ("2026-%02u-%02uT09:%02u:%02u.000Z",
                                             1 + seq % 12, 1 + seq % 28, seq % 60, seq % 59);
      g_autofree char *base = g_strdup_printf ("%u", 1 + seq % 10000);
      g_autofree char *payload =
        g_strdup_printf ("{\"id\":%u,\"base_id\":%s,\"action\":\"submit-annual-report\","
                         "\"from_state\":\"established\",\"to_state\":\"established\","
                         "\"date\":\"2026-03-2%u\",\"role\":\"applicant\",\"actor\":\"李华\","
                         "\"note\":\"\",\"months\":null,\"year\":2025,\"deadline\":null}",
                         seq, base, seq % 10);

      sb_audit_compute_hash (prev, seq, at, "张明", "authority", "transitions", "insert",
                             base, payload, hash);
      sqlite3_bind_int64 (stmt, 1, seq);
      sqlite3_bind_text (stmt, 2, at, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, base, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, payload, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, hash, 64, SQLITE_STATIC);
      if (!sb_database_step_done (database, stmt, error))
        {
          sb_database_rollback (database);
          return FALSE;
        }
      memcpy (prev, hash, sizeof prev);
    }

  return sb_database_commit (database, error);
}

int
main (int   argc,
      char *argv[])
{
  guint n_entries = argc > 1 ? (guint) atoi (argv[1]) : 1000000;
  g_autoptr(GError) error = NULL;
  g_autoptr(SbDatabase) database = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-audit-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  SbAuditReport report;
  double fill_s, verify_s;
  int status = EXIT_SUCCESS;

  if (dir == NULL)
    {
      g_printerr ("bench-audit: %s\n", error->message);
      return EXIT_FAILURE;
    }
  path = g_build_filename (dir, "audit.db", NULL);
  database = sb_database_open (path, SB_DATABASE_OPEN_FLAGS_CREATE, &error);
  if (database == NULL || !fill_log (database, n_entries, &error))
    {
      g_printerr ("bench-audit: %s\n", error->message);
      return EXIT_FAILURE;
    }
  fill_s = g_timer_elapsed (timer, NULL);

  g_timer_start (timer);
  if (!sb_audit_verify (database, &report, &error))
    {
      g_printerr ("bench-audit: %s\n", error->message);
      return EXIT_FAILURE;
    }
  verify_s = g_timer_elapsed (timer, NULL);
  if (report.verdict != SB_AUDIT_INTACT || report.n_entries != n_entries)
    {
      g_printerr ("bench-audit: the log does not verify (verdict %d at %" G_GINT64_FORMAT ")\n",
                  report.verdict, report.bad_seq);
      status = EXIT_FAILURE;
    }

  g_print ("writing %u audit entries: %.2f s\n", n_entries, fill_s);
  g_print ("verifying %u audit entries: %.2f s (target < %.0f s)\n",
           n_entries, verify_s, TARGET_SECONDS);

  g_clear_object (&database);
  {
    const char *suffixes[] = { "", "-wal", "-shm" };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
        g_remove (file);
      }
    g_rmdir (dir);
  }

  return status;
}
