/* test-midterm.c: the mid-term report and the plan adjustments (Art. 19)
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sb-demo.h"
#include "sb-document-store.h"
#include "sb-midterm.h"
#include "sb-programme.h"

static SbProgramme *programme;
static SbDatabase *database;
static char *dir;
static GDate today;

/* The folder and everything in it: the database, the document store. */
static void
remove_all (const char *path)
{
  g_autoptr(GDir) listing = g_dir_open (path, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_all (child);
    }
  if (g_rmdir (path) != 0)
    g_remove (path);
}

static gint64
query_int (const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (sb_database_get_handle (database), sql, -1, &stmt, NULL),
                   ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

/* A base under construction, given a plan of two tasks over three years. */
static gint64
base_with_plan (const char *state)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *find = g_strdup_printf ("SELECT id FROM bases WHERE state = '%s'"
                                           " AND id NOT IN (SELECT base_id FROM plans)"
                                           " ORDER BY id LIMIT 1", state);
  gint64 base = query_int (find);
  g_autofree char *sql = NULL;

  g_assert_cmpint (base, >, 0);
  sql = g_strdup_printf ("INSERT INTO plans (base_id, goals, submitted_date) VALUES (%1$" G_GINT64_FORMAT ", '目标', '2025-01-10');"
                         "INSERT INTO plan_tasks (base_id, position, title) VALUES (%1$" G_GINT64_FORMAT ", 0, '团体标准');"
                         "INSERT INTO plan_milestones (task_id, year, date, title)"
                         " SELECT id, 1, '2025-12-31', '立项两项' FROM plan_tasks WHERE base_id = %1$" G_GINT64_FORMAT ";"
                         "INSERT INTO plan_milestones (task_id, year, date, title)"
                         " SELECT id, 2, '2026-12-31', '发布两项' FROM plan_tasks WHERE base_id = %1$" G_GINT64_FORMAT ";"
                         "INSERT INTO plan_tasks (base_id, position, title) VALUES (%1$" G_GINT64_FORMAT ", 1, '人才培训');"
                         "INSERT INTO plan_milestones (task_id, year, date, title)"
                         " SELECT max (id), 1, '2025-12-31', '培训百人' FROM plan_tasks WHERE base_id = %1$" G_GINT64_FORMAT ";",
                         base);
  g_assert_true (sb_database_exec (database, sql, &error));
  g_assert_no_error (error);

  return base;
}

static char *
make_report_pdf (void)
{
  char *path = g_build_filename (dir, "中期报告.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);

  cairo_move_to (cr, 72, 72);
  cairo_show_text (cr, "Mid-term report");
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return path;
}

static void
test_submit (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GArray) documents = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *pdf = make_report_pdf ();
  g_autofree char *sql = NULL;
  gint64 base = base_with_plan ("constructing");
  gint64 document;
  GDate date;

  items = sb_midterm_list_items (database, base, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 3);
  /* By date: the two first-year milestones, then the second year's. */
  g_assert_cmpint (((SbMidtermItem *) g_ptr_array_index (items, 2))->year, ==, 2);
  for (guint i = 0; i < items->len; i++)
    g_assert_cmpint (((SbMidtermItem *) g_ptr_array_index (items, i))->progress, ==, SB_PROGRESS_NOT_YET);

  ((SbMidtermItem *) g_ptr_array_index (items, 0))->progress = SB_PROGRESS_ACHIEVED;
  ((SbMidtermItem *) g_ptr_array_index (items, 1))->progress = SB_PROGRESS_PARTLY;

  document = sb_document_store_import (database, pdf, base, "midterm-report", &error);
  g_assert_no_error (error);
  g_array_append_val (documents, document);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 20, 11, 2026);

  /* A summary is required; nothing is kept without it. */
  g_assert_false (sb_midterm_submit (sb_programme_get_store (programme), base, items, "  ", documents,
                                     "陈刚", &date, &today, &error));
  g_assert_error (error, SB_BASE_STORE_ERROR, SB_BASE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  sql = g_strdup_printf ("SELECT count(*) FROM midterm_progress WHERE base_id = %" G_GINT64_FORMAT, base);
  g_assert_cmpint (query_int (sql), ==, 0);

  g_assert_true (sb_midterm_submit (sb_programme_get_store (programme), base, items,
                                    "标准研制进展顺利，培训按计划推进。", documents, "陈刚",
                                    &date, &today, &error));
  g_assert_no_error (error);

  g_assert_cmpint (query_int (sql), ==, 3);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM transitions t JOIN transition_documents d"
                         " ON d.transition_id = t.id WHERE t.base_id = %" G_GINT64_FORMAT
                         " AND t.action = 'submit-midterm-report' AND t.actor = '陈刚'", base);
  g_assert_cmpint (query_int (sql), ==, 1);
  g_assert_cmpint (query_int ("SELECT count(*) FROM audit_log WHERE entity = 'midterm_progress'"), ==, 3);

  /* Read back as reported. */
  again = sb_midterm_list_items (database, base, &error);
  g_assert_cmpint (((SbMidtermItem *) g_ptr_array_index (again, 0))->progress, ==, SB_PROGRESS_ACHIEVED);
  g_assert_cmpint (((SbMidtermItem *) g_ptr_array_index (again, 1))->progress, ==, SB_PROGRESS_PARTLY);
  g_assert_cmpint (((SbMidtermItem *) g_ptr_array_index (again, 2))->progress, ==, SB_PROGRESS_NOT_YET);
}

/* A base that is not under construction has no mid-term report to give:
 * the step is refused with its article and the progress is not kept. */
static void
test_refused_keeps_nothing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *sql = NULL;
  gint64 base = base_with_plan ("preparing");

  items = sb_midterm_list_items (database, base, &error);
  g_assert_false (sb_midterm_submit (sb_programme_get_store (programme), base, items, "进展", NULL,
                                     "陈刚", &today, &today, &error));
  g_assert_error (error, SB_LIFECYCLE_ERROR, SB_LIFECYCLE_ERROR_WRONG_STATE);
  g_assert_nonnull (strstr (error->message, "Art."));

  sql = g_strdup_printf ("SELECT count(*) FROM midterm_progress WHERE base_id = %" G_GINT64_FORMAT, base);
  g_assert_cmpint (query_int (sql), ==, 0);
}

static void
test_plan_adjustment (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (sb_plan_record_adjustment (database, 5, &today, " ", &error));
  g_assert_error (error, SB_BASE_STORE_ERROR, SB_BASE_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (sb_plan_record_adjustment (database, 5, &today, "第三年团体标准目标由4项调整为3项", &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int ("SELECT count(*) FROM plan_adjustments WHERE base_id = 5"), ==, 1);
  g_assert_cmpint (query_int ("SELECT count(*) FROM audit_log WHERE entity = 'plan_adjustments'"), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  dir = g_dir_make_tmp ("stdbase-test-midterm-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "midterm.db", NULL);
  programme = sb_programme_open (path, SB_DATABASE_OPEN_FLAGS_CREATE, &error);
  g_assert_no_error (error);
  database = sb_programme_get_database (programme);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 27, 11, 2026);
  g_assert_true (sb_demo_fill (sb_programme_get_store (programme), 40, 7, &today, &error));

  g_test_add_func ("/midterm/submit", test_submit);
  g_test_add_func ("/midterm/refused-keeps-nothing", test_refused_keeps_nothing);
  g_test_add_func ("/midterm/plan-adjustment", test_plan_adjustment);
  status = g_test_run ();

  g_clear_object (&programme);
  remove_all (dir);
  g_free (dir);

  return status;
}
