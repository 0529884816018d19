/* sb-notice-print.c: printing and saving assessment notices
 *
 * A notice is drawn by the core (sb_notice_draw) on an A4 page in points;
 * printing scales that page onto the printer's, one notice a page, and
 * saving writes the same pages as a PDF where the native file chooser says.
 * Problems are told in a dialog, in words.
 */
#define G_LOG_DOMAIN "sb-notice-print"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sb-notice.h"
#include "sb-notice-print.h"

static void
show_problem (GtkWindow  *parent,
              const char *heading,
              const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
draw_page (GtkPrintOperation *operation,
           GtkPrintContext   *context,
           int                page,
           GPtrArray         *notices)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double scale = MIN (gtk_print_context_get_width (context) / SB_NOTICE_PAGE_WIDTH,
                      gtk_print_context_get_height (context) / SB_NOTICE_PAGE_HEIGHT);

  cairo_scale (cr, scale, scale);
  sb_notice_draw (cr, g_ptr_array_index (notices, page));
}

void
sb_notice_print (GtkWindow *parent,
                 GPtrArray *notices)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GError) error = NULL;

  g_return_if_fail (notices != NULL && notices->len > 0);

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, notices->len);
  gtk_print_operation_set_job_name (operation, ((SbNotice *) g_ptr_array_index (notices, 0))->title);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page), notices);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_problem (parent, _("The notice could not be printed"), error->message);
}

typedef struct
{
  GPtrArray *notices;
  GCallback  done;
  gpointer   user_data;
} SaveJob;

static void
save_response (GtkNativeDialog *chooser,
               int              response,
               SaveJob         *job)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;
      GtkWindow *parent = gtk_native_dialog_get_transient_for (chooser);

      if (path == NULL)
        show_problem (parent, _("The notice could not be saved"),
                      _("Choose a folder on this computer."));
      else if (!sb_notice_write_pdf (job->notices, path, &error))
        show_problem (parent, _("The notice could not be saved"), error->message);
      else if (job->done != NULL)
        ((void (*) (gpointer)) job->done) (job->user_data);
    }

  g_ptr_array_unref (job->notices);
  g_free (job);
  g_object_unref (chooser);
}

void
sb_notice_save (GtkWindow *parent,
                GPtrArray *notices,
                GCallback  done,
                gpointer   user_data)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  SaveJob *job;

  g_return_if_fail (notices != NULL && notices->len > 0);

  chooser = gtk_file_chooser_native_new (_("Save Notice"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  name = g_strdup_printf ("%s.pdf", ((SbNotice *) g_ptr_array_index (notices, 0))->title);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  job = g_new0 (SaveJob, 1);
  job->notices = g_ptr_array_ref (notices);
  job->done = done;
  job->user_data = user_data;
  g_signal_connect (chooser, "response", G_CALLBACK (save_response), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
