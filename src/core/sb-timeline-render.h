/* sb-timeline-render.h: the timeline drawn with Cairo
 *
 * One drawing function, free of widgets, serves the screen, export to PNG
 * and PDF, and printing: it takes a cairo_t, a size, the viewport (which
 * days and which lanes) and the colours of a style.  Only the lanes that
 * show are asked for, so the cost does not grow with the number of bases.
 *
 * Marks are told apart by shape as well as by colour: a step recorded is
 * a flag, a deadline met a filled circle with a tick, an upcoming one a
 * ring, one due soon a triangle, an overdue one a diamond with a bar
 * across, one that no longer applies a small dash.  Phases have their own
 * fill: an outline for preparing, solid for construction, hatching for
 * the extension, cross-hatching for rectification, a thin band once
 * established; what is still planned is drawn lighter and dashed.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "sb-chart.h"
#include "sb-timeline-marks.h"

G_BEGIN_DECLS

#define SB_TIMELINE_LANE_HEIGHT    28.0
#define SB_TIMELINE_NAME_WIDTH    220.0
#define SB_TIMELINE_AXIS_HEIGHT    44.0
#define SB_TIMELINE_TITLE_HEIGHT   30.0
#define SB_TIMELINE_LEGEND_HEIGHT  46.0

/* The zoom, in pixels per day: from a few decades to a few weeks across. */
#define SB_TIMELINE_MIN_PIXELS_PER_DAY  0.05
#define SB_TIMELINE_MAX_PIXELS_PER_DAY 60.0

typedef struct _SbTimelineTexts SbTimelineTexts;

/* Sets @lane and @name to row @index's; FALSE if there is no such row. */
typedef gboolean (*SbTimelineRowFunc) (guint                  index,
                                       const SbTimelineLane **lane,
                                       const char           **name,
                                       gpointer               user_data);

typedef struct
{
  double             first_day;       /* Julian day at the plot's left edge, fractional */
  double             pixels_per_day;
  double             first_row;       /* the row at the top of the lanes, fractional */
  guint              n_rows;
  gint32             today;
  int                focus_row;       /* -1: none */
  int                focus_mark;      /* -1: the lane, not a mark */
  int                hover_row;       /* -1: none */
  gboolean           show_focus;
  const char        *title;           /* drawn above the axis when set */
  SbTimelineRowFunc  get_row;
  gpointer           user_data;
  SbTimelineTexts   *texts;           /* kept between frames, or NULL */
} SbTimelineViewport;

typedef struct
{
  double x, y, width, height;
} SbTimelineRect;

typedef enum
{
  SB_TIMELINE_FORMAT_PNG,
  SB_TIMELINE_FORMAT_PDF,
} SbTimelineFormat;

SbTimelineTexts *sb_timeline_texts_new  (void);
void      sb_timeline_texts_free      (SbTimelineTexts          *texts);

void      sb_timeline_viewport_init   (SbTimelineViewport       *viewport);

void      sb_timeline_get_plot        (const SbTimelineViewport *viewport,
                                       double                    width,
                                       double                    height,
                                       SbTimelineRect           *plot);
double    sb_timeline_get_visible_days (const SbTimelineViewport *viewport,
                                        double                    width);
double    sb_timeline_get_visible_rows (const SbTimelineViewport *viewport,
                                        double                    height);
double    sb_timeline_x_for_day       (const SbTimelineViewport *viewport,
                                       double                    day);
double    sb_timeline_day_for_x       (const SbTimelineViewport *viewport,
                                       double                    x);

void      sb_timeline_render          (cairo_t                  *cr,
                                       const SbTimelineViewport *viewport,
                                       const SbChartStyle       *style,
                                       double                    width,
                                       double                    height);
gboolean  sb_timeline_hit_test        (const SbTimelineViewport *viewport,
                                       double                    width,
                                       double                    height,
                                       double                    x,
                                       double                    y,
                                       guint                    *row,
                                       int                      *mark);
gboolean  sb_timeline_get_mark_rect   (const SbTimelineViewport *viewport,
                                       double                    width,
                                       double                    height,
                                       guint                     row,
                                       int                       mark,
                                       SbTimelineRect           *rect);
char     *sb_timeline_describe_range  (const SbTimelineViewport *viewport,
                                       double                    width);

guint     sb_timeline_rows_per_page   (const SbTimelineViewport *viewport,
                                       double                    height);
gboolean  sb_timeline_export          (const SbTimelineViewport *viewport,
                                       const SbChartStyle       *style,
                                       SbTimelineFormat          format,
                                       const char               *path,
                                       double                    width,
                                       double                    height,
                                       GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbTimelineTexts, sb_timeline_texts_free)

G_END_DECLS
