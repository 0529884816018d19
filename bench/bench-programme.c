/* bench-programme.c: the foundation's speed targets, measured
 *
 *   demo --count 10000                      under 5 s
 *   open a 10,000-base database and load
 *   the list the first window shows         under 100 ms
 *
 * Usage: bench-programme [COUNT]   (default 10000)
 * Prints its figures; exits 1 if a target is missed.
 */
#define G_LOG_DOMAIN "bench-programme"

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "sb-date.h"
#include "sb-demo.h"
#include "sb-programme.h"

#define DEMO_TARGET_S 5.0
#define OPEN_TARGET_MS 100.0
#define OPEN_RUNS 7

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  guint count = argc > 1 ? (guint) atoi (argv[1]) : 10000;
  double open_ms[OPEN_RUNS];
  double demo_s;
  gint64 start;
  guint n_bases = 0;
  gboolean ok = TRUE;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 27, 11, 2026);

  dir = g_dir_make_tmp ("bench-programme-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "bench.db", NULL);

  {
    g_autoptr(SbProgramme) programme = sb_programme_open (path, SB_DATABASE_OPEN_FLAGS_CREATE, &error);

    g_assert_no_error (error);
    start = g_get_monotonic_time ();
    if (!sb_demo_fill (sb_programme_get_store (programme), count, SB_DEMO_DEFAULT_SEED, &today, &error))
      g_error ("demo: %s", error->message);
    demo_s = (g_get_monotonic_time () - start) / 1e6;
  }

  for (guint run = 0; run < OPEN_RUNS; run++)
    {
      g_autoptr(SbProgramme) programme = NULL;
      g_autoptr(GPtrArray) bases = NULL;

      start = g_get_monotonic_time ();
      programme = sb_programme_open (path, SB_DATABASE_OPEN_FLAGS_NONE, &error);
      g_assert_no_error (error);
      bases = sb_base_store_list (sb_programme_get_store (programme), NULL, &today, &error);
      g_assert_no_error (error);
      open_ms[run] = (g_get_monotonic_time () - start) / 1e3;
      n_bases = bases->len;
    }
  qsort (open_ms, OPEN_RUNS, sizeof (double), compare_doubles);

  g_print ("demo --count %u: %.2f s (target < %.0f s)\n", count, demo_s, DEMO_TARGET_S);
  g_print ("open + list %u bases: median %.1f ms, max %.1f ms over %d runs (target < %.0f ms)\n",
           n_bases, open_ms[OPEN_RUNS / 2], open_ms[OPEN_RUNS - 1], OPEN_RUNS, OPEN_TARGET_MS);

  if (count == 10000)
    ok = demo_s < DEMO_TARGET_S && open_ms[OPEN_RUNS / 2] < OPEN_TARGET_MS;

  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (path);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (dir);
  }

  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
