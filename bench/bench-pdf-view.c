/* bench-pdf-view.c: how fast the PDF view renders, opens and scrolls
 *
 * Prints:
 *  - rendering one page at 1x (72 dpi) and 2x, against pdftoppm on the
 *    same page (its time includes starting the process and writing PPM);
 *  - opening a 300-page PDF: the document, every page's size (what the
 *    view needs to lay out) and the first page rendered for the screen;
 *  - scrolling through all 300 pages in the PDF view, a third of the view
 *    a frame: frame times, the longest the main thread was busy at once,
 *    and how many pages were drawn before their rendering had arrived.
 *
 * Needs a display for the scroll: run under Xvfb.  On a shared machine
 * the figures are noisy; run it twice.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "sb-pdf.h"
#include "sb-pdf-window.h"
#include "test-pdf-fixtures.h"

#define N_PAGES 300
#define RUNS 20

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *values,
            double  p)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, MIN (values->len - 1, (guint) (p * values->len)));
}

static double
median (GArray *values)
{
  return percentile (values, 0.5);
}

/* pdftoppm writes into the benchmark's folder, removed at the end. */
static void
bench_render (PopplerDocument *document,
              const char      *path)
{
  const double scales[] = { 1.0, 2.0 };
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *one_prefix = g_build_filename (dir, "one", NULL);
  g_autofree char *many_prefix = g_build_filename (dir, "many", NULL);

  for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
    {
      g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) theirs = g_array_new (FALSE, FALSE, sizeof (double));
      g_autofree char *resolution = g_strdup_printf ("%d", (int) (72 * scales[s]));

      for (int i = 0; i < RUNS; i++)
        {
          PopplerPage *page = poppler_document_get_page (document, 1);
          gint64 start = g_get_monotonic_time ();
          cairo_surface_t *surface = sb_pdf_render_page (page, scales[s]);
          double ms = (g_get_monotonic_time () - start) / 1000.0;

          g_array_append_val (ours, ms);
          cairo_surface_destroy (surface);
          g_object_unref (page);
        }

      for (int i = 0; i < RUNS / 2; i++)
        {
          const char *argv[] = { "pdftoppm", "-r", resolution, "-f", "2", "-l", "2", path, one_prefix, NULL };
          gint64 start = g_get_monotonic_time ();
          int status = 0;
          double ms;

          if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL
                             | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL))
            break;
          ms = (g_get_monotonic_time () - start) / 1000.0;
          g_array_append_val (theirs, ms);
        }

      g_print ("render page 2 at %.0fx (%s dpi): %.2f ms median of %d", scales[s], resolution, median (ours), RUNS);
      if (theirs->len > 0)
        g_print ("; pdftoppm, one page a run, %.2f ms median (%.2fx ours)", median (theirs), median (theirs) / median (ours));

      /* pdftoppm's start-up shared by 50 pages, to compare the rendering. */
      {
        const char *argv[] = { "pdftoppm", "-r", resolution, "-f", "1", "-l", "50", path, many_prefix, NULL };
        g_autoptr(GArray) ours_many = g_array_new (FALSE, FALSE, sizeof (double));
        gint64 begin = g_get_monotonic_time ();
        int status = 0;

        if (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL
                          | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL))
          {
            double per_page = (g_get_monotonic_time () - begin) / 1000.0 / 50;

            g_print ("; pdftoppm over 50 pages %.2f ms a page (%.2fx ours)", per_page, per_page / median (ours));
          }
      }
      g_print ("\n");
    }
}

static void
bench_open (const char *path)
{
  g_autoptr(GArray) open_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) first_ms = g_array_new (FALSE, FALSE, sizeof (double));

  for (int i = 0; i < RUNS / 2; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      PopplerDocument *document = sb_pdf_open (path, NULL, &error);
      PopplerPage *page;
      cairo_surface_t *surface;
      double opened, shown;

      g_assert_no_error (error);
      for (int p = 0; p < poppler_document_get_n_pages (document); p++)
        {
          double w, h;

          page = poppler_document_get_page (document, p);
          poppler_page_get_size (page, &w, &h);
          g_object_unref (page);
        }
      opened = (g_get_monotonic_time () - start) / 1000.0;
      page = poppler_document_get_page (document, 0);
      surface = sb_pdf_render_page (page, 96.0 / 72.0);
      shown = (g_get_monotonic_time () - start) / 1000.0;
      cairo_surface_destroy (surface);
      g_object_unref (page);
      g_object_unref (document);
      g_array_append_val (open_ms, opened);
      g_array_append_val (first_ms, shown);
    }

  g_print ("open a %d-page PDF and lay out every page: %.1f ms median; with the first page rendered "
           "at 100 %%: %.1f ms\n", N_PAGES, median (open_ms), median (first_ms));
}

typedef struct
{
  gboolean painted;
} FrameState;

static void
after_paint_cb (GdkFrameClock *clock,
                FrameState    *state)
{
  state->painted = TRUE;
}

static void
bench_scroll (const char *path)
{
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) busy = g_array_new (FALSE, FALSE, sizeof (double));
  SbPdfWindow *window;
  SbPdfCanvas *canvas;
  GtkAdjustment *adjustment;
  GdkFrameClock *clock;
  FrameState state = { FALSE };
  gint64 start, window_start;
  double upper, step, first_page_ms, opened_ms;
  guint drawn, blank;

  window_start = g_get_monotonic_time ();
  window = sb_pdf_window_new (NULL, NULL, 0, path);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 900);
  gtk_window_present (GTK_WINDOW (window));
  canvas = sb_pdf_window_get_canvas (window);
  while (!g_str_equal (sb_pdf_window_get_state (window), "document"))
    g_main_context_iteration (NULL, TRUE);
  opened_ms = (g_get_monotonic_time () - window_start) / 1000.0;
  while (gtk_widget_get_width (GTK_WIDGET (canvas)) == 0)
    g_main_context_iteration (NULL, TRUE);
  /* Until the first page is drawn from its rendering. */
  do
    {
      g_main_context_iteration (NULL, TRUE);
      sb_pdf_canvas_get_draw_counts (canvas, &drawn, &blank);
    }
  while (drawn <= blank);
  first_page_ms = (g_get_monotonic_time () - window_start) / 1000.0;
  g_print ("PDF view window: document open and laid out %.0f ms after the window was created, "
           "first page drawn from its rendering at %.0f ms (both include building and mapping "
           "the first window under Xvfb)\n", opened_ms, first_page_ms);

  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (canvas));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (canvas));
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &state);
  upper = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
  step = gtk_adjustment_get_page_size (adjustment) / 3;
  sb_pdf_canvas_get_draw_counts (canvas, &drawn, &blank);
  {
    guint drawn_before = drawn, blank_before = blank;

    start = g_get_monotonic_time ();
    for (double value = 0; value <= upper; value += step)
      {
        gint64 frame_start = g_get_monotonic_time ();
        double ms;

        state.painted = FALSE;
        gtk_adjustment_set_value (adjustment, value);
        while (!state.painted)
          {
            gint64 before = g_get_monotonic_time ();

            if (g_main_context_iteration (NULL, FALSE))
              {
                ms = (g_get_monotonic_time () - before) / 1000.0;
                g_array_append_val (busy, ms);
              }
            else
              {
                g_usleep (200);
              }
          }
        ms = (g_get_monotonic_time () - frame_start) / 1000.0;
        g_array_append_val (frames, ms);
      }
    sb_pdf_canvas_get_draw_counts (canvas, &drawn, &blank);
    g_print ("scroll through %d pages, %u frames in %.2f s: frame time median %.1f ms, 95th %.1f ms, "
             "worst %.1f ms; the main thread was never busy longer than %.1f ms at once "
             "(95th %.2f ms); %u of %u page draws showed a page before its rendering arrived\n",
             N_PAGES, frames->len, (g_get_monotonic_time () - start) / 1e6,
             median (frames), percentile (frames, 0.95), percentile (frames, 1.0),
             percentile (busy, 1.0), percentile (busy, 0.95),
             blank - blank_before, drawn - drawn_before);
  }

  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, &state);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = sb_test_pdf_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "long.pdf", NULL);
  PopplerDocument *document;

  sb_test_pdf_write_pages (path, N_PAGES);
  document = sb_pdf_open (path, NULL, &error);
  g_assert_no_error (error);

  bench_render (document, path);
  g_object_unref (document);
  bench_open (path);

  if (g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL)
    {
      gtk_init ();
      adw_init ();
      bench_scroll (path);
    }
  else
    {
      g_print ("scroll: no display; run under Xvfb to measure it\n");
    }

  sb_test_pdf_remove_tree (dir);
  return EXIT_SUCCESS;
}
