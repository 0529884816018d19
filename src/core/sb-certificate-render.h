/* sb-certificate-render.h: drawing certificates, writing and reading them as PDF
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "sb-certificate.h"

G_BEGIN_DECLS

/* A4 landscape, in PDF points (297 × 210 mm). */
#define SB_CERTIFICATE_PAGE_WIDTH  841.8898
#define SB_CERTIFICATE_PAGE_HEIGHT 595.2756

void            sb_certificate_draw        (cairo_t             *cr,
                                            const SbCertificate *certificate);
gboolean        sb_certificate_write_pdf   (const SbCertificate *certificate,
                                            const char          *path,
                                            GError             **error);
gboolean        sb_certificate_write_pdfs  (GPtrArray           *certificates,
                                            const char * const  *paths,
                                            GError             **error);
gboolean        sb_certificate_write_pdf_batch (GPtrArray      *certificates,
                                                const char     *path,
                                                GError        **error);
GBytes         *sb_certificate_render_pdf  (const SbCertificate *certificate,
                                            GError             **error);

gboolean        sb_certificate_read_pdf    (const char          *path,
                                            char               **number,
                                            char               **code,
                                            char               **text,
                                            char               **keywords,
                                            GError             **error);
SbVerification *sb_certificate_verify_file (SbDatabase          *database,
                                            const char          *path,
                                            GError             **error);

G_END_DECLS
