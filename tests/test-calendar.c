/* test-calendar.c: the PRC statutory working-day calendar
 *
 * Expected dates below were worked out by hand from the State Council
 * notices, not taken from the implementation.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "sb-calendar.h"

/* Helpers */

static void
date_init (GDate *date,
           int    year,
           int    month,
           int    day)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

static char *
date_to_string (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d",
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date));
}

static SbCalendar *
load_default (void)
{
  g_autoptr(GError) error = NULL;
  SbCalendar *calendar = sb_calendar_new_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (calendar);

  return calendar;
}

static SbCalendar *
load_string (const char *data)
{
  g_autoptr(GError) error = NULL;
  SbCalendar *calendar = sb_calendar_new ();

  sb_calendar_load_data (calendar, data, -1, &error);
  g_assert_no_error (error);

  return calendar;
}

static gboolean
working (SbCalendar *calendar,
         int         year,
         int         month,
         int         day)
{
  g_autoptr(GError) error = NULL;
  gboolean result = FALSE;
  GDate date;

  date_init (&date, year, month, day);
  sb_calendar_is_working_day (calendar, &date, &result, &error);
  g_assert_no_error (error);

  return result;
}

/* Adds @n working days to the date and returns the result as YYYY-MM-DD. */
static char *
add (SbCalendar *calendar,
     int         year,
     int         month,
     int         day,
     guint       n)
{
  g_autoptr(GError) error = NULL;
  GDate start, result;

  date_init (&start, year, month, day);
  g_date_clear (&result, 1);
  sb_calendar_add_working_days (calendar, &start, n, &result, &error);
  g_assert_no_error (error);

  return date_to_string (&result);
}

static int
between (SbCalendar *calendar,
         int         from_year,
         int         from_month,
         int         from_day,
         int         to_year,
         int         to_month,
         int         to_day)
{
  g_autoptr(GError) error = NULL;
  GDate from, to;
  int count = G_MININT;

  date_init (&from, from_year, from_month, from_day);
  date_init (&to, to_year, to_month, to_day);
  sb_calendar_working_days_between (calendar, &from, &to, &count, &error);
  g_assert_no_error (error);

  return count;
}

#define assert_add(calendar, y, m, d, n, expected) \
  G_STMT_START { \
    g_autofree char *_got = add ((calendar), (y), (m), (d), (n)); \
    g_assert_cmpstr (_got, ==, (expected)); \
  } G_STMT_END

static void
assert_parse_error (const char *data,
                    const char *fragment1,
                    const char *fragment2)
{
  g_autoptr(SbCalendar) calendar = sb_calendar_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (sb_calendar_load_data (calendar, data, -1, &error));
  g_assert_error (error, SB_CALENDAR_ERROR, SB_CALENDAR_ERROR_PARSE);
  if (g_test_verbose ())
    g_test_message ("%s", error->message);
  if (fragment1 != NULL && strstr (error->message, fragment1) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, fragment1);
  if (fragment2 != NULL && strstr (error->message, fragment2) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, fragment2);

  /* A failed load leaves an empty calendar empty. */
  g_assert_cmpint (sb_calendar_get_first_year (calendar), ==, 0);
  g_assert_false (sb_calendar_has_year (calendar, 2024));
}

/* A small, self-contained year for the parser tests: 2024 as notified. */
#define YEAR_2024 \
  "[2024]\n" \
  "source=国办发明电〔2023〕7号\n" \
  "holidays=2024-01-01;2024-02-10..2024-02-17;2024-04-04..2024-04-06;" \
  "2024-05-01..2024-05-05;2024-06-10;2024-09-15..2024-09-17;" \
  "2024-10-01..2024-10-07\n" \
  "workdays=2024-02-04;2024-02-18;2024-04-07;2024-04-28;2024-05-11;" \
  "2024-09-14;2024-09-29;2024-10-12\n"

/* Parsing */

static void
test_parse_valid (void)
{
  g_autoptr(SbCalendar) calendar = load_string (YEAR_2024);

  g_assert_true (sb_calendar_has_year (calendar, 2024));
  g_assert_false (sb_calendar_has_year (calendar, 2023));
  g_assert_false (sb_calendar_has_year (calendar, 2025));
  g_assert_cmpint (sb_calendar_get_first_year (calendar), ==, 2024);
  g_assert_cmpint (sb_calendar_get_last_year (calendar), ==, 2024);
  g_assert_cmpstr (sb_calendar_get_source (calendar, 2024), ==, "国办发明电〔2023〕7号");
  g_assert_null (sb_calendar_get_source (calendar, 2025));

  /* The same figure as the shipped file: 251 working days in 2024. */
  g_assert_cmpint (between (calendar, 2023, 12, 31, 2024, 12, 31), ==, 251);
}

static void
test_parse_lenient_layout (void)
{
  /* Blanks around items, a trailing separator, an empty workdays list and
   * no source are all fine.
   */
  g_autoptr(SbCalendar) calendar =
    load_string ("# comment\n"
                 "[2024]\n"
                 "holidays= 2024-01-01 ; 2024-02-12..2024-02-14 ;\n"
                 "workdays=\n");

  g_assert_null (sb_calendar_get_source (calendar, 2024));
  g_assert_false (working (calendar, 2024, 1, 1));
  g_assert_false (working (calendar, 2024, 2, 13));
  g_assert_true (working (calendar, 2024, 2, 15));
  /* No make-up days: the Sunday stays a rest day. */
  g_assert_false (working (calendar, 2024, 2, 4));
}

static void
test_parse_malformed_dates (void)
{
  assert_parse_error ("[2024]\nholidays=2024-1-01\n", "[2024]", "“2024-1-01”");
  assert_parse_error ("[2024]\nholidays=2024/01/01\n", "holidays", "2024/01/01");
  assert_parse_error ("[2024]\nholidays=2024-01-01x\n", "holidays", "2024-01-01x");
  assert_parse_error ("[2024]\nholidays=20240101\n", "holidays", "20240101");
  assert_parse_error ("[2024]\nholidays=2024-01-01\nworkdays=next Sunday\n",
                      "workdays", "next Sunday");
  assert_parse_error ("[2024]\nholidays=2024-01-01,2024-05-01\n",
                      "holidays", "2024-01-01,2024-05-01");
}

static void
test_parse_impossible_dates (void)
{
  assert_parse_error ("[2023]\nholidays=2023-02-30\n", "not a real date", "2023-02-30");
  assert_parse_error ("[2023]\nholidays=2023-02-29\n", "not a real date", "2023-02-29");
  assert_parse_error ("[2023]\nholidays=2023-13-01\n", "not a real date", "2023-13-01");
  assert_parse_error ("[2023]\nholidays=2023-04-00\n", "not a real date", "2023-04-00");
  assert_parse_error ("[2023]\nholidays=2023-01-01\nworkdays=2023-04-31\n",
                      "workdays", "2023-04-31");
  assert_parse_error ("[2023]\nholidays=2023-06-22..2023-06-31\n",
                      "not a real date", "2023-06-31");

  /* 29 February exists in a leap year. */
  {
    g_autoptr(SbCalendar) calendar = load_string ("[2024]\nholidays=2024-02-29\n");

    g_assert_false (working (calendar, 2024, 2, 29));
  }
}

static void
test_parse_bad_ranges (void)
{
  assert_parse_error ("[2024]\nholidays=2024-02-17..2024-02-10\n",
                      "ends before it starts", "2024-02-17..2024-02-10");
  assert_parse_error ("[2024]\nholidays=2024-02-10..2024-12-17\n",
                      "longer than 31 days", "2024-02-10..2024-12-17");
  assert_parse_error ("[2024]\nholidays=2024-02-10..\n", "holidays", "“”");
  assert_parse_error ("[2024]\nholidays=..2024-02-10\n", "holidays", "“”");
  assert_parse_error ("[2024]\nholidays=2024-02-10...2024-02-17\n",
                      "holidays", ".2024-02-17");
  assert_parse_error ("[2024]\nholidays=2024-02-10—2024-02-17\n",
                      "holidays", "2024-02-10—2024-02-17");
  assert_parse_error ("[2024]\nholidays=2024-01-01\nworkdays=2024-02-03..2024-02-04\n",
                      "workdays", "is a range");

  assert_parse_error ("[2024]\nholidays=2024-07-01..2024-08-01\n",
                      "longer than 31 days", "2024-07-01..2024-08-01");

  /* 31 days is the longest range accepted. */
  {
    g_autoptr(SbCalendar) calendar =
      load_string ("[2024]\nholidays=2024-07-01..2024-07-31\n");

    g_assert_false (working (calendar, 2024, 7, 31));
    g_assert_true (working (calendar, 2024, 8, 1));
  }
}

static void
test_parse_workday_not_weekend (void)
{
  /* 2024-02-05 is a Monday; 2024-02-09 a Friday. */
  assert_parse_error ("[2024]\nholidays=2024-01-01\nworkdays=2024-02-04;2024-02-05\n",
                      "2024-02-05", "weekday");
  assert_parse_error ("[2024]\nholidays=2024-01-01\nworkdays=2024-02-09\n",
                      "[2024]", "2024-02-09");
}

static void
test_parse_conflict (void)
{
  assert_parse_error ("[2024]\nholidays=2024-02-10..2024-02-18\nworkdays=2024-02-18\n",
                      "2024-02-18", "both");
}

static void
test_parse_structure (void)
{
  assert_parse_error ("", "no years", NULL);
  assert_parse_error ("# only a comment\n", "no years", NULL);
  assert_parse_error ("holidays=2024-01-01\n", "not a valid key file", NULL);
  assert_parse_error ("this is not a key file\n", "not a valid key file", NULL);
  assert_parse_error ("[holidays]\nholidays=2024-01-01\n", "[holidays]", "not a year");
  assert_parse_error ("[24]\nholidays=2024-01-01\n", "[24]", "not a year");
  assert_parse_error ("[ 2024]\nholidays=2024-01-01\n", "[ 2024]", "not a year");
  assert_parse_error ("[1850]\nholidays=1850-01-01\n", "1850", NULL);
  assert_parse_error ("[2024]\nsource=x\n", "[2024]", "“holidays”");
  assert_parse_error ("[2024]\nholidays=\n", "[2024]", "no holidays");
  assert_parse_error ("[2024]\nholidays=;\n", "[2024]", "no holidays");
  assert_parse_error ("[2024]\nholidays=2024-01-01\nworkday=2024-02-04\n",
                      "unknown key", "“workday”");
  assert_parse_error ("[2024]\nholidays=2024-01-01\nsource[zh_CN]=x\n",
                      "unknown key", "source[zh_CN]");
  /* A later, broken group spoils the whole file. */
  assert_parse_error (YEAR_2024 "[2025]\nholidays=2025-01-01\nworkdays=2025-01-27\n",
                      "[2025]", "2025-01-27");
}

static void
test_parse_year_boundary (void)
{
  g_autoptr(SbCalendar) calendar = NULL;

  /* Dates well inside another year are refused. */
  assert_parse_error ("[2024]\nholidays=2025-03-01\n", "2025-03-01", "not in 2024");
  assert_parse_error ("[2024]\nholidays=2024-01-01\nworkdays=2023-06-03\n",
                      "2023-06-03", "not in 2024");
  assert_parse_error ("[2023]\nholidays=2022-12-24..2023-01-02\n",
                      "2022-12-24", "not in 2023");
  assert_parse_error ("[2022]\nholidays=2022-12-31..2023-01-08\n",
                      "2023-01-08", "not in 2022");

  /* Within a week of New Year they are accepted: the notice for 2023 starts
   * the New Year holiday on 2022-12-31, the one for 2019 made Saturday
   * 2018-12-29 a working day.
   */
  calendar = load_string ("[2023]\nholidays=2022-12-31..2023-01-02\n"
                          "[2019]\nholidays=2018-12-30..2019-01-01\nworkdays=2018-12-29\n");
  g_assert_true (sb_calendar_has_year (calendar, 2023));
  g_assert_true (sb_calendar_has_year (calendar, 2019));
  /* ...but do not make 2022 or 2018 covered. */
  g_assert_false (sb_calendar_has_year (calendar, 2022));
  g_assert_false (sb_calendar_has_year (calendar, 2018));
  g_assert_false (working (calendar, 2023, 1, 2));
}

static void
test_spill_into_adjacent_year (void)
{
  g_autoptr(SbCalendar) calendar = NULL;
  g_autoptr(SbCalendar) reversed = NULL;
  g_autoptr(GError) error = NULL;
  gboolean result;
  GDate date;

  /* Made-up arrangement: the 2023 group makes Friday 2022-12-30 a holiday
   * and Saturday 2022-12-31, which the 2022 group made a working day, a
   * holiday too.  The later notice wins.
   */
  static const char *y2022 = "[2022]\nholidays=2022-01-03\nworkdays=2022-12-31\n";
  static const char *y2023 = "[2023]\nholidays=2022-12-30..2023-01-02\nworkdays=2023-01-07\n";

  calendar = sb_calendar_new ();
  date_init (&date, 2022, 12, 30);

  /* With only 2023 loaded, 2022 has no data despite the spill-over. */
  g_assert_true (sb_calendar_load_data (calendar, y2023, -1, &error));
  g_assert_no_error (error);
  g_assert_false (sb_calendar_is_working_day (calendar, &date, &result, &error));
  g_assert_error (error, SB_CALENDAR_ERROR, SB_CALENDAR_ERROR_NO_DATA);
  g_clear_error (&error);

  g_assert_true (sb_calendar_load_data (calendar, y2022, -1, &error));
  g_assert_no_error (error);
  g_assert_true (working (calendar, 2022, 12, 29));
  g_assert_false (working (calendar, 2022, 12, 30));
  g_assert_false (working (calendar, 2022, 12, 31));
  g_assert_false (working (calendar, 2023, 1, 2));
  g_assert_true (working (calendar, 2023, 1, 7));

  /* The order of loading does not matter, only the years. */
  reversed = load_string (y2022);
  g_assert_true (working (reversed, 2022, 12, 31));
  g_assert_true (sb_calendar_load_data (reversed, y2023, -1, &error));
  g_assert_no_error (error);
  g_assert_false (working (reversed, 2022, 12, 30));
  g_assert_false (working (reversed, 2022, 12, 31));
}

/* Loading */

static void
test_load_atomic (void)
{
  g_autoptr(SbCalendar) calendar = load_string (YEAR_2024);
  g_autoptr(GError) error = NULL;

  g_assert_false (working (calendar, 2024, 10, 7));

  /* A valid replacement of 2024 and a valid 2025, spoilt by a bad 2026. */
  g_assert_false (sb_calendar_load_data (calendar,
                                         "[2024]\nholidays=2024-01-01\n"
                                         "[2025]\nholidays=2025-01-01\n"
                                         "[2026]\nholidays=2026-02-30\n",
                                         -1, &error));
  g_assert_error (error, SB_CALENDAR_ERROR, SB_CALENDAR_ERROR_PARSE);
  g_clear_error (&error);

  g_assert_false (sb_calendar_has_year (calendar, 2025));
  g_assert_false (sb_calendar_has_year (calendar, 2026));
  g_assert_cmpint (sb_calendar_get_first_year (calendar), ==, 2024);
  g_assert_cmpint (sb_calendar_get_last_year (calendar), ==, 2024);
  g_assert_false (working (calendar, 2024, 10, 7));
  g_assert_true (working (calendar, 2024, 10, 12));
  g_assert_cmpstr (sb_calendar_get_source (calendar, 2024), ==, "国办发明电〔2023〕7号");
  g_assert_cmpint (between (calendar, 2023, 12, 31, 2024, 12, 31), ==, 251);

  /* Not a key file at all: still unchanged. */
  g_assert_false (sb_calendar_load_data (calendar, "garbage", -1, &error));
  g_assert_error (error, SB_CALENDAR_ERROR, SB_CALENDAR_ERROR_PARSE);
  g_assert_cmpint (between (calendar, 2023, 12, 31, 2024, 12, 31), ==, 251);
}

static void
test_load_replaces_whole_years (void)
{
  g_autoptr(SbCalendar) calendar = load_string (YEAR_2024 "[2025]\nholidays=2025-01-01\n");
  g_autoptr(GError) error = NULL;

  g_assert_true (sb_calendar_load_data (calendar,
                                        "[2024]\nsource=revised\nholidays=2024-03-01\n",
                                        -1, &error));
  g_assert_no_error (error);

  /* Nothing of the old 2024 survives... */
  g_assert_true (working (calendar, 2024, 10, 7));
  g_assert_false (working (calendar, 2024, 2, 18));
  g_assert_false (working (calendar, 2024, 3, 1));
  g_assert_cmpstr (sb_calendar_get_source (calendar, 2024), ==, "revised");
  /* 262 weekdays in 2024, less 1 March. */
  g_assert_cmpint (between (calendar, 2023, 12, 31, 2024, 12, 31), ==, 261);

  /* ...and 2025 is kept. */
  g_assert_true (sb_calendar_has_year (calendar, 2025));
  g_assert_false (working (calendar, 2025, 1, 1));
}

static void
test_load_file (void)
{
  g_autoptr(SbCalendar) calendar = sb_calendar_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  g_assert_false (sb_calendar_load_file (calendar, "/nonexistent/calendar.ini", &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);

  dir = g_dir_make_tmp ("test-calendar-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "broken.ini", NULL);
  g_file_set_contents (path, "[2024]\nholidays=2024-02-30\n", -1, &error);
  g_assert_no_error (error);

  g_assert_false (sb_calendar_load_file (calendar, path, &error));
  g_assert_error (error, SB_CALENDAR_ERROR, SB_CALENDAR_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "broken.ini"));
  g_assert_nonnull (strstr (error->message, "2024-02-30"));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_find_default_file_order (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = g_strdup (g_getenv ("STDBASE_DATA_DIR"));
  g_autofree char *dir = g_dir_make_tmp ("test-calendar-XXXXXX", &error);
  g_autofree char *calendar_dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *found = NULL;
  g_autoptr(SbCalendar) calendar = NULL;

  g_assert_no_error (error);
  calendar_dir = g_build_filename (dir, "calendar", NULL);
  g_assert_cmpint (g_mkdir (calendar_dir, 0700), ==, 0);
  path = g_build_filename (calendar_dir, "cn-statutory-holidays.ini", NULL);
  g_file_set_contents (path, "[2030]\nholidays=2030-01-01\n", -1, &error);
  g_assert_no_error (error);

  g_setenv ("STDBASE_DATA_DIR", dir, TRUE);
  found = sb_calendar_find_default_file ();
  g_assert_cmpstr (found, ==, path);

  calendar = sb_calendar_new_default (&error);
  g_assert_no_error (error);
  g_assert_cmpint (sb_calendar_get_first_year (calendar), ==, 2030);
  g_assert_cmpint (sb_calendar_get_last_year (calendar), ==, 2030);

  if (saved != NULL)
    g_setenv ("STDBASE_DATA_DIR", saved, TRUE);
  else
    g_unsetenv ("STDBASE_DATA_DIR");

  g_unlink (path);
  g_rmdir (calendar_dir);
  g_rmdir (dir);
}

/* The shipped file */

static void
test_default_file (void)
{
  g_autoptr(SbCalendar) calendar = NULL;
  g_autofree char *path = sb_calendar_find_default_file ();
  const char *data_dir = g_getenv ("STDBASE_DATA_DIR");
  /* Working days per year, counted by hand from the notices: weekdays,
   * less holidays falling on weekdays, plus make-up days.  2024: 262 - 19
   * + 8 = 251; 2025: 261 - 18 + 5 = 248; 2026: 261 - 19 + 6 = 248.
   */
  static const struct { int year; int working_days; } years[] = {
    { 2021, 250 }, { 2022, 249 }, { 2023, 249 },
    { 2024, 251 }, { 2025, 248 }, { 2026, 248 },
  };

  g_assert_nonnull (path);
  g_assert_true (g_str_has_suffix (path, "/calendar/cn-statutory-holidays.ini"));
  if (data_dir != NULL)
    g_assert_true (g_str_has_prefix (path, data_dir));

  calendar = load_default ();
  g_assert_cmpint (sb_calendar_get_first_year (calendar), <=, 2021);
  g_assert_cmpint (sb_calendar_get_last_year (calendar), >=, 2026);

  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      const char *source = sb_calendar_get_source (calendar, years[i].year);

      g_assert_true (sb_calendar_has_year (calendar, years[i].year));
      g_assert_nonnull (source);
      g_assert_true (g_str_has_prefix (source, "国办发明电"));
      g_assert_cmpint (between (calendar, years[i].year - 1, 12, 31, years[i].year, 12, 31),
                       ==, years[i].working_days);
    }

  g_assert_cmpstr (sb_calendar_get_source (calendar, 2021), ==, "国办发明电〔2020〕27号");
  g_assert_cmpstr (sb_calendar_get_source (calendar, 2026), ==, "国办发明电〔2025〕7号");
}

/* Working days */

static void
test_working_day_ordinary (void)
{
  g_autoptr(SbCalendar) calendar = load_default ();

  /* An ordinary week in March 2024 */
  g_assert_true (working (calendar, 2024, 3, 4));    /* Monday */
  g_assert_true (working (calendar, 2024, 3, 5));
  g_assert_true (working (calendar, 2024, 3, 8));    /* Friday */
  g_assert_false (working (calendar, 2024, 3, 9));   /* Saturday */
  g_assert_false (working (calendar, 2024, 3, 10));  /* Sunday */
  g_assert_true (working (calendar, 2021, 1, 4));
  g_assert_true (working (calendar, 2026, 12, 31));  /* Thursday */
  g_assert_true (working (calendar, 2024, 2, 9));    /* 除夕 2024 was worked */
  g_assert_true (working (calendar, 2024, 6, 7));    /* Friday before 端午 */
}

static void
test_working_day_holidays (void)
{
  g_autoptr(SbCalendar) calendar = load_default ();

  g_assert_false (working (calendar, 2021, 1, 1));
  g_assert_false (working (calendar, 2022, 1, 3));   /* Monday */
  g_assert_false (working (calendar, 2023, 1, 2));   /* Monday */
  g_assert_false (working (calendar, 2023, 4, 5));   /* 清明, a Wednesday */
  g_assert_false (working (calendar, 2023, 9, 29));  /* 中秋 */
  g_assert_false (working (calendar, 2023, 10, 6));  /* Friday */
  g_assert_false (working (calendar, 2024, 2, 12));
  g_assert_false (working (calendar, 2024, 2, 16));
  g_assert_false (working (calendar, 2024, 6, 10));
  g_assert_false (working (calendar, 2025, 1, 28));  /* 除夕 2025, now a holiday */
  g_assert_false (working (calendar, 2025, 5, 5));
  g_assert_false (working (calendar, 2025, 6, 2));
  g_assert_false (working (calendar, 2025, 10, 8));  /* Wednesday */
  g_assert_false (working (calendar, 2026, 1, 2));
  g_assert_false (working (calendar, 2026, 2, 23));  /* Monday */
  g_assert_false (working (calendar, 2026, 9, 25));

  /* The first working days after */
  g_assert_true (working (calendar, 2023, 10, 9));
  g_assert_true (working (calendar, 2025, 10, 9));
  g_assert_true (working (calendar, 2026, 2, 24));
}

static void
test_working_day_make_up (void)
{
  g_autoptr(SbCalendar) calendar = load_default ();

  g_assert_true (working (calendar, 2021, 2, 7));    /* Sunday */
  g_assert_true (working (calendar, 2022, 4, 2));    /* Saturday */
  g_assert_true (working (calendar, 2023, 6, 25));   /* Sunday */
  g_assert_true (working (calendar, 2023, 10, 7));   /* Saturday */
  g_assert_true (working (calendar, 2023, 10, 8));   /* Sunday */
  g_assert_true (working (calendar, 2024, 2, 4));    /* Sunday */
  g_assert_true (working (calendar, 2024, 2, 18));   /* Sunday */
  g_assert_true (working (calendar, 2024, 5, 11));   /* Saturday */
  g_assert_true (working (calendar, 2025, 4, 27));   /* Sunday */
  g_assert_true (working (calendar, 2025, 9, 28));   /* Sunday */
  g_assert_true (working (calendar, 2026, 1, 4));    /* Sunday */
  g_assert_true (working (calendar, 2026, 2, 14));   /* Saturday */
  g_assert_true (working (calendar, 2026, 2, 28));   /* Saturday */

  /* The weekend days next to them stay rest days. */
  g_assert_false (working (calendar, 2024, 2, 3));
  g_assert_false (working (calendar, 2024, 5, 12));
  g_assert_false (working (calendar, 2026, 3, 1));
}

/* Adding working days */

static void
test_add_zero (void)
{
  g_autoptr(SbCalendar) calendar = load_default ();

  /* n = 0 is the start itself, even on a holiday. */
  assert_add (calendar, 2024, 2, 12, 0, "2024-02-12");
  assert_add (calendar, 2024, 3, 5, 0, "2024-03-05");
}

static void
test_add_spring_festival_2024 (void)
{
  g_autoptr(SbCalendar) calendar = load_default ();

  /* Holiday Sat 10 to Sat 17 February; Sundays 4 and 18 worked. */
  assert_add (calendar, 2024, 2, 2, 1, "2024-02-04");
  assert_add (calendar, 2024, 2, 8, 1, "2024-02-09");
  assert_add (calendar, 2024, 2, 8, 2, "2024-02-18");
  assert_add (calendar, 2024, 2, 9, 1, "2024-02-18");
  assert_add (calendar, 2024, 2, 9, 2, "2024-02-19");
  /* Starting on a holiday counts from the next working day. */
  assert_add (calendar, 2024, 2, 12, 1, "2024-02-18");
  assert_add (calendar, 2024, 2, 17, 1, "2024-02-18");
}

static void
test_add_spring_festival_2026 (void)
{
  g_autoptr(SbCalendar) calendar = load_default ();

  /* Holiday Sun 15 to Mon 23 February; Saturdays 14 and 28 worked. */
  assert_add (calendar, 2026, 2, 13, 1, "2026-02-14");
  assert_add (calendar, 2026, 2, 13, 2, "2026-02-24");
  assert_add (calendar, 2026, 2, 14, 1, "2026-02-24");
  assert_add (calendar, 2026, 2, 27, 1, "2026-02-28");
  assert_add (calendar, 2026, 2, 27, 2, "2026-03-02");
}

static void
test_add_national_day_2023 (void)
{
  g_autoptr(SbCalendar) calendar = load_default ();

  /* Mid-Autumn and National Day together: Fri 29 September to Fri 6
   * October, eight days; Saturday 7 and Sunday 8 October worked.
   */
  assert_add (calendar, 2023, 9, 27, 1, "2023-09-28");
  assert_add (calendar, 2023, 9, 28, 1, "2023-10-07");
  assert_add (calendar, 2023, 9, 28, 2, "2023-10-08");
  assert_add (calendar, 2023, 9, 28, 3, "2023-10-09");
  assert_add (calendar, 2023, 10, 1, 1, "2023-10-07");
}

static void
test_add_national_day_2025 (void)
{
  g_autoptr(SbCalendar) calendar = load_default ();

  /* 1 to 8 October; Sunday 28 September and Saturday 11 October worked. */
  assert_add (calendar, 2025, 9, 26, 1, "2025-09-28");
  assert_add (calendar, 2025, 9, 26, 2, "2025-09-29");
  assert_add (calendar, 2025, 9, 30, 1, "2025-10-09");
  assert_add (calendar, 2025, 9, 30, 2, "2025-10-10");
  assert_add (calendar, 2025, 9, 30, 3, "2025-10-11");
  assert_add (calendar, 2025, 9, 30, 4, "2025-10-13");
}

static void
test_add_make_up_saturdays (void)
{
  g_autoptr(SbCalendar) calendar = load_default ();

  /* Friday before a make-up Saturday: the Saturday is next. */
  assert_add (calendar, 2024, 5, 10, 1, "2024-05-11");
  assert_add (calendar, 2024, 5, 10, 2, "2024-05-13");
  assert_add (calendar, 2024, 10, 11, 1, "2024-10-12");
  assert_add (calendar, 2026, 5, 8, 1, "2026-05-09");
  assert_add (calendar, 2026, 10, 9, 1, "2026-10-10");
  /* An ordinary Friday skips the weekend. */
  assert_add (calendar, 2024, 5, 17, 1, "2024-05-20");
  /* Five working days from an ordinary Monday is the next Monday. */
  assert_add (calendar, 2024, 3, 4, 5, "2024-03-11");
}

static void
test_add_thirty_days (void)
{
  g_autoptr(SbCalendar) calendar = load_default ();

  /* Approved Friday 2024-01-26, 30 working days:
   *   Jan 29 30 31, Feb 1 2            5
   *   Sun Feb 4 (make-up)              6
   *   Feb 5-9                         11
   *   (Feb 10-17 Spring Festival)
   *   Sun Feb 18 (make-up)            12
   *   Feb 19-23                       17
   *   Feb 26-29, Mar 1                22
   *   Mar 4-8                         27
   *   Mar 11 12 13                    30  → 2024-03-13
   */
  assert_add (calendar, 2024, 1, 26, 30, "2024-03-13");

  /* Approved Monday 2025-09-15:
   *   Sep 16-19                        4
   *   Sep 22-26                        9
   *   Sun Sep 28 (make-up)            10
   *   Sep 29 30                       12
   *   (Oct 1-8 National Day and Mid-Autumn)
   *   Oct 9 10                        14
   *   Sat Oct 11 (make-up)            15
   *   Oct 13-17                       20
   *   Oct 20-24                       25
   *   Oct 27-31                       30  → 2025-10-31
   */
  assert_add (calendar, 2025, 9, 15, 30, "2025-10-31");

  /* Approved Friday 2026-01-30:
   *   Feb 2-6                          5
   *   Feb 9-13                        10
   *   Sat Feb 14 (make-up)            11
   *   (Feb 15-23 Spring Festival)
   *   Feb 24 25 26 27                 15
   *   Sat Feb 28 (make-up)            16
   *   Mar 2-6                         21
   *   Mar 9-13                        26
   *   Mar 16 17 18 19                 30  → 2026-03-19
   */
  assert_add (calendar, 2026, 1, 30, 30, "2026-03-19");

  /* Approved Thursday 2023-09-21:
   *   Sep 22                           1
   *   Sep 25-28                        5
   *   (Sep 29-Oct 6)
   *   Sat Oct 7, Sun Oct 8 (make-up)   7
   *   Oct 9-13                        12
   *   Oct 16-20                       17
   *   Oct 23-27                       22
   *   Oct 30 31, Nov 1 2 3            27
   *   Nov 6 7 8                       30  → 2023-11-08
   */
  assert_add (calendar, 2023, 9, 21, 30, "2023-11-08");

  /* Across the turn of 2022-2023 (New Year holiday from 2022-12-31):
   * from Friday 2022-12-23: Dec 26-30 (5), Jan 3-6 (9), Jan 9-13 (14),
   * Jan 16-20 (19), (Jan 21-27 Spring Festival), Sat Jan 28, Sun Jan 29
   * (21), Jan 30 31, Feb 1 2 3 (26), Feb 6 7 8 9 (30) → 2023-02-09
   */
  assert_add (calendar, 2022, 12, 23, 30, "2023-02-09");
}

/* Checks the constant-time tables against a walk one day at a time. */
static void
test_add_matches_walk (void)
{
  g_autoptr(SbCalendar) calendar = load_default ();
  GDate start, end;

  date_init (&start, 2021, 1, 1);
  date_init (&end, 2026, 8, 31);

  for (; g_date_compare (&start, &end) <= 0; g_date_add_days (&start, 1))
    {
      g_autoptr(GError) error = NULL;
      GDate walk = start, result;
      guint n = 1 + g_date_get_julian (&start) % 60;
      guint found = 0;

      while (found < n)
        {
          gboolean is_working = FALSE;

          g_date_add_days (&walk, 1);
          sb_calendar_is_working_day (calendar, &walk, &is_working, &error);
          g_assert_no_error (error);
          if (is_working)
            found++;
        }

      sb_calendar_add_working_days (calendar, &start, n, &result, &error);
      g_assert_no_error (error);
      g_assert_cmpint (g_date_compare (&result, &walk), ==, 0);
    }
}

/* Counting working days */

static void
test_between_inverse (void)
{
  g_autoptr(SbCalendar) calendar = load_default ();
  static const guint ns[] = { 0, 1, 2, 5, 7, 17, 30, 45, 60 };
  GDate start, end;
  guint checked = 0;

  date_init (&start, 2021, 1, 1);
  date_init (&end, 2026, 9, 30);

  for (; g_date_compare (&start, &end) <= 0; g_date_add_days (&start, 1))
    {
      for (guint i = 0; i < G_N_ELEMENTS (ns); i++)
        {
          g_autoptr(GError) error = NULL;
          GDate result, before;
          int count = G_MININT;
          gboolean is_working = FALSE;

          sb_calendar_add_working_days (calendar, &start, ns[i], &result, &error);
          g_assert_no_error (error);

          sb_calendar_working_days_between (calendar, &start, &result, &count, &error);
          g_assert_no_error (error);
          g_assert_cmpint (count, ==, (int) ns[i]);

          sb_calendar_working_days_between (calendar, &result, &start, &count, &error);
          g_assert_no_error (error);
          g_assert_cmpint (count, ==, -(int) ns[i]);

          if (ns[i] == 0)
            continue;

          /* The result is a working day, and the first to reach n. */
          sb_calendar_is_working_day (calendar, &result, &is_working, &error);
          g_assert_no_error (error);
          g_assert_true (is_working);

          before = result;
          g_date_subtract_days (&before, 1);
          sb_calendar_working_days_between (calendar, &start, &before, &count, &error);
          g_assert_no_error (error);
          g_assert_cmpint (count, ==, (int) ns[i] - 1);
          checked++;
        }
    }

  g_assert_cmpuint (checked, >, 15000);
}

static void
test_between_negative (void)
{
  g_autoptr(SbCalendar) calendar = load_default ();

  /* (9 Feb, 19 Feb 2024]: Sunday 18 and Monday 19. */
  g_assert_cmpint (between (calendar, 2024, 2, 9, 2024, 2, 19), ==, 2);
  g_assert_cmpint (between (calendar, 2024, 2, 19, 2024, 2, 9), ==, -2);
  /* (9 Feb, 17 Feb]: nothing but holidays. */
  g_assert_cmpint (between (calendar, 2024, 2, 9, 2024, 2, 17), ==, 0);
  g_assert_cmpint (between (calendar, 2024, 2, 17, 2024, 2, 9), ==, 0);
  /* Counting backwards includes the later date, not the earlier one. */
  g_assert_cmpint (between (calendar, 2024, 3, 5, 2024, 3, 4), ==, -1);
  g_assert_cmpint (between (calendar, 2024, 3, 4, 2024, 3, 3), ==, -1);
  g_assert_cmpint (between (calendar, 2024, 3, 3, 2024, 3, 2), ==, 0);
  g_assert_cmpint (between (calendar, 2024, 3, 4, 2024, 3, 4), ==, 0);
  /* A whole year, backwards. */
  g_assert_cmpint (between (calendar, 2025, 12, 31, 2024, 12, 31), ==, -248);
  /* Across several years: 250 + 249 + 249 + 251 + 248 + 248. */
  g_assert_cmpint (between (calendar, 2020, 12, 31, 2026, 12, 31), ==, 1495);
}

/* Years without data */

static void
assert_no_data (GError     *error,
                const char *year)
{
  g_assert_error (error, SB_CALENDAR_ERROR, SB_CALENDAR_ERROR_NO_DATA);
  if (g_test_verbose ())
    g_test_message ("%s", error->message);
  if (strstr (error->message, year) == NULL)
    g_error ("“%s” does not name %s", error->message, year);
}

static void
test_no_data (void)
{
  g_autoptr(SbCalendar) calendar = load_default ();
  g_autoptr(GError) error = NULL;
  GDate start, end, result, untouched;
  gboolean is_working;
  int count = 42;

  date_init (&untouched, 2000, 1, 1);

  /* 2019 */
  date_init (&start, 2019, 6, 3);
  result = untouched;
  g_assert_false (sb_calendar_add_working_days (calendar, &start, 5, &result, &error));
  assert_no_data (error, "2019");
  g_assert_cmpint (g_date_compare (&result, &untouched), ==, 0);
  g_clear_error (&error);

  g_assert_false (sb_calendar_is_working_day (calendar, &start, &is_working, &error));
  assert_no_data (error, "2019");
  g_clear_error (&error);

  date_init (&start, 2019, 12, 20);
  date_init (&end, 2021, 1, 10);
  g_assert_false (sb_calendar_working_days_between (calendar, &start, &end, &count, &error));
  assert_no_data (error, "2019");
  g_assert_cmpint (count, ==, 42);
  g_clear_error (&error);
  g_assert_false (sb_calendar_working_days_between (calendar, &end, &start, &count, &error));
  assert_no_data (error, "2019");
  g_clear_error (&error);

  /* 2027: running off the end of the data */
  date_init (&start, 2026, 12, 20);
  g_assert_false (sb_calendar_add_working_days (calendar, &start, 30, &result, &error));
  assert_no_data (error, "2027");
  g_clear_error (&error);

  date_init (&start, 2026, 12, 31);
  g_assert_false (sb_calendar_add_working_days (calendar, &start, 1, &result, &error));
  assert_no_data (error, "2027");
  g_clear_error (&error);

  date_init (&start, 2027, 1, 4);
  g_assert_false (sb_calendar_is_working_day (calendar, &start, &is_working, &error));
  assert_no_data (error, "2027");
  g_clear_error (&error);

  date_init (&start, 2026, 12, 1);
  date_init (&end, 2027, 1, 1);
  g_assert_false (sb_calendar_working_days_between (calendar, &start, &end, &count, &error));
  assert_no_data (error, "2027");
  g_clear_error (&error);

  /* The last covered days still work. */
  assert_add (calendar, 2026, 12, 30, 1, "2026-12-31");
  g_assert_cmpint (between (calendar, 2026, 12, 1, 2026, 12, 31), ==, 22);
}

static void
test_no_data_gap (void)
{
  /* 2022 and 2024 loaded, 2023 not. */
  g_autoptr(SbCalendar) calendar = load_string ("[2022]\nholidays=2022-10-03..2022-10-07\n"
                                                "[2024]\nholidays=2024-01-01\n");
  g_autoptr(GError) error = NULL;
  GDate start, end, result;
  int count;

  date_init (&start, 2022, 12, 20);
  g_assert_false (sb_calendar_add_working_days (calendar, &start, 30, &result, &error));
  assert_no_data (error, "2023");
  g_clear_error (&error);

  date_init (&end, 2024, 1, 10);
  g_assert_false (sb_calendar_working_days_between (calendar, &start, &end, &count, &error));
  assert_no_data (error, "2023");
  g_clear_error (&error);

  /* Up to the last day of 2022, and from the last day of 2023 (which is
   * not examined), all is well.
   */
  assert_add (calendar, 2022, 12, 20, 8, "2022-12-30");
  assert_add (calendar, 2023, 12, 31, 1, "2024-01-02");
  g_assert_cmpint (between (calendar, 2023, 12, 31, 2024, 1, 5), ==, 4);
}

static void
test_no_data_empty (void)
{
  g_autoptr(SbCalendar) calendar = sb_calendar_new ();
  g_autoptr(GError) error = NULL;
  GDate start, result;
  gboolean is_working;

  g_assert_cmpint (sb_calendar_get_first_year (calendar), ==, 0);
  g_assert_cmpint (sb_calendar_get_last_year (calendar), ==, 0);

  date_init (&start, 2024, 3, 4);
  g_assert_false (sb_calendar_is_working_day (calendar, &start, &is_working, &error));
  assert_no_data (error, "2024");
  g_clear_error (&error);

  g_assert_false (sb_calendar_add_working_days (calendar, &start, 1, &result, &error));
  assert_no_data (error, "2024");
  g_clear_error (&error);

  /* Nothing to examine */
  g_assert_true (sb_calendar_add_working_days (calendar, &start, 0, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_date_compare (&result, &start), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calendar/parse/valid", test_parse_valid);
  g_test_add_func ("/calendar/parse/lenient-layout", test_parse_lenient_layout);
  g_test_add_func ("/calendar/parse/malformed-dates", test_parse_malformed_dates);
  g_test_add_func ("/calendar/parse/impossible-dates", test_parse_impossible_dates);
  g_test_add_func ("/calendar/parse/bad-ranges", test_parse_bad_ranges);
  g_test_add_func ("/calendar/parse/workday-not-weekend", test_parse_workday_not_weekend);
  g_test_add_func ("/calendar/parse/holiday-and-workday", test_parse_conflict);
  g_test_add_func ("/calendar/parse/structure", test_parse_structure);
  g_test_add_func ("/calendar/parse/year-boundary", test_parse_year_boundary);
  g_test_add_func ("/calendar/parse/spill-into-adjacent-year", test_spill_into_adjacent_year);
  g_test_add_func ("/calendar/load/atomic", test_load_atomic);
  g_test_add_func ("/calendar/load/replaces-whole-years", test_load_replaces_whole_years);
  g_test_add_func ("/calendar/load/file", test_load_file);
  g_test_add_func ("/calendar/default/search-order", test_find_default_file_order);
  g_test_add_func ("/calendar/default/shipped-file", test_default_file);
  g_test_add_func ("/calendar/working-day/ordinary", test_working_day_ordinary);
  g_test_add_func ("/calendar/working-day/holidays", test_working_day_holidays);
  g_test_add_func ("/calendar/working-day/make-up", test_working_day_make_up);
  g_test_add_func ("/calendar/add/zero", test_add_zero);
  g_test_add_func ("/calendar/add/spring-festival-2024", test_add_spring_festival_2024);
  g_test_add_func ("/calendar/add/spring-festival-2026", test_add_spring_festival_2026);
  g_test_add_func ("/calendar/add/national-day-2023", test_add_national_day_2023);
  g_test_add_func ("/calendar/add/national-day-2025", test_add_national_day_2025);
  g_test_add_func ("/calendar/add/make-up-saturdays", test_add_make_up_saturdays);
  g_test_add_func ("/calendar/add/thirty-days", test_add_thirty_days);
  g_test_add_func ("/calendar/add/matches-walk", test_add_matches_walk);
  g_test_add_func ("/calendar/between/inverse", test_between_inverse);
  g_test_add_func ("/calendar/between/negative", test_between_negative);
  g_test_add_func ("/calendar/no-data/outside-range", test_no_data);
  g_test_add_func ("/calendar/no-data/gap", test_no_data_gap);
  g_test_add_func ("/calendar/no-data/empty", test_no_data_empty);

  return g_test_run ();
}
