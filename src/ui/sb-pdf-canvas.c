/* sb-pdf-canvas.c: a PDF's pages one under the other, with annotations
 *
 * One widget draws every page, so that a document of 300 pages is 300
 * rectangles, not 300 widgets: it is GtkScrollable, works out which pages
 * the viewport shows, asks SbPdfRenderer for them and draws what the cache
 * has — a page not rendered yet is white, or the same page at another
 * zoom, stretched — so drawing never waits for Poppler.
 *
 * On top of the pages it draws the search hits, the selected text and the
 * annotations, and the pointer makes them with the current tool: drag
 * over text, on one page or across several, to select, highlight or
 * underline it (one annotation a page); click for a sticky
 * note; drag a box for free text; draw for ink.  The annotations array
 * belongs to the window, which edits, saves and lists it.
 *
 * Geometry: page coordinates are PDF points from the page's top-left
 * corner; at zoom 1 a point is 96/72 pixels, as in other GNOME viewers.
 */
#define G_LOG_DOMAIN "sb-pdf-canvas"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sb-pdf-canvas.h"

#define PAGE_SPACING 12.0
#define MARGIN 16.0
#define PIXELS_PER_POINT (96.0 / 72.0)

struct _SbPdfCanvas
{
  GtkWidget        parent_instance;

  GtkAdjustment   *hadjustment;
  GtkAdjustment   *vadjustment;
  guint            hscroll_policy : 1;
  guint            vscroll_policy : 1;

  PopplerDocument *document;     /* the main thread's own: text layout only */
  SbPdfRenderer   *renderer;
  GPtrArray       *annotations;  /* (element-type SbAnnotation) shared with the window */

  int              n_pages;
  double          *widths;       /* points */
  double          *heights;
  double          *tops;         /* pixels from the top of the content, at the zoom */
  double           content_width;
  double           content_height;

  double           zoom;
  SbPdfZoomMode    zoom_mode;
  SbPdfTool        tool;
  char            *colour;
  char            *author;
  int              current_page;

  /* Pointer work in progress */
  int              drag_page;
  double           drag_x, drag_y;    /* page coordinates where it began */
  double           drag_end_x, drag_end_y;
  gboolean         dragging;
  SbAnnotation    *ink;               /* being drawn; not yet in annotations */
  GArray          *ink_stroke;

  /* Text selection on one page */
  GArray          *selection;         /* (element-type PageSelection), by page */

  SbAnnotation    *selected;          /* (nullable) (transfer none) */

  guint            pages_drawn;       /* for benchmarks: pages drawn, */
  guint            pages_blank;       /* and those drawn before their texture came */
  gboolean         allocating;
  int              pending_page;      /* to scroll to once laid out, or -1 */
  gboolean         zoom_changed;      /* while allocating: notify afterwards */
  guint            notify_source;

  GPtrArray       *hits;              /* (element-type GArray of SbPdfHit), one per page */
  int              hit_page;
  int              hit_index;
};

/* The selected text of one page: from where to where, and its glyphs. */
typedef struct
{
  int             page;
  SbPdfRect       area;
  cairo_region_t *region;   /* page coordinates */
} PageSelection;

#define MAX_SELECTED_PAGES 50

static void sb_pdf_canvas_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SbPdfCanvas, sb_pdf_canvas, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, sb_pdf_canvas_scrollable_init))

enum {
  PROP_0,
  PROP_ZOOM,
  PROP_PAGE,
  PROP_TOOL,
  N_PROPS,
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

enum {
  ANNOTATION_ADDED,
  ANNOTATION_ACTIVATED,
  SELECTION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
free_hits (gpointer data)
{
  if (data != NULL)
    g_array_unref (data);
}

/* Layout */

static double
scale (SbPdfCanvas *self)
{
  return self->zoom * PIXELS_PER_POINT;
}

static void
layout_pages (SbPdfCanvas *self)
{
  double y = MARGIN;
  double widest = 0;

  for (int i = 0; i < self->n_pages; i++)
    {
      self->tops[i] = y;
      y += self->heights[i] * scale (self) + PAGE_SPACING;
      widest = MAX (widest, self->widths[i]);
    }
  self->content_height = self->n_pages > 0 ? y - PAGE_SPACING + MARGIN : 0;
  self->content_width = widest * scale (self) + 2 * MARGIN;
}

static double
page_left (SbPdfCanvas *self,
           int          page)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double content = MAX (width, self->content_width);

  return floor ((content - self->widths[page] * scale (self)) / 2);
}

static double
offset_x (SbPdfCanvas *self)
{
  return self->hadjustment ? gtk_adjustment_get_value (self->hadjustment) : 0;
}

static double
offset_y (SbPdfCanvas *self)
{
  return self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

/* The first page whose bottom is below @y, in content pixels. */
static int
page_at_y (SbPdfCanvas *self,
           double       y)
{
  int low = 0, high = self->n_pages - 1;

  while (low < high)
    {
      int mid = (low + high) / 2;

      if (self->tops[mid] + self->heights[mid] * scale (self) < y)
        low = mid + 1;
      else
        high = mid;
    }

  return low;
}

static void
visible_range (SbPdfCanvas *self,
               int         *first,
               int         *last)
{
  double top = offset_y (self);
  double bottom = top + gtk_widget_get_height (GTK_WIDGET (self));

  *first = page_at_y (self, top);
  *last = *first;
  while (*last + 1 < self->n_pages && self->tops[*last + 1] < bottom)
    (*last)++;
}

static double
render_scale (SbPdfCanvas *self)
{
  return scale (self) * gtk_widget_get_scale_factor (GTK_WIDGET (self));
}

static void
want_visible_pages (SbPdfCanvas *self)
{
  g_autoptr(GArray) wanted = NULL;
  int first, last;

  if (self->renderer == NULL || self->n_pages == 0)
    return;

  visible_range (self, &first, &last);
  wanted = g_array_new (FALSE, FALSE, sizeof (int));
  for (int i = first; i <= last; i++)
    g_array_append_val (wanted, i);
  /* Then the pages just out of sight, the next ones first. */
  for (int i = last + 1; i <= MIN (last + 2, self->n_pages - 1); i++)
    g_array_append_val (wanted, i);
  if (first > 0)
    {
      int before = first - 1;

      g_array_append_val (wanted, before);
    }

  sb_pdf_renderer_want_pages (self->renderer, (int *) wanted->data, wanted->len, render_scale (self));
}

static void update_current_page (SbPdfCanvas *self);

/* Widgets that show the page or the zoom must not change while GTK
 * allocates sizes: notify once it is done. */
static gboolean
notify_idle_cb (gpointer data)
{
  SbPdfCanvas *self = data;

  self->notify_source = 0;
  if (self->zoom_changed)
    {
      self->zoom_changed = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
  update_current_page (self);
  return G_SOURCE_REMOVE;
}

static void
update_current_page (SbPdfCanvas *self)
{
  int page;

  if (self->n_pages == 0)
    return;
  if (self->allocating)
    {
      if (self->notify_source == 0)
        self->notify_source = g_idle_add (notify_idle_cb, self);
      return;
    }

  /* The page that holds the line a third of the way down the view. */
  page = page_at_y (self, offset_y (self) + gtk_widget_get_height (GTK_WIDGET (self)) / 3.0);
  if (page != self->current_page)
    {
      self->current_page = page;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
    }
}

static void
configure_adjustments (SbPdfCanvas *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment,
                              CLAMP (gtk_adjustment_get_value (self->hadjustment), 0, MAX (0, self->content_width - width)),
                              0, MAX (width, self->content_width), width * 0.1, width * 0.9, width);
  if (self->vadjustment != NULL)
    gtk_adjustment_configure (self->vadjustment,
                              CLAMP (gtk_adjustment_get_value (self->vadjustment), 0, MAX (0, self->content_height - height)),
                              0, MAX (height, self->content_height), 40, height * 0.9, height);
}

static double
fitting_zoom (SbPdfCanvas *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self)) - 2 * MARGIN;
  double height = gtk_widget_get_height (GTK_WIDGET (self)) - 2 * MARGIN;
  double page_width = 0, page_height = 0;
  int page = CLAMP (self->current_page, 0, self->n_pages - 1);
  double zoom;

  if (self->n_pages == 0 || width <= 0 || height <= 0)
    return self->zoom;

  for (int i = 0; i < self->n_pages; i++)
    page_width = MAX (page_width, self->widths[i]);
  page_height = self->heights[page];
  zoom = width / (page_width * PIXELS_PER_POINT);
  if (self->zoom_mode == SB_PDF_ZOOM_FIT_PAGE)
    zoom = MIN (zoom, height / (page_height * PIXELS_PER_POINT));

  return CLAMP (zoom, SB_PDF_ZOOM_MIN, SB_PDF_ZOOM_MAX);
}

/* Changes the zoom keeping the point at @anchor_y of the view where it is. */
static void
apply_zoom (SbPdfCanvas *self,
            double       zoom,
            double       anchor_y)
{
  int page;
  double fraction = 0;

  zoom = CLAMP (zoom, SB_PDF_ZOOM_MIN, SB_PDF_ZOOM_MAX);
  if (fabs (zoom - self->zoom) < 0.0001)
    return;

  if (self->n_pages > 0)
    {
      double y = offset_y (self) + anchor_y;

      page = page_at_y (self, y);
      fraction = (y - self->tops[page]) / (self->heights[page] * scale (self));
      self->zoom = zoom;
      layout_pages (self);
      configure_adjustments (self);
      if (self->vadjustment != NULL)
        gtk_adjustment_set_value (self->vadjustment,
                                  self->tops[page] + fraction * self->heights[page] * scale (self) - anchor_y);
    }
  else
    {
      self->zoom = zoom;
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
  want_visible_pages (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Coordinates */

gboolean
sb_pdf_canvas_widget_to_page (SbPdfCanvas *self,
                              double       widget_x,
                              double       widget_y,
                              int         *page,
                              double      *x,
                              double      *y)
{
  double cx, cy;
  int p;

  g_return_val_if_fail (SB_IS_PDF_CANVAS (self), FALSE);

  if (self->n_pages == 0)
    return FALSE;

  cx = widget_x + offset_x (self);
  cy = widget_y + offset_y (self);
  p = page_at_y (self, cy);
  *page = p;
  *x = (cx - page_left (self, p)) / scale (self);
  *y = (cy - self->tops[p]) / scale (self);

  return *x >= 0 && *x <= self->widths[p] && *y >= 0 && *y <= self->heights[p];
}

gboolean
sb_pdf_canvas_page_to_widget (SbPdfCanvas *self,
                              int          page,
                              double       x,
                              double       y,
                              double      *widget_x,
                              double      *widget_y)
{
  g_return_val_if_fail (SB_IS_PDF_CANVAS (self), FALSE);

  if (page < 0 || page >= self->n_pages)
    return FALSE;

  *widget_x = page_left (self, page) + x * scale (self) - offset_x (self);
  *widget_y = self->tops[page] + y * scale (self) - offset_y (self);
  return TRUE;
}

/* Drawing */

static void
set_colour (cairo_t            *cr,
            const SbAnnotation *annotation,
            double              alpha)
{
  cairo_set_source_rgba (cr, annotation->red, annotation->green, annotation->blue, alpha);
}

static void
draw_annotation (SbPdfCanvas        *self,
                 cairo_t            *cr,
                 const SbAnnotation *annotation)
{
  switch (annotation->kind)
    {
    case SB_ANNOTATION_HIGHLIGHT:
      set_colour (cr, annotation, 0.4);
      for (guint i = 0; i < annotation->rects->len; i++)
        {
          SbPdfRect *r = &g_array_index (annotation->rects, SbPdfRect, i);

          cairo_rectangle (cr, r->x1, r->y1, r->x2 - r->x1, r->y2 - r->y1);
        }
      cairo_fill (cr);
      break;

    case SB_ANNOTATION_UNDERLINE:
      set_colour (cr, annotation, 1);
      cairo_set_line_width (cr, 1.2);
      for (guint i = 0; i < annotation->rects->len; i++)
        {
          SbPdfRect *r = &g_array_index (annotation->rects, SbPdfRect, i);

          cairo_move_to (cr, r->x1, r->y2 - 0.6);
          cairo_line_to (cr, r->x2, r->y2 - 0.6);
        }
      cairo_stroke (cr);
      break;

    case SB_ANNOTATION_NOTE:
      {
        double x = annotation->area.x1, y = annotation->area.y1, s = SB_ANNOTATION_NOTE_SIZE;

        set_colour (cr, annotation, 1);
        cairo_move_to (cr, x, y);
        cairo_line_to (cr, x + s, y);
        cairo_line_to (cr, x + s, y + s * 0.7);
        cairo_line_to (cr, x + s * 0.7, y + s);
        cairo_line_to (cr, x, y + s);
        cairo_close_path (cr);
        cairo_fill_preserve (cr);
        cairo_set_source_rgba (cr, 0, 0, 0, 0.6);
        cairo_set_line_width (cr, 0.8);
        cairo_stroke (cr);
        for (int i = 1; i <= 3; i++)
          {
            cairo_move_to (cr, x + 4, y + s * i / 4.5);
            cairo_line_to (cr, x + s - 4, y + s * i / 4.5);
          }
        cairo_stroke (cr);
      }
      break;

    case SB_ANNOTATION_FREE_TEXT:
      {
        PangoLayout *layout = pango_cairo_create_layout (cr);
        PangoFontDescription *font = pango_font_description_from_string ("Sans 12px");
        double width = annotation->area.x2 - annotation->area.x1;

        cairo_set_source_rgba (cr, 1, 1, 1, 1);
        cairo_rectangle (cr, annotation->area.x1, annotation->area.y1,
                         width, annotation->area.y2 - annotation->area.y1);
        cairo_fill (cr);
        set_colour (cr, annotation, 1);
        cairo_set_line_width (cr, 0.75);
        cairo_rectangle (cr, annotation->area.x1 + 0.375, annotation->area.y1 + 0.375,
                         width - 0.75, annotation->area.y2 - annotation->area.y1 - 0.75);
        cairo_stroke (cr);
        pango_layout_set_font_description (layout, font);
        pango_layout_set_width (layout, (int) ((width - 8) * PANGO_SCALE));
        pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
        pango_layout_set_text (layout, annotation->contents, -1);
        cairo_save (cr);
        cairo_rectangle (cr, annotation->area.x1, annotation->area.y1,
                         width, annotation->area.y2 - annotation->area.y1);
        cairo_clip (cr);
        cairo_move_to (cr, annotation->area.x1 + 4, annotation->area.y1 + 3);
        pango_cairo_show_layout (cr, layout);
        cairo_restore (cr);
        pango_font_description_free (font);
        g_object_unref (layout);
      }
      break;

    case SB_ANNOTATION_INK:
      set_colour (cr, annotation, 1);
      cairo_set_line_width (cr, SB_ANNOTATION_INK_WIDTH);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      for (guint i = 0; i < annotation->strokes->len; i++)
        {
          GArray *stroke = g_ptr_array_index (annotation->strokes, i);

          for (guint j = 0; j + 1 < stroke->len; j += 2)
            {
              double x = g_array_index (stroke, double, j);
              double y = g_array_index (stroke, double, j + 1);

              if (j == 0)
                cairo_move_to (cr, x, y);
              cairo_line_to (cr, x, y);
            }
          cairo_stroke (cr);
        }
      break;

    case SB_N_ANNOTATION_KINDS:
    default:
      break;
    }

  if (annotation == self->selected)
    {
      static const double dash[] = { 3, 2 };

      cairo_set_source_rgba (cr, 0.1, 0.45, 0.85, 1);
      cairo_set_line_width (cr, 1);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_rectangle (cr, annotation->area.x1 - 2, annotation->area.y1 - 2,
                       annotation->area.x2 - annotation->area.x1 + 4,
                       annotation->area.y2 - annotation->area.y1 + 4);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
}

static gboolean
page_has_overlay (SbPdfCanvas *self,
                  int          page)
{
  if (page == self->drag_page)
    return TRUE;
  for (guint i = 0; i < self->selection->len; i++)
    {
      if (g_array_index (self->selection, PageSelection, i).page == page)
        return TRUE;
    }
  if (self->hits != NULL && (guint) page < self->hits->len
      && g_ptr_array_index (self->hits, page) != NULL)
    return TRUE;
  for (guint i = 0; self->annotations != NULL && i < self->annotations->len; i++)
    {
      SbAnnotation *annotation = g_ptr_array_index (self->annotations, i);

      if (annotation->page == page)
        return TRUE;
    }

  return FALSE;
}

static void
draw_overlay (SbPdfCanvas *self,
              cairo_t     *cr,
              int          page)
{
  cairo_scale (cr, scale (self), scale (self));

  /* Search hits, the current one stronger. */
  if (self->hits != NULL && (guint) page < self->hits->len && g_ptr_array_index (self->hits, page) != NULL)
    {
      GArray *hits = g_ptr_array_index (self->hits, page);

      for (guint i = 0; i < hits->len; i++)
        {
          SbPdfHit *hit = &g_array_index (hits, SbPdfHit, i);
          gboolean current = page == self->hit_page && (int) i == self->hit_index;

          cairo_set_source_rgba (cr, 1.0, current ? 0.45 : 0.85, 0.0, current ? 0.55 : 0.35);
          cairo_rectangle (cr, hit->x1 - 1, hit->y1 - 1, hit->x2 - hit->x1 + 2, hit->y2 - hit->y1 + 2);
          cairo_fill (cr);
        }
    }

  for (guint i = 0; self->annotations != NULL && i < self->annotations->len; i++)
    {
      SbAnnotation *annotation = g_ptr_array_index (self->annotations, i);

      if (annotation->page == page)
        {
          cairo_save (cr);
          draw_annotation (self, cr, annotation);
          cairo_restore (cr);
        }
    }
  if (self->ink != NULL && self->ink->page == page)
    draw_annotation (self, cr, self->ink);

  for (guint n = 0; n < self->selection->len; n++)
    {
      PageSelection *selection = &g_array_index (self->selection, PageSelection, n);

      if (selection->page != page)
        continue;
      cairo_set_source_rgba (cr, 0.2, 0.5, 0.9, 0.3);
      for (int i = 0; i < cairo_region_num_rectangles (selection->region); i++)
        {
          cairo_rectangle_int_t r;

          cairo_region_get_rectangle (selection->region, i, &r);
          cairo_rectangle (cr, r.x, r.y, r.width, r.height);
        }
      cairo_fill (cr);
    }

  /* The box of free text being drawn. */
  if (self->dragging && page == self->drag_page && self->tool == SB_PDF_TOOL_FREE_TEXT)
    {
      cairo_set_source_rgba (cr, 0.2, 0.5, 0.9, 0.8);
      cairo_set_line_width (cr, 1);
      cairo_rectangle (cr, MIN (self->drag_x, self->drag_end_x), MIN (self->drag_y, self->drag_end_y),
                       fabs (self->drag_end_x - self->drag_x), fabs (self->drag_end_y - self->drag_y));
      cairo_stroke (cr);
    }
}

static void
sb_pdf_canvas_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  SbPdfCanvas *self = SB_PDF_CANVAS (widget);
  GdkRGBA white = { 1, 1, 1, 1 };
  GdkRGBA shade = { 0, 0, 0, 0.25 };
  GtkNative *native = gtk_widget_get_native (widget);
  gboolean cairo_renderer = native != NULL && GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (native));
  int first, last;

  if (self->n_pages == 0)
    return;

  visible_range (self, &first, &last);
  for (int page = first; page <= last; page++)
    {
      double x = page_left (self, page) - offset_x (self);
      double y = self->tops[page] - offset_y (self);
      /* The size sb_pdf_render_page() gives, so that the texture is copied
       * pixel for pixel rather than scaled. */
      double factor = gtk_widget_get_scale_factor (widget);
      double w = MAX (1, ceil (self->widths[page] * render_scale (self))) / factor;
      double h = MAX (1, ceil (self->heights[page] * render_scale (self))) / factor;
      graphene_rect_t bounds = GRAPHENE_RECT_INIT (x, y, w, h);
      graphene_rect_t frame = GRAPHENE_RECT_INIT (x - 1, y - 1, w + 2, h + 2);
      GdkTexture *texture;

      gtk_snapshot_append_color (snapshot, &shade, &frame);
      gtk_snapshot_append_color (snapshot, &white, &bounds);
      texture = sb_pdf_renderer_lookup (self->renderer, page, render_scale (self));
      self->pages_drawn++;
      if (texture == NULL)
        {
          self->pages_blank++;
          texture = sb_pdf_renderer_lookup_any (self->renderer, page);
        }
      if (texture != NULL && cairo_renderer)
        {
          cairo_surface_t *surface = sb_pdf_renderer_get_surface (texture);
          cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &bounds);

          cairo_translate (cr, x, y);
          cairo_scale (cr, w / cairo_image_surface_get_width (surface),
                       h / cairo_image_surface_get_height (surface));
          cairo_set_source_surface (cr, surface, 0, 0);
          cairo_paint (cr);
          cairo_destroy (cr);
        }
      else if (texture != NULL)
        {
          gtk_snapshot_append_texture (snapshot, texture, &bounds);
        }

      if (page_has_overlay (self, page))
        {
          cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &bounds);

          cairo_translate (cr, x, y);
          draw_overlay (self, cr, page);
          cairo_destroy (cr);
        }
    }
}

/* Selection */

static void
clear_page_selection (gpointer data)
{
  PageSelection *selection = data;

  g_clear_pointer (&selection->region, cairo_region_destroy);
}

static void
select_on_page (SbPdfCanvas     *self,
                int              page,
                const SbPdfRect *area)
{
  PopplerPage *poppler_page = poppler_document_get_page (self->document, page);
  PopplerRectangle rect = { area->x1, area->y1, area->x2, area->y2 };
  PageSelection selection = { page, *area, NULL };

  selection.region = poppler_page_get_selected_region (poppler_page, 1.0, POPPLER_SELECTION_GLYPH, &rect);
  g_object_unref (poppler_page);
  if (selection.region != NULL && cairo_region_is_empty (selection.region))
    g_clear_pointer (&selection.region, cairo_region_destroy);
  if (selection.region != NULL)
    g_array_append_val (self->selection, selection);
}

/* Selects the text from (@x1, @y1) on @page1 to (@x2, @y2) on @page2, as a
 * drag between them does: the pages in between whole.  Either may come
 * first; @page1 -1 clears the selection. */
static void
set_selection_range (SbPdfCanvas *self,
                     int          page1,
                     double       x1,
                     double       y1,
                     int          page2,
                     double       x2,
                     double       y2)
{
  g_array_set_size (self->selection, 0);

  if (page1 >= 0 && page2 >= 0 && self->document != NULL)
    {
      if (page2 < page1)
        {
          int p = page1;
          double x = x1, y = y1;

          page1 = page2, x1 = x2, y1 = y2;
          page2 = p, x2 = x, y2 = y;
        }
      page2 = MIN (page2, page1 + MAX_SELECTED_PAGES - 1);

      if (page1 == page2)
        select_on_page (self, page1, &(SbPdfRect) { x1, y1, x2, y2 });
      else
        {
          select_on_page (self, page1, &(SbPdfRect) { x1, y1, self->widths[page1], self->heights[page1] });
          for (int p = page1 + 1; p < page2; p++)
            select_on_page (self, p, &(SbPdfRect) { 0, 0, self->widths[p], self->heights[p] });
          select_on_page (self, page2, &(SbPdfRect) { 0, 0, x2, y2 });
        }
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
set_selection (SbPdfCanvas     *self,
               int              page,
               const SbPdfRect *area)
{
  if (area == NULL)
    set_selection_range (self, -1, 0, 0, -1, 0, 0);
  else
    set_selection_range (self, page, area->x1, area->y1, page, area->x2, area->y2);
}

/* Gestures */

static void
add_annotation (SbPdfCanvas  *self,
                SbAnnotation *annotation)
{
  g_free (annotation->author);
  annotation->author = g_strdup (self->author);
  g_ptr_array_add (self->annotations, annotation);
  self->selected = annotation;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[ANNOTATION_ADDED], 0, annotation);
}

static SbAnnotation *
annotation_at (SbPdfCanvas *self,
               int          page,
               double       x,
               double       y)
{
  /* The last drawn is on top. */
  for (guint i = self->annotations ? self->annotations->len : 0; i > 0; i--)
    {
      SbAnnotation *annotation = g_ptr_array_index (self->annotations, i - 1);

      if (annotation->page == page && sb_annotation_contains (annotation, x, y))
        return annotation;
    }

  return NULL;
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          start_x,
               double          start_y,
               SbPdfCanvas    *self)
{
  int page;
  double x, y;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (!sb_pdf_canvas_widget_to_page (self, start_x, start_y, &page, &x, &y))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  self->dragging = TRUE;
  self->drag_page = page;
  self->drag_x = self->drag_end_x = x;
  self->drag_y = self->drag_end_y = y;

  if (self->tool == SB_PDF_TOOL_INK)
    {
      if (self->ink == NULL || self->ink->page != page)
        {
          g_clear_pointer (&self->ink, sb_annotation_free);
          self->ink = sb_annotation_new (SB_ANNOTATION_INK, page);
          sb_annotation_set_colour (self->ink, self->colour);
        }
      self->ink_stroke = sb_annotation_add_stroke (self->ink);
      sb_annotation_stroke_add_point (self->ink, self->ink_stroke, x, y);
    }
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          offset_x_,
                double          offset_y_,
                SbPdfCanvas    *self)
{
  double start_x, start_y;
  double x, y;

  if (!self->dragging)
    return;

  gtk_gesture_drag_get_start_point (gesture, &start_x, &start_y);
  x = (start_x + offset_x_ + offset_x (self) - page_left (self, self->drag_page)) / scale (self);
  y = (start_y + offset_y_ + offset_y (self) - self->tops[self->drag_page]) / scale (self);
  x = CLAMP (x, 0, self->widths[self->drag_page]);
  y = CLAMP (y, 0, self->heights[self->drag_page]);
  self->drag_end_x = x;
  self->drag_end_y = y;

  switch (self->tool)
    {
    case SB_PDF_TOOL_SELECT:
    case SB_PDF_TOOL_HIGHLIGHT:
    case SB_PDF_TOOL_UNDERLINE:
      {
        /* Text may be selected across pages. */
        int end_page;
        double end_x, end_y;

        sb_pdf_canvas_widget_to_page (self, start_x + offset_x_, start_y + offset_y_, &end_page, &end_x, &end_y);
        end_x = CLAMP (end_x, 0, self->widths[end_page]);
        end_y = CLAMP (end_y, 0, self->heights[end_page]);
        set_selection_range (self, self->drag_page, self->drag_x, self->drag_y, end_page, end_x, end_y);
      }
      break;

    case SB_PDF_TOOL_INK:
      if (self->ink_stroke != NULL)
        sb_annotation_stroke_add_point (self->ink, self->ink_stroke, x, y);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;

    case SB_PDF_TOOL_NOTE:
    case SB_PDF_TOOL_FREE_TEXT:
    default:
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;
    }
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          offset_x_,
             double          offset_y_,
             SbPdfCanvas    *self)
{
  gboolean moved = fabs (offset_x_) > 3 || fabs (offset_y_) > 3;
  int page = self->drag_page;

  if (!self->dragging)
    return;
  self->dragging = FALSE;

  switch (self->tool)
    {
    case SB_PDF_TOOL_SELECT:
      if (!moved)
        {
          SbAnnotation *annotation = annotation_at (self, page, self->drag_x, self->drag_y);

          set_selection (self, -1, NULL);
          self->selected = annotation;
          gtk_widget_queue_draw (GTK_WIDGET (self));
          g_signal_emit (self, signals[ANNOTATION_ACTIVATED], 0, annotation);
        }
      break;

    case SB_PDF_TOOL_HIGHLIGHT:
    case SB_PDF_TOOL_UNDERLINE:
      if (moved && self->selection->len > 0)
        {
          sb_pdf_canvas_annotate_selection (self, self->tool == SB_PDF_TOOL_HIGHLIGHT
                                                  ? SB_ANNOTATION_HIGHLIGHT : SB_ANNOTATION_UNDERLINE);
        }
      break;

    case SB_PDF_TOOL_NOTE:
      {
        SbAnnotation *note = sb_annotation_new (SB_ANNOTATION_NOTE, page);
        double x = CLAMP (self->drag_end_x, 0, self->widths[page] - SB_ANNOTATION_NOTE_SIZE);
        double y = CLAMP (self->drag_end_y, 0, self->heights[page] - SB_ANNOTATION_NOTE_SIZE);

        note->area = (SbPdfRect) { x, y, x + SB_ANNOTATION_NOTE_SIZE, y + SB_ANNOTATION_NOTE_SIZE };
        sb_annotation_set_colour (note, self->colour);
        add_annotation (self, note);
      }
      break;

    case SB_PDF_TOOL_FREE_TEXT:
      {
        SbAnnotation *text = sb_annotation_new (SB_ANNOTATION_FREE_TEXT, page);
        SbPdfRect area = {
          MIN (self->drag_x, self->drag_end_x), MIN (self->drag_y, self->drag_end_y),
          MAX (self->drag_x, self->drag_end_x), MAX (self->drag_y, self->drag_end_y),
        };

        /* A click makes a box of a useful size. */
        if (area.x2 - area.x1 < 40 || area.y2 - area.y1 < 20)
          {
            area.x2 = MIN (area.x1 + 180, self->widths[page]);
            area.y2 = MIN (area.y1 + 48, self->heights[page]);
          }
        text->area = area;
        sb_annotation_set_colour (text, self->colour);
        add_annotation (self, text);
      }
      break;

    case SB_PDF_TOOL_INK:
      if (self->ink != NULL)
        {
          SbAnnotation *ink = g_steal_pointer (&self->ink);

          self->ink_stroke = NULL;
          sb_annotation_update_area (ink);
          add_annotation (self, ink);
        }
      break;

    default:
      break;
    }

  self->drag_page = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           SbPdfCanvas              *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (!(state & GDK_CONTROL_MASK))
    return FALSE;

  self->zoom_mode = SB_PDF_ZOOM_FREE;
  apply_zoom (self, self->zoom * (dy < 0 ? 1.1 : 1 / 1.1), gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
  return TRUE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                SbPdfCanvas           *self)
{
  GtkAdjustment *v = self->vadjustment;
  GtkAdjustment *h = self->hadjustment;
  double page = v != NULL ? gtk_adjustment_get_page_size (v) * 0.9 : 0;

  if (v == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      gtk_adjustment_set_value (v, gtk_adjustment_get_value (v) - 40);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      gtk_adjustment_set_value (v, gtk_adjustment_get_value (v) + 40);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      if (h != NULL)
        gtk_adjustment_set_value (h, gtk_adjustment_get_value (h) - 40);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      if (h != NULL)
        gtk_adjustment_set_value (h, gtk_adjustment_get_value (h) + 40);
      return TRUE;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      gtk_adjustment_set_value (v, gtk_adjustment_get_value (v) - page);
      return TRUE;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
    case GDK_KEY_space:
      gtk_adjustment_set_value (v, gtk_adjustment_get_value (v) + ((state & GDK_SHIFT_MASK) ? -page : page));
      return TRUE;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      gtk_adjustment_set_value (v, 0);
      return TRUE;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      gtk_adjustment_set_value (v, gtk_adjustment_get_upper (v));
      return TRUE;
    case GDK_KEY_Escape:
      if (self->selection->len > 0 || self->selected != NULL)
        {
          set_selection (self, -1, NULL);
          self->selected = NULL;
          gtk_widget_queue_draw (GTK_WIDGET (self));
          g_signal_emit (self, signals[ANNOTATION_ACTIVATED], 0, NULL);
          return TRUE;
        }
      return FALSE;
    default:
      return FALSE;
    }
}

/* Adjustments */

static void
adjustment_value_changed_cb (GtkAdjustment *adjustment,
                             SbPdfCanvas   *self)
{
  update_current_page (self);
  want_visible_pages (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (SbPdfCanvas    *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (*slot == adjustment)
    return;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, adjustment_value_changed_cb, self);
  g_set_object (slot, adjustment);
  if (adjustment != NULL)
    g_signal_connect (adjustment, "value-changed", G_CALLBACK (adjustment_value_changed_cb), self);
  configure_adjustments (self);
}

static void
page_rendered_cb (SbPdfRenderer *renderer,
                  int            page,
                  double         render,
                  SbPdfCanvas   *self)
{
  int first, last;

  if (self->n_pages == 0)
    return;
  visible_range (self, &first, &last);
  if (page >= first && page <= last)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* GtkWidget */

static void
sb_pdf_canvas_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  SbPdfCanvas *self = SB_PDF_CANVAS (widget);

  if (self->zoom_mode != SB_PDF_ZOOM_FREE && self->n_pages > 0)
    {
      double zoom = fitting_zoom (self);

      if (fabs (zoom - self->zoom) > 0.0001)
        {
          self->zoom = zoom;
          self->zoom_changed = TRUE;
        }
    }
  self->allocating = TRUE;
  layout_pages (self);
  configure_adjustments (self);
  if (self->pending_page >= 0 && self->vadjustment != NULL)
    {
      gtk_adjustment_set_value (self->vadjustment, self->tops[self->pending_page] - MARGIN);
      self->pending_page = -1;
    }
  update_current_page (self);
  if (self->zoom_changed && self->notify_source == 0)
    self->notify_source = g_idle_add (notify_idle_cb, self);
  self->allocating = FALSE;
  want_visible_pages (self);
}

static void
sb_pdf_canvas_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  *minimum = 100;
  *natural = 600;
}

/* GObject */

static void
sb_pdf_canvas_dispose (GObject *object)
{
  SbPdfCanvas *self = (SbPdfCanvas *)object;

  g_clear_handle_id (&self->notify_source, g_source_remove);
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);
  if (self->renderer != NULL)
    g_signal_handlers_disconnect_by_func (self->renderer, page_rendered_cb, self);
  g_clear_object (&self->renderer);
  g_clear_object (&self->document);
  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  g_clear_pointer (&self->ink, sb_annotation_free);
  if (self->selection != NULL)
    g_array_set_size (self->selection, 0);
  g_clear_pointer (&self->hits, g_ptr_array_unref);

  G_OBJECT_CLASS (sb_pdf_canvas_parent_class)->dispose (object);
}

static void
sb_pdf_canvas_finalize (GObject *object)
{
  SbPdfCanvas *self = (SbPdfCanvas *)object;

  g_array_unref (self->selection);
  g_free (self->widths);
  g_free (self->heights);
  g_free (self->tops);
  g_free (self->colour);
  g_free (self->author);

  G_OBJECT_CLASS (sb_pdf_canvas_parent_class)->finalize (object);
}

static void
sb_pdf_canvas_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SbPdfCanvas *self = SB_PDF_CANVAS (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_PAGE:
      g_value_set_int (value, self->current_page);
      break;
    case PROP_TOOL:
      g_value_set_int (value, self->tool);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_pdf_canvas_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SbPdfCanvas *self = SB_PDF_CANVAS (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      sb_pdf_canvas_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_PAGE:
      sb_pdf_canvas_scroll_to_page (self, g_value_get_int (value));
      break;
    case PROP_TOOL:
      sb_pdf_canvas_set_tool (self, g_value_get_int (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_pdf_canvas_scrollable_init (GtkScrollableInterface *iface)
{
}

static void
sb_pdf_canvas_class_init (SbPdfCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_pdf_canvas_dispose;
  object_class->finalize = sb_pdf_canvas_finalize;
  object_class->get_property = sb_pdf_canvas_get_property;
  object_class->set_property = sb_pdf_canvas_set_property;

  widget_class->snapshot = sb_pdf_canvas_snapshot;
  widget_class->size_allocate = sb_pdf_canvas_size_allocate;
  widget_class->measure = sb_pdf_canvas_measure;

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, SB_PDF_ZOOM_MIN, SB_PDF_ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE] =
    g_param_spec_int ("page", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOOL] =
    g_param_spec_int ("tool", NULL, NULL, SB_PDF_TOOL_SELECT, SB_PDF_TOOL_INK, SB_PDF_TOOL_SELECT,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  signals[ANNOTATION_ADDED] =
    g_signal_new ("annotation-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  signals[ANNOTATION_ACTIVATED] =
    g_signal_new ("annotation-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "pdfcanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sb_pdf_canvas_init (SbPdfCanvas *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  GtkEventController *keys;

  self->zoom = 1.0;
  self->zoom_mode = SB_PDF_ZOOM_FIT_WIDTH;
  self->selection = g_array_new (FALSE, TRUE, sizeof (PageSelection));
  g_array_set_clear_func (self->selection, clear_page_selection);
  self->drag_page = -1;
  self->pending_page = -1;
  self->hit_page = -1;
  self->colour = g_strdup (sb_annotation_kind_get_default_colour (SB_ANNOTATION_HIGHLIGHT));
  self->author = g_strdup ("");
  self->annotations = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_annotation_free);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

/* Public API */

GtkWidget *
sb_pdf_canvas_new (void)
{
  return g_object_new (SB_TYPE_PDF_CANVAS, NULL);
}

/**
 * sb_pdf_canvas_set_document:
 * @document: a document for the main thread's use
 * @renderer: renders @document's pages
 * @annotations: (element-type SbAnnotation): the annotations to show and
 *   add to, shared with the caller
 */
void
sb_pdf_canvas_set_document (SbPdfCanvas     *self,
                            PopplerDocument *document,
                            SbPdfRenderer   *renderer,
                            GPtrArray       *annotations)
{
  g_return_if_fail (SB_IS_PDF_CANVAS (self));
  g_return_if_fail (POPPLER_IS_DOCUMENT (document));
  g_return_if_fail (SB_IS_PDF_RENDERER (renderer));

  if (self->renderer != NULL)
    g_signal_handlers_disconnect_by_func (self->renderer, page_rendered_cb, self);
  g_set_object (&self->document, document);
  g_set_object (&self->renderer, renderer);
  g_signal_connect (renderer, "page-rendered", G_CALLBACK (page_rendered_cb), self);
  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  self->annotations = g_ptr_array_ref (annotations);

  self->n_pages = poppler_document_get_n_pages (document);
  self->widths = g_renew (double, self->widths, self->n_pages);
  self->heights = g_renew (double, self->heights, self->n_pages);
  self->tops = g_renew (double, self->tops, self->n_pages);
  for (int i = 0; i < self->n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);

      poppler_page_get_size (page, &self->widths[i], &self->heights[i]);
      g_object_unref (page);
    }
  self->current_page = 0;
  layout_pages (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

int
sb_pdf_canvas_get_n_pages (SbPdfCanvas *self)
{
  g_return_val_if_fail (SB_IS_PDF_CANVAS (self), 0);

  return self->n_pages;
}

int
sb_pdf_canvas_get_page (SbPdfCanvas *self)
{
  g_return_val_if_fail (SB_IS_PDF_CANVAS (self), 0);

  return self->current_page;
}

void
sb_pdf_canvas_scroll_to_page (SbPdfCanvas *self,
                              int          page)
{
  g_return_if_fail (SB_IS_PDF_CANVAS (self));

  if (self->n_pages == 0)
    return;
  page = CLAMP (page, 0, self->n_pages - 1);
  /* Before the first allocation the adjustment cannot go there yet. */
  if (self->vadjustment == NULL || gtk_widget_get_width (GTK_WIDGET (self)) == 0
      || gtk_adjustment_get_upper (self->vadjustment) < self->content_height - 0.5)
    self->pending_page = page;
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, self->tops[page] - MARGIN);
  if (self->current_page != page)
    {
      self->current_page = page;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
    }
}

/* Brings @area of @page into view, if it is not already. */
void
sb_pdf_canvas_scroll_to_area (SbPdfCanvas     *self,
                              int              page,
                              const SbPdfRect *area)
{
  double top, bottom, view_top, view_height;

  g_return_if_fail (SB_IS_PDF_CANVAS (self));

  if (page < 0 || page >= self->n_pages || self->vadjustment == NULL)
    return;

  top = self->tops[page] + area->y1 * scale (self);
  bottom = self->tops[page] + area->y2 * scale (self);
  view_top = offset_y (self);
  view_height = gtk_widget_get_height (GTK_WIDGET (self));
  if (top < view_top || bottom > view_top + view_height)
    gtk_adjustment_set_value (self->vadjustment, top - view_height / 3);
  if (self->hadjustment != NULL)
    {
      double left = page_left (self, page) + area->x1 * scale (self);
      double view_left = offset_x (self);
      double view_width = gtk_widget_get_width (GTK_WIDGET (self));

      if (left < view_left || left > view_left + view_width - 40)
        gtk_adjustment_set_value (self->hadjustment, left - 40);
    }
}

double
sb_pdf_canvas_get_zoom (SbPdfCanvas *self)
{
  g_return_val_if_fail (SB_IS_PDF_CANVAS (self), 1.0);

  return self->zoom;
}

/* A zoom the user chose: it stays when the window is resized. */
void
sb_pdf_canvas_set_zoom (SbPdfCanvas *self,
                        double       zoom)
{
  g_return_if_fail (SB_IS_PDF_CANVAS (self));

  self->zoom_mode = SB_PDF_ZOOM_FREE;
  apply_zoom (self, zoom, 0);
}

SbPdfZoomMode
sb_pdf_canvas_get_zoom_mode (SbPdfCanvas *self)
{
  g_return_val_if_fail (SB_IS_PDF_CANVAS (self), SB_PDF_ZOOM_FREE);

  return self->zoom_mode;
}

void
sb_pdf_canvas_set_zoom_mode (SbPdfCanvas   *self,
                             SbPdfZoomMode  mode)
{
  g_return_if_fail (SB_IS_PDF_CANVAS (self));

  self->zoom_mode = mode;
  if (mode != SB_PDF_ZOOM_FREE)
    apply_zoom (self, fitting_zoom (self), 0);
}

SbPdfTool
sb_pdf_canvas_get_tool (SbPdfCanvas *self)
{
  g_return_val_if_fail (SB_IS_PDF_CANVAS (self), SB_PDF_TOOL_SELECT);

  return self->tool;
}

void
sb_pdf_canvas_set_tool (SbPdfCanvas *self,
                        SbPdfTool    tool)
{
  g_return_if_fail (SB_IS_PDF_CANVAS (self));

  if (self->tool == tool)
    return;

  self->tool = tool;
  g_clear_pointer (&self->ink, sb_annotation_free);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                   tool == SB_PDF_TOOL_SELECT || tool == SB_PDF_TOOL_HIGHLIGHT
                                   || tool == SB_PDF_TOOL_UNDERLINE ? "text" : "crosshair");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOOL]);
}

void
sb_pdf_canvas_set_colour (SbPdfCanvas *self,
                          const char  *colour)
{
  g_return_if_fail (SB_IS_PDF_CANVAS (self));

  g_free (self->colour);
  self->colour = g_strdup (colour);
}

void
sb_pdf_canvas_set_author (SbPdfCanvas *self,
                          const char  *author)
{
  g_return_if_fail (SB_IS_PDF_CANVAS (self));

  g_free (self->author);
  self->author = g_strdup (author ? author : "");
}

/**
 * sb_pdf_canvas_dup_selected_text:
 *
 * Returns: (transfer full) (nullable): the selected text
 */
char *
sb_pdf_canvas_dup_selected_text (SbPdfCanvas *self)
{
  GString *text;

  g_return_val_if_fail (SB_IS_PDF_CANVAS (self), NULL);

  if (self->selection->len == 0 || self->document == NULL)
    return NULL;

  text = g_string_new (NULL);
  for (guint i = 0; i < self->selection->len; i++)
    {
      PageSelection *selection = &g_array_index (self->selection, PageSelection, i);
      PopplerPage *page = poppler_document_get_page (self->document, selection->page);
      PopplerRectangle rect = { selection->area.x1, selection->area.y1, selection->area.x2, selection->area.y2 };
      g_autofree char *words = poppler_page_get_selected_text (page, POPPLER_SELECTION_GLYPH, &rect);

      g_object_unref (page);
      if (words == NULL || *words == '\0')
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, words);
    }

  return g_string_free (text, FALSE);
}

gboolean
sb_pdf_canvas_has_selection (SbPdfCanvas *self)
{
  g_return_val_if_fail (SB_IS_PDF_CANVAS (self), FALSE);

  return self->selection->len > 0;
}

/**
 * sb_pdf_canvas_select_text:
 * @area: from where the selection starts to where it ends, in points
 *
 * Selects text as a drag from one corner of @area to the other would.
 *
 * Returns: whether any text is selected
 */
gboolean
sb_pdf_canvas_select_text (SbPdfCanvas     *self,
                           int              page,
                           const SbPdfRect *area)
{
  g_return_val_if_fail (SB_IS_PDF_CANVAS (self), FALSE);

  set_selection (self, page, area);
  return self->selection->len > 0;
}

/**
 * sb_pdf_canvas_select_range:
 *
 * Selects text from a point on one page to a point on another, as a drag
 * from one to the other does.
 *
 * Returns: whether any text is selected
 */
gboolean
sb_pdf_canvas_select_range (SbPdfCanvas *self,
                            int          page1,
                            double       x1,
                            double       y1,
                            int          page2,
                            double       x2,
                            double       y2)
{
  g_return_val_if_fail (SB_IS_PDF_CANVAS (self), FALSE);
  g_return_val_if_fail (page1 >= 0 && page1 < self->n_pages, FALSE);
  g_return_val_if_fail (page2 >= 0 && page2 < self->n_pages, FALSE);

  set_selection_range (self, page1, x1, y1, page2, x2, y2);
  return self->selection->len > 0;
}

void
sb_pdf_canvas_clear_selection (SbPdfCanvas *self)
{
  g_return_if_fail (SB_IS_PDF_CANVAS (self));

  set_selection (self, -1, NULL);
}

/**
 * sb_pdf_canvas_annotate_selection:
 * @kind: %SB_ANNOTATION_HIGHLIGHT or %SB_ANNOTATION_UNDERLINE
 *
 * Marks the selected text, one annotation a page, and clears the
 * selection.
 *
 * Returns: (transfer none) (nullable): the annotation on the first page
 */
SbAnnotation *
sb_pdf_canvas_annotate_selection (SbPdfCanvas      *self,
                                  SbAnnotationKind  kind)
{
  g_autoptr(GPtrArray) made = NULL;

  g_return_val_if_fail (SB_IS_PDF_CANVAS (self), NULL);
  g_return_val_if_fail (kind == SB_ANNOTATION_HIGHLIGHT || kind == SB_ANNOTATION_UNDERLINE, NULL);

  if (self->selection->len == 0)
    return NULL;

  /* One annotation a page: an annotation belongs to one page. */
  made = g_ptr_array_new ();
  for (guint n = 0; n < self->selection->len; n++)
    {
      PageSelection *selection = &g_array_index (self->selection, PageSelection, n);
      SbAnnotation *annotation = sb_annotation_new (kind, selection->page);

      for (int i = 0; i < cairo_region_num_rectangles (selection->region); i++)
        {
          cairo_rectangle_int_t r;
          SbPdfRect rect;

          cairo_region_get_rectangle (selection->region, i, &r);
          rect = (SbPdfRect) { r.x, r.y, r.x + r.width, r.y + r.height };
          sb_annotation_add_rect (annotation, &rect);
        }
      sb_annotation_update_area (annotation);
      sb_annotation_set_colour (annotation, self->colour);
      g_ptr_array_add (made, annotation);
    }

  set_selection (self, -1, NULL);
  for (guint i = 0; i < made->len; i++)
    add_annotation (self, g_ptr_array_index (made, i));

  return g_ptr_array_index (made, 0);
}

SbAnnotation *
sb_pdf_canvas_get_selected_annotation (SbPdfCanvas *self)
{
  g_return_val_if_fail (SB_IS_PDF_CANVAS (self), NULL);

  return self->selected;
}

void
sb_pdf_canvas_set_selected_annotation (SbPdfCanvas  *self,
                                       SbAnnotation *annotation)
{
  g_return_if_fail (SB_IS_PDF_CANVAS (self));

  self->selected = annotation;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
sb_pdf_canvas_clear_search (SbPdfCanvas *self)
{
  g_return_if_fail (SB_IS_PDF_CANVAS (self));

  g_clear_pointer (&self->hits, g_ptr_array_unref);
  self->hit_page = -1;
  self->hit_index = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * sb_pdf_canvas_add_hits:
 * @hits: (element-type SbPdfHit): what a search found on @page
 */
void
sb_pdf_canvas_add_hits (SbPdfCanvas *self,
                        int          page,
                        GArray      *hits)
{
  g_return_if_fail (SB_IS_PDF_CANVAS (self));

  if (page < 0 || page >= self->n_pages || hits->len == 0)
    return;

  if (self->hits == NULL)
    {
      self->hits = g_ptr_array_new_with_free_func (free_hits);
      g_ptr_array_set_size (self->hits, self->n_pages);
    }
  g_clear_pointer (&g_ptr_array_index (self->hits, page), g_array_unref);
  g_ptr_array_index (self->hits, page) = g_array_ref (hits);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
sb_pdf_canvas_get_n_hits (SbPdfCanvas *self)
{
  guint n = 0;

  g_return_val_if_fail (SB_IS_PDF_CANVAS (self), 0);

  for (guint i = 0; self->hits != NULL && i < self->hits->len; i++)
    {
      GArray *hits = g_ptr_array_index (self->hits, i);

      n += hits != NULL ? hits->len : 0;
    }

  return n;
}

/**
 * sb_pdf_canvas_next_hit:
 * @position: (out): the hit's position among all, from 1
 *
 * Moves to the next search hit after the current one (or the first on or
 * after the current page), wrapping round, and scrolls to it.
 *
 * Returns: %FALSE if there are no hits
 */
gboolean
sb_pdf_canvas_next_hit (SbPdfCanvas *self,
                        gboolean     backwards,
                        guint       *position)
{
  guint n, current = 0, before = 0, target;
  GArray *hits;
  int page = 0, index = 0;

  g_return_val_if_fail (SB_IS_PDF_CANVAS (self), FALSE);

  n = sb_pdf_canvas_get_n_hits (self);
  if (n == 0)
    return FALSE;

  /* Number the hits in reading order, and find where we are. */
  for (int i = 0; i < self->n_pages; i++)
    {
      hits = g_ptr_array_index (self->hits, i);
      if (self->hit_page >= 0 && i == self->hit_page)
        current = before + self->hit_index + 1;
      else if (self->hit_page < 0 && i < self->current_page)
        current = before + (hits != NULL ? hits->len : 0);
      before += hits != NULL ? hits->len : 0;
    }

  if (self->hit_page < 0)
    target = backwards ? (current == 0 ? n : current) : current + 1;
  else
    target = backwards ? (current <= 1 ? n : current - 1) : (current >= n ? 1 : current + 1);
  if (target > n)
    target = 1;

  before = 0;
  for (int i = 0; i < self->n_pages; i++)
    {
      guint len;

      hits = g_ptr_array_index (self->hits, i);
      len = hits != NULL ? hits->len : 0;
      if (target <= before + len)
        {
          page = i;
          index = target - before - 1;
          break;
        }
      before += len;
    }

  hits = g_ptr_array_index (self->hits, page);
  self->hit_page = page;
  self->hit_index = index;
  if (position != NULL)
    *position = target;
  sb_pdf_canvas_scroll_to_area (self, page, (SbPdfRect *) &g_array_index (hits, SbPdfHit, index));
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return TRUE;
}

/**
 * sb_pdf_canvas_get_draw_counts:
 * @drawn: (out): pages drawn since the document was set
 * @blank: (out): of those, pages not rendered yet at the zoom shown
 */
void
sb_pdf_canvas_get_draw_counts (SbPdfCanvas *self,
                               guint       *drawn,
                               guint       *blank)
{
  g_return_if_fail (SB_IS_PDF_CANVAS (self));

  *drawn = self->pages_drawn;
  *blank = self->pages_blank;
}
