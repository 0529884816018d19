/* test-timeline-view.c: the Timeline section, driven under Xvfb
 *
 * A demonstration programme judged on 2026-11-27: the timeline drawn to an
 * image, zoomed and panned, clicked to open a base, exported to PDF and
 * read back with Poppler; the deadline watch beside it; the preferences.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <poppler.h>

#ifndef POPPLER_HAS_AUTOPTR
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
#endif

#include "sb-base.h"
#include "sb-date.h"
#include "sb-deadline-watch.h"
#include "sb-demo.h"
#include "sb-preferences-window.h"
#include "sb-programme.h"
#include "sb-timeline-marks.h"
#include "sb-timeline-section.h"
#include "sb-window.h"

static GtkApplication *application;

typedef struct
{
  char        *dir;
  char        *path;
  GDate        today;
  SbProgramme *programme;
  GListStore  *bases;
  SbTimeline  *timeline;
  GPtrArray   *watch;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bases = NULL;
  SbBaseStore *store;
  guint count = GPOINTER_TO_UINT (data);

  fixture->dir = g_dir_make_tmp ("test-timeline-view-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "programme.db", NULL);
  g_date_clear (&fixture->today, 1);
  g_date_set_dmy (&fixture->today, 27, 11, 2026);

  fixture->programme = sb_programme_open (fixture->path, SB_DATABASE_OPEN_FLAGS_CREATE, &error);
  g_assert_no_error (error);
  store = sb_programme_get_store (fixture->programme);
  sb_demo_fill (store, count > 0 ? count : 72, 7, &fixture->today, &error);
  g_assert_no_error (error);

  bases = sb_base_store_list (store, NULL, &fixture->today, &error);
  g_assert_no_error (error);
  fixture->bases = g_list_store_new (SB_TYPE_BASE);
  g_list_store_splice (fixture->bases, 0, 0, bases->pdata, bases->len);
  fixture->timeline = sb_timeline_compute (store, bases, &fixture->today);
  fixture->watch = sb_deadline_watch_list (store, bases, &fixture->today, SB_WATCH_MAX_DAYS,
                                           SB_DEADLINE_WATCH_DUE_AND_OVERDUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_pointer (&fixture->watch, g_ptr_array_unref);
  g_clear_pointer (&fixture->timeline, sb_timeline_unref);
  g_clear_object (&fixture->bases);
  g_clear_object (&fixture->programme);

  /* To look at what was drawn: SB_TEST_KEEP=1 keeps the images */
  if (g_getenv ("SB_TEST_KEEP") != NULL)
    {
      g_printerr ("# kept %s\n", fixture->dir);
      g_free (fixture->path);
      g_free (fixture->dir);
      return;
    }

  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
spin (guint milliseconds)
{
  gint64 until = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

/* A window of 1000 × 600 around a section with the fixture's data. */
static GtkWindow *
show_section (Fixture            *fixture,
              SbTimelineSection **section)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  *section = SB_TIMELINE_SECTION (sb_timeline_section_new ());
  gtk_window_set_default_size (window, 1000 + 360, 600);
  gtk_window_set_child (window, GTK_WIDGET (*section));
  sb_timeline_section_set_bases (*section, G_LIST_MODEL (fixture->bases));
  sb_timeline_section_set_data (*section, fixture->timeline, fixture->watch);
  gtk_window_present (window);

  while (gtk_widget_get_width (GTK_WIDGET (sb_timeline_section_get_view (*section))) < 100)
    g_main_context_iteration (NULL, TRUE);
  spin (200);

  return window;
}

static GdkTexture *
render_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/* Whether column @x of @pixels has, somewhere between @y0 and @y1, a
 * pixel much redder than it is green and blue: the today line. */
static gboolean
column_has_red (const guchar *pixels,
                gsize         stride,
                int           x,
                int           y0,
                int           y1)
{
  for (int y = y0; y < y1; y++)
    {
      const guchar *p = pixels + y * stride + x * 4;   /* B G R A, premultiplied */

      if (p[2] > 150 && p[1] < 90 && p[0] < 90)
        return TRUE;
    }

  return FALSE;
}

static gint64
base_id_at (GListModel *model,
            guint       position)
{
  g_autoptr(SbBase) base = g_list_model_get_item (model, position);

  return sb_base_get_id (base);
}

/* Tests */

static void
test_render (Fixture       *fixture,
             gconstpointer  data)
{
  SbTimelineSection *section;
  GtkWindow *window = show_section (fixture, &section);
  SbTimelineView *view = sb_timeline_section_get_view (section);
  const SbTimelineViewport *viewport = sb_timeline_view_get_viewport (view);
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  g_autofree char *png = g_build_filename (fixture->dir, "timeline.png", NULL);
  SbTimelineRect plot;
  int width, height, today_x, coloured = 0;
  gsize stride;

  texture = render_widget (GTK_WIDGET (view));
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  g_assert_cmpint (width, ==, gtk_widget_get_width (GTK_WIDGET (view)));
  stride = width * 4;
  pixels = g_malloc (stride * height);
  gdk_texture_download (texture, pixels, stride);
  g_assert_true (gdk_texture_save_to_png (texture, png));

  /* The programme's today is the fixture's */
  g_assert_cmpint (viewport->today, ==, g_date_get_julian (&fixture->today));
  g_assert_cmpuint (viewport->n_rows, ==, 72);

  /* The today line is drawn where today is */
  sb_timeline_get_plot (viewport, width, height, &plot);
  today_x = (int) (plot.x + sb_timeline_x_for_day (viewport, viewport->today + 0.5));
  g_assert_cmpint (today_x, >, plot.x);
  g_assert_cmpint (today_x, <, plot.x + plot.width);
  g_assert_true (column_has_red (pixels, stride, today_x, plot.y, plot.y + plot.height)
                 || column_has_red (pixels, stride, today_x - 1, plot.y, plot.y + plot.height));
  /* and not at the left edge of the plot */
  g_assert_false (column_has_red (pixels, stride, plot.x + 3, plot.y + 20, plot.y + 60));

  /* Bars and marks fill the lanes with colour */
  for (int y = plot.y; y < plot.y + plot.height; y += 2)
    for (int x = plot.x; x < plot.x + plot.width; x += 2)
      {
        const guchar *p = pixels + y * stride + x * 4;
        int max = MAX (p[0], MAX (p[1], p[2])), min = MIN (p[0], MIN (p[1], p[2]));

        if (max - min > 60)
          coloured++;
      }
  g_assert_cmpint (coloured, >, 2000);

  gtk_window_destroy (window);
}

static void
test_zoom_and_pan (Fixture       *fixture,
                   gconstpointer  data)
{
  SbTimelineSection *section;
  GtkWindow *window = show_section (fixture, &section);
  SbTimelineView *view = sb_timeline_section_get_view (section);
  const SbTimelineViewport *viewport = sb_timeline_view_get_viewport (view);
  int width = gtk_widget_get_width (GTK_WIDGET (view));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  SbTimelineRect plot;
  double ppd, anchor_day, first_day, days;

  sb_timeline_get_plot (viewport, width, gtk_widget_get_height (GTK_WIDGET (view)), &plot);
  before = sb_timeline_describe_range (viewport, width);

  /* The default range: 30 months back, 18 ahead, about four years */
  days = sb_timeline_get_visible_days (viewport, width);
  g_assert_cmpfloat (days, >, 4 * 365 - 10);
  g_assert_cmpfloat (days, <, 4 * 366 + 10);

  /* Zoom in around the middle: the day under it stays there */
  ppd = viewport->pixels_per_day;
  anchor_day = sb_timeline_day_for_x (viewport, plot.width / 2);
  sb_timeline_view_zoom (view, 2.0, plot.x + plot.width / 2);
  g_assert_cmpfloat_with_epsilon (viewport->pixels_per_day, ppd * 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (sb_timeline_day_for_x (viewport, plot.width / 2), anchor_day, 1e-6);
  g_assert_cmpfloat_with_epsilon (sb_timeline_get_visible_days (viewport, width), days / 2, 1e-6);

  /* through the actions, as the buttons do */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (section), "timeline.zoom-out", NULL));
  g_assert_cmpfloat_with_epsilon (viewport->pixels_per_day, ppd * 2 / 1.25, 1e-9);

  /* Pan 100 pixels towards the future, and two lanes down */
  first_day = viewport->first_day;
  sb_timeline_view_pan (view, 100, 2);
  g_assert_cmpfloat_with_epsilon (viewport->first_day, first_day + 100 / viewport->pixels_per_day, 1e-6);
  g_assert_cmpfloat (gtk_adjustment_get_value (sb_timeline_view_get_vadjustment (view)), ==, 2);
  after = sb_timeline_describe_range (viewport, width);
  g_assert_cmpstr (before, !=, after);

  /* Zoom is bounded: weeks at the most, decades at the least */
  for (int i = 0; i < 40; i++)
    sb_timeline_view_zoom (view, 2, plot.x);
  g_assert_cmpfloat (viewport->pixels_per_day, ==, SB_TIMELINE_MAX_PIXELS_PER_DAY);
  for (int i = 0; i < 40; i++)
    sb_timeline_view_zoom (view, 0.5, plot.x);
  g_assert_cmpfloat (viewport->pixels_per_day, ==, SB_TIMELINE_MIN_PIXELS_PER_DAY);

  /* Today comes back into view */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (section), "timeline.zoom-fit", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (section), "timeline.today", NULL));
  g_assert_cmpfloat (viewport->first_day, <, viewport->today);
  g_assert_cmpfloat (viewport->first_day + sb_timeline_get_visible_days (viewport, width), >, viewport->today);

  gtk_window_destroy (window);
}

static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  SbTimelineSection *section;
  GtkWindow *window = show_section (fixture, &section);
  SbTimelineView *view = sb_timeline_section_get_view (section);
  const SbTimelineViewport *viewport = sb_timeline_view_get_viewport (view);
  const SbTimelineLane *lane;
  g_autofree char *lane_text = NULL;
  g_autofree char *mark_text = NULL;
  g_autoptr(SbBase) base = NULL;
  g_autofree char *name = NULL;
  guint row;

  g_assert_null (sb_timeline_view_dup_focus_description (view));

  /* Down to the first lane with marks in view, then right to a mark */
  for (row = 0; row < 72; row++)
    {
      lane = sb_timeline_find_lane (fixture->timeline, base_id_at (G_LIST_MODEL (fixture->bases), row));
      if (lane->n_bars > 0 && sb_timeline_lane_get_n_marks (lane) > 3)
        break;
    }
  g_assert_cmpuint (row, <, 72);

  sb_timeline_view_move_focus (view, row + 1, 0);
  g_assert_cmpint (viewport->focus_row, ==, row);
  g_assert_cmpint (viewport->focus_mark, ==, -1);
  base = g_list_model_get_item (G_LIST_MODEL (fixture->bases), row);
  name = sb_base_dup_name (base);
  lane_text = sb_timeline_view_dup_focus_description (view);
  g_assert_true (g_str_has_prefix (lane_text, name));

  sb_timeline_view_move_focus (view, 0, 1);
  g_assert_cmpint (viewport->focus_mark, >=, 0);
  mark_text = sb_timeline_view_dup_focus_description (view);
  g_assert_true (g_str_has_prefix (mark_text, name));
  g_assert_nonnull (strstr (mark_text, "Art. "));
  g_assert_cmpstr (mark_text, !=, lane_text);

  /* The next mark, then back */
  {
    int first = viewport->focus_mark;

    sb_timeline_view_move_focus (view, 0, 1);
    g_assert_cmpint (viewport->focus_mark, ==, first + 1);
    sb_timeline_view_move_focus (view, 0, -1);
    g_assert_cmpint (viewport->focus_mark, ==, first);
  }

  /* Past the last lane, it stays on the last */
  sb_timeline_view_move_focus (view, 1000, 0);
  g_assert_cmpint (viewport->focus_row, ==, 71);

  gtk_window_destroy (window);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_click_opens_base (Fixture       *fixture,
                       gconstpointer  data)
{
  guint watch_updates = 0;
  g_autofree char *keyfile = NULL;
  SbWindow *window;
  SbTimelineSection *section;
  SbTimelineView *view;
  const SbTimelineViewport *viewport;
  GListModel *visible;
  SbTimelineRect plot;
  gint64 expected;
  gint64 until;

  g_clear_object (&fixture->programme);   /* the window opens its own */
  window = sb_window_new (application, fixture->path, &fixture->today);
  g_signal_connect_swapped (window, "watch-updated", G_CALLBACK (count_cb), &watch_updates);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (g_strcmp0 (sb_window_get_page_name (window), "loading") == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, until);
      g_main_context_iteration (NULL, TRUE);
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "timeline"));
  section = sb_window_get_timeline_section (window);
  view = sb_timeline_section_get_view (section);
  while (gtk_widget_get_width (GTK_WIDGET (view)) < 100)
    g_main_context_iteration (NULL, TRUE);
  spin (200);

  /* The lanes are the Bases list's, in its order */
  visible = sb_bases_view_get_visible_bases (sb_window_get_bases_view (window));
  g_assert_true (sb_timeline_view_get_bases (view) == visible);
  viewport = sb_timeline_view_get_viewport (view);
  g_assert_cmpuint (viewport->n_rows, ==, g_list_model_get_n_items (visible));
  g_assert_nonnull (sb_window_get_watch (window));
  /* What the application's notification is told about, once loaded */
  g_assert_cmpuint (watch_updates, ==, 1);
  g_assert_cmpuint (sb_window_get_watch (window)->len, ==, fixture->watch->len);

  /* A click on the fourth lane opens its base */
  expected = base_id_at (visible, 3);
  sb_timeline_get_plot (viewport, gtk_widget_get_width (GTK_WIDGET (view)),
                        gtk_widget_get_height (GTK_WIDGET (view)), &plot);
  g_assert_true (sb_timeline_view_activate_at (view, plot.x + 5, plot.y + 3.5 * SB_TIMELINE_LANE_HEIGHT));
  g_assert_cmpstr (sb_window_get_section (window), ==, "bases");
  g_assert_true (sb_bases_view_get_showing_base (sb_window_get_bases_view (window)));
  g_assert_cmpint (sb_base_page_get_base_id (sb_bases_view_get_base_page (sb_window_get_bases_view (window))),
                   ==, expected);

  /* Below the last lane and in the axis there is nothing to open */
  g_assert_false (sb_timeline_view_activate_at (view, plot.x + 5, plot.y - 10));

  /* The watch opens from the window's action, and its rows open bases too */
  sb_bases_view_show_list (sb_window_get_bases_view (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-watch", NULL));
  g_assert_cmpstr (sb_window_get_section (window), ==, "timeline");
  {
    SbDeadlineWatchPanel *watch = sb_timeline_section_get_watch (section);
    GListModel *rows = sb_deadline_watch_panel_get_rows (watch);

    sb_deadline_watch_panel_set_horizon (watch, SB_WATCH_HORIZON_QUARTER);
    g_assert_cmpuint (g_list_model_get_n_items (rows), >, 1);
    g_assert_false (sb_deadline_watch_panel_activate_row (watch, 0));   /* a heading */
    g_assert_true (sb_deadline_watch_panel_activate_row (watch, 1));
    g_assert_cmpstr (sb_window_get_section (window), ==, "bases");
  }

  gtk_window_destroy (GTK_WINDOW (window));
  spin (100);
}

static void
test_export_pdf (Fixture       *fixture,
                 gconstpointer  data)
{
  SbTimelineSection *section;
  GtkWindow *window = show_section (fixture, &section);
  SbTimelineView *view = sb_timeline_section_get_view (section);
  g_autofree char *pdf = g_build_filename (fixture->dir, "timeline.pdf", NULL);
  g_autofree char *png = g_build_filename (fixture->dir, "export.png", NULL);
  g_autofree char *uri = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autoptr(SbBase) first = NULL;
  cairo_surface_t *surface;
  double width, height;

  g_assert_true (sb_timeline_view_export (view, SB_TIMELINE_FORMAT_PDF, pdf, &error));
  g_assert_no_error (error);

  uri = g_filename_to_uri (pdf, NULL, &error);
  g_assert_no_error (error);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
  g_assert_true (g_str_has_prefix (poppler_document_get_title (document), "Innovation Bases Timeline, "));

  page = poppler_document_get_page (document, 0);
  poppler_page_get_size (page, &width, &height);
  g_assert_cmpfloat (width, ==, gtk_widget_get_width (GTK_WIDGET (view)));
  text = poppler_page_get_text (page);
  /* the same days as on the screen: the title's range, and the years in it */
  {
    g_autofree char *range = sb_timeline_describe_range (sb_timeline_view_get_viewport (view),
                                                         gtk_widget_get_width (GTK_WIDGET (view)));

    g_assert_nonnull (strstr (text, range));
    g_assert_null (strstr (text, "2030"));
  }
  /* the heading with the range and the date judged on, the axis, today,
   * the first lane's name and the legend */
  g_assert_nonnull (strstr (text, "as of 2026-11-27"));
  g_assert_nonnull (strstr (text, "2025"));
  g_assert_nonnull (strstr (text, "2026"));
  g_assert_nonnull (strstr (text, "Today"));
  g_assert_nonnull (strstr (text, "Overdue"));
  g_assert_nonnull (strstr (text, "Under construction"));
  first = g_list_model_get_item (G_LIST_MODEL (fixture->bases), 0);
  g_assert_nonnull (strstr (text, sb_base_get_short_name (first)));

  /* PNG at twice the size */
  g_assert_true (sb_timeline_view_export (view, SB_TIMELINE_FORMAT_PNG, png, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 2 * gtk_widget_get_width (GTK_WIDGET (view)));
  cairo_surface_destroy (surface);

  /* A folder that is not there: an error in words, no file */
  {
    g_autofree char *bad = g_build_filename (fixture->dir, "missing", "timeline.pdf", NULL);

    g_assert_false (sb_timeline_view_export (view, SB_TIMELINE_FORMAT_PDF, bad, &error));
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "Could not write the timeline"));
  }

  gtk_window_destroy (window);
}

/* The axis labels the units that fit: years, quarters, months, weeks */
static void
test_axis_labels (Fixture       *fixture,
                  gconstpointer  data)
{
  static const struct
  {
    const char *first;
    const char *last;
    const char *expected[3];
    const char *unexpected;
  } ranges[] = {
    { "2020-01-01", "2040-01-01", { "2024", "2032", NULL }, "Q2" },
    { "2024-01-01", "2028-01-01", { "2025", "Q2", "Q4" }, "Jun" },
    { "2026-01-01", "2027-01-01", { "2026", "Jun", "Oct" }, "Q2" },
    { "2026-10-15", "2026-12-31", { "Nov 2026", "Dec 2026", "16" }, "Q4" },
  };
  SbTimelineSection *section;
  GtkWindow *window = show_section (fixture, &section);
  SbTimelineView *view = sb_timeline_section_get_view (section);

  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      g_autofree char *name = g_strdup_printf ("axis-%u.pdf", i);
      g_autofree char *pdf = g_build_filename (fixture->dir, name, NULL);
      g_autofree char *uri = g_filename_to_uri (pdf, NULL, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(PopplerDocument) document = NULL;
      g_autoptr(PopplerPage) page = NULL;
      g_autofree char *text = NULL;
      g_autofree char *axis = NULL;
      GDate first, last;

      sb_date_parse (ranges[i].first, &first, NULL);
      sb_date_parse (ranges[i].last, &last, NULL);
      sb_timeline_view_set_range (view, &first, &last);
      g_assert_true (sb_timeline_view_export (view, SB_TIMELINE_FORMAT_PDF, pdf, &error));
      g_assert_no_error (error);

      document = poppler_document_new_from_file (uri, NULL, &error);
      g_assert_no_error (error);
      page = poppler_document_get_page (document, 0);
      text = poppler_page_get_text (page);
      /* the axis is the second line, under the heading */
      axis = g_strdup (strchr (text, '\n') + 1);
      if (strchr (axis, '\n') != NULL)
        *strchr (axis, '\n') = '\0';
      for (guint j = 0; j < G_N_ELEMENTS (ranges[i].expected) && ranges[i].expected[j]; j++)
        if (strstr (text, ranges[i].expected[j]) == NULL)
          g_error ("range %u: no “%s” in “%s”", i, ranges[i].expected[j], text);
      if (strstr (text, ranges[i].unexpected) != NULL)
        g_error ("range %u: “%s” in “%s”", i, ranges[i].unexpected, text);
    }

  gtk_window_destroy (window);
}

static void
test_print_pages (Fixture       *fixture,
                  gconstpointer  data)
{
  SbTimelineSection *section;
  GtkWindow *window = show_section (fixture, &section);
  SbTimelineView *view = sb_timeline_section_get_view (section);
  g_autoptr(GtkPrintOperation) operation = sb_timeline_view_create_print_operation (view);
  g_autofree char *pdf = g_build_filename (fixture->dir, "printed.pdf", NULL);
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  GtkPrintOperationResult result;
  int n_pages;

  /* Printed to a file: every one of the 72 lanes, a page at a time */
  gtk_print_operation_set_export_filename (operation, pdf);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, window, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  uri = g_filename_to_uri (pdf, NULL, &error);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  n_pages = poppler_document_get_n_pages (document);
  g_assert_cmpint (n_pages, >, 1);

  /* The last base is on the last page, the first on the first */
  {
    g_autoptr(SbBase) first = g_list_model_get_item (G_LIST_MODEL (fixture->bases), 0);
    g_autoptr(SbBase) last = g_list_model_get_item (G_LIST_MODEL (fixture->bases), 71);
    g_autoptr(PopplerPage) first_page = poppler_document_get_page (document, 0);
    g_autoptr(PopplerPage) last_page = poppler_document_get_page (document, n_pages - 1);
    g_autofree char *first_text = poppler_page_get_text (first_page);
    g_autofree char *last_text = poppler_page_get_text (last_page);

    g_assert_nonnull (strstr (first_text, sb_base_get_short_name (first)));
    g_assert_nonnull (strstr (last_text, sb_base_get_short_name (last)));
    g_assert_null (strstr (first_text, sb_base_get_short_name (last)));
  }

  gtk_window_destroy (window);
}

static void
test_watch (Fixture       *fixture,
            gconstpointer  data)
{
  SbTimelineSection *section;
  GtkWindow *window = show_section (fixture, &section);
  SbDeadlineWatchPanel *watch = sb_timeline_section_get_watch (section);
  GListModel *rows = sb_deadline_watch_panel_get_rows (watch);
  guint overdue = 0, month = 0, quarter = 0, items = 0;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;

  for (guint i = 0; i < fixture->watch->len; i++)
    {
      const SbDueItem *item = g_ptr_array_index (fixture->watch, i);

      if (item->deadline.status == SB_DEADLINE_STATUS_OVERDUE)
        overdue++;
      else if (item->deadline.days_left <= 30)
        month++;
      if (item->deadline.status != SB_DEADLINE_STATUS_OVERDUE && item->deadline.days_left <= 90)
        quarter++;
    }
  g_assert_cmpuint (overdue, >, 0);
  g_assert_cmpuint (month, >, 0);

  g_assert_cmpuint (sb_deadline_watch_panel_get_horizon (watch), ==, SB_WATCH_HORIZON_OVERDUE);
  g_assert_cmpuint (sb_deadline_watch_panel_count (watch, SB_WATCH_HORIZON_OVERDUE), ==, overdue);
  g_assert_cmpuint (sb_deadline_watch_panel_count (watch, SB_WATCH_HORIZON_MONTH), ==, month);
  g_assert_cmpuint (sb_deadline_watch_panel_count (watch, SB_WATCH_HORIZON_QUARTER), ==, quarter);

  /* Grouped by kind: a heading, then its rows, each naming base,
   * deadline, article and days */
  sb_deadline_watch_panel_set_horizon (watch, SB_WATCH_HORIZON_QUARTER);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autofree char *text = sb_deadline_watch_panel_dup_row_text (watch, i);
      g_auto(GStrv) fields = g_strsplit (text, "\t", -1);

      if (g_strv_length (fields) == 1)
        {
          g_assert_true (g_str_has_suffix (text, ")"));
          continue;
        }
      items++;
      g_assert_cmpuint (g_strv_length (fields), ==, 3);
      g_assert_true (g_str_has_prefix (fields[0], "山西省技术标准创新基地（"));
      g_assert_nonnull (strstr (fields[1], "Art. "));
      g_assert_true (g_str_has_suffix (fields[2], "left") || g_str_equal (fields[2], "Due today"));
    }
  g_assert_cmpuint (items, ==, quarter);
  {
    g_autofree char *heading = sb_deadline_watch_panel_dup_row_text (watch, 0);

    g_assert_null (strchr (heading, '\t'));
  }

  /* The filters apply: no bases listed, nothing watched */
  {
    g_autoptr(GListStore) none = g_list_store_new (SB_TYPE_BASE);

    sb_timeline_section_set_bases (section, G_LIST_MODEL (none));
    g_assert_cmpuint (sb_deadline_watch_panel_count (watch, SB_WATCH_HORIZON_QUARTER), ==, 0);
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
  }

  /* What the notification says */
  g_assert_true (sb_deadline_watch_summarise (fixture->watch, &title, &body));
  g_assert_nonnull (strstr (title, "overdue"));
  g_assert_nonnull (strstr (body, "overdue"));

  gtk_window_destroy (window);
}

static void
test_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("org.shanxi.StdBase");
  GtkWidget *window = sb_preferences_window_new (NULL, settings);
  GtkWidget *toggle = NULL;

  g_assert_true (g_settings_get_boolean (settings, "notify-deadlines"));
  gtk_window_present (GTK_WINDOW (window));

  /* The switch follows the setting and sets it */
  g_settings_set_boolean (settings, "notify-deadlines", FALSE);
  for (GtkWidget *child = gtk_widget_get_first_child (window); child != NULL;)
    {
      if (GTK_IS_SWITCH (child))
        {
          toggle = child;
          break;
        }
      if (gtk_widget_get_first_child (child) != NULL)
        child = gtk_widget_get_first_child (child);
      else
        {
          while (child != NULL && gtk_widget_get_next_sibling (child) == NULL)
            child = gtk_widget_get_parent (child);
          if (child != NULL)
            child = gtk_widget_get_next_sibling (child);
        }
    }
  g_assert_nonnull (toggle);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));
  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "notify-deadlines"));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: run the UI tests under Xvfb (build-aux/dev test does)\n");
      return 77;
    }

  gtk_test_init (&argc, &argv, NULL);

  application = gtk_application_new ("org.shanxi.StdBase.TimelineTest", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  g_test_add ("/timeline-view/render", Fixture, NULL, fixture_set_up, test_render, fixture_tear_down);
  g_test_add ("/timeline-view/zoom-and-pan", Fixture, NULL, fixture_set_up, test_zoom_and_pan, fixture_tear_down);
  g_test_add ("/timeline-view/keyboard", Fixture, NULL, fixture_set_up, test_keyboard, fixture_tear_down);
  g_test_add ("/timeline-view/click-opens-base", Fixture, NULL, fixture_set_up, test_click_opens_base, fixture_tear_down);
  g_test_add ("/timeline-view/export-pdf", Fixture, NULL, fixture_set_up, test_export_pdf, fixture_tear_down);
  g_test_add ("/timeline-view/axis-labels", Fixture, NULL, fixture_set_up, test_axis_labels, fixture_tear_down);
  g_test_add ("/timeline-view/print-pages", Fixture, NULL, fixture_set_up, test_print_pages, fixture_tear_down);
  g_test_add ("/timeline-view/watch", Fixture, NULL, fixture_set_up, test_watch, fixture_tear_down);
  g_test_add_func ("/timeline-view/preferences", test_preferences);

  status = g_test_run ();
  g_object_unref (application);
  return status;
}
