/* sb-wizard-print.c: printing a PDF the wizards wrote, with GtkPrintOperation
 *
 * The printed pages are the PDF's pages, drawn by Poppler into the print
 * context at the paper's scale: what is printed is what was saved.
 */
#define G_LOG_DOMAIN "sb-wizard-print"

#include "config.h"

#include <glib/gi18n.h>
#include <poppler.h>

#include "sb-wizard-print.h"

static void
begin_print (GtkPrintOperation *operation,
             GtkPrintContext   *context,
             PopplerDocument   *document)
{
  gtk_print_operation_set_n_pages (operation, poppler_document_get_n_pages (document));
}

static void
draw_page (GtkPrintOperation *operation,
           GtkPrintContext   *context,
           int                page_nr,
           PopplerDocument   *document)
{
  PopplerPage *page = poppler_document_get_page (document, page_nr);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width, height, scale;

  if (page == NULL)
    return;

  poppler_page_get_size (page, &width, &height);
  scale = MIN (gtk_print_context_get_width (context) / width,
               gtk_print_context_get_height (context) / height);
  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (page, cr);
  cairo_restore (cr);
  g_object_unref (page);
}

/**
 * sb_wizard_print_pdf:
 * @path: a PDF on disk
 *
 * Shows the print dialog and prints @path.
 *
 * Returns: %FALSE with @error set if it could not be printed
 */
gboolean
sb_wizard_print_pdf (GtkWindow   *parent,
                     const char  *path,
                     const char  *job_name,
                     GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autofree char *uri = g_filename_to_uri (path, NULL, error);
  PopplerDocument *document;
  GtkPrintOperationResult result;

  if (uri == NULL)
    return FALSE;

  document = poppler_document_new_from_file (uri, NULL, error);
  if (document == NULL)
    return FALSE;

  operation = gtk_print_operation_new ();
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print), document);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page), document);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, error);
  g_object_unref (document);

  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}
