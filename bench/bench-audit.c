/* bench-audit.c: the review process's two heavy jobs
 *
 * First combines the score sheets of 1,000 expert reviews (200 panels of
 * five, each sheet scored against the rubric), then writes an audit log of
 * one million entries (transition-sized JSON rows, chained exactly as the
 * triggers chain them) into a temporary database and times sb_audit_verify
 * over it.  Target for verification: under 2 s.
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
#include "sb-review-panel.h"

#define TARGET_SECONDS 2.0

#define N_PANELS 200
#define PANEL_SIZE 5

/* Returns the seconds that combining every panel took, or < 0. */
static double
combine_reviews (SbDatabase  *database,
                 GError     **error)
{
  g_autoptr(GTimer) timer = NULL;
  gint64 experts[PANEL_SIZE];
  gint64 panels[N_PANELS];
  double checksum = 0;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 20, 11, 2026);
  if (!sb_database_begin (database, error))
    return -1;
  for (guint i = 0; i < PANEL_SIZE; i++)
    {
      g_autofree char *name = g_strdup_printf ("专家%u", i);

      if ((experts[i] = sb_expert_add (database, name, "研究员", 0, "", error)) == 0)
        return -1;
    }
  for (guint p = 0; p < N_PANELS; p++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO bases (id, short_name_zh, created_date)"
                                              " VALUES (%u, '基地%u', '2026-01-01')", p + 1, p + 1);

      if (!sb_database_exec (database, sql, error)
          || (panels[p] = sb_panel_form (database, p + 1, SB_PANEL_KIND_EXPERT, &date,
                                         experts, PANEL_SIZE, error)) == 0)
        return -1;
      for (guint e = 0; e < PANEL_SIZE; e++)
        {
          const double scores[] = { 15 + e, 20 + (p % 5), 10 + (e % 5), 8, 12 + (p % 10) };

          if (!sb_panel_submit_sheet (database, panels[p], experts[e], &date, scores, NULL,
                                      "同意", error))
            return -1;
        }
    }
  if (!sb_database_commit (database, error))
    return -1;

  timer = g_timer_new ();
  for (guint p = 0; p < N_PANELS; p++)
    {
      SbPanelScores scores;

      if (!sb_panel_combine (database, panels[p], &scores, error))
        return -1;
      checksum += scores.mean;
    }
  g_assert (checksum > 0);

  return g_timer_elapsed (timer, NULL);
}

static gboolean
fill_log (SbDatabase  *database,
          guint        n_entries,
          GError     **error)
{
  sqlite3_stmt *stmt;
  char prev[65], hash[65];
  sqlite3_stmt *head;

  guint first;

  /* Carry on from the entries the reviews made. */
  head = sb_database_prepare (database, "SELECT hash, seq FROM audit_log ORDER BY seq DESC LIMIT 1", error);
  if (head == NULL || sqlite3_step (head) != SQLITE_ROW)
    return FALSE;
  g_strlcpy (prev, (const char *) sqlite3_column_text (head, 0), sizeof prev);
  first = sqlite3_column_int (head, 1) + 1;
  sqlite3_reset (head);

  stmt = sb_database_prepare (database,
                              "INSERT INTO audit_log (seq, recorded_at, actor, role, entity,"
                              " operation, base_id, payload, hash)"
                              " VALUES (?, ?, '张明', 'authority', 'transitions', 'insert', ?, ?, ?)",
                              error);
  if (stmt == NULL || !sb_database_begin (database, error))
    return FALSE;

  for (guint seq = first; seq <= n_entries; seq++)
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
  double combine_s, fill_s, verify_s;
  int status = EXIT_SUCCESS;

  if (dir == NULL)
    {
      g_printerr ("bench-audit: %s\n", error->message);
      return EXIT_FAILURE;
    }
  path = g_build_filename (dir, "audit.db", NULL);
  database = sb_database_open (path, SB_DATABASE_OPEN_FLAGS_CREATE, &error);
  if (database == NULL || (combine_s = combine_reviews (database, &error)) < 0)
    {
      g_printerr ("bench-audit: %s\n", error->message);
      return EXIT_FAILURE;
    }
  g_print ("combining the scores of %u reviews (%u panels): %.1f ms\n",
           N_PANELS * PANEL_SIZE, N_PANELS, combine_s * 1000);

  g_timer_start (timer);
  if (!fill_log (database, n_entries, &error))
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
