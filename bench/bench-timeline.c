/* bench-timeline.c: the timeline's speed targets, measured
 *
 *   compute every base's marks and bars, 10,000 bases     under 200 ms
 *   a full redraw of a 1400 × 900 view (visible lanes)    under 8 ms
 *   a frame while zooming or panning                      under 16 ms
 *
 * The drawing is measured twice: sb_timeline_render() into a Cairo image
 * surface (what GTK's Cairo renderer does with the widget's drawing), and,
 * when there is a display, the widget itself, snapshot and rendered by its
 * GSK renderer.
 *
 * Usage: bench-timeline [COUNT]   (default 10000)
 * Prints its figures (medians); exits 1 if a target is missed.
 */
#define G_LOG_DOMAIN "bench-timeline"

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <stdlib.h>

#include "sb-base.h"
#include "sb-date.h"
#include "sb-demo.h"
#include "sb-programme.h"
#include "sb-timeline-marks.h"
#include "sb-timeline-render.h"
#include "sb-timeline-view.h"

#define COMPUTE_TARGET_MS 200.0
#define REDRAW_TARGET_MS    8.0
#define FRAME_TARGET_MS    16.0
#define RUNS 15
#define WIDTH 1400
#define HEIGHT 900

typedef struct
{
  GListModel *bases;
  SbTimeline *timeline;
} Rows;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

static gboolean
get_row (guint                  index,
         const SbTimelineLane **lane,
         const char           **name,
         gpointer               user_data)
{
  Rows *rows = user_data;
  g_autoptr(SbBase) base = g_list_model_get_item (rows->bases, index);

  if (base == NULL)
    return FALSE;

  *lane = sb_timeline_find_lane (rows->timeline, sb_base_get_id (base));
  *name = sb_base_get_short_name_en (base);
  return TRUE;
}

static gboolean
report (const char *what,
        double      ms,
        double      target)
{
  g_print ("%-58s %8.2f ms  (target %5.0f ms)  %s\n", what, ms, target,
           ms < target ? "ok" : "MISSED");
  return ms < target;
}

/* A Cairo image surface the size of the view, drawn into as the widget
 * does: the first frame, then zoom and pan steps. */
static gboolean
bench_render (Rows        *rows,
              const GDate *today)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  g_auto(SbChartStyle) style = { 0 };
  SbTimelineViewport viewport;
  double redraw[RUNS], zoom[RUNS], pan[RUNS];
  gboolean ok = TRUE;
  GDate first;

  sb_chart_style_init_default (&style, FALSE);
  sb_timeline_viewport_init (&viewport);
  viewport.get_row = get_row;
  viewport.user_data = rows;
  viewport.texts = sb_timeline_texts_new ();   /* as the widget keeps them */
  viewport.n_rows = g_list_model_get_n_items (rows->bases);
  viewport.today = g_date_get_julian (today);
  sb_date_add_months_to (today, -30, &first);
  viewport.first_day = g_date_get_julian (&first);
  viewport.pixels_per_day = (WIDTH - SB_TIMELINE_NAME_WIDTH) / (4 * 365.25);
  viewport.first_row = viewport.n_rows / 2;

  for (guint run = 0; run < RUNS; run++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 start = g_get_monotonic_time ();

      sb_timeline_render (cr, &viewport, &style, WIDTH, HEIGHT);
      cairo_surface_flush (surface);
      redraw[run] = (g_get_monotonic_time () - start) / 1e3;
      cairo_destroy (cr);
    }

  for (guint run = 0; run < RUNS; run++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 start = g_get_monotonic_time ();

      /* one Ctrl+scroll step in, or out */
      viewport.pixels_per_day *= run % 2 == 0 ? 1.25 : 1 / 1.25;
      sb_timeline_render (cr, &viewport, &style, WIDTH, HEIGHT);
      cairo_surface_flush (surface);
      zoom[run] = (g_get_monotonic_time () - start) / 1e3;
      cairo_destroy (cr);
    }

  for (guint run = 0; run < RUNS; run++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 start = g_get_monotonic_time ();

      /* a drag step: 40 pixels in time, a lane and a half down */
      viewport.first_day += 40 / viewport.pixels_per_day;
      viewport.first_row += 1.5;
      sb_timeline_render (cr, &viewport, &style, WIDTH, HEIGHT);
      cairo_surface_flush (surface);
      pan[run] = (g_get_monotonic_time () - start) / 1e3;
      cairo_destroy (cr);
    }

  cairo_surface_destroy (surface);
  sb_timeline_texts_free (viewport.texts);

  g_print ("%-58s %8.2f ms  (no target: names and labels laid out for the first time)\n",
           "first frame, Cairo image surface", redraw[0]);
  ok &= report ("full redraw 1400x900, Cairo image surface", median (redraw, RUNS), REDRAW_TARGET_MS);
  ok &= report ("zoom frame, Cairo image surface", median (zoom, RUNS), FRAME_TARGET_MS);
  ok &= report ("pan frame, Cairo image surface", median (pan, RUNS), FRAME_TARGET_MS);
  return ok;
}

/* The widget itself: its snapshot, rendered by the window's GSK renderer,
 * as GTK does for a frame of it. */
static double
frame_ms (GtkWidget *widget)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  gint64 start = g_get_monotonic_time ();

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert (node != NULL);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, WIDTH, HEIGHT));

  return (g_get_monotonic_time () - start) / 1e3;
}

static gboolean
bench_widget (Rows *rows)
{
  GtkWindow *window;
  SbTimelineView *view;
  double redraw[RUNS], zoom[RUNS], pan[RUNS];
  gboolean ok = TRUE;

  if (!gtk_init_check ())
    {
      g_print ("(no display: the widget itself is not measured; run under Xvfb for it)\n");
      return TRUE;
    }

  window = GTK_WINDOW (gtk_window_new ());
  view = SB_TIMELINE_VIEW (sb_timeline_view_new ());
  gtk_window_set_default_size (window, WIDTH, HEIGHT);
  gtk_window_set_child (window, GTK_WIDGET (view));
  sb_timeline_view_set_bases (view, rows->bases);
  sb_timeline_view_set_timeline (view, rows->timeline);
  gtk_window_present (window);
  while (gtk_widget_get_width (GTK_WIDGET (view)) < WIDTH / 2)
    g_main_context_iteration (NULL, TRUE);
  sb_timeline_view_pan (view, 0, g_list_model_get_n_items (rows->bases) / 2.0);
  {
    gint64 until = g_get_monotonic_time () + 500000;

    /* until the window has drawn its first frames */
    while (g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, FALSE);
  }

  for (guint run = 0; run < RUNS; run++)
    redraw[run] = frame_ms (GTK_WIDGET (view));
  for (guint run = 0; run < RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();

      sb_timeline_view_zoom (view, run % 2 == 0 ? 1.25 : 1 / 1.25, WIDTH / 2.0);
      zoom[run] = (g_get_monotonic_time () - start) / 1e3 + frame_ms (GTK_WIDGET (view));
    }
  for (guint run = 0; run < RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();

      sb_timeline_view_pan (view, 40, 1.5);
      pan[run] = (g_get_monotonic_time () - start) / 1e3 + frame_ms (GTK_WIDGET (view));
    }

  ok &= report ("full redraw 1400x900, the widget (snapshot + GSK)", median (redraw, RUNS), REDRAW_TARGET_MS);
  ok &= report ("zoom frame, the widget (snapshot + GSK)", median (zoom, RUNS), FRAME_TARGET_MS);
  ok &= report ("pan frame, the widget (snapshot + GSK)", median (pan, RUNS), FRAME_TARGET_MS);

  gtk_window_destroy (window);
  return ok;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbProgramme) programme = NULL;
  g_autoptr(GPtrArray) bases = NULL;
  g_autoptr(GListStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  guint count = argc > 1 ? (guint) atoi (argv[1]) : 10000;
  double compute[5];
  gboolean ok = TRUE;
  Rows rows = { 0 };
  GDate today;

  if (argc > 2 || count == 0)
    {
      g_printerr ("usage: bench-timeline [COUNT]   (a number of bases, default 10000)\n");
      return 2;
    }

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 27, 11, 2026);

  dir = g_dir_make_tmp ("bench-timeline-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "bench.db", NULL);
  programme = sb_programme_open (path, SB_DATABASE_OPEN_FLAGS_CREATE, &error);
  g_assert_no_error (error);
  if (!sb_demo_fill (sb_programme_get_store (programme), count, SB_DEMO_DEFAULT_SEED, &today, &error))
    g_error ("demo: %s", error->message);
  bases = sb_base_store_list (sb_programme_get_store (programme), NULL, &today, &error);
  g_assert_no_error (error);
  g_print ("%u bases, judged on 2026-11-27\n", bases->len);

  for (guint run = 0; run < G_N_ELEMENTS (compute); run++)
    {
      gint64 start = g_get_monotonic_time ();
      SbTimeline *timeline = sb_timeline_compute (sb_programme_get_store (programme), bases, &today);

      compute[run] = (g_get_monotonic_time () - start) / 1e3;
      g_clear_pointer (&rows.timeline, sb_timeline_unref);
      rows.timeline = timeline;
    }
  ok &= report ("compute all marks and bars", median (compute, G_N_ELEMENTS (compute)), COMPUTE_TARGET_MS);

  store = g_list_store_new (SB_TYPE_BASE);
  g_list_store_splice (store, 0, 0, bases->pdata, bases->len);
  rows.bases = G_LIST_MODEL (store);

  ok &= bench_render (&rows, &today);
  ok &= bench_widget (&rows);

  g_clear_pointer (&rows.timeline, sb_timeline_unref);
  g_clear_object (&programme);
  g_unlink (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);

  return ok ? 0 : 1;
}
