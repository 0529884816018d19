/* sb-pdf-window.h: a PDF to read, search and annotate
 */
#pragma once

#include <adwaita.h>

#include "sb-pdf-canvas.h"

G_BEGIN_DECLS

#define SB_TYPE_PDF_WINDOW (sb_pdf_window_get_type ())
G_DECLARE_FINAL_TYPE (SbPdfWindow, sb_pdf_window, SB, PDF_WINDOW, AdwWindow)

SbPdfWindow *sb_pdf_window_new                 (GtkApplication *application,
                                                const char     *database_path,
                                                gint64          document_id,
                                                const char     *path);
void         sb_pdf_window_set_author          (SbPdfWindow    *self,
                                                const char     *author,
                                                const char     *role);
const char  *sb_pdf_window_get_state           (SbPdfWindow    *self);
SbPdfCanvas *sb_pdf_window_get_canvas          (SbPdfWindow    *self);
GPtrArray   *sb_pdf_window_get_annotations     (SbPdfWindow    *self);
gint64       sb_pdf_window_get_document_id     (SbPdfWindow    *self);
gboolean     sb_pdf_window_get_modified        (SbPdfWindow    *self);
gboolean     sb_pdf_window_save                (SbPdfWindow    *self,
                                                GError        **error);
void         sb_pdf_window_set_password        (SbPdfWindow    *self,
                                                const char     *password);
void         sb_pdf_window_find                (SbPdfWindow    *self,
                                                const char     *text);
const char  *sb_pdf_window_get_search_status   (SbPdfWindow    *self);

G_END_DECLS
