/* sb-file.h: writing a file so that a failure leaves nothing behind
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef cairo_status_t (*SbFileWriteFunc) (const char *path,
                                           gpointer    user_data);

gboolean sb_file_write_atomically (const char      *path,
                                   SbFileWriteFunc  write,
                                   gpointer         user_data,
                                   int             *error_number,
                                   cairo_status_t  *status);

G_END_DECLS
