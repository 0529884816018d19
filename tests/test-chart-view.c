/* test-chart-view.c: the chart widget, driven under Xvfb
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sb-chart-pipeline.h"
#include "sb-chart-standards.h"
#include "sb-chart-view.h"

static SbChartData *
make_standards (void)
{
  g_autoptr(GArray) years = g_array_new (FALSE, TRUE, sizeof (SbStandardsYear));
  const SbStandardsYear rows[] = {
    { 2024, { 1, 3, 4, 9, 12 } },
    { 2025, { 2, 6, 7, 17, 31 } },
  };

  g_array_append_vals (years, rows, G_N_ELEMENTS (rows));
  return sb_chart_standards_new (years);
}

static GtkWindow *
show_in_window (GtkWidget *view)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 640, 420);
  gtk_window_set_child (window, view);
  gtk_window_present (window);

  /* Until it is laid out and drawn */
  for (guint i = 0; i < 50 && gtk_widget_get_width (view) == 0; i++)
    {
      g_usleep (10000);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;

  return window;
}

/* The widget as the renderer draws it, downloaded into memory. */
static GdkTexture *
render_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static void
test_shows_data (void)
{
  g_autoptr(SbChartData) data = make_standards ();
  GtkWidget *view = sb_chart_view_new ();
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  const SbChartStyle *style;
  GtkWindow *window;
  guint32 group = 0;
  guint n_group = 0;
  int width, height;
  gsize stride;

  sb_chart_view_set_data (SB_CHART_VIEW (view), data);
  g_assert_true (sb_chart_data_equal (sb_chart_view_get_data (SB_CHART_VIEW (view)), data));
  window = show_in_window (view);

  /* The style's colours came from libadwaita's palette */
  style = sb_chart_view_get_style (SB_CHART_VIEW (view));
  g_assert_nonnull (style->font);
  group = 0xff000000u
          | (guint32) (style->palette[SB_CHART_COLOR_GREEN].red * 255 + 0.5) << 16
          | (guint32) (style->palette[SB_CHART_COLOR_GREEN].green * 255 + 0.5) << 8
          | (guint32) (style->palette[SB_CHART_COLOR_GREEN].blue * 255 + 0.5);

  /* The bars are on screen: many pixels of the group standards' green */
  texture = render_widget (view);
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  g_assert_cmpint (width, >, 100);
  stride = (gsize) width * 4;
  pixels = g_malloc (stride * height);
  gdk_texture_download (texture, pixels, stride);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (((guint32 *) (pixels + y * stride))[x] == group)
        n_group++;
  g_assert_cmpuint (n_group, >, 500);

  /* No data, nothing drawn, and activating export opens nothing */
  sb_chart_view_set_data (SB_CHART_VIEW (view), NULL);
  g_assert_null (sb_chart_view_get_data (SB_CHART_VIEW (view)));
  gtk_widget_activate_action (view, "chart.export-png", NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  gtk_window_destroy (window);
}

static void
test_accessible (void)
{
  g_autoptr(SbChartData) data = make_standards ();
  g_autoptr(SbChartData) other = NULL;
  g_autofree char *description = NULL;
  GtkWidget *view = sb_chart_view_new ();
  const int counts[SB_N_PIPELINE_STEPS] = { 12, 10, 8, 5, 3 };
  GtkWindow *window;
  char *error;

  g_object_set (view, "data", data, NULL);
  window = show_in_window (view);

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       sb_chart_data_get_title (data));

  /* Every number of the chart is in its description */
  description = sb_chart_describe (data);
  g_assert_nonnull (strstr (description, "2025: 63 in total (International 2, National 6, "
                                         "Industry 7, Local 17, Group 31)."));
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (view),
                                              GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
  g_assert_null (error);
  g_clear_pointer (&description, g_free);

  /* and follows the data */
  other = sb_chart_pipeline_new (counts);
  sb_chart_view_set_data (SB_CHART_VIEW (view), other);
  description = sb_chart_describe (other);
  g_assert_nonnull (strstr (description, ": 3, 60% of the previous step."));
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (view),
                                              GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
  g_assert_null (error);

  gtk_window_destroy (window);
}

static void
notify_counter (GObject    *object,
                GParamSpec *pspec,
                gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_property (void)
{
  g_autoptr(SbChartData) data = make_standards ();
  g_autoptr(SbChartData) read = NULL;
  GtkWidget *view = g_object_ref_sink (sb_chart_view_new ());
  guint n_notify = 0;

  g_signal_connect (view, "notify::data", G_CALLBACK (notify_counter), &n_notify);
  sb_chart_view_set_data (SB_CHART_VIEW (view), data);
  g_assert_cmpuint (n_notify, ==, 1);

  /* The same figures again are no change */
  sb_chart_view_set_data (SB_CHART_VIEW (view), data);
  g_assert_cmpuint (n_notify, ==, 1);

  /* The view holds its own copy */
  sb_chart_data_set_value (data, 0, 0, 99);
  g_object_get (view, "data", &read, NULL);
  g_assert_cmpfloat (sb_chart_data_get_value (read, 0, 0), ==, 1);

  g_object_unref (view);
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GError **error = user_data;
  gboolean ok = sb_chart_view_export_finish (SB_CHART_VIEW (object), result, error);

  g_assert_true (ok == (*error == NULL));
  g_object_set_data (object, "done", GINT_TO_POINTER (1));
}

static void
wait_for_export (GtkWidget *view)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (g_object_get_data (G_OBJECT (view), "done") == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_object_set_data (G_OBJECT (view), "done", NULL);
}

static void
test_export (void)
{
  g_autoptr(SbChartData) data = make_standards ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-chart-view-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "standards.png", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing", "standards.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  GtkWidget *view = sb_chart_view_new ();
  cairo_surface_t *surface;
  GtkWindow *window;

  g_assert_nonnull (dir);
  sb_chart_view_set_data (SB_CHART_VIEW (view), data);
  window = show_in_window (view);

  sb_chart_view_export_async (SB_CHART_VIEW (view), SB_CHART_FORMAT_PNG, file, NULL,
                              exported_cb, &error);
  wait_for_export (view);
  g_assert_no_error (error);

  /* At the export size, twice the pixels */
  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 2 * SB_CHART_VIEW_EXPORT_WIDTH);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 2 * SB_CHART_VIEW_EXPORT_HEIGHT);
  cairo_surface_destroy (surface);

  /* A failure comes back as an error in words */
  sb_chart_view_export_async (SB_CHART_VIEW (view), SB_CHART_FORMAT_PDF, missing_file, NULL,
                              exported_cb, &error);
  wait_for_export (view);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, "standards.png"));

  gtk_window_destroy (window);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: run the UI tests under Xvfb (build-aux/dev test does)\n");
      return 77;
    }

  /* This test reads the accessible properties: GTK's test backend keeps
   * them without an accessibility bus */
  g_setenv ("GTK_A11Y", "test", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/chart-view/shows-data", test_shows_data);
  g_test_add_func ("/chart-view/accessible", test_accessible);
  g_test_add_func ("/chart-view/property", test_property);
  g_test_add_func ("/chart-view/export", test_export);

  return g_test_run ();
}
