/* test-formal-review.c: the checklist of the formal review (Art. 14)
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sb-demo.h"
#include "sb-formal-review.h"
#include "sb-programme.h"

static SbProgramme *programme;
static SbDatabase *database;

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

static void
test_checklist (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *sql = NULL;
  const SbChecklistItem *item;
  gint64 base = query_int ("SELECT id FROM bases WHERE state = 'recommended' ORDER BY id LIMIT 1");
  gint64 document;

  g_assert_cmpint (base, >, 0);
  items = sb_formal_review_check (database, base, &error);
  g_assert_no_error (error);

  /* Art. 11 (1) to (5), Art. 12, Art. 13, in that order. */
  g_assert_cmpuint (items->len, ==, 7);
  g_assert_nonnull (strstr (((SbChecklistItem *) g_ptr_array_index (items, 0))->label, "(1)"));
  g_assert_nonnull (strstr (((SbChecklistItem *) g_ptr_array_index (items, 5))->label, "Art. 12"));
  g_assert_nonnull (strstr (((SbChecklistItem *) g_ptr_array_index (items, 6))->label, "Art. 13"));

  /* A demonstration lead unit is a Shanxi legal person, and recommended. */
  g_assert_true (((SbChecklistItem *) g_ptr_array_index (items, 0))->satisfied);
  g_assert_true (((SbChecklistItem *) g_ptr_array_index (items, 6))->satisfied);

  /* Condition (2) wants a statement and an evidence PDF. */
  item = g_ptr_array_index (items, 1);
  g_assert_false (item->satisfied);
  g_assert_nonnull (strstr (item->finding, "0 evidence PDFs"));
  g_clear_pointer (&items, g_ptr_array_unref);

  sql = g_strdup_printf ("INSERT INTO documents (sha256, file_name, size, pages, base_id, added_at)"
                         " VALUES ('ab', '支持函.pdf', 1000, 2, %" G_GINT64_FORMAT ", '2026-10-01');"
                         "INSERT OR REPLACE INTO application_conditions (base_id, condition, statement)"
                         " VALUES (%" G_GINT64_FORMAT ", 2, '市政府出具支持函');", base, base);
  g_assert_true (sb_database_exec (database, sql, &error));
  document = sqlite3_last_insert_rowid (sb_database_get_handle (database));
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO condition_documents (base_id, condition, document_id)"
                         " VALUES (%" G_GINT64_FORMAT ", 2, %" G_GINT64_FORMAT ")", base, document);
  g_assert_true (sb_database_exec (database, sql, &error));
  g_assert_no_error (error);

  items = sb_formal_review_check (database, base, &error);
  item = g_ptr_array_index (items, 1);
  g_assert_true (item->satisfied);
  g_assert_nonnull (strstr (item->finding, "1 evidence PDF"));
}

static void
test_describe_missing (void)
{
  g_autoptr(GError) error = NULL;
  gint64 base = query_int ("SELECT id FROM bases WHERE state = 'recommended' ORDER BY id LIMIT 1");
  g_autoptr(GPtrArray) items = sb_formal_review_check (database, base, &error);
  g_autofree gboolean *accepted = g_new0 (gboolean, items->len);
  g_autofree char *all = NULL;
  g_autofree char *some = NULL;

  for (guint i = 0; i < items->len; i++)
    accepted[i] = TRUE;
  all = sb_formal_review_describe_missing (items, accepted, "好");
  g_assert_null (all);

  accepted[2] = FALSE;
  accepted[4] = FALSE;
  some = sb_formal_review_describe_missing (items, accepted, "请补充证明材料");
  g_assert_true (g_str_has_prefix (some, "To correct: "));
  g_assert_nonnull (strstr (some, ((SbChecklistItem *) g_ptr_array_index (items, 2))->label));
  g_assert_nonnull (strstr (some, ((SbChecklistItem *) g_ptr_array_index (items, 4))->label));
  g_assert_null (strstr (some, ((SbChecklistItem *) g_ptr_array_index (items, 3))->label));
  g_assert_true (g_str_has_suffix (some, "请补充证明材料"));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  GDate today;
  int status;

  g_test_init (&argc, &argv, NULL);

  dir = g_dir_make_tmp ("stdbase-test-formal-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "formal.db", NULL);
  programme = sb_programme_open (path, SB_DATABASE_OPEN_FLAGS_CREATE, &error);
  g_assert_no_error (error);
  database = sb_programme_get_database (programme);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 27, 11, 2026);
  g_assert_true (sb_demo_fill (sb_programme_get_store (programme), 30, 7, &today, &error));

  g_test_add_func ("/formal-review/checklist", test_checklist);
  g_test_add_func ("/formal-review/describe-missing", test_describe_missing);
  status = g_test_run ();

  g_clear_object (&programme);
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
