/* sb-annotation-pdf.h: annotations read from and written into PDF files
 */
#pragma once

#include <poppler.h>

#include "sb-annotation.h"

G_BEGIN_DECLS

GPtrArray *sb_annotation_pdf_read  (PopplerDocument  *document);
gboolean   sb_annotation_pdf_write (GBytes           *source,
                                    const char       *display_name,
                                    const char       *password,
                                    GPtrArray        *annotations,
                                    const char       *destination,
                                    GError          **error);
char      *sb_annotation_pdf_format_date (GDateTime  *date);
GDateTime *sb_annotation_pdf_parse_date  (const char *text);

G_END_DECLS
