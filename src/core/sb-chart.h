/* sb-chart.h: charts as plain data, drawn with Cairo
 *
 * A chart is categories (bars, or funnel steps) times series (the stacked
 * parts of a bar), one number each.  One drawing function, free of widgets,
 * serves the screen, export to PNG, SVG and PDF, and printing.
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  SB_CHART_KIND_STACKED_BARS,     /* vertical bars, categories along the bottom */
  SB_CHART_KIND_HORIZONTAL_BARS,  /* stacked too, categories down the left: for long labels */
  SB_CHART_KIND_FUNNEL,           /* steps from top to bottom, series 0 only */
} SbChartKind;

typedef enum
{
  SB_CHART_FORMAT_PNG,
  SB_CHART_FORMAT_SVG,
  SB_CHART_FORMAT_PDF,
} SbChartFormat;

/* The hues of the palette.  A chart names the hue of each series, so that
 * the same phase has the same colour everywhere; the style says what each
 * hue looks like in light and dark mode. */
typedef enum
{
  SB_CHART_COLOR_BLUE,
  SB_CHART_COLOR_GREEN,
  SB_CHART_COLOR_YELLOW,
  SB_CHART_COLOR_ORANGE,
  SB_CHART_COLOR_RED,
  SB_CHART_COLOR_PURPLE,
  SB_CHART_COLOR_BROWN,
  SB_CHART_COLOR_GREY,
  SB_CHART_N_COLORS
} SbChartColor;

typedef struct
{
  double red, green, blue, alpha;
} SbChartRgba;

typedef struct
{
  SbChartRgba  foreground;   /* text and axes */
  SbChartRgba  background;   /* alpha 0: the background is left unpainted */
  SbChartRgba  grid;
  SbChartRgba  palette[SB_CHART_N_COLORS];
  char        *font;         /* Pango font description, "Cantarell 11" */
  double       scale;        /* pixels per unit in PNG export: 1, or 2 for print */
} SbChartStyle;

/* Copied, not shared: the boxed copy is deep, and a chart handed to a
 * widget or a worker thread is that one's own. */
typedef struct _SbChartData SbChartData;

#define SB_TYPE_CHART_DATA (sb_chart_data_get_type ())

GType        sb_chart_data_get_type         (void) G_GNUC_CONST;
SbChartData *sb_chart_data_new              (SbChartKind         kind,
                                             guint               n_categories,
                                             guint               n_series);
SbChartData *sb_chart_data_copy             (const SbChartData  *data);
void         sb_chart_data_free             (SbChartData        *data);
gboolean     sb_chart_data_equal            (const SbChartData  *a,
                                             const SbChartData  *b);

SbChartKind  sb_chart_data_get_kind         (const SbChartData  *data);
guint        sb_chart_data_get_n_categories (const SbChartData  *data);
guint        sb_chart_data_get_n_series     (const SbChartData  *data);

void         sb_chart_data_set_title        (SbChartData        *data,
                                             const char         *title);
const char  *sb_chart_data_get_title        (const SbChartData  *data);
/* The value axis' title for bars; the caption under a funnel. */
void         sb_chart_data_set_value_label  (SbChartData        *data,
                                             const char         *label);
const char  *sb_chart_data_get_value_label  (const SbChartData  *data);

void         sb_chart_data_set_category     (SbChartData        *data,
                                             guint               category,
                                             const char         *label);
const char  *sb_chart_data_get_category     (const SbChartData  *data,
                                             guint               category);
void         sb_chart_data_set_series       (SbChartData        *data,
                                             guint               series,
                                             const char         *label,
                                             SbChartColor        color);
const char  *sb_chart_data_get_series       (const SbChartData  *data,
                                             guint               series);
SbChartColor sb_chart_data_get_series_color (const SbChartData  *data,
                                             guint               series);

/* Values are counts or amounts, never negative. */
void         sb_chart_data_set_value        (SbChartData        *data,
                                             guint               category,
                                             guint               series,
                                             double              value);
double       sb_chart_data_get_value        (const SbChartData  *data,
                                             guint               category,
                                             guint               series);
double       sb_chart_data_get_total        (const SbChartData  *data,
                                             guint               category);

void         sb_chart_style_init_default    (SbChartStyle       *style,
                                             gboolean            dark);
void         sb_chart_style_copy            (const SbChartStyle *style,
                                             SbChartStyle       *copy);
void         sb_chart_style_set_font        (SbChartStyle       *style,
                                             const char         *font);
void         sb_chart_style_clear           (SbChartStyle       *style);

void         sb_chart_render                (cairo_t            *cr,
                                             const SbChartData  *data,
                                             const SbChartStyle *style,
                                             double              width,
                                             double              height);
gboolean     sb_chart_hit_test              (const SbChartData  *data,
                                             const SbChartStyle *style,
                                             double              width,
                                             double              height,
                                             double              x,
                                             double              y,
                                             guint              *category,
                                             guint              *series);

char        *sb_chart_describe              (const SbChartData  *data);
char        *sb_chart_describe_value        (const SbChartData  *data,
                                             guint               category,
                                             guint               series);

const char  *sb_chart_format_get_extension  (SbChartFormat       format);
const char  *sb_chart_format_get_mime_type  (SbChartFormat       format);
gboolean     sb_chart_export                (const SbChartData  *data,
                                             const SbChartStyle *style,
                                             SbChartFormat       format,
                                             const char         *path,
                                             double              width,
                                             double              height,
                                             GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbChartData, sb_chart_data_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SbChartStyle, sb_chart_style_clear)

G_END_DECLS
