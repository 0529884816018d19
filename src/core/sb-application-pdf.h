/* sb-application-pdf.h: the application (申报书) as an A4 PDF
 */
#pragma once

#include <glib.h>

#include "sb-database.h"

G_BEGIN_DECLS

gboolean  sb_application_pdf_write (SbDatabase   *database,
                                    GHashTable   *values,
                                    const GDate  *date,
                                    const char   *path,
                                    GError      **error);

G_END_DECLS
