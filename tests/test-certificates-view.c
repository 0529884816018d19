/* test-certificates-view.c: the Certificates section, driven under Xvfb
 *
 * Opens the window on the demonstration programme, goes to the section,
 * issues a certificate and waits for Poppler's preview; reissues it; and
 * prints two certificates in one job to a PDF file through
 * GtkPrintOperation, read back with Poppler.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <poppler.h>
#include <string.h>

#include "sb-certificate-item.h"
#include "sb-certificate-preview-window.h"
#include "sb-certificate-print.h"
#include "sb-certificate-render.h"
#include "sb-certificates-view.h"
#include "sb-demo.h"
#include "sb-programme.h"
#include "sb-window.h"

static GtkApplication *application;

typedef struct
{
  char *dir;
  char *path;
  GDate today;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbProgramme) programme = NULL;

  fixture->dir = g_dir_make_tmp ("test-certificates-view-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "programme.db", NULL);
  g_date_clear (&fixture->today, 1);
  g_date_set_dmy (&fixture->today, 27, 11, 2026);

  programme = sb_programme_open (fixture->path, SB_DATABASE_OPEN_FLAGS_CREATE, &error);
  g_assert_no_error (error);
  sb_demo_fill (sb_programme_get_store (programme), SB_DEMO_DEFAULT_COUNT, SB_DEMO_DEFAULT_SEED,
                &fixture->today, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
spin_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static gboolean
window_loaded (gpointer data)
{
  return g_strcmp0 (sb_window_get_page_name (data), "loading") != 0;
}

static gboolean
preview_settled (gpointer data)
{
  return g_strcmp0 (sb_certificates_view_get_preview_state (data), "loading") != 0;
}

static SbWindow *
open_window (Fixture *fixture)
{
  SbWindow *window = sb_window_new (application, fixture->path, &fixture->today);

  gtk_window_present (GTK_WINDOW (window));
  spin_until (window_loaded, window);
  g_assert_cmpstr (sb_window_get_page_name (window), ==, "content");
  return window;
}

/* The first row whose base holds no certificate. */
static SbCertificateItem *
find_unissued (GListModel *items)
{
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SbCertificateItem) item = g_list_model_get_item (items, i);

      if (sb_certificate_item_get_state (item) == SB_CERTIFICATE_STATE_NONE
          && !sb_certificate_item_is_base_revoked (item))
        return g_steal_pointer (&item);
    }

  return NULL;
}

static void
test_issue_then_preview (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbCertificateItem) item = NULL;
  g_autoptr(SbCertificateItem) after = NULL;
  g_autoptr(SbCertificateItem) reissued = NULL;
  g_autofree char *first_number = NULL;
  SbWindow *window = open_window (fixture);
  SbCertificatesView *view = sb_window_get_certificates_view (window);
  GListModel *items = sb_certificates_view_get_items (view);
  GdkPaintable *preview;
  gint64 base_id;
  guint position = G_MAXUINT;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "certificates");
  g_assert_cmpstr (sb_window_get_section (window), ==, "certificates");

  /* Every established base is listed; none holds a certificate yet. */
  g_assert_cmpuint (g_list_model_get_n_items (items), >=, 3);
  item = find_unissued (items);
  g_assert_nonnull (item);
  base_id = sb_certificate_item_get_base_id (item);

  g_assert_true (sb_certificates_view_select_base (view, base_id));
  spin_until (preview_settled, view);
  g_assert_cmpstr (sb_certificates_view_get_preview_state (view), ==, "none");
  /* The confirmation's response takes this act. */
  g_assert_true (sb_certificates_view_issue (view, &error));
  g_assert_no_error (error);

  /* The row now says issued, and Poppler's rendering is shown. */
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SbCertificateItem) row = g_list_model_get_item (items, i);

      if (sb_certificate_item_get_base_id (row) == base_id)
        {
          after = g_steal_pointer (&row);
          position = i;
        }
    }
  g_assert_cmpuint (position, !=, G_MAXUINT);
  g_assert_cmpint (sb_certificate_item_get_state (after), ==, SB_CERTIFICATE_STATE_ISSUED);
  first_number = g_strdup (sb_certificate_item_get_certificate (after)->number);
  g_assert_true (g_str_has_prefix (first_number, "SXJD-2026-"));

  spin_until (preview_settled, view);
  g_assert_cmpstr (sb_certificates_view_get_preview_state (view), ==, "preview");
  preview = sb_certificates_view_get_preview (view);
  g_assert_nonnull (preview);
  /* Landscape, and at least as wide as the preview's floor. */
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (preview), >=, 900);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (preview), >,
                   gdk_paintable_get_intrinsic_height (preview));

  /* The file it exports verifies as genuine, in the app too. */
  {
    g_autofree char *path = g_build_filename (fixture->dir, "issued.pdf", NULL);
    SbVerificationStatus status = -1;

    g_assert_true (sb_certificate_write_pdf (sb_certificate_item_get_certificate (after), path, &error));
    g_assert_no_error (error);
    g_assert_true (sb_certificates_view_verify_file (view, path, &status));
    g_assert_cmpint (status, ==, SB_VERIFICATION_VALID);
  }

  /* A second issue is no longer offered; a reissue is. */
  g_assert_false (sb_certificates_view_issue (view, &error));
  g_assert_error (error, SB_CERTIFICATE_ERROR, SB_CERTIFICATE_ERROR_ALREADY_ISSUED);
  g_clear_error (&error);

  g_assert_false (sb_certificates_view_reissue (view, "", &error));
  g_assert_error (error, SB_CERTIFICATE_ERROR, SB_CERTIFICATE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sb_certificates_view_reissue (view, "Damaged", &error));
  g_assert_no_error (error);

  reissued = g_list_model_get_item (items, position);
  g_assert_cmpint (sb_certificate_item_get_state (reissued), ==, SB_CERTIFICATE_STATE_REISSUED);
  g_assert_cmpstr (sb_certificate_item_get_certificate (reissued)->number, !=, first_number);
  spin_until (preview_settled, view);
  g_assert_cmpstr (sb_certificates_view_get_preview_state (view), ==, "preview");

  /* The search finds the base by its new number, and by its lead unit. */
  g_assert_cmpuint (sb_certificates_view_search (view, sb_certificate_item_get_certificate (reissued)->number), ==, 1);
  g_assert_cmpuint (sb_certificates_view_search (view, sb_certificate_item_get_listing (reissued)->lead_unit), >=, 1);
  g_assert_cmpuint (sb_certificates_view_search (view, "no such base anywhere"), ==, 0);
  g_assert_cmpstr (sb_certificates_view_get_preview_state (view), ==, "nothing");
  g_assert_true (sb_certificates_view_select_base (view, base_id));
  g_assert_cmpuint (g_list_model_get_n_items (items), >=, 3);

  /* The first file is void now; a file that is no certificate is refused. */
  {
    g_autofree char *path = g_build_filename (fixture->dir, "issued.pdf", NULL);
    g_autofree char *junk = g_build_filename (fixture->dir, "junk.pdf", NULL);
    SbVerificationStatus status = -1;

    g_assert_true (sb_certificates_view_verify_file (view, path, &status));
    g_assert_cmpint (status, ==, SB_VERIFICATION_VOID);
    g_assert_true (g_file_set_contents (junk, "%PDF-1.4 junk", -1, NULL));
    g_assert_false (sb_certificates_view_verify_file (view, junk, NULL));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_print_to_file (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbProgramme) programme = NULL;
  g_autoptr(GPtrArray) listings = NULL;
  g_autoptr(GPtrArray) certificates = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_certificate_free);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *output = g_build_filename (fixture->dir, "printed.pdf", NULL);
  g_autofree char *uri = NULL;
  PopplerDocument *document;
  GtkPrintOperationResult result;

  programme = sb_programme_open (fixture->path, SB_DATABASE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  listings = sb_certificate_store_list (sb_programme_get_database (programme), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < listings->len && certificates->len < 2; i++)
    {
      SbCertificateListing *listing = g_ptr_array_index (listings, i);
      SbCertificate *certificate = sb_certificate_store_issue (sb_programme_get_database (programme),
                                                               listing->base_id, &fixture->today,
                                                               NULL, &error);
      g_assert_no_error (error);
      g_ptr_array_add (certificates, certificate);
    }
  g_assert_cmpuint (certificates->len, ==, 2);

  operation = sb_certificate_print_operation_new (certificates);
  gtk_print_operation_set_export_filename (operation, output);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  uri = g_filename_to_uri (output, NULL, NULL);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  /* One job, one page each, landscape, each saying its own number. */
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 2);
  for (int i = 0; i < 2; i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      g_autofree char *text = poppler_page_get_text (page);
      const SbCertificate *certificate = g_ptr_array_index (certificates, i);
      double width, height;

      poppler_page_get_size (page, &width, &height);
      g_assert_cmpfloat (width, >, height);
      g_assert_nonnull (strstr (text, certificate->number));
      g_assert_nonnull (strstr (text, certificate->name_zh));
      g_object_unref (page);
    }
  g_object_unref (document);
}

static gboolean
preview_cb (GtkPrintOperation           *operation,
            GtkPrintOperationPreview    *preview,
            GtkPrintContext             *context,
            GtkWindow                   *parent,
            SbCertificatePreviewWindow **window)
{
  *window = sb_certificate_preview_window_new (parent, operation, preview, context);
  gtk_window_present (GTK_WINDOW (*window));
  return TRUE;
}

static gboolean
preview_filled (gpointer data)
{
  SbCertificatePreviewWindow **window = data;

  return *window != NULL && sb_certificate_preview_window_get_n_shown (*window) == 3;
}

/* The print preview is the app's own window, one rendered page each. */
static void
test_print_preview (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbProgramme) programme = NULL;
  g_autoptr(GPtrArray) listings = NULL;
  g_autoptr(GPtrArray) certificates = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_certificate_free);
  g_autoptr(GtkPrintOperation) operation = NULL;
  SbCertificatePreviewWindow *window = NULL;
  GtkPrintOperationResult result;

  programme = sb_programme_open (fixture->path, SB_DATABASE_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  listings = sb_certificate_store_list (sb_programme_get_database (programme), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      SbCertificateListing *listing = g_ptr_array_index (listings, i);

      g_ptr_array_add (certificates,
                       sb_certificate_store_issue (sb_programme_get_database (programme),
                                                   listing->base_id, &fixture->today, NULL, &error));
      g_assert_no_error (error);
    }

  operation = sb_certificate_print_operation_new (certificates);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "preview", G_CALLBACK (preview_cb), &window);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PREVIEW, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, !=, GTK_PRINT_OPERATION_RESULT_ERROR);

  spin_until (preview_filled, &window);
  gtk_window_close (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  int status;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: run the UI tests under Xvfb (build-aux/dev test does)\n");
      return 77;
    }

  gtk_test_init (&argc, &argv, NULL);
  application = gtk_application_new ("org.shanxi.StdBase.TestCertificates", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, NULL);

  g_test_add ("/certificates-view/issue-then-preview", Fixture, NULL, fixture_set_up, test_issue_then_preview, fixture_tear_down);
  g_test_add ("/certificates-view/print-preview", Fixture, NULL, fixture_set_up, test_print_preview, fixture_tear_down);
  g_test_add ("/certificates-view/print-to-file", Fixture, NULL, fixture_set_up, test_print_to_file, fixture_tear_down);

  status = g_test_run ();
  g_object_unref (application);
  return status;
}
