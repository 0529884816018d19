/* bench-workdays.c: how fast the statutory calendar counts working days
 *
 * Loads the shipped calendar and times one million additions of 1 to 60
 * working days to start dates spread over 2021-2026, then as many counts of
 * the working days between two dates.  Deadlines are recomputed for every
 * base and every stage whenever a list is sorted or filtered, so the budget
 * is one second per million additions; the program fails above it.
 */
#include "config.h"

#include <glib.h>
#include <stdlib.h>

#include "sb-calendar.h"

#define N_CALLS 1000000
#define MAX_DAYS 60
#define BUDGET_SECONDS 1.0

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbCalendar) calendar = NULL;
  g_autoptr(GTimer) timer = NULL;
  g_autofree GDate *starts = NULL;
  GDate first, last;
  guint n_starts;
  guint64 checksum = 0;
  gint64 total = 0;
  double add_seconds, between_seconds;

  calendar = sb_calendar_new_default (&error);
  if (calendar == NULL)
    {
      g_printerr ("bench-workdays: %s\n", error->message);
      return EXIT_FAILURE;
    }

  /* Late enough in 2026 that 60 working days still end inside the data */
  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, 1, G_DATE_JANUARY, 2021);
  g_date_set_dmy (&last, 30, G_DATE_SEPTEMBER, 2026);

  n_starts = g_date_get_julian (&last) - g_date_get_julian (&first) + 1;
  starts = g_new (GDate, n_starts);
  for (guint i = 0; i < n_starts; i++)
    {
      g_date_clear (&starts[i], 1);
      g_date_set_julian (&starts[i], g_date_get_julian (&first) + i);
    }

  timer = g_timer_new ();
  for (guint i = 0; i < N_CALLS; i++)
    {
      /* 7919 is prime to n_starts, so the starts are visited out of order */
      const GDate *start = &starts[(guint64) i * 7919 % n_starts];
      guint n = 1 + i % MAX_DAYS;
      GDate result;

      if (!sb_calendar_add_working_days (calendar, start, n, &result, &error))
        {
          g_printerr ("bench-workdays: %s\n", error->message);
          return EXIT_FAILURE;
        }
      checksum += g_date_get_julian (&result);
    }
  add_seconds = g_timer_elapsed (timer, NULL);

  g_timer_start (timer);
  for (guint i = 0; i < N_CALLS; i++)
    {
      const GDate *from = &starts[(guint64) i * 7919 % n_starts];
      const GDate *to = &starts[(guint64) i * 104729 % n_starts];
      int count;

      if (!sb_calendar_working_days_between (calendar, from, to, &count, &error))
        {
          g_printerr ("bench-workdays: %s\n", error->message);
          return EXIT_FAILURE;
        }
      total += count;
    }
  between_seconds = g_timer_elapsed (timer, NULL);

  g_print ("add_working_days: %d calls in %.3f s (%.1f M/s)\n",
           N_CALLS, add_seconds, N_CALLS / add_seconds / 1e6);
  g_print ("working_days_between: %d calls in %.3f s (%.1f M/s)\n",
           N_CALLS, between_seconds, N_CALLS / between_seconds / 1e6);
  /* Printed so that the compiler cannot drop the calls */
  g_print ("checksums: %" G_GUINT64_FORMAT " %" G_GINT64_FORMAT "\n", checksum, total);

  if (add_seconds > BUDGET_SECONDS)
    {
      g_printerr ("bench-workdays: add_working_days took %.3f s, over the budget of %.1f s\n",
                  add_seconds, BUDGET_SECONDS);
      return EXIT_FAILURE;
    }

  return EXIT_SUCCESS;
}
