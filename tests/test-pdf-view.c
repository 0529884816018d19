/* test-pdf-view.c: the PDF view, driven under Xvfb
 *
 * Opens a generated multi-page PDF from the document store, moves through
 * it, searches it, highlights selected text and saves; opens it again and
 * finds the highlight; and refuses bad files with a message, asking for
 * the password of a protected one.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sb-annotation-pdf.h"
#include "sb-annotation-store.h"
#include "sb-base-page.h"
#include "sb-document-store.h"
#include "sb-pdf.h"
#include "sb-pdf-window.h"
#include "test-pdf-fixtures.h"

#define N_PAGES 12

static GtkApplication *application;

typedef struct
{
  char   *dir;
  char   *db_path;
  gint64  document_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbDatabase) database = NULL;
  g_autofree char *pdf = NULL;
  gint64 base_id;

  fixture->dir = sb_test_pdf_temp_dir ();
  fixture->db_path = g_build_filename (fixture->dir, "programme.db", NULL);
  database = sb_database_open (fixture->db_path, SB_DATABASE_OPEN_FLAGS_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (sb_database_exec (database,
                                   "INSERT INTO bases (short_name_zh, state, created_date)"
                                   " VALUES ('智能采掘', 'recommended', '2026-01-05')", &error));
  base_id = sqlite3_last_insert_rowid (sb_database_get_handle (database));
  pdf = g_build_filename (fixture->dir, "application.pdf", NULL);
  sb_test_pdf_write_pages (pdf, N_PAGES);
  fixture->document_id = sb_document_store_import (database, pdf, base_id, "attachment", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sb_test_pdf_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db_path);
}

static gboolean
timed_out (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done says so, for at most ten seconds. */
#define WAIT_FOR(condition) \
  G_STMT_START { \
    gboolean expired = FALSE; \
    guint timeout = g_timeout_add_seconds (10, timed_out, &expired); \
    while (!(condition) && !expired) \
      g_main_context_iteration (NULL, TRUE); \
    if (!expired) \
      g_source_remove (timeout); \
    g_assert_true (condition); \
  } G_STMT_END

static SbPdfWindow *
open_window (const char *db_path,
             gint64      document_id,
             const char *path)
{
  SbPdfWindow *window = sb_pdf_window_new (application, db_path, document_id, path);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 760);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_FOR (!g_str_equal (sb_pdf_window_get_state (window), "loading"));
  if (g_str_equal (sb_pdf_window_get_state (window), "document"))
    WAIT_FOR (gtk_widget_get_width (GTK_WIDGET (sb_pdf_window_get_canvas (window))) > 0);
  return window;
}

static void
close_window (SbPdfWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gint64
count (const char *db_path,
       const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static void
test_navigate_search_highlight (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SbPdfWindow *window = open_window (fixture->db_path, fixture->document_id, NULL);
  SbPdfCanvas *canvas = sb_pdf_window_get_canvas (window);
  GPtrArray *annotations = sb_pdf_window_get_annotations (window);
  g_autofree char *selected = NULL;
  SbPdfRect line = { 70, 182, 450, 202 };   /* "The lead unit has drafted …" */
  SbAnnotation *highlight;
  double zoom;

  g_assert_cmpstr (sb_pdf_window_get_state (window), ==, "document");
  g_assert_cmpint (sb_pdf_canvas_get_n_pages (canvas), ==, N_PAGES);
  g_assert_cmpuint (annotations->len, ==, 0);
  g_assert_false (sb_pdf_window_get_modified (window));

  /* Page navigation, by action and by page number. */
  g_assert_cmpint (sb_pdf_canvas_get_page (canvas), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "pdf.next-page", NULL));
  g_assert_cmpint (sb_pdf_canvas_get_page (canvas), ==, 1);
  sb_pdf_canvas_scroll_to_page (canvas, 9);
  g_assert_cmpint (sb_pdf_canvas_get_page (canvas), ==, 9);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "pdf.previous-page", NULL));
  g_assert_cmpint (sb_pdf_canvas_get_page (canvas), ==, 8);

  /* Zoom: in, out, to a percentage, and fitting the page. */
  zoom = sb_pdf_canvas_get_zoom (canvas);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "pdf.zoom-in", NULL));
  g_assert_cmpfloat (sb_pdf_canvas_get_zoom (canvas), >, zoom);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "pdf.zoom", "d", 1.5));
  g_assert_cmpfloat_with_epsilon (sb_pdf_canvas_get_zoom (canvas), 1.5, 0.001);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "pdf.zoom-reset", NULL));
  g_assert_cmpfloat_with_epsilon (sb_pdf_canvas_get_zoom (canvas), 1.0, 0.001);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "pdf.zoom-fit-page", NULL));
  WAIT_FOR (sb_pdf_canvas_get_zoom (canvas) < 0.9);
  /* Still on the same page after zooming. */
  g_assert_cmpint (sb_pdf_canvas_get_page (canvas), ==, 8);

  /* Search: one line on every page; the first hit is shown. */
  sb_pdf_window_find (window, "coal mining");
  WAIT_FOR (sb_pdf_canvas_get_n_hits (canvas) == N_PAGES);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "pdf.find-next", NULL));
  g_assert_nonnull (sb_pdf_window_get_search_status (window));
  g_assert_nonnull (strstr (sb_pdf_window_get_search_status (window), " of 12"));
  sb_pdf_window_find (window, "no such words anywhere");
  WAIT_FOR (g_strcmp0 (sb_pdf_window_get_search_status (window), "No matches") == 0);
  g_assert_cmpuint (sb_pdf_canvas_get_n_hits (canvas), ==, 0);

  /* Select text on the first page, copy it, highlight it. */
  sb_pdf_canvas_scroll_to_page (canvas, 0);
  g_assert_true (sb_pdf_canvas_select_text (canvas, 0, &line));
  selected = sb_pdf_canvas_dup_selected_text (canvas);
  g_assert_nonnull (strstr (selected, "intelligent coal mining"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "pdf.copy", NULL));
  highlight = sb_pdf_canvas_annotate_selection (canvas, SB_ANNOTATION_HIGHLIGHT);
  g_assert_nonnull (highlight);
  g_assert_cmpuint (annotations->len, ==, 1);
  g_assert_cmpuint (highlight->rects->len, >, 0);
  g_assert_cmpstr (highlight->author, !=, "");
  g_assert_true (sb_pdf_window_get_modified (window));

  /* Text selected across two pages is copied whole and marked on both. */
  g_assert_true (sb_pdf_canvas_select_range (canvas, 2, 70, 700, 3, 300, 150));
  g_clear_pointer (&selected, g_free);
  selected = sb_pdf_canvas_dup_selected_text (canvas);
  g_assert_nonnull (strstr (selected, "Line 29"));
  g_assert_nonnull (strstr (selected, "Page 4 of the application"));
  g_assert_nonnull (sb_pdf_canvas_annotate_selection (canvas, SB_ANNOTATION_UNDERLINE));
  g_assert_cmpuint (annotations->len, ==, 3);
  g_assert_cmpint (((SbAnnotation *) g_ptr_array_index (annotations, 1))->page, ==, 2);
  g_assert_cmpint (((SbAnnotation *) g_ptr_array_index (annotations, 2))->page, ==, 3);
  g_assert_null (sb_pdf_canvas_dup_selected_text (canvas));
  sb_pdf_canvas_set_selected_annotation (canvas, NULL);
  g_ptr_array_set_size (annotations, 1);

  /* Save: a new PDF in the store, and the record against the formal
   * review, which the base's state suggests. */
  g_assert_true (sb_pdf_window_save (window, &error));
  g_assert_no_error (error);
  g_assert_false (sb_pdf_window_get_modified (window));
  g_assert_cmpint (count (fixture->db_path, "SELECT count(*) FROM annotations WHERE kind = 'highlight'"), ==, 1);
  g_assert_cmpint (count (fixture->db_path, "SELECT count(*) FROM reviews WHERE kind = 'formal'"), ==, 1);
  g_assert_cmpint (count (fixture->db_path, "SELECT count(*) FROM documents WHERE kind = 'annotated'"), ==, 1);
  close_window (window);

  /* The annotated copy holds the highlight, for any viewer. */
  {
    g_autoptr(SbDatabase) database = sb_database_open (fixture->db_path, SB_DATABASE_OPEN_FLAGS_NONE, &error);
    gint64 annotated = count (fixture->db_path, "SELECT id FROM documents WHERE kind = 'annotated'");
    g_autofree char *path = sb_document_store_get_path (database, annotated, &error);
    PopplerDocument *document = sb_pdf_open (path, NULL, &error);
    g_autoptr(GPtrArray) read = NULL;

    g_assert_no_error (error);
    read = sb_annotation_pdf_read (document);
    g_assert_cmpuint (read->len, ==, 1);
    g_assert_cmpint (((SbAnnotation *) g_ptr_array_index (read, 0))->kind, ==, SB_ANNOTATION_HIGHLIGHT);
    g_object_unref (document);
  }

  /* Opening the document again shows the highlight. */
  window = open_window (fixture->db_path, fixture->document_id, NULL);
  annotations = sb_pdf_window_get_annotations (window);
  g_assert_cmpuint (annotations->len, ==, 1);
  g_assert_cmpint (((SbAnnotation *) g_ptr_array_index (annotations, 0))->kind, ==, SB_ANNOTATION_HIGHLIGHT);
  close_window (window);

  /* So does opening the annotated copy: it opens as the original. */
  window = open_window (fixture->db_path, count (fixture->db_path, "SELECT id FROM documents WHERE kind = 'annotated'"), NULL);
  g_assert_cmpint (sb_pdf_window_get_document_id (window), ==, fixture->document_id);
  g_assert_cmpuint (sb_pdf_window_get_annotations (window)->len, ==, 1);
  close_window (window);
}

static void
test_bad_files (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *garbage = g_build_filename (fixture->dir, "garbage.pdf", NULL);
  g_autofree char *empty = g_build_filename (fixture->dir, "empty.pdf", NULL);
  g_autofree char *locked = g_build_filename (fixture->dir, "locked.pdf", NULL);
  SbPdfWindow *window;

  sb_test_pdf_write_bytes (garbage, "<html>not a pdf</html>", -1);
  sb_test_pdf_write_bytes (empty, "", 0);
  sb_test_pdf_write_encrypted (locked, "secret");

  window = open_window (NULL, 0, garbage);
  g_assert_cmpstr (sb_pdf_window_get_state (window), ==, "error");
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (sb_pdf_window_get_canvas (window))) &&
                  gtk_widget_get_mapped (GTK_WIDGET (sb_pdf_window_get_canvas (window))));
  close_window (window);

  window = open_window (NULL, 0, empty);
  g_assert_cmpstr (sb_pdf_window_get_state (window), ==, "error");
  close_window (window);

  window = open_window (NULL, 0, locked);
  g_assert_cmpstr (sb_pdf_window_get_state (window), ==, "password");
  sb_pdf_window_set_password (window, "wrong");
  g_assert_cmpstr (sb_pdf_window_get_state (window), ==, "password");
  sb_pdf_window_set_password (window, "secret");
  g_assert_cmpstr (sb_pdf_window_get_state (window), ==, "document");
  g_assert_cmpint (sb_pdf_canvas_get_n_pages (sb_pdf_window_get_canvas (window)), ==, 1);
  /* The password dialogs that were asked. */
  close_window (window);
}

static void
test_from_disk_saved_into_store (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "report.pdf", NULL);
  SbPdfWindow *window;
  SbAnnotation *note;

  sb_test_pdf_write_pages (pdf, 2);
  window = open_window (fixture->db_path, 0, pdf);
  g_assert_cmpstr (sb_pdf_window_get_state (window), ==, "document");

  note = sb_annotation_new (SB_ANNOTATION_NOTE, 1);
  note->area = (SbPdfRect) { 300, 300, 320, 320 };
  note->contents = (g_free (note->contents), g_strdup ("请核实"));
  g_ptr_array_add (sb_pdf_window_get_annotations (window), note);
  g_assert_true (sb_pdf_window_save (window, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sb_pdf_window_get_document_id (window), >, fixture->document_id);
  g_assert_cmpint (count (fixture->db_path,
                          "SELECT count(*) FROM annotations WHERE review_id IS NULL AND contents = '请核实'"), ==, 1);
  close_window (window);

  /* The same file opened from disk again finds its stored annotations. */
  window = open_window (fixture->db_path, 0, pdf);
  g_assert_cmpint (sb_pdf_window_get_document_id (window), >, fixture->document_id);
  g_assert_cmpuint (sb_pdf_window_get_annotations (window)->len, ==, 1);
  close_window (window);
}

/* The base page opens its documents here, not in another program. */
static void
test_from_base_page (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbProgramme) programme = sb_programme_open (fixture->db_path, SB_DATABASE_OPEN_FLAGS_NONE, &error);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = sb_base_page_new ();
  SbPdfWindow *pdf_window = NULL;
  gint64 base_id = count (fixture->db_path, "SELECT id FROM bases");

  g_assert_no_error (error);
  gtk_window_set_application (GTK_WINDOW (window), application);
  gtk_window_set_child (GTK_WINDOW (window), page);
  sb_base_page_set_programme (SB_BASE_PAGE (page), programme);
  sb_base_page_set_base_id (SB_BASE_PAGE (page), base_id);
  gtk_window_present (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_true (gtk_widget_activate_action (page, "base.open-document", "x", fixture->document_id));
  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    {
      if (SB_IS_PDF_WINDOW (l->data))
        pdf_window = l->data;
    }
  g_assert_nonnull (pdf_window);
  WAIT_FOR (g_str_equal (sb_pdf_window_get_state (pdf_window), "document"));
  g_assert_cmpint (sb_pdf_window_get_document_id (pdf_window), ==, fixture->document_id);
  g_assert_cmpint (sb_pdf_canvas_get_n_pages (sb_pdf_window_get_canvas (pdf_window)), ==, N_PAGES);

  close_window (pdf_window);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: run the UI tests under Xvfb (build-aux/dev test does)\n");
      return 77;
    }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  application = gtk_application_new ("org.shanxi.StdBase.PdfTest", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  g_test_add ("/pdf-view/navigate-search-highlight", Fixture, NULL, fixture_set_up,
              test_navigate_search_highlight, fixture_tear_down);
  g_test_add ("/pdf-view/bad-files", Fixture, NULL, fixture_set_up, test_bad_files, fixture_tear_down);
  g_test_add ("/pdf-view/from-disk", Fixture, NULL, fixture_set_up,
              test_from_disk_saved_into_store, fixture_tear_down);
  g_test_add ("/pdf-view/from-base-page", Fixture, NULL, fixture_set_up,
              test_from_base_page, fixture_tear_down);

  status = g_test_run ();
  g_object_unref (application);
  return status;
}
