/* sb-pdf-canvas.h: a PDF's pages one under the other, with annotations
 */
#pragma once

#include <gtk/gtk.h>
#include <poppler.h>

#include "sb-annotation.h"
#include "sb-pdf-renderer.h"

G_BEGIN_DECLS

typedef enum
{
  SB_PDF_TOOL_SELECT,
  SB_PDF_TOOL_HIGHLIGHT,
  SB_PDF_TOOL_UNDERLINE,
  SB_PDF_TOOL_NOTE,
  SB_PDF_TOOL_FREE_TEXT,
  SB_PDF_TOOL_INK,
} SbPdfTool;

typedef enum
{
  SB_PDF_ZOOM_FREE,
  SB_PDF_ZOOM_FIT_WIDTH,
  SB_PDF_ZOOM_FIT_PAGE,
} SbPdfZoomMode;

#define SB_PDF_ZOOM_MIN 0.25
#define SB_PDF_ZOOM_MAX 4.0

#define SB_TYPE_PDF_CANVAS (sb_pdf_canvas_get_type ())
G_DECLARE_FINAL_TYPE (SbPdfCanvas, sb_pdf_canvas, SB, PDF_CANVAS, GtkWidget)

GtkWidget     *sb_pdf_canvas_new                (void);
void           sb_pdf_canvas_set_document       (SbPdfCanvas     *self,
                                                 PopplerDocument *document,
                                                 SbPdfRenderer   *renderer,
                                                 GPtrArray       *annotations);
int            sb_pdf_canvas_get_n_pages        (SbPdfCanvas     *self);
int            sb_pdf_canvas_get_page           (SbPdfCanvas     *self);
void           sb_pdf_canvas_scroll_to_page     (SbPdfCanvas     *self,
                                                 int              page);
void           sb_pdf_canvas_scroll_to_area     (SbPdfCanvas     *self,
                                                 int              page,
                                                 const SbPdfRect *area);
double         sb_pdf_canvas_get_zoom           (SbPdfCanvas     *self);
void           sb_pdf_canvas_set_zoom           (SbPdfCanvas     *self,
                                                 double           zoom);
SbPdfZoomMode  sb_pdf_canvas_get_zoom_mode      (SbPdfCanvas     *self);
void           sb_pdf_canvas_set_zoom_mode      (SbPdfCanvas     *self,
                                                 SbPdfZoomMode    mode);
SbPdfTool      sb_pdf_canvas_get_tool           (SbPdfCanvas     *self);
void           sb_pdf_canvas_set_tool           (SbPdfCanvas     *self,
                                                 SbPdfTool        tool);
void           sb_pdf_canvas_set_colour         (SbPdfCanvas     *self,
                                                 const char      *colour);
void           sb_pdf_canvas_set_author         (SbPdfCanvas     *self,
                                                 const char      *author);
char          *sb_pdf_canvas_dup_selected_text  (SbPdfCanvas     *self);
gboolean       sb_pdf_canvas_has_selection      (SbPdfCanvas     *self);
gboolean       sb_pdf_canvas_select_text        (SbPdfCanvas     *self,
                                                 int              page,
                                                 const SbPdfRect *area);
gboolean       sb_pdf_canvas_select_range       (SbPdfCanvas     *self,
                                                 int              page1,
                                                 double           x1,
                                                 double           y1,
                                                 int              page2,
                                                 double           x2,
                                                 double           y2);
void           sb_pdf_canvas_clear_selection    (SbPdfCanvas     *self);
SbAnnotation  *sb_pdf_canvas_annotate_selection (SbPdfCanvas     *self,
                                                 SbAnnotationKind kind);
SbAnnotation  *sb_pdf_canvas_get_selected_annotation (SbPdfCanvas *self);
void           sb_pdf_canvas_set_selected_annotation (SbPdfCanvas  *self,
                                                      SbAnnotation *annotation);
void           sb_pdf_canvas_clear_search       (SbPdfCanvas     *self);
void           sb_pdf_canvas_add_hits           (SbPdfCanvas     *self,
                                                 int              page,
                                                 GArray          *hits);
guint          sb_pdf_canvas_get_n_hits         (SbPdfCanvas     *self);
gboolean       sb_pdf_canvas_next_hit           (SbPdfCanvas     *self,
                                                 gboolean         backwards,
                                                 guint           *position);
gboolean       sb_pdf_canvas_page_to_widget     (SbPdfCanvas     *self,
                                                 int              page,
                                                 double           x,
                                                 double           y,
                                                 double          *widget_x,
                                                 double          *widget_y);
gboolean       sb_pdf_canvas_widget_to_page     (SbPdfCanvas     *self,
                                                 double           widget_x,
                                                 double           widget_y,
                                                 int             *page,
                                                 double          *x,
                                                 double          *y);
void           sb_pdf_canvas_get_draw_counts    (SbPdfCanvas     *self,
                                                 guint           *drawn,
                                                 guint           *blank);

G_END_DECLS
