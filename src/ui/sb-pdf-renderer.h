/* sb-pdf-renderer.h: pages rendered and searched in a worker thread
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SB_TYPE_PDF_RENDERER (sb_pdf_renderer_get_type ())
G_DECLARE_FINAL_TYPE (SbPdfRenderer, sb_pdf_renderer, SB, PDF_RENDERER, GObject)

typedef struct
{
  double x1, y1, x2, y2;   /* points, from the page's top-left corner */
} SbPdfHit;

SbPdfRenderer *sb_pdf_renderer_new            (GBytes        *bytes,
                                               const char    *password,
                                               gsize          cache_budget);
GdkTexture    *sb_pdf_renderer_lookup         (SbPdfRenderer *self,
                                               int            page,
                                               double         scale);
GdkTexture    *sb_pdf_renderer_lookup_any     (SbPdfRenderer *self,
                                               int            page);
void           sb_pdf_renderer_want_pages     (SbPdfRenderer *self,
                                               const int     *pages,
                                               guint          n_pages,
                                               double         scale);
void           sb_pdf_renderer_want_thumbnail (SbPdfRenderer *self,
                                               int            page,
                                               double         scale);
void           sb_pdf_renderer_unwant_thumbnail (SbPdfRenderer *self,
                                                 int            page,
                                                 double         scale);
void           sb_pdf_renderer_search         (SbPdfRenderer *self,
                                               const char    *text);
guint          sb_pdf_renderer_get_pending    (SbPdfRenderer *self);
gsize          sb_pdf_renderer_get_cache_size (SbPdfRenderer *self);
cairo_surface_t *sb_pdf_renderer_get_surface  (GdkTexture    *texture);

G_END_DECLS
