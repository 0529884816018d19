/* sb-notice-print.h: printing and saving assessment notices
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void sb_notice_print (GtkWindow *parent,
                      GPtrArray *notices);
void sb_notice_save  (GtkWindow *parent,
                      GPtrArray *notices,
                      GCallback  done,
                      gpointer   user_data);

G_END_DECLS
