/* sb-chart.c: charts as plain data, drawn with Cairo
 *
 * Drawing and hit testing share one layout, computed from the data, the
 * style and the size alone: where the title, the legend and the plot go,
 * the value axis' ticks, and the box of every bar segment.  Sizes derive
 * from the style's font size, shrunk a little on small charts, so a chart
 * reads the same at 1200×800 as at 400×260.  Labels are Pango layouts, so
 * Chinese names render with the fonts fontconfig picks for them.
 *
 * Export writes a temporary file beside the target and renames it into
 * place, so a failed export never leaves half a file behind.
 */
#define G_LOG_DOMAIN "sb-chart"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "sb-chart.h"
#include "sb-file.h"

#define DEFAULT_FONT "Sans 11"

struct _SbChartData
{
  SbChartKind   kind;
  guint         n_categories;
  guint         n_series;
  char         *title;
  char         *value_label;
  char        **categories;   /* n_categories, NULL-terminated */
  char        **series;       /* n_series, NULL-terminated */
  SbChartColor *colors;       /* n_series */
  double       *values;       /* n_categories × n_series, by category */
};

G_DEFINE_BOXED_TYPE (SbChartData, sb_chart_data, sb_chart_data_copy, sb_chart_data_free)

/* Everything in the layout is measured in the font size, fs. */
#define PAD             1.0   /* around the chart */
#define TITLE_SIZE      1.3
#define SMALL_SIZE      0.86
#define LABEL_GAP       0.6   /* between category labels and the plot */
#define SWATCH          0.8
#define LEGEND_GAP      1.4   /* between legend items */
#define MAX_LABEL_SHARE 0.36  /* of the width, for the category labels */

typedef enum
{
  FONT_NORMAL,
  FONT_BOLD,
  FONT_SMALL,
  FONT_TITLE,
  N_FONTS
} FontRole;

typedef struct
{
  double x, y, width, height;
} Box;

typedef struct
{
  const SbChartData    *data;
  const SbChartStyle   *style;
  double                width;
  double                height;

  PangoContext         *context;
  PangoLayout          *layout;
  PangoFontDescription *fonts[N_FONTS];
  double                fs;
  double                pad;
  double                small_height;   /* of a line of digits in the small font */

  gboolean              has_title;
  double                title_y;
  double                title_height;

  gboolean              has_legend;
  double                legend_row_height;
  double               *legend_x;       /* per series */
  double               *legend_y;       /* per series */
  double               *legend_width;   /* per series, text only */

  Box                   plot;
  double                label_width;    /* category labels of bars, steps of a funnel */
  double                axis_max;
  double                step;
  gboolean              integral;
  gboolean              all_zero;
  double                band;           /* pitch of the categories */
  double                thickness;      /* of a bar */
  double                funnel_gap;
  double                funnel_max;
} Layout;

/* Helpers: data */

static inline double *
value_at (const SbChartData *data,
          guint              category,
          guint              series)
{
  return &data->values[category * data->n_series + series];
}

static void
format_value (double value,
              char   buffer[G_ASCII_DTOSTR_BUF_SIZE])
{
  if (fabs (value - round (value)) < 1e-9 && fabs (value) < 1e15)
    g_snprintf (buffer, G_ASCII_DTOSTR_BUF_SIZE, "%.0f", value);
  else
    g_snprintf (buffer, G_ASCII_DTOSTR_BUF_SIZE, "%.1f", value);
}

static void
format_percent (double part,
                double whole,
                char   buffer[G_ASCII_DTOSTR_BUF_SIZE])
{
  if (whole <= 0)
    g_strlcpy (buffer, "—", G_ASCII_DTOSTR_BUF_SIZE);
  else
    g_snprintf (buffer, G_ASCII_DTOSTR_BUF_SIZE, "%.0f%%", 100.0 * part / whole);
}

static double
max_total (const SbChartData *data)
{
  double max = 0;

  for (guint i = 0; i < data->n_categories; i++)
    max = MAX (max, sb_chart_data_get_total (data, i));

  return max;
}

/* Helpers: colours */

static SbChartRgba
rgba_from_hex (guint32 hex,
               double  alpha)
{
  SbChartRgba rgba = {
    ((hex >> 16) & 0xff) / 255.0,
    ((hex >> 8) & 0xff) / 255.0,
    (hex & 0xff) / 255.0,
    alpha,
  };

  return rgba;
}

static void
set_source (cairo_t           *cr,
            const SbChartRgba *rgba,
            double             alpha)
{
  cairo_set_source_rgba (cr, rgba->red, rgba->green, rgba->blue, rgba->alpha * alpha);
}

/* Black or white, whichever reads better on @fill. */
static SbChartRgba
contrast_on (const SbChartRgba *fill)
{
  double luminance = 0.2126 * fill->red + 0.7152 * fill->green + 0.0722 * fill->blue;

  return luminance > 0.55 ? rgba_from_hex (0x000000, 0.85) : rgba_from_hex (0xffffff, 1.0);
}

/* Helpers: pixel grid */

/* Rounds a coordinate to the device pixel grid; @line_width > 0 puts a
 * line of that width in the middle of whole pixels. */
static double
snap (cairo_t  *cr,
      double    value,
      gboolean  vertical,
      double    line_width)
{
  double x = vertical ? 0 : value;
  double y = vertical ? value : 0;
  double dx = line_width, dy = line_width;
  double offset = 0;

  if (line_width > 0)
    {
      cairo_user_to_device_distance (cr, &dx, &dy);
      if ((long) round (fabs (vertical ? dy : dx)) % 2 == 1)
        offset = 0.5;
    }

  cairo_user_to_device (cr, &x, &y);
  if (vertical)
    y = round (y - offset) + offset;
  else
    x = round (x - offset) + offset;
  cairo_device_to_user (cr, &x, &y);

  return vertical ? y : x;
}

static void
fill_box (cairo_t   *cr,
          const Box *box)
{
  double x0 = snap (cr, box->x, FALSE, 0);
  double x1 = snap (cr, box->x + box->width, FALSE, 0);
  double y0 = snap (cr, box->y, TRUE, 0);
  double y1 = snap (cr, box->y + box->height, TRUE, 0);

  /* A value too small for a pixel still shows as a sliver */
  if (x1 - x0 < 1 && box->width > 0)
    x1 = x0 + 1;
  if (y1 - y0 < 1 && box->height > 0)
    y0 = y1 - 1;

  cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
  cairo_fill (cr);
}

static void
line (cairo_t *cr,
      double   x0,
      double   y0,
      double   x1,
      double   y1)
{
  const double width = 1;

  if (x0 == x1)
    x0 = x1 = snap (cr, x0, FALSE, width);
  if (y0 == y1)
    y0 = y1 = snap (cr, y0, TRUE, width);

  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
}

/* Helpers: text */

static void
text_set (Layout     *l,
          FontRole    role,
          const char *text,
          double      max_width)
{
  pango_layout_set_font_description (l->layout, l->fonts[role]);
  pango_layout_set_width (l->layout, max_width > 0 ? (int) (max_width * PANGO_SCALE) : -1);
  pango_layout_set_text (l->layout, text, -1);
}

static void
text_size (Layout     *l,
           FontRole    role,
           const char *text,
           double      max_width,
           double     *width,
           double     *height)
{
  PangoRectangle logical;

  text_set (l, role, text, max_width);
  pango_layout_get_extents (l->layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

/* Draws @text so that the point (@xalign, @yalign) of its box, in
 * fractions of its size, lands on (@x, @y). */
static void
text_draw (Layout            *l,
           cairo_t           *cr,
           FontRole           role,
           const char        *text,
           double             max_width,
           double             x,
           double             y,
           double             xalign,
           double             yalign,
           const SbChartRgba *color,
           double             alpha)
{
  PangoRectangle logical;

  text_set (l, role, text, max_width);
  pango_layout_get_extents (l->layout, NULL, &logical);
  set_source (cr, color, alpha);
  cairo_move_to (cr,
                 round (x - xalign * logical.width / PANGO_SCALE - (double) logical.x / PANGO_SCALE),
                 round (y - yalign * logical.height / PANGO_SCALE));
  pango_cairo_show_layout (cr, l->layout);
}

static double
max_text_width (Layout      *l,
                FontRole     role,
                char *const *texts,
                guint        n_texts)
{
  double max = 0;

  for (guint i = 0; i < n_texts; i++)
    {
      double width;

      text_size (l, role, texts[i] ? texts[i] : "", -1, &width, NULL);
      max = MAX (max, width);
    }

  return max;
}

/* Helpers: layout */

/* The title keeps clear of the top corners, where a view may put its
 * buttons. */
static double
title_width (const Layout *l)
{
  return l->width - 2 * MAX (l->pad, 3 * l->fs);
}

/* A step of 1, 2 or 5 times a power of ten that gives about @target
 * ticks up to @max; never below 1 when all values are whole numbers. */
static double
nice_step (double   max,
           guint    target,
           gboolean integral)
{
  double raw, magnitude, fraction, step;

  if (max <= 0)
    max = integral ? 4 : 1;
  target = MAX (target, 1);

  raw = max / target;
  magnitude = pow (10, floor (log10 (raw)));
  fraction = raw / magnitude;
  if (fraction <= 1)
    step = magnitude;
  else if (fraction <= 2)
    step = 2 * magnitude;
  else if (fraction <= 5)
    step = 5 * magnitude;
  else
    step = 10 * magnitude;

  if (integral && step < 1)
    step = 1;

  return step;
}

static void
layout_ticks (Layout *l,
              double  length,
              double  spacing)
{
  double max = max_total (l->data);
  guint target = (guint) CLAMP (length / spacing, 2, 10);

  l->step = nice_step (max, target, l->integral);
  l->axis_max = MAX (l->step, ceil (max / l->step - 1e-9) * l->step);
}

static void
layout_fonts (Layout *l)
{
  g_autoptr(PangoFontDescription) base = NULL;
  double size, factor;
  static const struct { double scale; PangoWeight weight; } roles[N_FONTS] = {
    [FONT_NORMAL] = { 1.0, PANGO_WEIGHT_NORMAL },
    [FONT_BOLD] = { 1.0, PANGO_WEIGHT_BOLD },
    [FONT_SMALL] = { SMALL_SIZE, PANGO_WEIGHT_NORMAL },
    [FONT_TITLE] = { TITLE_SIZE, PANGO_WEIGHT_BOLD },
  };

  base = pango_font_description_from_string (l->style->font ? l->style->font : DEFAULT_FONT);
  size = (double) pango_font_description_get_size (base) / PANGO_SCALE;
  if (size <= 0)
    size = 11;
  if (!pango_font_description_get_size_is_absolute (base))
    size *= 96.0 / 72.0;   /* points to pixels, as GTK does at 96 dpi */

  /* Smaller charts get smaller text, down to three quarters */
  factor = CLAMP (MIN (l->width / 760.0, l->height / 500.0), 0.75, 1.0);
  l->fs = size * factor;
  l->pad = round (PAD * l->fs);

  for (guint i = 0; i < N_FONTS; i++)
    {
      l->fonts[i] = pango_font_description_copy (base);
      pango_font_description_set_absolute_size (l->fonts[i], l->fs * roles[i].scale * PANGO_SCALE);
      pango_font_description_set_weight (l->fonts[i], roles[i].weight);
    }
}

static void
layout_legend (Layout *l,
               double *y)
{
  const SbChartData *data = l->data;
  double content_width = l->width - 2 * l->pad;
  double swatch = SWATCH * l->fs;
  double item_gap = LEGEND_GAP * l->fs;
  double row_width = 0;
  guint row_start = 0;
  double text_height;

  text_size (l, FONT_NORMAL, "0", -1, NULL, &text_height);
  l->legend_row_height = MAX (text_height, swatch) + 0.3 * l->fs;
  l->legend_x = g_new0 (double, data->n_series);
  l->legend_y = g_new0 (double, data->n_series);
  l->legend_width = g_new0 (double, data->n_series);

  /* Rows of items, each row centred */
  for (guint j = 0; j <= data->n_series; j++)
    {
      double item_width = 0;

      if (j < data->n_series)
        {
          text_size (l, FONT_NORMAL, data->series[j] ? data->series[j] : "",
                     content_width - swatch - 0.4 * l->fs, &l->legend_width[j], NULL);
          item_width = swatch + 0.4 * l->fs + l->legend_width[j];
        }

      if (j == data->n_series
          || (j > row_start && row_width + item_gap + item_width > content_width))
        {
          double x = l->pad + (content_width - row_width) / 2;

          for (guint k = row_start; k < j; k++)
            {
              l->legend_x[k] = x;
              l->legend_y[k] = *y;
              x += swatch + 0.4 * l->fs + l->legend_width[k] + item_gap;
            }
          *y += l->legend_row_height;
          row_start = j;
          row_width = 0;
        }

      if (j < data->n_series)
        row_width += (row_width > 0 ? item_gap : 0) + item_width;
    }
}

static void
layout_horizontal_bars (Layout *l,
                        double  top,
                        double  bottom)
{
  const SbChartData *data = l->data;
  double total_width = 0, value_label_height = 0;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  l->label_width = MIN (max_text_width (l, FONT_NORMAL, data->categories, data->n_categories),
                        MAX_LABEL_SHARE * l->width);

  /* Room after the longest bar for its total */
  for (guint i = 0; i < data->n_categories; i++)
    {
      double width;

      format_value (sb_chart_data_get_total (data, i), buffer);
      text_size (l, FONT_BOLD, buffer, -1, &width, NULL);
      total_width = MAX (total_width, width);
    }

  if (data->value_label != NULL && *data->value_label != '\0')
    text_size (l, FONT_SMALL, data->value_label, -1, NULL, &value_label_height);

  l->plot.x = l->pad + l->label_width + LABEL_GAP * l->fs;
  l->plot.width = l->width - l->pad - total_width - 0.5 * l->fs - l->plot.x;
  l->plot.y = top;
  l->plot.height = bottom - top - l->small_height - 0.3 * l->fs
                   - (value_label_height > 0 ? value_label_height + 0.2 * l->fs : 0);
  l->plot.width = MAX (l->plot.width, 1);
  l->plot.height = MAX (l->plot.height, 1);

  layout_ticks (l, l->plot.width, 5.5 * l->fs);

  l->band = l->plot.height / MAX (data->n_categories, 1);
  l->thickness = MIN (0.68 * l->band, 2.4 * l->fs);
}

static void
layout_stacked_bars (Layout *l,
                     double  top,
                     double  bottom)
{
  const SbChartData *data = l->data;
  double value_label_height = 0, category_height = 0, total_height, tick_width = 0;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (data->value_label != NULL && *data->value_label != '\0')
    text_size (l, FONT_SMALL, data->value_label, -1, NULL, &value_label_height);
  for (guint i = 0; i < data->n_categories; i++)
    {
      double height;

      text_size (l, FONT_NORMAL, data->categories[i] ? data->categories[i] : "", -1, NULL, &height);
      category_height = MAX (category_height, height);
    }
  text_size (l, FONT_BOLD, "0", -1, NULL, &total_height);

  /* The axis' title above it, the totals above the bars */
  l->plot.y = top + (value_label_height > 0 ? value_label_height + 0.5 * l->fs : 0)
              + total_height + 0.2 * l->fs;
  l->plot.height = MAX (bottom - category_height - 0.4 * l->fs - l->plot.y, 1);

  layout_ticks (l, l->plot.height, 3.2 * l->fs);
  for (double tick = 0; tick <= l->axis_max + l->step / 2; tick += l->step)
    {
      double width;

      format_value (tick, buffer);
      text_size (l, FONT_SMALL, buffer, -1, &width, NULL);
      tick_width = MAX (tick_width, width);
    }

  l->plot.x = l->pad + tick_width + 0.5 * l->fs;
  l->plot.width = MAX (l->width - l->pad - l->plot.x, 1);

  l->band = l->plot.width / MAX (data->n_categories, 1);
  l->thickness = MIN (0.62 * l->band, 5 * l->fs);
}

static void
layout_funnel (Layout *l,
               double  top,
               double  bottom)
{
  const SbChartData *data = l->data;
  guint n = MAX (data->n_categories, 1);
  double caption_height = 0, min_gap, thickness, used;

  if (data->value_label != NULL && *data->value_label != '\0')
    text_size (l, FONT_SMALL, data->value_label, l->width - 2 * l->pad, NULL, &caption_height);

  l->label_width = MIN (max_text_width (l, FONT_NORMAL, data->categories, data->n_categories),
                        MAX_LABEL_SHARE * l->width);
  l->plot.x = l->pad + l->label_width + LABEL_GAP * l->fs;
  l->plot.width = MAX (l->width - 2 * l->pad - l->plot.x, 1);
  l->plot.y = top;
  l->plot.height = MAX (bottom - top - (caption_height > 0 ? caption_height + 0.6 * l->fs : 0), 1);

  for (guint i = 0; i < data->n_categories; i++)
    l->funnel_max = MAX (l->funnel_max, *value_at (data, i, 0));

  /* The gaps hold the percentages, so they are at least a line high */
  min_gap = l->small_height + 0.4 * l->fs;
  thickness = l->plot.height / (n + 0.6 * (n - 1));
  l->funnel_gap = MAX (0.6 * thickness, min_gap);
  thickness = (l->plot.height - (n - 1) * l->funnel_gap) / n;
  l->thickness = CLAMP (thickness, 1, 4.5 * l->fs);
  l->funnel_gap = MIN (l->funnel_gap, l->thickness);
  l->funnel_gap = MAX (l->funnel_gap, MIN (min_gap, l->plot.height / n / 2));
  l->band = l->thickness + l->funnel_gap;

  /* Centre the funnel and its caption vertically when the bars reached
   * their thickest */
  used = n * l->thickness + (n - 1) * l->funnel_gap;
  if (used < l->plot.height)
    l->plot.y += (l->plot.height - used) / 2;
  l->plot.height = used;
}

static void
layout_init (Layout             *l,
             cairo_t            *cr,
             const SbChartData  *data,
             const SbChartStyle *style,
             double              width,
             double              height)
{
  cairo_font_options_t *options;
  double y, bottom;

  memset (l, 0, sizeof *l);
  l->data = data;
  l->style = style;
  l->width = width;
  l->height = height;

  /* Hinted metrics would make the layout differ between the screen, the
   * files and the hit test. */
  l->context = pango_cairo_create_context (cr);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (l->context, options);
  cairo_font_options_destroy (options);
  l->layout = pango_layout_new (l->context);
  pango_layout_set_ellipsize (l->layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (l->layout, TRUE);

  layout_fonts (l);
  text_size (l, FONT_SMALL, "0123456789", -1, NULL, &l->small_height);

  l->integral = TRUE;
  l->all_zero = TRUE;
  for (guint k = 0; k < data->n_categories * data->n_series; k++)
    {
      if (fabs (data->values[k] - round (data->values[k])) > 1e-9)
        l->integral = FALSE;
      if (data->values[k] > 0)
        l->all_zero = FALSE;
    }

  y = l->pad;
  bottom = height - l->pad;

  l->has_title = data->title != NULL && *data->title != '\0';
  if (l->has_title)
    {
      text_size (l, FONT_TITLE, data->title, title_width (l), NULL, &l->title_height);
      l->title_y = y;
      y += l->title_height + 0.6 * l->fs;
    }

  l->has_legend = data->n_series > 1 && data->kind != SB_CHART_KIND_FUNNEL;
  if (l->has_legend)
    {
      layout_legend (l, &y);
      y += 0.6 * l->fs;
    }

  switch (data->kind)
    {
    case SB_CHART_KIND_HORIZONTAL_BARS:
      layout_horizontal_bars (l, y, bottom);
      break;
    case SB_CHART_KIND_STACKED_BARS:
      layout_stacked_bars (l, y, bottom);
      break;
    case SB_CHART_KIND_FUNNEL:
      layout_funnel (l, y, bottom);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
layout_clear (Layout *l)
{
  for (guint i = 0; i < N_FONTS; i++)
    g_clear_pointer (&l->fonts[i], pango_font_description_free);
  g_clear_object (&l->layout);
  g_clear_object (&l->context);
  g_clear_pointer (&l->legend_x, g_free);
  g_clear_pointer (&l->legend_y, g_free);
  g_clear_pointer (&l->legend_width, g_free);
}

/* Where the bar segment of @category and @series lies; FALSE when it has
 * no area, a value of 0. */
static gboolean
segment_box (const Layout *l,
             guint         category,
             guint         series,
             Box          *box)
{
  const SbChartData *data = l->data;
  double value = *value_at (data, category, series);
  double start = 0;

  if (value <= 0)
    return FALSE;

  for (guint j = 0; j < series; j++)
    start += MAX (*value_at (data, category, j), 0);

  switch (data->kind)
    {
    case SB_CHART_KIND_HORIZONTAL_BARS:
      box->x = l->plot.x + start / l->axis_max * l->plot.width;
      box->width = value / l->axis_max * l->plot.width;
      box->y = l->plot.y + category * l->band + (l->band - l->thickness) / 2;
      box->height = l->thickness;
      return TRUE;

    case SB_CHART_KIND_STACKED_BARS:
      box->height = value / l->axis_max * l->plot.height;
      box->y = l->plot.y + l->plot.height - start / l->axis_max * l->plot.height - box->height;
      box->x = l->plot.x + category * l->band + (l->band - l->thickness) / 2;
      box->width = l->thickness;
      return TRUE;

    case SB_CHART_KIND_FUNNEL:
      if (series != 0 || l->funnel_max <= 0)
        return FALSE;
      box->width = MAX (value / l->funnel_max * l->plot.width, 2);
      box->x = l->plot.x + (l->plot.width - box->width) / 2;
      box->y = l->plot.y + category * l->band;
      box->height = l->thickness;
      return TRUE;

    default:
      g_assert_not_reached ();
    }

  return FALSE;
}

/* Drawing */

static void
draw_title (Layout  *l,
            cairo_t *cr)
{
  if (!l->has_title)
    return;

  text_draw (l, cr, FONT_TITLE, l->data->title, title_width (l),
             l->width / 2, l->title_y, 0.5, 0, &l->style->foreground, 1);
}

static void
draw_legend (Layout  *l,
             cairo_t *cr)
{
  const SbChartData *data = l->data;
  double swatch = SWATCH * l->fs;

  if (!l->has_legend)
    return;

  for (guint j = 0; j < data->n_series; j++)
    {
      double cy = l->legend_y[j] + l->legend_row_height / 2;
      double text_x = l->legend_x[j] + swatch + 0.4 * l->fs;

      set_source (cr, &l->style->palette[data->colors[j]], 1);
      cairo_rectangle (cr, round (l->legend_x[j]), round (cy - swatch / 2), round (swatch), round (swatch));
      cairo_fill (cr);
      text_draw (l, cr, FONT_NORMAL, data->series[j] ? data->series[j] : "",
                 l->legend_width[j] + 1, text_x, cy, 0, 0.5, &l->style->foreground, 1);
    }
}

static void
draw_note (Layout     *l,
           cairo_t    *cr,
           const char *note)
{
  text_draw (l, cr, FONT_NORMAL, note, l->plot.width, l->plot.x + l->plot.width / 2,
             l->plot.y + l->plot.height / 2, 0.5, 0.5, &l->style->foreground, 0.6);
}

/* The segments of every bar, with their values inside where they fit. */
static void
draw_segments (Layout  *l,
               cairo_t *cr)
{
  const SbChartData *data = l->data;
  gboolean horizontal = data->kind == SB_CHART_KIND_HORIZONTAL_BARS;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  for (guint i = 0; i < data->n_categories; i++)
    for (guint j = 0; j < data->n_series; j++)
      {
        const SbChartRgba *fill = &l->style->palette[data->colors[j]];
        SbChartRgba ink;
        double width, height;
        Box box;

        if (!segment_box (l, i, j, &box))
          continue;

        set_source (cr, fill, 1);
        fill_box (cr, &box);

        /* A hairline of background between the parts of a bar */
        if (j > 0 && l->style->background.alpha > 0)
          {
            set_source (cr, &l->style->background, 1);
            if (horizontal)
              line (cr, box.x, box.y, box.x, box.y + box.height);
            else
              line (cr, box.x, box.y + box.height, box.x + box.width, box.y + box.height);
          }

        if (data->n_series < 2)
          continue;

        format_value (*value_at (data, i, j), buffer);
        text_size (l, FONT_SMALL, buffer, -1, &width, &height);
        /* The line's height has room above and below the digits */
        if (width + 0.5 * l->fs > box.width || 0.75 * height > box.height)
          continue;

        ink = contrast_on (fill);
        text_draw (l, cr, FONT_SMALL, buffer, -1, box.x + box.width / 2,
                   box.y + box.height / 2, 0.5, 0.5, &ink, 1);
      }
}

static void
draw_horizontal_bars (Layout  *l,
                      cairo_t *cr)
{
  const SbChartData *data = l->data;
  const SbChartRgba *fg = &l->style->foreground;
  double value_label_y = l->plot.y + l->plot.height + 0.3 * l->fs + l->small_height + 0.2 * l->fs;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* Grid and ticks */
  for (double tick = 0; tick <= l->axis_max + l->step / 2; tick += l->step)
    {
      double x = l->plot.x + tick / l->axis_max * l->plot.width;

      set_source (cr, tick == 0 ? fg : &l->style->grid, tick == 0 ? 0.55 : 1);
      line (cr, x, l->plot.y, x, l->plot.y + l->plot.height);
      format_value (tick, buffer);
      text_draw (l, cr, FONT_SMALL, buffer, -1, x, l->plot.y + l->plot.height + 0.3 * l->fs,
                 0.5, 0, fg, 0.75);
    }

  if (data->value_label != NULL && *data->value_label != '\0')
    text_draw (l, cr, FONT_SMALL, data->value_label, l->plot.width,
               l->plot.x + l->plot.width / 2, value_label_y, 0.5, 0, fg, 0.75);

  draw_segments (l, cr);

  /* Category labels, and each bar's total after it */
  for (guint i = 0; i < data->n_categories; i++)
    {
      double cy = l->plot.y + (i + 0.5) * l->band;
      double total = sb_chart_data_get_total (data, i);

      text_draw (l, cr, FONT_NORMAL, data->categories[i] ? data->categories[i] : "",
                 l->label_width, l->plot.x - LABEL_GAP * l->fs, cy, 1, 0.5, fg, 1);
      format_value (total, buffer);
      text_draw (l, cr, total > 0 ? FONT_BOLD : FONT_NORMAL, buffer, -1,
                 l->plot.x + total / l->axis_max * l->plot.width + 0.4 * l->fs, cy, 0, 0.5, fg,
                 total > 0 ? 1 : 0.6);
    }
}

static void
draw_stacked_bars (Layout  *l,
                   cairo_t *cr)
{
  const SbChartData *data = l->data;
  const SbChartRgba *fg = &l->style->foreground;
  double bottom = l->plot.y + l->plot.height;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  for (double tick = 0; tick <= l->axis_max + l->step / 2; tick += l->step)
    {
      double y = bottom - tick / l->axis_max * l->plot.height;

      set_source (cr, tick == 0 ? fg : &l->style->grid, tick == 0 ? 0.55 : 1);
      line (cr, l->plot.x, y, l->plot.x + l->plot.width, y);
      format_value (tick, buffer);
      text_draw (l, cr, FONT_SMALL, buffer, -1, l->plot.x - 0.5 * l->fs, y, 1, 0.5, fg, 0.75);
    }

  if (data->value_label != NULL && *data->value_label != '\0')
    {
      double top;

      text_size (l, FONT_BOLD, "0", -1, NULL, &top);
      top = l->plot.y - top - 0.2 * l->fs - 0.5 * l->fs;
      text_draw (l, cr, FONT_SMALL, data->value_label, l->width - 2 * l->pad,
                 l->pad, top, 0, 1, fg, 0.75);
    }

  draw_segments (l, cr);

  for (guint i = 0; i < data->n_categories; i++)
    {
      double cx = l->plot.x + (i + 0.5) * l->band;
      double total = sb_chart_data_get_total (data, i);

      text_draw (l, cr, FONT_NORMAL, data->categories[i] ? data->categories[i] : "",
                 l->band - 0.2 * l->fs, cx, bottom + 0.4 * l->fs, 0.5, 0, fg, 1);
      format_value (total, buffer);
      text_draw (l, cr, total > 0 ? FONT_BOLD : FONT_NORMAL, buffer, l->band, cx,
                 bottom - total / l->axis_max * l->plot.height - 0.2 * l->fs, 0.5, 1, fg,
                 total > 0 ? 1 : 0.6);
    }
}

static void
draw_funnel (Layout  *l,
             cairo_t *cr)
{
  const SbChartData *data = l->data;
  const SbChartRgba *fg = &l->style->foreground;
  const SbChartRgba *fill = &l->style->palette[data->n_series > 0 ? data->colors[0] : 0];
  SbChartRgba ink = contrast_on (fill);
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  Box previous = { 0, };
  gboolean has_previous = FALSE;

  for (guint i = 0; i < data->n_categories; i++)
    {
      double value = *value_at (data, i, 0);
      double cy = l->plot.y + i * l->band + l->thickness / 2;
      double width;
      Box box;

      text_draw (l, cr, FONT_NORMAL, data->categories[i] ? data->categories[i] : "",
                 l->label_width, l->plot.x - LABEL_GAP * l->fs, cy, 1, 0.5, fg, 1);

      if (!segment_box (l, i, 0, &box))
        {
          box.x = l->plot.x + l->plot.width / 2;
          box.width = 0;
          box.y = l->plot.y + i * l->band;
          box.height = l->thickness;
        }
      else
        {
          set_source (cr, fill, 1);
          fill_box (cr, &box);
        }

      /* A leader from the label to a step narrower than the widest */
      if (box.x - l->plot.x > l->fs)
        {
          set_source (cr, &l->style->grid, 1);
          line (cr, l->plot.x, cy, box.x - 0.3 * l->fs, cy);
        }

      /* The funnel's neck between two steps, with the share passed on */
      if (i > 0)
        {
          double previous_value = *value_at (data, i - 1, 0);

          if (has_previous && box.width > 0)
            {
              set_source (cr, fill, 0.22);
              cairo_move_to (cr, previous.x, previous.y + previous.height);
              cairo_line_to (cr, previous.x + previous.width, previous.y + previous.height);
              cairo_line_to (cr, box.x + box.width, box.y);
              cairo_line_to (cr, box.x, box.y);
              cairo_close_path (cr);
              cairo_fill (cr);
            }

          format_percent (value, previous_value, buffer);
          text_draw (l, cr, FONT_SMALL, buffer, -1, l->plot.x + l->plot.width / 2,
                     box.y - l->funnel_gap / 2, 0.5, 0.5, fg, 1);
        }

      format_value (value, buffer);
      text_size (l, FONT_BOLD, buffer, -1, &width, NULL);
      if (width + l->fs <= box.width)
        text_draw (l, cr, FONT_BOLD, buffer, -1, box.x + box.width / 2, cy, 0.5, 0.5, &ink, 1);
      else
        text_draw (l, cr, FONT_BOLD, buffer, -1, box.x + box.width + 0.4 * l->fs, cy, 0, 0.5, fg, 1);

      previous = box;
      has_previous = box.width > 0;
    }

  if (data->value_label != NULL && *data->value_label != '\0')
    text_draw (l, cr, FONT_SMALL, data->value_label, l->width - 2 * l->pad, l->width / 2,
               l->plot.y + l->plot.height + 0.6 * l->fs, 0.5, 0, fg, 0.75);
}

/* Data */

/**
 * sb_chart_data_new:
 * @kind: how the chart shows its values
 * @n_categories: bars, or funnel steps
 * @n_series: parts of each bar; 1 for a funnel
 *
 * Returns: (transfer full): a chart of zeros, without labels
 */
SbChartData *
sb_chart_data_new (SbChartKind kind,
                   guint       n_categories,
                   guint       n_series)
{
  SbChartData *data;

  g_return_val_if_fail (kind <= SB_CHART_KIND_FUNNEL, NULL);
  g_return_val_if_fail (n_series > 0, NULL);

  data = g_new0 (SbChartData, 1);
  data->kind = kind;
  data->n_categories = n_categories;
  data->n_series = n_series;
  data->categories = g_new0 (char *, n_categories + 1);
  data->series = g_new0 (char *, n_series + 1);
  data->colors = g_new0 (SbChartColor, n_series);
  data->values = g_new0 (double, (gsize) n_categories * n_series);

  for (guint j = 0; j < n_series; j++)
    data->colors[j] = j % SB_CHART_N_COLORS;

  return data;
}

SbChartData *
sb_chart_data_copy (const SbChartData *data)
{
  SbChartData *copy;

  g_return_val_if_fail (data != NULL, NULL);

  copy = g_new0 (SbChartData, 1);
  copy->kind = data->kind;
  copy->n_categories = data->n_categories;
  copy->n_series = data->n_series;
  copy->title = g_strdup (data->title);
  copy->value_label = g_strdup (data->value_label);
  copy->categories = g_new0 (char *, data->n_categories + 1);
  for (guint i = 0; i < data->n_categories; i++)
    copy->categories[i] = g_strdup (data->categories[i]);
  copy->series = g_new0 (char *, data->n_series + 1);
  for (guint j = 0; j < data->n_series; j++)
    copy->series[j] = g_strdup (data->series[j]);
  copy->colors = g_memdup2 (data->colors, sizeof (SbChartColor) * data->n_series);
  copy->values = g_memdup2 (data->values, sizeof (double) * data->n_categories * data->n_series);

  return copy;
}

void
sb_chart_data_free (SbChartData *data)
{
  if (data == NULL)
    return;

  g_free (data->title);
  g_free (data->value_label);
  for (guint i = 0; i < data->n_categories; i++)
    g_free (data->categories[i]);
  g_free (data->categories);
  for (guint j = 0; j < data->n_series; j++)
    g_free (data->series[j]);
  g_free (data->series);
  g_free (data->colors);
  g_free (data->values);
  g_free (data);
}

/**
 * sb_chart_data_equal:
 *
 * Returns: whether @a and @b would draw the same chart; two %NULLs are equal
 */
gboolean
sb_chart_data_equal (const SbChartData *a,
                     const SbChartData *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  if (a->kind != b->kind || a->n_categories != b->n_categories || a->n_series != b->n_series
      || g_strcmp0 (a->title, b->title) != 0 || g_strcmp0 (a->value_label, b->value_label) != 0)
    return FALSE;

  for (guint i = 0; i < a->n_categories; i++)
    if (g_strcmp0 (a->categories[i], b->categories[i]) != 0)
      return FALSE;
  for (guint j = 0; j < a->n_series; j++)
    if (g_strcmp0 (a->series[j], b->series[j]) != 0 || a->colors[j] != b->colors[j])
      return FALSE;

  return memcmp (a->values, b->values, sizeof (double) * a->n_categories * a->n_series) == 0;
}

SbChartKind
sb_chart_data_get_kind (const SbChartData *data)
{
  g_return_val_if_fail (data != NULL, SB_CHART_KIND_STACKED_BARS);

  return data->kind;
}

guint
sb_chart_data_get_n_categories (const SbChartData *data)
{
  g_return_val_if_fail (data != NULL, 0);

  return data->n_categories;
}

guint
sb_chart_data_get_n_series (const SbChartData *data)
{
  g_return_val_if_fail (data != NULL, 0);

  return data->n_series;
}

void
sb_chart_data_set_title (SbChartData *data,
                         const char  *title)
{
  g_return_if_fail (data != NULL);

  g_free (data->title);
  data->title = g_strdup (title);
}

const char *
sb_chart_data_get_title (const SbChartData *data)
{
  g_return_val_if_fail (data != NULL, NULL);

  return data->title;
}

void
sb_chart_data_set_value_label (SbChartData *data,
                               const char  *label)
{
  g_return_if_fail (data != NULL);

  g_free (data->value_label);
  data->value_label = g_strdup (label);
}

const char *
sb_chart_data_get_value_label (const SbChartData *data)
{
  g_return_val_if_fail (data != NULL, NULL);

  return data->value_label;
}

void
sb_chart_data_set_category (SbChartData *data,
                            guint        category,
                            const char  *label)
{
  g_return_if_fail (data != NULL);
  g_return_if_fail (category < data->n_categories);

  g_free (data->categories[category]);
  data->categories[category] = g_strdup (label);
}

const char *
sb_chart_data_get_category (const SbChartData *data,
                            guint              category)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (category < data->n_categories, NULL);

  return data->categories[category];
}

void
sb_chart_data_set_series (SbChartData  *data,
                          guint         series,
                          const char   *label,
                          SbChartColor  color)
{
  g_return_if_fail (data != NULL);
  g_return_if_fail (series < data->n_series);
  g_return_if_fail (color < SB_CHART_N_COLORS);

  g_free (data->series[series]);
  data->series[series] = g_strdup (label);
  data->colors[series] = color;
}

const char *
sb_chart_data_get_series (const SbChartData *data,
                          guint              series)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (series < data->n_series, NULL);

  return data->series[series];
}

SbChartColor
sb_chart_data_get_series_color (const SbChartData *data,
                                guint              series)
{
  g_return_val_if_fail (data != NULL, SB_CHART_COLOR_BLUE);
  g_return_val_if_fail (series < data->n_series, SB_CHART_COLOR_BLUE);

  return data->colors[series];
}

void
sb_chart_data_set_value (SbChartData *data,
                         guint        category,
                         guint        series,
                         double       value)
{
  g_return_if_fail (data != NULL);
  g_return_if_fail (category < data->n_categories);
  g_return_if_fail (series < data->n_series);
  g_return_if_fail (value >= 0 && isfinite (value));

  *value_at (data, category, series) = value;
}

double
sb_chart_data_get_value (const SbChartData *data,
                         guint              category,
                         guint              series)
{
  g_return_val_if_fail (data != NULL, 0);
  g_return_val_if_fail (category < data->n_categories, 0);
  g_return_val_if_fail (series < data->n_series, 0);

  return *value_at (data, category, series);
}

/**
 * sb_chart_data_get_total:
 *
 * Returns: the sum of @category's values: the length of its stacked bar
 */
double
sb_chart_data_get_total (const SbChartData *data,
                         guint              category)
{
  double total = 0;

  g_return_val_if_fail (data != NULL, 0);
  g_return_val_if_fail (category < data->n_categories, 0);

  if (data->kind == SB_CHART_KIND_FUNNEL)
    return *value_at (data, category, 0);

  for (guint j = 0; j < data->n_series; j++)
    total += *value_at (data, category, j);

  return total;
}

/* Style */

/**
 * sb_chart_style_init_default:
 * @dark: whether the chart goes on a dark background
 *
 * The GNOME palette on the view background, for export and for tests;
 * the chart widget overrides it with the colours of its style.
 */
void
sb_chart_style_init_default (SbChartStyle *style,
                             gboolean      dark)
{
  static const guint32 light[SB_CHART_N_COLORS] = {
    [SB_CHART_COLOR_BLUE] = 0x3584e4,
    [SB_CHART_COLOR_GREEN] = 0x2ec27e,
    [SB_CHART_COLOR_YELLOW] = 0xf5c211,
    [SB_CHART_COLOR_ORANGE] = 0xe66100,
    [SB_CHART_COLOR_RED] = 0xc01c28,
    [SB_CHART_COLOR_PURPLE] = 0x9141ac,
    [SB_CHART_COLOR_BROWN] = 0x986a44,
    [SB_CHART_COLOR_GREY] = 0x9a9996,
  };
  static const guint32 dark_palette[SB_CHART_N_COLORS] = {
    [SB_CHART_COLOR_BLUE] = 0x3584e4,
    [SB_CHART_COLOR_GREEN] = 0x26a269,
    [SB_CHART_COLOR_YELLOW] = 0xe5a50a,
    [SB_CHART_COLOR_ORANGE] = 0xe66100,
    [SB_CHART_COLOR_RED] = 0xe01b24,
    [SB_CHART_COLOR_PURPLE] = 0x9141ac,
    [SB_CHART_COLOR_BROWN] = 0x986a44,
    [SB_CHART_COLOR_GREY] = 0x77767b,
  };

  g_return_if_fail (style != NULL);

  memset (style, 0, sizeof *style);
  style->foreground = dark ? rgba_from_hex (0xffffff, 1.0) : rgba_from_hex (0x000000, 0.8);
  style->background = dark ? rgba_from_hex (0x1e1e1e, 1.0) : rgba_from_hex (0xffffff, 1.0);
  style->grid = dark ? rgba_from_hex (0xffffff, 0.12) : rgba_from_hex (0x000000, 0.1);
  for (guint i = 0; i < SB_CHART_N_COLORS; i++)
    style->palette[i] = rgba_from_hex (dark ? dark_palette[i] : light[i], 1.0);
  style->font = g_strdup (DEFAULT_FONT);
  style->scale = 1;
}

void
sb_chart_style_copy (const SbChartStyle *style,
                     SbChartStyle       *copy)
{
  g_return_if_fail (style != NULL);
  g_return_if_fail (copy != NULL);

  *copy = *style;
  copy->font = g_strdup (style->font);
}

void
sb_chart_style_set_font (SbChartStyle *style,
                         const char   *font)
{
  g_return_if_fail (style != NULL);

  g_free (style->font);
  style->font = g_strdup (font);
}

void
sb_chart_style_clear (SbChartStyle *style)
{
  g_return_if_fail (style != NULL);

  g_clear_pointer (&style->font, g_free);
}

/* Drawing, hit testing */

/**
 * sb_chart_render:
 * @cr: where to draw; its transformation maps @width × @height units
 *   onto the target (the screen's scale, a PDF page in points)
 *
 * Draws the whole chart into the rectangle (0, 0, @width, @height):
 * title, legend, axes, bars or funnel steps and their numbers.
 */
void
sb_chart_render (cairo_t            *cr,
                 const SbChartData  *data,
                 const SbChartStyle *style,
                 double              width,
                 double              height)
{
  Layout l;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (style != NULL);

  if (width < 1 || height < 1)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);

  if (style->background.alpha > 0)
    {
      set_source (cr, &style->background, 1);
      cairo_paint (cr);
    }

  layout_init (&l, cr, data, style, width, height);

  draw_title (&l, cr);

  if (data->n_categories == 0)
    {
      l.plot.x = l.pad;
      l.plot.width = width - 2 * l.pad;
      draw_note (&l, cr, _("No figures to show"));
    }
  else
    {
      draw_legend (&l, cr);

      switch (data->kind)
        {
        case SB_CHART_KIND_HORIZONTAL_BARS:
          draw_horizontal_bars (&l, cr);
          break;
        case SB_CHART_KIND_STACKED_BARS:
          draw_stacked_bars (&l, cr);
          break;
        case SB_CHART_KIND_FUNNEL:
          draw_funnel (&l, cr);
          break;
        default:
          g_assert_not_reached ();
        }

      if (l.all_zero)
        draw_note (&l, cr, _("All figures are zero"));
    }

  layout_clear (&l);
  cairo_restore (cr);
}

/**
 * sb_chart_hit_test:
 * @x: (in): a point in the chart, in the units of sb_chart_render()
 * @category: (out) (optional): the bar or step under the point
 * @series: (out) (optional): its part under the point
 *
 * Returns: whether the point lies on a bar segment or funnel step of the
 *   chart drawn at @width × @height
 */
gboolean
sb_chart_hit_test (const SbChartData  *data,
                   const SbChartStyle *style,
                   double              width,
                   double              height,
                   double              x,
                   double              y,
                   guint              *category,
                   guint              *series)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean found = FALSE;
  Layout l;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);

  if (width < 1 || height < 1 || x < 0 || y < 0 || x >= width || y >= height)
    return FALSE;

  /* Text is measured, not drawn: a pixel is target enough */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  layout_init (&l, cr, data, style, width, height);

  for (guint i = 0; i < data->n_categories && !found; i++)
    for (guint j = 0; j < data->n_series && !found; j++)
      {
        Box box;

        if (segment_box (&l, i, j, &box)
            && x >= box.x && x < box.x + MAX (box.width, 1)
            && y >= box.y && y < box.y + MAX (box.height, 1))
          {
            found = TRUE;
            if (category != NULL)
              *category = i;
            if (series != NULL)
              *series = j;
          }
      }

  layout_clear (&l);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return found;
}

/* Text alternatives */

/**
 * sb_chart_describe:
 *
 * Returns: (transfer full): the chart in sentences, every number in it,
 *   for screen readers and for those who prefer a table to a picture
 */
char *
sb_chart_describe (const SbChartData *data)
{
  GString *text;
  char value[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (data != NULL, NULL);

  text = g_string_new (NULL);
  if (data->title != NULL && *data->title != '\0')
    {
      /* Translators: the chart's title as the first sentence of its description */
      g_string_append_printf (text, _("%s."), data->title);
    }

  if (data->n_categories == 0)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, _("No figures to show."));
    }

  for (guint i = 0; i < data->n_categories; i++)
    {
      const char *category = data->categories[i] ? data->categories[i] : "";

      if (text->len > 0)
        g_string_append_c (text, '\n');

      if (data->kind == SB_CHART_KIND_FUNNEL)
        {
          double previous = i > 0 ? *value_at (data, i - 1, 0) : 0;

          format_value (*value_at (data, i, 0), value);
          if (i == 0 || previous <= 0)
            {
              /* Translators: a funnel step and its count */
              g_string_append_printf (text, _("%s: %s."), category, value);
            }
          else
            {
              char percent[G_ASCII_DTOSTR_BUF_SIZE];

              format_percent (*value_at (data, i, 0), previous, percent);
              /* Translators: a funnel step, its count, and that count as a
               * percentage of the step before */
              g_string_append_printf (text, _("%s: %s, %s of the previous step."),
                                      category, value, percent);
            }
        }
      else if (data->n_series == 1)
        {
          format_value (*value_at (data, i, 0), value);
          g_string_append_printf (text, _("%s: %s."), category, value);
        }
      else
        {
          g_autoptr(GString) parts = g_string_new (NULL);

          for (guint j = 0; j < data->n_series; j++)
            {
              if (j > 0)
                {
                  /* Translators: between the parts of a bar in a chart's description */
                  g_string_append (parts, _(", "));
                }
              format_value (*value_at (data, i, j), value);
              /* Translators: a part of a bar and its value, "Preparing 3" */
              g_string_append_printf (parts, _("%s %s"), data->series[j] ? data->series[j] : "", value);
            }

          format_value (sb_chart_data_get_total (data, i), value);
          /* Translators: a bar, its total, and its parts, "Rail transit: 5 in
           * total (Applying 1, Preparing 2, …)." */
          g_string_append_printf (text, _("%s: %s in total (%s)."), category, value, parts->str);
        }
    }

  return g_string_free (text, FALSE);
}

/**
 * sb_chart_describe_value:
 *
 * Returns: (transfer full): one bar segment or funnel step in words, for
 *   a tooltip
 */
char *
sb_chart_describe_value (const SbChartData *data,
                         guint              category,
                         guint              series)
{
  const char *category_label;
  const char *series_label;
  char value[G_ASCII_DTOSTR_BUF_SIZE];
  char total[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (category < data->n_categories, NULL);
  g_return_val_if_fail (series < data->n_series, NULL);

  category_label = data->categories[category] ? data->categories[category] : "";
  series_label = data->series[series] ? data->series[series] : "";
  format_value (*value_at (data, category, series), value);

  if (data->kind == SB_CHART_KIND_FUNNEL)
    {
      char percent[G_ASCII_DTOSTR_BUF_SIZE];

      if (category == 0 || *value_at (data, category - 1, 0) <= 0)
        return g_strdup_printf (_("%s: %s"), category_label, value);

      format_percent (*value_at (data, category, 0), *value_at (data, category - 1, 0), percent);
      /* Translators: a tooltip on a funnel step, "Approved: 12 (80% of the previous step)" */
      return g_strdup_printf (_("%s: %s (%s of the previous step)"), category_label, value, percent);
    }

  if (data->n_series == 1)
    return g_strdup_printf (_("%s: %s"), category_label, value);

  format_value (sb_chart_data_get_total (data, category), total);
  /* Translators: a tooltip on a bar segment: the bar, the segment, its value
   * and the bar's total, "Rail transit\nPreparing: 2 of 5" */
  return g_strdup_printf (_("%s\n%s: %s of %s"), category_label, series_label, value, total);
}

/* Export */

const char *
sb_chart_format_get_extension (SbChartFormat format)
{
  switch (format)
    {
    case SB_CHART_FORMAT_PNG:
      return "png";
    case SB_CHART_FORMAT_SVG:
      return "svg";
    case SB_CHART_FORMAT_PDF:
      return "pdf";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
sb_chart_format_get_mime_type (SbChartFormat format)
{
  switch (format)
    {
    case SB_CHART_FORMAT_PNG:
      return "image/png";
    case SB_CHART_FORMAT_SVG:
      return "image/svg+xml";
    case SB_CHART_FORMAT_PDF:
      return "application/pdf";
    default:
      g_return_val_if_reached (NULL);
    }
}

static cairo_status_t
write_surface (const SbChartData  *data,
               const SbChartStyle *style,
               SbChartFormat       format,
               const char         *path,
               double              width,
               double              height)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  switch (format)
    {
    case SB_CHART_FORMAT_PNG:
      {
        double scale = style->scale >= 1 ? style->scale : 1;

        surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * scale),
                                              (int) ceil (height * scale));
        cairo_surface_set_device_scale (surface, scale, scale);
      }
      break;
    case SB_CHART_FORMAT_SVG:
      surface = cairo_svg_surface_create (path, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      break;
    case SB_CHART_FORMAT_PDF:
      surface = cairo_pdf_surface_create (path, width, height);
      if (data->title != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, data->title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "StdBase " PACKAGE_VERSION);
      break;
    default:
      g_return_val_if_reached (CAIRO_STATUS_INVALID_FORMAT);
    }

  cr = cairo_create (surface);
  sb_chart_render (cr, data, style, width, height);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == SB_CHART_FORMAT_PNG)
    status = cairo_surface_write_to_png (surface, path);

  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return status;
}

/**
 * sb_chart_export:
 * @width: in pixels for PNG (times the style's scale), points for PDF
 *   and SVG
 *
 * Writes the chart to @path, through a temporary file beside it: on
 * failure @path is left as it was and no other file remains.
 */
typedef struct
{
  const SbChartData  *data;
  const SbChartStyle *style;
  SbChartFormat       format;
  double              width;
  double              height;
} ExportJob;

static cairo_status_t
write_export (const char *path,
              gpointer    user_data)
{
  const ExportJob *job = user_data;

  return write_surface (job->data, job->style, job->format, path, job->width, job->height);
}

gboolean
sb_chart_export (const SbChartData  *data,
                 const SbChartStyle *style,
                 SbChartFormat       format,
                 const char         *path,
                 double              width,
                 double              height,
                 GError            **error)
{
  ExportJob job = { data, style, format, width, height };
  g_autofree char *display = NULL;
  cairo_status_t status;
  int error_number;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format <= SB_CHART_FORMAT_PDF, FALSE);
  g_return_val_if_fail (width >= 1 && height >= 1, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (sb_file_write_atomically (path, write_export, &job, &error_number, &status))
    return TRUE;

  display = g_filename_display_name (path);
  if (error_number != 0)
    g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (error_number),
                 _("Could not write the chart to “%s”: %s"), display, g_strerror (error_number));
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 _("Could not write the chart to “%s”: %s"), display,
                 cairo_status_to_string (status));
  return FALSE;
}
