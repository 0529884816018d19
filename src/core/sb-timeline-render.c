/* sb-timeline-render.c: the timeline drawn with Cairo
 */
#define G_LOG_DOMAIN "sb-timeline-render"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "sb-date.h"
#include "sb-file.h"
#include "sb-timeline-render.h"

#define MARK_RADIUS 6.0
#define MIN_LABEL_SPACING 48.0

static const SbChartColor phase_colors[SB_TIMELINE_N_PHASES] = {
  [SB_TIMELINE_PHASE_PREPARING] = SB_CHART_COLOR_YELLOW,
  [SB_TIMELINE_PHASE_CONSTRUCTING] = SB_CHART_COLOR_BLUE,
  [SB_TIMELINE_PHASE_EXTENSION] = SB_CHART_COLOR_PURPLE,
  [SB_TIMELINE_PHASE_RECTIFYING] = SB_CHART_COLOR_BROWN,
  [SB_TIMELINE_PHASE_ESTABLISHED] = SB_CHART_COLOR_GREEN,
};

/* The months as the axis names them. */
static const char *month_names[12] = {
  N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"),
  N_("Jul"), N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"),
};

typedef enum
{
  UNIT_YEAR,
  UNIT_QUARTER,
  UNIT_MONTH,
  UNIT_WEEK,
} Unit;

/* Helpers */

static void
set_color (cairo_t           *cr,
           const SbChartRgba *color,
           double             alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static const SbChartRgba *
status_color (const SbChartStyle *style,
              SbDeadlineStatus    status)
{
  switch (status)
    {
    case SB_DEADLINE_STATUS_MET:
      return &style->palette[SB_CHART_COLOR_GREEN];
    case SB_DEADLINE_STATUS_UPCOMING:
      return &style->palette[SB_CHART_COLOR_BLUE];
    case SB_DEADLINE_STATUS_DUE_SOON:
      return &style->palette[SB_CHART_COLOR_ORANGE];
    case SB_DEADLINE_STATUS_OVERDUE:
      return &style->palette[SB_CHART_COLOR_RED];
    case SB_DEADLINE_STATUS_LAPSED:
    case SB_DEADLINE_STATUS_UNKNOWN:
    default:
      return &style->palette[SB_CHART_COLOR_GREY];
    }
}

/* What marks cut out of their shape: the background, or white. */
static const SbChartRgba *
paper_color (const SbChartStyle *style)
{
  static const SbChartRgba white = { 1, 1, 1, 1 };

  return style->background.alpha > 0 ? &style->background : &white;
}

static double
top_of_lanes (const SbTimelineViewport *viewport)
{
  return (viewport->title != NULL ? SB_TIMELINE_TITLE_HEIGHT : 0) + SB_TIMELINE_AXIS_HEIGHT;
}

/* The kinds of text the timeline draws, each with its own font. */
typedef enum
{
  TEXT_TITLE,
  TEXT_UPPER,    /* the axis' upper row */
  TEXT_LOWER,
  TEXT_NAME,     /* a lane's name, cut to the names' column */
  TEXT_LEGEND,
  TEXT_TODAY,
  N_TEXT_KINDS
} TextKind;

static const struct
{
  double   size;
  gboolean bold;
} text_fonts[N_TEXT_KINDS] = {
  [TEXT_TITLE] = { 1.15, TRUE },
  [TEXT_UPPER] = { 1.0, TRUE },
  [TEXT_LOWER] = { 0.9, FALSE },
  [TEXT_NAME] = { 0.95, FALSE },
  [TEXT_LEGEND] = { 0.85, FALSE },
  [TEXT_TODAY] = { 0.8, TRUE },
};

/* Laid-out texts kept from one frame to the next: shaping the same names
 * and labels again is most of the cost of drawing text. */
struct _SbTimelineTexts
{
  PangoContext         *context;
  char                 *font;
  PangoFontDescription *fonts[N_TEXT_KINDS];
  GHashTable           *layouts;   /* "kind width text" → PangoLayout */
};

#define MAX_CACHED_TEXTS 4096

static void
texts_set_font (SbTimelineTexts    *texts,
                const SbChartStyle *style)
{
  const char *font = style->font ? style->font : "Sans 10";

  if (g_strcmp0 (texts->font, font) == 0)
    return;

  g_free (texts->font);
  texts->font = g_strdup (font);
  g_hash_table_remove_all (texts->layouts);
  for (guint i = 0; i < N_TEXT_KINDS; i++)
    {
      PangoFontDescription *description = pango_font_description_from_string (font);

      if (pango_font_description_get_size (description) > 0)
        pango_font_description_set_size (description,
                                         (int) (pango_font_description_get_size (description)
                                                * text_fonts[i].size));
      if (text_fonts[i].bold)
        pango_font_description_set_weight (description, PANGO_WEIGHT_BOLD);
      g_clear_pointer (&texts->fonts[i], pango_font_description_free);
      texts->fonts[i] = description;
    }
}

/* Gets @texts ready to draw on @cr: the same font options and transform,
 * or everything is laid out again. */
static void
texts_begin (SbTimelineTexts    *texts,
             cairo_t            *cr,
             const SbChartStyle *style)
{
  if (texts->context == NULL)
    texts->context = pango_cairo_create_context (cr);
  else
    pango_cairo_update_context (cr, texts->context);
  texts_set_font (texts, style);
}

/* @text laid out in the font of @kind, cut at @width pixels if positive. */
static PangoLayout *
texts_get (SbTimelineTexts *texts,
           TextKind         kind,
           const char      *text,
           int              width)
{
  g_autofree char *key = g_strdup_printf ("%d %d %s", kind, width, text);
  PangoLayout *layout = g_hash_table_lookup (texts->layouts, key);

  if (layout != NULL)
    return layout;

  if (g_hash_table_size (texts->layouts) >= MAX_CACHED_TEXTS)
    g_hash_table_remove_all (texts->layouts);

  layout = pango_layout_new (texts->context);
  pango_layout_set_font_description (layout, texts->fonts[kind]);
  if (width > 0)
    {
      pango_layout_set_width (layout, width * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_text (layout, text, -1);
  g_hash_table_insert (texts->layouts, g_steal_pointer (&key), layout);

  return layout;
}

static void
julian_to_date (double  day,
                GDate  *date)
{
  g_date_clear (date, 1);
  g_date_set_julian (date, (guint32) CLAMP (day, 1, G_MAXINT32));
}

/* The first day of the @unit that contains @day. */
static guint32
unit_start (guint32 day,
            Unit    unit)
{
  GDate date;
  int month;

  julian_to_date (day, &date);
  switch (unit)
    {
    case UNIT_YEAR:
      g_date_set_dmy (&date, 1, 1, g_date_get_year (&date));
      break;
    case UNIT_QUARTER:
      month = (g_date_get_month (&date) - 1) / 3 * 3 + 1;
      g_date_set_dmy (&date, 1, month, g_date_get_year (&date));
      break;
    case UNIT_MONTH:
      g_date_set_day (&date, 1);
      break;
    case UNIT_WEEK:
      g_date_subtract_days (&date, g_date_get_weekday (&date) - G_DATE_MONDAY);
      break;
    default:
      g_assert_not_reached ();
    }

  return g_date_get_julian (&date);
}

static guint32
unit_next (guint32 day,
           Unit    unit,
           int     step)
{
  GDate date;

  julian_to_date (day, &date);
  switch (unit)
    {
    case UNIT_YEAR:
      g_date_add_years (&date, step);
      break;
    case UNIT_QUARTER:
      g_date_add_months (&date, 3 * step);
      break;
    case UNIT_MONTH:
      g_date_add_months (&date, step);
      break;
    case UNIT_WEEK:
      g_date_add_days (&date, 7 * step);
      break;
    default:
      g_assert_not_reached ();
    }

  return g_date_get_julian (&date);
}

static char *
unit_label (guint32 day,
            Unit    unit,
            gboolean upper_with_year)
{
  GDate date;

  julian_to_date (day, &date);
  switch (unit)
    {
    case UNIT_YEAR:
      return g_strdup_printf ("%d", g_date_get_year (&date));
    case UNIT_QUARTER:
      /* Translators: a quarter of the year on the timeline's axis */
      return g_strdup_printf (_("Q%d"), (g_date_get_month (&date) - 1) / 3 + 1);
    case UNIT_MONTH:
      if (upper_with_year)
        /* Translators: a month and its year on the timeline's axis, e.g. "Nov 2026" */
        return g_strdup_printf (_("%s %d"), _(month_names[g_date_get_month (&date) - 1]),
                                g_date_get_year (&date));
      return g_strdup (_(month_names[g_date_get_month (&date) - 1]));
    case UNIT_WEEK:
      /* Translators: a week on the timeline's axis, by the day of the
       * month of its Monday, e.g. "16" */
      return g_strdup_printf (_("%d"), g_date_get_day (&date));
    default:
      g_assert_not_reached ();
    }
}

/* Which units the two rows of the axis show at this zoom, and every how
 * many years the years are labelled when they are narrow. */
static void
choose_units (double  pixels_per_day,
              Unit   *upper,
              Unit   *lower,
              int    *year_step)
{
  *year_step = 1;
  if (pixels_per_day * 7 >= 30)
    {
      *upper = UNIT_MONTH;
      *lower = UNIT_WEEK;
    }
  else if (pixels_per_day * 30.4 >= 40)
    {
      *upper = UNIT_YEAR;
      *lower = UNIT_MONTH;
    }
  else if (pixels_per_day * 91.3 >= 34)
    {
      *upper = UNIT_YEAR;
      *lower = UNIT_QUARTER;
    }
  else
    {
      *upper = UNIT_YEAR;
      *lower = UNIT_YEAR;
      while (pixels_per_day * 365.25 * *year_step < MIN_LABEL_SPACING)
        *year_step = *year_step < 2 ? 2 : *year_step < 5 ? 5 : *year_step * 2;
    }
}

/* One row of axis labels between @y and @y + @height, with lines at each
 * boundary; a label whose start is off to the left sticks to the edge. */
static void
draw_axis_row (cairo_t                  *cr,
               const SbTimelineViewport *viewport,
               const SbChartStyle       *style,
               const SbTimelineRect     *plot,
               SbTimelineTexts          *texts,
               TextKind                  kind,
               Unit                      unit,
               int                       step,
               gboolean                  with_year,
               double                    y,
               double                    height,
               double                    grid_alpha,
               double                    avoid_x0,
               double                    avoid_x1)
{
  double last_day = viewport->first_day + plot->width / viewport->pixels_per_day;
  guint32 day = unit_start (MAX (1, viewport->first_day), unit);

  if (unit == UNIT_YEAR && step > 1)
    {
      GDate date;

      julian_to_date (day, &date);
      g_date_set_dmy (&date, 1, 1, g_date_get_year (&date) - g_date_get_year (&date) % step);
      day = g_date_get_julian (&date);
    }

  while (day <= last_day)
    {
      guint32 next = unit_next (day, unit, step);
      double x0 = sb_timeline_x_for_day (viewport, day) + plot->x;
      double x1 = sb_timeline_x_for_day (viewport, next) + plot->x;
      double left = MAX (x0, plot->x);
      g_autofree char *text = unit_label (day, unit, with_year);
      PangoLayout *layout;
      PangoRectangle logical;

      if (x0 >= plot->x)
        {
          set_color (cr, &style->grid, grid_alpha);
          cairo_rectangle (cr, floor (x0), y, 1, plot->y + plot->height - y);
          cairo_fill (cr);
        }

      layout = texts_get (texts, kind, text, -1);
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      if (MIN (x1, plot->x + plot->width) - left >= logical.width + 6
          && (left + 4 > avoid_x1 || left + 4 + logical.width < avoid_x0))
        {
          set_color (cr, &style->foreground, 0.8);
          cairo_move_to (cr, left + 4, y + (height - logical.height) / 2);
          pango_cairo_show_layout (cr, layout);
        }

      day = next;
    }
}

static void
draw_axis (cairo_t                  *cr,
           const SbTimelineViewport *viewport,
           const SbChartStyle       *style,
           const SbTimelineRect     *plot,
           SbTimelineTexts          *texts,
           double                    avoid_x0,
           double                    avoid_x1)
{
  double y = plot->y - SB_TIMELINE_AXIS_HEIGHT;
  double half = SB_TIMELINE_AXIS_HEIGHT / 2;
  Unit upper, lower;
  int year_step;

  choose_units (viewport->pixels_per_day, &upper, &lower, &year_step);

  cairo_save (cr);
  cairo_rectangle (cr, plot->x, y, plot->width, plot->height + SB_TIMELINE_AXIS_HEIGHT);
  cairo_clip (cr);

  if (lower != upper)
    {
      draw_axis_row (cr, viewport, style, plot, texts, TEXT_UPPER, upper, 1, upper == UNIT_MONTH,
                     y, half, 2.0, 0, 0);
      draw_axis_row (cr, viewport, style, plot, texts, TEXT_LOWER, lower, 1, FALSE,
                     y + half, half, 1.0, avoid_x0, avoid_x1);
    }
  else
    draw_axis_row (cr, viewport, style, plot, texts, TEXT_UPPER, upper, year_step, FALSE,
                   y, SB_TIMELINE_AXIS_HEIGHT, 2.0, avoid_x0, avoid_x1);

  cairo_restore (cr);

  /* The line under the axis */
  set_color (cr, &style->foreground, 0.3);
  cairo_rectangle (cr, 0, plot->y - 1, plot->x + plot->width, 1);
  cairo_fill (cr);
}

/* Hatching as a repeating pattern: diagonal lines, or crossed ones. */
static cairo_pattern_t *
create_hatch (const SbChartRgba *color,
              double             alpha,
              gboolean           cross)
{
  cairo_surface_t *tile = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 6, 6);
  cairo_pattern_t *pattern;
  cairo_t *cr = cairo_create (tile);

  set_color (cr, color, alpha);
  cairo_set_line_width (cr, 1.2);
  cairo_move_to (cr, -1, 7);
  cairo_line_to (cr, 7, -1);
  if (cross)
    {
      cairo_move_to (cr, -1, -1);
      cairo_line_to (cr, 7, 7);
    }
  cairo_stroke (cr);
  cairo_destroy (cr);

  pattern = cairo_pattern_create_for_surface (tile);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  cairo_surface_destroy (tile);

  return pattern;
}

/* A frame of 1-pixel rectangles, dashed for what is planned: filled
 * boxes on whole pixels are the cheapest thing Cairo draws. */
static void
frame_rectangle (cairo_t *cr,
                 double   x0,
                 double   y0,
                 double   x1,
                 double   y1,
                 gboolean dashed)
{
  if (!dashed)
    {
      cairo_rectangle (cr, x0, y0, x1 - x0, 1);
      cairo_rectangle (cr, x0, y1 - 1, x1 - x0, 1);
      cairo_rectangle (cr, x0, y0 + 1, 1, y1 - y0 - 2);
      cairo_rectangle (cr, x1 - 1, y0 + 1, 1, y1 - y0 - 2);
    }
  else
    {
      for (double x = x0; x < x1; x += 7)
        {
          double w = MIN (4, x1 - x);

          cairo_rectangle (cr, x, y0, w, 1);
          cairo_rectangle (cr, x, y1 - 1, w, 1);
        }
    }
  cairo_fill (cr);
}

/* A part of a phase's bar: @planned parts are lighter with a dashed edge. */
static void
draw_bar_part (cairo_t           *cr,
               SbTimelinePhase    phase,
               const SbChartRgba *color,
               double             x0,
               double             x1,
               double             cy,
               gboolean           planned)
{
  double alpha = planned ? 0.45 : 1.0;
  double h = phase == SB_TIMELINE_PHASE_ESTABLISHED ? 6 : 14;
  double y0 = floor (cy - h / 2), y1 = y0 + h;

  x0 = floor (x0);
  x1 = MAX (x0 + 1, floor (x1));

  switch (phase)
    {
    case SB_TIMELINE_PHASE_PREPARING:
      set_color (cr, color, 0.25 * alpha);
      cairo_rectangle (cr, x0, y0, x1 - x0, h);
      cairo_fill (cr);
      break;
    case SB_TIMELINE_PHASE_CONSTRUCTING:
    case SB_TIMELINE_PHASE_ESTABLISHED:
      set_color (cr, color, 0.55 * alpha);
      cairo_rectangle (cr, x0, y0, x1 - x0, h);
      cairo_fill (cr);
      break;
    case SB_TIMELINE_PHASE_EXTENSION:
    case SB_TIMELINE_PHASE_RECTIFYING:
      {
        cairo_pattern_t *pattern = create_hatch (color, 0.8 * alpha,
                                                 phase == SB_TIMELINE_PHASE_RECTIFYING);

        set_color (cr, color, 0.15 * alpha);
        cairo_rectangle (cr, x0, y0, x1 - x0, h);
        cairo_fill_preserve (cr);
        cairo_set_source (cr, pattern);
        cairo_fill (cr);
        cairo_pattern_destroy (pattern);
      }
      break;
    case SB_TIMELINE_N_PHASES:
    default:
      break;
    }

  /* The edge: solid for what happened, dashed for what is planned */
  set_color (cr, color, alpha);
  frame_rectangle (cr, x0, y0, x1, y1, planned);
}

static void
draw_bar (cairo_t                  *cr,
          const SbTimelineViewport *viewport,
          const SbChartStyle       *style,
          const SbTimelineRect     *plot,
          const SbTimelineBar      *bar,
          double                    cy)
{
  const SbChartRgba *color = &style->palette[phase_colors[bar->phase]];
  double right = plot->x + plot->width + 4;
  double x0 = plot->x + sb_timeline_x_for_day (viewport, bar->start);
  double xa = plot->x + sb_timeline_x_for_day (viewport, bar->actual_until);
  double x1 = bar->end == SB_TIMELINE_OPEN_END ? right : plot->x + sb_timeline_x_for_day (viewport, bar->end);

  x0 = MAX (x0, plot->x - 4);
  xa = CLAMP (xa, x0, right);
  x1 = CLAMP (x1, x0, right);

  if (xa > x0)
    draw_bar_part (cr, bar->phase, color, x0, xa, cy, FALSE);
  if (x1 > xa)
    draw_bar_part (cr, bar->phase, color, xa, x1, cy, TRUE);
}

static void
draw_check (cairo_t           *cr,
            const SbChartRgba *color,
            double             x,
            double             y,
            double             r)
{
  set_color (cr, color, 1.0);
  cairo_set_line_width (cr, 1.8);
  cairo_move_to (cr, x - r * 0.5, y);
  cairo_line_to (cr, x - r * 0.1, y + r * 0.4);
  cairo_line_to (cr, x + r * 0.55, y - r * 0.45);
  cairo_stroke (cr);
}

/* The shape of a mark at (@x, @y), by its status and kind. */
static void
draw_shape (cairo_t            *cr,
            const SbChartStyle *style,
            SbTimelineMarkKind  kind,
            SbDeadlineStatus    status,
            double              x,
            double              y,
            double              r)
{
  const SbChartRgba *color = status_color (style, status);

  cairo_set_line_width (cr, 2);
  cairo_new_path (cr);

  if (kind == SB_TIMELINE_MARK_EVENT)
    {
      /* A flag on a pole: something that happened */
      set_color (cr, &style->foreground, 0.85);
      cairo_rectangle (cr, x - 1, y - r - 3, 2, 2 * r + 6);
      cairo_fill (cr);
      cairo_move_to (cr, x + 1, y - r - 3);
      cairo_line_to (cr, x + 1 + r * 1.2, y - r * 0.55 - 1.5);
      cairo_line_to (cr, x + 1, y - 0.1 * r);
      cairo_close_path (cr);
      cairo_fill (cr);
      return;
    }

  if (kind == SB_TIMELINE_MARK_PLAN_MILESTONE)
    {
      /* A square frame around the status shape */
      set_color (cr, color, 1.0);
      cairo_set_line_width (cr, 1.2);
      cairo_rectangle (cr, x - r - 2.5, y - r - 2.5, 2 * r + 5, 2 * r + 5);
      cairo_stroke (cr);
      cairo_set_line_width (cr, 2);
    }

  switch (status)
    {
    case SB_DEADLINE_STATUS_MET:
      set_color (cr, color, 1.0);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      cairo_fill (cr);
      draw_check (cr, paper_color (style),
                  x, y, r);
      break;
    case SB_DEADLINE_STATUS_UPCOMING:
      set_color (cr, &style->background, 1.0);
      cairo_arc (cr, x, y, r - 1, 0, 2 * G_PI);
      cairo_fill_preserve (cr);
      set_color (cr, color, 1.0);
      cairo_stroke (cr);
      break;
    case SB_DEADLINE_STATUS_DUE_SOON:
      set_color (cr, color, 1.0);
      cairo_move_to (cr, x, y - r * 1.2);
      cairo_line_to (cr, x + r * 1.15, y + r * 0.85);
      cairo_line_to (cr, x - r * 1.15, y + r * 0.85);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    case SB_DEADLINE_STATUS_OVERDUE:
      set_color (cr, color, 1.0);
      cairo_move_to (cr, x, y - r * 1.3);
      cairo_line_to (cr, x + r * 1.3, y);
      cairo_line_to (cr, x, y + r * 1.3);
      cairo_line_to (cr, x - r * 1.3, y);
      cairo_close_path (cr);
      cairo_fill (cr);
      set_color (cr, paper_color (style), 1.0);
      cairo_rectangle (cr, x - r * 0.6, y - 1, r * 1.2, 2);
      cairo_fill (cr);
      break;
    case SB_DEADLINE_STATUS_LAPSED:
    case SB_DEADLINE_STATUS_UNKNOWN:
    default:
      set_color (cr, color, 0.9);
      cairo_rectangle (cr, x - r * 0.7, y - 1.5, r * 1.4, 3);
      cairo_fill (cr);
      break;
    }
}

static void
draw_mark (cairo_t                  *cr,
           const SbTimelineViewport *viewport,
           const SbChartStyle       *style,
           const SbTimelineRect     *plot,
           const SbTimelineMark     *mark,
           double                    cy)
{
  double x = plot->x + sb_timeline_x_for_day (viewport, mark->day);

  if (mark->kind == SB_TIMELINE_MARK_WINDOW && mark->opens != 0)
    {
      double x0 = plot->x + sb_timeline_x_for_day (viewport, mark->opens);
      double y = cy + MARK_RADIUS + 3;

      /* A bracket under the lane from the opening to the close */
      set_color (cr, status_color (style, mark->status), 0.9);
      cairo_set_line_width (cr, 1.5);
      cairo_move_to (cr, x0 + 0.75, y - 4);
      cairo_line_to (cr, x0 + 0.75, y);
      cairo_line_to (cr, x - 0.75, y);
      cairo_line_to (cr, x - 0.75, y - 4);
      cairo_stroke (cr);
    }

  draw_shape (cr, style, mark->kind, mark->status, x, cy, MARK_RADIUS);
}

/* The first mark of @lane on or after @day. */
static guint
find_first_mark (const SbTimelineLane *lane,
                 double                day)
{
  guint lo = 0, hi = lane->marks->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      const SbTimelineMark *mark = &g_array_index (lane->marks, SbTimelineMark, mid);

      if (mark->day < day)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static void
draw_lane (cairo_t                  *cr,
           const SbTimelineViewport *viewport,
           const SbChartStyle       *style,
           const SbTimelineRect     *plot,
           const SbTimelineLane     *lane,
           double                    cy)
{
  double margin = (MARK_RADIUS * 2) / viewport->pixels_per_day;
  double first = viewport->first_day - margin;
  double last = viewport->first_day + plot->width / viewport->pixels_per_day + margin;
  guint i;

  for (guint j = 0; j < lane->n_bars; j++)
    {
      const SbTimelineBar *bar = &lane->bars[j];

      if (bar->end < first || bar->start > last)
        continue;
      draw_bar (cr, viewport, style, plot, bar, cy);
    }

  /* Windows open before the marks they end; look back for them. */
  for (i = 0; i < lane->marks->len; i++)
    {
      const SbTimelineMark *mark = &g_array_index (lane->marks, SbTimelineMark, i);

      if (mark->kind == SB_TIMELINE_MARK_WINDOW && mark->day > last && mark->opens != 0 && mark->opens <= last)
        draw_mark (cr, viewport, style, plot, mark, cy);
    }

  for (i = find_first_mark (lane, first); i < lane->marks->len; i++)
    {
      const SbTimelineMark *mark = &g_array_index (lane->marks, SbTimelineMark, i);

      if (mark->day > last)
        break;
      draw_mark (cr, viewport, style, plot, mark, cy);
    }
}

static void
draw_focus (cairo_t                  *cr,
            const SbTimelineViewport *viewport,
            const SbChartStyle       *style,
            double                    width,
            double                    height)
{
  SbTimelineRect rect;
  static const double dashes[] = { 2, 2 };

  if (!viewport->show_focus || viewport->focus_row < 0)
    return;
  if (!sb_timeline_get_mark_rect (viewport, width, height, viewport->focus_row,
                                  viewport->focus_mark, &rect))
    return;

  set_color (cr, &style->palette[SB_CHART_COLOR_BLUE], 1.0);
  cairo_set_line_width (cr, 2);
  if (viewport->focus_mark < 0)
    cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_rectangle (cr, rect.x + 1, rect.y + 1, rect.width - 2, rect.height - 2);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
draw_legend (cairo_t            *cr,
             const SbChartStyle *style,
             SbTimelineTexts    *texts,
             double              width,
             double              y)
{
  PangoLayout *layout;
  double x = 8, cy = y + SB_TIMELINE_LEGEND_HEIGHT / 4 + 1;
  static const struct { SbTimelineMarkKind kind; SbDeadlineStatus status; const char *label; } marks[] = {
    { SB_TIMELINE_MARK_EVENT, SB_DEADLINE_STATUS_MET, N_("Step recorded") },
    { SB_TIMELINE_MARK_DEADLINE, SB_DEADLINE_STATUS_MET, N_("Met") },
    { SB_TIMELINE_MARK_DEADLINE, SB_DEADLINE_STATUS_UPCOMING, N_("Upcoming") },
    { SB_TIMELINE_MARK_DEADLINE, SB_DEADLINE_STATUS_DUE_SOON, N_("Due soon") },
    { SB_TIMELINE_MARK_DEADLINE, SB_DEADLINE_STATUS_OVERDUE, N_("Overdue") },
    { SB_TIMELINE_MARK_DEADLINE, SB_DEADLINE_STATUS_LAPSED, N_("No longer applies") },
  };
  PangoRectangle logical;

  set_color (cr, &style->foreground, 0.3);
  cairo_rectangle (cr, 0, y, width, 1);
  cairo_fill (cr);

  cairo_save (cr);
  cairo_rectangle (cr, 0, y, width, SB_TIMELINE_LEGEND_HEIGHT);
  cairo_clip (cr);

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      draw_shape (cr, style, marks[i].kind, marks[i].status, x + MARK_RADIUS, cy, MARK_RADIUS);
      layout = texts_get (texts, TEXT_LEGEND, _(marks[i].label), -1);
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      set_color (cr, &style->foreground, 0.85);
      cairo_move_to (cr, x + 2 * MARK_RADIUS + 5, cy - logical.height / 2.0);
      pango_cairo_show_layout (cr, layout);
      x += 2 * MARK_RADIUS + 5 + logical.width + 12;
    }

  /* The phases on a second row */
  x = 8;
  cy = y + SB_TIMELINE_LEGEND_HEIGHT * 3 / 4 - 1;
  for (guint phase = 0; phase < SB_TIMELINE_N_PHASES; phase++)
    {
      draw_bar_part (cr, phase, &style->palette[phase_colors[phase]], x, x + 26, cy, FALSE);
      layout = texts_get (texts, TEXT_LEGEND, sb_timeline_phase_get_label (phase), -1);
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      set_color (cr, &style->foreground, 0.85);
      cairo_move_to (cr, x + 31, cy - logical.height / 2.0);
      pango_cairo_show_layout (cr, layout);
      x += 31 + logical.width + 12;
    }

  cairo_restore (cr);
}

static void
draw_today (cairo_t                  *cr,
            const SbTimelineViewport *viewport,
            const SbChartStyle       *style,
            const SbTimelineRect     *plot,
            SbTimelineTexts          *texts)
{
  PangoLayout *layout;
  double x = plot->x + sb_timeline_x_for_day (viewport, viewport->today + 0.5);
  PangoRectangle logical;

  if (viewport->today == 0 || x < plot->x || x > plot->x + plot->width)
    return;

  set_color (cr, &style->palette[SB_CHART_COLOR_RED], 0.9);
  cairo_rectangle (cr, floor (x) - 1, plot->y - 6, 2, plot->height + 6);
  cairo_fill (cr);

  layout = texts_get (texts, TEXT_TODAY, _("Today"), -1);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  cairo_rectangle (cr, x - logical.width / 2.0 - 4, plot->y - 6 - logical.height,
                   logical.width + 8, logical.height);
  cairo_fill (cr);
  set_color (cr, paper_color (style), 1.0);
  cairo_move_to (cr, x - logical.width / 2.0, plot->y - 6 - logical.height);
  pango_cairo_show_layout (cr, layout);
}

/* Public API */

/**
 * sb_timeline_texts_new:
 *
 * Returns: (transfer full): a place to keep laid-out texts between
 *   frames, for a viewport's @texts; one per widget, used by one thread
 */
SbTimelineTexts *
sb_timeline_texts_new (void)
{
  SbTimelineTexts *texts = g_new0 (SbTimelineTexts, 1);

  texts->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  return texts;
}

void
sb_timeline_texts_free (SbTimelineTexts *texts)
{
  if (texts == NULL)
    return;

  g_hash_table_unref (texts->layouts);
  for (guint i = 0; i < N_TEXT_KINDS; i++)
    g_clear_pointer (&texts->fonts[i], pango_font_description_free);
  g_clear_object (&texts->context);
  g_free (texts->font);
  g_free (texts);
}

void
sb_timeline_viewport_init (SbTimelineViewport *viewport)
{
  g_return_if_fail (viewport != NULL);

  memset (viewport, 0, sizeof *viewport);
  viewport->pixels_per_day = 1.0;
  viewport->focus_row = -1;
  viewport->focus_mark = -1;
  viewport->hover_row = -1;
}

/**
 * sb_timeline_get_plot:
 *
 * The rectangle where the lanes' bars and marks go: right of the names,
 * under the axis, above the legend.
 */
void
sb_timeline_get_plot (const SbTimelineViewport *viewport,
                      double                    width,
                      double                    height,
                      SbTimelineRect           *plot)
{
  plot->x = MIN (SB_TIMELINE_NAME_WIDTH, width / 3);
  plot->y = top_of_lanes (viewport);
  plot->width = MAX (1, width - plot->x);
  plot->height = MAX (1, height - plot->y - SB_TIMELINE_LEGEND_HEIGHT);
}

double
sb_timeline_get_visible_days (const SbTimelineViewport *viewport,
                              double                    width)
{
  SbTimelineRect plot;

  sb_timeline_get_plot (viewport, width, 100, &plot);
  return plot.width / viewport->pixels_per_day;
}

double
sb_timeline_get_visible_rows (const SbTimelineViewport *viewport,
                              double                    height)
{
  SbTimelineRect plot;

  sb_timeline_get_plot (viewport, 100, height, &plot);
  return plot.height / SB_TIMELINE_LANE_HEIGHT;
}

/* Relative to the plot's left edge. */
double
sb_timeline_x_for_day (const SbTimelineViewport *viewport,
                       double                    day)
{
  return (day - viewport->first_day) * viewport->pixels_per_day;
}

double
sb_timeline_day_for_x (const SbTimelineViewport *viewport,
                       double                    x)
{
  return viewport->first_day + x / viewport->pixels_per_day;
}

/**
 * sb_timeline_render:
 *
 * Draws the title (if any), the axis, the visible lanes with their names,
 * the today line and the legend into @width × @height.
 */
void
sb_timeline_render (cairo_t                  *cr,
                    const SbTimelineViewport *viewport,
                    const SbChartStyle       *style,
                    double                    width,
                    double                    height)
{
  SbTimelineTexts *texts, *own_texts = NULL;
  int name_width;
  SbTimelineRect plot;
  guint first, last;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (viewport != NULL && viewport->pixels_per_day > 0);
  g_return_if_fail (style != NULL);

  texts = viewport->texts;
  if (texts == NULL)
    texts = own_texts = sb_timeline_texts_new ();
  texts_begin (texts, cr, style);
  sb_timeline_get_plot (viewport, width, height, &plot);

  cairo_save (cr);

  if (style->background.alpha > 0)
    {
      set_color (cr, &style->background, 1.0);
      cairo_paint (cr);
    }

  if (viewport->title != NULL)
    {
      set_color (cr, &style->foreground, 1.0);
      cairo_move_to (cr, 8, 4);
      pango_cairo_show_layout (cr, texts_get (texts, TEXT_TITLE, viewport->title, (int) (width - 16)));
    }

  /* The labels under the today badge give way to it */
  {
    double x = plot.x + sb_timeline_x_for_day (viewport, viewport->today + 0.5);
    PangoRectangle logical;

    pango_layout_get_pixel_extents (texts_get (texts, TEXT_TODAY, _("Today"), -1), NULL, &logical);
    if (viewport->today != 0)
      draw_axis (cr, viewport, style, &plot, texts, x - logical.width / 2.0 - 6, x + logical.width / 2.0 + 6);
    else
      draw_axis (cr, viewport, style, &plot, texts, 0, 0);
  }

  name_width = (int) (plot.x - 16);

  cairo_save (cr);
  cairo_rectangle (cr, 0, plot.y, width, plot.height);
  cairo_clip (cr);

  first = (guint) MAX (0, floor (viewport->first_row));
  last = MIN (viewport->n_rows, (guint) ceil (viewport->first_row + plot.height / SB_TIMELINE_LANE_HEIGHT));

  for (guint row = first; row < last; row++)
    {
      const SbTimelineLane *lane = NULL;
      const char *name = NULL;
      double top = plot.y + (row - viewport->first_row) * SB_TIMELINE_LANE_HEIGHT;
      double cy = top + SB_TIMELINE_LANE_HEIGHT / 2;
      PangoRectangle logical;

      if (viewport->get_row == NULL || !viewport->get_row (row, &lane, &name, viewport->user_data))
        continue;

      if ((int) row == viewport->hover_row || (int) row == viewport->focus_row)
        {
          set_color (cr, &style->palette[SB_CHART_COLOR_BLUE], 0.12);
          cairo_rectangle (cr, 0, top, width, SB_TIMELINE_LANE_HEIGHT);
          cairo_fill (cr);
        }
      else if (row % 2 == 1)
        {
          set_color (cr, &style->grid, 0.5);
          cairo_rectangle (cr, 0, top, width, SB_TIMELINE_LANE_HEIGHT);
          cairo_fill (cr);
        }

      if (name != NULL)
        {
          PangoLayout *name_layout = texts_get (texts, TEXT_NAME, name, name_width);

          pango_layout_get_pixel_extents (name_layout, NULL, &logical);
          set_color (cr, &style->foreground, 1.0);
          cairo_move_to (cr, 8, cy - logical.height / 2.0);
          pango_cairo_show_layout (cr, name_layout);
        }

      if (lane != NULL)
        {
          cairo_save (cr);
          cairo_rectangle (cr, plot.x, top, plot.width, SB_TIMELINE_LANE_HEIGHT);
          cairo_clip (cr);
          draw_lane (cr, viewport, style, &plot, lane, cy);
          cairo_restore (cr);
        }
    }

  cairo_restore (cr);

  /* The names' edge */
  set_color (cr, &style->foreground, 0.3);
  cairo_rectangle (cr, plot.x - 1, plot.y - SB_TIMELINE_AXIS_HEIGHT, 1,
                   plot.height + SB_TIMELINE_AXIS_HEIGHT);
  cairo_fill (cr);

  draw_today (cr, viewport, style, &plot, texts);
  draw_focus (cr, viewport, style, width, height);
  draw_legend (cr, style, texts, width, plot.y + plot.height);

  cairo_restore (cr);
  g_clear_pointer (&own_texts, sb_timeline_texts_free);
}

/**
 * sb_timeline_get_mark_rect:
 * @mark: a mark of the lane in @row, or -1 for the whole lane
 *
 * Returns: whether the row is in view; @rect is where it is drawn
 */
gboolean
sb_timeline_get_mark_rect (const SbTimelineViewport *viewport,
                           double                    width,
                           double                    height,
                           guint                     row,
                           int                       mark,
                           SbTimelineRect           *rect)
{
  const SbTimelineLane *lane = NULL;
  const char *name = NULL;
  SbTimelineRect plot;
  double top;

  g_return_val_if_fail (viewport != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  sb_timeline_get_plot (viewport, width, height, &plot);
  top = plot.y + (row - viewport->first_row) * SB_TIMELINE_LANE_HEIGHT;
  if (row >= viewport->n_rows || top + SB_TIMELINE_LANE_HEIGHT <= plot.y || top >= plot.y + plot.height)
    return FALSE;

  if (mark < 0)
    {
      *rect = (SbTimelineRect) { 0, top, width, SB_TIMELINE_LANE_HEIGHT };
      return TRUE;
    }

  if (viewport->get_row == NULL || !viewport->get_row (row, &lane, &name, viewport->user_data)
      || lane == NULL || (guint) mark >= lane->marks->len)
    return FALSE;

  rect->x = plot.x + sb_timeline_x_for_day (viewport, g_array_index (lane->marks, SbTimelineMark, mark).day)
            - MARK_RADIUS - 3;
  rect->y = top + 2;
  rect->width = 2 * MARK_RADIUS + 6;
  rect->height = SB_TIMELINE_LANE_HEIGHT - 4;
  return TRUE;
}

/**
 * sb_timeline_hit_test:
 * @row: (out): the row under (@x, @y)
 * @mark: (out): the mark under it, or -1
 *
 * Returns: whether (@x, @y) is on a lane
 */
gboolean
sb_timeline_hit_test (const SbTimelineViewport *viewport,
                      double                    width,
                      double                    height,
                      double                    x,
                      double                    y,
                      guint                    *row,
                      int                      *mark)
{
  const SbTimelineLane *lane = NULL;
  const char *name = NULL;
  SbTimelineRect plot;
  double row_position, best = MARK_RADIUS + 3;
  guint r;

  g_return_val_if_fail (viewport != NULL, FALSE);

  *mark = -1;
  sb_timeline_get_plot (viewport, width, height, &plot);
  if (y < plot.y || y >= plot.y + plot.height || x < 0 || x >= width)
    return FALSE;

  row_position = viewport->first_row + (y - plot.y) / SB_TIMELINE_LANE_HEIGHT;
  if (row_position < 0 || row_position >= viewport->n_rows)
    return FALSE;
  r = (guint) row_position;
  *row = r;

  if (x < plot.x || viewport->get_row == NULL
      || !viewport->get_row (r, &lane, &name, viewport->user_data) || lane == NULL)
    return TRUE;

  for (guint i = find_first_mark (lane, sb_timeline_day_for_x (viewport, x - plot.x - best) - 1);
       i < lane->marks->len; i++)
    {
      const SbTimelineMark *m = &g_array_index (lane->marks, SbTimelineMark, i);
      double distance = fabs (plot.x + sb_timeline_x_for_day (viewport, m->day) - x);

      if (distance > best && m->day > sb_timeline_day_for_x (viewport, x - plot.x))
        break;
      if (distance <= best)
        {
          best = distance;
          *mark = i;
        }
    }

  return TRUE;
}

/**
 * sb_timeline_describe_range:
 *
 * Returns: (transfer full): the dates at both edges, e.g.
 *   "2024-01-01 – 2027-06-30"
 */
char *
sb_timeline_describe_range (const SbTimelineViewport *viewport,
                            double                    width)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  GDate date;

  g_return_val_if_fail (viewport != NULL, NULL);

  julian_to_date (viewport->first_day, &date);
  first = sb_date_format (&date);
  julian_to_date (viewport->first_day + sb_timeline_get_visible_days (viewport, width), &date);
  last = sb_date_format (&date);

  /* Translators: the dates at the left and the right of the timeline */
  return g_strdup_printf (_("%s – %s"), first, last);
}

/**
 * sb_timeline_rows_per_page:
 *
 * Returns: how many whole lanes fit in @height
 */
guint
sb_timeline_rows_per_page (const SbTimelineViewport *viewport,
                           double                    height)
{
  return (guint) MAX (1, floor (sb_timeline_get_visible_rows (viewport, height)));
}

static cairo_status_t
write_surface (const SbTimelineViewport *viewport,
               const SbChartStyle       *style,
               SbTimelineFormat          format,
               const char               *path,
               double                    width,
               double                    height)
{
  double scale = style->scale >= 1 ? style->scale : 1;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  if (format == SB_TIMELINE_FORMAT_PNG)
    {
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * scale),
                                            (int) ceil (height * scale));
      cairo_surface_set_device_scale (surface, scale, scale);
    }
  else
    {
      surface = cairo_pdf_surface_create (path, width, height);
      if (viewport->title != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, viewport->title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "StdBase " PACKAGE_VERSION);
    }

  cr = cairo_create (surface);
  sb_timeline_render (cr, viewport, style, width, height);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == SB_TIMELINE_FORMAT_PNG)
    status = cairo_surface_write_to_png (surface, path);

  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return status;
}

/**
 * sb_timeline_export:
 * @width: in pixels for PNG (times the style's scale), points for PDF
 *
 * Writes what @viewport shows to @path, through a temporary file beside
 * it: on failure @path is left as it was and no other file remains.
 */
typedef struct
{
  const SbTimelineViewport *viewport;
  const SbChartStyle       *style;
  SbTimelineFormat          format;
  double                    width;
  double                    height;
} ExportJob;

static cairo_status_t
write_export (const char *path,
              gpointer    user_data)
{
  const ExportJob *job = user_data;

  return write_surface (job->viewport, job->style, job->format, path, job->width, job->height);
}

gboolean
sb_timeline_export (const SbTimelineViewport *viewport,
                    const SbChartStyle       *style,
                    SbTimelineFormat          format,
                    const char               *path,
                    double                    width,
                    double                    height,
                    GError                  **error)
{
  ExportJob job = { viewport, style, format, width, height };
  g_autofree char *display = NULL;
  cairo_status_t status;
  int error_number;

  g_return_val_if_fail (viewport != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (width >= 1 && height >= 1, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (sb_file_write_atomically (path, write_export, &job, &error_number, &status))
    return TRUE;

  display = g_filename_display_name (path);
  if (error_number != 0)
    g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (error_number),
                 _("Could not write the timeline to “%s”: %s"), display, g_strerror (error_number));
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 _("Could not write the timeline to “%s”: %s"), display,
                 cairo_status_to_string (status));
  return FALSE;
}
