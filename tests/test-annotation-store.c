/* test-annotation-store.c: annotations recorded against reviews, with the
 * annotated copy in the document store
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "sb-annotation-pdf.h"
#include "sb-annotation-store.h"
#include "sb-document-store.h"
#include "sb-pdf.h"
#include "test-pdf-fixtures.h"

typedef struct
{
  char       *dir;
  SbDatabase *database;
  gint64      base_id;
  gint64      document_id;
  char       *original;     /* the stored copy */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *pdf = NULL;

  fixture->dir = sb_test_pdf_temp_dir ();
  db_path = g_build_filename (fixture->dir, "programme.db", NULL);
  fixture->database = sb_database_open (db_path, SB_DATABASE_OPEN_FLAGS_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (sb_database_exec (fixture->database,
                                   "INSERT INTO bases (short_name_zh, created_date) VALUES ('测试', '2026-01-05')",
                                   &error));
  fixture->base_id = sqlite3_last_insert_rowid (sb_database_get_handle (fixture->database));

  pdf = g_build_filename (fixture->dir, "application.pdf", NULL);
  sb_test_pdf_write_pages (pdf, 4);
  fixture->document_id = sb_document_store_import (fixture->database, pdf, fixture->base_id,
                                                   "attachment", &error);
  g_assert_no_error (error);
  fixture->original = sb_document_store_get_path (fixture->database, fixture->document_id, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->database);
  sb_test_pdf_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->original);
}

static GPtrArray *
some_annotations (void)
{
  GPtrArray *annotations = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_annotation_free);
  SbAnnotation *annotation;
  GArray *stroke;

  annotation = sb_annotation_new (SB_ANNOTATION_HIGHLIGHT, 0);
  sb_annotation_add_rect (annotation, &(SbPdfRect) { 72, 186, 380, 202 });
  sb_annotation_add_rect (annotation, &(SbPdfRect) { 72, 206, 300, 222 });
  sb_annotation_update_area (annotation);
  annotation->author = (g_free (annotation->author), g_strdup ("王审查"));
  annotation->contents = (g_free (annotation->contents), g_strdup ("与第十一条对照"));
  g_ptr_array_add (annotations, annotation);

  annotation = sb_annotation_new (SB_ANNOTATION_NOTE, 1);
  annotation->area = (SbPdfRect) { 400, 100, 420, 120 };
  annotation->author = (g_free (annotation->author), g_strdup ("王审查"));
  annotation->contents = (g_free (annotation->contents), g_strdup ("Budget?"));
  g_ptr_array_add (annotations, annotation);

  annotation = sb_annotation_new (SB_ANNOTATION_INK, 3);
  stroke = sb_annotation_add_stroke (annotation);
  sb_annotation_stroke_add_point (annotation, stroke, 100, 100);
  sb_annotation_stroke_add_point (annotation, stroke, 150, 130);
  sb_annotation_stroke_add_point (annotation, stroke, 200, 100);
  sb_annotation_update_area (annotation);
  annotation->author = (g_free (annotation->author), g_strdup ("王审查"));
  g_ptr_array_add (annotations, annotation);

  return annotations;
}

static gint64
count (SbDatabase *database,
       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (sb_database_get_handle (database), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static void
test_save_and_load (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) annotations = some_annotations ();
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GPtrArray) in_pdf = NULL;
  g_autofree char *original_before = NULL;
  g_autofree char *original_after = NULL;
  g_autofree char *annotated_path = NULL;
  g_autofree char *geometry = NULL;
  g_autofree char *expected_geometry = NULL;
  PopplerDocument *document;
  gsize before, after;
  GDate today;
  gint64 review_id, again, annotated_id;
  SbAnnotation *first;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 27, 11, 2026);
  review_id = sb_annotation_store_ensure_review (fixture->database, fixture->base_id, SB_REVIEW_FORMAL,
                                                 "王审查", &today, &error);
  g_assert_no_error (error);
  g_assert_cmpint (review_id, >, 0);
  again = sb_annotation_store_ensure_review (fixture->database, fixture->base_id, SB_REVIEW_FORMAL,
                                             "王审查", &today, &error);
  g_assert_cmpint (again, ==, review_id);

  g_assert_true (g_file_get_contents (fixture->original, &original_before, &before, NULL));
  annotated_id = sb_annotation_store_save (fixture->database, fixture->document_id, review_id, NULL,
                                           annotations, &error);
  g_assert_no_error (error);
  g_assert_cmpint (annotated_id, >, fixture->document_id);
  for (guint i = 0; i < annotations->len; i++)
    g_assert_cmpint (((SbAnnotation *) g_ptr_array_index (annotations, i))->id, >, 0);

  /* The original stays as it was; the copy is a document of the same base. */
  g_assert_true (g_file_get_contents (fixture->original, &original_after, &after, NULL));
  g_assert_cmpmem (original_before, before, original_after, after);
  g_assert_cmpint (sb_annotation_store_get_document_base (fixture->database, annotated_id), ==, fixture->base_id);
  g_assert_cmpint (sb_annotation_store_find_original (fixture->database, annotated_id), ==, fixture->document_id);
  g_assert_cmpint (sb_annotation_store_find_original (fixture->database, fixture->document_id), ==, 0);
  {
    g_autoptr(GBytes) original_bytes = g_bytes_new (original_before, before);
    g_autofree char *copy_path = sb_document_store_get_path (fixture->database, annotated_id, NULL);
    g_autofree char *copy_contents = NULL;
    g_autoptr(GBytes) copy_bytes = NULL;
    gsize copy_length;

    g_assert_cmpint (sb_annotation_store_find_document (fixture->database, original_bytes), ==, fixture->document_id);
    /* The annotated copy is no document to annotate. */
    g_assert_true (g_file_get_contents (copy_path, &copy_contents, &copy_length, NULL));
    copy_bytes = g_bytes_new (copy_contents, copy_length);
    g_assert_cmpint (sb_annotation_store_find_document (fixture->database, copy_bytes), ==, 0);
  }
  g_assert_cmpint (count (fixture->database, "SELECT count(*) FROM documents WHERE kind = 'annotated'"), ==, 1);
  g_assert_cmpint (count (fixture->database,
                          "SELECT count(*) FROM documents WHERE file_name = 'application (annotated).pdf'"), ==, 1);

  annotated_path = sb_document_store_get_path (fixture->database, annotated_id, &error);
  document = sb_pdf_open (annotated_path, NULL, &error);
  g_assert_no_error (error);
  in_pdf = sb_annotation_pdf_read (document);
  g_assert_cmpuint (in_pdf->len, ==, 3);
  g_object_unref (document);

  loaded = sb_annotation_store_load (fixture->database, fixture->document_id, review_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 3);
  first = g_ptr_array_index (loaded, 0);
  g_assert_cmpint (first->kind, ==, SB_ANNOTATION_HIGHLIGHT);
  g_assert_cmpstr (first->author, ==, "王审查");
  g_assert_cmpstr (first->contents, ==, "与第十一条对照");
  geometry = sb_annotation_dup_geometry (first);
  expected_geometry = sb_annotation_dup_geometry (g_ptr_array_index (annotations, 0));
  g_assert_cmpstr (geometry, ==, expected_geometry);
  g_assert_true (g_date_time_equal (first->date, ((SbAnnotation *) g_ptr_array_index (annotations, 0))->date)
                 || g_date_time_difference (first->date, ((SbAnnotation *) g_ptr_array_index (annotations, 0))->date) < G_TIME_SPAN_SECOND);
  g_assert_cmpuint (((SbAnnotation *) g_ptr_array_index (loaded, 2))->strokes->len, ==, 1);

  /* Saving again replaces the records: one note fewer. */
  g_ptr_array_remove_index (loaded, 1);
  g_assert_cmpint (sb_annotation_store_save (fixture->database, fixture->document_id, review_id, NULL,
                                             loaded, &error), >, 0);
  g_assert_no_error (error);
  g_clear_pointer (&loaded, g_ptr_array_unref);
  loaded = sb_annotation_store_load (fixture->database, fixture->document_id, review_id, &error);
  g_assert_cmpuint (loaded->len, ==, 2);
  g_assert_cmpint (count (fixture->database, "SELECT count(*) FROM annotations"), ==, 2);

  /* Another review's annotations are its own. */
  {
    g_autoptr(GPtrArray) none = sb_annotation_store_load (fixture->database, fixture->document_id, 0, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (none->len, ==, 0);
  }
}

static void
test_save_refused (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) annotations = some_annotations ();
  SbAnnotation *far = sb_annotation_new (SB_ANNOTATION_NOTE, 40);

  g_ptr_array_add (annotations, far);
  g_assert_cmpint (sb_annotation_store_save (fixture->database, fixture->document_id, 0, NULL,
                                             annotations, &error), ==, 0);
  g_assert_error (error, SB_PDF_ERROR, SB_PDF_ERROR_NO_PAGE);
  /* Nothing was recorded, no copy was added. */
  g_assert_cmpint (count (fixture->database, "SELECT count(*) FROM annotations"), ==, 0);
  g_assert_cmpint (count (fixture->database, "SELECT count(*) FROM documents"), ==, 1);
  g_assert_cmpint (((SbAnnotation *) g_ptr_array_index (annotations, 0))->id, ==, 0);

  g_clear_error (&error);
  g_assert_cmpint (sb_annotation_store_save (fixture->database, 999, 0, NULL, annotations, &error), ==, 0);
  g_assert_nonnull (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/annotation-store/save-and-load", Fixture, NULL, fixture_set_up, test_save_and_load, fixture_tear_down);
  g_test_add ("/annotation-store/save-refused", Fixture, NULL, fixture_set_up, test_save_refused, fixture_tear_down);

  return g_test_run ();
}
