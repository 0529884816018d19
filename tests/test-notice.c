/* test-notice.c: notices of annual assessment results, and spot checks
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "sb-demo.h"
#include "sb-notice.h"
#include "sb-programme.h"

static SbProgramme *programme;
static SbDatabase *database;
static char *dir;

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
test_file_assessment (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autofree char *sql = NULL;
  gint64 base = query_int ("SELECT base_id FROM assessments ORDER BY base_id LIMIT 1");
  int year;
  GDate date;

  g_assert_cmpint (base, >, 0);
  sql = g_strdup_printf ("SELECT year FROM assessments WHERE base_id = %" G_GINT64_FORMAT, base);
  year = query_int (sql);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 30, 6, 2026);

  notices = sb_notice_file_assessment (database, base, year, &date, &error);
  g_assert_no_error (error);
  /* The city's authority at least; the industry department when it recommended. */
  g_assert_cmpuint (notices->len, >=, 1);
  for (guint i = 0; i < notices->len; i++)
    {
      const SbNotice *notice = g_ptr_array_index (notices, i);

      g_assert_cmpint (notice->year, ==, year);
      g_assert_true (g_str_has_prefix (notice->title, "关于山西省技术标准创新基地（"));
      g_assert_true (g_str_has_prefix (notice->body, notice->recipient));
      g_assert_nonnull (strstr (notice->body, "第三十六条"));
      g_assert_nonnull (strstr (notice->body, "考核结果为"));
    }
  g_assert_nonnull (strstr (((SbNotice *) g_ptr_array_index (notices, notices->len - 1))->recipient,
                            "市场监督管理局"));

  /* Filing again replaces, it does not duplicate. */
  again = sb_notice_file_assessment (database, base, year, &date, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, notices->len);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM notices WHERE base_id = %" G_GINT64_FORMAT, base);
  g_assert_cmpint (query_int (sql), ==, notices->len);

  /* No assessment, no notice. */
  g_assert_null (sb_notice_file_assessment (database, base, 2001, &date, &error));
  g_assert_error (error, SB_NOTICE_ERROR, SB_NOTICE_ERROR_NOT_FOUND);
}

static void
test_pdf (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(GObject) document_object = NULL;
  PopplerDocument *document;
  g_autoptr(GObject) page_object = NULL;
  PopplerPage *page;
  g_autofree char *path = g_build_filename (dir, "notice.pdf", NULL);
  g_autofree char *uri = NULL;
  g_autofree char *text = NULL;
  gint64 base = query_int ("SELECT base_id FROM assessments ORDER BY base_id LIMIT 1");
  double width, height;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 30, 6, 2026);
  notices = sb_notice_list_for_base (database, base, &error);
  g_assert_no_error (error);
  if (notices->len == 0)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT year FROM assessments WHERE base_id = %"
                                              G_GINT64_FORMAT, base);

      g_clear_pointer (&notices, g_ptr_array_unref);
      notices = sb_notice_file_assessment (database, base, query_int (sql), &date, &error);
    }
  g_assert_true (sb_notice_write_pdf (notices, path, &error));
  g_assert_no_error (error);

  uri = g_filename_to_uri (path, NULL, &error);
  document = poppler_document_new_from_file (uri, NULL, &error);
  document_object = G_OBJECT (document);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, notices->len);
  page = poppler_document_get_page (document, 0);
  page_object = G_OBJECT (page);
  poppler_page_get_size (page, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, SB_NOTICE_PAGE_WIDTH, 0.5);
  g_assert_cmpfloat_with_epsilon (height, SB_NOTICE_PAGE_HEIGHT, 0.5);
  text = poppler_page_get_text (page);
  g_assert_nonnull (strstr (text, "考核结果"));
  g_assert_nonnull (strstr (text, "特此通知"));
  g_assert_nonnull (strstr (text, "山西省市场监督管理局"));
  g_remove (path);

  /* A folder that does not exist: an error, no file. */
  {
    g_autofree char *nowhere = g_build_filename (dir, "no", "such", "notice.pdf", NULL);

    g_assert_false (sb_notice_write_pdf (notices, nowhere, &error));
    g_assert_nonnull (error);
  }
}

static void
test_spot_checks (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  GDate first, second;
  gint64 base = 5;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 10, 3, 2026);
  g_date_clear (&second, 1);
  g_date_set_dmy (&second, 20, 9, 2026);

  g_assert_cmpint (sb_spot_check_record (database, base, &first, SB_SPOT_CHECK_ON_SITE, "张明", "  ",
                                         &error), ==, 0);
  g_assert_error (error, SB_NOTICE_ERROR, SB_NOTICE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (sb_spot_check_record (database, base, &first, SB_SPOT_CHECK_ON_SITE, "张明",
                                         "实验室运行正常", &error), >, 0);
  g_assert_cmpint (sb_spot_check_record (database, base, &second, SB_SPOT_CHECK_DOCUMENTS, "李静",
                                         "年度报告数据与台账一致", &error), >, 0);
  g_assert_no_error (error);

  checks = sb_spot_check_list_for_base (database, base, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checks->len, ==, 2);
  g_assert_cmpint (((SbSpotCheck *) g_ptr_array_index (checks, 0))->method, ==, SB_SPOT_CHECK_DOCUMENTS);
  g_assert_cmpstr (((SbSpotCheck *) g_ptr_array_index (checks, 1))->findings, ==, "实验室运行正常");
  g_assert_cmpint (query_int ("SELECT count(*) FROM audit_log WHERE entity = 'spot_checks'"), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GDate today;
  int status;

  g_test_init (&argc, &argv, NULL);

  dir = g_dir_make_tmp ("stdbase-test-notice-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "notice.db", NULL);
  programme = sb_programme_open (path, SB_DATABASE_OPEN_FLAGS_CREATE, &error);
  g_assert_no_error (error);
  database = sb_programme_get_database (programme);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 27, 11, 2026);
  g_assert_true (sb_demo_fill (sb_programme_get_store (programme), 72, 7, &today, &error));

  g_test_add_func ("/notice/file-assessment", test_file_assessment);
  g_test_add_func ("/notice/pdf", test_pdf);
  g_test_add_func ("/notice/spot-checks", test_spot_checks);
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
  g_free (dir);

  return status;
}
