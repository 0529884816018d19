/* sb-certificate-print.c: printing certificates through GtkPrintOperation
 *
 * One page per certificate, A4 landscape, in one job.  Each page is the
 * certificate's PDF rendered by Poppler into the print context, so what
 * is printed is exactly what is exported and verified.  Pages are made as
 * the printer asks for them, so a job of a hundred holds one at a time.
 */
#define G_LOG_DOMAIN "sb-certificate-print"

#include "config.h"

#include <glib/gi18n.h>
#include <poppler.h>

#include "sb-certificate-print.h"
#include "sb-certificate-render.h"

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              GPtrArray         *certificates)
{
  const SbCertificate *certificate = g_ptr_array_index (certificates, page_nr);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  PopplerDocument *document = NULL;
  PopplerPage *page = NULL;
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width, height, scale;

  bytes = sb_certificate_render_pdf (certificate, &error);
  if (bytes != NULL)
    document = poppler_document_new_from_bytes (bytes, NULL, &error);
  if (document != NULL)
    page = poppler_document_get_page (document, 0);
  if (page == NULL)
    {
      g_warning ("Could not print certificate %s: %s", certificate->number,
                 error ? error->message : "no page");
      g_clear_object (&document);
      return;
    }

  /* Fit the page to the paper, centred, whatever margins the printer has. */
  poppler_page_get_size (page, &width, &height);
  scale = MIN (gtk_print_context_get_width (context) / width,
               gtk_print_context_get_height (context) / height);
  cairo_save (cr);
  cairo_translate (cr, (gtk_print_context_get_width (context) - width * scale) / 2,
                   (gtk_print_context_get_height (context) - height * scale) / 2);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (page, cr);
  cairo_restore (cr);

  g_object_unref (page);
  g_object_unref (document);
}

/**
 * sb_certificate_print_operation_new:
 * @certificates: (element-type SbCertificate): what to print, one page each
 *
 * Returns: (transfer full): an operation set up for A4 landscape, its job
 *   named after the certificates
 */
GtkPrintOperation *
sb_certificate_print_operation_new (GPtrArray *certificates)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_certificate_free);
  g_autofree char *job_name = NULL;

  g_return_val_if_fail (certificates != NULL && certificates->len > 0, NULL);

  for (guint i = 0; i < certificates->len; i++)
    g_ptr_array_add (copies, sb_certificate_copy (g_ptr_array_index (certificates, i)));

  gtk_page_setup_set_paper_size (setup, paper);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);

  if (copies->len == 1)
    job_name = g_strdup_printf (_("Certificate %s"), ((SbCertificate *) copies->pdata[0])->number);
  else
    job_name = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Certificate", "%u Certificates",
                                             copies->len), copies->len);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, copies->len);
  gtk_print_operation_set_use_full_page (operation, FALSE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page_cb),
                         g_steal_pointer (&copies), (GClosureNotify) (void (*) (void)) g_ptr_array_unref, 0);

  return operation;
}
