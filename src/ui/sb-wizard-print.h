/* sb-wizard-print.h: printing a PDF the wizards wrote, with GtkPrintOperation
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean sb_wizard_print_pdf (GtkWindow   *parent,
                              const char  *path,
                              const char  *job_name,
                              GError     **error);

G_END_DECLS
